"""Requests per second over HTTP, side by side with a bare Django view served the same way.

gunicorn with 2 workers on a free port, the demo content in a throwaway database (SQLite; with
DATABASE_URL=postgres://… a fresh PostgreSQL database, and REDIS_URL for the cache), the site's
whole middleware stack for every row. A small load generator (threads, http.client) runs each
URL for BENCH_SECONDS (default 3) with BENCH_CLIENTS (default 8) clients.
"""

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))

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


def load(port, path, unique=False):
    """Requests per second of `path` with CLIENTS threads for SECONDS; errors count as none."""
    done, failed = [0], [0]
    lock = threading.Lock()
    stop = time.perf_counter() + SECONDS

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
    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return done[0] / (time.perf_counter() - started), failed[0]


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def main():
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        (workdir / "bench_http_settings.py").write_text(textwrap.dedent(SETTINGS))
        (workdir / "bench_http_urls.py").write_text(textwrap.dedent(URLS))
        url, drop = database_url(workdir)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench_http_settings", "DATABASE_URL": url,
               "PYTHONPATH": os.pathsep.join([str(workdir), str(ROOT)])}
        port = free_port()
        server = None
        try:
            for command in (["migrate", "--noinput", "-v0"], ["load_demo_content", "-v0"]):
                subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True,
                               stdout=subprocess.DEVNULL)
            server = subprocess.Popen(
                [PYTHON, "-m", "gunicorn", "cms.wsgi:application", "--workers", "2",
                 "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
                cwd=ROOT, env=env)
            for _attempt in range(100):
                try:
                    if get(port, "/bench/hello/")[0].status == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            rows = [
                ("bare Django view", "/bench/hello/", False),
                ("page, cached", "/de/", False),
                ("page, uncached", "/de/", True),
                ("occurrences API", "/api/v2/occurrences/", False),
                ("calendar feed", "/feeds/events.ics", False),
            ]
            for _label, path, _unique in rows:  # warm both workers and their caches
                for _n in range(4):
                    get(port, path)
            cached = get(port, "/de/")[0].getheader("X-Cache")
            backend = "PostgreSQL" if "postgres" in url else "SQLite"
            cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
            print(f"gunicorn, 2 workers, {CLIENTS} clients, {SECONDS:g} s each; {backend}, "
                  f"{cache} cache; /de/ answers X-Cache: {cached}")
            print(f"{'':<20}{'req/s':>9}{'ratio':>8}{'errors':>8}")
            bare = None
            for label, path, unique in rows:
                rate, failed = load(port, path, unique)
                bare = bare or rate
                print(f"{label:<20}{rate:>9.1f}{rate / bare:>8.2f}{failed:>8}")
        finally:
            if server:
                server.terminate()
                server.wait(10)
            if drop:
                drop()


if __name__ == "__main__":
    main()
