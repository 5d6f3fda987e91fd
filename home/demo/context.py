"""Idempotent page writing for the demo loaders of the site and of every plugin.

Plugins receive a `DemoContext` from `load_demo_content`, so they need not import the
site: a second run compares each field and writes a revision only when one changed.
"""

import uuid

from django.db import transaction
from wagtail.models import Locale, Page, Site

DEMO_NAMESPACE = uuid.UUID("6f1f8d8e-3c0b-4e55-9a39-4f3c6f0e2a11")


def stream(*blocks):
    """StreamField data with ids derived from the content, so a rerun compares equal."""
    data = []
    for index, (block_type, value) in enumerate(blocks):
        block_id = str(uuid.uuid5(DEMO_NAMESPACE, f"{index}:{block_type}:{value!r}"))
        data.append({"type": block_type, "value": value, "id": block_id})
    return data


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


class DemoContext:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = 0
        self.updated = 0
        self.unchanged = 0

    # Tree ---------------------------------------------------------------
    def locale(self, language_code):
        return Locale.objects.get(language_code=language_code)

    def home(self, language_code="de"):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if language_code == home.locale.language_code:
            return home
        return home.get_translation(self.locale(language_code)).specific

    # Writing -------------------------------------------------------------
    def _apply(self, page, fields):
        changed = False
        for name, value in fields.items():
            field = page._meta.get_field(name)
            before = field.get_prep_value(field.value_from_object(page))
            setattr(page, name, value)
            after = field.get_prep_value(field.value_from_object(page))
            if before != after:
                changed = True
        return changed

    def _publish(self, page):
        page.save_revision().publish()

    def _report(self, page, action):
        setattr(self, action, getattr(self, action) + 1)
        if self.stdout is not None and action != "unchanged":
            self.stdout.write(f"  {action}: [{page.locale.language_code}] {page.title}")

    @transaction.atomic
    def upsert_page(self, parent, model, slug, **fields):
        """The child `slug` of `parent` with these field values, created or updated."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, locale=parent.locale, **fields)
            parent.add_child(instance=page)
            self._publish(page)
            self._report(page, "created")
        elif self._apply(page, fields) or not page.live or page.has_unpublished_changes:
            self._publish(page)
            self._report(page, "updated")
        else:
            self._report(page, "unchanged")
        return page

    @transaction.atomic
    def translate_page(self, source, language_code, **fields):
        """The `language_code` translation of `source` with these field values."""
        locale = self.locale(language_code)
        page = source.get_translation_or_none(locale)
        if page is None:
            page = source.copy_for_translation(locale, copy_parents=True).specific
            self._apply(page, fields)
            self._publish(page)
            self._report(page, "created")
            return page
        page = page.specific
        if self._apply(page, fields) or not page.live or page.has_unpublished_changes:
            self._publish(page)
            self._report(page, "updated")
        else:
            self._report(page, "unchanged")
        return page

    @transaction.atomic
    def remove_page(self, parent, model, slug):
        """Delete the child `slug` of `parent` and its translations, if an older demo made it."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            return
        for translated in page.get_translations(inclusive=True):
            if self.stdout is not None:
                self.stdout.write(f"  removed: [{translated.locale.language_code}] {translated.title}")
            translated.delete()

    @transaction.atomic
    def upsert(self, model, lookup, **fields):
        """A snippet or other model row found by `lookup`, with these values."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **fields)
            obj.save()
            self.created += 1
        elif self._apply(obj, fields):
            obj.save()
            self.updated += 1
        else:
            self.unchanged += 1
        return obj

    def page_of_type(self, model, language_code="de"):
        return model.objects.filter(locale=self.locale(language_code)).first()

    def any_page(self, **lookup):
        return Page.objects.filter(**lookup).specific().first()
