"""Admin for registrations: a snippet listing (filters, search, export, bulk actions) for the
registration managers, and the registration options with counts only, for every editor."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from events.exports import neutralise
from events.models import Occurrence, Registration, RegistrationOption, RegistrationState
from events.models.registrations import HOLDING_STATES

from . import services
from .choosers import RegistrationChooserViewSet
from .kinds import kind_choices


# Characters with which a spreadsheet starts a formula (or a DDE command).
class RegistrationFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(choices=RegistrationState.choices, label=_("State"))
    kind = django_filters.ChoiceFilter(field_name="option__kind", choices=kind_choices,
                                       label=_("Kind"))
    occurrence = django_filters.ModelChoiceFilter(
        queryset=Occurrence.objects.filter(registration_options__isnull=False).distinct()
        .select_related("page").order_by("-start"), label=_("Date"))
    event = django_filters.NumberFilter(field_name="occurrence__page_id", label=_("Event (page id)"))

    class Meta:
        model = Registration
        fields = ["state", "kind", "occurrence", "event"]


class RegistrationIndexView(SnippetIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("option__occurrence__page")

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get("export") and not request.user.has_perm("events.export_registration"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.request.user.has_perm("events.export_registration")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return row.__class__((field, neutralise(value)) for field, value in row.items())

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    chooser_viewset_class = RegistrationChooserViewSet  # managers only
    list_display = ["name", "email", Column("option", label=_("Date and kind"), accessor="option"),
                    "state", "created_at"]
    list_per_page = 50
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "reference"]
    list_export = ["reference", "name", "email", "phone", "language", "option.kind",
                   "option.occurrence.page.title", "option.occurrence.start", "state",
                   "created_at", "consent_version", "consented_at", "data"]
    export_headings = {"option.kind": _("Kind"), "option.occurrence.page.title": _("Event"),
                       "option.occurrence.start": _("Date")}
    export_filename = "registrations"
    # State changes go through the bulk actions (services); the form edits contact details only.
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("language")]),
        FieldPanel("data"),
        FieldPanel("message"),
    ]
    inspect_view_enabled = True


class RegistrationOptionFilterSet(WagtailFilterSet):
    class Meta:
        model = RegistrationOption
        fields = ["kind", "requires_approval"]


class OptionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("occurrence__page").annotate(
            held=Count("registrations", filter=Q(registrations__state__in=HOLDING_STATES)),
            waiting=Count("registrations", filter=Q(registrations__state=RegistrationState.WAITLISTED)),
        ).order_by("-occurrence__start")


class PromotingSaveMixin:
    """Saving an option fills newly free places from the waiting list (raised capacity)."""

    def save_instance(self):
        instance = super().save_instance()
        services.promote_next(instance, user=self.request.user)
        return instance


class OptionCreateView(PromotingSaveMixin, CreateView):
    pass


class OptionEditView(PromotingSaveMixin, EditView):
    pass


class RegistrationOptionViewSet(ModelViewSet):
    """Places per date and kind with counts only: no personal data, for every editor."""

    model = RegistrationOption
    icon = "list-ul"
    menu_label = _("Registration places")
    menu_order = 251
    add_to_admin_menu = True
    index_view_class = OptionIndexView
    add_view_class = OptionCreateView
    edit_view_class = OptionEditView
    list_display = [
        Column("occurrence", label=_("Date"), accessor="occurrence"),
        "kind", "capacity",
        Column("held", label=_("Places taken")),
        Column("waiting", label=_("Waiting list")),
    ]
    filterset_class = RegistrationOptionFilterSet
    panels = [
        FieldPanel("occurrence"),
        FieldRowPanel([FieldPanel("kind", widget=forms.Select(choices=kind_choices)),
                       FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel([
            FieldPanel("waitlist_enabled"), FieldPanel("requires_approval"), FieldPanel("hold_hours"),
        ], heading=_("Rules")),
    ]


# Bulk actions -------------------------------------------------------------------------------

class MessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the registrants"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Included in the e-mail they receive."),
    )


class RegistrationBulkAction(SnippetBulkAction):
    models = [Registration]
    template_name = "events/registration/admin/confirm_bulk_action.html"
    service = None
    action_priority = 50

    def check_perm(self, obj):
        return self.request.user.has_perm("events.change_registration")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        return context

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        view = kwargs["self"]
        extra = {}
        if view.cleaned_form is not None and "message" in view.cleaned_form.cleaned_data:
            extra["message"] = view.cleaned_form.cleaned_data["message"]
        done = 0
        view.failures = []
        for registration in objects:
            try:
                cls.run(registration, user=view.request.user, **extra)
                done += 1
            except services.RegistrationError as error:
                view.failures.append(str(error.message))
        return done, 0

    @classmethod
    def run(cls, registration, **kwargs):
        raise NotImplementedError

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext("%(count)d registration updated.", "%(count)d registrations updated.",
                           num_parent_objects) % {"count": num_parent_objects}
        if getattr(self, "failures", None):
            message += " " + ngettext("%(count)d could not be changed: %(reason)s",
                                      "%(count)d could not be changed: %(reason)s",
                                      len(self.failures)) % {
                "count": len(self.failures), "reason": self.failures[0]}
        return message


class ApproveBulkAction(RegistrationBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected registrations")

    @classmethod
    def run(cls, registration, user=None):
        services.approve(registration, user=user)


class RejectBulkAction(RegistrationBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject selected registrations")
    form_class = MessageForm

    @classmethod
    def run(cls, registration, user=None, message=""):
        services.reject(registration, user=user, message=message)


class PromoteBulkAction(RegistrationBulkAction):
    display_name = _("Move up from waiting list")
    action_type = "promote"
    aria_label = _("Move selected registrations up from the waiting list")

    @classmethod
    def run(cls, registration, user=None):
        services.promote(registration, user=user)


class AttendedBulkAction(RegistrationBulkAction):
    display_name = _("Mark attended")
    action_type = "mark_attended"
    aria_label = _("Mark selected registrations as attended")

    @classmethod
    def run(cls, registration, user=None):
        services.mark_attended(registration, user=user)


class NoShowBulkAction(RegistrationBulkAction):
    display_name = _("Mark no-show")
    action_type = "mark_no_show"
    aria_label = _("Mark selected registrations as not attended")

    @classmethod
    def run(cls, registration, user=None):
        services.mark_no_show(registration, user=user)


class CancelBulkAction(RegistrationBulkAction):
    display_name = _("Cancel")
    action_type = "cancel"
    aria_label = _("Cancel selected registrations")
    form_class = MessageForm
    classes = {"serious"}

    @classmethod
    def run(cls, registration, user=None, message=""):
        services.cancel(registration, user=user, message=message)


class EraseBulkAction(RegistrationBulkAction):
    """Data-subject requests: search the address, select its registrations, erase."""

    display_name = _("Erase personal data")
    action_type = "erase"
    aria_label = _("Erase the personal data of the selected registrations")
    classes = {"serious"}

    @classmethod
    def run(cls, registration, user=None):
        from .privacy_ops import erase_registration

        erase_registration(registration, user=user)


BULK_ACTIONS = [ApproveBulkAction, RejectBulkAction, PromoteBulkAction, AttendedBulkAction,
                NoShowBulkAction, CancelBulkAction, EraseBulkAction]
