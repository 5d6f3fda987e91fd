"""Event pages: an abstract base that trainings and job fairs extend, and the plain event."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Page
from wagtail.search import index

from ..blocks import ContentStreamBlock, RegistrationQuestionsBlock
from ..registration.questions import QuestionSerializer


class AbstractEventPage(Page):
    """Fields every event has. Subclasses set `event_type` (used by feeds and the API)."""

    event_type = "event"

    summary = models.TextField(
        _("summary"), max_length=600,
        help_text=_("Two or three sentences for lists, calendars and search results."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("description"), blank=True)
    category = models.ForeignKey(
        "events.Category", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("category"), help_text=_("Kind of event, e.g. workshop or network meeting."),
    )
    audiences = ParentalManyToManyField(
        "events.Audience", blank=True, related_name="+", verbose_name=_("audiences"),
        help_text=_("Who the event is for."),
    )
    languages = ParentalManyToManyField(
        "events.EventLanguage", blank=True, related_name="+", verbose_name=_("languages"),
        help_text=_("Languages spoken at the event."),
    )
    organisers = ParentalManyToManyField(
        "events.Organisation", blank=True, related_name="+", verbose_name=_("organisers and partners"),
        help_text=_("Who organises the event, with which partners."),
    )
    venue = models.ForeignKey(
        "events.Venue", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("venue"), help_text=_("Where the event takes place; a date can override it."),
    )
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True,
                                    help_text=_("Person or team answering questions."))
    contact_email = models.EmailField(_("contact e-mail"), blank=True,
                                      help_text=_("Public e-mail address for questions."))
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True,
                                     help_text=_("Public phone number for questions."))
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("image"), help_text=_("Optional picture shown at the top of the page and on its cards."),
    )
    # The alt text lives on the page, not on the image: it is translated with the page
    # (Wagtail images have one description in one language) and says what the picture
    # shows in this page's context. clean() requires it whenever an image is chosen.
    image_alt = models.CharField(
        _("image alt text"), max_length=250, blank=True,
        help_text=_("Required with an image: what the picture shows, for people who cannot see "
                    "it, e.g. “Two people in a counselling session at a table”."),
    )

    registration_questions = StreamField(
        RegistrationQuestionsBlock(), verbose_name=_("registration questions"), blank=True,
        help_text=_("Questions asked in the registration form, in addition to name and "
                    "e-mail; translated with the page."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        InlinePanel("occurrences", label=_("Dates"), min_num=1),
        FieldPanel("body"),
        MultiFieldPanel([
            FieldPanel("category"),
            FieldPanel("audiences"),
            FieldPanel("languages"),
            FieldPanel("organisers"),
        ], heading=_("Classification")),
        FieldPanel("venue"),
        MultiFieldPanel([
            FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone"),
        ], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("registration_questions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        # Site search: an event is found by its kind and where it takes place.
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("venue", [index.SearchField("name"), index.SearchField("city")]),
        index.FilterField("category"),
    ]
    api_fields = [
        APIField("summary"), APIField("body"), APIField("category"), APIField("audiences"),
        APIField("languages"), APIField("organisers"), APIField("venue"),
        APIField("contact_name"), APIField("contact_email"), APIField("contact_phone"),
        APIField("image"), APIField("image_alt"),
        # Ready-made sizes for front ends: {url, full_url, width, height, alt}.
        APIField("image_card", serializer=ImageRenditionField("fill-800x450", source="image")),
        APIField("image_thumbnail", serializer=ImageRenditionField("fill-400x225", source="image")),
        APIField("image_wide", serializer=ImageRenditionField("width-1600", source="image")),
        # What to send as `answers` when registering: ids, types, choices, kinds.
        APIField("registration_questions", serializer=QuestionSerializer(
            many=True, read_only=True, source="registration_question_list")),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not (self.image_alt or "").strip():
            raise ValidationError({"image_alt": _(
                "Describe the image for people who cannot see it, or remove the image."
            )})

    @property
    def registration_question_list(self):
        """The registration questions as `Question`s (every kind), in the page's language."""
        from ..registration.questions import page_questions

        return page_questions(self)

    def source_page(self):
        """The page in the default language: its dates hold the places of every translation."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        source = self.get_translation_or_none(default)
        return source.specific if source else self

    def upcoming_dates(self):
        """This event's coming dates, repeats expanded, cancelled ones included and marked."""
        from ..queries import attach_registration_options, expand

        occurrences = list(self.occurrences.select_related("venue").order_by("start"))
        for occurrence in occurrences:  # the page's language is known: no query to look it up
            occurrence.page_language = self.locale.language_code if self.locale_id else None
            occurrence.page_translation_key = self.translation_key
        now = timezone.now()
        # Dates already over are left out by `expand`: their places are not read.
        attach_registration_options([occurrence for occurrence in occurrences
                                     if occurrence.repeat_frequency or occurrence.end > now])
        for occurrence in occurrences:
            occurrence.page = self
        self.__dict__["_all_occurrences"] = occurrences  # for past_dates in the same render
        return expand(occurrences, after=now)

    def past_dates(self):
        now = timezone.now()
        rows = self.__dict__.get("_all_occurrences")
        if rows is None:
            rows = self.occurrences.order_by("-start")
        else:
            rows = sorted(rows, key=lambda occurrence: (occurrence.start, occurrence.pk),
                          reverse=True)
        return [occurrence for occurrence in rows
                if occurrence.end <= now and not occurrence.repeat_frequency]

    @property
    def ics_url(self):
        return reverse("events:page_ics", args=[self.pk])


class EventPage(AbstractEventPage):
    """Events that are neither trainings nor job fairs: workshops, network meetings, info days."""

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")


class EventIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"],
                          help_text=_("Shown above the list of dates."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("event listing")

    def get_context(self, request, *args, **kwargs):
        from ..views import event_index_context

        context = super().get_context(request, *args, **kwargs)
        return event_index_context(self, request, context)
