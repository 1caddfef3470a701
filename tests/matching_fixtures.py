"""Builders for pre-send check tests and the matching bench: references and invoices from plain values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from extraction.result import HEADER_FIELDS, LINE_FIELDS, Extraction, FieldValue, LineItem
from matching.money import quantize
from matching.types import DraftInvoice, InvoiceLine, Reference

ISSUE = date(2026, 11, 20)


def _typed(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "decimal":
        return Decimal(str(value))
    if kind == "date":
        return value if isinstance(value, date) else date.fromisoformat(value)
    if kind == "integer":
        return int(value)
    return str(value)


def make_reference(
    lines: Sequence[Mapping[str, Any]],
    *,
    doc_type: str = "purchase_order",
    document_id: str = "doc-ref-1",
    closed: bool = False,
    confidence: float = 0.95,
    low: Mapping[str, float] | None = None,
    **header: Any,
) -> Reference:
    """A reference PO/contract. ``header`` holds HEADER_FIELDS values (strings are fine); ``low`` maps a header
    field to its confidence. A line mapping may carry ``"_low": {"unit_price": 0.3}`` the same way."""
    low = low or {}
    fields = {
        name: FieldValue(
            _typed(HEADER_FIELDS[name], value),
            low.get(name, confidence),
            1,
            (0.6, 0.1 + k * 0.03, 0.9, 0.12 + k * 0.03),
        )
        for k, (name, value) in enumerate(header.items())
        if value is not None
    }
    items = []
    for row, line in enumerate(lines):
        line_low = line.get("_low", {})
        y = 0.4 + row * 0.04
        cells = {
            name: FieldValue(
                _typed(LINE_FIELDS[name], line[name]), line_low.get(name, confidence), 1, (0.1, y, 0.9, y + 0.03)
            )
            for name in LINE_FIELDS
            if line.get(name) is not None
        }
        items.append(LineItem(cells, confidence, 1, (0.05, y, 0.95, y + 0.03)))
    return Reference(document_id, Extraction(doc_type, 1, fields, items), closed)  # type: ignore[arg-type]


def standard_reference(**overrides: Any) -> Reference:
    """PO-1001: three lines, EUR, Net 30, valid through 2026."""
    header: dict[str, Any] = {
        "po_number": "PO-1001",
        "order_date": "2026-01-10",
        "effective_date": "2026-01-01",
        "expiry_date": "2026-12-31",
        "currency": "EUR",
        "payment_terms": "Net 30",
        "payment_terms_days": 30,
    }
    lines = overrides.pop("lines", STANDARD_LINES)
    header.update(overrides)
    return make_reference(lines, **header)


STANDARD_LINES: list[dict[str, Any]] = [
    {"sku": "A-100", "description": "Senior consulting services", "quantity": "100", "unit": "hour",
     "unit_price": "150.00", "amount": "15000.00", "tax_rate": "19"},
    {"sku": "B-200", "description": "Software license, standard edition", "quantity": "10", "unit": "each",
     "unit_price": "1200.00", "amount": "12000.00", "tax_rate": "19"},
    {"sku": "C-300", "description": "On-site training day", "quantity": "5", "unit": "day",
     "unit_price": "900.00", "amount": "4500.00", "tax_rate": "19"},
]  # fmt: skip


def line(description: str, quantity: Any, unit_price: Any, *, sku: str | None = None, tax_rate: Any = "19",
         amount: Any = None, unit: str | None = None, currency: str = "EUR") -> InvoiceLine:  # fmt: skip
    qty, price = Decimal(str(quantity)), Decimal(str(unit_price))
    return InvoiceLine(
        sku=sku,
        description=description,
        quantity=qty,
        unit=unit,
        unit_price=price,
        amount=quantize(qty * price, currency) if amount is None else Decimal(str(amount)),
        tax_rate=None if tax_rate is None else Decimal(str(tax_rate)),
    )


def make_invoice(lines: Sequence[InvoiceLine], **fields: Any) -> DraftInvoice:
    """A draft invoice whose subtotal, tax and total add up unless given; Net 30 from ISSUE by default."""
    currency = fields.get("currency", "EUR")
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = quantize(sum((ln.amount * (ln.tax_rate or 0) / 100 for ln in lines), Decimal(0)), currency)
    issue = fields.get("issue_date", ISSUE)
    data: dict[str, Any] = {
        "invoice_number": "INV-1",
        "customer_id": "CUST-1",
        "po_number": "PO-1001",
        "issue_date": issue,
        "due_date": issue + timedelta(days=30),
        "currency": currency,
        "payment_terms": "Net 30",
        "lines": list(lines),
        "subtotal": subtotal,
        "tax_total": tax,
        "total": subtotal + tax,
    }
    data.update(fields)
    return DraftInvoice(**data)


def standard_invoice(**fields: Any) -> DraftInvoice:
    """A clean partial invoice against ``standard_reference``: abbreviated, reordered, no SKUs."""
    lines = fields.pop(
        "lines",
        [line("Software Lic. - Std. Edition", 4, "1200.00"), line("Sr. Consulting Svcs (hrs)", 40, "150.00")],
    )
    return make_invoice(lines, **fields)
