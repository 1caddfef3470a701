"""Client risk orchestration: payment history in the database -> scores, reasons, reminder plans, worklist.

The model is the MLflow champion (loaded once per process); with none registered, the model shipped in
``artifacts/risk`` (trained on the IBM receivables history by ``ledgerlens risk train --artifact``).
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import InvalidInput, NotFound
from core.settings import get_settings
from ledgerlens.services import collections as collections_service
from models.registry import tracking_uri
from risk.history import HistoryRow, RowIssue, canonical_columns, parse_records
from risk.reminders import invoice_reminders, reminder_plan
from risk.worklist import ORDERS, exposure, order_worklist
from store.tables import CollectionAccount, PaymentRecord

REASONS_PER_SCORE = 3

_model_lock = threading.Lock()
_model_cache: dict[str, tuple[Any, str]] = {}


class UnknownCustomer(NotFound, LookupError):
    """No payment history for this customer."""


@dataclass
class RecordResult:
    accepted: int = 0  # new invoices stored
    updated: int = 0  # invoices already known, replaced by the new row
    errors: list[dict[str, Any]] = field(default_factory=list)  # rows not stored: {row, message, field}
    warnings: list[dict[str, Any]] = field(default_factory=list)  # rows stored with a field left empty

    def as_dict(self) -> dict[str, Any]:
        return {"accepted": self.accepted, "updated": self.updated, "errors": self.errors, "warnings": self.warnings}


# --- the model ---------------------------------------------------------------------------------------------


def get_risk_model(data_dir: Path | None = None) -> tuple[Any, str]:
    """(model, version label): the registry's champion, else the model shipped in ``artifacts/risk``. Loaded once
    per process; nothing is trained while serving."""
    # models.risk loads scikit-learn (seconds): only when the risk model is first needed
    from models.risk import load_artifact, load_champion

    if data_dir is None:
        data_dir = get_settings().data_dir
    uri = tracking_uri(data_dir)
    with _model_lock:
        if uri not in _model_cache:
            _model_cache[uri] = load_champion(data_dir) or load_artifact()
        return _model_cache[uri]


def reset_risk_model_cache() -> None:
    """Forget the loaded model (after registering a new champion, and in tests)."""
    with _model_lock:
        _model_cache.clear()


# --- scoring from history rows (no database) ---------------------------------------------------------------


def assess_history(
    rows: Sequence[HistoryRow],
    today: date,
    customers: Iterable[str] | None = None,
    model: Any = None,
    version: str | None = None,
    collections: dict[str, dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Risk of each customer's next invoice as of ``today`` (risk.schema.json plus extras), riskiest exposure first.
    ``collections``: per customer its owner and whether collections paused its reminders."""
    # pandas and scikit-learn: seconds to import, only when risk is scored
    import pandas as pd

    from models.risk import risk_band
    from models.risk_features import FEATURE_NAMES, history_frame, next_invoice_frame, point_in_time_features

    if model is None:
        model, version = get_risk_model()
    known_rows = [r for r in rows if r.invoice_date <= today]  # nothing issued after today exists yet
    history = history_frame(known_rows)
    wanted = list(dict.fromkeys(customers)) if customers is not None else sorted({r.customer_id for r in known_rows})
    wanted = [c for c in wanted if (history["customer_id"] == c).any()]
    if not wanted:
        return []
    invoices = pd.concat([next_invoice_frame(history, c, today) for c in wanted], ignore_index=True)
    features = point_in_time_features(history, invoices)
    X = features[FEATURE_NAMES]
    probabilities = model.predict_proba(X)[:, 1]
    days = model.predict_days_late(X)
    reasons = model.reasons(features, top=REASONS_PER_SCORE)
    by_customer: dict[str, list[HistoryRow]] = {}
    for r in known_rows:
        by_customer.setdefault(r.customer_id, []).append(r)
    out = []
    for i, customer in enumerate(wanted):
        p = round(float(probabilities[i]), 4)  # the figure shown is the figure used below
        exp = exposure(by_customer[customer], today)
        plan = reminder_plan(p, dispute_open=exp.dispute_open, unanswered_reminders=exp.unanswered_reminders)
        state = (collections or {}).get(customer, {})
        open_rows = [r for r in by_customer[customer] if r.settled_date is None or r.settled_date > today]
        invoices = invoice_reminders(
            plan,
            [(r.invoice_number, r.due_date) for r in sorted(open_rows, key=lambda r: r.due_date or today)],
            today,
            disputed={r.invoice_number for r in open_rows if r.dispute_open},
            client_paused=bool(state.get("reminders_paused")),
        )
        out.append(
            {
                "customer_id": customer,
                "probability_late": p,
                "expected_days_late": round(float(days[i]), 1),
                "risk_band": risk_band(p),
                "open_amount": str(exp.open_amount),
                "expected_overdue_amount": str(exp.expected_overdue(p)),
                "reasons": reasons[i],
                "model_version": version or "unversioned",
                "reminder_plan": plan.offsets,
                # additive fields (not in the contract)
                "overdue_amount": str(exp.overdue_amount),
                "open_invoices": exp.open_invoices,
                "overdue_invoices": exp.overdue_invoices,
                "reminders_paused": plan.paused or bool(state.get("reminders_paused")),
                "owner": state.get("owner"),
                "invoices": [
                    {**i, "amount": str(next(r.amount for r in open_rows if r.invoice_number == i["invoice_number"]))}
                    for i in invoices
                ],
                "next_reminder": min((i["next_reminder"] for i in invoices if i["next_reminder"]), default=None),
                "escalate_to_person": plan.escalate_to_person,
                "reminder_note": plan.reason,
                "as_of": today.isoformat(),
            }
        )
    return order_worklist(out)


# --- database ----------------------------------------------------------------------------------------------


def _issue(issue: RowIssue) -> dict[str, Any]:
    return {"row": issue.row, "message": issue.message, "field": issue.field}


def record_payments(session: Session, rows: list[dict[str, Any]]) -> RecordResult:
    """Store invoice/payment rows (project or IBM columns); a known (customer, invoice number) is replaced.
    Rows that cannot be stored are reported in ``errors`` with their 1-based position; nothing is dropped silently."""
    parsed = parse_records(rows)
    result = RecordResult(errors=[_issue(i) for i in parsed.errors], warnings=[_issue(i) for i in parsed.warnings])
    positions = _positions(rows, parsed.rows)
    storable = []
    for row in parsed.rows:
        missing = [name for name in ("due_date", "amount") if getattr(row, name) is None]
        if missing:
            result.errors.append(
                {
                    "row": positions.get((row.customer_id, row.invoice_number)),
                    "message": f"{' and '.join(missing)} required",
                    "field": missing[0],
                }
            )
        else:
            storable.append(row)
    customers = {r.customer_id for r in storable}
    existing = (
        {
            (rec.customer_id, rec.invoice_number): rec
            for rec in session.scalars(select(PaymentRecord).where(PaymentRecord.customer_id.in_(customers)))
        }
        if customers
        else {}
    )
    for row in storable:
        values = {
            "country": row.country,
            "invoice_date": row.invoice_date,
            "due_date": row.due_date,
            "amount": row.amount,
            "currency": row.currency,
            "disputed": row.disputed,
            "dispute_open": row.dispute_open,
            "paperless": bool(row.paperless),
            "settled_date": row.settled_date,
            "days_late": row.days_late,
            "reminders_sent": row.reminders_sent,
            "last_reminder_at": row.last_reminder_at,
        }
        record = existing.get((row.customer_id, row.invoice_number))
        if record is None:
            session.add(PaymentRecord(customer_id=row.customer_id, invoice_number=row.invoice_number, **values))
            result.accepted += 1
        else:
            for name, value in values.items():
                setattr(record, name, value)
            result.updated += 1
    session.flush()
    result.errors.sort(key=lambda e: e["row"] or 0)
    return result


def _positions(raw: list[dict[str, Any]], rows: list[HistoryRow]) -> dict[tuple[str, str], int]:

    positions = {}
    for n, record in enumerate(raw, start=1):
        if isinstance(record, dict):
            c = canonical_columns(record)
            positions[(str(c.get("customer_id", "")).strip(), str(c.get("invoice_number", "")).strip())] = n
    return positions


def record_payments_csv(session: Session, text: str) -> RecordResult:
    """The same from a CSV upload (comma, semicolon or tab separated)."""
    if not text.strip():
        raise InvalidInput("the CSV is empty")
    parsed_rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), dialect=_dialect(text)))
    if not parsed_rows:
        raise InvalidInput("the CSV has a header but no rows")
    return record_payments(session, parsed_rows)


def _dialect(text: str) -> Any:
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _history_row(rec: PaymentRecord, openings: dict[tuple[str, str], date] | None = None) -> HistoryRow:
    days_late = rec.days_late
    if days_late is None and rec.settled_date is not None:
        days_late = max(0, (rec.settled_date - rec.due_date).days)
    return HistoryRow(
        customer_id=rec.customer_id,
        invoice_number=rec.invoice_number,
        invoice_date=rec.invoice_date,
        due_date=rec.due_date,
        amount=rec.amount,
        country=rec.country,
        currency=rec.currency,
        disputed=rec.disputed,
        dispute_open=rec.dispute_open,
        paperless=rec.paperless,
        settled_date=rec.settled_date,
        days_late=days_late,
        reminders_sent=rec.reminders_sent,
        last_reminder_at=rec.last_reminder_at,
        dispute_opened=(openings or {}).get((rec.customer_id, rec.invoice_number)),
    )


def client_risk(session: Session, customer_id: str, today: date) -> dict[str, Any]:
    """risk.schema.json for one customer; ``UnknownCustomer`` (a LookupError, 404) when it has no history."""
    own = list(session.scalars(select(PaymentRecord).where(PaymentRecord.customer_id == customer_id)))
    if not own:
        raise UnknownCustomer(f"no payment history for customer {customer_id!r}", customer_id=customer_id)
    country = next((r.country for r in own if r.country), None)
    peers: Iterable[PaymentRecord] = (
        session.scalars(
            select(PaymentRecord).where(PaymentRecord.country == country, PaymentRecord.customer_id != customer_id)
        )
        if country
        else []
    )

    openings = collections_service.dispute_openings(session, {customer_id})
    rows = [_history_row(r, openings) for r in [*own, *peers]]  # peers only feed the country's late share
    acc = session.get(CollectionAccount, customer_id)
    result = assess_history(
        rows, today, customers=[customer_id], collections={customer_id: collections_service.account_dict(acc)}
    )
    if not result:  # every invoice lies after `today`
        raise UnknownCustomer(f"no payment history for customer {customer_id!r} on {today}", customer_id=customer_id)
    return result[0]


def worklist(session: Session, today: date, order: str = "expected_overdue", limit: int = 100) -> list[dict[str, Any]]:
    """Clients with open invoices, riskiest exposure first (or by ``order``: probability, open_amount...)."""
    if order not in ORDERS:
        raise InvalidInput(f"unknown order {order!r}; use one of {', '.join(ORDERS)}", order=order)
    if limit < 1:
        raise InvalidInput("limit must be at least 1", limit=limit)

    openings = collections_service.dispute_openings(session)
    rows = [_history_row(r, openings) for r in session.scalars(select(PaymentRecord))]
    with_open = {
        r.customer_id for r in rows if r.invoice_date <= today and (r.settled_date is None or r.settled_date > today)
    }
    states = {c: collections_service.account_dict(a) for c, a in collections_service.accounts(session).items()}
    items = assess_history(rows, today, customers=sorted(with_open), collections=states)
    return order_worklist(items, order)[:limit]


def client_history(session: Session, customer_id: str) -> list[dict[str, Any]]:
    """A client's invoices, oldest first, as stored (for its page and chart); ``UnknownCustomer`` when none."""
    own = list(
        session.scalars(
            select(PaymentRecord).where(PaymentRecord.customer_id == customer_id).order_by(PaymentRecord.invoice_date)
        )
    )
    if not own:
        raise UnknownCustomer(f"no payment history for customer {customer_id!r}", customer_id=customer_id)
    return [
        {
            "invoice_number": r.invoice_number,
            "invoice_date": r.invoice_date,
            "due_date": r.due_date,
            "amount": r.amount,
            "settled_date": r.settled_date,
            "days_late": _history_row(r).days_late,
            "disputed": r.disputed or r.dispute_open,
        }
        for r in own
    ]
