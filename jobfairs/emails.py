"""E-mails of job fairs: the personal interview timetable and the employers' follow-up.

The follow-up names candidates by first name and the first eight characters of their
reference only: enough for the employer to say whom they invite, no contact data.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Registration
from events.registration import mail_texts
from events.registration.emails import base_url, single_line

TEMPLATES = {"timetable", "followup", "manage"}


def first_name(name):
    return (name or "").split(" ")[0]


def timetable_url(registration):
    with translation.override(registration.language):
        return base_url() + reverse("jobfairs:timetable", args=[registration.reference])


def jobseeker_url(registration):
    """The job-seeker's page (interests, free slots); empty for employers."""
    if registration.option.kind != "jobseeker":
        return ""
    with translation.override(registration.language):
        return base_url() + reverse("jobfairs:jobseeker", args=[registration.reference])


def manage_url(registration):
    from .postings import manage_token

    with translation.override(registration.language):
        return base_url() + reverse("jobfairs:employer", args=[manage_token(registration)])


def build(registration, template):
    from .services import timetable_of

    if template not in TEMPLATES:
        raise ValueError(f"unknown job-fair e-mail {template!r}")
    occurrence = registration.option.occurrence
    page = occurrence.page.specific
    with translation.override(registration.language), timezone.override("Europe/Berlin"):
        interviews = timetable_of(registration)
        context = {
            "registration": registration, "occurrence": occurrence, "page": page,
            "interviews": interviews, "is_employer": registration.option.kind == "employer",
            "candidates": [{"first_name": first_name(i.jobseeker.name),
                            "reference": i.jobseeker.reference[:8],
                            "status": i.get_status_display()} for i in interviews],
            "timetable_url": timetable_url(registration),
            "jobseeker_url": jobseeker_url(registration),
            "manage_url": manage_url(registration) if template in ("manage", "followup") else "",
            "site_name": settings.WAGTAIL_SITE_NAME,
            "reply_to": page.contact_email,
        }
        # The e-mail as the editors worded it (admin: registration e-mail texts), if they did.
        custom = mail_texts.custom_email(f"jobfairs.{template}", context)
        if custom:
            subject, body = custom[0], custom[1]
        else:
            subject = render_to_string(f"jobfairs/email/{template}_subject.txt", context)
            body = render_to_string(f"jobfairs/email/{template}.txt", context)
        calendar = None
        if template == "timetable" and interviews:
            from .timetables import timetable_ics

            calendar = timetable_ics(registration, url=context["timetable_url"])
    message = EmailMultiAlternatives(
        subject=single_line(subject), body=body, to=[single_line(registration.email)],
        reply_to=[page.contact_email] if page.contact_email else None,
        headers={"Content-Language": registration.language},
    )
    if calendar:
        message.attach("interviews.ics", calendar, "text/calendar; charset=utf-8; method=PUBLISH")
    return message


def send(registration_id, template):
    registration = Registration.objects.select_related("option__occurrence__page").get(
        pk=registration_id)
    if registration.erased_at or not registration.email:
        return False
    build(registration, template).send()
    return True
