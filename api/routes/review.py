"""The review queue over HTTP: list, open, claim (a lease), resolve, release, escalate."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

import review
from api.deps import SessionDep, SettingsDep, require_roles
from ledgerlens.services.auth import Principal
from store.tables import ReviewTask

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

router = APIRouter(prefix="/v1/review", tags=["review"])

Reviewer = Annotated[Principal, Depends(require_roles("reviewer"))]
Flagger = Annotated[Principal, Depends(require_roles("billing"))]


class TaskCreate(BaseModel):
    kind: Literal["extraction", "precheck"]
    document_id: str | None = None
    check_id: str | None = None
    field: str | None = Field(None, max_length=100)
    line: int | None = Field(None, ge=0, description="0-based line item, when the value is a line-item cell")
    page: int | None = Field(None, ge=1)
    bbox: list[float] | None = Field(None, min_length=4, max_length=4)
    priority: int = Field(50, ge=0, le=100, description="higher is more urgent")
    note: str | None = Field(None, max_length=2000)


class Resolve(BaseModel):
    decision: Literal["confirm", "correct", "reject"]
    corrections: dict[str, Any] | None = Field(
        None, description="corrected values by field name ('value' means the task's field); typed by the field"
    )
    reason: str | None = Field(None, max_length=200, description="a reject needs one of the reason codes")
    note: str | None = Field(None, max_length=2000)


class Escalate(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class TaskPublic(BaseModel):
    task_id: str
    kind: str
    status: str
    priority: int
    created_at: datetime
    sla_due_at: datetime
    sla_breached: bool
    age_seconds: int
    claimed_by: str | None
    claimed_at: datetime | None
    lease_expires_at: datetime | None
    customer_id: str | None
    document_id: str | None
    page: int | None
    bbox: list[float] | None
    field: str | None
    line: int | None
    check_id: str | None
    page_url: str | None = Field(None, description="the page image the task points at")
    note: str | None
    payload: dict[str, Any] | None
    decision: str | None
    corrections: dict[str, Any] | None
    reason: str | None
    resolved_by: str | None
    resolved_at: datetime | None
    context: dict[str, Any] | None = Field(
        None, description="what the reviewer decides on: the stored value, or the check's findings"
    )


class TaskList(BaseModel):
    tasks: list[TaskPublic]
    total: int
    counts: dict[str, int]


def to_public(task: ReviewTask, *, now: datetime, context: dict[str, Any] | None = None) -> TaskPublic:
    status = review.effective_status(task, now)
    live_claim = status == "claimed"
    return TaskPublic(
        task_id=task.id,
        kind=task.kind,
        status=status,
        priority=task.priority,
        created_at=task.created_at,
        sla_due_at=task.sla_due_at,
        sla_breached=task.status != "resolved" and task.sla_due_at < now,
        age_seconds=max(0, int(((task.resolved_at or now) - task.created_at).total_seconds())),
        claimed_by=task.claimed_by if live_claim else None,
        claimed_at=task.claimed_at if live_claim else None,
        lease_expires_at=task.lease_expires_at if live_claim else None,
        customer_id=task.customer_id,
        document_id=task.document_id,
        page=task.page,
        bbox=task.bbox,
        field=task.field,
        line=task.line,
        check_id=task.check_id,
        page_url=f"/v1/documents/{task.document_id}/pages/{task.page}.png" if task.document_id and task.page else None,
        note=task.note,
        payload=task.payload,
        decision=task.decision,
        corrections=task.corrections,
        reason=task.reason,
        resolved_by=task.resolved_by,
        resolved_at=task.resolved_at,
        context=context,
    )


def task_context(session: Session, task: ReviewTask) -> dict[str, Any]:
    if task.kind == "extraction":
        if task.field is None:  # one task for the whole document: every unsure value it holds
            return {"value": None, "values": review.document_values(session, task)}
        return {"value": review.current_value(session, task)}
    check = review.task_check(session, task)
    if check is None:
        return {"findings": []}
    response = check.response or {}
    total = check.total if check.total.as_tuple().exponent <= -2 else check.total.quantize(Decimal("0.01"))
    return {
        "invoice_number": check.invoice_number,
        "customer_id": check.customer_id,
        "invoice": check.request,
        "total": format(total, "f"),
        "currency": check.currency,
        "verdict": check.verdict,
        "findings": response.get("findings", []),
        "reference": response.get("reference"),
        "review": response.get("review"),
    }


def _now() -> datetime:
    return datetime.now(UTC)


@router.get("/tasks")
def list_tasks(
    session: SessionDep,
    user: Reviewer,
    status: Annotated[
        Literal["open", "claimed", "resolved", "escalated", "unresolved"] | None, Query(description="effective status")
    ] = "open",
    kind: Literal["extraction", "precheck"] | None = None,
    customer_id: str | None = None,
    older_than_hours: Annotated[float | None, Query(ge=0, le=876_000)] = None,  # 100 years: a timedelta holds it
    sla_breached: bool | None = None,
    mine: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,  # bounded: the database takes a 64-bit int
) -> TaskList:
    now = _now()
    flt = review.TaskFilter(
        status=status,
        kind=kind,
        customer_id=customer_id,
        older_than_hours=older_than_hours,
        sla_breached=sla_breached,
        claimed_by=user.id if mine else None,
    )
    tasks, total = review.list_tasks(session, flt, limit=limit, offset=offset, now=now)
    return TaskList(tasks=[to_public(t, now=now) for t in tasks], total=total, counts=review.counts(session, now=now))


@router.post("/tasks", status_code=201)
def open_task(body: TaskCreate, session: SessionDep, user: Flagger, settings: SettingsDep) -> TaskPublic:
    task = review.open_task(
        session,
        kind=body.kind,
        document_id=body.document_id,
        check_id=body.check_id,
        field=body.field,
        line=body.line,
        page=body.page,
        bbox=body.bbox,
        priority=body.priority,
        note=body.note,
        actor=user,
        config=settings.review,
    )
    return to_public(task, now=_now())


@router.post("/tasks/claim", responses={204: {"description": "no open task"}}, response_model=TaskPublic)
def claim(
    session: SessionDep,
    user: Reviewer,
    settings: SettingsDep,
    kind: Literal["extraction", "precheck"] | None = None,
) -> Any:
    task = review.claim_next(session, user, kind=kind, config=settings.review)
    if task is None:
        return Response(status_code=204)
    return to_public(task, now=_now(), context=task_context(session, task))


@router.get("/tasks/{task_id}")
def get_task(task_id: str, session: SessionDep, user: Reviewer) -> TaskPublic:
    task = review.get_task(session, task_id)
    return to_public(task, now=_now(), context=task_context(session, task))


@router.post("/tasks/{task_id}/claim")
def claim_task(task_id: str, session: SessionDep, user: Reviewer, settings: SettingsDep) -> TaskPublic:
    task = review.claim_task(session, task_id, user, config=settings.review)
    return to_public(task, now=_now(), context=task_context(session, task))


@router.post("/tasks/{task_id}/resolve")
def resolve(task_id: str, body: Resolve, session: SessionDep, user: Reviewer) -> TaskPublic:
    task = review.resolve(
        session,
        task_id,
        user,
        decision=body.decision,
        corrections=body.corrections,
        reason=body.reason,
        note=body.note,
    )
    return to_public(task, now=_now(), context=task_context(session, task))


@router.post("/tasks/{task_id}/release")
def release(task_id: str, session: SessionDep, user: Reviewer) -> TaskPublic:
    task = review.release(session, task_id, user)
    return to_public(task, now=_now())


@router.post("/tasks/{task_id}/escalate")
def escalate(task_id: str, body: Escalate, session: SessionDep, user: Reviewer) -> TaskPublic:
    task = review.escalate(session, task_id, user, reason=body.reason)
    return to_public(task, now=_now())


@router.get("/reasons")
def reject_reasons(user: Reviewer) -> dict[str, str]:
    """The reason codes a rejection takes."""
    return dict(review.REJECT_REASONS)
