"""Admin wiring of the events plugin."""

from .registration import wagtail_hooks as registration_hooks  # noqa: F401  (registers on import)
