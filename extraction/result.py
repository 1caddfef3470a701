"""The extraction of one PO or contract, in domain types (Decimal, date).

``Extraction.to_contract()`` gives the JSON of ../shared/contract/extraction.schema.json
and ``Extraction.from_contract()`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from extraction.document import BBox

DocType = Literal["purchase_order", "contract", "invoice", "other"]
Value = str | int | Decimal | date | None

# Header fields of the contract and the type of each value.
HEADER_FIELDS: dict[str, str] = {
    "po_number": "text",
    "contract_number": "text",
    "order_date": "date",
    "effective_date": "date",
    "expiry_date": "date",
    "buyer_name": "text",
    "vendor_name": "text",
    "buyer_tax_id": "text",
    "vendor_tax_id": "text",
    "currency": "text",
    "payment_terms": "text",
    "payment_terms_days": "integer",
    "subtotal": "decimal",
    "tax_total": "decimal",
    "total": "decimal",
}
# Line-item columns of the contract and the type of each value.
LINE_FIELDS: dict[str, str] = {
    "sku": "text",
    "description": "text",
    "quantity": "decimal",
    "unit": "text",
    "unit_price": "decimal",
    "amount": "decimal",
    "tax_rate": "decimal",
}


def _encode(value: Value) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(kind: str, value: Any) -> Value:
    if value is None:
        return None
    if kind == "decimal":
        return Decimal(str(value))
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "integer":
        return int(value)
    return str(value)


def as_decimal(value: Value) -> Decimal | None:
    """The value when it is a Decimal (amounts, quantities, rates), else None: lets arithmetic type-check."""
    return value if isinstance(value, Decimal) else None


def _round_bbox(bbox: BBox | None) -> list[float] | None:
    return None if bbox is None else [round(min(1.0, max(0.0, v)), 4) for v in bbox]


@dataclass(slots=True)
class FieldValue:
    value: Value
    confidence: float
    page: int | None = None
    bbox: BBox | None = None
    raw: str | None = None

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": _encode(self.value), "confidence": round(float(self.confidence), 4)}
        if self.raw is not None:
            out["raw"] = self.raw
        if self.page is not None:
            out["page"] = self.page
        if self.bbox is not None:
            out["bbox"] = _round_bbox(self.bbox)
        return out

    @classmethod
    def from_contract(cls, kind: str, data: dict[str, Any]) -> FieldValue:
        bbox = data.get("bbox")
        return cls(
            value=_decode(kind, data.get("value")),
            confidence=float(data["confidence"]),
            page=data.get("page"),
            bbox=tuple(bbox) if bbox else None,  # type: ignore[arg-type]
            raw=data.get("raw"),
        )


@dataclass(slots=True)
class LineItem:
    cells: dict[str, FieldValue]  # keys from LINE_FIELDS
    confidence: float
    page: int | None = None
    bbox: BBox | None = None

    def value(self, name: str) -> Value:
        cell = self.cells.get(name)
        return None if cell is None else cell.value

    def decimal(self, name: str) -> Decimal | None:
        return as_decimal(self.value(name))

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: cell.to_contract() for name, cell in self.cells.items()}
        out.setdefault("description", {"value": None, "confidence": 0.0})
        out["confidence"] = round(float(self.confidence), 4)
        if self.page is not None:
            out["page"] = self.page
        if self.bbox is not None:
            out["bbox"] = _round_bbox(self.bbox)
        return out

    @classmethod
    def from_contract(cls, data: dict[str, Any]) -> LineItem:
        cells = {
            name: FieldValue.from_contract(kind, data[name])
            for name, kind in LINE_FIELDS.items()
            if isinstance(data.get(name), dict)
        }
        bbox = data.get("bbox")
        return cls(cells, float(data["confidence"]), data.get("page"), tuple(bbox) if bbox else None)  # type: ignore[arg-type]


@dataclass(slots=True)
class Extraction:
    doc_type: DocType
    page_count: int
    fields: dict[str, FieldValue] = field(default_factory=dict)
    line_items: list[LineItem] = field(default_factory=list)
    needs_review: bool = False
    review_reasons: list[str] = field(default_factory=list)
    model_version: str = "heuristic-0"
    # charges and discounts printed between the subtotal and the total (shipping +, discount -): they let the
    # arithmetic check pass where subtotal + tax alone does not make the total; read at extraction, not stored
    adjustments: list[Decimal] = field(default_factory=list)

    def value(self, name: str) -> Value:
        cell = self.fields.get(name)
        return None if cell is None else cell.value

    def decimal(self, name: str) -> Decimal | None:
        return as_decimal(self.value(name))

    def to_contract(self, document_id: str) -> dict[str, Any]:
        return {
            "document_id": document_id,
            "doc_type": self.doc_type,
            "page_count": self.page_count,
            "fields": {name: cell.to_contract() for name, cell in self.fields.items() if cell.value is not None},
            "line_items": [item.to_contract() for item in self.line_items],
            "needs_review": self.needs_review,
            "review_reasons": list(self.review_reasons),
            "model_version": self.model_version,
        }

    @classmethod
    def from_contract(cls, data: dict[str, Any]) -> Extraction:
        fields = {
            name: FieldValue.from_contract(HEADER_FIELDS.get(name, "text"), cell)
            for name, cell in data.get("fields", {}).items()
            if isinstance(cell, dict)
        }
        return cls(
            doc_type=data["doc_type"],
            page_count=int(data["page_count"]),
            fields=fields,
            line_items=[LineItem.from_contract(item) for item in data.get("line_items", [])],
            needs_review=bool(data.get("needs_review", False)),
            review_reasons=list(data.get("review_reasons", [])),
            model_version=data.get("model_version", "unknown"),
        )
