"""Serializer classes and their fields, built once per process instead of on every request.

Wagtail builds a new serializer class for each API request (and DRF builds each serializer's
fields from the model's metadata for every instance): for a listing with `fields=*` that was a
third of the request's time. The class depends only on the endpoint, the page type and the
`fields` parameter, and the fields only on the class, so both are kept: classes for the most
recent combinations (`fields` comes from the client, so their number is bounded), fields as
unbound templates that each serializer receives copies of (DRF binds every field to its parent
serializer, so one instance cannot serve two).
"""

import copy
import weakref
from collections import OrderedDict
from threading import Lock

SERIALIZER_CLASSES = 256  # combinations of endpoint, type and `fields` kept

_templates = weakref.WeakKeyDictionary()  # serializer class -> its unbound fields
_subclasses = weakref.WeakKeyDictionary()  # serializer class -> its FieldsOnce subclass


class FieldsOnceMixin:
    """`get_fields()` from the class's templates (built by the first instance), copied."""

    def get_fields(self):
        cls = type(self)
        templates = _templates.get(cls)
        if templates is None:
            templates = _templates[cls] = super().get_fields()
        return OrderedDict((name, copy.deepcopy(field)) for name, field in templates.items())


def with_fields_once(serializer_class):
    """`serializer_class` with its fields built once (the same subclass on every call)."""
    if issubclass(serializer_class, FieldsOnceMixin):
        return serializer_class
    subclass = _subclasses.get(serializer_class)
    if subclass is None:
        subclass = _subclasses[serializer_class] = type(
            serializer_class.__name__, (FieldsOnceMixin, serializer_class),
            {"__module__": serializer_class.__module__})
    return subclass


class RecentClasses:
    """The serializer classes of the most recent `size` keys, oldest dropped first."""

    def __init__(self, size=SERIALIZER_CLASSES):
        self.size = size
        self.classes = OrderedDict()
        self.lock = Lock()  # gunicorn's threads share it

    def get(self, key, build):
        with self.lock:
            found = self.classes.get(key)
            if found is not None:
                self.classes.move_to_end(key)
                return found
        built = build()  # outside the lock: a BadRequestError is not kept
        with self.lock:
            self.classes[key] = built
            while len(self.classes) > self.size:
                self.classes.popitem(last=False)
        return built


_per_class = weakref.WeakKeyDictionary()  # serializer class -> {function: result}


def per_class(function, serializer_class, *args):
    """`function(serializer_class, *args)`, worked out once per serializer class and args."""
    results = _per_class.setdefault(serializer_class, {})
    key = (function, *args)
    if key not in results:
        results[key] = function(serializer_class, *args)
    return results[key]
