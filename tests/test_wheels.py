"""Issue 15, proof: the wheels of events and trainings install into a clean virtualenv and the
minimal site runs on them (check, migrate, its pages, feed and forms in German and English).

No network: the new virtualenv sees this one's site-packages for third-party requirements
through a .pth file, the wheels go in with --no-deps, and nothing runs from the checkout.
"""

import importlib.util
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.minimal_site.assemble import DESELECT, assemble

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("build_wheels", REPO / "scripts" / "build_wheels.py")
build_wheels = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_wheels)


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, **kwargs)
    assert result.returncode == 0, (command, result.stdout[-6000:], result.stderr[-3000:])
    return result


@pytest.mark.slow
def test_wheels_install_into_a_clean_virtualenv_and_serve_the_minimal_site(tmp_path):
    wheels = build_wheels.main(["--dist", str(tmp_path / "dist"), "events", "trainings"])
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    site_packages = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]
                             ).stdout.strip())
    (site_packages / "third_party.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         *map(str, wheels)])

    directory = assemble(tmp_path / "site")
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "DJANGO_SETTINGS_MODULE", "VIRTUAL_ENV"}}
    env.update(MINIMAL_SITE_DATA=str(tmp_path), MINIMAL_SITE_PLUGINS_UNDER=str(site_packages))
    # The plugins come from the new virtualenv; the checkout (its cms, home) is out of reach.
    located = run([python, "-c", "import events, trainings, importlib.util as u; "
                   "print(events.__file__, trainings.__file__, u.find_spec('home'), "
                   "u.find_spec('cms'))"], cwd=directory, env=env).stdout.split()
    assert located == [str(site_packages / "events" / "__init__.py"),
                       str(site_packages / "trainings" / "__init__.py"), "None", "None"]
    assert (site_packages / "trainings" / "locale" / "de" / "LC_MESSAGES" / "django.mo").exists()
    assert (site_packages / "events" / "templates" / "events" / "event_page_base.html").exists()

    django_env = {**env, "DJANGO_SETTINGS_MODULE": "minimal_site.settings",
                  "PYTHONPATH": str(directory)}
    run([python, "-m", "django", "check"], cwd=directory, env=django_env)
    run([python, "-m", "django", "migrate", "-v0"], cwd=directory, env=django_env)
    result = run([python, "-m", "pytest", "-q", "-k", DESELECT], cwd=directory, env=env)
    assert " passed" in result.stdout and " failed" not in result.stdout
