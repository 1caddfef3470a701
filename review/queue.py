"""Review tasks: open, claim (a lease), resolve, release, escalate.

Functions take a Session and never commit: the caller's unit of work commits the task change together with its
audit entries and the stored values it touches.

Claims are leases. Claiming is atomic: on PostgreSQL the next task is picked with ``SELECT ... FOR UPDATE SKIP
LOCKED`` (concurrent reviewers skip each other's rows instead of queueing on them); on SQLite with an update
guarded by the task's claimable state (SQLite has one writer at a time, so the guard is enough). A lease that ran
out makes the task claimable again without any sweeper; only the holder of a live lease can resolve.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, Protocol, cast

from sqlalchemy import CursorResult, and_, func, or_, select, update
from sqlalchemy.orm import Session

from core.errors import Conflict, Forbidden, InvalidInput, NotFound
from core.settings import ReviewSettings, get_settings
from review import audit
from review.labels import label_words
from review.values import parse_value
from store.tables import CheckRecord, DocumentRecord, ReviewTask

Kind = Literal["extraction", "precheck"]
Decision = Literal["confirm", "correct", "reject"]
KINDS: tuple[str, ...] = ("extraction", "precheck")
STATUSES: tuple[str, ...] = ("open", "claimed", "resolved", "escalated")
DECISIONS: tuple[str, ...] = ("confirm", "correct", "reject")

# Why a reviewer rejects a task (closed set, shown in the UI).
REJECT_REASONS: dict[str, str] = {
    "not_on_document": "The document does not show this value",
    "illegible": "The page cannot be read",
    "wrong_document": "The task points at the wrong document or page",
    "invoice_must_change": "The invoice is wrong and must be fixed before sending",
    "duplicate": "Another task covers this already",
    "other": "Other (explain in the note)",
}
# Reject reasons after which the extracted value is removed (a field the document does not show is null).
_CLEARS_VALUE = {"not_on_document", "illegible"}


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


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _review_settings(config: ReviewSettings | None) -> ReviewSettings:
    return config or get_settings().review


def _is_admin(actor: Actor) -> bool:
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


def _claimable(now: datetime) -> Any:
    return or_(
        ReviewTask.status == "open",
        and_(ReviewTask.status == "claimed", ReviewTask.lease_expires_at <= now),
    )


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
    config: ReviewSettings | None = None,
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
            cell = _extraction_cell(document.extraction, field, line)
            if cell:
                page = page if page is not None else cell.get("page")
                bbox = bbox if bbox is not None else cell.get("bbox")
    else:
        check = session.get(CheckRecord, check_id)
        if check is None:
            raise NotFound(f"check {check_id} does not exist", check_id=check_id)
        customer_id = customer_id or check.customer_id

    settings = _review_settings(config)
    hours = settings.sla_hours_extraction if kind == "extraction" else settings.sla_hours_precheck
    created = _now(now)
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


def _lease(actor: Actor, now: datetime, config: ReviewSettings | None) -> dict[str, Any]:
    return {
        "status": "claimed",
        "claimed_by": actor.id,
        "claimed_at": now,
        "lease_expires_at": now + timedelta(seconds=_review_settings(config).lease_seconds),
    }


def current_claim(session: Session, actor: Actor, *, now: datetime | None = None) -> ReviewTask | None:
    """The task the actor holds a live lease on, if any."""
    return session.execute(
        select(ReviewTask)
        .where(
            ReviewTask.status == "claimed",
            ReviewTask.claimed_by == actor.id,
            ReviewTask.lease_expires_at > _now(now),
        )
        .order_by(ReviewTask.claimed_at.desc())
        .limit(1)
    ).scalar_one_or_none()


def claim_next(
    session: Session,
    actor: Actor,
    *,
    kind: str | None = None,
    now: datetime | None = None,
    config: ReviewSettings | None = None,
) -> ReviewTask | None:
    """Claim the most urgent claimable task (highest priority, then oldest); None when the queue is empty.

    A reviewer works one task at a time: one who already holds a live lease gets that task back with its lease
    renewed, so a double click or a reloaded page never leaves a second task locked.
    """
    now = _now(now)
    held = current_claim(session, actor, now=now)
    if held is not None and (kind is None or held.kind == kind):
        return _renew(session, held, actor, now, config)

    conditions = [_claimable(now)]
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
            return _load(session, task_id)
        if postgres:  # the row was locked by us; a failed guard means it changed state: look again
            continue
    raise Conflict("the queue is too contended right now; try again")


def claim_task(
    session: Session,
    task_id: str,
    actor: Actor,
    *,
    now: datetime | None = None,
    config: ReviewSettings | None = None,
) -> ReviewTask:
    """Claim one particular task (from the queue table); 409 when someone else holds a live lease on it."""
    now = _now(now)
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
    if task.status == "escalated" and not _is_admin(actor):
        raise Forbidden(f"task {task_id} is escalated; an admin resolves it", task_id=task_id)
    held = current_claim(session, actor, now=now)
    if held is not None and held.id != task_id:
        _release(session, held, actor)
    if task.status == "escalated":
        ok = _guarded_update(session, task_id, ReviewTask.status == "escalated", _lease(actor, now, config))
    else:
        ok = _guarded_claim(session, task_id, actor, now, config)
    if not ok:
        raise LeaseConflict(f"task {task_id} is claimed by someone else", task_id=task_id)
    return _load(session, task_id)


def _guarded_update(session: Session, task_id: str, guard: Any, values: dict[str, Any]) -> bool:
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


def _guarded_claim(session: Session, task_id: str, actor: Actor, now: datetime, config: ReviewSettings | None) -> bool:
    return _guarded_update(session, task_id, _claimable(now), _lease(actor, now, config))


def _load(session: Session, task_id: str) -> ReviewTask:
    task = session.get(ReviewTask, task_id, populate_existing=True)
    assert task is not None
    return task


def _renew(
    session: Session, task: ReviewTask, actor: Actor, now: datetime, config: ReviewSettings | None
) -> ReviewTask:
    lease = _lease(actor, now, config)
    _guarded_update(
        session,
        task.id,
        and_(ReviewTask.claimed_by == actor.id, ReviewTask.status == "claimed"),
        {"lease_expires_at": lease["lease_expires_at"]},
    )
    return _load(session, task.id)


def _release(session: Session, task: ReviewTask, actor: Actor) -> None:
    _guarded_update(
        session,
        task.id,
        and_(ReviewTask.claimed_by == actor.id, ReviewTask.status == "claimed"),
        {"status": "open", "claimed_by": None, "claimed_at": None, "lease_expires_at": None},
    )


def release(session: Session, task_id: str, actor: Actor, *, now: datetime | None = None) -> ReviewTask:
    """Give a claimed task back to the queue (the holder only)."""
    task = _held_task(session, task_id, actor, _now(now))
    _release(session, task, actor)
    return _load(session, task_id)


def _held_task(session: Session, task_id: str, actor: Actor, now: datetime) -> ReviewTask:
    task = _load_or_404(session, task_id)
    if task.status != "claimed" or task.claimed_by != actor.id:
        raise LeaseConflict(
            f"task {task_id} is not claimed by you; claim it first", task_id=task_id, task_status=task.status
        )
    if task.lease_expires_at is None or task.lease_expires_at <= now:
        raise LeaseConflict(f"your claim on task {task_id} ran out; claim it again", task_id=task_id)
    return task


def _load_or_404(session: Session, task_id: str) -> ReviewTask:
    task = session.get(ReviewTask, task_id, populate_existing=True)
    if task is None:
        raise NotFound(f"review task {task_id} does not exist", task_id=task_id)
    return task


def get_task(session: Session, task_id: str) -> ReviewTask:
    return _load_or_404(session, task_id)


def effective_status(task: ReviewTask, now: datetime | None = None) -> str:
    """A claim whose lease ran out reads as open: the task is back in the queue."""
    if task.status == "claimed" and task.lease_expires_at is not None and task.lease_expires_at <= _now(now):
        return "open"
    return task.status


# ------------------------------------------------------------------------------------------------------- resolve


def resolve(
    session: Session,
    task_id: str,
    actor: Actor,
    *,
    decision: str,
    corrections: dict[str, Any] | None = None,
    reason: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> ReviewTask:
    """Record the decision of the lease holder (or of an admin on an escalated task) and apply it."""
    now = _now(now)
    if decision not in DECISIONS:
        raise InvalidInput(f"decision must be one of {', '.join(DECISIONS)}, not '{decision}'", field="decision")
    task = _load_or_404(session, task_id)
    if task.status == "resolved":
        raise LeaseConflict(f"task {task_id} is already resolved", task_id=task_id)
    escalated = task.status == "escalated"
    if escalated and not _is_admin(actor):
        raise Forbidden(f"task {task_id} is escalated; an admin resolves it", task_id=task_id)
    if not escalated:
        _held_task(session, task_id, actor, now)

    if decision == "reject":
        if reason not in REJECT_REASONS:
            raise InvalidInput(f"a rejection needs a reason code: one of {', '.join(REJECT_REASONS)}", field="reason")
        if reason == "other" and not (note and note.strip()):
            raise InvalidInput("reason 'other' needs a note that explains it", field="note")
    clean = _validate_corrections(task, decision, corrections)
    full_reason = reason if not note else (f"{reason}: {note}" if reason else note)
    before = task_snapshot(task)

    # The guard makes the decision atomic against a lease running out and being re-claimed meanwhile.
    guard = (
        ReviewTask.status == "escalated"
        if escalated
        else and_(ReviewTask.status == "claimed", ReviewTask.claimed_by == actor.id, ReviewTask.lease_expires_at > now)
    )
    done = _guarded_update(
        session,
        task_id,
        guard,
        {
            "status": "resolved",
            "resolved_by": actor.id,
            "resolved_at": now,
            "decision": decision,
            "corrections": clean or None,
            "reason": full_reason,
            "lease_expires_at": None,
        },
    )
    if not done:
        raise LeaseConflict(f"your claim on task {task_id} ran out; claim it again", task_id=task_id)
    task = _load(session, task_id)
    audit.append(
        session,
        actor=actor.name,
        action=f"task.{decision}",
        entity_type="review_task",
        entity_id=task.id,
        before=before,
        after=task_snapshot(task),
        reason=full_reason,
        at=now,
    )
    if task.kind == "extraction":
        _apply_to_extraction(session, task, actor, decision, clean, reason, full_reason, now)
    else:
        _apply_to_check(session, task, actor, decision, clean, full_reason, now)
    return task


def escalate(session: Session, task_id: str, actor: Actor, *, reason: str, now: datetime | None = None) -> ReviewTask:
    """Hand a task the holder cannot decide to an admin."""
    now = _now(now)
    if not reason or not reason.strip():
        raise InvalidInput("say why the task is escalated", field="reason")
    task = _held_task(session, task_id, actor, now)
    before = task_snapshot(task)
    ok = _guarded_update(
        session,
        task_id,
        and_(ReviewTask.status == "claimed", ReviewTask.claimed_by == actor.id, ReviewTask.lease_expires_at > now),
        {"status": "escalated", "claimed_by": None, "claimed_at": None, "lease_expires_at": None, "reason": reason},
    )
    if not ok:
        raise LeaseConflict(f"your claim on task {task_id} ran out; claim it again", task_id=task_id)
    task = _load(session, task_id)
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


def _validate_corrections(task: ReviewTask, decision: str, corrections: dict[str, Any] | None) -> dict[str, Any]:
    if decision != "correct":
        return {}
    if not corrections:
        raise InvalidInput("a correction needs the corrected value(s) in 'corrections'", field="corrections")
    clean: dict[str, Any] = {}
    for name, raw in corrections.items():
        field = task.field if name == "value" and task.field else name
        if task.kind == "extraction":
            clean[field] = parse_value(field, raw, line=task.line)
            if clean[field] is None:
                raise InvalidInput(
                    f"{field}: type the correct value; if the document does not show it, reject with 'not_on_document'",
                    field=field,
                )
        else:
            clean[field] = None if raw is None else str(raw).strip()
    return clean


# ------------------------------------------------------------------------------------------ effects of decisions


def _extraction_cell(extraction: dict[str, Any] | None, field: str, line: int | None) -> dict[str, Any] | None:
    if not extraction:
        return None
    if line is None:
        cell = extraction.get("fields", {}).get(field)
    else:
        items = extraction.get("line_items", [])
        cell = items[line].get(field) if 0 <= line < len(items) else None
    return cell if isinstance(cell, dict) else None


def current_value(session: Session, task: ReviewTask) -> dict[str, Any] | None:
    """The stored extraction cell the task points at (value, confidence, page, bbox, raw)."""
    if task.kind != "extraction" or not task.document_id or not task.field:
        return None
    document = session.get(DocumentRecord, task.document_id)
    return _extraction_cell(document.extraction if document else None, task.field, task.line)


def _apply_to_extraction(
    session: Session,
    task: ReviewTask,
    actor: Actor,
    decision: str,
    clean: dict[str, Any],
    reason_code: str | None,
    full_reason: str | None,
    now: datetime,
) -> None:
    document = session.get(DocumentRecord, task.document_id) if task.document_id else None
    if document is None or document.extraction is None:
        return
    extraction = copy.deepcopy(document.extraction)  # a new object, so the JSON column is seen as changed
    changes: dict[str, Any] = {}
    if decision == "correct":
        changes = clean
    elif decision == "reject" and reason_code in _CLEARS_VALUE and task.field:
        changes = {task.field: None}

    for field, value in changes.items():
        before = _extraction_cell(extraction, field, task.line)
        after = _set_cell(extraction, field, task.line, value, before, task)
        if before == after:
            continue
        audit.append(
            session,
            actor=actor.name,
            action="extraction.value_changed",
            entity_type="document",
            entity_id=document.id,
            before={"field": field, "line": task.line, "cell": before},
            after={"field": field, "line": task.line, "cell": after, "task_id": task.id},
            reason=full_reason,
            at=now,
        )
        if task.line is None and field in ("po_number", "contract_number"):
            setattr(document, field, value)
    if changes:
        document.extraction = extraction

    # Confirmed and corrected values become training labels on the words that show them.
    if decision in ("confirm", "correct") and task.field:
        labelled = changes or {task.field: (_extraction_cell(extraction, task.field, task.line) or {}).get("value")}
        for field, value in labelled.items():
            cell = _extraction_cell(extraction, field, task.line) or {}
            label_words(
                session,
                document,
                page=task.page or cell.get("page"),
                bbox=task.bbox or cell.get("bbox"),
                field=field,
                line=task.line,
                value=None if value is None else str(value),
                raw=cell.get("raw") if decision == "confirm" else None,
                task_id=task.id,
                created_by=actor.id,
            )


def _set_cell(
    extraction: dict[str, Any],
    field: str,
    line: int | None,
    value: Any,
    before: dict[str, Any] | None,
    task: ReviewTask,
) -> dict[str, Any] | None:
    if value is None:
        cell = None
    else:
        cell = {"value": value, "confidence": 1.0, "source": "review"}
        page = (before or {}).get("page") or task.page
        bbox = (before or {}).get("bbox") or task.bbox
        if page is not None:
            cell["page"] = page
        if bbox is not None:
            cell["bbox"] = bbox
    if line is None:
        fields = extraction.setdefault("fields", {})
        if cell is None:
            fields.pop(field, None)
        else:
            fields[field] = cell
    else:
        items = extraction.setdefault("line_items", [])
        if not 0 <= line < len(items):
            raise InvalidInput(f"line {line} does not exist in the extraction", field="line")
        if cell is None:
            items[line].pop(field, None)
        else:
            items[line][field] = cell
    return cell


def _apply_to_check(
    session: Session,
    task: ReviewTask,
    actor: Actor,
    decision: str,
    clean: dict[str, Any],
    full_reason: str | None,
    now: datetime,
) -> None:
    check = session.get(CheckRecord, task.check_id) if task.check_id else None
    if check is None:
        return
    response = copy.deepcopy(check.response or {})
    before = response.get("review")
    after = {
        "task_id": task.id,
        "decision": decision,
        "corrections": clean or None,
        "reason": full_reason,
        "resolved_by": actor.name,
        "resolved_at": now.isoformat(),
    }
    response["review"] = after
    check.response = response
    audit.append(
        session,
        actor=actor.name,
        action="check.review_decision",
        entity_type="check",
        entity_id=check.id,
        before=before,
        after=after,
        reason=full_reason,
        at=now,
    )


# ------------------------------------------------------------------------------------------------------ listing


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
        conditions.append(_claimable(now))
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
    now = _now(now)
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


def counts(session: Session, *, now: datetime | None = None) -> dict[str, int]:
    """Queue counts for the dashboard: by effective status, by kind (unresolved), and SLA breaches."""
    now = _now(now)
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
