from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from api.deps import SessionDep, require_roles
from core.errors import InvalidInput
from ledgerlens.services import risk
from ledgerlens.services.auth import Principal

router = APIRouter(tags=["client risk"])

Collections = Annotated[Principal, Depends(require_roles("collections"))]
MAX_PAYMENT_UPLOAD = 20 * 1024 * 1024


@router.post("/v1/payments")
async def record_payments(request: Request, session: SessionDep, user: Collections) -> dict[str, Any]:
    """Invoice/payment history rows: a JSON list, a CSV body (text/csv) or a CSV upload (multipart `file`)."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise InvalidInput("send the CSV as the multipart field 'file'")
        text = (await upload.read(MAX_PAYMENT_UPLOAD + 1)).decode("utf-8-sig", errors="replace")
        result = risk.record_payments_csv(session, text)
    elif content_type.startswith(("text/csv", "text/plain", "application/csv")):
        body = await request.body()
        result = risk.record_payments_csv(session, body[: MAX_PAYMENT_UPLOAD + 1].decode("utf-8-sig", errors="replace"))
    else:
        try:
            rows = await request.json()
        except ValueError as exc:
            raise InvalidInput(f"the body is not valid JSON ({exc}); send a JSON list of rows or a CSV") from exc
        if isinstance(rows, dict) and isinstance(rows.get("rows"), list):
            rows = rows["rows"]
        if not isinstance(rows, list):
            raise InvalidInput("send a JSON list of invoice/payment rows (or {'rows': [...]}), or a CSV")
        result = risk.record_payments(session, rows)
    body = result.as_dict()
    if result.accepted + result.updated == 0 and result.errors:
        raise InvalidInput(f"none of the {len(result.errors)} rows could be recorded", errors=result.errors)
    return body


@router.get("/v1/clients/{customer_id}/risk")
def client_risk(
    customer_id: str,
    session: SessionDep,
    user: Collections,
    as_of: Annotated[date | None, Query(description="score as of this day (default today)")] = None,
) -> dict[str, Any]:
    return risk.client_risk(session, customer_id, as_of or date.today())


@router.get("/v1/risk")
def worklist(
    session: SessionDep,
    user: Collections,
    order: Annotated[
        str, Query(description="expected_overdue (default), probability, open_amount or overdue_amount")
    ] = ("expected_overdue"),
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    as_of: Annotated[date | None, Query()] = None,
) -> dict[str, Any]:
    items = risk.worklist(session, as_of or date.today(), order=order, limit=limit)
    return {"order": order, "count": len(items), "items": items}
