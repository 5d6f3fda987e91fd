"""The site's own pages: home, the four action areas and plain pages (imprint, privacy …)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.models.mixins import PlainLanguageMixin

from .blocks import BaseStreamBlock


class HomePage(Page):
    intro = RichTextField(
        verbose_name=_("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences on what the network does, shown at the top of the home page."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    upcoming_events_count = models.PositiveSmallIntegerField(
        verbose_name=_("number of upcoming events"),
        default=4,
        validators=[MaxValueValidator(12)],
        help_text=_("How many of the next event dates the home page lists (0 hides the list)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("upcoming_events_count"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("body"), APIField("upcoming_events_count")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def action_areas(self):
        return ProgrammePage.objects.live().public().child_of(self).order_by("number")

    def upcoming_dates(self):
        """The next event dates of every type in this page's language (repeats expanded)."""
        if not self.upcoming_events_count:
            return []
        from events.queries import upcoming_occurrences

        return upcoming_occurrences(self.locale, limit=self.upcoming_events_count)

    def event_index(self):
        from events.models import EventIndexPage

        return EventIndexPage.objects.live().public().filter(locale=self.locale).first()


class ProgrammePage(PlainLanguageMixin, Page):
    """An action area of the programme ("Handlungsschwerpunkt")."""

    number = models.PositiveSmallIntegerField(
        verbose_name=_("number"),
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Number of the action area, e.g. 1 for “Handlungsschwerpunkt 1”."),
    )
    summary = models.TextField(
        verbose_name=_("summary"),
        max_length=600,
        help_text=_("Two or three sentences shown in lists and as the page's lead."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True,
                                    help_text=_("Person or team to ask about this action area."))
    contact_email = models.EmailField(_("contact e-mail"), blank=True,
                                      help_text=_("Public e-mail address of the contact."))
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True,
                                     help_text=_("Public phone number of the contact."))
    contact_note = models.CharField(_("contact note"), max_length=300, blank=True,
                                    help_text=_("For example office hours or languages spoken."))

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("plain_language_summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"),
             FieldPanel("contact_phone"), FieldPanel("contact_note")],
            heading=_("Contact"),
        ),
        InlinePanel("related_documents", label=_("Related documents")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("plain_language_summary"),
        index.SearchField("body"),
        index.FilterField("number"),
    ]
    api_fields = [
        APIField("number"), APIField("summary"), APIField("plain_language_summary"), APIField("body"),
        APIField("contact_name"), APIField("contact_email"), APIField("contact_phone"),
        APIField("contact_note"), APIField("related_documents"),
    ]

    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("action area page")
        verbose_name_plural = _("action area pages")

    @property
    def has_contact(self):
        return any([self.contact_name, self.contact_email, self.contact_phone])


class ProgrammePageDocument(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("document"),
    )

    panels = [FieldPanel("document")]
    api_fields = [APIField("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")


class StandardPage(Page):
    """Plain pages: imprint, privacy policy, accessibility statement, reports."""

    summary = models.TextField(_("summary"), max_length=600, blank=True,
                               help_text=_("Optional lead shown above the body."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("summary"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.ProgrammePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    imprint_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("imprint page"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("privacy policy page"),
        help_text=_("Registration forms link their consent checkbox to this page."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("accessibility statement page"),
    )

    panels = [
        PageChooserPanel("imprint_page"),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("footer links")
