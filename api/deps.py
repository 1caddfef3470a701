"""Request dependencies: settings, a database session per request, the caller and their roles."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, UploadFile
from sqlalchemy.orm import Session

from core.errors import ContentTooLarge
from core.settings import Settings
from ledgerlens.services.auth import Principal, UiLogin, authenticate, ui_session
from store.db import session_scope

# The review UI's cookie: a random session id (server-side row, expires, deleted on logout). The API never
# accepts it: API calls carry a bearer token, so a page cannot be tricked into calling the API with the cookie.
SESSION_COOKIE = "ledgerlens_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


async def read_upload(upload: UploadFile, limit: int, what: str = "file") -> bytes:
    """An uploaded file, whole, or a 413 problem: never a silently cut one."""
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise ContentTooLarge(f"the {what} is larger than the limit of {limit} bytes; split it or send less")
    return data


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
    return None


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

    check.roles = roles  # type: ignore[attr-defined]  # read by the route x role test
    return check


# ------------------------------------------------------------------------------------------- review-UI sessions


def get_ui_login(request: Request, session: SessionDep, settings: SettingsDep) -> UiLogin | None:
    """The signed-in UI user (and their CSRF token), or None: UI pages redirect to the login form then."""
    session_id = request.cookies.get(SESSION_COOKIE)
    return ui_session(session, session_id, settings.admin_token) if session_id else None


UiLoginDep = Annotated[UiLogin | None, Depends(get_ui_login)]


async def check_csrf(request: Request, login: UiLoginDep) -> None:
    """Every UI form post carries the session's CSRF token (hidden field ``csrf_token``, or the X-CSRF-Token
    header for scripts). No session: the route decides (it redirects to the login form)."""
    if login is None or request.method in ("GET", "HEAD", "OPTIONS"):
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()  # cached: the route's own Form(...) parameters read the same parse
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent.encode(), login.csrf_token.encode()):
        raise HTTPException(403, "the form's CSRF token is missing or wrong; reload the page and try again")


# On every UI route that changes something: `@router.post(..., dependencies=[CsrfChecked])`.
CsrfChecked = Depends(check_csrf)
