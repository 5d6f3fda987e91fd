"""One set of places per date, whatever the language.

Translating an event page copies its dates (wagtail-localize, `copy_for_translation`): each
language's page has its own `Occurrence` rows, and re-synchronising a translation deletes and
recreates them. Places therefore live only on the date of the source page (default locale);
a translated date registers on, and shows the counts of, the source date it was copied from.

A copied date's UID is derived from its source's (`translated_uid`), which is how a copy finds
its source without a stored link; a date added to a translation by hand keeps its own places.
"""

import datetime

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from events.models import Occurrence, RegistrationOption
from events.models.occurrences import translated_uid

from .prepared import prepared_query


def with_page_language(queryset):
    """Occurrence rows annotated with their page's language and translation key, so that
    `source_occurrence_ids` needs no query for dates of the source language."""
    return queryset.annotate(page_language=F("page__locale__language_code"),
                             page_translation_key=F("page__translation_key"))


def source_occurrence_ids(occurrences):
    """{occurrence pk: pk of the source-locale date whose places it uses} (constant queries)."""
    occurrences = [item for item in occurrences if item.pk is not None]
    result = {item.pk: item.pk for item in occurrences}
    page_ids = {item.page_id for item in occurrences}
    if not page_ids:
        return result
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if all(hasattr(item, "page_language") for item in occurrences):
        translated = {item.page_id: item.page_translation_key for item in occurrences
                      if item.page_language != default}
    else:
        translated = dict(Page.objects.filter(pk__in=page_ids)
                          .exclude(locale__language_code=default)
                          .values_list("pk", "translation_key"))
    if not translated:
        return result
    source_pages = dict(Page.objects.filter(translation_key__in=set(translated.values()),
                                            locale__language_code=default)
                        .values_list("translation_key", "pk"))
    candidates = {}
    for pk, uid, page_id, start in Occurrence.objects.filter(
            page_id__in=source_pages.values()).values_list("pk", "uid", "page_id", "start"):
        candidates.setdefault(page_id, []).append((pk, uid, start))
    for item in occurrences:
        source_page_id = source_pages.get(translated.get(item.page_id))
        if source_page_id is None:
            continue
        rows = candidates.get(source_page_id, [])
        match = next((pk for pk, uid, _start in rows
                      if translated_uid(uid, item.page_id) == item.uid), None)
        if match is None:  # a copy made some other way: the date at the same time
            match = next((pk for pk, _uid, start in rows if start == item.start), None)
        if match is not None:
            result[item.pk] = match
    return result


def attach_options(occurrences):
    """Set `shared_options` (the source date's capacity rows) on each occurrence."""
    occurrences = list(occurrences)
    sources = source_occurrence_ids(occurrences)
    by_occurrence = {}
    for option in RegistrationOption.objects.filter(
            occurrence_id__in=set(sources.values())).order_by("pk"):
        by_occurrence.setdefault(option.occurrence_id, []).append(option)
    for item in occurrences:
        item.shared_options = by_occurrence.get(sources.get(item.pk), [])
    return occurrences


def options_for(occurrence):
    """The capacity rows a date registers on (its source date's, for a translation)."""
    shared = getattr(occurrence, "shared_options", None)
    if shared is None:
        attach_options([occurrence])
        shared = occurrence.shared_options
    return shared


def registration_occurrence(occurrence):
    """The date that holds the places of `occurrence`."""
    source_id = source_occurrence_ids([occurrence]).get(occurrence.pk, occurrence.pk)
    if source_id == occurrence.pk:
        return occurrence
    return Occurrence.objects.select_related("page").get(pk=source_id)


def pick_option(options, kind, part=None):
    """The option of `kind` for `part` ("onsite", "online"); without a part, the date's only
    option of the kind or its whole-date one (a hybrid date's parts must be chosen)."""
    options = [item for item in options if item.kind == kind]
    if part is not None:
        return next((item for item in options if item.part == part), None)
    if len(options) == 1:
        return options[0]
    return next((item for item in options if not item.part), None)


def public_option(occurrence, kind, part=None):
    """The capacity row of `kind` (and `part`, for a hybrid date) that a visitor registers on
    through `occurrence`, or None when the date's page is not public (the rule of the
    listings, API and feeds)."""
    from events.queries import is_public

    if occurrence is None or not is_public([occurrence.pk]):
        return None
    option = pick_option(options_for(occurrence), kind, part)
    if option is not None:
        option.occurrence = occurrence  # shown with the date (and page) the visitor came from
    return option


def public_option_by_id(occurrence_id, kind, part=None):
    """`public_option` for a date id, as the API receives it. A date of the source language
    (nearly every request) takes one query: its option with the date, page, venue and what the
    statistics fact and the questions need, marked public or not (the rule of
    `events.queries.public_occurrences`, in the same query). Any other date (a translation's,
    or one without this kind) takes the general path.

    The query's SQL is compiled once per database connection (`_prepared_option_query`): only
    its values change from one request to the next, and building and compiling its subqueries
    took about half of a registration's Python time."""
    from django.db import connections, router
    from django.utils import timezone

    connection = connections[router.db_for_read(RegistrationOption)]
    values = {"occurrence": occurrence_id, "kind": kind, "part": part or "",
              "now": timezone.now()}
    prepared = _prepared_option_query(connection)
    if prepared is not None:
        option = prepared.first(values)
    else:
        option = _option_queryset(**values).first()
    if option is not None:
        return option if option.page_is_public else None
    occurrence = Occurrence.objects.select_related("page").filter(pk=occurrence_id).first()
    return public_option(occurrence, kind, part)


def _option_queryset(*, occurrence, kind, part, now):
    """The option of a source-language date, read with what the API needs (see
    `public_option_by_id`)."""
    from events.queries import public_occurrences

    from .statistics import page_district

    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    public = public_occurrences("all", now=now).filter(pk=OuterRef("occurrence_id"))
    return (RegistrationOption.objects
            .filter(occurrence_id=occurrence, kind=kind, part=part,
                    occurrence__page__locale__language_code=default)
            .select_related("occurrence__page__locale", "occurrence__venue")
            .annotate(page_is_public=Exists(public),
                      page_district=page_district(OuterRef("occurrence__page_id")),
                      page_questions_data=page_questions_data(OuterRef("occurrence__page_id"))))


# Values the query is compiled with once, then replaced by each request's: none of them can
# occur in the SQL's other parameters (an id beyond any real one, texts no kind or part has,
# a time nobody registers at).
_PLACEHOLDERS = {
    "occurrence": 2_147_483_001,
    "kind": "events:placeholder:kind",
    "part": "events:placeholder:part",
    "now": datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC),
}


def _adapt_time(value, connection):
    """A time as the `expire_at` comparison sends it (a text on SQLite)."""
    return Page._meta.get_field("expire_at").get_db_prep_value(value, connection)


def _prepared_option_query(connection):
    """The option query of `public_option_by_id` compiled for `connection`, or None when it
    cannot be prepared (then the queryset runs as it is). PostgreSQL only, where registrations
    come in bursts: on SQLite an open read of the shared in-memory test database left a table
    locked for the next write (CI), and the embedded default needs no such speed."""
    if connection.vendor != "postgresql":
        return None
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    def build():
        queryset = _option_queryset(**_PLACEHOLDERS)
        # As `QuerySet.first()` reads it.
        return (queryset if queryset.ordered else queryset.order_by("pk"))[:1]

    return prepared_query(connection, ("public_option_by_id", default), build, _PLACEHOLDERS,
                          adapters={"now": _adapt_time})


def page_questions_data(page_id):
    """An expression: the stored registration questions of the page `page_id` (an `OuterRef`),
    whichever event page type it is, so that the API reads them with the option instead of
    loading the specific page (`questions_of_option` turns them into questions)."""
    from django.db.models import JSONField, Subquery, Value
    from django.db.models.functions import Coalesce

    from events.queries import event_page_models

    nothing = Value(None, output_field=JSONField())
    stored = [Subquery(model.objects.filter(pk=page_id).order_by()
                       .values("registration_questions")[:1], output_field=JSONField())
              for model in event_page_models()]
    return Coalesce(*stored, nothing) if stored else nothing


def questions_of_option(option, kind):
    """The questions `kind` is asked on the option's date, from what `public_option_by_id`
    read (no query); None when the option was read some other way."""
    from types import SimpleNamespace

    from .questions import questions_for

    if option is None or not hasattr(option, "page_questions_data"):
        return None
    model = option.occurrence.page.specific_class
    if model is None or "registration_questions" not in {f.name for f in model._meta.fields}:
        return None
    field = model._meta.get_field("registration_questions")
    stream = field.to_python(option.page_questions_data or [])
    return questions_for(SimpleNamespace(registration_questions=stream), kind)


def has_parts(occurrence_id, kind):
    """Whether a public date registers `kind` per part (on site / online) only."""
    occurrence = Occurrence.objects.filter(pk=occurrence_id).first()
    return occurrence is not None and any(
        public_option(occurrence, kind, part) is not None for part in ("onsite", "online"))
