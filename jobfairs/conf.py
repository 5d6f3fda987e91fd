"""Settings the job-fairs plugin reads, each with its default (documented in the README)."""

from events.conf import reader

DEFAULTS = {
    # Dotted path of a callable `(district_code, language) -> list of {"name", "address",
    # "phone", "email", "url"}`: the recognition counselling centres responsible for a district.
    # None (the default): job-seekers are neither shown a centre nor asked to be referred.
    "JOBFAIRS_COUNSELLING_LOOKUP": None,
    # Dotted path of a callable `(language) -> list of (district_code, name)`: the districts a
    # job-seeker chooses from. None: the district question is not asked.
    "JOBFAIRS_DISTRICT_CHOICES": None,
    # Days after a fair date's end during which employers report interview outcomes.
    "JOBFAIRS_OUTCOME_DAYS": 56,
}

get = reader(DEFAULTS)
