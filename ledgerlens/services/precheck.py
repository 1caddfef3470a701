"""The pre-send check as a unit of work: find the reference, run the matcher, keep the result."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import Conflict, InvalidInput, LedgerLensError, NotFound
from core.settings import Settings
from extraction.result import Extraction, LineItem
from ledgerlens import metrics
from ledgerlens.services import lookup
from matching import precheck
from matching.align import LineAligner
from matching.types import DraftInvoice, InvoiceLine, LineMatch, Policy, Reference
from review import open_task
from store.tables import CheckRecord, Customer, IdempotencyRecord, new_id


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


def run_check(
    session: Session,
    settings: Settings,
    body: dict[str, Any] | DraftInvoice,
    principal_id: str | None = None,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Check a draft invoice (a request body, or one the API already validated) and return the response body.

    With an Idempotency-Key, the same key and body give the stored result again; the same key with another
    body is a Conflict."""
    started = time.perf_counter()
    invoice = body if isinstance(body, DraftInvoice) else DraftInvoice.model_validate(body)
    principal = principal_id or "anonymous"
    request_hash = ""
    if idempotency_key:
        request_hash = hashlib.sha256(_canonical(invoice.model_dump(mode="json")).encode()).hexdigest()
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

    found = lookup.find_reference(session, invoice.customer_id, invoice.po_number, invoice.contract_number)
    reference, aligner = None, None
    parsed = _parsed(session, found) if found is not None else None
    if found is not None and parsed is not None:
        extraction, aligner = parsed
        reference = Reference(found.id, extraction, closed=found.closed)
    content = fingerprint(invoice)
    earlier, failed = lookup.earlier_checks(
        session,
        invoice,
        content,
        reference.document_id if reference else None,
        [reference.extraction.value(k) for k in ("po_number", "contract_number")] if reference else (),
    )
    result = precheck(
        invoice,
        reference,
        earlier,
        policy_for(session, settings, invoice.customer_id),
        # Without any number to look for and no document on file, a missing reference is for a person to judge.
        known_references_exist=bool(invoice.po_number or invoice.contract_number)
        or found is not None
        or lookup.has_documents(session, invoice.customer_id),
        aligner=aligner,
        failed=failed,
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
        fingerprint=content,
        **lookup.check_keys(invoice),
        verdict=result.verdict,
        request=invoice.model_dump(mode="json"),
        response=result.to_contract(check_id),
        created_by=principal_id,
    )
    session.add(record)
    if result.verdict == "review":
        session.flush()  # the review task points at a stored check
        record.review_task_id = _open_precheck_task(session, settings, check_id, invoice, record.response)
        record.response = result.to_contract(check_id, record.review_task_id)
    if idempotency_key:
        session.add(
            IdempotencyRecord(principal=principal, key=idempotency_key, request_hash=request_hash, check_id=check_id)
        )
    session.flush()
    metrics.record_precheck(record.response, time.perf_counter() - started)
    return record.response


class _RememberingAligner(LineAligner):
    """The default aligner for one cached reference, remembering how each earlier invoice's lines aligned with
    it: counting quantities already billed re-aligns every earlier invoice on the PO at every check, and the
    answer never changes while the reference does not."""

    _MAX = 4096

    def __init__(self) -> None:
        super().__init__()
        self._memo: OrderedDict[int, tuple[Sequence[InvoiceLine], Sequence[LineItem], list[LineMatch]]] = OrderedDict()
        self._lock = threading.Lock()

    def align(self, lines: Sequence[InvoiceLine], items: Sequence[LineItem]) -> list[LineMatch]:
        # Earlier invoices come from lookup's cache, so the same lines arrive as the same list object.
        key = id(lines)
        with self._lock:
            hit = self._memo.get(key)
            if hit is not None and hit[0] is lines and hit[1] is items:
                self._memo.move_to_end(key)
                matches = hit[2]
            else:
                hit = None
        if hit is None:
            matches = super().align(lines, items)
            with self._lock:
                self._memo[key] = (lines, items, matches)
                while len(self._memo) > self._MAX:
                    self._memo.popitem(last=False)
        return [LineMatch(m.invoice_line, m.reference_line, m.score) for m in matches]  # callers may change theirs


# Parsed references by (document id, last change), each with its aligner: a billing run checks many invoices
# against one PO, and parsing its extraction again for each is waste. Bounded; a changed document gets a new key.
_PARSED: OrderedDict[tuple[str, Any], tuple[Extraction, LineAligner]] = OrderedDict()
_PARSED_MAX = 256
_PARSED_LOCK = threading.Lock()


def _parsed(session: Session, found: lookup.FoundReference) -> tuple[Extraction, LineAligner] | None:
    """The reference's parsed extraction and aligner; None when the document has no extraction."""
    key = (found.id, found.updated_at)
    with _PARSED_LOCK:
        entry = _PARSED.get(key)
        if entry is not None:
            _PARSED.move_to_end(key)
            return entry
    body = lookup.reference_extraction(session, found.id)
    if body is None:
        return None
    entry = (Extraction.from_contract(body), _RememberingAligner())
    with _PARSED_LOCK:
        entry = _PARSED.setdefault(key, entry)
        while len(_PARSED) > _PARSED_MAX:
            _PARSED.popitem(last=False)
    return entry


BATCH_LIMIT = 1000  # drafts in one batch: a month-end run is sent in parts of this size
PROBLEM_TYPES = "https://ledgerlens.dev/problems/"


class BatchTooLarge(LedgerLensError):
    status = 413
    title = "Content too large"


def run_batch(
    session: Session,
    settings: Settings,
    drafts: Sequence[object],
    principal_id: str | None = None,
    idempotency_key: str | None = None,
) -> list[dict[str, Any]]:
    """Check drafts in order, one result each, as if sent one by one: each sees the ones before it (duplicates,
    quantities already billed). Draft i of a batch sent with an Idempotency-Key K is idempotent under "K/i". A
    draft that is invalid or reuses a key gets ``{"error": <problem>}`` in its place; the others are checked."""
    if len(drafts) > BATCH_LIMIT:
        raise BatchTooLarge(
            f"a batch holds at most {BATCH_LIMIT} drafts; this one has {len(drafts)}: send it in parts",
            limit=BATCH_LIMIT,
        )
    results = []
    for i, draft in enumerate(drafts):
        try:
            if not isinstance(draft, dict):
                raise InvalidInput(f"draft {i} is a JSON {type(draft).__name__}, not an object")
            key = f"{idempotency_key}/{i}" if idempotency_key else None
            results.append(run_check(session, settings, draft, principal_id, key))
        except (ValidationError, LedgerLensError) as exc:
            results.append({"error": item_problem(exc)})
    return results


def item_problem(exc: ValidationError | LedgerLensError) -> dict[str, Any]:
    """The RFC 9457 problem for one draft of a batch: what a single check of it would have answered."""
    if isinstance(exc, LedgerLensError):
        return {
            "type": PROBLEM_TYPES + exc.title.lower().replace(" ", "-"),
            "title": exc.title,
            "status": exc.status,
            "detail": exc.detail,
        }
    errors = [
        {"loc": [str(p) for p in err.get("loc", ())], "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]
    where = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
    return {
        "type": PROBLEM_TYPES + "invalid-request",
        "title": "Invalid request",
        "status": 422,
        "detail": f"the draft does not match the schema: {where}",
        "errors": errors,
    }


def _open_precheck_task(
    session: Session, settings: Settings, check_id: str, invoice: DraftInvoice, response: dict[str, Any]
) -> str | None:
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
