"""Production settings: refuse to start without secrets, and pass `check --deploy`."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x" * 60 + "-a-long-random-production-secret-key",
    "ALLOWED_HOSTS": "iq.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://iq.example.org",
    "WAGTAILADMIN_BASE_URL": "https://iq.example.org",
    # Not connected to by `check`: only parsed.
    "DATABASE_URL": "postgres://iq@db.example.org:5432/iq",
    "REDIS_URL": "redis://cache.example.org:6379/0",
}
# Never inherited from the environment the tests run in.
UNSET = {"DJANGO_ALLOW_ASYNC_UNSAFE", "SINGLE_PROCESS", "TRUSTED_PROXY_COUNT",
         "REGISTRATION_RATE_LIMIT", "API_WRITE_RATE_LIMIT"}


def clean_environ():
    return {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k not in UNSET}


def run_manage(*args, env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT,
                          env={**clean_environ(), **env}, capture_output=True, text=True,
                          timeout=120)


def without(*names, **extra):
    return {**{k: v for k, v in PRODUCTION_ENV.items() if k not in names}, **extra}


def test_production_settings_pass_check_deploy():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("name", ["DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_shared_database_and_cache(name):
    result = run_manage("check", env=without(name))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{name} must be set in production" in result.stderr
    assert "SINGLE_PROCESS=true" in result.stderr  # the way out is named


def test_single_process_runs_on_sqlite_and_local_memory_when_asked_to():
    env = without("DATABASE_URL", "REDIS_URL", SINGLE_PROCESS="true")
    result = run_manage("shell", "-c", "from django.conf import settings as s; "
                        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])",
                        env=env)
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout and "LocMemCache" in result.stdout


def test_the_readme_production_example_passes_check_deploy():
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"passes `manage.py check --deploy`[^`]*```sh\n(.*?)```", readme, re.S).group(1)
    assert "DATABASE_URL=" in block and "REDIS_URL=" in block
    env = {**clean_environ(), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-euc", block], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize(("name", "value"), [("REGISTRATION_RATE_LIMIT", "10/x"),
                                             ("API_WRITE_RATE_LIMIT", "abc"),
                                             ("TRUSTED_PROXY_COUNT", "two")])
def test_a_bad_rate_limit_setting_fails_check_at_start_up(name, value):
    result = run_manage("check", env={**PRODUCTION_ENV, name: value})
    assert result.returncode != 0
    assert "events.E00" in result.stderr and value in result.stderr
