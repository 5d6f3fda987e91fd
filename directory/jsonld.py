"""schema.org JSON-LD for a centre: GovernmentOffice or LocalBusiness with address, geo and hours."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from . import conf
from .models.hours import SCHEMA_DAYS


def _time(value):
    return value.strftime("%H:%M")


def centre_data(centre, url):
    authority = centre.institution_id and centre.institution.is_public_authority
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice" if authority else "LocalBusiness",
        "@id": url,
        "name": centre.title,
        "url": url,
    }
    if centre.service_offer:
        data["description"] = strip_tags(centre.service_offer).strip()
    if centre.institution_id:
        data["parentOrganization"] = {"@type": "Organization", "name": centre.institution.name}
    if centre.phone:
        data["telephone"] = centre.phone
    if centre.email:
        data["email"] = centre.email
    if centre.has_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": centre.street,
            "postalCode": centre.postal_code,
            "addressLocality": centre.city,
            "addressCountry": "DE",
        }
        if conf.get("DIRECTORY_ADDRESS_REGION"):
            data["address"]["addressRegion"] = conf.get("DIRECTORY_ADDRESS_REGION")
    if centre.latitude is not None and centre.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": float(centre.latitude),
                       "longitude": float(centre.longitude)}
    regions = list(centre.regions.all())
    if regions:
        data["areaServed"] = [{"@type": "AdministrativeArea", "name": r.name} for r in regions]
    languages = list(centre.languages.all())
    if languages:
        data["availableLanguage"] = [language.name for language in languages]
    data["openingHoursSpecification"] = [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[h.day]}",
         "opens": _time(h.opening_time), "closes": _time(h.closing_time)}
        for h in sorted(centre.hours_of_operation.all(), key=lambda h: (h.day, h.opening_time))
    ]
    special = []
    for exception in sorted(centre.hours_exceptions.all(), key=lambda e: e.date):
        spec = {"@type": "OpeningHoursSpecification", "validFrom": exception.date.isoformat(),
                "validThrough": exception.date.isoformat()}
        if exception.closed:
            # schema.org's convention for "closed all day".
            spec.update(opens="00:00", closes="00:00")
        else:
            spec.update(opens=_time(exception.opening_time), closes=_time(exception.closing_time))
        special.append(spec)
    if special:
        data["specialOpeningHoursSpecification"] = special
    return data


def as_script(data):
    """The JSON safe to embed in <script>: no "</script>" or HTML comment can break out."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 – escaped above
