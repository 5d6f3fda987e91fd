"""Settings the trainings plugin reads, each with its default (documented in the README)."""

from events.conf import reader

DEFAULTS = {
    # Who is told of new in-house requests; empty: the active users of TRAININGS_NOTIFY_GROUP.
    "TRAININGS_NOTIFY_EMAILS": [],
    "TRAININGS_NOTIFY_GROUP": "Training editors",
    # Sessions in "Next sessions" on the programme page.
    "TRAININGS_NEXT_SESSIONS": 6,
    # Where DejaVuSans.ttf is; without it, certificates use core fonts and transliteration.
    "TRAININGS_CERTIFICATE_FONT_DIR": "/usr/share/fonts/truetype/dejavu",
    # Pre-filled funding notice of new programme pages (certificates, module pages).
    "TRAININGS_FUNDING_NOTICE": "",
}

get = reader(DEFAULTS)


def default_funding_notice():
    """Field default of TrainingProgrammePage.funding_notice: the site's notice."""
    return get("TRAININGS_FUNDING_NOTICE")
