"""The responsibility matrix ("Integrationswegweiser"): who is responsible for what, per district."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from .serializers import DistrictSerializer, InstitutionSerializer


class Topic(models.TextChoices):
    RECOGNITION = "recognition", _("Recognition of foreign qualifications")
    WORK_PERMIT = "work_permit", _("Work permit and residence")
    LANGUAGE_COURSES = "language_courses", _("Language courses")
    JOB_PLACEMENT = "job_placement", _("Job placement")
    BENEFITS = "benefits", _("Benefits")
    LABOUR_LAW = "labour_law", _("Social and labour-law counselling")
    QUALIFICATION_FUNDING = "qualification_funding", _("Qualification funding")


TOPIC_ORDER = {value: position for position, value in enumerate(Topic.values)}


class ResponsibilityEntryQuerySet(models.QuerySet):
    def for_district(self, district, language_code=None):
        """The district's entries in the visitor's language; untranslated ones in the default language."""
        language_code = language_code or get_language()
        default = Locale.get_default().language_code
        rows = list(
            self.filter(district=district, locale__language_code__in={language_code, default})
            .select_related("institution", "locale", "district")
        )
        translated = {e.translation_key for e in rows if e.locale.language_code == language_code}
        entries = [e for e in rows if e.locale.language_code == language_code
                   or e.translation_key not in translated]
        return sorted(entries, key=lambda e: (TOPIC_ORDER.get(e.topic, 99), e.sort_order, e.pk))


class ResponsibilityEntry(TranslatableMixin, index.Indexed, models.Model):
    district = models.ForeignKey("directory.District", on_delete=models.PROTECT,
                                 related_name="responsibilities", verbose_name=_("district"),
                                 help_text=_("The district or city this entry belongs to."))
    topic = models.CharField(_("topic"), max_length=40, choices=Topic.choices,
                             help_text=_("The question people bring."))
    institution = models.ForeignKey(
        "directory.Institution", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="responsibilities", verbose_name=_("institution"),
        help_text=_("The responsible institution."))
    department = models.CharField(_("department"), max_length=200, blank=True,
                                  help_text=_("Office or team within the institution, e.g. “Ausländeramt”."))
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True,
                                    help_text=_("Name of the person to ask."))
    contact_role = models.CharField(_("role"), max_length=150, blank=True,
                                    help_text=_("Their role, e.g. “Integration coordinator”."))
    phone = models.CharField(_("phone"), max_length=50, blank=True, help_text=_("Public phone number."))
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Public e-mail address."))
    note = models.TextField(_("note"), blank=True, help_text=_("Anything partners should know."))
    is_example_data = models.BooleanField(
        _("example data"), default=False,
        help_text=_("Tick when the contact details are placeholders; the public page says so."))
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100,
                                                  help_text=_("Order within one topic."))

    objects = ResponsibilityEntryQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("district"), FieldPanel("topic")]),
        MultiFieldPanel([FieldPanel("institution"), FieldPanel("department")], heading=_("Institution")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                         FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])],
                        heading=_("Contact")),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("is_example_data"), FieldPanel("sort_order")]),
    ]
    search_fields = [
        index.SearchField("contact_name"), index.SearchField("department"), index.SearchField("note"),
        index.AutocompleteField("contact_name"),
        index.FilterField("district"), index.FilterField("topic"),
    ]
    api_fields = [
        APIField("district", serializer=DistrictSerializer()), APIField("topic"),
        APIField("topic_label", serializer=serializers.CharField(source="get_topic_display")),
        APIField("institution", serializer=InstitutionSerializer()), APIField("department"),
        APIField("contact_name"), APIField("contact_role"), APIField("phone"), APIField("email"),
        APIField("note"), APIField("is_example_data"),
        APIField("locale", serializer=serializers.CharField(source="locale.language_code")),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["district__name", "topic", "sort_order"]
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibility matrix")
        permissions = [("edit_all_districts", "Can edit the responsibility matrix of every district")]

    def __str__(self):
        who = self.institution.name if self.institution_id else self.department
        return f"{self.district} – {self.get_topic_display()}: {who}"


class DistrictEditorAssignment(models.Model):
    """Lets a user edit the responsibility matrix of one district (and only those they are assigned)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="district_assignments", verbose_name=_("user"),
                             help_text=_("The district editor."))
    district = models.ForeignKey("directory.District", on_delete=models.CASCADE,
                                 related_name="editor_assignments", verbose_name=_("district"),
                                 help_text=_("The district whose matrix they may edit."))

    panels = [FieldPanel("user"), FieldPanel("district")]

    class Meta:
        unique_together = [("user", "district")]
        verbose_name = _("district editor assignment")
        verbose_name_plural = _("district editor assignments")

    def __str__(self):
        return f"{self.user} → {self.district}"
