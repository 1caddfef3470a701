"""The review UI's server side (no browser): login cookie, access rules, forms, validation messages."""

from __future__ import annotations

import re

import pytest

from store.db import session_scope
from tests.browser.demo_queue import seed_queue


@pytest.fixture
def queue(client, settings):
    with session_scope(settings.resolved_database_url) as s:
        return seed_queue(s, settings.files_dir)


def _login(client, token: str):
    """Sign in; later form posts send the session's CSRF token (the X-CSRF-Token header, as a script would)."""
    client.headers.pop("X-CSRF-Token", None)
    response = client.post("/ui/login", data={"token": token, "next": "/ui"}, follow_redirects=False)
    if response.status_code == 303:
        page = client.get("/ui")
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        if match:
            client.headers["X-CSRF-Token"] = match.group(1)
    return response


def test_root_redirects_to_the_ui_and_the_ui_to_login(client):
    assert client.get("/", follow_redirects=False).headers["location"] == "/ui"
    to_login = client.get("/ui?kind=precheck", follow_redirects=False)
    assert to_login.status_code == 303
    assert to_login.headers["location"] == "/ui/login?next=%2Fui%3Fkind%3Dprecheck"


def test_login_sets_a_strict_http_only_cookie(client, tokens):
    response = _login(client, tokens["reviewer"])
    assert response.status_code == 303 and response.headers["location"] == "/ui"
    cookie = response.headers["set-cookie"].lower()
    assert "ledgerlens_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert tokens["reviewer"].lower() not in cookie  # a session id, never the token


def test_login_refuses_unknown_tokens_and_non_reviewers(client, tokens):
    assert _login(client, "llt_nope").status_code == 401
    refused = _login(client, tokens["billing"])
    assert refused.status_code == 403 and "no reviewer role" in refused.text
    assert "set-cookie" not in refused.headers
    collections = _login(client, tokens["collections"])  # collections people sign in to their worklist
    assert collections.status_code == 303 and collections.headers["location"] == "/ui/collections"


def test_login_only_redirects_inside_the_ui(client, tokens):
    response = client.post("/ui/login", data={"token": tokens["reviewer"], "next": "https://evil.example/"})
    assert response.url.path == "/ui"


def test_queue_lists_tasks_with_counts_and_filters(client, tokens, queue):
    _login(client, tokens["reviewer"])
    page = client.get("/ui")
    assert page.status_code == 200
    assert page.text.count('data-task-id="') == 4
    precheck = client.get("/ui", params={"kind": "precheck"})
    assert precheck.text.count('data-task-id="') == 1 and "Customer disputes unit prices" in precheck.text
    breached = client.get("/ui", params={"breached": "1"})
    assert breached.text.count('data-task-id="') == 2
    by_customer = client.get("/ui", params={"customer": "GLOBEX"})
    assert by_customer.text.count('data-task-id="') == 1
    older = client.get("/ui", params={"age": "24h"})
    assert older.text.count('data-task-id="') == 1


def test_claim_correct_with_a_bad_value_shows_the_message_then_next_task(client, tokens, queue):
    _login(client, tokens["reviewer"])
    claimed = client.post("/ui/claim", follow_redirects=False)
    assert claimed.headers["location"] == f"/ui/tasks/{queue['po']}"
    view = client.get(claimed.headers["location"])
    assert "PO-2026-O4711" in view.text and 'id="highlight"' in view.text
    assert f"/ui/documents/{queue['document_id']}/pages/1.png" in view.text

    date_task = queue["date"]
    refused = client.post(f"/ui/tasks/{date_task}/resolve", data={"decision": "confirm"})
    assert refused.status_code == 409 and "not claimed by you" in refused.text

    done = client.post(
        f"/ui/tasks/{queue['po']}/resolve",
        data={"decision": "correct", "value": "PO-2026-04711"},
        follow_redirects=False,
    )
    assert done.headers["location"] == f"/ui/tasks/{queue['check']}?notice=resolved"
    precheck = client.get(done.headers["location"])
    assert "PRICE_MISMATCH" in precheck.text and "10.50" in precheck.text and "Decision saved" in precheck.text


def test_typed_validation_message_is_rendered(client, tokens, queue):
    _login(client, tokens["reviewer"])
    client.post(f"/ui/tasks/{queue['total']}/claim")
    bad = client.post(f"/ui/tasks/{queue['total']}/resolve", data={"decision": "correct", "value": "2.632,88 EUR"})
    assert bad.status_code == 422
    assert "is not a decimal amount" in bad.text
    assert 'value="2.632,88 EUR"' in bad.text  # what the reviewer typed stays in the box


def test_page_image_is_served_to_the_reviewer_with_the_session(client, tokens, queue):
    _login(client, tokens["reviewer"])
    image = client.get(f"/ui/documents/{queue['document_id']}/pages/1.png")
    assert image.status_code == 200 and image.content[:8] == b"\x89PNG\r\n\x1a\n"
    # The API wants a bearer token: the UI cookie is not one.
    assert client.get(f"/v1/documents/{queue['document_id']}/pages/1.png").status_code == 401


def test_audit_page_is_for_admins(client, tokens, queue):
    _login(client, tokens["reviewer"])
    assert client.get("/ui/audit").status_code == 403
    _login(client, tokens["admin"])
    page = client.get("/ui/audit")
    assert page.status_code == 200 and "Chain intact" in page.text and "task.opened" in page.text


def test_release_and_escalate_from_the_ui(client, tokens, queue):
    _login(client, tokens["reviewer"])
    client.post(f"/ui/tasks/{queue['date']}/claim")
    released = client.post(f"/ui/tasks/{queue['date']}/release", follow_redirects=False)
    assert released.headers["location"] == "/ui?notice=released"
    client.post(f"/ui/tasks/{queue['date']}/claim")
    assert client.post(f"/ui/tasks/{queue['date']}/escalate", data={"note": ""}).status_code == 422
    escalated = client.post(f"/ui/tasks/{queue['date']}/escalate", data={"note": "two dates"}, follow_redirects=False)
    assert escalated.headers["location"] == "/ui?notice=escalated"
    assert client.get("/ui", params={"status": "escalated"}).text.count('data-task-id="') == 1


def test_static_files(client):
    from api.routes.ui import STATIC, static

    assert client.get("/ui/static/app.css").headers["content-type"].startswith("text/css")
    # Only the listed files: a name that leaves the folder is refused by the handler itself...
    assert (STATIC / ".." / "main.py").is_file()
    assert static("../main.py").status_code == 404 and static("..").status_code == 404
    # ...and over HTTP, with the dots sent as they are (httpx would fold a plain "/../" away before sending).
    for raw in ("/ui/static/%2e%2e", "/ui/static/..%2Fmain.py"):
        response = client.get(raw)
        assert response.request.url.raw_path == raw.encode()
        assert response.status_code == 404 and "create_app" not in response.text
