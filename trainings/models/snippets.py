"""Trainers: a translatable snippet (the bio is translated, the person is the same)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Trainer(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200,
                            help_text=_("Full name as it appears on certificates."))
    bio = models.TextField(_("short biography"), blank=True, max_length=1500,
                           help_text=_("Two or three sentences on the trainer's background."))
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("photo"), help_text=_("Optional portrait."),
    )
    # Translated with the trainer, like the page images' alt texts (see AbstractEventPage).
    photo_alt = models.CharField(
        _("photo alt text"), max_length=250, blank=True,
        help_text=_("Required with a photo: what it shows, e.g. “Portrait of Anna Schmidt”."),
    )

    panels = [FieldPanel("name"), FieldPanel("bio"), FieldPanel("photo"), FieldPanel("photo_alt")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("bio")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not (self.photo_alt or "").strip():
            raise ValidationError({"photo_alt": _(
                "Describe the photo for people who cannot see it, or remove the photo."
            )})
