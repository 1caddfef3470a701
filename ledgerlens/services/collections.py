"""Collections work on the database: disputes and credit memos, owners, contacts, promises, paused reminders.

Every change is appended to the audit chain in the same unit of work (who, what, before/after, why). The rules
(reason catalogue, states, approval limit) live in ``risk.disputes``; this module stores and audits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import Forbidden, InvalidInput, NotFound
from ledgerlens.services.auth import Principal
from review import audit
from risk import disputes as rules
from risk import kpis as figures
from store.tables import (
    AuditEntry,
    CheckRecord,
    CollectionAccount,
    CollectionEvent,
    Dispute,
    DocumentRecord,
    PaymentRecord,
    ReviewTask,
)

EVENT_KINDS = ("contact", "promise", "broken_promise")
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class EvidenceFile:
    filename: str
    media_type: str
    content: bytes


def _money(value: Decimal | None) -> str | None:
    """At least two decimals (stored values come back normalised: 1200.00 -> 1.2E+3)."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    return format(value if isinstance(exponent, int) and exponent < -2 else value.quantize(Decimal("0.01")), "f")


# --- disputes ------------------------------------------------------------------------------------------------


def dispute_dict(d: Dispute) -> dict[str, Any]:
    return {
        "dispute_id": d.id,
        "customer_id": d.customer_id,
        "invoice_number": d.invoice_number,
        "reason": d.reason,
        "reason_text": rules.REASONS.get(d.reason, d.reason),
        "amount": _money(d.amount),
        "status": d.status,
        "resolution": d.resolution,
        "credit_amount": _money(d.credit_amount),
        "awaiting_approval": d.proposed,
        "reference": {"document_id": d.reference_document_id, "page": d.reference_page, "check_id": d.check_id},
        "evidence": d.evidence or [],
        "note": d.note,
        "opened_by": d.opened_by,
        "opened_at": d.opened_at.isoformat() if d.opened_at else None,
        "resolved_at": d.resolved_at.isoformat() if d.resolved_at else None,
    }


def _actor(user: Principal) -> str:
    return f"{user.name} ({user.id})"


def _precheck_link(session: Session, customer_id: str, invoice_number: str) -> dict[str, Any]:
    """The invoice's latest pre-send check: its reference document, the pages its findings point at, the findings."""
    check = session.scalars(
        select(CheckRecord)
        .where(CheckRecord.customer_id == customer_id, CheckRecord.invoice_number == invoice_number)
        .order_by(CheckRecord.created_at.desc())
    ).first()
    if check is None:
        return {}
    findings = list((check.response or {}).get("findings", []))
    pages = sorted(
        {f["evidence"]["page"] for f in findings if isinstance(f.get("evidence"), dict) and "page" in f["evidence"]}
    )
    return {
        "check_id": check.id,
        "document_id": check.reference_document_id,
        "page": pages[0] if pages else None,
        "findings": [{k: f.get(k) for k in ("code", "severity", "message", "line", "field")} for f in findings],
    }


def _store_evidence(files_dir: Path, dispute_id: str, files: list[EvidenceFile]) -> list[dict[str, Any]]:
    folder = files_dir / "disputes" / dispute_id
    stored = []
    for n, f in enumerate(files, start=1):
        if not f.content:
            raise InvalidInput(f"evidence file {f.filename!r} is empty")
        if len(f.content) > MAX_EVIDENCE_BYTES:
            raise InvalidInput(f"evidence file {f.filename!r} is over {MAX_EVIDENCE_BYTES // (1024 * 1024)} MiB")
        folder.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(f.content).hexdigest()
        path = folder / f"{n:02d}-{digest[:16]}"
        path.write_bytes(f.content)
        stored.append(
            {"filename": f.filename, "media_type": f.media_type, "sha256": digest, "size_bytes": len(f.content)}
        )
    return stored


def _sync_invoice_flag(session: Session, customer_id: str, invoice_number: str) -> None:
    """PaymentRecord.dispute_open mirrors whether any dispute of the invoice is still active (pauses its reminders)."""
    record = session.scalar(
        select(PaymentRecord).where(
            PaymentRecord.customer_id == customer_id, PaymentRecord.invoice_number == invoice_number
        )
    )
    if record is None:
        return
    active = session.scalars(
        select(Dispute.id).where(
            Dispute.customer_id == customer_id,
            Dispute.invoice_number == invoice_number,
            Dispute.status.in_(rules.ACTIVE),
        )
    ).first()
    record.dispute_open = active is not None


def open_dispute(
    session: Session,
    user: Principal,
    files_dir: Path,
    *,
    customer_id: str,
    invoice_number: str,
    reason: str,
    amount: Decimal,
    note: str | None = None,
    reference_page: int | None = None,
    evidence: list[EvidenceFile] | None = None,
) -> dict[str, Any]:
    rules.check_reason(reason)
    invoice = session.scalar(
        select(PaymentRecord).where(
            PaymentRecord.customer_id == customer_id, PaymentRecord.invoice_number == invoice_number
        )
    )
    link = _precheck_link(session, customer_id, invoice_number)
    if invoice is None and not link:
        raise NotFound(
            f"no invoice {invoice_number!r} of customer {customer_id!r} in the payment history or the pre-send checks",
            customer_id=customer_id,
            invoice_number=invoice_number,
        )
    rules.check_amount(amount, invoice.amount if invoice is not None else None)
    dispute = Dispute(
        customer_id=customer_id,
        invoice_number=invoice_number,
        reason=reason,
        amount=amount,
        status=rules.OPEN,
        note=note,
        opened_by=user.id,
        check_id=link.get("check_id"),
        reference_document_id=link.get("document_id"),
        reference_page=reference_page or link.get("page"),
        evidence=[],
    )
    session.add(dispute)
    session.flush()
    dispute.evidence = _store_evidence(files_dir, dispute.id, evidence or [])
    _sync_invoice_flag(session, customer_id, invoice_number)
    body = dispute_dict(dispute)
    body["precheck_findings"] = link.get("findings", [])
    audit.append(
        session, actor=_actor(user), action="dispute.open", entity_type="dispute", entity_id=dispute.id,
        after={k: body[k] for k in ("customer_id", "invoice_number", "reason", "amount", "status")}, reason=note,
    )  # fmt: skip
    return body


def get_dispute(session: Session, dispute_id: str) -> Dispute:
    dispute = session.get(Dispute, dispute_id)
    if dispute is None:
        raise NotFound(f"no dispute {dispute_id!r}", dispute_id=dispute_id)
    return dispute


def dispute_detail(session: Session, dispute_id: str) -> dict[str, Any]:
    dispute = get_dispute(session, dispute_id)
    body = dispute_dict(dispute)
    body["precheck_findings"] = _precheck_link(session, dispute.customer_id, dispute.invoice_number).get("findings", [])
    body["history"] = [
        audit.entry_to_dict(e)
        for e in session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_type == "dispute", AuditEntry.entity_id == dispute_id)
            .order_by(AuditEntry.id)
        )
    ]
    return body


def list_disputes(
    session: Session, status: str | None = None, customer_id: str | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    query = select(Dispute).order_by(Dispute.opened_at.desc()).limit(limit)
    if status is not None:
        if status not in rules.NEXT:
            raise InvalidInput(f"unknown status {status!r}; use one of {', '.join(rules.NEXT)}")
        query = query.where(Dispute.status == status)
    if customer_id is not None:
        query = query.where(Dispute.customer_id == customer_id)
    return [dispute_dict(d) for d in session.scalars(query)]


def _require_note(note: str | None, what: str) -> str:
    if not note or not note.strip():
        raise InvalidInput(f"say why in 'note' when you {what}")
    return note.strip()


def review_dispute(session: Session, user: Principal, dispute_id: str, note: str | None) -> dict[str, Any]:
    """open -> in_review."""
    dispute = get_dispute(session, dispute_id)
    rules.check_move(dispute.status, rules.IN_REVIEW)
    why = _require_note(note, "start a review")  # checked before anything changes
    before = dispute.status
    dispute.status = rules.IN_REVIEW
    audit.append(
        session, actor=_actor(user), action="dispute.review", entity_type="dispute", entity_id=dispute.id,
        before={"status": before}, after={"status": dispute.status}, reason=why,
    )  # fmt: skip
    return dispute_dict(dispute)


def resolve_dispute(
    session: Session,
    user: Principal,
    dispute_id: str,
    *,
    outcome: str,
    credit_amount: Decimal | None,
    note: str | None,
    approval_above: Decimal,
) -> dict[str, Any]:
    """Resolve with a credit memo or a rejection; a credit memo above ``approval_above`` by a non-admin waits for
    an admin (the dispute stays in review with the proposal)."""
    dispute = get_dispute(session, dispute_id)
    rules.check_move(dispute.status, rules.RESOLVED)
    why = _require_note(note, "resolve a dispute")
    decided = rules.resolution(outcome, credit_amount, dispute.amount, approval_above, by_admin=user.has())
    if decided.needs_approval:
        before = dispute.status
        dispute.status = rules.IN_REVIEW
        dispute.proposed = {
            "resolution": decided.outcome,
            "credit_amount": _money(decided.credit_amount),
            "proposed_by": user.id,
            "note": why,
            "approval_above": format(approval_above, "f"),
        }
        audit.append(
            session, actor=_actor(user), action="dispute.credit_proposed", entity_type="dispute",
            entity_id=dispute.id, before={"status": before}, after=dispute.proposed, reason=why,
        )  # fmt: skip
        return dispute_dict(dispute)
    _close(session, user, dispute, decided.outcome, decided.credit_amount, why, "dispute.resolve")
    return dispute_dict(dispute)


def approve_credit(session: Session, user: Principal, dispute_id: str, note: str | None) -> dict[str, Any]:
    """An admin approves the proposed credit memo (and the dispute is resolved with it)."""
    if not user.has():
        raise Forbidden("only an admin approves a credit memo above the approval limit")
    dispute = get_dispute(session, dispute_id)
    if not dispute.proposed:
        raise InvalidInput("this dispute has no credit memo waiting for approval")
    amount = Decimal(dispute.proposed["credit_amount"])
    _close(
        session,
        user,
        dispute,
        rules.CREDIT_MEMO,
        amount,
        _require_note(note, "approve a credit memo"),
        "dispute.approve",
    )
    return dispute_dict(dispute)


def _close(
    session: Session, user: Principal, dispute: Dispute, outcome: str, amount: Decimal | None, why: str, action: str
) -> None:
    before = {"status": dispute.status, "proposed": dispute.proposed}
    dispute.status = rules.RESOLVED
    dispute.resolution = outcome
    dispute.credit_amount = amount
    dispute.proposed = None
    dispute.resolved_at = datetime.now(UTC)
    _sync_invoice_flag(session, dispute.customer_id, dispute.invoice_number)
    audit.append(
        session, actor=_actor(user), action=action, entity_type="dispute", entity_id=dispute.id, before=before,
        after={"status": dispute.status, "resolution": outcome, "credit_amount": amount}, reason=why,
    )  # fmt: skip


def dispute_openings(session: Session, customers: set[str] | None = None) -> dict[tuple[str, str], date]:
    """(customer, invoice) -> the day its first dispute was opened: the risk features know it from then on."""
    query = select(Dispute.customer_id, Dispute.invoice_number, Dispute.opened_at)
    if customers is not None:
        query = query.where(Dispute.customer_id.in_(customers))
    out: dict[tuple[str, str], date] = {}
    for customer, invoice, opened in session.execute(query):
        day = opened.date()
        key = (customer, invoice)
        out[key] = min(out.get(key, day), day)
    return out


# --- owners, contacts, promises, paused reminders ------------------------------------------------------------


def account(session: Session, customer_id: str) -> CollectionAccount:
    found = session.get(CollectionAccount, customer_id)
    if found is None:
        found = CollectionAccount(customer_id=customer_id, reminders_paused=False)
        session.add(found)
        session.flush()
    return found


def _known_customer(session: Session, customer_id: str) -> None:
    if session.scalar(select(PaymentRecord.id).where(PaymentRecord.customer_id == customer_id).limit(1)) is None:
        raise NotFound(f"no payment history for customer {customer_id!r}", customer_id=customer_id)


def assign_owner(session: Session, user: Principal, customer_id: str, owner: str | None) -> dict[str, Any]:
    _known_customer(session, customer_id)
    acc = account(session, customer_id)
    before = acc.owner
    acc.owner = (owner or "").strip() or None
    _event(session, user, customer_id, "assign", note=f"owner: {acc.owner or 'nobody'}")
    audit.append(
        session, actor=_actor(user), action="collections.assign", entity_type="client", entity_id=customer_id,
        before={"owner": before}, after={"owner": acc.owner},
    )  # fmt: skip
    return account_dict(acc)


def set_reminders_paused(
    session: Session, user: Principal, customer_id: str, paused: bool, note: str | None
) -> dict[str, Any]:
    _known_customer(session, customer_id)
    kind = "pause" if paused else "resume"
    why = _require_note(note, f"{kind} reminders") if paused else (note or None)
    acc = account(session, customer_id)
    before = acc.reminders_paused
    acc.reminders_paused = paused
    _event(session, user, customer_id, kind, note=why)
    audit.append(
        session, actor=_actor(user), action=f"collections.{kind}", entity_type="client", entity_id=customer_id,
        before={"reminders_paused": before}, after={"reminders_paused": paused}, reason=why,
    )  # fmt: skip
    return account_dict(acc)


def log_event(
    session: Session,
    user: Principal,
    customer_id: str,
    kind: str,
    note: str | None = None,
    promise_date: date | None = None,
    promise_amount: Decimal | None = None,
) -> dict[str, Any]:
    """A contact, a promise to pay (date and amount required) or a broken promise."""
    _known_customer(session, customer_id)
    if kind not in EVENT_KINDS:
        raise InvalidInput(f"unknown kind {kind!r}; use one of {', '.join(EVENT_KINDS)}")
    if kind == "promise":
        if promise_date is None or promise_amount is None:
            raise InvalidInput("a promise to pay needs promise_date and promise_amount")
        if promise_amount <= 0:
            raise InvalidInput("promise_amount must be above zero")
    elif promise_date is not None or promise_amount is not None:
        raise InvalidInput(f"a {kind} has no promise_date or promise_amount")
    if kind == "contact":
        _require_note(note, "log a contact")
    event = _event(session, user, customer_id, kind, note, promise_date, promise_amount)
    audit.append(
        session, actor=_actor(user), action=f"collections.{kind}", entity_type="client", entity_id=customer_id,
        after=event_dict(event), reason=note,
    )  # fmt: skip
    return event_dict(event)


def _event(
    session: Session,
    user: Principal,
    customer_id: str,
    kind: str,
    note: str | None = None,
    promise_date: date | None = None,
    promise_amount: Decimal | None = None,
) -> CollectionEvent:
    event = CollectionEvent(
        customer_id=customer_id,
        kind=kind,
        note=note,
        promise_date=promise_date,
        promise_amount=promise_amount,
        created_by=user.name,
        created_at=datetime.now(UTC),
    )
    session.add(event)
    session.flush()
    return event


def account_dict(acc: CollectionAccount | None) -> dict[str, Any]:
    return {"owner": acc.owner if acc else None, "reminders_paused": bool(acc and acc.reminders_paused)}


def event_dict(e: CollectionEvent) -> dict[str, Any]:
    return {
        "kind": e.kind,
        "note": e.note,
        "promise_date": e.promise_date.isoformat() if e.promise_date else None,
        "promise_amount": _money(e.promise_amount),
        "by": e.created_by,
        "at": e.created_at.isoformat() if e.created_at else None,
    }


def accounts(session: Session) -> dict[str, CollectionAccount]:
    return {a.customer_id: a for a in session.scalars(select(CollectionAccount))}


def events(session: Session, customer_id: str, limit: int = 50) -> list[dict[str, Any]]:
    query = (
        select(CollectionEvent)
        .where(CollectionEvent.customer_id == customer_id)
        .order_by(CollectionEvent.created_at.desc(), CollectionEvent.id.desc())
        .limit(limit)
    )
    return [event_dict(e) for e in session.scalars(query)]


# --- KPIs ----------------------------------------------------------------------------------------------------


def kpis(session: Session, start: date, end: date, by_week: bool = False) -> dict[str, Any]:
    """``risk.kpis`` over the database for [start, end]; with ``by_week`` also each week's figures (the trend)."""

    if end < start:
        raise InvalidInput("'to' is before 'from'")
    if (end - start).days > 3 * 366:
        raise InvalidInput("ask for at most three years at a time")
    disputed = set(dispute_openings(session))
    invoices = [
        figures.Invoice(r.invoice_date, r.due_date, r.amount, r.settled_date,
                        r.disputed or (r.customer_id, r.invoice_number) in disputed)
        for r in session.scalars(select(PaymentRecord).where(PaymentRecord.invoice_date <= end))
    ]  # fmt: skip
    t0 = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
    tasks = list(session.scalars(select(ReviewTask).where(ReviewTask.created_at >= t0)))
    reviewed_checks = {t.check_id for t in tasks if t.check_id}
    reviewed_docs = {t.document_id for t in tasks if t.document_id and t.kind == "extraction"}
    checks = [
        figures.Check(
            c.created_at,
            c.verdict,
            tuple(
                f.get("code", "")
                for f in (c.response or {}).get("findings", [])
                if f.get("severity") in ("warning", "error")
            ),
            c.id in reviewed_checks,
        )
        for c in session.scalars(select(CheckRecord).where(CheckRecord.created_at >= t0))
    ]
    documents = [
        figures.Document(d.created_at, d.id in reviewed_docs)
        for d in session.scalars(select(DocumentRecord).where(DocumentRecord.created_at >= t0))
    ]
    review_tasks = [figures.Task(t.created_at, t.resolved_at, t.sla_due_at) for t in tasks]
    out = figures.compute(start, end, invoices, checks, review_tasks, documents)
    if by_week:
        out["weeks"] = [
            figures.compute(a, b, invoices, checks, review_tasks, documents) for a, b in figures.weeks(start, end)
        ]
    return out
