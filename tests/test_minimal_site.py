"""Issue 15, proof: a second Wagtail site with only `events` and `trainings` installed.

A separate process, because Django's settings are global: it migrates the minimal site
(tests/minimal_site) and runs its checks (a training page, the feed and the registration in
German and English) plus the plugins' own tests that need no home, cms, jobfairs or directory.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.minimal_site.assemble import DESELECT, assemble

REPO = Path(__file__).resolve().parent.parent


def run_minimal_site(directory, python=sys.executable, env=None):
    return subprocess.run(
        [python, "-m", "pytest", "-q", "-x", "-k", DESELECT], cwd=directory, env=env,
        capture_output=True, text=True, timeout=900)


@pytest.mark.slow
def test_minimal_site_with_only_events_and_trainings_passes_its_tests(tmp_path):
    directory = assemble(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(REPO), "MINIMAL_SITE_DATA": str(tmp_path),
           "MINIMAL_SITE_PLUGINS_UNDER": str(REPO)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = run_minimal_site(directory, env=env)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "check_site.py" not in result.stdout.split("passed")[-1]


@pytest.mark.slow
def test_minimal_site_passes_django_checks_and_has_no_missing_migrations(tmp_path):
    directory = assemble(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": f"{directory}{os.pathsep}{REPO}",
           "DJANGO_SETTINGS_MODULE": "minimal_site.settings", "MINIMAL_SITE_DATA": str(tmp_path)}
    for command in (["check"], ["makemigrations", "--check", "--dry-run"], ["migrate", "-v0"]):
        result = subprocess.run([sys.executable, "-m", "django", *command], cwd=directory, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, (command, result.stdout[-3000:], result.stderr[-3000:])
