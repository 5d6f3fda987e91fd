"""The public list of exhibitors: approved employers who agreed to be named, with their trades,
profile (logo, description, website) and approved job postings."""

from dataclasses import dataclass, field

from wagtail.models import Locale

from events.models import Registration, RegistrationState

SHOWN_STATES = (RegistrationState.APPROVED, RegistrationState.ATTENDED)


@dataclass
class Exhibitor:
    company: str
    trades: list
    profile: object = None  # EmployerProfile or None
    postings: list = field(default_factory=list)  # approved JobPostings, trade_label set
    description: str = ""
    description_language: str = ""


def exhibitors(page):
    """Exhibitors of a fair page (any language): four queries, however many there are."""
    from .models import Trade
    from .postings import localise_trades, postings_prefetch

    source = page.source_page()
    registrations = list(Registration.objects.filter(
        occurrence__page_id=source.pk, option__kind="employer", state__in=SHOWN_STATES,
        erased_at__isnull=True, data__public_listing=True,
    ).select_related("employer_profile").prefetch_related(postings_prefetch()))
    localise_trades([posting for registration in registrations
                     for posting in registration.approved_postings])
    rows = [registration.data or {} for registration in registrations]
    slugs = {slug for data in rows for slug in data.get("trades", [])}
    by_slug = {}
    default = Locale.get_default()
    for trade in Trade.objects.filter(slug__in=slugs, locale_id__in={page.locale_id, default.pk}):
        if trade.slug not in by_slug or trade.locale_id == page.locale_id:
            by_slug[trade.slug] = trade
    result = []
    for registration, data in zip(registrations, rows, strict=True):
        profile = getattr(registration, "employer_profile", None)
        text, language = profile.description_for() if profile else ("", "")
        result.append(Exhibitor(
            company=data.get("company", ""),
            trades=[by_slug[slug] for slug in data.get("trades", []) if slug in by_slug],
            profile=profile, postings=registration.approved_postings,
            description=text, description_language=language))
    result.sort(key=lambda item: item.company.casefold())
    return result
