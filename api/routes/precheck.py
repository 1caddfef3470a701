from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Body, Depends, Header
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.deps import SessionDep, SettingsDep, require_roles
from ledgerlens.services import precheck
from ledgerlens.services.auth import Principal
from matching.types import DraftInvoice

router = APIRouter(prefix="/v1/precheck", tags=["pre-send check"])

Billing = Annotated[Principal, Depends(require_roles("billing"))]
IdempotencyKey = Annotated[str | None, Header(max_length=200)]
BatchIdempotencyKey = Annotated[str | None, Header(max_length=195)]  # leaves room for "/999"
T = TypeVar("T")


class BatchRequest(BaseModel):
    invoices: list[dict[str, Any]] = Field(
        min_length=1,
        description=f"up to {precheck.BATCH_LIMIT} draft invoices (precheck-request.schema.json each), checked "
        "in order as if sent one by one",
    )


class BatchResponse(BaseModel):
    results: list[dict[str, Any]] = Field(
        description="one per draft, in order: a precheck-response.schema.json body, or {'error': <problem>} for a "
        "draft that could not be checked"
    )


def _committed(session: Session, work: Callable[[], T]) -> T:
    try:
        result = work()
        session.commit()
    except IntegrityError:
        # Two requests raced with the same Idempotency-Key: the first one's result stands.
        session.rollback()
        result = work()
        session.commit()
    return result


@router.post("")
def run_precheck(
    invoice: Annotated[DraftInvoice, Body()],
    session: SessionDep,
    settings: SettingsDep,
    user: Billing,
    idempotency_key: IdempotencyKey = None,
) -> dict[str, Any]:
    return _committed(session, lambda: precheck.run_check(session, settings, invoice, user.id, idempotency_key))


@router.post(
    "/batch",
    response_model=BatchResponse,
    responses={413: {"description": f"more than {precheck.BATCH_LIMIT} drafts"}},
)
def run_precheck_batch(
    batch: BatchRequest,
    session: SessionDep,
    settings: SettingsDep,
    user: Billing,
    idempotency_key: BatchIdempotencyKey = None,
) -> dict[str, Any]:
    """A billing run's drafts in one call: one result each, in order, same semantics as one by one (an
    Idempotency-Key K makes draft i idempotent under "K/i")."""
    results = _committed(
        session, lambda: precheck.run_batch(session, settings, batch.invoices, user.id, idempotency_key)
    )
    return {"results": results}


@router.get("/{check_id}")
def read_check(check_id: str, session: SessionDep, user: Billing) -> dict[str, Any]:
    return precheck.get_check(session, check_id)
