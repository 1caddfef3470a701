"""Builders shared by the review, audit and UI tests (no tests here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from store.tables import CheckRecord, DocumentRecord


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    roles: frozenset[str] = field(default_factory=lambda: frozenset({"reviewer"}))


ALICE = Person("u-alice", "alice")
BOB = Person("u-bob", "bob")
ADMIN = Person("u-admin", "root", frozenset({"admin"}))

# One page, four words: "PO", "Number:", "PO-4711", and a date "31.03.2026".
WORDS = [
    {
        "page": 1,
        "width": 1000,
        "height": 1400,
        "words": [
            {"text": "PO", "bbox": [0.10, 0.10, 0.13, 0.12]},
            {"text": "Number:", "bbox": [0.14, 0.10, 0.22, 0.12]},
            {"text": "PO-4711", "bbox": [0.25, 0.10, 0.35, 0.12]},
            {"text": "31.03.2026", "bbox": [0.60, 0.10, 0.72, 0.12]},
            {"text": "1,234.50", "bbox": [0.70, 0.80, 0.80, 0.82]},
        ],
    }
]


def extraction_json(document_id: str) -> dict:
    return {
        "document_id": document_id,
        "doc_type": "purchase_order",
        "page_count": 1,
        "fields": {
            "po_number": {
                "value": "PO-4T11",
                "raw": "PO-4T11",
                "confidence": 0.41,
                "page": 1,
                "bbox": [0.25, 0.10, 0.35, 0.12],
            },
            "order_date": {
                "value": "2026-03-13",
                "raw": "31.03.2026",
                "confidence": 0.55,
                "page": 1,
                "bbox": [0.60, 0.10, 0.72, 0.12],
            },
            "total": {
                "value": "1234.50",
                "raw": "1,234.50",
                "confidence": 0.62,
                "page": 1,
                "bbox": [0.70, 0.80, 0.80, 0.82],
            },
        },
        "line_items": [
            {
                "description": {"value": "Widget", "confidence": 0.9},
                "quantity": {"value": "3", "confidence": 0.5, "page": 1, "bbox": [0.5, 0.5, 0.55, 0.52]},
                "confidence": 0.7,
                "page": 1,
            }
        ],
        "needs_review": True,
        "review_reasons": ["low confidence"],
        "model_version": "test-0",
    }


def make_document(session: Session, *, customer_id: str = "ACME", document_id: str | None = None) -> DocumentRecord:
    document = DocumentRecord(
        customer_id=customer_id,
        media_type="application/pdf",
        sha256="0" * 64,
        size_bytes=100,
        storage_path="/nonexistent.pdf",
        status="done",
        page_count=1,
        doc_type="purchase_order",
        po_number="PO-4T11",
        words=WORDS,
    )
    if document_id:
        document.id = document_id
    session.add(document)
    session.flush()
    document.extraction = extraction_json(document.id)
    session.flush()
    return document


def make_check(session: Session, *, customer_id: str = "ACME") -> CheckRecord:
    check = CheckRecord(
        invoice_number="INV-1",
        customer_id=customer_id,
        po_number="PO-4711",
        total=Decimal("1234.50"),
        currency="EUR",
        issue_date=date(2026, 11, 20),
        fingerprint="f" * 64,
        verdict="review",
        request={
            "invoice_number": "INV-1",
            "customer_id": customer_id,
            "po_number": "PO-4711",
            "issue_date": "2026-11-20",
            "due_date": "2026-12-20",
            "currency": "EUR",
            "payment_terms": "Net 30",
            "lines": [
                {"description": "Bearing 6204-2RS", "quantity": "100", "unit_price": "10.50", "amount": "1050.00"},
                {
                    "description": "Shaft seal 30x47x7 NBR",
                    "quantity": "167.7",
                    "unit_price": "1.10",
                    "amount": "184.50",
                },
            ],
            "total": "1234.50",
        },
        response={
            "check_id": "x",
            "verdict": "review",
            "findings": [
                {
                    "code": "PRICE_MISMATCH",
                    "severity": "warning",
                    "message": "unit price 10.50 differs from the PO's 10.00",
                    "line": 0,
                    "field": "unit_price",
                    "expected": "10.00",
                    "actual": "10.50",
                }
            ],
            "matched_lines": [{"invoice_line": 0, "reference_line": 0, "score": 0.97}],
        },
    )
    session.add(check)
    session.flush()
    return check
