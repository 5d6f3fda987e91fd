"""Thin views behind the directory's pages and routes: listing, centre, matrix, exports."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language

from . import conf, exports, jsonld, vcard
from .forms import DirectoryFilterForm
from .map import district_map
from .models import (
    CounsellingLanguage,
    District,
    ResponsibilityEntry,
    Service,
    TargetGroup,
    Topic,
)
from .queries import centre_queryset, filter_centres


def _labels(language_code):
    return {
        "services": Service.objects.labels(language_code),
        "languages": CounsellingLanguage.objects.labels(language_code),
        "target_groups": TargetGroup.objects.labels(language_code),
    }


def _annotate(centre, labels, now):
    """Attach what the templates show: labels in the visitor's language and the live status."""
    centre.open_now_flag = centre.is_open(now)
    for relation, names in labels.items():
        values = [names.get(term.slug, term.name) for term in getattr(centre, relation).all()]
        setattr(centre, f"{relation}_labels", values)
    return centre


def directory_context(page, request, now=None):
    language_code = get_language()
    form = DirectoryFilterForm(request.GET or None, locale=page.locale, language_code=language_code)
    filters = form.filters()
    centres = list(filter_centres(centre_queryset(page.locale), locale=page.locale, **filters))
    now = now or timezone.now()
    labels = _labels(language_code)
    for centre in centres:
        _annotate(centre, labels, now)

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
    district_names = {d.slug: d for d in District.objects.all()}
    shapes = [{"shape": s, "district": district_names.get(s.slug)}
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
        "map_shapes": shapes,
        "map_markers": markers,
    }


def centre_context(centre, request):
    url = centre.get_full_url(request)
    labels = _labels(get_language())
    _annotate(centre, labels, timezone.now())
    return {
        "jsonld": jsonld.as_script(jsonld.centre_data(centre, url)),
        "weekly_hours": centre.weekly_hours(),
        "upcoming_exceptions": centre.upcoming_exceptions(),
        "directory_page": centre.get_parent().specific,
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
