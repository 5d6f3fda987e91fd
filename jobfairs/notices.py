"""What the job-seeker kind adds to the events' status page and confirmation e-mail
(RegistrationKind.notice): the recognition counselling centre (referrals.notice) and, once the
place is confirmed, the link to the job-seeker's own fair page (interests, free slots)."""


def jobseeker_notice(registration, medium):
    from . import referrals
    from .emails import jobseeker_url
    from .services import JOBSEEKER, MATCHED_STATES

    found = referrals.notice(registration, medium)
    context = {}
    if found:
        context = {**found[1], "counselling_template": found[0]}
    if registration.state in MATCHED_STATES[JOBSEEKER] and not registration.erased_at:
        context["jobseeker_url"] = jobseeker_url(registration)
    if not context:
        return None
    return (f"jobfairs/includes/jobseeker_notice.{medium}", context)
