"""One public URL per page type and language, for screenshots and the browser tests that look at
every page of the demo site (`load_demo_content`)."""

from django.urls import NoReverseMatch
from django.utils import timezone, translation
from wagtail.models import Locale

from directory.models import CentrePage, DirectoryIndexPage
from events.models import EventIndexPage, EventPage
from events.models.registrations import RegistrationOption
from jobfairs.models import JobFairIndexPage, JobFairPage
from trainings.models import TrainingModulePage, TrainingProgrammePage

from .models import HomePage, ProgrammePage, StandardPage

PAGE_TYPES = [
    ("home", HomePage), ("programme", ProgrammePage), ("standard", StandardPage),
    ("event-index", EventIndexPage), ("event", EventPage),
    ("training-programme", TrainingProgrammePage), ("training-module", TrainingModulePage),
    ("jobfair-index", JobFairIndexPage), ("jobfair", JobFairPage),
    ("directory-index", DirectoryIndexPage), ("centre", CentrePage),
]


def _first(model, locale):
    return (model.objects.live().public().filter(locale=locale).order_by("path").first()
            or model.objects.live().public().order_by("path").first())


def _served(page, language):
    """The page's URL under the language's prefix (Wagtail prefixes a fallback with its own)."""
    url = page.get_url()
    own = page.locale.language_code
    return url.replace(f"/{own}/", f"/{language}/", 1) if own != language else url


def showcase_urls(language):
    """[(name, path)] for `language`: every page type, the matrix and a registration form."""
    locale = Locale.objects.get(language_code=language)
    urls = []
    with translation.override(language):
        for name, model in PAGE_TYPES:
            page = _first(model, locale)
            if page is not None:
                urls.append((name, _served(page, language)))
        directory = _first(DirectoryIndexPage, locale)
        district = _matrix_district(directory)
        if district:
            urls.append(("matrix", _served(directory, language)
                         + directory.reverse_subpage("matrix", args=[district])))
        option = (RegistrationOption.objects.filter(occurrence__start__gte=timezone.now(),
                                                    occurrence__page__live=True)
                  .select_related("occurrence").order_by("occurrence__start").first())
        if option is not None:
            from events.registration.summary import summarise_option
            try:
                urls.append(("registration-form", summarise_option(option).url))
            except NoReverseMatch:
                pass
    return urls


def _matrix_district(directory):
    if directory is None:
        return None
    from directory.models import District, ResponsibilityEntry

    entry = ResponsibilityEntry.objects.select_related("district").order_by("pk").first()
    district = entry.district if entry else District.objects.order_by("pk").first()
    return getattr(district, "slug", None)
