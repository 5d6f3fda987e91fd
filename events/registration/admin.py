"""Admin for registrations: a snippet listing (filters, search, export, bulk actions) for the
registration managers, and the registration options with counts only, for every editor."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.coreutils import multigetattr
from wagtail.models import Page
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import InspectView as SnippetInspectView
from wagtail.snippets.views.snippets import SnippetViewSet

from events.exports import ExcelExportMixin
from events.models import Occurrence, Registration, RegistrationOption, RegistrationState
from events.models.registrations import HOLDING_STATES

from . import services
from .answers import display_answer, kind_fields, labelled_answers
from .choosers import RegistrationChooserViewSet
from .kinds import kind_choices
from .questions import export_value, page_questions, stored_answers

# Labels: local times (Europe/Berlin, the admin's zone), names instead of codes -----------------

def local_time(value):
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


def occurrence_label(occurrence):
    """"Title – 01.07.2030 10:00": the event and its local start, as editors name a date."""
    return f"{occurrence.page.title} – {local_time(occurrence.start)}"


def option_label(option):
    return f"{occurrence_label(option.occurrence)} – {option.kind_label}"


def registration_summary(registration):
    """[(label, text)]: the event, date, kind and state, then the kind's answers."""
    option = registration.option
    return [
        (_("Event"), option.occurrence.page.title),
        (_("Date"), local_time(option.occurrence.start)),
        (capfirst(RegistrationOption._meta.get_field("kind").verbose_name), option.kind_label),
        (capfirst(Registration._meta.get_field("state").verbose_name),
         registration.get_state_display()),
        *labelled_answers(registration),
    ]


class OccurrenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return occurrence_label(obj)


class OccurrenceFilter(django_filters.ModelChoiceFilter):
    field_class = OccurrenceChoiceField


class RegistrationFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(choices=RegistrationState.choices, label=_("State"))
    kind = django_filters.ChoiceFilter(field_name="option__kind", choices=kind_choices,
                                       label=_("Kind"))
    event = django_filters.ModelChoiceFilter(
        field_name="occurrence__page", label=_("Event"),
        queryset=Page.objects.filter(occurrences__registration_options__isnull=False)
        .distinct().order_by("title"))
    occurrence = OccurrenceFilter(
        queryset=Occurrence.objects.filter(registration_options__isnull=False).distinct()
        .select_related("page").order_by("-start"), label=_("Date"))
    # The group's public reference, as the list links it and the contact's e-mail names it.
    group = django_filters.UUIDFilter(field_name="group__reference", label=_("Group"))

    class Meta:
        model = Registration
        fields = ["state", "kind", "event", "occurrence", "group"]


# The registrations list, its export and a registration's detail page ----------------------------

REGISTRATION_EXPORT = ["reference", "name", "email", "phone", "language", "option.kind",
                       "option.occurrence.page.title", "option.occurrence.start", "state",
                       "created_at", "consent_version", "consented_at", "group.reference"]
ANSWER_PREFIX = "data."
QUESTION_PREFIX = "answers."


class RegistrationIndexView(ExcelExportMixin, SnippetIndexView):
    export_headings = {
        "reference": _("Reference"),
        "option.kind": capfirst(RegistrationOption._meta.get_field("kind").verbose_name),
        "option.occurrence.page.title": _("Event"),
        "option.occurrence.start": _("Date"),
        "group.reference": _("Group"),
    }

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("option__occurrence__page", "group")

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get("export") and not request.user.has_perm("events.export_registration"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.request.user.has_perm("events.export_registration")

    @cached_property
    def header_buttons(self):
        # The export is what managers come for: visible buttons, not hidden under "…".
        buttons = list(super().header_buttons)
        if self.show_export_buttons:
            buttons += [
                HeaderButton(_("Download CSV"), url=self.csv_export_url, icon_name="download"),
                HeaderButton(_("Download XLSX"), url=self.xlsx_export_url, icon_name="download"),
            ]
        return buttons + self.message_buttons()

    def message_buttons(self):
        """Filtered to one date: managers write to its registrants (message_views.py)."""
        occurrence = self.request.GET.get("occurrence", "")
        if not occurrence.isdigit() or not self.request.user.has_perm("events.change_registration"):
            return []
        return [HeaderButton(_("Message to the registrants"), icon_name="mail", url=reverse(
            "events_registration_message", args=[int(occurrence)])),
            HeaderButton(_("Check-in"), icon_name="tick", url=reverse(
                "events_registration_check_in", args=[int(occurrence)])),
            HeaderButton(_("Badges (PDF)"), icon_name="download", url=reverse(
                "events_registration_badges", args=[int(occurrence)]))]

    @cached_property
    def header_more_buttons(self):
        exports = {self.csv_export_url, self.xlsx_export_url}
        return [button for button in super().header_more_buttons if button.url not in exports]

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # One column per question of the kinds in the export (a shared name shares a column).
        self.answer_fields = {}
        for kind in queryset.order_by().values_list("option__kind", flat=True).distinct():
            for name, field in kind_fields(kind).items():
                self.answer_fields.setdefault(name, field)
        self.list_export = REGISTRATION_EXPORT + [ANSWER_PREFIX + name for name in self.answer_fields]
        # And one per registration question of the events in the export (the id is shared by
        # a page's translations; the label is the default language's, where places are kept).
        self.export_questions, self.question_headings = {}, {}
        pages = Page.objects.filter(pk__in=queryset.order_by().values(
            "option__occurrence__page")).order_by("title").specific()
        for page in pages:
            for question in page_questions(page):
                self.export_questions[question.id] = question
                self.question_headings[question.id] = (question.label, page.title)
        labels = [label for label, _title in self.question_headings.values()]
        self.question_headings = {
            key: label if labels.count(label) == 1 else f"{label} ({title})"
            for key, (label, title) in self.question_headings.items()}
        self.list_export += [QUESTION_PREFIX + key for key in self.export_questions]
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_heading(self, queryset, field):
        if field.startswith(QUESTION_PREFIX):
            return self.question_headings[field.removeprefix(QUESTION_PREFIX)]
        if field.startswith(ANSWER_PREFIX):
            return str(self.answer_fields[field.removeprefix(ANSWER_PREFIX)].label)
        return super().get_heading(queryset, field)

    def to_row_dict(self, item):
        row = {}
        for field in self.list_export:
            if field.startswith(QUESTION_PREFIX):
                key = field.removeprefix(QUESTION_PREFIX)
                row[field] = export_value(self.export_questions[key], stored_answers(item).get(key))
            elif field.startswith(ANSWER_PREFIX):
                name = field.removeprefix(ANSWER_PREFIX)
                value = (item.data or {}).get(name)
                row[field] = "" if value in (None, "", []) else display_answer(
                    self.answer_fields[name], value)
            elif field == "option.kind":
                row[field] = str(item.option.kind_label)
            elif field in ("state", "language"):
                row[field] = getattr(item, f"get_{field}_display")()
            elif field == "group.reference":
                row[field] = str(item.group.reference) if item.group_id else ""
            else:
                row[field] = multigetattr(item, field)
        return row


class RegistrationSummaryPanel(Panel):
    """The registration as the manager reads it (event, date, state, answers), read-only."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/registration/admin/registration_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["summary"] = registration_summary(self.instance) if self.instance.pk else []
            return context


class RegistrationInspectView(SnippetInspectView):
    def get_fields_context(self):
        registration = self.object
        model = Registration._meta
        rows = registration_summary(registration) + [
            (capfirst(model.get_field(name).verbose_name), value) for name, value in (
                ("name", registration.name), ("email", registration.email),
                ("phone", registration.phone), ("language", registration.get_language_display()),
                ("message", registration.message),
                ("created_at", local_time(registration.created_at)),
                ("hold_expires_at", local_time(registration.hold_expires_at)),
                ("consent_version", registration.consent_version),
                ("consented_at", local_time(registration.consented_at)),
                ("erased_at", local_time(registration.erased_at)),
            )] + substitution_rows(registration)
        return [{"label": label, "value": value or "—", "component": None}
                for label, value in rows]


def substitution_rows(registration):
    """"Substitute for …" / "Handed over to …": who took whose place (events/registration/substitution.py)."""
    def who(other):
        return f"{other.name or other.reference[:8]} ({other.reference[:8]})"

    rows = []
    if registration.substitute_for_id:
        rows.append((_("Substitute for"), who(registration.substitute_for)))
    substitute = Registration.objects.filter(substitute_for=registration).first()
    if substitute:
        rows.append((_("Handed over to"), who(substitute)))
    return rows


class GroupColumn(TitleColumn):
    """The group's reference (its first characters), linking to the list of that group."""

    empty_value_display = ""

    def __init__(self):
        super().__init__(
            "group", label=_("Group"), sort_key="group__created_at",
            accessor=lambda item: str(item.group.reference)[:8] if item.group_id else "",
            get_url=lambda item: f"?group={item.group.reference}" if item.group_id else None)


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    chooser_viewset_class = RegistrationChooserViewSet  # managers only
    list_display = ["name", "email", Column("option", label=_("Date and kind"),
                                            accessor=lambda item: option_label(item.option)),
                    "state", "created_at", GroupColumn()]
    list_per_page = 50
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "reference"]
    list_export = REGISTRATION_EXPORT
    export_filename = "registrations"
    # State changes go through the bulk actions (services); the form edits contact details only,
    # the kind's answers are shown as the registrant gave them.
    panels = [
        RegistrationSummaryPanel(heading=_("Registration")),
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("language")]),
        FieldPanel("message"),
    ]
    inspect_view_enabled = True


# Places per date and kind --------------------------------------------------------------------

class RegistrationOptionFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=kind_choices, label=capfirst(RegistrationOption._meta.get_field("kind").verbose_name))

    class Meta:
        model = RegistrationOption
        fields = ["kind", "requires_approval"]


class OptionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("occurrence__page").annotate(
            held=Count("registrations", filter=Q(registrations__state__in=HOLDING_STATES)),
            waiting=Count("registrations", filter=Q(registrations__state=RegistrationState.WAITLISTED)),
        ).order_by("-occurrence__start")

    @cached_property
    def columns(self):
        # The date is the row's title and links to the option's edit form.
        title = self._get_title_column_class(TitleColumn)(
            "occurrence", label=_("Date"), accessor=lambda option: occurrence_label(option.occurrence),
            get_url=self.get_edit_url, sort_key="occurrence__start")
        return [title, *super().columns[1:]]


class RegistrationOptionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        occurrence = self.fields["occurrence"]
        occurrence.queryset = occurrence.queryset.select_related("page").order_by("-start")
        occurrence.label_from_instance = occurrence_label


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
        "occurrence",  # the title column, see OptionIndexView.columns
        Column("kind", label=capfirst(RegistrationOption._meta.get_field("kind").verbose_name),
               accessor="kind_label"),
        "capacity",
        Column("held", label=_("Places taken")),
        Column("waiting", label=_("Waiting list")),
    ]
    filterset_class = RegistrationOptionFilterSet
    edit_handler = ObjectList([
        FieldPanel("occurrence"),
        FieldRowPanel([FieldPanel("kind", widget=forms.Select(choices=kind_choices)),
                       FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel([
            FieldPanel("waitlist_enabled"), FieldPanel("requires_approval"), FieldPanel("hold_hours"),
            FieldPanel("cancel_hours_before"), FieldPanel("reminder_offsets"),
        ], heading=_("Rules")),
    ], base_form_class=RegistrationOptionForm)


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
