from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header
from sqlalchemy.exc import IntegrityError

from api.deps import SessionDep, SettingsDep, require_roles
from ledgerlens.services import precheck
from ledgerlens.services.auth import Principal
from matching.types import DraftInvoice

router = APIRouter(prefix="/v1/precheck", tags=["pre-send check"])

Billing = Annotated[Principal, Depends(require_roles("billing"))]


@router.post("")
def run_precheck(
    invoice: Annotated[DraftInvoice, Body()],
    session: SessionDep,
    settings: SettingsDep,
    user: Billing,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> dict[str, Any]:
    body = invoice.model_dump(mode="json")
    try:
        response = precheck.run_check(session, settings, body, user.id, idempotency_key)
        session.commit()
    except IntegrityError:
        # Two requests raced with the same Idempotency-Key: the first one's result stands.
        session.rollback()
        response = precheck.run_check(session, settings, body, user.id, idempotency_key)
    return response


@router.get("/{check_id}")
def read_check(check_id: str, session: SessionDep, user: Billing) -> dict[str, Any]:
    return precheck.get_check(session, check_id)
