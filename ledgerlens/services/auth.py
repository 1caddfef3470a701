"""Users and bearer tokens. Tokens are random, shown once, and stored as SHA-256 hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core.errors import Conflict, InvalidInput, NotFound
from review.audit import append
from store.tables import ApiToken, UiSession, User

ROLES = ("admin", "billing", "reviewer", "collections")
ADMIN_PRINCIPAL_ID = "admin-env"


@dataclass(frozen=True)
class Principal:
    id: str
    name: str
    roles: frozenset[str] = field(default_factory=frozenset)

    def has(self, *roles: str) -> bool:
        return "admin" in self.roles or any(role in self.roles for role in roles)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issue_token(session: Session, user: User) -> str:
    token = "llt_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), prefix=token[:12]))
    return token


def create_user(session: Session, name: str, roles: list[str]) -> tuple[User, str]:
    """Create a user (or service account) and return it with its first token."""
    unknown = sorted(set(roles) - set(ROLES))
    if not roles or unknown:
        raise InvalidInput(f"roles must be some of {', '.join(ROLES)}; got {', '.join(roles) or 'none'}")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise Conflict(f"a user named {name!r} exists; choose another name or issue a new token for it")
    user = User(name=name, roles=sorted(set(roles)))
    session.add(user)
    session.flush()
    return user, _issue_token(session, user)


def issue_token(session: Session, name: str) -> str:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise InvalidInput(f"no user named {name!r}")
    return _issue_token(session, user)


def user_names(session: Session, ids: set[str]) -> dict[str, str]:
    """Display names of the users with these ids (unknown ids are left out)."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {id_: name for id_, name in session.execute(select(User.id, User.name).where(User.id.in_(ids))).all()}


def authenticate(session: Session, token: str, admin_token: str | None = None) -> Principal | None:
    if admin_token and hmac.compare_digest(token.encode(), admin_token.encode()):
        return Principal(ADMIN_PRINCIPAL_ID, "admin (LEDGERLENS_ADMIN_TOKEN)", frozenset({"admin"}))
    row = session.execute(
        select(User)
        .join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None), User.active.is_(True))
    ).scalar_one_or_none()
    if row is None:
        return None
    return Principal(row.id, row.name, frozenset(row.roles))


def revoke_user(session: Session, name: str, actor: str = "cli") -> int:
    """Revoke every token of a user and end their review-UI sessions: their next request answers 401.
    Returns how many tokens were revoked (the user stays, so an admin can issue a new token)."""
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFound(f"no user named {name!r}")
    now = datetime.now(UTC)
    tokens = list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))))
    for token in tokens:
        token.revoked_at = now
    session.execute(delete(UiSession).where(UiSession.principal_id == user.id))

    append(
        session,
        actor=actor,
        action="revoke",
        entity_type="user",
        entity_id=user.id,
        after={"name": user.name, "tokens_revoked": len(tokens)},
    )
    return len(tokens)


# ------------------------------------------------------------------------------------------ review-UI sessions


@dataclass(frozen=True)
class UiLogin:
    principal: Principal
    csrf_token: str


def open_ui_session(session: Session, principal: Principal, hours: int) -> tuple[str, str]:
    """A new sign-in: (session id for the cookie, CSRF token for the forms). Only the id's hash is stored."""
    session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    session.add(
        UiSession(
            id_hash=hash_token(session_id),
            principal_id=principal.id,
            csrf_token=csrf,
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    return session_id, csrf


def ui_session(session: Session, session_id: str, admin_token: str | None) -> UiLogin | None:
    """The signed-in principal of a session id, or None (unknown, expired, or its user revoked)."""
    row = session.get(UiSession, hash_token(session_id))
    if row is None:
        return None
    if row.expires_at <= datetime.now(UTC):
        session.delete(row)
        return None
    if row.principal_id == ADMIN_PRINCIPAL_ID:
        if not admin_token:  # the environment's admin token was removed: its sessions end too
            return None
        principal = Principal(ADMIN_PRINCIPAL_ID, "admin (LEDGERLENS_ADMIN_TOKEN)", frozenset({"admin"}))
    else:
        user = session.get(User, row.principal_id)
        if user is None or not user.active:
            return None
        principal = Principal(user.id, user.name, frozenset(user.roles))
    return UiLogin(principal, row.csrf_token)


def close_ui_session(session: Session, session_id: str) -> None:
    session.execute(delete(UiSession).where(UiSession.id_hash == hash_token(session_id)))
