"""Reference data (the site's districts) and the translatable vocabularies centres are tagged with."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class DistrictKind(models.TextChoices):
    RURAL = "landkreis", _("rural district")
    CITY = "city", _("district-free city")


class District(models.Model):
    """A rural district or district-free city, loaded from the site's data (`load_districts`).

    The `slug` is the stable code used in URLs, filters and the API; names are proper
    names and stay German in every language.
    """

    slug = models.SlugField(_("code"), max_length=60, unique=True,
                            help_text=_("Stable code used in addresses and the API, e.g. “meissen”."))
    name = models.CharField(_("name"), max_length=100,
                            help_text=_("Official name, e.g. “Landkreis Meißen” or “Leipzig”."))
    short_name = models.CharField(_("short name"), max_length=60,
                                  help_text=_("Name shown on the map and in lists, e.g. “Meißen”."))
    kind = models.CharField(_("kind"), max_length=20, choices=DistrictKind.choices,
                            help_text=_("Rural district (Landkreis) or district-free city."))

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("kind")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name


class TaxonomyQuerySet(models.QuerySet):
    def labels(self, language_code=None):
        """{slug: name} in the active language, falling back to the default locale."""
        language_code = language_code or get_language()
        labels = {}
        default = Locale.get_default()
        rows = self.filter(locale__language_code__in={language_code, default.language_code})
        for slug, name, code in rows.values_list("slug", "name", "locale__language_code"):
            if code == language_code or slug not in labels:
                labels[slug] = name
        return labels


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    """A translatable term; its `slug` is shared by all translations so filters work in any language."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The term as visitors read it."))
    slug = models.SlugField(_("code"), max_length=60,
                            help_text=_("Stable code shared by all translations, used in filters and the API."))
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100,
                                                  help_text=_("Lower numbers come first in filters."))

    objects = TaxonomyQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # wagtail-localize would offer the slug for translation: it is a code, keep it in sync.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Service(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class TargetGroup(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class CounsellingLanguage(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("language of counselling")
        verbose_name_plural = _("languages of counselling")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Institution(models.Model):
    """The organisation behind centres and matrix entries (names are proper names, not translated)."""

    name = models.CharField(_("name"), max_length=200, unique=True,
                            help_text=_("Full name, e.g. “Agentur für Arbeit Leipzig”."))
    is_public_authority = models.BooleanField(
        _("public authority"), default=False,
        help_text=_("Authorities are published as schema.org GovernmentOffice, others as LocalBusiness."))
    website = models.URLField(_("website"), blank=True, help_text=_("Home page of the institution."))

    panels = [FieldPanel("name"), FieldPanel("is_public_authority"), FieldPanel("website")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self):
        return self.name
