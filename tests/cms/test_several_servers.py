"""Two app servers (gunicorn) on one PostgreSQL database and one Redis: a page published through
one is served new by the other at once; form tokens and idempotency keys hold across both;
registrations hitting both never overbook."""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.db import connection

from events.models import Registration
from events.models.registrations import HOLDING_STATES

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("transactional_db"),
    pytest.mark.skipif(not os.environ.get("REDIS_URL"),
                       reason="needs Redis shared by the app servers: set REDIS_URL=redis://…"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    content = response.read()
    conn.close()
    return response, content


@pytest.fixture
def servers():
    """Two gunicorn processes on the test database and the test run's Redis."""
    settings = connection.settings_dict
    url = (f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}:"
           f"{settings['PORT'] or 5432}/{settings['NAME']}")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": url}
    ports = [free_port(), free_port()]
    processes = [subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--workers", "1",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"], cwd=ROOT, env=env)
        for port in ports]
    try:
        for port in ports:
            for _attempt in range(150):
                try:
                    request(port, "GET", "/de/")
                    break
                except OSError:
                    time.sleep(0.1)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(10)


def test_publish_on_one_server_is_served_by_the_other_within_a_second(servers, make_event):
    first, second = servers
    page = make_event(title="Jobmesse Dresden")
    path = urllib.parse.urlsplit(page.full_url).path
    for port in (first, second, second):
        response, content = request(port, "GET", path)
        assert "Jobmesse Dresden" in content.decode()
    assert response.getheader("X-Cache") == "HIT"
    page.title = "Jobmesse Dresden – neuer Termin"
    page.save_revision().publish()  # what the editor's publish on the first server does
    deadline = time.monotonic() + 1
    while "neuer Termin" not in request(second, "GET", path)[1].decode():
        assert time.monotonic() < deadline, "the second server still serves the old page"
        time.sleep(0.05)


def test_form_token_and_idempotency_key_hold_across_servers(servers, option):
    first, second = servers
    form_path = f"/de/registration/{option.occurrence.uid}/{option.kind}/"
    response, content = request(first, "GET", form_path)
    html = content.decode()
    fields = {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
              for name in ("csrfmiddlewaretoken", "rendered", "form_token")}
    cookie = SimpleCookie(response.getheader("Set-Cookie"))
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "Cookie": f"csrftoken={cookie['csrftoken'].value}"}
    body = urllib.parse.urlencode({**fields, "name": "Ada Lovelace", "email": "ada@example.org",
                                   "language": "de", "consent": "on", "website": ""})
    answers = [request(port, "POST", form_path, body, headers) for port in (second, first)]
    assert [answer[0].status for answer in answers] == [302, 302]
    # The double submit on the other server lands on the first one's result.
    assert answers[0][0].getheader("Location") == answers[1][0].getheader("Location")
    assert Registration.objects.filter(option=option).count() == 1

    payload = json.dumps({"occurrence": option.occurrence_id, "kind": option.kind,
                          "name": "Grace", "email": "grace@example.org", "consent": True})
    api_headers = {"Content-Type": "application/json", "Idempotency-Key": "order-4711"}
    created = request(first, "POST", "/api/v2/registrations/", payload, api_headers)
    replayed = request(second, "POST", "/api/v2/registrations/", payload, api_headers)
    assert created[0].status == 201 and replayed[0].status == 201
    assert replayed[0].getheader("Idempotent-Replayed") == "true"
    assert json.loads(created[1]) == json.loads(replayed[1])
    assert Registration.objects.filter(option=option).count() == 2


def test_registrations_on_both_servers_never_overbook(servers, make_option):
    option = make_option(capacity=5, waitlist_enabled=False)
    statuses = []
    barrier = threading.Barrier(20)

    def client(index):
        payload = json.dumps({"occurrence": option.occurrence_id, "kind": option.kind,
                              "name": f"Person {index}", "email": f"p{index}@example.org",
                              "consent": True})
        barrier.wait()
        response, _content = request(servers[index % 2], "POST", "/api/v2/registrations/",
                                     payload, {"Content-Type": "application/json"})
        statuses.append(response.status)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(20)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert statuses.count(201) == 5 and len(statuses) == 20
    assert Registration.objects.filter(option=option, state__in=HOLDING_STATES).count() == 5
