"""Build an installable wheel of each plugin into dist/ (`make wheels`).

Each app folder is staged in a temporary directory with a generated pyproject.toml (name
`iq-<app>`, the project's version, the third-party requirements it imports), its message
catalogues compiled to .mo, and built with `pip wheel --no-deps --no-build-isolation`, so
templates, static files and catalogues travel with the code.

    python scripts/build_wheels.py [--dist DIR] [events trainings jobfairs directory]
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = {
    # app: (summary, requirements by the name in the project's pyproject.toml, plugin apps)
    "events": ("Event pages, dates, registration engine and calendar feeds for Wagtail",
               ["Django", "wagtail", "wagtail-localize", "django-ical", "icalendar",
                "python-dateutil", "django-filter", "drf-spectacular", "django-tasks-db",
                "openpyxl"], []),
    "trainings": ("Training programmes, modules, attendance and certificates for Wagtail",
                  ["fpdf2"], ["events"]),
    "jobfairs": ("Job fairs with employers, job-seekers and interview matching for Wagtail",
                 ["openpyxl"], ["events"]),
    "directory": ("Counselling centres, opening hours and responsibilities for Wagtail",
                  ["Django", "wagtail", "wagtail-localize"], []),
}
DATA = ["templates/**/*", "static/**/*", "locale/**/*"]


def project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def requirement(name, dependencies):
    """The project's pinned requirement for `name` (same pin in the wheel as in the site)."""
    for line in dependencies:
        if re.split(r"[<>=!~\[ ;]", line, maxsplit=1)[0].lower() == name.lower():
            return line
    raise SystemExit(f"{name} is not a dependency in pyproject.toml")


def pyproject_toml(app, meta):
    summary, names, plugins = APPS[app]
    version = meta["version"]
    requires = [requirement(name, meta["dependencies"]) for name in names]
    requires += [f"iq-{plugin}=={version}" for plugin in plugins]
    lines = [
        "[build-system]", 'requires = ["setuptools>=61", "wheel"]',
        'build-backend = "setuptools.build_meta"', "",
        "[project]", f'name = "iq-{app}"', f'version = "{version}"', f'description = "{summary}"',
        f'requires-python = "{meta["requires-python"]}"',
        "dependencies = [" + ", ".join(f'"{r}"' for r in requires) + "]", "",
        "[tool.setuptools.packages.find]", f'include = ["{app}", "{app}.*"]', "",
        "[tool.setuptools.package-data]", '"*" = [' + ", ".join(f'"{d}"' for d in DATA) + "]", "",
    ]
    return "\n".join(lines)


def compile_catalogues(app_dir):
    for po in app_dir.glob("locale/*/LC_MESSAGES/*.po"):
        subprocess.run(["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)],
                       check=True)


def build(app, dist, meta):
    with tempfile.TemporaryDirectory(prefix=f"iq-{app}-") as staging:
        staging = Path(staging)
        shutil.copytree(ROOT / app, staging / app,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo"))
        compile_catalogues(staging / app)
        (staging / "pyproject.toml").write_text(pyproject_toml(app, meta))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                        "--no-build-isolation", "--wheel-dir", str(dist), str(staging)],
                       check=True)
    wheel = next(dist.glob(f"iq_{app}-{meta['version']}-*.whl"))
    print(wheel)
    return wheel


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apps", nargs="*", help=f"any of {', '.join(APPS)} (default: all)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    unknown = set(args.apps) - set(APPS)
    if unknown:
        parser.error(f"unknown apps: {', '.join(sorted(unknown))}")
    args.dist.mkdir(parents=True, exist_ok=True)
    meta = project()
    return [build(app, args.dist.resolve(), meta) for app in args.apps or APPS]


if __name__ == "__main__":
    main()
