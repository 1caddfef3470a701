"""Auth, roles and problem responses through the real app and database."""

from __future__ import annotations

from tests.conftest import auth


def test_health_needs_no_token(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_missing_token_is_401_problem(client):
    r = client.get("/v1/users/me")
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["status"] == 401 and body["title"] == "Unauthorized" and "Bearer" in body["detail"]
    assert r.headers["www-authenticate"] == "Bearer"


def test_unknown_token_is_401(client):
    r = client.get("/v1/users/me", headers=auth("llt_not-a-real-token"))
    assert r.status_code == 401
    assert "unknown or revoked" in r.json()["detail"]


def test_tokens_know_their_roles(client, tokens):
    for role, token in tokens.items():
        r = client.get("/v1/users/me", headers=auth(token))
        assert r.status_code == 200, r.text
        assert r.json()["roles"] == [role]


def test_only_admin_creates_users(client, tokens):
    body = {"name": "erp-connector", "roles": ["billing"]}
    for role in ("billing", "reviewer", "collections"):
        r = client.post("/v1/users", json=body, headers=auth(tokens[role]))
        assert r.status_code == 403, role
        assert "roles" in r.json()["detail"]
    r = client.post("/v1/users", json=body, headers=auth(tokens["admin"]))
    assert r.status_code == 201
    new_token = r.json()["token"]
    assert client.get("/v1/users/me", headers=auth(new_token)).json()["name"] == "erp-connector"


def test_duplicate_user_name_is_409(client, tokens):
    body = {"name": "twice", "roles": ["billing"]}
    assert client.post("/v1/users", json=body, headers=auth(tokens["admin"])).status_code == 201
    r = client.post("/v1/users", json=body, headers=auth(tokens["admin"]))
    assert r.status_code == 409 and "exists" in r.json()["detail"]


def test_unknown_role_is_422(client, tokens):
    r = client.post("/v1/users", json={"name": "x", "roles": ["superuser"]}, headers=auth(tokens["admin"]))
    assert r.status_code == 422 and "superuser" in r.json()["detail"]


def test_admin_token_from_environment(settings, db_url, monkeypatch):
    from fastapi.testclient import TestClient

    from api.main import create_app

    settings.admin_token = "env-admin-token-for-tests-0123456789"
    with TestClient(create_app(settings)) as c:
        r = c.get("/v1/users/me", headers=auth("env-admin-token-for-tests-0123456789"))
        assert r.status_code == 200 and r.json()["roles"] == ["admin"]


def test_tokens_are_stored_hashed(client, tokens, session):
    from sqlalchemy import select

    from store.tables import ApiToken

    stored = set(session.scalars(select(ApiToken.token_hash)))
    assert stored and not (set(tokens.values()) & stored)


def test_invalid_json_body_is_422_problem(client, tokens):
    r = client.post(
        "/v1/users", content=b"{not json", headers={**auth(tokens["admin"]), "content-type": "application/json"}
    )
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")


def test_openapi_is_served(client):
    assert "/v1/precheck" in client.get("/openapi.json").json()["paths"]
