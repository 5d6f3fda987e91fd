"""Full-page screenshots of every page type of the demo site, in German and Arabic, on a phone
(390 px) and a desktop (1,280 px): screenshots/<language>-<width>-<page type>.png.

Builds a throw-away SQLite database with the demo content, starts the development server on
a free port and drives Debian's Chromium through Playwright. Run: make screenshots
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
LANGUAGES = ("de", "ar")
WIDTHS = (390, 1280)
# As the `browser` fixture in tests/conftest.py.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 (our own local server)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the server at {url} did not answer")


def page_urls(env):
    code = ("import json; from home.showcase import showcase_urls; "
            f"print(json.dumps({{lang: showcase_urls(lang) for lang in {LANGUAGES!r}}}))")
    out = manage(env, "shell", "-c", code, capture_output=True, text=True).stdout
    import json

    return json.loads(out.strip().splitlines()[-1])


def shoot(base, urls):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for language in LANGUAGES:
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900},
                                              locale="ar" if language == "ar" else "de-DE")
                page = context.new_page()
                for name, path in urls[language]:
                    page.goto(base + path, wait_until="networkidle")
                    target = OUT / f"{language}-{width}-{name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                context.close()
        browser.close()
    return written


def main():
    with tempfile.TemporaryDirectory(prefix="iq-screenshots-") as tmp:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
               "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3", "MEDIA_ROOT": f"{tmp}/media"}
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_content", "-v0")
        urls = page_urls(env)
        port = free_port()
        server = subprocess.Popen([sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}",
                                   "--noreload", "--insecure"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/robots.txt")
            written = shoot(base, urls)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path in written:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
