"""Every API route × role: no token is 401, a role the route does not admit is 403, before anything is read."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from fastapi.routing import APIRoute

from ledgerlens.services.auth import ROLES
from tests.conftest import auth

PUBLIC = {"/healthz", "/readyz", "/metrics"}  # for the orchestrator and Prometheus


def _roles_of(route: APIRoute) -> tuple[str, ...] | None:
    """The roles of the route's require_roles dependency; None when any signed-in caller may call it."""
    pending = list(route.dependant.dependencies)
    while pending:
        dep = pending.pop()
        if hasattr(dep.call, "roles"):
            return dep.call.roles
        pending.extend(dep.dependencies)
    return None


def _url(route: APIRoute) -> str:
    url = route.path
    for param in route.dependant.path_params:
        url = url.replace("{" + param.name + "}", "1" if param.field_info.annotation is int else "x")
    return url


def api_routes(app) -> list[APIRoute]:
    """The API routes of every router in api/routes, checked against the app's OpenAPI operations, so a route
    added by a new router is covered too."""
    import api.routes

    routes = []
    for module in pkgutil.iter_modules(api.routes.__path__):
        router = getattr(importlib.import_module(f"api.routes.{module.name}"), "router", None)
        routes += [r for r in getattr(router, "routes", []) if isinstance(r, APIRoute) and r.include_in_schema]
    served = {(m.upper(), path) for path, ops in app.openapi()["paths"].items() for m in ops}
    found = {(m, r.path) for r in routes for m in r.methods}
    assert served == found, served ^ found
    return routes


def test_every_api_route_is_guarded(client, app, tokens):
    routes = api_routes(app)
    assert len(routes) >= 25
    checked = {"401": 0, "403": 0}
    for route in routes:
        for method in route.methods:
            url = _url(route)
            anonymous = client.request(method, url)
            if route.path in PUBLIC:
                assert anonymous.status_code in (200, 503), (method, url)
                continue
            assert anonymous.status_code == 401, (method, url, anonymous.text)
            assert anonymous.headers["www-authenticate"] == "Bearer"
            checked["401"] += 1
            roles = _roles_of(route)
            if roles is None:
                assert client.request(method, url, headers=auth(tokens["reviewer"])).status_code != 401
                continue
            for role in set(ROLES) - set(roles) - {"admin"}:
                refused = client.request(method, url, headers=auth(tokens[role]))
                assert refused.status_code == 403, (method, url, role, refused.text)
                assert "needs one of the roles" in refused.json()["detail"]
                checked["403"] += 1
    assert checked["401"] >= 24 and checked["403"] >= 45, checked


@pytest.mark.parametrize("token", ["", "Bearer", "Bearer llt_unknown", "Basic dXNlcjpwdw=="])
def test_bad_credentials_are_401(client, token):
    assert client.get("/v1/users/me", headers={"Authorization": token}).status_code == 401
