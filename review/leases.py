"""The lease state machine of a review task: open → claimed (a lease) → resolved, released or escalated.

Functions take a Session and never commit: the caller's unit of work commits the task change together with its
audit entries and the stored values it touches.

Claims are leases. Claiming is atomic: on PostgreSQL the next task is picked with ``SELECT ... FOR UPDATE SKIP
LOCKED`` (concurrent reviewers skip each other's rows instead of queueing on them); on SQLite with an update
guarded by the task's claimable state (SQLite has one writer at a time, so the guard is enough). A lease that ran
out makes the task claimable again without any sweeper; only the holder of a live lease can resolve
(``review.decisions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, cast

from sqlalchemy import CursorResult, and_, or_, select, update
from sqlalchemy.orm import Session

from core.errors import Conflict, Forbidden, InvalidInput, NotFound
from core.settings import ReviewSettings
from review import audit
from review.values import extraction_cell
from store.tables import CheckRecord, DocumentRecord, ReviewTask

KINDS: tuple[str, ...] = ("extraction", "precheck")
STATUSES: tuple[str, ...] = ("open", "claimed", "resolved", "escalated")
# The documented defaults (SLA hours, lease length); the services pass the configured ones.
DEFAULT_CONFIG = ReviewSettings()


class Actor(Protocol):
    """Who acts: the API's Principal fits (``id``, ``name``, ``roles``)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def roles(self) -> AbstractSet[str]: ...


@dataclass(frozen=True, slots=True)
class SystemActor:
    id: str = "system"
    name: str = "system"
    roles: frozenset[str] = frozenset({"admin"})


SYSTEM = SystemActor()


class LeaseConflict(Conflict):
    """The caller does not hold a live claim on the task."""


def utc_now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def is_admin(actor: Actor) -> bool:
    return "admin" in actor.roles


def task_snapshot(task: ReviewTask) -> dict[str, Any]:
    """The task's state as the audit log records it."""
    return {
        "status": task.status,
        "claimed_by": task.claimed_by,
        "priority": task.priority,
        "decision": task.decision,
        "corrections": task.corrections,
    }


def claimable(now: datetime) -> Any:
    return or_(
        ReviewTask.status == "open",
        and_(ReviewTask.status == "claimed", ReviewTask.lease_expires_at <= now),
    )


def holds_live_lease(actor: Actor, now: datetime) -> Any:
    """The SQL condition "the actor holds a live lease on this task"."""
    return and_(ReviewTask.status == "claimed", ReviewTask.claimed_by == actor.id, ReviewTask.lease_expires_at > now)


# ---------------------------------------------------------------------------------------------------------- open


def open_task(
    session: Session,
    *,
    kind: str,
    document_id: str | None = None,
    check_id: str | None = None,
    field: str | None = None,
    line: int | None = None,
    page: int | None = None,
    bbox: Sequence[float] | None = None,
    payload: dict[str, Any] | None = None,
    priority: int = 50,
    customer_id: str | None = None,
    note: str | None = None,
    actor: Actor = SYSTEM,
    now: datetime | None = None,
    config: ReviewSettings = DEFAULT_CONFIG,
) -> ReviewTask:
    """Open a task (or return the unresolved one already open for the same value or check)."""
    if kind not in KINDS:
        raise InvalidInput(f"kind must be one of {', '.join(KINDS)}, not '{kind}'", field="kind")
    if kind == "extraction" and not document_id:
        raise InvalidInput("an extraction task needs a document_id", field="document_id")
    if kind == "precheck" and not check_id:
        raise InvalidInput("a precheck task needs a check_id", field="check_id")
    if not 0 <= priority <= 100:
        raise InvalidInput("priority must be between 0 and 100 (higher is more urgent)", field="priority")
    if bbox is not None and (len(bbox) != 4 or not all(0 <= float(v) <= 1 for v in bbox)):
        raise InvalidInput("bbox must be [x0, y0, x1, y1] as fractions of the page", field="bbox")
    if page is not None and page < 1:
        raise InvalidInput("page is 1-based", field="page")

    existing = session.execute(
        select(ReviewTask).where(
            ReviewTask.kind == kind,
            ReviewTask.status.in_(("open", "claimed", "escalated")),
            ReviewTask.document_id == document_id if document_id else ReviewTask.document_id.is_(None),
            ReviewTask.check_id == check_id if check_id else ReviewTask.check_id.is_(None),
            ReviewTask.field == field if field else ReviewTask.field.is_(None),
            ReviewTask.line == line if line is not None else ReviewTask.line.is_(None),
        )
    ).scalar_one_or_none()
    if existing is not None:
        return existing

    if kind == "extraction":
        document = session.get(DocumentRecord, document_id)
        if document is None:
            raise NotFound(f"document {document_id} does not exist", document_id=document_id)
        customer_id = customer_id or document.customer_id
        if field is not None and (page is None or bbox is None):
            cell = extraction_cell(document.extraction, field, line)
            if cell:
                page = page if page is not None else cell.get("page")
                bbox = bbox if bbox is not None else cell.get("bbox")
    else:
        check = session.get(CheckRecord, check_id)
        if check is None:
            raise NotFound(f"check {check_id} does not exist", check_id=check_id)
        customer_id = customer_id or check.customer_id

    hours = config.sla_hours_extraction if kind == "extraction" else config.sla_hours_precheck
    created = utc_now(now)
    task = ReviewTask(
        kind=kind,
        status="open",
        priority=priority,
        customer_id=customer_id,
        document_id=document_id,
        check_id=check_id,
        field=field,
        line=line,
        page=page,
        bbox=[float(v) for v in bbox] if bbox is not None else None,
        payload=payload,
        note=note,
        created_by=actor.id,
        created_at=created,
        sla_due_at=created + timedelta(hours=hours),
    )
    session.add(task)
    session.flush()
    if kind == "precheck":
        check = session.get(CheckRecord, check_id)
        if check is not None and check.review_task_id is None:
            check.review_task_id = task.id
    audit.append(
        session,
        actor=actor.name,
        action="task.opened",
        entity_type="review_task",
        entity_id=task.id,
        after={
            "kind": kind,
            "document_id": document_id,
            "check_id": check_id,
            "field": field,
            "line": line,
            "page": page,
            "priority": priority,
            "sla_due_at": task.sla_due_at,
        },
        reason=note,
        at=created,
    )
    return task


# --------------------------------------------------------------------------------------------------------- claim


def _lease(actor: Actor, now: datetime, config: ReviewSettings) -> dict[str, Any]:
    return {
        "status": "claimed",
        "claimed_by": actor.id,
        "claimed_at": now,
        "lease_expires_at": now + timedelta(seconds=config.lease_seconds),
    }


def current_claim(session: Session, actor: Actor, *, now: datetime | None = None) -> ReviewTask | None:
    """The task the actor holds a live lease on, if any."""
    return session.execute(
        select(ReviewTask).where(holds_live_lease(actor, utc_now(now))).order_by(ReviewTask.claimed_at.desc()).limit(1)
    ).scalar_one_or_none()


def claim_next(
    session: Session,
    actor: Actor,
    *,
    kind: str | None = None,
    now: datetime | None = None,
    config: ReviewSettings = DEFAULT_CONFIG,
) -> ReviewTask | None:
    """Claim the most urgent claimable task (highest priority, then oldest); None when the queue is empty.

    A reviewer works one task at a time: one who already holds a live lease gets that task back with its lease
    renewed, so a double click or a reloaded page never leaves a second task locked.
    """
    now = utc_now(now)
    held = current_claim(session, actor, now=now)
    if held is not None and (kind is None or held.kind == kind):
        return _renew(session, held, actor, now, config)

    conditions = [claimable(now)]
    if kind is not None:
        conditions.append(ReviewTask.kind == kind)
    pick = (
        select(ReviewTask.id)
        .where(*conditions)
        .order_by(ReviewTask.priority.desc(), ReviewTask.created_at, ReviewTask.id)
        .limit(1)
    )
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        pick = pick.with_for_update(skip_locked=True)
    for _attempt in range(50):
        task_id = session.execute(pick).scalar_one_or_none()
        if task_id is None:
            return None
        if _guarded_claim(session, task_id, actor, now, config):
            return get_task(session, task_id)
        if postgres:  # the row was locked by us; a failed guard means it changed state: look again
            continue
    raise Conflict("the queue is too contended right now; try again")


def claim_task(
    session: Session,
    task_id: str,
    actor: Actor,
    *,
    now: datetime | None = None,
    config: ReviewSettings = DEFAULT_CONFIG,
) -> ReviewTask:
    """Claim one particular task (from the queue table); 409 when someone else holds a live lease on it."""
    now = utc_now(now)
    task = get_task(session, task_id)
    if (
        task.status == "claimed"
        and task.claimed_by == actor.id
        and task.lease_expires_at
        and task.lease_expires_at > now
    ):
        return _renew(session, task, actor, now, config)
    if task.status in ("resolved",):
        raise Conflict(f"task {task_id} is already resolved", task_id=task_id)
    if task.status == "escalated" and not is_admin(actor):
        raise Forbidden(f"task {task_id} is escalated; an admin resolves it", task_id=task_id)
    held = current_claim(session, actor, now=now)
    if held is not None and held.id != task_id:
        _release(session, held, actor)
    if task.status == "escalated":
        ok = guarded_update(session, task_id, ReviewTask.status == "escalated", _lease(actor, now, config))
    else:
        ok = _guarded_claim(session, task_id, actor, now, config)
    if not ok:
        raise LeaseConflict(f"task {task_id} is claimed by someone else", task_id=task_id)
    return get_task(session, task_id)


def guarded_update(session: Session, task_id: str, guard: Any, values: dict[str, Any]) -> bool:
    # an UPDATE returns a CursorResult (which has rowcount); Session.execute is typed as the general Result
    result = cast(
        "CursorResult[Any]",
        session.execute(
            update(ReviewTask)
            .where(ReviewTask.id == task_id, guard)
            .values(**values)
            .execution_options(synchronize_session=False)
        ),
    )
    return result.rowcount == 1


def _guarded_claim(session: Session, task_id: str, actor: Actor, now: datetime, config: ReviewSettings) -> bool:
    return guarded_update(session, task_id, claimable(now), _lease(actor, now, config))


def _renew(session: Session, task: ReviewTask, actor: Actor, now: datetime, config: ReviewSettings) -> ReviewTask:
    lease = _lease(actor, now, config)
    guarded_update(
        session,
        task.id,
        and_(ReviewTask.claimed_by == actor.id, ReviewTask.status == "claimed"),
        {"lease_expires_at": lease["lease_expires_at"]},
    )
    return get_task(session, task.id)


def _release(session: Session, task: ReviewTask, actor: Actor) -> None:
    guarded_update(
        session,
        task.id,
        and_(ReviewTask.claimed_by == actor.id, ReviewTask.status == "claimed"),
        {"status": "open", "claimed_by": None, "claimed_at": None, "lease_expires_at": None},
    )


# ----------------------------------------------------------------------------------------- release, escalate


def release(session: Session, task_id: str, actor: Actor, *, now: datetime | None = None) -> ReviewTask:
    """Give a claimed task back to the queue (the holder only)."""
    task = held_task(session, task_id, actor, utc_now(now))
    _release(session, task, actor)
    return get_task(session, task_id)


def held_task(session: Session, task_id: str, actor: Actor, now: datetime) -> ReviewTask:
    task = get_task(session, task_id)
    if task.status != "claimed" or task.claimed_by != actor.id:
        raise LeaseConflict(
            f"task {task_id} is not claimed by you; claim it first", task_id=task_id, task_status=task.status
        )
    if task.lease_expires_at is None or task.lease_expires_at <= now:
        raise LeaseConflict(f"your claim on task {task_id} ran out; claim it again", task_id=task_id)
    return task


def get_task(session: Session, task_id: str) -> ReviewTask:
    """The task as stored now (re-read, not the session's cached copy)."""
    task = session.get(ReviewTask, task_id, populate_existing=True)
    if task is None:
        raise NotFound(f"review task {task_id} does not exist", task_id=task_id)
    return task


def effective_status(task: ReviewTask, now: datetime | None = None) -> str:
    """A claim whose lease ran out reads as open: the task is back in the queue."""
    if task.status == "claimed" and task.lease_expires_at is not None and task.lease_expires_at <= utc_now(now):
        return "open"
    return task.status


def escalate(session: Session, task_id: str, actor: Actor, *, reason: str, now: datetime | None = None) -> ReviewTask:
    """Hand a task the holder cannot decide to an admin."""
    now = utc_now(now)
    if not reason or not reason.strip():
        raise InvalidInput("say why the task is escalated", field="reason")
    task = held_task(session, task_id, actor, now)
    before = task_snapshot(task)
    ok = guarded_update(
        session,
        task_id,
        holds_live_lease(actor, now),
        {"status": "escalated", "claimed_by": None, "claimed_at": None, "lease_expires_at": None, "reason": reason},
    )
    if not ok:
        raise LeaseConflict(f"your claim on task {task_id} ran out; claim it again", task_id=task_id)
    task = get_task(session, task_id)
    audit.append(
        session,
        actor=actor.name,
        action="task.escalated",
        entity_type="review_task",
        entity_id=task.id,
        before=before,
        after=task_snapshot(task),
        reason=reason,
        at=now,
    )
    return task
