"""Line items printed on two text lines (SAP style): ``read_upper_lines(doc, extraction)``.

Some systems print each item as position, material and text on one line, and quantity, unit, price and value on
the line below. A table reader that takes the numeric line for the item then reads the unit as the description
and leaves the material empty. The layout says what happened: the item's description is one short word (the
unit) and the line just above it holds only words left of the item's numbers, set in cells (position, code,
text). Those become the item's sku and description, the short word its unit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extraction.document import Document, union_bbox
from extraction.layout import Line, group_lines, split_phrases, typical_char_width
from extraction.result import Extraction, FieldValue, LineItem

UNIT = re.compile(r"^[A-Za-z]{1,4}\.?$")  # 'KG', 'ST', 'EA', 'pcs'
WORD = re.compile(r"^[^\W\d_]{1,10}\.?$")  # a unit written out ('meter', 'kaleng', 'Stück')
CODE = re.compile(r"^(?=.*\d)[\w.\-/]{4,}$")


def read_upper_lines(doc: Document, extraction: Extraction) -> None:
    for k, item in enumerate(extraction.line_items):
        if item.page is None or item.bbox is None or not 1 <= item.page <= len(doc.pages):
            continue
        description = item.cells.get("description")
        if description is None or not _a_unit(item, description):
            continue
        if item.cells.get("sku") is not None or item.cells.get("unit") is not None:
            continue
        page = doc.pages[item.page - 1]
        upper = _line_above(group_lines(page.words), item.bbox, description.bbox)
        if upper is None:
            continue
        extraction.line_items[k] = _with_upper(item, description, split_phrases(upper, typical_char_width(page.words)))


def _a_unit(item: LineItem, description: FieldValue) -> bool:
    """The item's 'description' is its unit: a short code ('pcs'), or one word printed right of the item's
    quantity, where the unit after a quantity stands and no description does."""
    if UNIT.match(str(description.value)):
        return True
    quantity = item.cells.get("quantity")
    return (
        WORD.match(str(description.value)) is not None
        and quantity is not None
        and quantity.bbox is not None
        and description.bbox is not None
        and description.bbox[0] > quantity.bbox[2]
    )


def _line_above(
    lines: list[Line], bbox: tuple[float, float, float, float], unit: tuple[float, float, float, float] | None
) -> Line | None:
    """The text line just above the item's numbers, all of it left of them; a long text may run on over a
    right-aligned quantity, but not as far as the unit beside it, and holds no amount there."""
    x0, top, _, bottom = bbox
    height = bottom - top
    above = [line for line in lines if line.bottom <= top + 0.2 * height and top - line.bottom < 1.5 * height]
    if not above:
        return None
    line = max(above, key=lambda candidate: candidate.bottom)
    end = unit[0] if unit is not None and unit[0] > x0 else x0
    over = [w for w in line.words if w.bbox[2] >= x0]
    if any(w.bbox[2] >= end or re.search(r"\d[.,]\d{2}$", w.text) for w in over):
        return None
    return line


def _with_upper(item: LineItem, unit: FieldValue, phrases: list[Line]) -> LineItem:
    """The item with sku and description from the line above's cells (a leading position number aside)."""
    if len(phrases) < 2:
        return item
    text = phrases[-1]
    if not any(ch.isalpha() for ch in text.text):
        return item
    codes = [p for p in phrases[:-1] if len(p.words) == 1 and CODE.match(p.words[0].text)]
    if not codes:
        return item
    code = codes[-1]  # after the position number
    cells = dict(item.cells)
    confidence = min(unit.confidence, 0.7)
    page = unit.page
    cells["unit"] = unit
    cells["sku"] = FieldValue(code.text, confidence, page, code.bbox, code.text)
    cells["description"] = FieldValue(text.text, confidence, page, text.bbox, text.text)
    bbox = union_bbox([b for b in (item.bbox, text.bbox, code.bbox) if b is not None])
    return replace(item, cells=cells, bbox=bbox)
