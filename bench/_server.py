"""Shared set-up for the HTTP benchmarks: a throwaway database, gunicorn on a free port, a load
generator, and a bare Django view (/bench/hello/) to compare every figure with."""

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

SETTINGS = '''
from cms.settings.test import *  # noqa: F401,F403

ROOT_URLCONF = "bench_http_urls"
# As in production: e-mails wait in the database for a worker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
'''
URLS = '''
from django.http import HttpResponse
from django.urls import path

from cms.urls import handler500, urlpatterns as site_urlpatterns  # noqa: F401


def hello(request):
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello), *site_urlpatterns]
'''
BARE = "/bench/hello/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(workdir):
    """A throwaway database: a SQLite file, or a fresh PostgreSQL database beside DATABASE_URL's."""
    url = os.environ.get("DATABASE_URL", "")
    if "postgres" not in url:
        return f"sqlite:///{workdir / 'bench.sqlite3'}", None
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'postgres'}_http_bench"
    admin = urlunsplit(parts._replace(path="/postgres"))

    def run(statement):
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(statement)

    run(f'DROP DATABASE IF EXISTS "{name}"')
    run(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), lambda: run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def load(port, path, clients, seconds, unique=False):
    """Requests per second of `path` with `clients` threads for `seconds`; errors count as none."""
    done, failed = [0], [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(index):
        n = 0
        while time.perf_counter() < stop:
            n += 1
            target = f"{path}{'&' if '?' in path else '?'}bench={index}-{n}" if unique else path
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request("GET", target)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
            finally:
                connection.close()
            with lock:
                (done if ok else failed)[0] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return done[0] / (time.perf_counter() - started), failed[0]


class Server:
    """A running gunicorn: its port and the environment its Django scripts need."""

    def __init__(self, port, env, database):
        self.port, self.env, self.database = port, env, database

    def script(self, code, *args, stdin=None):
        """Run Python `code` with Django's environment of the server; its standard output."""
        return subprocess.run([PYTHON, "-c", code, *map(str, args)], cwd=ROOT, env=self.env,
                              check=True, capture_output=True, text=True, input=stdin).stdout


@contextmanager
def gunicorn(*, workers=2, threads=1, settings=SETTINGS, commands=(), keep_database=False):
    """A migrated throwaway database (plus `commands`, e.g. load_demo_content) served by gunicorn
    with `workers` × `threads` (gthread workers when threads > 1), answering on /bench/hello/."""
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        (workdir / "bench_http_settings.py").write_text(textwrap.dedent(settings))
        (workdir / "bench_http_urls.py").write_text(textwrap.dedent(URLS))
        url, drop = database_url(workdir)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench_http_settings", "DATABASE_URL": url,
               "PYTHONPATH": os.pathsep.join([str(workdir), str(ROOT)])}
        port = free_port()
        server = None
        try:
            for command in (["migrate", "--noinput", "-v0"], *commands):
                subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True,
                               stdout=subprocess.DEVNULL)
            server = subprocess.Popen(
                [PYTHON, "-m", "gunicorn", "cms.wsgi:application", "--workers", str(workers),
                 "--threads", str(threads), "--bind", f"127.0.0.1:{port}",
                 "--log-level", "warning"],
                cwd=ROOT, env=env)
            for _attempt in range(300):
                try:
                    if get(port, BARE)[0].status == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            yield Server(port, env, "PostgreSQL" if "postgres" in url else "SQLite")
        finally:
            if server:
                server.terminate()
                try:
                    server.wait(10)
                except subprocess.TimeoutExpired:  # a thread still waiting on a client
                    server.kill()
                    server.wait()
            if drop and not keep_database:
                drop()
