"""conftest.py of the assembled minimal site: its fixtures."""

from minimal_site.site_fixtures import *  # noqa: F401,F403
