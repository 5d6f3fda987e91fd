"""Trades and occupations a fair is about: a translatable vocabulary with the German job title."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Trade(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=150,
                            help_text=_("Name of the trade in this language, e.g. “bricklayer”."))
    german_name = models.CharField(
        _("German occupation name"), max_length=150,
        help_text=_("Official German job title (Berufsbezeichnung), e.g. “Maurer/-in”."),
    )
    slug = models.SlugField(
        _("slug"), max_length=80,
        help_text=_("Stable code used in the API and in registrations, e.g. “maurer”."),
    )

    panels = [FieldPanel("name"), FieldPanel("german_name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.SearchField("german_name"),
                     index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("german_name"), APIField("slug")]
    # The German occupation name and the slug are the same in every language.
    override_translatable_fields = [SynchronizedField("german_name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("trade")
        verbose_name_plural = _("trades")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @staticmethod
    def base_german_name(value):
        """“Maurer/-in” → “maurer”: what people type when they name the trade."""
        return value.split("/")[0].split("(")[0].strip().casefold()
