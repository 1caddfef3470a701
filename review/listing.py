"""Listing the review queue: filtered, most urgent first, and the dashboard's counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from core.errors import InvalidInput
from review.leases import KINDS, STATUSES, claimable, utc_now
from store.tables import CheckRecord, ReviewTask


@dataclass(frozen=True, slots=True)
class TaskFilter:
    status: str | None = "open"
    kind: str | None = None
    customer_id: str | None = None
    older_than_hours: float | None = None
    sla_breached: bool | None = None
    claimed_by: str | None = None


def _filter_conditions(f: TaskFilter, now: datetime) -> list[Any]:
    conditions: list[Any] = []
    if f.status == "open":
        conditions.append(claimable(now))
    elif f.status == "claimed":
        conditions.append(and_(ReviewTask.status == "claimed", ReviewTask.lease_expires_at > now))
    elif f.status == "unresolved":
        conditions.append(ReviewTask.status.in_(("open", "claimed", "escalated")))
    elif f.status:
        conditions.append(ReviewTask.status == f.status)
    if f.kind:
        conditions.append(ReviewTask.kind == f.kind)
    if f.customer_id:
        conditions.append(ReviewTask.customer_id == f.customer_id)
    if f.older_than_hours is not None:
        conditions.append(ReviewTask.created_at <= now - timedelta(hours=f.older_than_hours))
    if f.sla_breached is True:
        conditions.append(and_(ReviewTask.sla_due_at < now, ReviewTask.status != "resolved"))
    elif f.sla_breached is False:
        conditions.append(or_(ReviewTask.sla_due_at >= now, ReviewTask.status == "resolved"))
    if f.claimed_by:
        conditions.append(ReviewTask.claimed_by == f.claimed_by)
    return conditions


def list_tasks(
    session: Session, f: TaskFilter, *, limit: int = 50, offset: int = 0, now: datetime | None = None
) -> tuple[list[ReviewTask], int]:
    """Tasks matching the filter, most urgent first, and how many match in all."""
    now = utc_now(now)
    if f.status is not None and f.status not in (*STATUSES, "unresolved"):
        raise InvalidInput(f"status must be one of {', '.join(STATUSES)}, not '{f.status}'", field="status")
    if f.kind is not None and f.kind not in KINDS:
        raise InvalidInput(f"kind must be one of {', '.join(KINDS)}, not '{f.kind}'", field="kind")
    conditions = _filter_conditions(f, now)
    total = session.execute(select(func.count()).select_from(ReviewTask).where(*conditions)).scalar_one()
    rows = session.execute(
        select(ReviewTask)
        .where(*conditions)
        .order_by(ReviewTask.priority.desc(), ReviewTask.created_at, ReviewTask.id)
        .limit(limit)
        .offset(offset)
    ).scalars()
    return list(rows), int(total)


def customers_with_tasks(session: Session) -> list[str]:
    """The customers any task was opened for, sorted (the queue page's filter)."""
    rows = session.execute(select(ReviewTask.customer_id).distinct()).scalars()
    return sorted(c for c in rows if c is not None)


def points_at_document(session: Session, document_id: str) -> bool:
    """Whether a task points at the document: directly, or as the reference of a checked invoice."""
    direct = select(ReviewTask.id).where(ReviewTask.document_id == document_id)
    via_check = (
        select(ReviewTask.id)
        .join(CheckRecord, CheckRecord.id == ReviewTask.check_id)
        .where(CheckRecord.reference_document_id == document_id)
    )
    return session.scalar(direct.limit(1)) is not None or session.scalar(via_check.limit(1)) is not None


def counts(session: Session, *, now: datetime | None = None) -> dict[str, int]:
    """Queue counts for the dashboard: by effective status, by kind (unresolved), and SLA breaches."""
    now = utc_now(now)
    out = {name: 0 for name in ("open", "claimed", "escalated", "resolved", "extraction", "precheck", "sla_breached")}
    expired = and_(ReviewTask.status == "claimed", ReviewTask.lease_expires_at <= now)
    rows = session.execute(
        select(
            ReviewTask.status,
            ReviewTask.kind,
            expired.label("expired"),
            (ReviewTask.sla_due_at < now).label("late"),
            func.count(),
        ).group_by(ReviewTask.status, ReviewTask.kind, "expired", "late")
    ).all()
    for status, kind, is_expired, late, n in rows:
        effective = "open" if status == "claimed" and is_expired else status
        out[effective] = out.get(effective, 0) + n
        if status != "resolved":
            out[kind] = out.get(kind, 0) + n
            if late:
                out["sla_breached"] += n
    return out
