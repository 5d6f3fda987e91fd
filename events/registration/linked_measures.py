"""Extra columns of the funders' statistics from rows a plugin keeps itself, each linked to the
anonymous registration fact it concerns (e.g. the job fairs' interview outcomes, linked to the
job-seeker's fact): counted under the same filters and groupings as the facts, so they survive
the erasure of the registrations as the facts do.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, Q
from django.db.models.functions import ExtractQuarter, ExtractYear

# Groupings that are a field of the fact (the statistics' CORE_GROUPINGS but the quarter).
FACT_FIELDS = {"date": "date", "module": "page_key", "kind": "kind", "state": "state",
               "language": "language", "district": "district"}


@dataclass(frozen=True)
class LinkedMeasures:
    # "app_label.ModelName" of the rows; `fact_field` is their ForeignKey to RegistrationFact.
    model: str
    fact_field: str
    # (key, label, lookups on the row): one column each, like statistics.MEASURES.
    measures: tuple
    # A grouping the row answers itself, e.g. {"trades": "trade"}: the row's own value instead
    # of the fact's (an outcome belongs to one trade, its job-seeker may name several).
    own_groupings: dict = field(default_factory=dict)

    def rows(self, facts):
        return apps.get_model(self.model).objects.filter(**{f"{self.fact_field}__in": facts})


_registry: list[LinkedMeasures] = []


def register_linked_measures(spec):
    if spec not in _registry:
        _registry.append(spec)
    return spec


def linked_measures():
    """(key, label, condition) of every registered extra column."""
    return [measure for spec in _registry for measure in spec.measures]


def group_key(group_by, row):
    """The key of a statistics row (statistics.breakdown) that linked counts are filed under."""
    if group_by == "quarter":
        return row["year"], row["quarter"]
    if group_by in FACT_FIELDS:
        return row[FACT_FIELDS[group_by]]
    return row["value"]


def linked_counts(facts, group_by):
    """({group key: {measure key: n}}, {measure key: n} in total) for the filtered facts."""
    by_group, totals = {}, {}
    for spec in _registry:
        rows = spec.rows(facts)
        counts = {key: Count("pk", distinct=True, filter=Q(**condition))
                  for key, _label, condition in spec.measures}
        totals.update(rows.aggregate(**counts))
        prefix = f"{spec.fact_field}__"
        if group_by == "quarter":
            grouped = rows.annotate(year=ExtractYear(prefix + "date"),
                                    quarter=ExtractQuarter(prefix + "date")).values(
                "year", "quarter")
            key_of = lambda row: (row["year"], row["quarter"])  # noqa: E731
        else:
            if group_by in spec.own_groupings:
                path = spec.own_groupings[group_by]
            elif group_by in FACT_FIELDS:
                path = prefix + FACT_FIELDS[group_by]
            else:
                rows = rows.filter(**{prefix + "values__dimension": group_by})
                path = prefix + "values__value"
            grouped = rows.values(path)
            key_of = lambda row, path=path: row[path]  # noqa: E731
        for row in grouped.annotate(**counts).order_by():
            figures = by_group.setdefault(key_of(row), {})
            for key in counts:
                figures[key] = figures.get(key, 0) + row[key]
    return by_group, totals
