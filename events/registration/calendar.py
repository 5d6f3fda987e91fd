"""A registrant's private calendar: the dates they hold a place for, following every change.

The link in the confirmation (`/feeds/personal/<signed reference>.ics`) lists every active
registration of the same e-mail address, with the page in their language; a date the
organiser cancels stays with STATUS:CANCELLED. It is revoked (410) once the registration it
was issued for is cancelled, rejected, expired or erased.
"""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from events import conf as events_conf
from events.feeds import BaseEventFeed
from events.models import Registration
from events.models.registrations import ACTIVE_STATES

from .online import personalise
from .tokens import TokenInvalid, calendar_token, read_calendar_token


def calendar_path(registration):
    return reverse("events:personal_feed", args=[calendar_token(registration)])


class PersonalFeed(BaseEventFeed):
    def __init__(self, registration):
        super().__init__(language=registration.language)
        self.registration = registration

    def title(self, obj=None):
        return translation.gettext("My registrations – %(site)s") % {
            "site": events_conf.site_name()}

    def file_name(self, obj=None):
        return "my-registrations.ics"

    def occurrences(self, obj):
        registrations = (Registration.objects.filter(
            email_normalised=self.registration.email_normalised, state__in=ACTIVE_STATES,
            erased_at__isnull=True).select_related("occurrence__venue", "occurrence__page", "option")
            .order_by("occurrence__start"))
        occurrences = []
        for registration in registrations:
            occurrence = registration.occurrence
            occurrence.page = occurrence.page.specific.localized
            # Only people holding a place see the join link (events.ical.join_url).
            personalise(occurrence, registration)
            occurrences.append(occurrence)
        return occurrences


@require_safe
def personal_feed(request, token):
    try:
        reference = read_calendar_token(token)
    except TokenInvalid as error:
        raise Http404 from error
    registration = Registration.objects.filter(reference=reference).first()
    if registration is None:
        raise Http404
    if registration.erased_at or registration.state not in ACTIVE_STATES:
        return HttpResponse(translation.gettext("This calendar link is no longer valid."),
                            status=410, content_type="text/plain; charset=utf-8")
    with translation.override(registration.language):
        response = PersonalFeed(registration)(request)
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response
