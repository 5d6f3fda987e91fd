"""Who receives a date's online join link: one rule for e-mails, calendars and personal pages.

The link (and the access notes beside it) is for people holding a settled place of a part that
takes place online: the whole date, or the online part of a hybrid date. Public outputs never
read it; they only learn that a date is online (`Occurrence.mode`).
"""


def join_details(registration, occurrence=None):
    """(link, access notes) for `registration`, or ("", "")."""
    occurrence = occurrence or registration.option.occurrence
    if not occurrence.online_url or not registration.has_secured_place:
        return "", ""
    if not registration.option.receives_join_link:
        return "", ""
    return occurrence.online_url, occurrence.online_access.strip()


def personalise(occurrence, registration):
    """Put the registrant's join details on `occurrence` (read by events.ical and e-mails)."""
    occurrence.personal_online_url, occurrence.personal_online_access = join_details(
        registration, occurrence)
    return occurrence


def parts_for(occurrence):
    """The parts a date's places are offered in: on site and online for a hybrid date, else
    the whole date (for plugins that create the registration options themselves)."""
    from events.models.occurrences import AttendanceMode

    return ("onsite", "online") if occurrence.mode == AttendanceMode.HYBRID else ("",)


def mode_for(*, venue=None, online_url=""):
    """The mode of a date created from a venue and a link (e.g. an in-house training session)."""
    from events.models.occurrences import AttendanceMode

    if not online_url:
        return AttendanceMode.ON_SITE
    return AttendanceMode.HYBRID if venue is not None else AttendanceMode.ONLINE
