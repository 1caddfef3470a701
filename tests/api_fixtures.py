"""A stored, extracted reference PO for API tests that need one without running extraction."""

from __future__ import annotations

from typing import Any

from store.db import session_scope
from store.tables import DocumentRecord


def _cell(value: Any, confidence: float = 0.99, page: int = 1, bbox=(0.1, 0.1, 0.3, 0.12)) -> dict[str, Any]:
    return {"value": value, "confidence": confidence, "page": page, "bbox": list(bbox)}


REFERENCE_LINES = [
    ("WID-100", "Stainless steel widget, 40 mm", "100", "12.50", "1250.00"),
    ("GSK-220", "Rubber gasket DN50 EPDM", "500", "0.80", "400.00"),
    ("SVC-INST", "On-site installation service", "8", "95.00", "760.00"),
]


def reference_extraction(
    document_id: str, po_number: str = "PO-4711", price_confidence: float = 0.99, **fields: Any
) -> dict[str, Any]:
    header = {
        "po_number": po_number,
        "order_date": "2026-10-01",
        "buyer_name": "Acme Manufacturing GmbH",
        "vendor_name": "Widget Works Ltd",
        "currency": "EUR",
        "payment_terms": "Net 30",
        "payment_terms_days": 30,
        "subtotal": "2410.00",
        "tax_total": "457.90",
        "total": "2867.90",
        **fields,
    }
    return {
        "document_id": document_id,
        "doc_type": "purchase_order",
        "page_count": 1,
        "fields": {k: _cell(v) for k, v in header.items() if v is not None},
        "line_items": [
            {
                "sku": _cell(sku),
                "description": _cell(desc),
                "quantity": _cell(qty),
                "unit_price": _cell(price, price_confidence),
                "amount": _cell(amount),
                "tax_rate": _cell("19"),
                "confidence": 0.98,
                "page": 1,
                "bbox": [0.05, 0.3 + 0.05 * i, 0.95, 0.34 + 0.05 * i],
            }
            for i, (sku, desc, qty, price, amount) in enumerate(REFERENCE_LINES)
        ],
        "needs_review": False,
        "review_reasons": [],
        "model_version": "test",
    }


def store_reference(
    db_url: str, customer_id: str = "ACME", po_number: str = "PO-4711", price_confidence: float = 0.99, **fields: Any
) -> str:
    with session_scope(db_url) as s:
        record = DocumentRecord(
            customer_id=customer_id,
            filename="po.pdf",
            media_type="application/pdf",
            sha256="0" * 64,
            size_bytes=1,
            storage_path="/nonexistent",
            status="done",
            page_count=1,
            doc_type="purchase_order",
            po_number=po_number,
        )
        s.add(record)
        s.flush()
        record.extraction = reference_extraction(record.id, po_number, price_confidence, **fields)
        return record.id


def clean_invoice(number: str = "INV-1001", **overrides: Any) -> dict[str, Any]:
    """Billing-system style: abbreviated, reordered descriptions, partial quantities, right arithmetic."""
    invoice = {
        "invoice_number": number,
        "customer_id": "ACME",
        "po_number": "PO-4711",
        "issue_date": "2026-11-02",
        "due_date": "2026-12-02",
        "currency": "EUR",
        "payment_terms": "Net 30",
        "lines": [
            {
                "description": "Gasket EPDM DN50 rubber",
                "quantity": "200",
                "unit_price": "0.80",
                "amount": "160.00",
                "tax_rate": "19",
            },
            {
                "sku": "WID-100",
                "description": "SS widget 40mm",
                "quantity": "60",
                "unit_price": "12.50",
                "amount": "750.00",
                "tax_rate": "19",
            },
        ],
        "subtotal": "910.00",
        "tax_total": "172.90",
        "total": "1082.90",
    }
    invoice.update(overrides)
    return invoice
