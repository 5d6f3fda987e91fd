"""Page mixins shared by the site and the plugins."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlainLanguageMixin(models.Model):
    """A short summary in plain language ("Leichte Sprache"), shown first on the page.

    Templates include `events/includes/plain_language.html` with `text=page.plain_language_summary`.
    """

    plain_language_summary = models.TextField(
        _("plain-language summary"), blank=True, max_length=1200,
        help_text=_("Optional short text in plain language (“Leichte Sprache”): short sentences, "
                    "common words. Shown first on the page when filled in."),
    )

    class Meta:
        abstract = True
