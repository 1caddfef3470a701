"""Request dependencies: settings, a database session per request, the caller and their roles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from core.settings import Settings
from ledgerlens.services.auth import Principal, authenticate
from store.db import session_scope

TOKEN_COOKIE = "ledgerlens_token"


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def get_session(settings: SettingsDep) -> Iterator[Session]:
    with session_scope(settings.resolved_database_url) as session:
        yield session


# scope="function": commit before the response goes out, so a client that reads right after a write sees it.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def _token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(TOKEN_COOKIE)


def get_current_user(request: Request, session: SessionDep, settings: SettingsDep) -> Principal:
    token = _token(request)
    if not token:
        raise HTTPException(401, "send 'Authorization: Bearer <token>'", headers={"WWW-Authenticate": "Bearer"})
    principal = authenticate(session, token, settings.admin_token)
    if principal is None:
        raise HTTPException(401, "the bearer token is unknown or revoked", headers={"WWW-Authenticate": "Bearer"})
    return principal


CurrentUser = Annotated[Principal, Depends(get_current_user)]


def require_roles(*roles: str) -> Callable[[Principal], Principal]:
    """A dependency that lets through callers with one of ``roles`` (admin always)."""

    def check(user: CurrentUser) -> Principal:
        if not user.has(*roles):
            raise HTTPException(403, f"this call needs one of the roles: {', '.join(roles) or 'admin'}")
        return user

    return check
