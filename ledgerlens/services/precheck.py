"""The pre-send check as a unit of work: find the reference, run the matcher, keep the result."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import Conflict, NotFound
from core.settings import Settings
from extraction.result import Extraction
from ledgerlens.services.documents import find_reference
from matching import precheck
from matching.precheck import norm_id
from matching.types import DraftInvoice, Policy, Reference
from store.tables import CheckRecord, Customer, DocumentRecord, IdempotencyRecord, new_id

EARLIER_LIMIT = 20000  # a customer's newest checks looked at for duplicates and cumulative quantities


def _canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)


def fingerprint(invoice: DraftInvoice) -> str:
    """Customer + amount + lines: the same invoice under a new number has the same fingerprint."""
    lines = sorted(
        (
            " ".join(line.description.lower().split()),
            format(line.quantity.normalize(), "f"),
            format(line.amount.normalize(), "f"),
        )
        for line in invoice.lines
    )
    return hashlib.sha256(
        _canonical({"c": invoice.customer_id, "t": format(invoice.total.normalize(), "f"), "l": lines}).encode()
    ).hexdigest()


def policy_for(session: Session, settings: Settings, customer_id: str) -> Policy:
    default = settings.policy
    row = session.get(Customer, customer_id)

    if row is None:
        return Policy(
            requires_po=default.requires_po,
            price_tolerance_pct=default.price_tolerance_pct,
            price_tolerance_abs=default.price_tolerance_abs,
            quantity_tolerance_pct=default.quantity_tolerance_pct,
        )

    def pick(own: Decimal | None, fallback: Decimal) -> Decimal:
        return fallback if own is None else own

    return Policy(
        requires_po=row.requires_po,
        price_tolerance_pct=pick(row.price_tolerance_pct, default.price_tolerance_pct),
        price_tolerance_abs=pick(row.price_tolerance_abs, default.price_tolerance_abs),
        quantity_tolerance_pct=pick(row.quantity_tolerance_pct, default.quantity_tolerance_pct),
    )


def _has_documents(session: Session, customer_id: str) -> bool:
    return (
        session.scalar(select(DocumentRecord.id).where(DocumentRecord.customer_id == customer_id).limit(1)) is not None
    )


def _earlier_invoices(session: Session, invoice: DraftInvoice, reference: Reference | None) -> list[DraftInvoice]:
    """Earlier checks the matcher can use: same number (duplicate), same total (look-alike) or same PO or contract
    (quantities already billed). A failed check was not sent, so it does not count. Only the few that qualify are
    loaded whole: a customer with thousands of invoices must not slow every check down."""
    numbers = {norm_id(invoice.po_number), norm_id(invoice.contract_number)}
    if reference is not None:
        numbers |= {norm_id(reference.extraction.value(k)) for k in ("po_number", "contract_number")}
    numbers.discard("")
    own_number = norm_id(invoice.invoice_number)
    candidates = session.execute(
        select(
            CheckRecord.id,
            CheckRecord.invoice_number,
            CheckRecord.po_number,
            CheckRecord.contract_number,
            CheckRecord.total,
        )
        .where(CheckRecord.customer_id == invoice.customer_id, CheckRecord.verdict != "fail")
        .order_by(CheckRecord.created_at.desc())
        .limit(EARLIER_LIMIT)
    ).all()
    wanted = [
        row.id
        for row in candidates
        if norm_id(row.invoice_number) == own_number
        or row.total == invoice.total
        or {norm_id(row.po_number), norm_id(row.contract_number)} & numbers
    ]
    if not wanted:
        return []
    rows = session.scalars(select(CheckRecord.request).where(CheckRecord.id.in_(wanted)))
    return [DraftInvoice.model_validate(row) for row in rows]


def run_check(
    session: Session,
    settings: Settings,
    body: dict[str, Any],
    principal_id: str | None = None,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Check a draft invoice (already validated against the request schema) and return the response body."""
    request_hash = hashlib.sha256(_canonical(body).encode()).hexdigest()
    principal = principal_id or "anonymous"
    if idempotency_key:
        seen = session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.principal == principal, IdempotencyRecord.key == idempotency_key
            )
        )
        if seen is not None:
            if seen.request_hash != request_hash:
                raise Conflict(
                    "this Idempotency-Key was already used with a different request body; "
                    "use a new key for a new request"
                )
            stored = session.get(CheckRecord, seen.check_id)
            assert stored is not None
            return stored.response

    invoice = DraftInvoice.model_validate(body)
    found = find_reference(session, invoice.customer_id, invoice.po_number, invoice.contract_number)
    reference = None
    if found is not None and found.extraction is not None:
        reference = Reference(found.id, Extraction.from_contract(found.extraction), closed=found.closed)
    result = precheck(
        invoice,
        reference,
        _earlier_invoices(session, invoice, reference),
        policy_for(session, settings, invoice.customer_id),
        # Without any number to look for and no document on file, a missing reference is for a person to judge.
        known_references_exist=bool(invoice.po_number or invoice.contract_number)
        or _has_documents(session, invoice.customer_id),
    )

    check_id = new_id()
    record = CheckRecord(
        id=check_id,
        invoice_number=invoice.invoice_number,
        customer_id=invoice.customer_id,
        po_number=invoice.po_number,
        contract_number=invoice.contract_number,
        reference_document_id=reference.document_id if reference else None,
        total=invoice.total,
        currency=invoice.currency,
        issue_date=invoice.issue_date,
        fingerprint=fingerprint(invoice),
        verdict=result.verdict,
        request=json.loads(invoice.model_dump_json()),
        response=result.to_contract(check_id),
        created_by=principal_id,
    )
    session.add(record)
    session.flush()  # the review task points at a stored check
    if result.verdict == "review":
        record.review_task_id = _open_precheck_task(session, settings, check_id, invoice, record.response)
        record.response = result.to_contract(check_id, record.review_task_id)
    if idempotency_key:
        session.add(
            IdempotencyRecord(principal=principal, key=idempotency_key, request_hash=request_hash, check_id=check_id)
        )
    session.flush()
    return record.response


def _open_precheck_task(
    session: Session, settings: Settings, check_id: str, invoice: DraftInvoice, response: dict[str, Any]
) -> str | None:
    try:
        from review import open_task
    except ImportError:
        return None
    task = open_task(
        session,
        kind="precheck",
        check_id=check_id,
        customer_id=invoice.customer_id,
        payload={"invoice_number": invoice.invoice_number, "findings": response["findings"]},
        priority=70,
        config=settings.review,
    )
    return task.id


def get_check(session: Session, check_id: str) -> dict[str, Any]:
    record = session.get(CheckRecord, check_id)
    if record is None:
        raise NotFound(f"no pre-send check {check_id!r}")
    return record.response
