"""The admin's chooser for registrations: only for those who may see registrations.

Wagtail's snippet chooser views check no model permission, so any admin user could list every
registration (name and reference) through the chooser URL; here each of its views refuses
users without the registration managers' permissions.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from wagtail.snippets.views.chooser import SnippetChooserViewSet

# Any of these lets a user see registrations in the admin (the group "Registration managers").
PERMISSIONS = ("events.view_registration", "events.change_registration")


def can_see_registrations(user):
    return any(user.has_perm(permission) for permission in PERMISSIONS)


def managers_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_see_registrations(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class RegistrationChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        # Every chooser view (choose, results, chosen, create) goes through here.
        return managers_only(super().construct_view(view_class, **kwargs))
