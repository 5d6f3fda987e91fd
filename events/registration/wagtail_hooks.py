"""Wires the registration engine into the admin: viewsets, bulk actions, audit-log actions.
Imported by events/wagtail_hooks.py. (Change notices follow `page_published`: events/apps.py.)"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin import BULK_ACTIONS, RegistrationOptionViewSet, RegistrationViewSet

register_snippet(RegistrationViewSet)

for action in BULK_ACTIONS:
    hooks.register("register_bulk_action", action)


@hooks.register("register_admin_viewset")
def register_option_viewset():
    return RegistrationOptionViewSet("registration_options")


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
}


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    for name, label in LOG_ACTIONS.items():
        actions.register_action(f"events.registration.{name}", label, label)

