"""Site-level Wagtail hooks: mark served pages for the page cache."""

from wagtail import hooks

from .pagecache import mark_page

hooks.register("before_serve_page", mark_page)
