"""Lay out the minimal site and the plugins' own site-independent tests in a directory of its
own, so that pytest there sees neither the main site's settings nor its conftest."""

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
# The plugins' own tests that need no home, cms, jobfairs or directory.
PLUGIN_TESTS = {
    "events_tests": ["events/conftest.py", "events/test_feeds.py", "events/test_site_values.py"],
    "trainings_tests": ["trainings/conftest.py", "trainings/test_registration.py"],
}
# Those that go through the site's API router (not part of the minimal site).
DESELECT = "not api and not this_site_keeps and not full_session_puts_people_on_the_waiting_list"


def assemble(target):
    target = Path(target)
    site = target / "minimal_site"
    shutil.copytree(HERE, site, ignore=shutil.ignore_patterns("__pycache__", "pytest.ini",
                                                              "conftest_root.py"))
    shutil.copy(HERE / "pytest.ini", target / "pytest.ini")
    shutil.copy(HERE / "conftest_root.py", target / "conftest.py")
    for package, files in PLUGIN_TESTS.items():
        (target / package).mkdir()
        (target / package / "__init__.py").touch()
        for name in files:
            shutil.copy(TESTS / name, target / package / Path(name).name)
    return target
