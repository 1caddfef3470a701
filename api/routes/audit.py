"""The append-only audit log (admin only): read it, and check its hash chain."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from api.deps import SessionDep, require_roles
from core.errors import InvalidInput
from ledgerlens.services.auth import Principal
from review.audit import entries, entry_to_dict, verify

router = APIRouter(prefix="/v1/audit", tags=["audit"])

Admin = Annotated[Principal, Depends(require_roles())]


class AuditPage(BaseModel):
    entries: list[dict[str, Any]]
    next_since: int | None


def parse_since(since: str | None) -> int | datetime | None:
    """``since`` is an entry id (entries after it) or an ISO 8601 time (entries at or after it)."""
    if since is None or since == "":
        return None
    if since.isdigit():
        return int(since)
    try:
        return datetime.fromisoformat(since.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"since must be an entry id or an ISO 8601 time, not '{since}'", field="since") from None


@router.get("")
def read_log(
    session: SessionDep,
    admin: Admin,
    since: Annotated[str | None, Query(description="an entry id (exclusive) or an ISO 8601 time")] = None,
    entity_type: str | None = None,
    entity_id: str | None = None,
    actor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AuditPage:
    start = parse_since(since)
    rows = entries(
        session,
        after_id=start if isinstance(start, int) else None,
        since=start if isinstance(start, datetime) else None,
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        limit=limit,
    )
    return AuditPage(entries=[entry_to_dict(r) for r in rows], next_since=rows[-1].id if len(rows) == limit else None)


@router.get("/verify")
def verify_log(session: SessionDep, admin: Admin) -> dict[str, Any]:
    """Recompute the hash chain; ``ok`` is false with the first bad entry when a row was changed or deleted."""
    return verify(session).to_dict()
