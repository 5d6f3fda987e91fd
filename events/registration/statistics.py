"""Anonymous statistics for the programme's funders: record one fact per registration (kept in
step with its state, and before its personal data is erased) and break the facts down.

The events core knows the dimensions every registration has (date, quarter, page, kind, state,
language, district of the venue); a kind adds its own through `statistics_dimensions`
(events/registration/kinds.py), so this module never names another plugin's fields.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Subquery, Value
from django.db.models.functions import Coalesce, ExtractQuarter, ExtractYear
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from events.models import (
    Occurrence,
    Registration,
    RegistrationFact,
    RegistrationFactValue,
    RegistrationState,
)
from events.models.registrations import HOLDING_STATES

from .kinds import all_kinds, get_kind
from .linked_measures import group_key, linked_counts, linked_measures

S = RegistrationState
MAX_VALUE_LENGTH = 100


# Recording ----------------------------------------------------------------------------------

def dimension_values(kind_name, data):
    """{(dimension key, value)} the kind declared for the registration's data: choices only."""
    kind = get_kind(kind_name)
    values = set()
    for dimension in kind.statistics_dimensions if kind else ():
        raw = (data or {}).get(dimension.key)
        for value in raw if isinstance(raw, list | tuple) else [raw]:
            if isinstance(value, str | int) and not isinstance(value, bool):
                value = str(value).strip()[:MAX_VALUE_LENGTH]
                if value:
                    values.add((dimension.key, value))
    return values


def _where(occurrence_id):
    """Date, page (the default-language page, so translations count once), title and district
    of a date, as a fact stores them."""
    occurrence = Occurrence.objects.select_related("page__locale", "venue").get(pk=occurrence_id)
    return where_of(occurrence)


def page_district(page_id):
    """An expression: the district of the venue of the page `page_id` (an `OuterRef`), for the
    page types with a venue, so that a query reading a date reads it too (see `where_of`)."""
    from events.queries import event_page_models

    districts = [Subquery(model.objects.filter(pk=page_id).order_by().values("venue__district")[:1])
                 for model in event_page_models() if _has_venue(model)]
    return Coalesce(*districts, Value("")) if districts else Value("")


def _has_venue(model):
    return any(f.name == "venue" for f in model._meta.get_fields())


def where_of(occurrence, district=None):
    """What `_where` stores, from a date read with its page, the page's locale and its venue;
    `district` is the page's venue's (`page_district`) when the caller read it, else it is read
    here for a date without a venue of its own."""
    page = occurrence.page
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    source = page
    if page.locale.language_code != default:
        source = Page.objects.filter(translation_key=page.translation_key,
                                     locale__language_code=default).only("pk", "title").first() \
            or page
    if occurrence.venue_id:
        district = occurrence.venue.district
    elif district is None:
        model = page.specific_class
        if model is not None and _has_venue(model):
            district = model.objects.filter(pk=page.pk).values_list(
                "venue__district", flat=True).first() or ""
    return {"date": timezone.localtime(occurrence.start).date(), "page_key": page.translation_key,
            "source_page_id": source.pk, "title": source.title[:255], "district": district or ""}


def _sync_values(fact, kind_name, data, *, new=False):
    wanted = dimension_values(kind_name, data)
    current = set() if new else set(fact.values.values_list("dimension", "value"))
    if wanted == current:
        return
    stale = current - wanted
    for dimension, value in stale:
        fact.values.filter(dimension=dimension, value=value).delete()
    RegistrationFactValue.objects.bulk_create(
        [RegistrationFactValue(fact=fact, dimension=d, value=v) for d, v in wanted - current])


def record(registration, *, created=False):
    """Create or update the fact of a registration that still holds its data (the state, the
    language and the kind's dimensions); inside the caller's transaction."""
    fact = None if created else RegistrationFact.objects.filter(
        registration_id=registration.pk).first()
    new = fact is None
    if new:
        # The service may have read the date's facts before taking the option's lock.
        where = getattr(registration, "statistics_where", None) \
            or _where(registration.occurrence_id)
        fact = RegistrationFact.objects.create(
            registration_id=registration.pk, kind=registration.option.kind,
            state=registration.state, language=registration.language, **where)
    elif (fact.state, fact.language) != (registration.state, registration.language):
        RegistrationFact.objects.filter(pk=fact.pk).update(
            state=registration.state, language=registration.language, updated_at=timezone.now())
    _sync_values(fact, fact.kind, registration.data, new=new)
    return fact


def record_before_erasure(registration):
    """Called by the erasure right before the personal data goes: the figures keep what the
    registration counted as."""
    if registration.erased_at is None:
        record(registration)


def registration_saved(sender, instance, created, raw=False, **kwargs):
    """post_save of Registration: the figures follow every state change."""
    if raw:
        return
    if instance.erased_at:
        # Erased: keep the final state and cut the last link to the (former) person.
        RegistrationFact.objects.filter(registration_id=instance.pk).update(
            state=instance.state, registration=None, updated_at=timezone.now())
        return
    record(instance, created=created)


def record_missing(*, include_erased=False):
    """Facts for registrations that have none (made before the statistics existed).

    Erased registrations are included only once, by the migration that introduced the facts:
    their facts are unlinked, so a second run could not tell them from new ones."""
    count = 0
    rows = Registration.objects.filter(statistics_fact__isnull=True).select_related("option")
    if not include_erased:
        rows = rows.filter(erased_at__isnull=True)
    places = {}
    for registration in rows.iterator(chunk_size=500):
        with transaction.atomic():
            if registration.erased_at is None:
                record(registration)
            else:
                if registration.occurrence_id not in places:
                    places[registration.occurrence_id] = _where(registration.occurrence_id)
                RegistrationFact.objects.create(
                    registration=None, kind=registration.option.kind, state=registration.state,
                    language=registration.language, **places[registration.occurrence_id])
        count += 1
    return count


# Breaking down ------------------------------------------------------------------------------

# Groupings every registration has: (key, label).
CORE_GROUPINGS = [
    ("quarter", _("Quarter")),
    ("date", _("Date")),
    # The fact's own field names, so that the catalogue holds each wording once.
    ("module", capfirst(_("event, module or fair"))),
    ("kind", capfirst(_("kind of registration"))),
    ("state", _("State")),
    ("language", capfirst(_("language of communication"))),
    ("district", _("District")),
]
# The figures of each row: (key, label, lookups on the fact, None for all).
MEASURES = [
    ("registrations", _("Registrations"), None),
    ("places", _("Places taken"), {"state__in": HOLDING_STATES}),
    ("attended", _("Attended"), {"state": S.ATTENDED}),
    ("no_show", _("Did not attend"), {"state": S.NO_SHOW}),
    ("cancelled", _("Cancelled"), {"state": S.CANCELLED}),
    ("waitlisted", _("On the waiting list"), {"state": S.WAITLISTED}),
]


def all_measures():
    """MEASURES and the columns plugins add (events/registration/linked_measures.py)."""
    return MEASURES + linked_measures()


def kind_dimensions():
    """{key: StatisticsDimension} declared by the registered kinds (the first label wins)."""
    dimensions = {}
    for kind in all_kinds():
        for dimension in kind.statistics_dimensions:
            dimensions.setdefault(dimension.key, dimension)
    return dimensions


def grouping_choices():
    core = {key for key, _label in CORE_GROUPINGS}
    return CORE_GROUPINGS + [(key, dimension.label) for key, dimension in kind_dimensions().items()
                             if key not in core]


def _measures(prefix=""):
    """Count annotations for MEASURES; `prefix` "fact__" when counting dimension values."""
    counted = "fact_id" if prefix else "pk"
    return {key: Count(counted, filter=None if condition is None else
                       Q(**{prefix + lookup: value for lookup, value in condition.items()}))
            for key, _label, condition in MEASURES}


def _labels(group_by, keys, facts):
    """Readable names of the group values, in the language of the admin user."""
    if group_by == "kind":
        return {key: (get_kind(key).label if get_kind(key) else key) for key in keys}
    if group_by == "state":
        return dict(RegistrationState.choices)
    if group_by == "language":
        return dict(settings.LANGUAGES)
    if group_by == "module":
        titles = {}
        # The latest title a page had when someone registered for it.
        for key, title in facts.filter(page_key__in=keys).order_by("-date", "-pk").values_list(
                "page_key", "title"):
            titles.setdefault(key, title)
        return titles
    dimension = kind_dimensions().get(group_by)
    if dimension and dimension.choices:
        return {str(code): label for code, label in dimension.choices()}
    return {}


def breakdown(facts, group_by):
    """Rows {"group", "registrations", "places", …} of the facts grouped by one grouping, then a
    total row in which each registration counts once (a job-seeker with two trades appears under
    both trades)."""
    if group_by == "quarter":
        rows = facts.annotate(year=ExtractYear("date"), quarter=ExtractQuarter("date")).values(
            "year", "quarter").annotate(**_measures()).order_by("year", "quarter")
        grouped = [(gettext("%(year)s Q%(quarter)s") % row, row) for row in rows]
    elif group_by in ("date", "module", "kind", "state", "language", "district"):
        field = "page_key" if group_by == "module" else group_by
        rows = list(facts.values(field).annotate(**_measures()).order_by(field))
        labels = _labels(group_by, {row[field] for row in rows}, facts)
        grouped = []
        for row in rows:
            key = row[field]
            if group_by == "date":
                label = key
            else:
                label = labels.get(key, key) or gettext("(not given)")
            grouped.append((label, row))
    elif group_by in kind_dimensions():
        rows = list(RegistrationFactValue.objects.filter(dimension=group_by, fact__in=facts)
                    .values("value").annotate(**_measures("fact__")).order_by("value"))
        labels = _labels(group_by, {row["value"] for row in rows}, facts)
        grouped = [(labels.get(row["value"], row["value"]), row) for row in rows]
    else:
        raise ValueError(f"unknown grouping {group_by!r}")
    # Plugins' own rows linked to the facts (e.g. interview outcomes): extra columns.
    extra, extra_total = linked_counts(facts, group_by)
    blank = {key: 0 for key, _l, _c in linked_measures()}
    result = [{"group": str(label), **{key: row[key] for key, _l, _c in MEASURES},
               **blank, **extra.pop(group_key(group_by, row), {})}
              for label, row in grouped]
    if extra:  # values only the linked rows have (an outcome's trade no registration named)
        labels = _labels(group_by, set(extra), facts)
        result += [{"group": str(labels.get(key, key) or gettext("(not given)")),
                    **{measure: 0 for measure, _l, _c in MEASURES}, **blank, **figures}
                   for key, figures in extra.items()]
    if group_by not in ("date", "quarter"):
        result.sort(key=lambda row: (-row["registrations"], row["group"].casefold()))
    total = facts.aggregate(**_measures())
    result.append({"group": gettext("Total"), "is_total": True, **total, **blank, **extra_total})
    return result


def counts_by(facts, group_by):
    """{group value code: registrations} for one grouping: what tests and other plugins read."""
    if group_by in kind_dimensions() and group_by not in dict(CORE_GROUPINGS):
        return dict(RegistrationFactValue.objects.filter(dimension=group_by, fact__in=facts)
                    .values_list("value").annotate(n=Count("fact_id")).order_by())
    field = "page_key" if group_by == "module" else group_by
    return dict(facts.values_list(field).annotate(n=Count("pk")).order_by())
