"""Wires the registration engine into the admin: viewsets, bulk actions, audit-log actions.
Imported by events/wagtail_hooks.py. (Change notices follow `page_published`: events/apps.py.)"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import checkin_views
from .admin import BULK_ACTIONS, RegistrationOptionViewSet, RegistrationViewSet
from .message_views import message_registrants_view
from .reports import RegistrationStatisticsView, StatisticsMenuItem

register_snippet(RegistrationViewSet)

for action in BULK_ACTIONS:
    hooks.register("register_bulk_action", action)


@hooks.register("register_admin_viewset")
def register_option_viewset():
    return RegistrationOptionViewSet("registration_options")


@hooks.register("register_admin_urls")
def register_statistics_urls():
    view = RegistrationStatisticsView
    return [
        path("reports/registration-statistics/", view.as_view(),
             name=view.index_url_name),
        path("reports/registration-statistics/results/", view.as_view(results_only=True),
             name=view.index_results_url_name),
    ]


@hooks.register("register_admin_urls")
def register_message_urls():
    return [path("registrations/message/<int:occurrence_id>/", message_registrants_view,
                 name="events_registration_message")]


@hooks.register("register_admin_urls")
def register_check_in_urls():
    return [
        path("registrations/check-in/<int:occurrence_id>/", checkin_views.check_in_view,
             name="events_registration_check_in"),
        path("registrations/check-in/<int:occurrence_id>/counts/", checkin_views.counts_view,
             name="events_registration_check_in_counts"),
        path("registrations/badges/<int:occurrence_id>/", checkin_views.badges_view,
             name="events_registration_badges"),
    ]


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(_("Registration statistics"),
                              reverse(RegistrationStatisticsView.index_url_name),
                              name="registration-statistics", icon_name="table", order=1000)


LOG_ACTIONS = {
    "created": _("Registration received"),
    "confirmed": _("Registration confirmed"),
    "cancelled": _("Registration cancelled"),
    "approved": _("Registration approved"),
    "rejected": _("Registration rejected"),
    "promoted": _("Moved up from the waiting list"),
    "expired": _("Unconfirmed place released"),
    "attended": _("Marked attended"),
    "no_show": _("Marked no-show"),
    "erased": _("Personal data erased"),
    "substituted": _("Place handed over to a substitute"),
    "substitute": _("Took over a place as substitute"),
    "message_sent": _("Message sent to the registrant"),
}


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    for name, label in LOG_ACTIONS.items():
        actions.register_action(f"events.registration.{name}", label, label)

