"""Translatable vocabularies that editors manage as snippets: categories, audiences, venues …"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Vocabulary(TranslatableMixin, index.Indexed, models.Model):
    """A named, translatable term with a stable slug that feeds and the API filter on."""

    name = models.CharField(_("name"), max_length=150, help_text=_("Name shown to visitors."))
    slug = models.SlugField(
        _("slug"), max_length=80, allow_unicode=False,
        help_text=_("Stable code used in filters, feeds and the API, e.g. “workshop”."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("slug")]
    # The slug is the same code in every language: translators see only the name.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Category(Vocabulary):
    # Calendars show the category's name (CATEGORIES): renaming it changes the feeds' validators.
    updated_at = models.DateTimeField(auto_now=True, null=True, editable=False)

    class Meta(Vocabulary.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Audience(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class EventLanguage(Vocabulary):
    """A language spoken at events; the slug is the ISO 639-1 code."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("event language")
        verbose_name_plural = _("event languages")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """An organiser or partner of events (Jobcenter, chamber of crafts, …)."""

    name = models.CharField(_("name"), max_length=200, help_text=_("Full name of the organisation."))
    website = models.URLField(_("website"), blank=True, help_text=_("Public website, optional."))

    panels = [FieldPanel("name"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("website")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Venue(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200, help_text=_("Name of the building or room."))
    street = models.CharField(_("street and number"), max_length=200, blank=True,
                              help_text=_("Street address, e.g. “Musterstraße 1”."))
    postcode = models.CharField(_("postcode"), max_length=10, blank=True, help_text=_("Five digits."))
    city = models.CharField(_("city"), max_length=100, help_text=_("Town or city, e.g. Leipzig."))
    district = models.CharField(
        _("district"), max_length=100, blank=True,
        help_text=_("Landkreis or district-free city, e.g. “Landkreis Meißen”."),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
                                   help_text=_("WGS 84, e.g. 51.339695."))
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
                                    help_text=_("WGS 84, e.g. 12.373075."))
    step_free_access = models.TextField(
        _("step-free access"), blank=True,
        help_text=_("Entrances, lifts, accessible toilets – what a wheelchair user needs to know."),
    )
    public_transport = models.TextField(
        _("public transport"), blank=True, help_text=_("Nearest stops and lines."),
    )
    # Calendars show the address: editing it must change the feeds' ETag and Last-Modified.
    updated_at = models.DateTimeField(auto_now=True, null=True, editable=False)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([
            FieldPanel("street"),
            FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
            FieldPanel("district"),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        ], heading=_("Address")),
        FieldPanel("step_free_access"),
        FieldPanel("public_transport"),
    ]
    search_fields = [
        index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("city"),
        index.FilterField("city"),
    ]
    api_fields = [
        APIField("name"), APIField("street"), APIField("postcode"), APIField("city"),
        APIField("district"), APIField("latitude"), APIField("longitude"),
        APIField("step_free_access"), APIField("public_transport"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["city", "name"]

    def __str__(self):
        return f"{self.name}, {self.city}"

    @property
    def address(self):
        """One line for LOCATION in calendars and for maps."""
        locality = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.name, self.street, locality) if part)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None
