"""Disputes and credit memos (HTTP only; rules in risk.disputes, storage and audit in services.collections)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field, ValidationError

from api.deps import SessionDep, SettingsDep, require_roles
from core.errors import InvalidInput
from ledgerlens.services import collections
from ledgerlens.services.auth import Principal
from risk.disputes import REASONS

router = APIRouter(tags=["disputes"])

Collections = Annotated[Principal, Depends(require_roles("collections"))]
Admin = Annotated[Principal, Depends(require_roles())]
MAX_EVIDENCE_FILES = 10


class DisputeCreate(BaseModel):
    customer_id: str = Field(min_length=1, max_length=100)
    invoice_number: str = Field(min_length=1, max_length=100)
    reason: str = Field(description="one of GET /v1/disputes/reasons")
    amount: Decimal = Field(description="the disputed amount (a decimal string)")
    note: str | None = Field(None, max_length=5000)
    reference_page: int | None = Field(None, ge=1, description="the reference document's page the dispute is about")


class DisputeNote(BaseModel):
    note: str = Field(min_length=1, max_length=5000, description="why")


class DisputeResolve(DisputeNote):
    resolution: str = Field(description="credit_memo or rejected")
    credit_amount: Decimal | None = Field(None, description="with credit_memo: the credit (a decimal string)")


async def _create_body(request: Request) -> tuple[DisputeCreate, list[collections.EvidenceFile]]:
    files: list[collections.EvidenceFile] = []
    try:
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            form = await request.form()
            fields = {k: v for k, v in form.items() if isinstance(v, str) and v != ""}
            for upload in form.getlist("evidence"):
                if isinstance(upload, str):
                    raise InvalidInput("send evidence as files in the multipart field 'evidence'")
                files.append(
                    collections.EvidenceFile(
                        upload.filename or "evidence",
                        upload.content_type or "application/octet-stream",
                        await upload.read(collections.MAX_EVIDENCE_BYTES + 1),
                    )
                )
            body = DisputeCreate.model_validate(fields)
        else:
            body = DisputeCreate.model_validate_json(await request.body())
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors())
        raise InvalidInput(f"the dispute is not valid: {problems}") from None
    if len(files) > MAX_EVIDENCE_FILES:
        raise InvalidInput(f"at most {MAX_EVIDENCE_FILES} evidence files")
    return body, files


@router.post("/v1/disputes", status_code=201)
async def open_dispute(
    request: Request, session: SessionDep, settings: SettingsDep, user: Collections
) -> dict[str, Any]:
    """Open a dispute (JSON, or multipart with the same fields and `evidence` files): 201 with status `open`."""
    body, files = await _create_body(request)
    return collections.open_dispute(session, user, settings.files_dir, evidence=files, **body.model_dump())


@router.get("/v1/disputes/reasons")
def reasons(user: Collections) -> dict[str, str]:
    return REASONS


@router.get("/v1/disputes")
def list_disputes(
    session: SessionDep,
    user: Collections,
    status: Annotated[str | None, Query(description="open, in_review or resolved")] = None,
    customer_id: Annotated[str | None, Query()] = None,
) -> dict[str, Any]:
    items = collections.list_disputes(session, status=status, customer_id=customer_id)
    return {"count": len(items), "items": items}


@router.get("/v1/disputes/{dispute_id}")
def get_dispute(dispute_id: str, session: SessionDep, user: Collections) -> dict[str, Any]:
    """The dispute, its pre-send findings and its history from the audit chain."""
    return collections.dispute_detail(session, dispute_id)


@router.post("/v1/disputes/{dispute_id}/review")
def review_dispute(dispute_id: str, body: DisputeNote, session: SessionDep, user: Collections) -> dict[str, Any]:
    return collections.review_dispute(session, user, dispute_id, body.note)


@router.post("/v1/disputes/{dispute_id}/resolve")
def resolve_dispute(
    dispute_id: str, body: DisputeResolve, session: SessionDep, settings: SettingsDep, user: Collections
) -> dict[str, Any]:
    """Resolve with `credit_memo` (and `credit_amount`) or `rejected`; a credit memo above the approval limit by
    someone who is not an admin stays in review, awaiting an admin's approval."""
    return collections.resolve_dispute(
        session,
        user,
        dispute_id,
        outcome=body.resolution,
        credit_amount=body.credit_amount,
        note=body.note,
        approval_above=settings.collections.credit_memo_approval_above,
    )


@router.post("/v1/disputes/{dispute_id}/approve")
def approve_credit(dispute_id: str, body: DisputeNote, session: SessionDep, user: Admin) -> dict[str, Any]:
    return collections.approve_credit(session, user, dispute_id, body.note)
