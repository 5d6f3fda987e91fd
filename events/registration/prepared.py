"""Querysets compiled once per database connection: for the few queries every registration
runs, building and compiling the queryset cost more Python time than the database took.

A `PreparedQuery` is compiled from the queryset built with placeholder values, remembers where
those values sit in the SQL's parameters, and reads a row into the model instance with its
`select_related` objects and annotations as Django's `ModelIterable` does. It is cached on the
connection object (one per thread), so it is never shared between threads; the caller's key
holds whatever setting changes the SQL (the default language, the locking).
"""


class PreparedQuery:
    """The first row of a queryset (ordered and sliced by the caller), compiled once, run with
    other values."""

    def __init__(self, queryset, connection, placeholders, adapters=None):
        from django.db.models.query import get_related_populators

        self.connection = connection
        self.adapters = adapters or {}
        compiler = queryset.query.get_compiler(connection=connection)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.slots = {}
        for name, value in placeholders.items():
            value = self.adapt(name, value)
            found = [index for index, param in enumerate(self.params) if param == value]
            if len(found) != 1:
                raise ValueError(f"the value {name!r} is not one parameter of the query")
            self.slots[name] = found[0]
        fields = [s[0] for s in compiler.select[:compiler.col_count]]
        if compiler.has_extra_select or compiler.has_composite_fields(fields):
            raise ValueError("a query shape PreparedQuery does not read")
        self.compiler = compiler
        klass_info, select = compiler.klass_info, compiler.select
        self.model = klass_info["model"]
        model_fields = klass_info["select_fields"]
        self.start, self.end = model_fields[0], model_fields[-1] + 1
        self.init_list = [f[0].target.attname for f in select[self.start:self.end]]
        self.populators = get_related_populators(klass_info, select, connection.alias)
        self.annotations = dict(compiler.annotation_col_map)
        self.converters = compiler.get_converters(fields)

    def adapt(self, name, value):
        adapter = self.adapters.get(name)
        return adapter(value, self.connection) if adapter else value

    def first(self, values):
        """The first row's instance for `values` ({placeholder name: value}), or None."""
        params = list(self.params)
        for name, index in self.slots.items():
            params[index] = self.adapt(name, values[name])
        with self.connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchmany(1)
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        if not rows:
            return None
        row = rows[0]
        obj = self.model.from_db(self.connection.alias, self.init_list, row[self.start:self.end])
        for populator in self.populators:
            populator.populate(row, obj)
        for name, position in self.annotations.items():
            setattr(obj, name, row[position])
        return obj


def prepared_query(connection, key, build, placeholders, adapters=None):
    """The `PreparedQuery` of `build()` (a queryset made with `placeholders`) for the real
    connection object `connection` (not the `django.db.connection` proxy), cached under `key`;
    None when the query cannot be prepared (the caller then runs its queryset as it is)."""
    cache = getattr(connection, "_events_prepared_queries", None)
    if cache is None:
        cache = connection._events_prepared_queries = {}
    if key not in cache:
        try:
            cache[key] = PreparedQuery(build(), connection, placeholders, adapters)
        except ValueError:
            cache[key] = None
    return cache[key]
