"""Admin viewsets: in-house requests (status filter, audit-logged status, "create session")
and the trainers snippet; both sit in the "Trainings" admin menu."""

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import SnippetViewSet

from events.exports import ExcelExportMixin

from . import admin_views, services
from .models import InHouseRequest, InHouseRequestStatus, Trainer

MENU_HOOK = "register_trainings_menu_item"


class InHouseRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=InHouseRequestStatus.choices, label=_("Status"))

    class Meta:
        model = InHouseRequest
        fields = ["status", "module"]


class InHouseRequestIndexView(ExcelExportMixin, IndexView):
    """The listing; its CSV/XLSX export defuses formulas typed into the public form."""


class InHouseRequestEditView(EditView):
    def save_instance(self):
        # The status changes through the service (audit log); the rest is a plain edit.
        new_status = self.form.cleaned_data.get("status")
        previous = InHouseRequest.objects.values_list("status", flat=True).get(pk=self.object.pk)
        self.form.instance.status = previous
        instance = super().save_instance()
        if new_status and new_status != previous:
            instance = services.set_request_status(instance, new_status, user=self.request.user)
        return instance

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if (self.object.status == InHouseRequestStatus.SCHEDULED and not self.object.session_uid
                and self.request.user.has_perm("trainings.change_inhouserequest")):
            buttons.append(HeaderButton(
                _("Create session"), icon_name="date", priority=5,
                url=reverse("trainings_inhouse_requests:create_session", args=[self.object.pk])))
        return buttons


class InHouseRequestViewSet(ModelViewSet):
    model = InHouseRequest
    icon = "mail"
    menu_label = _("In-house requests")
    menu_hook = MENU_HOOK
    add_to_admin_menu = True
    menu_order = 10
    index_view_class = InHouseRequestIndexView
    edit_view_class = InHouseRequestEditView
    list_display = ["organisation", Column("module", label=_("Module"), accessor="module"),
                    "participants", "preferred_period", "status", "created_at"]
    list_filter = None
    filterset_class = InHouseRequestFilterSet
    search_fields = ["organisation", "contact_name", "email", "reference"]
    list_export = ["reference", "organisation", "contact_name", "email", "phone", "module",
                   "preferred_period", "participants", "place", "location", "status",
                   "created_at"]
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/create-session/", admin_views.create_session, name="create_session"),
        ]


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    icon = "user"
    menu_label = _("Trainers")
    menu_hook = MENU_HOOK
    add_to_admin_menu = True
    menu_order = 20
    list_display = ["name", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
