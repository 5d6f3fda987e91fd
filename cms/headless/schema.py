"""Wagtail's endpoints in the OpenAPI document (a drf-spectacular postprocessing hook).

drf-spectacular documents the plugins' DRF views from their serializers and FilterSets.
Wagtail's router endpoints choose their serializer per request (`?fields=`, page type), which
no generator can introspect, so `add_wagtail_endpoints` adds them: every endpoint registered
on `cms.api.api_router` gets its listing, detail and find operations; item schemas come from
the serializers the endpoint really uses (one schema per page type, told apart by
`meta.type`), query parameters from the endpoint's `known_query_parameters`.
"""

import re

from django import forms
from django.core.validators import RegexValidator
from rest_framework import serializers as drf
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.images.api.fields import ImageRenditionField

from cms.headless.pages import TranslationsField

MAX_ID = 2**63 - 1
MAX_PAGE_ID = 10**18 - 1
MAX_OFFSET = 999_999_999
# The query may hold no C0 control character but tab and line breaks, the path none
# (events.middleware.ControlCharactersMiddleware answers 400 before any view).
NO_CONTROLS = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$"
PAGE_REFERENCE = r"^(root|[0-9]{1,18})$"
SITE = r"^[^:\u0000-\u001f\u007f]*(:[0-9]{1,5})?$"
HIDDEN_PARAMETERS = {"format", "_"}  # the browsable renderer and jQuery's cache buster

PARAMETERS = {
    "limit": ({"type": "integer", "minimum": 0, "maximum": 100, "default": 20},
              "Items per page (at most 100)."),
    "offset": ({"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
               "Items to skip."),
    "fields": ({"type": "string"},
               "Fields to add or remove: `fields=body,-title`, `fields=*`, "
               "`fields=_,title` (only these)."),
    "order": ({"type": "string"}, "Sort by a field: `title`, `-first_published_at`, `random`."),
    "search": ({"type": "string"}, "Full-text search (live, public content only)."),
    "search_operator": ({"type": "string", "enum": ["and", "or"]}, "How search terms combine."),
    "rich_text_format": ({"type": "string"}, "Rich text as `html` (default) or another format "
                                             "the site enables."),
    "type": ({"type": "string"}, "Page type(s) as `app_label.ModelName`, comma separated, e.g. "
                                 "`events.EventPage`."),
    "child_of": ({"type": "string", "pattern": PAGE_REFERENCE},
                 "Pages directly below this page id (or `root`); 404 if there is no such "
                 "public page."),
    "ancestor_of": ({"type": "integer", "minimum": 1, "maximum": MAX_PAGE_ID},
                    "Pages above this page id; 404 if there is no such public page."),
    "descendant_of": ({"type": "string", "pattern": PAGE_REFERENCE},
                      "Pages anywhere below this page id (or `root`); 404 if there is no such "
                      "public page."),
    "translation_of": ({"type": "integer", "minimum": 1, "maximum": MAX_PAGE_ID},
                       "Translations of this page id (use with `locale`); 404 if there is no "
                       "such public page."),
    "locale": ({"type": "string"}, "Language code: de, en, ar, fa, uk, ru."),
    "site": ({"type": "string", "pattern": SITE},
             "Host name (and :port) of the site to list; 404 if there is no such site."),
    "section": ({"type": "string"}, "Pages below the page with this slug or id, e.g. "
                                    "`veranstaltungen`; 404 if there is no such public page."),
    "category": ({"type": "string"}, "Event category slug (every event type)."),
    "audience": ({"type": "string"}, "Event audience slug (every event type)."),
    "city": ({"type": "string"}, "City: events with a venue there, pages (centres) in it."),
    "date_from": ({"type": "string", "format": "date"},
                  "Events with a date on or after this day (YYYY-MM-DD)."),
    "date_to": ({"type": "string", "format": "date"},
                "Events with a date on or before this day (YYYY-MM-DD); before `date_from`, "
                "nothing matches."),
    "district": ({"type": "string"}, "District code, e.g. `meissen`: centres located in or "
                                     "serving it (district routing)."),
    "service": ({"type": "string"}, "Service slug."),
    "language": ({"type": "string"}, "Language slug (counselling or event language)."),
    "target_group": ({"type": "string"}, "Target group slug."),
    "open_now": ({"type": "string", "enum": ["true", "false"]}, "Open at this moment."),
    "topic": ({"type": "string"}, "Topic of the responsibility matrix."),
    "id": ({"type": "integer", "minimum": 1, "maximum": MAX_ID}, "Object id."),
    "html_path": ({"type": "string"}, "Path of the page on the website, e.g. `/de/`."),
    "event_type": ({"type": "string"}, "Kind of event: `event`, `training`, `jobfair` …"),
    "content_type": ({"type": "string"}, "Page type as `app_label.modelname`."),
    "token": ({"type": "string", "minLength": 1}, "Preview token from the admin's preview."),
}

ERROR = {"$ref": "#/components/schemas/Error"}
# A wrong parameter answers `errors` per field; control characters in the address are refused
# before the view with `detail` (events.middleware.ControlCharactersMiddleware).
FIELD_OR_ADDRESS_ERRORS = {"anyOf": [{"$ref": "#/components/schemas/FieldErrors"}, ERROR]}


def _response(description, schema=None, headers=None):
    response = {"description": description}
    if schema is not None:
        response["content"] = {"application/json": {"schema": schema}}
    if headers:
        response["headers"] = headers
    return response


def _error(description):
    return _response(description, ERROR)


ETAG_HEADERS = {
    "ETag": {"schema": {"type": "string"}, "description": "Send it back as If-None-Match."},
    "Cache-Control": {"schema": {"type": "string"}, "description": "`no-cache`: revalidate."},
}
CONDITIONAL = {"name": "If-None-Match", "in": "header", "required": False,
               "schema": {"type": "string"},
               "description": "An ETag from an earlier answer: 304 when nothing changed."}


def _parameter(name, location="query", required=False, viewset=None, detail=False):
    schema, description = PARAMETERS.get(name, ({"type": "string"}, f"Filter on `{name}`."))
    schema = dict(schema)
    if viewset is not None:
        schema = endpoint_parameter_schema(name, viewset, detail) or schema
    return {"name": name, "in": location, "required": required,
            "schema": without_controls(schema), "description": description}


def documented_parameter_schema(name, viewset, detail=False):
    return _parameter(name, viewset=viewset, detail=detail)["schema"]


def accepts_blank(schema):
    """Whether the document lets a client send the parameter empty."""
    if schema.get("type") != "string" or {"enum", "format"} & set(schema):
        return False
    return re.fullmatch(schema.get("pattern", ""), "") is not None if "pattern" in schema \
        else True


def without_controls(schema):
    """A free string states what the address may not hold (the middleware refuses it)."""
    if schema.get("type") == "string" and not ({"enum", "format", "pattern"} & set(schema)):
        return {**schema, "pattern": NO_CONTROLS}
    return schema


def optional_pattern(pattern):
    """`pattern` or the empty string (an empty filter value does not filter)."""
    return f"^(?:{pattern.removeprefix('^').removesuffix('$')})?$"


def filter_schema(query_filter):
    """The schema of a django-filter filter's value, from its form field: choices as an enum,
    a date's format, a RegexValidator's pattern and the maximum length."""
    field = query_filter.field
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [str(value) for value, _label in field.choices
                                           if value != ""]}
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    patterns = [validator.regex.pattern for validator in field.validators
                if isinstance(validator, RegexValidator) and not validator.inverse_match]
    if patterns:
        schema["pattern"] = patterns[0] if field.required else optional_pattern(patterns[0])
    return without_controls(schema)


def field_names(viewset, model, detail):
    names = viewset.get_body_fields_names(model) + viewset.get_meta_fields_names(model)
    if not detail:
        names = [name for name in names if name not in viewset.detail_only_fields]
    return list(dict.fromkeys(names))


def fields_pattern(names):
    """Wagtail's `fields` syntax over these names: `*` and removals, `_` and additions, or
    additions and removals (`title,-slug`); nested field lists are not described."""
    name = "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"
    return (rf"^(?:\*(?:,-{name})*|_(?:,{name})*|-?{name}(?:,-?{name})*)?$")


def endpoint_parameter_schema(name, viewset, detail):
    """The schema of a query parameter as this endpoint checks it, or None for the default."""
    from wagtail.api.rich_text import APIRichText
    from wagtail.models import Locale, Page

    from cms.headless.pages import page_type_names

    models = endpoint_models(viewset)
    base = viewset.model
    filterset = getattr(viewset, "filterset_class", None)
    if filterset is not None and name in filterset.base_filters:
        return filter_schema(filterset.base_filters[name])
    if name == "fields":
        if detail:  # a detail may be of any of the endpoint's models: the fields they share
            names = set.intersection(*[set(field_names(viewset, m, True)) for m in models])
        else:
            names = field_names(viewset, base, False)
        return {"type": "string", "pattern": fields_pattern(names)}
    if name == "order":
        orderable = dict.fromkeys(viewset.get_available_fields(base, db_fields_only=True))
        return {"type": "string", "enum": ["random", *[f"{sign}{field}" for field in orderable
                                                     for sign in ("", "-")]]}
    if name == "type" and issubclass(base, Page):
        return {"type": "string", "enum": page_type_names(base)}
    if name == "locale" and issubclass(base, Page):
        return {"type": "string", "enum": list(
            Locale.objects.order_by("language_code").values_list("language_code", flat=True))}
    if name == "rich_text_format":
        return {"type": "string", "enum": sorted(APIRichText._serializers())}
    return None


# Field schemas ---------------------------------------------------------------------------

def _nullable(schema):
    return {**schema, "nullable": True} if schema else schema


RENDITION = {"type": "object", "properties": {
    "url": {"type": "string"}, "full_url": {"type": "string"}, "width": {"type": "integer"},
    "height": {"type": "integer"}, "alt": {"type": "string"}}}


# A link to another object as Wagtail's RelatedField renders it (images, documents, snippets).
RELATED_OBJECT = {"type": "object", "required": ["id", "meta"], "properties": {
    "id": {"type": "integer"},
    "meta": {"type": "object", "required": ["type"], "properties": {
        "type": {"type": "string"}, "detail_url": {"type": "string", "format": "uri"},
        "download_url": {"type": "string"}}},
    "title": {"type": "string"}}}
# The parent or alias target of a page (PageParentField, PageAliasOfField).
PAGE_LINK = {"type": "object", "required": ["id", "meta", "title"], "properties": {
    "id": {"type": "integer"},
    "meta": {"type": "object", "required": ["type", "detail_url"], "properties": {
        "type": {"type": "string"}, "detail_url": {"type": "string", "format": "uri"},
        "html_url": {"type": "string", "format": "uri", "nullable": True}}},
    "title": {"type": "string"}}}


def field_schema(field):
    """JSON schema for one DRF serializer field as Wagtail's API renders it."""
    if isinstance(field, drf.ListSerializer | drf.ManyRelatedField | drf.ListField):
        child = getattr(field, "child", None) or getattr(field, "child_relation", None)
        return {"type": "array", "items": field_schema(child) or {}}
    if isinstance(field, wagtail_serializers.ChildRelationField):
        # Rows of a ParentalKey inline, each serialised with the inline model's API fields.
        row = field.serializer_class(context={})
        meta_names = set(getattr(row, "meta_fields", ()))
        properties = {name: _nullable(field_schema(child)) for name, child in row.fields.items()
                      if name not in meta_names}
        properties["meta"] = {"type": "object", "properties": {
            name: field_schema(row.fields[name]) for name in meta_names if name in row.fields}}
        return {"type": "array", "items": {"type": "object", "properties": properties}}
    if isinstance(field, drf.Serializer):
        return {"type": "object", "properties": {
            name: _nullable(field_schema(child)) for name, child in field.fields.items()}}
    if isinstance(field, drf.SerializerMethodField):
        # Typed as drf-spectacular reads it: `@extend_schema_field(<field>)` on the method.
        method = getattr(type(field.parent), field.method_name or "", None)
        annotation = getattr(method, "_spectacular_annotation", None)
        if isinstance(annotation, dict):
            annotation = annotation.get("field")
        if isinstance(annotation, drf.Field):
            schema = field_schema(annotation)
            return _nullable(schema) if schema and annotation.allow_null else schema
        return {}
    checks = [
        (wagtail_serializers.StreamField,
         {"type": "array", "description": "StreamField blocks: `{type, value, id}`.",
          "items": {"type": "object", "properties": {
              "type": {"type": "string"}, "id": {"type": "string"}, "value": {}}}}),
        (wagtail_serializers.TagsField, {"type": "array", "items": {"type": "string"}}),
        (TranslationsField, {"type": "array", "items": {
            "$ref": "#/components/schemas/Translation"}}),
        (ImageRenditionField, RENDITION),
        (wagtail_serializers.PageParentField, PAGE_LINK),
        (wagtail_serializers.PageAliasOfField, PAGE_LINK),
        (wagtail_serializers.RelatedField, RELATED_OBJECT),
        (drf.BooleanField, {"type": "boolean"}),
        (drf.IntegerField, {"type": "integer"}),
        (drf.FloatField, {"type": "number"}),
        (drf.DecimalField, {"type": "string", "description": "Decimal number as a string."}),
        (drf.DateTimeField, {"type": "string", "format": "date-time"}),
        (drf.DateField, {"type": "string", "format": "date"}),
        (drf.TimeField, {"type": "string"}),
        (drf.CharField, {"type": "string"}),
        (drf.ChoiceField, {"type": "string"}),
        (drf.PrimaryKeyRelatedField, {"type": "integer"}),
    ]
    for field_class, schema in checks:
        if isinstance(field, field_class):
            return dict(schema)
    name = type(field).__name__
    if name.endswith(("UrlField", "TypeField", "LocaleField")):
        return {"type": "string"}
    return {}


def item_schema(viewset, model, router):
    """Schema of one object of `model` as `viewset` serialises it with every field."""
    serializer_class = viewset._get_serializer_class(router, model, [("*", False, None)],
                                                     show_details=True)
    serializer = serializer_class(context={})
    meta_names = set(serializer.meta_fields)
    properties, meta = {}, {}
    for name, field in serializer.fields.items():
        schema = field_schema(field)
        if name == "id":
            properties[name] = {"type": "integer"}
        elif name in meta_names:
            meta[name] = _nullable(schema) if name != "type" else schema
        else:
            properties[name] = _nullable(schema)
    if "type" in meta:
        meta["type"] = {"type": "string", "enum": [f"{model._meta.app_label}.{model.__name__}"]}
    properties["meta"] = {"type": "object", "properties": meta}
    return {"type": "object", "title": f"{model._meta.app_label}.{model.__name__}",
            "properties": properties}


def schema_name(model):
    return f"{model._meta.app_label}.{model.__name__}".replace(".", "_")


# Operations ------------------------------------------------------------------------------

def endpoint_models(viewset):
    from wagtail.models import Page

    from cms.headless.pages import api_models

    if viewset.model is Page:
        return api_models()
    return [viewset.model]


def endpoint_paths(name, viewset, router, components):
    models = endpoint_models(viewset)
    refs = []
    for model in models:
        key = schema_name(model)
        if key not in components:
            components[key] = item_schema(viewset, model, router)
        refs.append({"$ref": f"#/components/schemas/{key}"})
    item = refs[0] if len(refs) == 1 else {"anyOf": refs}
    listing_names = sorted(set(viewset.known_query_parameters) - HIDDEN_PARAMETERS)
    tag = name
    prefix = f"/api/v2/{name}/"
    doc = (viewset.__doc__ or "").strip().splitlines()
    summary = doc[0] if doc else f"{name} listing"
    listing = {
        "get": {
            "operationId": f"{name}_listing", "tags": [tag], "summary": summary,
            "parameters": [_parameter(p, viewset=viewset) for p in listing_names]
            + [CONDITIONAL],
            "responses": {
                "200": _response("One page of results.", {
                    "type": "object", "required": ["meta", "items"], "properties": {
                        "meta": {"$ref": "#/components/schemas/ListingMeta"},
                        "items": {"type": "array", "items": item}}}, ETAG_HEADERS),
                "304": {"description": "Not modified since the ETag sent."},
                "400": _response("A query parameter is wrong.", FIELD_OR_ADDRESS_ERRORS),
                "404": _error("Not found."),
            },
        }
    }
    detail = {
        "get": {
            "operationId": f"{name}_detail", "tags": [tag], "summary": f"One item of {name}",
            "parameters": [
                {"name": "id", "in": "path", "required": True,
                 "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID}},
                _parameter("fields", viewset=viewset, detail=True), CONDITIONAL,
            ],
            "responses": {
                "200": _response("The item with every field.", item, ETAG_HEADERS),
                "304": {"description": "Not modified since the ETag sent."},
                "400": _response("A query parameter is wrong.", FIELD_OR_ADDRESS_ERRORS),
                "404": _error("No such item, or not public."),
            },
        }
    }
    find_names = sorted(set(viewset.find_query_parameters))
    find = {
        "get": {
            "operationId": f"{name}_find", "tags": [tag],
            "summary": f"Redirect to the detail of one item of {name}",
            "parameters": [_parameter(p, viewset=viewset) for p in find_names],
            "responses": {
                "302": {"description": "Found: Location is the item's detail URL."},
                "400": _response("A query parameter is wrong.", FIELD_OR_ADDRESS_ERRORS),
                "404": _error("Nothing found."),
            },
        }
    }
    return {prefix: listing, f"{prefix}{{id}}/": detail, f"{prefix}find/": find}


def preview_content_type():
    from cms.headless.pages import api_models

    parameter = _parameter("content_type", required=True)
    parameter["schema"] = {"type": "string", "enum": [
        f"{model._meta.app_label}.{model._meta.model_name}" for model in api_models()]}
    return parameter


def preview_paths():
    from cms.headless.preview import PagePreviewAPIViewSet

    return {"/api/v2/page_preview/": {"get": {
        "operationId": "page_preview", "tags": ["preview"],
        "summary": "The draft of a page for a preview token (headless preview)",
        "description": "The admin's preview opens the configured front end with "
                       "`?content_type=…&token=…`; the front end passes both here. "
                       "Tokens expire (HEADLESS_PREVIEW_MAX_AGE).",
        "parameters": [preview_content_type(), _parameter("token", required=True),
                       _parameter("fields", viewset=PagePreviewAPIViewSet, detail=True)],
        "responses": {
            "200": _response("The draft page, in the pages endpoint's detail shape.",
                             {"$ref": "#/components/schemas/PageDetail"}),
            "400": _error("content_type or token missing or wrong."),
            "404": _error("No preview for this token, or it expired."),
        },
    }}}


def schema_paths():
    return {"/api/schema/": {"get": {
        "operationId": "schema", "tags": ["schema"], "summary": "This OpenAPI document",
        "responses": {"200": _response("OpenAPI 3.0 document.", {"type": "object"})},
    }}}


COMPONENTS = {
    "Error": {"type": "object", "required": ["detail"], "properties": {
        "detail": {"type": "string"},
        "message": {"type": "string", "description": "Same text (Wagtail's own key)."},
        "code": {"type": "string"},
        "errors": {"$ref": "#/components/schemas/ErrorMap"}}},
    "ErrorMap": {"type": "object", "additionalProperties": {
        "type": "array", "items": {"type": "string"}}},
    "FieldErrors": {"type": "object", "required": ["errors"], "properties": {
        "errors": {"$ref": "#/components/schemas/ErrorMap"}}},
    "ListingMeta": {"type": "object", "required": ["total_count"], "properties": {
        "total_count": {"type": "integer", "minimum": 0}}},
    "Translation": {"type": "object", "required": ["id", "locale", "title", "html_url"],
                    "properties": {
                        "id": {"type": "integer"}, "locale": {"type": "string"},
                        "title": {"type": "string"},
                        "html_url": {"type": "string", "format": "uri", "nullable": True}}},
    "PageDetail": {"type": "object", "required": ["id", "meta", "title"], "properties": {
        "id": {"type": "integer"}, "title": {"type": "string"},
        "meta": {"type": "object", "properties": {"type": {"type": "string"}}}},
        "description": "Further fields depend on `meta.type`: see the page type schemas."},
}


def add_wagtail_endpoints(result, generator, request, public):
    """drf-spectacular postprocessing hook: Wagtail's endpoints, the preview and the schema."""
    from cms.api import api_router

    components = result.setdefault("components", {}).setdefault("schemas", {})
    for key, value in COMPONENTS.items():
        components.setdefault(key, value)
    for key, value in components.items():
        if value.get("enum") == []:  # a vocabulary without codes yet: no value is valid
            components[key] = {"not": {}, "description": "No codes yet."}
    paths = result.setdefault("paths", {})
    for name, viewset in api_router._endpoints.items():
        if name == "page_preview":
            continue
        paths.update(endpoint_paths(name, viewset, api_router, components))
    for operations in paths.values():  # a write without a body is refused: say so
        for operation in operations.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                operation["requestBody"]["required"] = True
    for path, operations in paths.items():
        describe_view_parameters(path, operations)
    paths.update(preview_paths())
    paths.update(schema_paths())
    result["paths"] = dict(sorted(paths.items()))
    result["servers"] = [{"url": "/"}]
    return result


def describe_view_parameters(path, operations):
    """Query parameters of the plugins' DRF views (documented by drf-spectacular) as their
    FilterSet checks them, and no control character in any free string."""
    from django.urls import Resolver404, resolve

    try:
        view = resolve(re.sub(r"\{[^}]+\}", "1", path)).func
    except Resolver404:
        return
    filterset = getattr(getattr(view, "view_class", None), "filterset_class", None)
    filters = filterset.base_filters if filterset is not None else {}
    for operation in operations.values():
        for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
            if parameter.get("in") != "query":
                continue
            if parameter["name"] in filters and "enum" not in parameter["schema"]:
                parameter["schema"] = filter_schema(filters[parameter["name"]])
            parameter["schema"] = without_controls(parameter["schema"])


def only_public_api(endpoints):
    """drf-spectacular preprocessing hook: the public API, not the admin's internal ones."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v2/")]
