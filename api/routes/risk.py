from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from api.deps import SessionDep, SettingsDep, read_upload, require_roles
from core.errors import ContentTooLarge, InvalidInput
from ledgerlens.services import risk
from ledgerlens.services.auth import Principal

router = APIRouter(tags=["client risk"])

Collections = Annotated[Principal, Depends(require_roles("collections"))]


def _csv_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Replacing the bad bytes would store a customer id or amount that nobody sent.
        raise InvalidInput(f"the CSV is not UTF-8 (byte {exc.start}); save it as UTF-8 and send it again") from exc


@router.post("/v1/payments")
async def record_payments(
    request: Request, session: SessionDep, settings: SettingsDep, user: Collections
) -> dict[str, Any]:
    """Invoice/payment history rows: a JSON list, a CSV body (text/csv) or a CSV upload (multipart `file`).
    A body over the upload limit is refused whole (413): a cut last row would be stored wrong."""
    content_type = request.headers.get("content-type", "")
    limit = settings.uploads.max_bytes
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise InvalidInput("send the CSV as the multipart field 'file'")
        text = _csv_text(await read_upload(upload, limit, "CSV"))
        result = await run_in_threadpool(risk.record_payments_csv, session, text)
    elif content_type.startswith(("text/csv", "text/plain", "application/csv")):
        body = await request.body()
        if len(body) > limit:
            raise ContentTooLarge(f"the CSV is larger than the limit of {limit} bytes; send it in parts")
        result = await run_in_threadpool(risk.record_payments_csv, session, _csv_text(body))
    else:
        try:
            rows = await request.json()
        except ValueError as exc:
            raise InvalidInput(f"the body is not valid JSON ({exc}); send a JSON list of rows or a CSV") from exc
        if isinstance(rows, dict) and isinstance(rows.get("rows"), list):
            rows = rows["rows"]
        if not isinstance(rows, list):
            raise InvalidInput("send a JSON list of invoice/payment rows (or {'rows': [...]}), or a CSV")
        result = await run_in_threadpool(risk.record_payments, session, rows)
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
