"""The directory page and one page per counselling location ("centre")."""

import datetime
import zoneinfo

from django import forms
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import conf
from .hours import slot_bounds
from .serializers import DistrictSerializer, InstitutionSerializer, TermSerializer


def local_zone():
    return zoneinfo.ZoneInfo(conf.get("DIRECTORY_TIME_ZONE"))


class LiveStatusMixin:
    """Pages that show "open now" answer `Cache-Control: no-cache`: a shared page cache or a
    CDN must not keep Thursday's opening state for Sunday."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        return response


class DirectoryIndexPage(LiveStatusMixin, RoutablePageMixin, Page):
    """All centres with filters and a map; the responsibility matrix lives under its routes."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"],
                          help_text=_("Shown above the filters."))
    matrix_intro = RichTextField(
        _("introduction to the responsibility matrix"), blank=True, features=["bold", "italic", "link"],
        help_text=_("Shown above each district's table of responsibilities."))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("matrix_intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("matrix_intro")]

    # No parent restriction: the plugin must fit into any site's tree.
    subpage_types = ["directory.CentrePage"]
    template = "directory/directory_index_page.html"

    class Meta:
        verbose_name = _("directory page")
        verbose_name_plural = _("directory pages")

    def get_context(self, request, *args, **kwargs):
        from ..views import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context

    @path("zustaendigkeiten/", name="matrix_overview")
    def matrix_overview(self, request):
        from ..views import matrix_overview

        return matrix_overview(self, request)

    @path("zustaendigkeiten/<slug:district>/", name="matrix")
    def matrix(self, request, district):
        from ..views import matrix_page

        return matrix_page(self, request, district)

    @path("zustaendigkeiten/<slug:district>/drucken/", name="matrix_print")
    def matrix_print(self, request, district):
        from ..views import matrix_page

        return matrix_page(self, request, district, printable=True)

    # Wagtail serves only paths ending in "/": the file name comes from Content-Disposition.
    @path("zustaendigkeiten/<slug:district>/csv/", name="matrix_csv")
    def matrix_csv(self, request, district):
        from ..views import matrix_csv

        return matrix_csv(self, request, district)


class CentrePage(LiveStatusMixin, RoutablePageMixin, Page):
    """A counselling location; its title names the place, e.g. "IBAS Leipzig".

    A centre without an address (a hotline) reaches people through the regions it serves.
    """

    institution = models.ForeignKey(
        "directory.Institution", null=True, blank=True, on_delete=models.SET_NULL, related_name="centres",
        verbose_name=_("institution"), help_text=_("The organisation that runs this location."))
    service_offer = RichTextField(
        _("service offer"), blank=True, features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What people can get here, in a few sentences."))
    is_example_data = models.BooleanField(
        _("example data"), default=False,
        help_text=_("Tick when address or phone are placeholders; visitors see a notice."))

    street = models.CharField(_("street and number"), max_length=200, blank=True,
                              help_text=_("Leave the address empty for a hotline."))
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True, help_text=_("For example 04109."))
    city = models.CharField(_("city"), max_length=100, blank=True, help_text=_("For example Leipzig."))
    district = models.ForeignKey(
        "directory.District", null=True, blank=True, on_delete=models.SET_NULL, related_name="centres",
        verbose_name=_("district"), help_text=_("The district or city the location is in."))
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
                                   help_text=_("For the map, e.g. 51.339695."))
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
                                    help_text=_("For the map, e.g. 12.373075."))
    regions = ParentalManyToManyField(
        "directory.District", blank=True, related_name="served_by",
        verbose_name=_("regions served"),
        help_text=_("Districts and cities this location is responsible for (its own included)."))

    phone = models.CharField(_("phone"), max_length=50, blank=True, help_text=_("Public phone number."))
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Public e-mail address."))
    website = models.URLField(_("website"), blank=True, help_text=_("Page about this location."))
    appointment_info = models.TextField(
        _("how to get an appointment"), blank=True,
        help_text=_("For example “Call or write; open consultation on Tuesdays without appointment.”"))
    hours_note = models.CharField(_("note on opening hours"), max_length=300, blank=True,
                                  help_text=_("For example “Consultation by appointment only.”"))
    step_free = models.BooleanField(
        _("step-free access"), null=True, blank=True,
        help_text=_("Yes, no, or leave unknown."))
    services = ParentalManyToManyField("directory.Service", blank=True, related_name="centres",
                                       verbose_name=_("services"), help_text=_("What the location offers."))
    languages = ParentalManyToManyField(
        "directory.CounsellingLanguage", blank=True, related_name="centres",
        verbose_name=_("languages of counselling"), help_text=_("Languages the counselling is given in."))
    target_groups = ParentalManyToManyField(
        "directory.TargetGroup", blank=True, related_name="centres",
        verbose_name=_("target groups"), help_text=_("Who the offer is meant for."))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("institution"), FieldPanel("service_offer"),
                         FieldPanel("is_example_data")], heading=_("Offer")),
        MultiFieldPanel([
            FieldPanel("street"),
            FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
            FieldPanel("district"),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        ], heading=_("Address and area")),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("website"),
                         FieldPanel("appointment_info")], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("services", widget=forms.CheckboxSelectMultiple), FieldPanel("languages", widget=forms.CheckboxSelectMultiple), FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                         FieldPanel("step_free")], heading=_("Services and accessibility")),
        InlinePanel("hours_of_operation", heading=_("Opening hours"), label=_("Slot")),
        InlinePanel("hours_exceptions", heading=_("Exceptions (holidays, special hours)"),
                    label=_("Exception")),
        FieldPanel("hours_note"),
        InlinePanel("contacts", heading=_("Contact persons"), label=_("Contact person")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("service_offer"),
        index.SearchField("city"),
        index.SearchField("postal_code"),
        index.SearchField("appointment_info"),
        index.SearchField("hours_note"),
        index.RelatedFields("institution", [index.SearchField("name")]),
        index.RelatedFields("services", [index.SearchField("name")]),
        index.RelatedFields("languages", [index.SearchField("name")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.FilterField("city"),
        index.FilterField("district"),
    ]
    api_fields = [
        APIField("institution", serializer=InstitutionSerializer()),
        APIField("service_offer"), APIField("is_example_data"),
        APIField("street"), APIField("postal_code"), APIField("city"),
        APIField("district", serializer=DistrictSerializer()),
        APIField("latitude"), APIField("longitude"),
        APIField("regions", serializer=DistrictSerializer(many=True)),
        APIField("phone"), APIField("email"), APIField("website"), APIField("appointment_info"),
        APIField("hours_note"), APIField("step_free"),
        APIField("services", serializer=TermSerializer(many=True)),
        APIField("languages", serializer=TermSerializer(many=True)),
        APIField("target_groups", serializer=TermSerializer(many=True)),
        APIField("hours_of_operation"), APIField("hours_exceptions"), APIField("contacts"),
        APIField("open_now", serializer=serializers.BooleanField(read_only=True)),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []
    template = "directory/centre_page.html"

    class Meta:
        verbose_name = _("centre page")
        verbose_name_plural = _("centre pages")

    # Questions about one centre -------------------------------------------------
    @property
    def has_address(self):
        return bool(self.street or self.city)

    @property
    def is_hotline(self):
        return not self.has_address

    @property
    def open_now(self):
        return self.is_open()

    def slots_on(self, day):
        """(opening, closing) pairs for a calendar date: an exception replaces the weekday's hours."""
        exceptions = [e for e in self.hours_exceptions.all() if e.date == day]
        if exceptions:
            return [(e.opening_time, e.closing_time) for e in exceptions
                    if not e.closed and e.opening_time and e.closing_time]
        return [(h.opening_time, h.closing_time) for h in self.hours_of_operation.all()
                if h.day == day.weekday()]

    def is_open(self, now=None):
        """Whether the centre is open at `now` (default: this moment), in DIRECTORY_TIME_ZONE."""
        now = timezone.localtime(now or timezone.now(), local_zone()).replace(tzinfo=None)
        today = now.date()
        # Yesterday's slot may run past midnight into today.
        for day in (today - datetime.timedelta(days=1), today):
            for opening, closing in self.slots_on(day):
                start, end = slot_bounds(day, opening, closing)
                if start <= now < end:
                    return True
        return False

    def weekly_hours(self):
        """[(weekday label, [slots])] Monday to Sunday, for the hours table."""
        from .hours import Weekday

        by_day = {day: [] for day in Weekday}
        for slot in sorted(self.hours_of_operation.all(), key=lambda h: (h.day, h.opening_time)):
            by_day[Weekday(slot.day)].append(slot)
        return [(day, slots) for day, slots in by_day.items()]

    def upcoming_exceptions(self, today=None, days=90):
        today = today or timezone.localdate(timezone=local_zone())
        horizon = today + datetime.timedelta(days=days)
        return sorted((e for e in self.hours_exceptions.all() if today <= e.date <= horizon),
                      key=lambda e: e.date)

    @cached_property
    def public_contacts(self):
        return list(self.contacts.all())

    # Routes ------------------------------------------------------------------------
    @path("vcard/", name="vcard")
    def vcard(self, request):
        from ..views import centre_vcard

        return centre_vcard(self, request)

    @path("kontakt/<int:contact_id>/vcard/", name="contact_vcard")
    def contact_vcard(self, request, contact_id):
        from ..views import contact_vcard

        contact = next((c for c in self.contacts.all() if c.pk == contact_id), None)
        if contact is None:
            raise Http404
        return contact_vcard(self, request, contact)

    def get_context(self, request, *args, **kwargs):
        from ..views import centre_context

        context = super().get_context(request, *args, **kwargs)
        context.update(centre_context(self, request))
        return context


class CentreContact(Orderable):
    """A contact person; phone and e-mail are published only with their consent."""

    page = ParentalKey(CentrePage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150, help_text=_("For example “Frau Kretzschmar”."))
    role = models.CharField(_("role"), max_length=150, blank=True,
                            help_text=_("For example “Recognition counselling”."))
    phone = models.CharField(_("direct phone"), max_length=50, blank=True,
                             help_text=_("Published only when the person consented."))
    email = models.EmailField(_("direct e-mail"), blank=True,
                              help_text=_("Published only when the person consented."))
    consented = models.BooleanField(
        _("consented to publication of direct contact"), default=False,
        help_text=_("Without consent only name and role appear, never phone or e-mail."))

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("consented"),
    ]
    api_fields = [APIField("name"), APIField("role"), APIField("public_phone"), APIField("public_email")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return self.name

    @property
    def public_phone(self):
        return self.phone if self.consented else ""

    @property
    def public_email(self):
        return self.email if self.consented else ""

    @property
    def has_direct_contact(self):
        return bool(self.public_phone or self.public_email)
