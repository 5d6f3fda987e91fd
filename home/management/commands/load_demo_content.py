"""Build the demo page tree from the seeds, idempotently, then run each plugin's loader."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from home.demo import site_pages
from home.demo.context import DemoContext


class Command(BaseCommand):
    help = "Create or update the demo content (German source pages with translations)."

    def handle(self, *args, **options):
        ctx = DemoContext(stdout=self.stdout if options["verbosity"] > 1 else None)
        loaders = [site_pages.load] + [import_string(path) for path in settings.DEMO_CONTENT_LOADERS]
        for loader in loaders:
            loader(ctx)
        self.stdout.write(self.style.SUCCESS(
            f"Demo content: {ctx.created} created, {ctx.updated} updated, {ctx.unchanged} unchanged."
        ))
