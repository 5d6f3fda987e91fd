"""The site's own pages: home, the four action areas and plain pages (imprint, privacy …)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
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

    def route(self, request, path_components):
        """Wagtail's routing with every level of the path in one query instead of two per
        level (child by slug, then its specific row): the page shown still comes from its
        own `route()`, and a page on the way that routes its own subpaths (RoutablePageMixin,
        a custom `route`) takes over exactly where Wagtail's walk would hand over to it."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = ["/".join(path_components[:end]) + "/" for end in range(1, len(path_components) + 1)]
        found = {page.url_path: page for page in Page.objects.filter(
            url_path__in=[self.url_path + prefix for prefix in prefixes],
            path__startswith=self.path, depth__lte=self.depth + len(path_components))}
        parent = self
        for position, prefix in enumerate(prefixes):
            page = found.get(self.url_path + prefix)
            if page is None or page.depth != parent.depth + 1 or not page.path.startswith(parent.path):
                raise Http404
            page._cached_parent_obj = parent
            remaining = path_components[position + 1:]
            if not remaining or _routes_itself(page, remaining):
                return _specific(page).route(request, remaining)
            parent = page
        raise Http404  # not reached: the last component returns above

    # `restricted`: the paths of view-restricted pages when the caller has them (the site
    # frame caches them), so that `.public()` need not read them once more.

    def get_view_restrictions(self):
        """Wagtail's rule in one query instead of two: a home's only ancestor is the tree
        root, never an alias, so its ancestors are the prefixes of its path."""
        if self.alias_of_id is not None:
            return super().get_view_restrictions()
        paths = [self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)]
        return PageViewRestriction.objects.filter(page__path__in=paths)

    def action_areas(self, restricted=None):
        areas = ProgrammePage.objects.live().child_of(self).order_by("number")
        return _public(areas, restricted)

    def upcoming_dates(self, locale=None, restricted=None):
        """The next event dates of every type in this page's language (repeats expanded),
        with what a date card shows."""
        if not self.upcoming_events_count:
            return []
        from events.queries import upcoming_occurrences

        return upcoming_occurrences(locale or self.locale, limit=self.upcoming_events_count,
                                    attach="cards", restricted=restricted)

    def event_index(self, restricted=None):
        from events.models import EventIndexPage

        return _public(EventIndexPage.objects.live().filter(locale_id=self.locale_id),
                       restricted).first()


def _public(pages, restricted=None):
    if restricted is None:
        return pages.public()
    for path in restricted:
        pages = pages.exclude(path__startswith=path)
    return pages


def _specific(page):
    """`page.specific` with the page's locale and the specific model's own foreign keys (its
    image, venue, category …) joined in: the page template reads them, one query each else."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    related = ["locale", *(field.name for field in model._meta.concrete_fields
                           if field.many_to_one and field.model is not Page)]
    specific = model._default_manager.select_related(*related).get(pk=page.pk)
    for name, value in page.__dict__.items():  # as Page.get_specific() does
        specific.__dict__.setdefault(name, value)
    page.__dict__["specific"] = specific
    return specific


def _routes_itself(page, remaining):
    """Whether Wagtail's walk would hand `remaining` to this page's own `route()` rather than
    go on to its child: a custom `route`, or a routable page with a subpage URL for it."""
    model = page.specific_class or Page
    if model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route and page.live:
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False  # no subpage URL: RoutablePageMixin falls back to Page.route
        return True
    return model.route is not RoutablePageMixin.route


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
