"""Wiring between plugins that must not import each other: the site connects them here.

The job fairs show job-seekers the recognition counselling centre of their district, which the
directory knows (its responsibility matrix); settings name these functions
(JOBFAIRS_COUNSELLING_LOOKUP, JOBFAIRS_DISTRICT_CHOICES in cms/settings/base.py).
"""


def recognition_counselling(district_code, language):
    """Job fairs → directory: [{name, address, phone, email, url}] for a district code."""
    from directory.counselling import recognition_centres

    return recognition_centres(district_code, language)


def district_choices(language):
    """Job fairs → directory: (code, name) of the districts a job-seeker chooses from."""
    from directory.counselling import district_choices as choices

    return choices(language)
