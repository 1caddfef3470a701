"""Which extracted values go to a person, and how they are grouped into review tasks.

A value goes to review when its chance of being wrong (1 - its calibrated confidence) is above the customer's
target, or when nothing but the reader that read it vouches for it (``extraction.checks.unconfirmed``: its
confidence stays calibrated, the decision is the routing's); a document that lacks what its type requires (a PO
total, line items) goes too, even when every value it shows is sure. Pure functions over an ``Extraction``: the
service opens the tasks, the bench counts them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from extraction.checks import REQUIRED_PREFIXES, unconfirmed
from extraction.result import Extraction

Grouping = Literal["value", "document"]
# a failed sum is not here: it already lowers the confidence of the values it involves
DOCUMENT_WIDE = (*REQUIRED_PREFIXES, "missing:")


@dataclass(frozen=True, slots=True)
class UnsureValue:
    """One value to show a reviewer: a header field (``line`` None) or a whole line item (``line`` 0-based)."""

    field: str  # a header field name, or "line_item"
    line: int | None
    confidence: float
    page: int | None
    bbox: tuple[float, float, float, float] | None


def unsure_values(extraction: Extraction, threshold: float) -> list[UnsureValue]:
    """The values whose confidence is below ``threshold`` (= 1 - the largest chance of error let through), and those
    nothing confirms (``unconfirmed``), whatever their confidence."""
    names, lines = unconfirmed(extraction)
    out = [
        UnsureValue(name, None, cell.confidence, cell.page, cell.bbox)
        for name, cell in extraction.fields.items()
        if cell.value is not None and (cell.confidence < threshold or name in names)
    ]
    out += [
        UnsureValue("line_item", index, item.confidence, item.page, item.bbox)
        for index, item in enumerate(extraction.line_items)
        if item.confidence < threshold or index in lines
    ]
    return out


# what a document of each type shows when it is read whole; absent, something was missed (on held-out layouts a
# PO without a currency had one printed every time; on blind layouts every auto-accepted PO that missed a
# party's name was wrong elsewhere too)
EXPECTED = {"purchase_order": ("po_number", "order_date", "total", "currency", "buyer_name", "vendor_name")}


def document_problems(extraction: Extraction) -> list[str]:
    """Review reasons about the document as a whole: a required or always-printed field or the line items missing."""
    reasons = [reason for reason in extraction.review_reasons if reason.startswith(DOCUMENT_WIDE)]
    expected = list(EXPECTED.get(extraction.doc_type, ()))
    if "currency" not in expected and (extraction.value("total") is not None or extraction.line_items):
        expected.append("currency")  # amounts are in some currency
    said = " ".join(reasons)
    reasons += [f"missing: {name}" for name in expected if extraction.value(name) is None and name not in said]
    return reasons


def review_task_count(extraction: Extraction, threshold: float, grouping: Grouping = "document") -> int:
    """How many tasks the document opens: one per unsure value (``value``), or one for the whole document."""
    unsure = unsure_values(extraction, threshold)
    if grouping == "value":
        return len(unsure)
    return int(bool(unsure or document_problems(extraction)))
