"""Query and path values of Wagtail's API endpoints checked before they reach the database.

Stock Wagtail passes them through: `?offset=<20 digits>` and `/centres/<2**63>/` overflow the
database integer, `find/?id=abc` raises ValueError, `search_operator=zz` raises ValueError and
a double quote in `search` breaks SQLite's full-text query syntax. Each was a 500; here each is
a 400 (wrong value) or 404 (no such object) with a message.
"""

import re

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.db.models import Count, QuerySet, Window
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

# Nine digits, like the occurrences API: far beyond any listing, far below any integer limit.
MAX_OFFSET = 999_999_999
DIGITS = re.compile(r"[0-9]+")  # str.isdigit() also accepts "²", which int() refuses
SEARCH_OPERATORS = ("and", "or")


def is_number(value):
    return bool(DIGITS.fullmatch(value))


def fits_id(model, value):
    """Whether `value` (digits) is within the range of the model's primary key column."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low or 0) <= int(value) <= (high if high is not None else 2**31 - 1)


TOTAL = "_listing_total_count"


class RowsWithTotal:
    """A queryset for Wagtail's pagination whose slice also reads `total_count`, as a window
    over the whole result (`COUNT(*) OVER ()`): one query for the page and the count."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return None  # known once the rows are read (SitePagination.paginate_queryset)

    def __getitem__(self, bounds):
        return list(self.queryset.annotate(**{TOTAL: Window(Count("*"))})[bounds])


def counts_with_rows(queryset):
    """Whether a window over the rows counts what `queryset.count()` would."""
    return (isinstance(queryset, QuerySet) and connection.features.supports_over_clause
            and queryset._fields is None and not queryset.query.distinct
            and not queryset.query.combinator and not queryset.query.is_sliced
            and queryset.query.group_by is None)


class SitePagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "").strip()
        if offset and is_number(offset) and int(offset) > MAX_OFFSET:
            raise BadRequestError(_("offset must be at most %(max)s") % {"max": MAX_OFFSET})
        if not counts_with_rows(queryset):  # search results: counted apart
            return super().paginate_queryset(queryset, request, view)
        rows = super().paginate_queryset(RowsWithTotal(queryset), request, view)
        if rows and TOTAL in rows[0].__dict__:
            self.total_count = rows[0].__dict__[TOTAL]
            for row in rows:
                row.__dict__.pop(TOTAL, None)
        elif rows or int(offset or 0):  # past the last page the window has no row to tell
            self.total_count = queryset.count()
        else:
            self.total_count = 0
        return rows


class QueryOverride:
    """The request with other query values (Wagtail's filters read `request.GET`)."""

    def __init__(self, request, query):
        self._wrapped, self.GET = request, query

    def __getattr__(self, name):
        return getattr(self._wrapped, name)


class SiteSearchFilter(SearchFilter):
    """Wagtail's search with the operator checked and the query freed of double quotes;
    a search for nothing but spaces does not filter.

    The search terms are quoted phrases in SQLite's FTS5 syntax, which the database backend
    does not escape; a quote is no letter of any word, so dropping it changes no result.
    """

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(_("search_operator must be 'and' or 'or'"))
        if "search" in request.GET:
            words = request.GET["search"].replace('"', " ").strip()
            query = request.GET.copy()
            if words:
                query["search"] = words
            else:  # nothing to search for: the backend would fail on an empty query
                del query["search"]
            request = QueryOverride(request, query)
            if words and request.GET.get("order"):
                # The search backend orders only by indexed fields: find the matches, keep the
                # order the client asked for (already applied by the ordering filter).
                matches = super().filter_queryset(request, queryset.order_by(), view)
                return queryset.filter(pk__in=[item.pk for item in matches])
        return super().filter_queryset(request, queryset, view)


class MissingPageNotFound:
    """A filter naming a page that does not exist (or is not public) answers 404, like the
    detail of that page; a malformed value stays a 400."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except BadRequestError as error:
            if isinstance(error.__cause__, ObjectDoesNotExist):
                raise Http404(_("No published page with this id.")) from error
            raise


class SiteChildOfFilter(MissingPageNotFound, ChildOfFilter):
    pass


class SiteAncestorOfFilter(MissingPageNotFound, AncestorOfFilter):
    pass


class SiteDescendantOfFilter(MissingPageNotFound, DescendantOfFilter):
    """Also together with `child_of`: the children of one page that are below another."""

    def filter_queryset(self, request, queryset, view):
        parent = getattr(queryset, "_filtered_by_child_of", None)
        if parent is not None:
            queryset = queryset.all()  # a copy without the marker Wagtail refuses
        queryset = super().filter_queryset(request, queryset, view)
        if parent is not None:
            queryset._filtered_by_child_of = parent
        return queryset


class SiteTranslationOfFilter(MissingPageNotFound, TranslationOfFilter):
    pass


class SiteOrderingFilter(OrderingFilter):
    """Wagtail's ordering; `random` also with an offset (another random page of results)."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("order") == "random":
            return queryset.order_by("?")
        return super().filter_queryset(request, queryset, view)


SITE_FILTERS = {SearchFilter: SiteSearchFilter, ChildOfFilter: SiteChildOfFilter,
                AncestorOfFilter: SiteAncestorOfFilter,
                DescendantOfFilter: SiteDescendantOfFilter,
                TranslationOfFilter: SiteTranslationOfFilter, OrderingFilter: SiteOrderingFilter}


def with_site_filters(backends):
    return [SITE_FILTERS.get(backend, backend) for backend in backends]



class SafeParametersMixin:
    """For Wagtail API viewsets: bounded offset, ids checked in detail and find views."""

    pagination_class = SitePagination

    def check_query_parameters(self, queryset):
        """Wagtail's check, and a value sent empty where the OpenAPI document types it (a
        number, a date, one of a list) is a 400 like any other wrong value; an empty free
        text does not filter."""
        from .schema import accepts_blank, documented_parameter_schema

        super().check_query_parameters(queryset)
        blank = sorted(name for name in set(self.request.GET) & self.known_query_parameters
                       if not self.request.GET[name].strip() and not accepts_blank(
                           documented_parameter_schema(name, type(self))))
        if blank:
            raise ValidationError({name: [_("This field may not be blank.")] for name in blank})

    def get_object(self):
        pk = str(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        if not is_number(pk) or not fits_id(self.model, pk):
            raise Http404(_("Not found."))
        return super().get_object()

    def find_object(self, queryset, request):
        if "id" in request.GET:
            value = request.GET["id"].strip()
            if not is_number(value):
                raise BadRequestError(_("id must be a whole number"))
            if not fits_id(self.model, value):
                raise Http404(_("Not found."))
        return super().find_object(queryset, request)
