"""Access: revoking a user, server-side UI sessions, CSRF on form posts, Secure cookies behind a TLS proxy."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from store.db import session_scope
from store.tables import UiSession
from tests.conftest import auth


def _sign_in(client, token: str) -> str:
    """Sign in to the UI; returns the page's CSRF token."""
    r = client.post("/ui/login", data={"token": token, "next": "/ui"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    page = client.get("/ui")
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, "the queue page's forms carry the CSRF token"
    return match.group(1)


def test_revoked_token_answers_401_at_once(client, tokens):
    reviewer = auth(tokens["reviewer"])
    assert client.get("/v1/users/me", headers=reviewer).status_code == 200
    r = client.post("/v1/users/test-reviewer/revoke", headers=auth(tokens["admin"]))
    assert r.status_code == 200 and r.json() == {"name": "test-reviewer", "tokens_revoked": 1}
    assert client.get("/v1/users/me", headers=reviewer).status_code == 401
    assert client.post("/v1/users/nobody/revoke", headers=auth(tokens["admin"])).status_code == 404
    assert client.post("/v1/users/test-admin/revoke", headers=reviewer).status_code == 401


def test_revoke_is_admin_only_and_audited(client, tokens, session):
    from store.tables import AuditEntry

    assert client.post("/v1/users/test-billing/revoke", headers=auth(tokens["billing"])).status_code == 403
    client.post("/v1/users/test-billing/revoke", headers=auth(tokens["admin"]))
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "revoke")).one()
    assert entry.entity_type == "user" and entry.after["name"] == "test-billing"


def test_cli_revoke(client, tokens):
    from typer.testing import CliRunner

    from ledgerlens.cli import app

    result = CliRunner().invoke(app, ["users", "revoke", "test-collections"])
    assert result.exit_code == 0, result.output
    assert client.get("/v1/users/me", headers=auth(tokens["collections"])).status_code == 401
    assert CliRunner().invoke(app, ["users", "revoke", "nobody"]).exit_code == 2


def test_ui_session_is_server_side_and_not_an_api_credential(client, tokens, settings):
    _sign_in(client, tokens["reviewer"])
    cookie = client.cookies.get("ledgerlens_session")
    assert cookie and cookie != tokens["reviewer"]
    with session_scope(settings.resolved_database_url) as s:
        row = s.scalars(select(UiSession)).one()
        assert row.id_hash != cookie  # stored hashed
        assert row.expires_at - datetime.now(UTC) > timedelta(hours=settings.session_hours - 1)
    assert client.get("/v1/users/me").status_code == 401  # the API does not take the UI cookie
    assert client.get("/v1/users/me", cookies={"ledgerlens_token": tokens["reviewer"]}).status_code == 401


def test_logout_ends_the_session(client, tokens, settings):
    csrf = _sign_in(client, tokens["reviewer"])
    cookie = client.cookies.get("ledgerlens_session")
    out = client.post("/ui/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert out.status_code == 303 and 'ledgerlens_session=""' in out.headers["set-cookie"]
    with session_scope(settings.resolved_database_url) as s:
        assert s.scalars(select(UiSession)).first() is None
    client.cookies.set("ledgerlens_session", cookie)  # replaying the old cookie
    assert client.get("/ui", follow_redirects=False).headers["location"].startswith("/ui/login")


def test_expired_and_revoked_sessions_end(client, tokens, settings):
    _sign_in(client, tokens["reviewer"])
    with session_scope(settings.resolved_database_url) as s:
        s.scalars(select(UiSession)).one().expires_at = datetime.now(UTC) - timedelta(seconds=1)
    assert client.get("/ui", follow_redirects=False).status_code == 303

    _sign_in(client, tokens["reviewer"])
    assert client.get("/ui").status_code == 200
    client.post("/v1/users/test-reviewer/revoke", headers=auth(tokens["admin"]))
    assert client.get("/ui", follow_redirects=False).status_code == 303


def test_form_posts_need_the_csrf_token(client, tokens):
    csrf = _sign_in(client, tokens["reviewer"])
    missing = client.post("/ui/claim", follow_redirects=False)
    assert missing.status_code == 403 and "CSRF" in missing.json()["detail"]
    wrong = client.post("/ui/claim", data={"csrf_token": "x" + csrf}, follow_redirects=False)
    assert wrong.status_code == 403
    assert client.post("/ui/logout", follow_redirects=False).status_code == 403
    ok = client.post("/ui/claim", data={"csrf_token": csrf}, follow_redirects=False)
    assert ok.status_code == 303
    header = client.post("/ui/claim", headers={"X-CSRF-Token": csrf}, follow_redirects=False)
    assert header.status_code == 303


def test_cookie_is_secure_behind_a_trusted_tls_proxy(settings, db_url, tokens_for):
    from fastapi.testclient import TestClient

    from api.main import create_app

    token = tokens_for(settings)
    behind_proxy = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    untrusted = TestClient(create_app(settings))
    cookie = untrusted.post("/ui/login", data={"token": token}, headers=behind_proxy, follow_redirects=False)
    assert "secure" not in cookie.headers["set-cookie"].lower()  # forwarded headers are not trusted by default

    settings.forwarded_allow_ips = "*"
    trusted = TestClient(create_app(settings), base_url="http://testserver")
    cookie = trusted.post("/ui/login", data={"token": token}, headers=behind_proxy, follow_redirects=False)
    assert cookie.status_code == 303 and "; secure" in cookie.headers["set-cookie"].lower()


@pytest.fixture
def tokens_for():
    from ledgerlens.services.auth import create_user

    def make(settings) -> str:
        with session_scope(settings.resolved_database_url) as s:
            return create_user(s, "proxy-reviewer", ["reviewer"])[1]

    return make


def test_collections_form_posts_need_the_csrf_token(client, tokens):
    r = client.post("/ui/login", data={"token": tokens["collections"], "next": "/ui"}, follow_redirects=False)
    page = client.get(r.headers["location"])
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    url = "/ui/collections/clients/C000/owner"
    assert client.post(url, data={"owner": "dana"}, follow_redirects=False).status_code == 403
    assert client.post(url, data={"owner": "dana", "csrf_token": csrf}, follow_redirects=False).status_code == 303


def test_signing_in_again_needs_no_csrf_token(client, tokens):
    _sign_in(client, tokens["reviewer"])
    _sign_in(client, tokens["admin"])  # the login form is not a signed-in page: it has no token to send
    assert client.get("/v1/users/me").status_code == 401 and client.get("/ui/audit").status_code == 200
