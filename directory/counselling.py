"""Who counsels on the recognition of foreign qualifications in a district, from the
responsibility matrix, as plain dicts that other plugins can show without importing this one
(a site wires them, e.g. the job fairs' JOBFAIRS_COUNSELLING_LOOKUP)."""

from django.db.models import Q
from wagtail.models import Locale

from .models import CentrePage, District, ResponsibilityEntry, Topic


def district_choices(language=None):
    """(code, name) of every district: names are proper names, the same in every language."""
    return list(District.objects.order_by("name").values_list("slug", "name"))


def _address(centre):
    place = " ".join(part for part in (centre.postal_code, centre.city) if part)
    return ", ".join(part for part in (centre.street, place) if part)


def _centre_of(entry, district, language):
    """The live centre page behind a matrix entry: one of the entry's institution that serves
    the district, preferring the same e-mail address, then a title the department starts with;
    in the visitor's language where translated."""
    candidates = list(
        CentrePage.objects.live().public()
        .filter(institution_id=entry.institution_id)
        .filter(Q(regions=district) | Q(district=district)).distinct()
        .select_related("locale"))
    if not candidates:
        return None
    department = (entry.department or "").casefold()
    ranked = sorted(candidates, key=lambda c: (
        not (entry.email and c.email == entry.email),
        not (c.title and department.startswith(c.title.casefold())),
        c.locale.language_code != language, c.pk))
    best = ranked[0]
    if best.locale.language_code != language:
        locale = Locale.objects.filter(language_code=language).first()
        translated = best.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            best = translated
    return best


def recognition_centres(district_code, language=None):
    """[{name, address, phone, email, url}] responsible for recognition counselling in the
    district `district_code` (a slug); [] for an unknown district or none in the matrix."""
    district = District.objects.filter(slug=district_code).first()
    if district is None:
        return []
    result = []
    for entry in ResponsibilityEntry.objects.for_district(district, language):
        if entry.topic != Topic.RECOGNITION:
            continue
        centre = _centre_of(entry, district, language) if entry.institution_id else None
        name = entry.department or (entry.institution.name if entry.institution_id else "")
        result.append({
            "name": name,
            "address": _address(centre) if centre else "",
            "phone": entry.phone or (centre.phone if centre else ""),
            "email": entry.email or (centre.email if centre else ""),
            "url": (centre.get_full_url() if centre else "")
            or (entry.institution.website if entry.institution_id else ""),
        })
    return result
