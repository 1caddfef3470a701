"""Indexed look-ups for the pre-send check, always within the invoice's own customer.

A check needs its reference (PO or contract, found by the number as people type it) and a few earlier checks:
those with the same invoice number, the same content or total (duplicates, whatever their verdict) and those
billed on the same reference (quantities already billed; a failed check was not sent, so it bills nothing).
Each comes from an index on (customer_id, key, created_at), so a check costs the same whether the customer has
ten earlier checks or a hundred thousand.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, event, select, union, update
from sqlalchemy.orm import Session

from matching.precheck import norm_id
from matching.references import look_alike, printed_keys, reference_key, reference_keys, searched_keys
from matching.types import DraftInvoice
from store.tables import CheckRecord, DocumentRecord

# Newest earlier checks looked at per duplicate key (same number, same content, same total): a duplicate is
# the same invoice sent again, and recurring billing with one total must not make every check slower.
DUPLICATE_WINDOW = 50


def key_or_none(number: object) -> str | None:
    return reference_key(number) or None


def amount_key(currency: str, total: Decimal) -> str:
    """ "EUR:1082.9": one spelling of a total whatever its trailing zeros (SQLite keeps money as text)."""
    return f"{currency}:{format(total.normalize(), 'f')}"


def invoice_key(number: object) -> str | None:
    return norm_id(number) or None


# --- documents: keys kept in step with the numbers, whoever sets them (extraction, a reviewer's correction) --


@event.listens_for(DocumentRecord.po_number, "set")
def _key_po(target: DocumentRecord, value: str | None, _old: Any, _initiator: Any) -> None:
    target.po_key = key_or_none(value)


@event.listens_for(DocumentRecord.contract_number, "set")
def _key_contract(target: DocumentRecord, value: str | None, _old: Any, _initiator: Any) -> None:
    target.contract_key = key_or_none(value)


@dataclass(frozen=True, slots=True)
class FoundReference:
    """The document found; its extraction is loaded apart (``reference_extraction``) and only when the caller has
    not parsed this version of it already: decoding a PO's JSON on every check cost more than the query."""

    id: str
    closed: bool
    updated_at: Any


# Statements built once with bound parameters: building them per check cost more than running them.
_D = DocumentRecord
_EXTRACTION = select(_D.extraction).where(_D.id == bindparam("id"))
_DONE = (
    select(_D.id, _D.closed, _D.updated_at)
    .where(_D.customer_id == bindparam("customer"), _D.status == "done")
    .order_by(_D.created_at.desc(), _D.id.desc())
    .limit(1)
)
_DONE_KEYS = select(_D.id, _D.closed, _D.updated_at, _D.po_key, _D.contract_key).where(
    _D.customer_id == bindparam("customer"), _D.status == "done"
)
_DONE_BY = {column.key: _DONE.where(column == bindparam("key")) for column in (_D.po_key, _D.contract_key)}


def find_reference(
    session: Session, customer_id: str, po_number: str | None, contract_number: str | None
) -> FoundReference | None:
    """The invoice's own customer's PO or contract: by the PO number, else the contract number (each also in
    the other's column: billing systems put contract numbers in the PO field), newest first; a number read with
    OCR's confusions, or printed on the document whose number field the extractor misread, when the one document
    of the customer shows it; with no number cited, the customer's newest document. Another customer's document is
    never returned."""
    wanted = [
        (reference_keys(po_number), ("po_key", "contract_key")),
        (reference_keys(contract_number), ("contract_key", "po_key")),
    ]
    # each number's own key first, then without a PO item suffix ("4500012345/10")
    keys = [(key, columns) for spellings, columns in wanted for key in spellings]
    for key, columns in keys:
        for column in columns:
            row = session.execute(_DONE_BY[column], {"customer": customer_id, "key": key}).first()
            if row is not None:
                return FoundReference(row.id, row.closed, row.updated_at)
    if keys:
        cited = [key for key, _ in keys]
        return _look_alike(session, customer_id, cited) or _printed(session, customer_id, cited)
    row = session.execute(_DONE, {"customer": customer_id}).first()
    return None if row is None else FoundReference(row.id, row.closed, row.updated_at)


def _look_alike(session: Session, customer_id: str, keys: list[str]) -> FoundReference | None:
    """The one document of the customer whose number reads like a cited one but for characters OCR confuses
    (the matcher then asks a person to confirm); None when none or several do. Only after the keys found
    nothing, so it costs a check nothing when the number was read right."""
    wanted = {look_alike(k) for k in keys}
    rows = session.execute(_DONE_KEYS, {"customer": customer_id}).all()
    hits = [r for r in rows if {look_alike(r.po_key or ""), look_alike(r.contract_key or "")} & wanted]
    return FoundReference(hits[0].id, hits[0].closed, hits[0].updated_at) if len(hits) == 1 else None


# The customer's newest documents searched for a cited number printed on them, when no number field finds it; each
# document version's printed keys are computed from its stored words once per process (bounded), so a billing run
# citing unknown numbers loads no document's words twice.
PRINTED_WINDOW = 200
_DONE_STAMPS = (
    select(_D.id, _D.closed, _D.updated_at)
    .where(_D.customer_id == bindparam("customer"), _D.status == "done")
    .order_by(_D.created_at.desc(), _D.id.desc())
    .limit(PRINTED_WINDOW)
)
_WORDS = select(_D.id, _D.words).where(_D.id.in_(bindparam("ids", expanding=True)))
_PRINTED: OrderedDict[tuple[str, Any], frozenset[str]] = OrderedDict()
_PRINTED_MAX = 20000
_PRINTED_LOCK = threading.Lock()


def _printed(session: Session, customer_id: str, keys: list[str]) -> FoundReference | None:
    """The one document of the customer (of its newest ``PRINTED_WINDOW``) that prints a cited number in its words,
    when the extractor read its number field wrong or not at all ("BON DE COMMANDE N° BC20250919" with no PO number
    read; a Mexican order's RFC read as its number); None when none or several do. Only after every key and
    look-alike found nothing: a number read right costs nothing more."""
    wanted = searched_keys(keys)
    if not wanted:
        return None
    rows = session.execute(_DONE_STAMPS, {"customer": customer_id}).all()
    with _PRINTED_LOCK:
        known = {row.id: hit for row in rows if (hit := _PRINTED.get((row.id, row.updated_at))) is not None}
    missing = [row for row in rows if row.id not in known]
    if missing:
        words: dict[str, list[Any] | None] = {
            row.id: row.words for row in session.execute(_WORDS, {"ids": [row.id for row in missing]})
        }
        for row in missing:
            pages = [[str(w.get("text", "")) for w in page.get("words", [])] for page in words.get(row.id) or []]
            known[row.id] = frozenset().union(*map(printed_keys, pages))
        with _PRINTED_LOCK:
            for row in missing:
                _PRINTED[(row.id, row.updated_at)] = known[row.id]
                while len(_PRINTED) > _PRINTED_MAX:
                    _PRINTED.popitem(last=False)
    hits = [row for row in rows if wanted & known[row.id]]
    return FoundReference(hits[0].id, hits[0].closed, hits[0].updated_at) if len(hits) == 1 else None


def reference_extraction(session: Session, document_id: str) -> dict[str, Any] | None:
    """The extraction body (extraction.schema.json) of a document ``find_reference`` returned."""
    extraction: dict[str, Any] | None = session.scalar(_EXTRACTION, {"id": document_id})
    return extraction


def has_documents(session: Session, customer_id: str) -> bool:
    return (
        session.scalar(select(DocumentRecord.id).where(DocumentRecord.customer_id == customer_id).limit(1)) is not None
    )


# --- earlier checks --------------------------------------------------------------------------------------------


def check_keys(invoice: DraftInvoice) -> dict[str, str | None]:
    """The CheckRecord columns the look-ups below search."""
    return {
        "invoice_key": invoice_key(invoice.invoice_number),
        "po_key": key_or_none(invoice.po_number),
        "contract_key": key_or_none(invoice.contract_number),
        "amount_key": amount_key(invoice.currency, invoice.total),
    }


def _earlier_statement() -> Any:
    c = CheckRecord
    own = c.customer_id == bindparam("customer")

    def newest(condition: Any) -> Any:
        return select(c.id).where(own, condition).order_by(c.created_at.desc(), c.id.desc()).limit(DUPLICATE_WINDOW)

    billed = select(c.id).where(own, c.verdict != "fail")
    numbers: Any = bindparam("numbers", expanding=True)
    parts = [
        newest(c.amount_key == bindparam("amount")),
        newest(c.fingerprint == bindparam("fingerprint")),
        newest(c.invoice_key == bindparam("invoice")),
        # One indexed select per way of being on the reference: an OR across columns would scan the customer.
        billed.where(c.po_key.in_(numbers)),
        billed.where(c.contract_key.in_(numbers)),
        billed.where(c.reference_document_id == bindparam("reference")),
    ]
    ids = union(*(select(part.subquery().c.id) for part in parts)).subquery()
    # By primary key only: a customer_id condition here would let the planner scan the customer's checks.
    return select(c.id, c.verdict).where(c.id.in_(select(ids.c.id))).order_by(c.created_at, c.id)


_EARLIER = _earlier_statement()
_REQUESTS = select(CheckRecord.id, CheckRecord.request).where(CheckRecord.id.in_(bindparam("ids", expanding=True)))

# Earlier checks as the matcher gets them, by check id: a stored check never changes, and a billing run checks
# many invoices that share their look-alikes and their PO's earlier invoices. Bounded.
_AS_EARLIER: OrderedDict[str, DraftInvoice] = OrderedDict()
_AS_EARLIER_MAX = 20000
_AS_EARLIER_LOCK = threading.Lock()


def earlier_checks(
    session: Session,
    invoice: DraftInvoice,
    fingerprint: str,
    reference_id: str | None,
    reference_numbers: Iterable[object] = (),
) -> tuple[list[DraftInvoice], list[DraftInvoice]]:
    """The customer's earlier checks the matcher needs, oldest first: the newest few with the same invoice
    number, content fingerprint or total (duplicates, any verdict), and every check not failed on the same
    reference (by the document it was checked against or the number it cites: quantities already billed).
    Returned as (sent, failed): a failed check was not sent, so it counts for duplicates only."""
    keys = check_keys(invoice)
    numbers = {k for k in (keys["po_key"], keys["contract_key"], *map(key_or_none, reference_numbers)) if k}
    params = {
        "customer": invoice.customer_id,
        "amount": keys["amount_key"],
        "fingerprint": fingerprint,
        "invoice": keys["invoice_key"],  # None matches nothing
        "numbers": sorted(numbers),
        "reference": reference_id,
    }
    rows = session.execute(_EARLIER, params).all()
    with _AS_EARLIER_LOCK:
        known = {row.id: hit for row in rows if (hit := _AS_EARLIER.get(row.id)) is not None}
    missing = [row.id for row in rows if row.id not in known]
    if missing:
        requests = session.execute(_REQUESTS, {"ids": missing})
        parsed = {check_id: DraftInvoice.model_validate(request) for check_id, request in requests}
        known.update(parsed)
        with _AS_EARLIER_LOCK:
            _AS_EARLIER.update(parsed)
            while len(_AS_EARLIER) > _AS_EARLIER_MAX:
                _AS_EARLIER.popitem(last=False)
    sent: list[DraftInvoice] = []
    failed: list[DraftInvoice] = []
    for row in rows:
        (failed if row.verdict == "fail" else sent).append(known[row.id])
    return sent, failed


# --- keeping keys right -----------------------------------------------------------------------------------------


def rekey(connection: Connection) -> int:
    """Compute every stored key again (after the migration that adds them, or after the normalisation changed);
    returns the rows updated."""
    session = Session(bind=connection)
    documents = [
        {"id": row.id, "po_key": key_or_none(row.po_number), "contract_key": key_or_none(row.contract_number)}
        for row in session.execute(select(DocumentRecord.id, DocumentRecord.po_number, DocumentRecord.contract_number))
    ]
    c = CheckRecord
    checks = [
        {
            "id": row.id,
            "invoice_key": invoice_key(row.invoice_number),
            "po_key": key_or_none(row.po_number),
            "contract_key": key_or_none(row.contract_number),
            "amount_key": amount_key(row.currency, row.total),
        }
        for row in session.execute(select(c.id, c.invoice_number, c.po_number, c.contract_number, c.currency, c.total))
    ]
    for table, rows in ((DocumentRecord, documents), (CheckRecord, checks)):
        if rows:
            session.execute(update(table), rows)  # ORM bulk update by primary key
    session.flush()
    return len(documents) + len(checks)
