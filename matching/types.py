"""Shapes of the pre-send check, in domain types (Decimal money, date dates).

``DraftInvoice`` mirrors ../shared/contract/precheck-request.schema.json and
``CheckResult.to_contract()`` gives precheck-response.schema.json.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from extraction.result import Extraction

FindingCode = Literal[
    "REFERENCE_NOT_FOUND",
    "PO_NUMBER_MISSING",
    "CURRENCY_MISMATCH",
    "PAYMENT_TERMS_MISMATCH",
    "DUE_DATE_INCONSISTENT",
    "LINE_NOT_IN_REFERENCE",
    "QUANTITY_EXCEEDS_REFERENCE",
    "PRICE_MISMATCH",
    "TAX_MISMATCH",
    "LINE_AMOUNT_ARITHMETIC",
    "TOTALS_ARITHMETIC",
    "DUPLICATE_INVOICE",
    "REFERENCE_EXPIRED",
    "LOW_CONFIDENCE",
]
Severity = Literal["error", "warning", "info"]
Verdict = Literal["pass", "review", "fail"]

_DECIMAL = r"^-?\d+(\.\d+)?$"
# No invoice line or total reaches a quadrillion; beyond it (1e64 x 3e16) Decimal arithmetic runs out of precision.
_LIMIT = Decimal("1e15")


def _in_range(value: Decimal | None, name: str) -> None:
    if value is not None and (not value.is_finite() or abs(value) >= _LIMIT):
        raise ValueError(f"{name} must be a finite amount below 10^15 in size; got {value}")


class InvoiceLine(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sku: str | None = None
    description: str
    quantity: Decimal = Field(json_schema_extra={"pattern": _DECIMAL})
    unit: str | None = None
    unit_price: Decimal
    amount: Decimal
    tax_rate: Decimal | None = None  # percent: 19 means 19 %

    @model_validator(mode="after")
    def _amounts_in_range(self) -> InvoiceLine:
        for name in ("quantity", "unit_price", "amount", "tax_rate"):
            _in_range(getattr(self, name), name)
        return self


class DraftInvoice(BaseModel):
    """A draft invoice as a billing system posts it."""

    model_config = ConfigDict(extra="ignore")

    invoice_number: str = Field(min_length=1)
    customer_id: str = Field(min_length=1)
    po_number: str | None = None
    contract_number: str | None = None
    issue_date: date
    due_date: date | None = None
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    payment_terms: str | None = None
    lines: list[InvoiceLine] = Field(min_length=1)
    subtotal: Decimal | None = None
    tax_total: Decimal | None = None
    total: Decimal

    @model_validator(mode="after")
    def _totals_in_range(self) -> DraftInvoice:
        for name in ("subtotal", "tax_total", "total"):
            _in_range(getattr(self, name), name)
        return self


@dataclass(slots=True)
class Reference:
    """The PO or contract an invoice is checked against."""

    document_id: str
    extraction: Extraction
    closed: bool = False  # a PO the customer has closed


@dataclass(slots=True)
class Policy:
    """Per-customer rules and tolerances; the defaults suit most AP teams."""

    requires_po: bool = False
    price_tolerance_pct: Decimal = Decimal("0.5")  # percent
    price_tolerance_abs: Decimal = Decimal("0.01")  # currency units per unit
    quantity_tolerance_pct: Decimal = Decimal("0")  # percent over the ordered quantity
    amount_tolerance_abs: Decimal = Decimal("0.02")  # rounding slack on line and total arithmetic
    low_confidence: float = 0.6  # reference values below this are not trusted blindly
    duplicate_window_days: int = 42  # the same content again under a new number within this is a duplicate


@dataclass(slots=True)
class Finding:
    code: FindingCode
    severity: Severity
    message: str
    line: int | None = None
    field: str | None = None
    expected: str | None = None
    actual: str | None = None
    confidence: float | None = None
    evidence: dict[str, Any] | None = None

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "severity": self.severity, "message": self.message}
        for key in ("line", "field", "expected", "actual", "evidence"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.confidence is not None:
            out["confidence"] = round(float(self.confidence), 4)
        return out


@dataclass(slots=True)
class LineMatch:
    invoice_line: int
    reference_line: int | None
    score: float

    def to_contract(self) -> dict[str, Any]:
        return {
            "invoice_line": self.invoice_line,
            "reference_line": self.reference_line,
            "score": round(min(1.0, max(0.0, float(self.score))), 4),
        }


@dataclass(slots=True)
class CheckResult:
    verdict: Verdict
    findings: list[Finding] = field(default_factory=list)
    matched_lines: list[LineMatch] = field(default_factory=list)
    reference: Reference | None = None

    def to_contract(self, check_id: str, review_task_id: str | None = None) -> dict[str, Any]:
        reference = None
        if self.reference is not None:
            ext = self.reference.extraction
            number = ext.value("po_number") or ext.value("contract_number")
            reference = {
                "document_id": self.reference.document_id,
                "doc_type": ext.doc_type,
                "number": None if number is None else str(number),
            }
        return {
            "check_id": check_id,
            "verdict": self.verdict,
            "reference": reference,
            "findings": [f.to_contract() for f in self.findings],
            "matched_lines": [m.to_contract() for m in self.matched_lines],
            "review_task_id": review_task_id,
        }
