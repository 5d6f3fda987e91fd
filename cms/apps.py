from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The site itself: headless API helpers (schema, docs, preview); no models."""

    name = "cms"
    label = "cms"
    verbose_name = "Site"

    def ready(self):
        from .headless.preview import install_headless_preview

        install_headless_preview()

        from .pagecache import connect_signals

        connect_signals()
