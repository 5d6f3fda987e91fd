"""Wires the trainings plugin into the admin: the "Trainings" menu, viewsets, admin views and
audit-log actions. Nothing here holds logic."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet

from . import admin_views
from .viewsets import MENU_HOOK, InHouseRequestViewSet, TrainerViewSet

register_snippet(TrainerViewSet)


@hooks.register("register_admin_viewset")
def register_inhouse_request_viewset():
    return InHouseRequestViewSet("trainings_inhouse_requests",
                                 url_prefix="trainings/inhouse-requests")


@hooks.register("register_admin_urls")
def register_trainings_admin_urls():
    return [
        path("trainings/attendance/", admin_views.attendance_index,
             name="trainings_attendance_index"),
        path("trainings/attendance/<int:occurrence_id>/", admin_views.attendance,
             name="trainings_attendance"),
        path("trainings/feedback/", admin_views.feedback_report, name="trainings_feedback"),
        path("trainings/feedback/<int:module_id>/", admin_views.feedback_module_report,
             name="trainings_feedback_module"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register(MENU_HOOK)
def register_attendance_menu_item():
    return PermissionMenuItem(_("Attendance"), reverse("trainings_attendance_index"),
                              icon_name="tick-inverse", order=30,
                              permission=admin_views.ATTENDANCE_PERMISSION)


@hooks.register(MENU_HOOK)
def register_feedback_menu_item():
    return PermissionMenuItem(_("Feedback"), reverse("trainings_feedback"),
                              icon_name="doc-full", order=40,
                              permission=admin_views.FEEDBACK_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_trainings_menu():
    return SubmenuMenuItem(_("Trainings"), Menu(register_hook_name=MENU_HOOK),
                           icon_name="group", name="trainings", order=260)


LOG_ACTIONS = {
    "inhouse_request.created": _("In-house request received"),
    "inhouse_request.status_changed": _("In-house request status changed"),
    "inhouse_request.session_created": _("Session created from in-house request"),
}


@hooks.register("register_log_actions")
def register_trainings_log_actions(actions):
    for name, label in LOG_ACTIONS.items():
        actions.register_action(f"trainings.{name}", label, label)
