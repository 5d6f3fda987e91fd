"""The public list of exhibitors: approved employers who agreed to be named, with their trades."""

from dataclasses import dataclass

from wagtail.models import Locale

from events.models import Registration, RegistrationState

SHOWN_STATES = (RegistrationState.APPROVED, RegistrationState.ATTENDED)


@dataclass
class Exhibitor:
    company: str
    trades: list


def exhibitors(page):
    """Exhibitors of a fair page (any language): two queries, however many there are."""
    from .models import Trade

    source = page.source_page()
    rows = list(Registration.objects.filter(
        occurrence__page_id=source.pk, option__kind="employer", state__in=SHOWN_STATES,
        erased_at__isnull=True, data__public_listing=True,
    ).values_list("data", flat=True))
    slugs = {slug for data in rows for slug in data.get("trades", [])}
    by_slug = {}
    default = Locale.get_default()
    for trade in Trade.objects.filter(slug__in=slugs, locale_id__in={page.locale_id, default.pk}):
        if trade.slug not in by_slug or trade.locale_id == page.locale_id:
            by_slug[trade.slug] = trade
    result = [Exhibitor(company=data.get("company", ""),
                        trades=[by_slug[slug] for slug in data.get("trades", []) if slug in by_slug])
              for data in rows]
    result.sort(key=lambda item: item.company.casefold())
    return result
