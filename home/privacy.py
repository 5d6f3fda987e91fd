"""The privacy page for the plugins' consent checkboxes (setting EVENTS_PRIVACY_PAGE_URL_RESOLVER)."""

from wagtail.models import Site


def privacy_page_url(request):
    from .models import FooterSettings

    site = Site.find_for_request(request) if request else Site.objects.filter(
        is_default_site=True).first()
    if site is None:
        return None
    page = FooterSettings.for_site(site).privacy_page
    if page is None:
        return None
    page = page.localized
    return page.get_url(request=request)
