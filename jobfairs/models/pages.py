"""The job-fair listing and the fair page with its workshops, info desks, programme and interpreters.

Registrations (employers, job-seekers) and interviews belong to the dates of the fair page in
the default language; translations show and link to those, so a fair has one pool of places.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.models import AbstractEventPage
from events.models.occurrences import event_timezone

from ..serializers import ExhibitorEntrySerializer, PlaceSerializer, TradeSerializer


class JobFairIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"],
                          help_text=_("Shown above the list of fairs."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["jobfairs.JobFairPage"]
    max_count_per_parent = 1
    template = "jobfairs/job_fair_index_page.html"

    class Meta:
        verbose_name = _("job fair listing")

    def fairs(self):
        """(upcoming, past) live fairs below this page, each with its first and last date."""
        from events.queries import with_card_images

        pages = list(with_card_images(JobFairPage.objects.child_of(self).live().public()
                                      .prefetch_related("occurrences").defer_streamfields()))
        now = timezone.now()
        upcoming, past = [], []
        for page in pages:
            dates = sorted(page.occurrences.all(), key=lambda occurrence: occurrence.start)
            if not dates:
                continue
            page.first_date, page.last_date = dates[0], dates[-1]
            (upcoming if page.last_date.end >= now else past).append(page)
        upcoming.sort(key=lambda page: page.first_date.start)
        past.sort(key=lambda page: page.first_date.start, reverse=True)
        return upcoming, past

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming"], context["past"] = self.fairs()
        return context


class JobFairPage(AbstractEventPage):
    event_type = "jobfair"

    trades = ParentalManyToManyField(
        "jobfairs.Trade", blank=True, related_name="+", verbose_name=_("trades"),
        help_text=_("The trades and occupations the fair is about."),
    )
    directions = RichTextField(
        _("directions"), blank=True, features=["bold", "italic", "link", "ul"],
        help_text=_("How to get there: stops, parking, which entrance, signs on the day."),
    )
    jobseeker_capacity = models.PositiveIntegerField(
        _("places for job-seekers"), default=80,
        help_text=_("Per date. Publishing the page creates or updates the registration places."),
    )
    employer_capacity = models.PositiveIntegerField(
        _("places for employers"), default=12,
        help_text=_("Tables per date. Every employer is approved by an editor."),
    )
    interview_start = models.TimeField(
        _("interviews start at"), default=datetime.time(10, 0),
        help_text=_("Time of the first interview slot (Europe/Berlin)."),
    )
    interview_slot_minutes = models.PositiveSmallIntegerField(
        _("minutes per interview"), default=15,
        validators=[MinValueValidator(5), MaxValueValidator(120)],
        help_text=_("Length of one short interview, including the change-over."),
    )
    interview_slot_count = models.PositiveSmallIntegerField(
        _("number of interview slots"), default=12,
        validators=[MinValueValidator(1), MaxValueValidator(48)],
        help_text=_("How many interviews follow one another at each table."),
    )
    interviews_per_jobseeker = models.PositiveSmallIntegerField(
        _("interviews per job-seeker"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("At most this many interviews are planned for one job-seeker."),
    )
    self_booking = models.BooleanField(
        _("job-seekers book free slots themselves"), default=False,
        help_text=_("After the matching, job-seekers may book the interview slots still free "
                    "through their personal link."),
    )

    parent_page_types = ["jobfairs.JobFairIndexPage"]
    subpage_types = []
    template = "jobfairs/job_fair_page.html"

    content_panels = AbstractEventPage.content_panels + [
        FieldPanel("trades"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("jobseeker_capacity"), FieldPanel("employer_capacity")]),
        ], heading=_("Capacities")),
        InlinePanel("programme_items", label=_("Programme of the day")),
        InlinePanel("demo_workshops", label=_("Demo workshops")),
        InlinePanel("info_desks", label=_("Information desks")),
        FieldPanel("directions"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("interview_start"), FieldPanel("interview_slot_minutes"),
                           FieldPanel("interview_slot_count")]),
            FieldPanel("interviews_per_jobseeker"),
            FieldPanel("self_booking"),
            InlinePanel("interpreters", label=_("Interpreters available")),
        ], heading=_("Interviews")),
    ]
    search_fields = AbstractEventPage.search_fields + [
        index.SearchField("directions"),
        index.SearchField("trade_names"),
    ]
    api_fields = AbstractEventPage.api_fields + [
        APIField("trades", serializer=TradeSerializer(source="api_trades", many=True,
                                                      read_only=True)),
        APIField("directions"),
        APIField("jobseeker_capacity"), APIField("employer_capacity"),
        APIField("programme_items"), APIField("demo_workshops"), APIField("info_desks"),
        APIField("interpreters"),
        APIField("exhibitors",
                 serializer=ExhibitorEntrySerializer(source="api_exhibitors", many=True,
                                                     read_only=True)),
        APIField("places", serializer=PlaceSerializer(source="api_places", many=True,
                                                      read_only=True)),
    ]

    class Meta:
        verbose_name = _("job fair")
        verbose_name_plural = _("job fairs")

    def trade_names(self):
        """The trades for the search index, split at slashes: PostgreSQL's parser reads
        "Zimmerer/Zimmerin" as one file-path token, so "Zimmerer" alone would not match."""
        names = (f"{trade.name} {trade.german_name}" for trade in self.trades.all())
        return " ".join(names).replace("/", " ")

    # The pool of dates -------------------------------------------------------------------
    def source_page(self):
        """As for every event page, remembered on this object: the fair's page asks for it
        for its dates, exhibitors and postings (one query each otherwise)."""
        if "_source_page" not in self.__dict__:
            # The page's own locale (read for its dates anyway) answers the common case
            # without looking up the default locale.
            default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
            if self.locale_id and self.locale.language_code == default:
                self.__dict__["_source_page"] = self
            else:
                self.__dict__["_source_page"] = super().source_page()
        return self.__dict__["_source_page"]

    def fair_occurrences(self):
        return self.source_page().occurrences.order_by("start")

    def upcoming_dates(self):
        source = self.source_page()
        dates = AbstractEventPage.upcoming_dates(source)
        for occurrence in dates:
            occurrence.page = self
        return dates

    # Questions ----------------------------------------------------------------------------
    def slots(self, occurrence):
        """(start, end) of each interview slot on that date."""
        zone = event_timezone()
        day = timezone.localtime(occurrence.start, zone).date()
        first = datetime.datetime.combine(day, self.interview_start, tzinfo=zone)
        length = datetime.timedelta(minutes=self.interview_slot_minutes)
        return [(first + length * i, first + length * (i + 1))
                for i in range(self.interview_slot_count)]

    def interpreter_capacity(self, occurrence):
        """{(language code, slot index): interpreters free} for that date."""
        slots = self.slots(occurrence)
        zone = event_timezone()
        capacity = {}
        for row in self.interpreters.select_related("language"):
            for number, (start, end) in enumerate(slots):
                local_start = timezone.localtime(start, zone).time()
                local_end = timezone.localtime(end, zone).time()
                if row.start_time <= local_start and local_end <= row.end_time:
                    key = (row.language.slug, number)
                    capacity[key] = capacity.get(key, 0) + row.count
        return capacity

    def exhibitors(self):
        from ..exhibitors import exhibitors

        return exhibitors(self)

    def public_postings(self):
        """Approved job postings of the listed exhibitors (jobfairs.postings)."""
        from ..postings import public_postings

        return public_postings(self)

    def api_trades(self):
        return [{"slug": trade.slug, "name": trade.name, "german_name": trade.german_name}
                for trade in self.trades.all()]

    def api_exhibitors(self):
        from ..serializers import exhibitor_entry

        return [exhibitor_entry(item.company, [t.slug for t in item.trades], item.profile)
                for item in self.exhibitors()]

    def api_places(self):
        from events.registration.summary import registration_summary

        places = []
        from events.queries import attach_registration_options

        for occurrence in attach_registration_options(self.fair_occurrences()):
            places.append({"occurrence": occurrence.pk, "start": occurrence.start,
                           "registration": [item.as_api()
                                            for item in registration_summary(occurrence)]})
        return places


class ProgrammeItem(Orderable):
    page = ParentalKey(JobFairPage, on_delete=models.CASCADE, related_name="programme_items")
    time = models.TimeField(_("time"), help_text=_("Start, e.g. 10:00."))
    title = models.CharField(_("title"), max_length=200,
                             help_text=_("What happens, e.g. “Welcome” or “Interviews”."))
    description = models.CharField(_("details"), max_length=400, blank=True,
                                   help_text=_("Optional: room, who speaks."))

    panels = [FieldRowPanel([FieldPanel("time"), FieldPanel("title")]), FieldPanel("description")]
    api_fields = [APIField("time"), APIField("title"), APIField("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("programme item")


class DemoWorkshop(Orderable):
    page = ParentalKey(JobFairPage, on_delete=models.CASCADE, related_name="demo_workshops")
    trade = models.ForeignKey("jobfairs.Trade", on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("trade"), help_text=_("The trade shown."))
    room = models.CharField(_("room"), max_length=150,
                            help_text=_("Where, e.g. “Lehrkabinett 2”."))
    start_time = models.TimeField(_("from"), help_text=_("e.g. 10:00"))
    end_time = models.TimeField(_("until"), help_text=_("e.g. 12:00"))
    description = models.CharField(_("what you can see and try"), max_length=400, blank=True,
                                   help_text=_("Optional, one or two sentences."))

    panels = [
        FieldRowPanel([FieldPanel("trade"), FieldPanel("room")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("description"),
    ]
    api_fields = [
        APIField("trade_slug", serializer=serializers.CharField(source="trade.slug")),
        APIField("trade_name", serializer=serializers.CharField(source="trade.name")),
        APIField("room"), APIField("start_time"), APIField("end_time"), APIField("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("demo workshop")


class InfoDesk(Orderable):
    page = ParentalKey(JobFairPage, on_delete=models.CASCADE, related_name="info_desks")
    topic = models.CharField(_("topic"), max_length=200,
                             help_text=_("e.g. “Work permit and residence title” or “Wage subsidies”."))
    organisation = models.ForeignKey(
        "events.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("answered by"), help_text=_("The partner who answers at this desk."),
    )
    location = models.CharField(_("where"), max_length=150, blank=True,
                                help_text=_("Optional: room or desk number."))

    panels = [FieldRowPanel([FieldPanel("topic"), FieldPanel("organisation")]),
              FieldPanel("location")]
    api_fields = [
        APIField("topic"), APIField("location"),
        APIField("organisation_name",
                 serializer=serializers.CharField(source="organisation.name", default="")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("information desk")


class InterpreterAvailability(Orderable):
    page = ParentalKey(JobFairPage, on_delete=models.CASCADE, related_name="interpreters")
    language = models.ForeignKey("events.EventLanguage", on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("language"),
                                 help_text=_("Language the interpreters translate into German."))
    count = models.PositiveSmallIntegerField(
        _("interpreters"), default=1, validators=[MinValueValidator(1)],
        help_text=_("How many interpreters of this language are there at the same time."),
    )
    start_time = models.TimeField(_("from"), help_text=_("e.g. 10:00"))
    end_time = models.TimeField(_("until"), help_text=_("e.g. 13:00"))

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("count")]),
              FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")])]
    api_fields = [
        APIField("language_code", serializer=serializers.CharField(source="language.slug")),
        APIField("language_name", serializer=serializers.CharField(source="language.name")),
        APIField("count"), APIField("start_time"), APIField("end_time"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("interpreter availability")
        verbose_name_plural = _("interpreters available")
