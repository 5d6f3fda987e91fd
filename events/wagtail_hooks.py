"""Admin wiring of the events plugin."""

from wagtail.snippets.models import register_snippet

from .registration import wagtail_hooks as registration_hooks  # noqa: F401  (registers on import)
from .viewsets import EventVocabularyGroup

register_snippet(EventVocabularyGroup)
