"""The extraction of one PO or contract, in domain types (Decimal, date).

``Extraction.to_contract()`` gives the JSON of ../shared/contract/extraction.schema.json
and ``Extraction.from_contract()`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal, cast

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


# the cells of a priced line's arithmetic, in its order: quantity x unit_price = amount
PRICED = ("quantity", "unit_price", "amount")


@dataclass(slots=True)
class LineItem:
    cells: dict[str, FieldValue]  # keys from LINE_FIELDS
    confidence: float
    page: int | None = None
    bbox: BBox | None = None
    # what is printed under the item but is not its description: {'Delivery date': '2026-03-01', 'note': ...}
    extra: dict[str, str] = field(default_factory=dict)

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
        if self.extra:  # a list, not an object: every object of a line item is a cell
            out["extra"] = [{"label": label, "text": text} for label, text in self.extra.items()]
        return out

    @classmethod
    def from_contract(cls, data: dict[str, Any]) -> LineItem:
        cells = {
            name: FieldValue.from_contract(kind, data[name])
            for name, kind in LINE_FIELDS.items()
            if isinstance(data.get(name), dict)
        }
        bbox = data.get("bbox")
        extra = {str(e["label"]): str(e["text"]) for e in data.get("extra") or []}
        return cls(cells, float(data["confidence"]), data.get("page"), tuple(bbox) if bbox else None, extra)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class TaxLine:
    """A tax printed in the totals block: "State Sales Tax 6.25% on 765.00: 47.81", "incl. VAT 19%: 159.66"."""

    label: str
    rate: Decimal | None  # percent: 8.25 means 8.25 %
    amount: Decimal | None
    base: Decimal | None = None  # the amount the rate applies to, when printed or settled by arithmetic
    included: bool = False  # the prices already hold this tax ("incl. VAT"): the total does not add it
    confidence: float = 1.0

    def to_contract(self) -> dict[str, Any]:
        out = {"label": self.label, "rate": _encode(self.rate), "amount": _encode(self.amount)}
        out |= {"base": _encode(self.base), "included": self.included, "confidence": round(float(self.confidence), 4)}
        return out

    @classmethod
    def from_contract(cls, data: dict[str, Any]) -> TaxLine:
        return cls(
            str(data.get("label") or ""),
            _optional_decimal(data.get("rate")),
            _optional_decimal(data.get("amount")),
            _optional_decimal(data.get("base")),
            bool(data.get("included", False)),
            float(data.get("confidence", 1.0)),
        )


ChargeKind = Literal["shipping", "freight", "handling", "insurance", "surcharge", "discount", "other"]


@dataclass(frozen=True, slots=True)
class Charge:
    """A charge or discount printed between the subtotal and the total ("Freight: 45.00", "Discount 2%: -12.00")."""

    kind: ChargeKind
    label: str
    amount: Decimal  # negative for a discount
    taxed: bool | None = None  # whether the tax applies to it; None when neither the print nor the arithmetic says
    confidence: float = 1.0

    def to_contract(self) -> dict[str, Any]:
        out = {"kind": self.kind, "label": self.label, "amount": _encode(self.amount), "taxed": self.taxed}
        return out | {"confidence": round(float(self.confidence), 4)}

    @classmethod
    def from_contract(cls, data: dict[str, Any]) -> Charge | None:
        amount = _optional_decimal(data.get("amount"))
        if amount is None:
            return None
        kind = cast(ChargeKind, data["kind"] if data.get("kind") in CHARGE_KINDS else "other")
        taxed = data.get("taxed")
        taxed = taxed if isinstance(taxed, bool) else None
        return cls(kind, str(data.get("label") or kind), amount, taxed, float(data.get("confidence", 1.0)))


CHARGE_KINDS: tuple[str, ...] = ("shipping", "freight", "handling", "insurance", "surcharge", "discount", "other")
# Contract extras under ``fields``: each {"value": [items], "confidence": lowest item confidence}.
EXTRA_LISTS = ("tax_lines", "charges")


def _optional_decimal(value: Any) -> Decimal | None:
    try:
        return None if value is None else Decimal(str(value))
    except ArithmeticError:
        return None


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
    # what the value confidences were learned from (``models.confidence.Reading``): both readers, the page; lets
    # a caller that knows more (the customer's earlier documents) score again; in memory only, never stored
    evidence: Any = field(default=None, repr=False, compare=False)
    # the totals block itemised (contract extras ``fields.tax_lines`` / ``fields.charges``): what the tax applies to
    tax_lines: list[TaxLine] = field(default_factory=list)
    charges: list[Charge] = field(default_factory=list)

    def value(self, name: str) -> Value:
        cell = self.fields.get(name)
        return None if cell is None else cell.value

    def decimal(self, name: str) -> Decimal | None:
        return as_decimal(self.value(name))

    def to_contract(self, document_id: str) -> dict[str, Any]:
        fields = {name: cell.to_contract() for name, cell in self.fields.items() if cell.value is not None}
        for name, items in (("tax_lines", self.tax_lines), ("charges", self.charges)):
            if items:
                confidence = round(float(min(item.confidence for item in items)), 4)
                fields[name] = {"value": [item.to_contract() for item in items], "confidence": confidence}
        return {
            "document_id": document_id,
            "doc_type": self.doc_type,
            "page_count": self.page_count,
            "fields": fields,
            "line_items": [item.to_contract() for item in self.line_items],
            "needs_review": self.needs_review,
            "review_reasons": list(self.review_reasons),
            "model_version": self.model_version,
        }

    @classmethod
    def from_contract(cls, data: dict[str, Any]) -> Extraction:
        raw_fields = data.get("fields", {})
        fields = {
            name: FieldValue.from_contract(HEADER_FIELDS.get(name, "text"), cell)
            for name, cell in raw_fields.items()
            if isinstance(cell, dict) and name not in EXTRA_LISTS
        }

        def extra(name: str) -> list[dict[str, Any]]:
            cell = raw_fields.get(name)
            items = cell.get("value") if isinstance(cell, dict) else None
            return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []

        charges = [Charge.from_contract(item) for item in extra("charges")]
        return cls(
            doc_type=data["doc_type"],
            page_count=int(data["page_count"]),
            fields=fields,
            line_items=[LineItem.from_contract(item) for item in data.get("line_items", [])],
            needs_review=bool(data.get("needs_review", False)),
            review_reasons=list(data.get("review_reasons", [])),
            model_version=data.get("model_version", "unknown"),
            tax_lines=[TaxLine.from_contract(item) for item in extra("tax_lines")],
            charges=[c for c in charges if c is not None],
        )
