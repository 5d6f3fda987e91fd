"""Admin viewsets for the event vocabularies, grouped under "Events" in the menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    Audience,
    Category,
    EventLanguage,
    Organisation,
    RegistrationMailText,
    Venue,
)


class VocabularyViewSet(SnippetViewSet):
    """Name + slug terms in every language; filters and the API use the slug."""

    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]


class CategoryViewSet(VocabularyViewSet):
    model = Category
    icon = "tag"


class AudienceViewSet(VocabularyViewSet):
    model = Audience
    icon = "group"


class EventLanguageViewSet(VocabularyViewSet):
    model = EventLanguage
    icon = "globe"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    list_display = ["name", "website", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "home"
    list_display = ["name", "city", "district", "locale"]
    list_filter = ["city", "district", "locale"]
    list_export = ["name", "street", "postcode", "city", "district", "latitude", "longitude"]
    search_fields = ["name", "city", "street"]


class RegistrationMailTextViewSet(SnippetViewSet):
    """Editors' wording of the registration e-mails, per e-mail, kind and language."""

    model = RegistrationMailText
    icon = "mail"
    list_display = ["message", "kind", "subject", "locale"]
    list_filter = ["message", "kind", "locale"]
    search_fields = ["subject", "body"]


class EventVocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 250
    items = (CategoryViewSet, AudienceViewSet, EventLanguageViewSet, OrganisationViewSet,
             VenueViewSet, RegistrationMailTextViewSet)
