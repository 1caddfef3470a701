"""Collections actions on a client (owner, contacts, promises, paused reminders), the worklist as CSV, the KPIs."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import SessionDep, require_roles
from core.errors import InvalidInput
from ledgerlens.services import collections, risk
from ledgerlens.services.auth import Principal

router = APIRouter(tags=["collections"])

Collections = Annotated[Principal, Depends(require_roles("collections"))]
Analyst = Annotated[Principal, Depends(require_roles("collections", "reviewer"))]  # people, not billing systems
CSV_COLUMNS = [
    "customer_id",
    "owner",
    "probability_late",
    "risk_band",
    "open_amount",
    "overdue_amount",
    "expected_overdue_amount",
    "open_invoices",
    "overdue_invoices",
    "next_reminder",
    "reminders_paused",
    "reasons",
]


class OwnerBody(BaseModel):
    owner: str | None = Field(None, max_length=200, description="who chases this client (empty: nobody)")


class EventBody(BaseModel):
    kind: str = Field(description="contact, promise or broken_promise")
    note: str | None = Field(None, max_length=5000)
    promise_date: date | None = None
    promise_amount: Decimal | None = None


class RemindersBody(BaseModel):
    paused: bool
    note: str | None = Field(None, max_length=5000, description="why (required to pause)")


@router.put("/v1/clients/{customer_id}/owner")
def assign_owner(customer_id: str, body: OwnerBody, session: SessionDep, user: Collections) -> dict[str, Any]:
    return collections.assign_owner(session, user, customer_id, body.owner)


@router.post("/v1/clients/{customer_id}/events", status_code=201)
def log_event(customer_id: str, body: EventBody, session: SessionDep, user: Collections) -> dict[str, Any]:
    return collections.log_event(session, user, customer_id, **body.model_dump())


@router.get("/v1/clients/{customer_id}/events")
def list_events(customer_id: str, session: SessionDep, user: Collections) -> dict[str, Any]:
    items = collections.events(session, customer_id)
    return {"count": len(items), "items": items}


@router.put("/v1/clients/{customer_id}/reminders")
def set_reminders(customer_id: str, body: RemindersBody, session: SessionDep, user: Collections) -> dict[str, Any]:
    return collections.set_reminders_paused(session, user, customer_id, body.paused, body.note)


def worklist_csv(items: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for item in items:
        reasons = "; ".join(r["text"] for r in item["reasons"] if r.get("direction") == "raises")
        writer.writerow({**item, "reasons": reasons})
    return out.getvalue()


class CSVResponse(Response):
    media_type = "text/csv"


@router.get(
    "/v1/risk.csv",
    response_class=CSVResponse,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "the worklist"}},
)
def export_worklist(
    session: SessionDep,
    user: Collections,
    as_of: Annotated[date | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=10000)] = 1000,
) -> Response:
    """The worklist (riskiest exposure first) as CSV."""
    items = risk.worklist(session, as_of or date.today(), limit=limit)
    return CSVResponse(
        worklist_csv(items),
        headers={"Content-Disposition": 'attachment; filename="worklist.csv"'},
    )


EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)


@router.get("/v1/kpis")
def kpis(
    session: SessionDep,
    user: Analyst,
    start: Annotated[date | None, Query(alias="from", description="first day (default 12 weeks ago)")] = None,
    end: Annotated[date | None, Query(alias="to", description="last day (default today)")] = None,
    by_week: Annotated[bool, Query(description="also each week's figures")] = False,
) -> dict[str, Any]:
    end = _in_range(end or date.today())
    start = _in_range(start or end - timedelta(weeks=12))
    return collections.kpis(session, start, end, by_week=by_week)


def _in_range(day: date) -> date:
    if not EARLIEST <= day <= LATEST:  # week arithmetic near date.min or date.max overflows
        raise InvalidInput(f"dates must lie between {EARLIEST} and {LATEST}; got {day}")
    return day
