"""Thin views behind the directory's pages and routes: listing, centre, matrix, exports."""

import functools

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language

from . import conf, exports, jsonld, vcard
from .forms import DirectoryFilterForm
from .map import district_map
from .models import District, ResponsibilityEntry, Topic
from .queries import TAXONOMIES, centre_queryset, filter_centres, taxonomy_labels


class _Lazy:
    """What the directory's templates show beside the live opening state (taxonomy labels,
    districts): read on first use only, so cards and filters that come from the template
    cache (under the content version) cost no query."""

    def __init__(self, language_code, centres=()):
        self.language_code = language_code
        self.centres = list(centres)
        self._labels = None
        self._districts = None
        self._prefetched = False

    def labels(self):
        if self._labels is None:
            self._labels = taxonomy_labels(self.language_code)
        return self._labels

    def districts(self):
        if self._districts is None:
            self._districts = list(District.objects.order_by("kind", "name"))
        return self._districts

    def centre_labels(self, centre, relation):
        if not self._prefetched:
            prefetch_related_objects(self.centres, *TAXONOMIES)
            self._prefetched = True
        names = self.labels()[relation]
        return [names.get(term.slug, term.name) for term in getattr(centre, relation).all()]


def _annotate(centre, lazy, now):
    """Attach what the templates show: labels in the visitor's language (read when first
    shown) and the live status."""
    centre.open_now_flag = centre.is_open(now)
    for relation in TAXONOMIES:
        setattr(centre, f"{relation}_labels", functools.partial(lazy.centre_labels, centre, relation))
    return centre


def directory_context(page, request, now=None):
    language_code = get_language()
    form = DirectoryFilterForm(request.GET or None, locale=page.locale, language_code=language_code)
    lazy = form.lazy = _Lazy(language_code)  # one read of labels and districts for form and page
    filters = form.filters()
    centres = lazy.centres = list(filter_centres(centre_queryset(page.locale, relations=False),
                                                 locale=page.locale, **filters))
    now = now or timezone.now()
    for centre in centres:
        _annotate(centre, lazy, now)

    district = None
    if filters.get("district"):
        district = District.objects.filter(slug=filters["district"]).first()

    frame = district_map()
    markers = []
    for centre in centres if frame else ():
        if centre.latitude is not None and centre.longitude is not None \
                and frame.contains(centre.latitude, centre.longitude):
            x, y = frame.project(centre.latitude, centre.longitude)
            markers.append({"centre": centre, "x": x, "y": y})

    def shapes():
        district_names = {d.slug: d for d in lazy.districts()}
        return [{"shape": s, "district": district_names.get(s.slug)}
                for s in (frame.shapes if frame else ())]

    return {
        "filter_form": form,
        "filters_active": any(filters.values()),
        "centres": [c for c in centres if not c.is_hotline],
        "hotlines": [c for c in centres if c.is_hotline],
        "result_count": len(centres),
        "selected_district": district,
        "matrix_available": bool(district) and district.responsibilities.exists(),
        "map": frame,
        "map_shapes": shapes,  # a callable: the template reads it only when not cached
        "map_markers": markers,
    }


def centre_context(centre, request):
    # The live status reads the hours; the rest (labels, regions, contacts, the directory
    # page, the JSON-LD) is read only when the template's cached fragments are missing.
    prefetch_related_objects([centre], "hours_of_operation", "hours_exceptions")
    _annotate(centre, _Lazy(get_language(), [centre]), timezone.now())
    return {
        "jsonld": lambda: jsonld.as_script(jsonld.centre_data(centre, centre.get_full_url(request))),
        "weekly_hours": centre.weekly_hours(),
        "upcoming_exceptions": centre.upcoming_exceptions(),
        "directory_page": functools.cache(lambda: centre.get_parent().specific),
        "time_zone": conf.get("DIRECTORY_TIME_ZONE"),
    }


def _vcard_response(text, filename):
    response = HttpResponse(text, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response


def centre_vcard(centre, request):
    return _vcard_response(vcard.centre_vcard(centre, centre.get_full_url(request)), centre.slug)


def contact_vcard(centre, request, contact):
    if not contact.consented:
        # Without consent there is no direct contact to hand out; the centre's card is the way in.
        from django.http import Http404

        raise Http404
    return _vcard_response(vcard.contact_vcard(centre, contact), slugify(contact.name) or "contact")


def matrix_rows(entries):
    """[(topic label, [entries])] for every topic, in the fixed topic order, empty ones included."""
    by_topic = {value: [] for value in Topic.values}
    for entry in entries:
        by_topic.setdefault(entry.topic, []).append(entry)
    return [(Topic(value).label, rows) for value, rows in by_topic.items()]


def matrix_overview(page, request):
    districts = District.objects.order_by("kind", "name")
    filled = set(ResponsibilityEntry.objects.values_list("district_id", flat=True).distinct())
    return TemplateResponse(request, "directory/matrix_overview.html", {
        "page": page, "self": page,
        "districts": [(d, d.pk in filled) for d in districts],
    })


def matrix_page(page, request, district_slug, printable=False):
    district = get_object_or_404(District, slug=district_slug)
    entries = ResponsibilityEntry.objects.for_district(district)
    template = "directory/matrix_print.html" if printable else "directory/matrix.html"
    return TemplateResponse(request, template, {
        "page": page, "self": page, "district": district,
        "rows": matrix_rows(entries), "has_entries": bool(entries),
        "has_example_data": any(e.is_example_data for e in entries),
        "stand": timezone.localdate(),
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
    })


def matrix_csv(page, request, district_slug):
    district = get_object_or_404(District, slug=district_slug)
    entries = ResponsibilityEntry.objects.for_district(district)
    response = HttpResponse(exports.matrix_csv(district, entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="zustaendigkeiten-{district.slug}.csv"'
    return response
