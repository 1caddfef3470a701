"""Evidence about each extracted value that does not come from one reader's own score.

Per header field and per line item, a row of numbers: whether the two independent readers (the layout model
and the heuristic extractor) agree, whether the arithmetic holds (lines, subtotal, tax, total), whether the value
has a valid form (tax-id check digits, a date that exists and is plausible, an ISO currency), whether it matches
the customer's earlier documents, whether its caption is in the vocabulary the readers know, whether the whole
document's arithmetic closes, and how unlike the training data the page is (words the readers' vocabulary does not
know, the layout model's uncertainty over the page, how often the readers disagree on the document; whether the
layout model read the page at all).
Missing evidence is -1, so a learned model can tell "no evidence" from "evidence against".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from extraction.charges import charges_that_close
from extraction.checks import row_adds_up
from extraction.document import Document, Word
from extraction.normalize import COMMON_CODES, is_valid_tax_id
from extraction.result import HEADER_FIELDS, LINE_FIELDS, PRICED, Extraction, FieldValue, LineItem, Value
from extraction.rolecaptions import BUYER, OTHER, VENDOR
from extraction.roles import Company, captioned, companies, key, similar, with_its_form
from extraction.terms import parse_terms
from models.layout.combine import same_value
from models.layout.consistency import Checks, check, document_closes

FIELD_CODES = {name: i for i, name in enumerate(HEADER_FIELDS)}
FROM_HISTORY = ("buyer_name", "vendor_name", "buyer_tax_id", "vendor_tax_id", "currency", "payment_terms")
DATE_FIELDS = ("order_date", "effective_date", "expiry_date")
# fields one type of document prints and the other does not: a PO number read off a contract is a misreading
TYPE_FIELDS = {"purchase_order": ("po_number", "order_date"), "contract": ("contract_number", "expiry_date")}
WORD = re.compile(r"[^\W\d_]{3,}")

DOCUMENT_FEATURES = [
    "ocr",
    "pages",
    "lines",
    "readers_disagree_share",
    "readers_line_count_gap",
    "model_mean_word_prob",
    "model_unsure_word_share",
    "unknown_word_share",
    "arithmetic_failures",
    "document_closes",
    "is_contract",
    "model_read",
]
FIELD_FEATURES = [
    "field",
    "confidence",
    "model_confidence",
    "heuristic_confidence",
    "model_agrees",
    "heuristic_agrees",
    "arithmetic",
    "format_valid",
    "read_from_text",
    "text_length",
    "digit_share",
    "word_ocr_confidence",
    "history_agrees",
    "caption_known",
    "date_unambiguous",
    "value_repeats",
    "position_y",
    "parties_distinct",
    "other_type_field",
    "name_form_cut",
    "role_rivals",
    "caption_names_role",
    "companies_unclaimed",
    "company_passed_over",
    *DOCUMENT_FEATURES,
]
LINE_FEATURES = [
    "confidence",
    "min_cell_confidence",
    "other_reader_agrees",
    "cells_differ",
    "numbers_differ",
    "cells_only_here",
    "cells_only_other",
    "sku_is_line_number",
    "lines_disagree_share",
    "row_arithmetic",
    "lines_sum_subtotal",
    "cells",
    "has_sku",
    "description_length",
    "inferred_cells",
    "positive_numbers",
    "word_ocr_confidence",
    "rows_confirmed_share",
    "text_ocr_least",
    *DOCUMENT_FEATURES,
]
CATEGORICAL_FIELD_FEATURES = ["field"]


@dataclass
class Reading:
    """Everything known about one document's extraction: the page, both readers, their combination."""

    doc: Document
    combined: Extraction
    model: Extraction | None = None
    heuristic: Extraction | None = None
    word_probs: Sequence[float] = ()  # the layout model's probability of its label, per word
    history: Mapping[str, Value] = field(default_factory=dict)  # the customer's confirmed earlier values
    # the readers' own scores, kept when the learned confidence first replaces them (``own_scores``): scored again
    # (the customer's history known), the signals are those the model was fitted on, not its own output
    own: dict[tuple[str, ...], tuple[float, float]] | None = None

    @property
    def ocr(self) -> bool:
        return any(page.source == "ocr" for page in self.doc.pages)


def own_scores(extraction: Extraction) -> dict[tuple[str, ...], tuple[float, float]]:
    """Per header value and per line (keyed by what was read), its confidence and its least sure cell's."""
    out: dict[tuple[str, ...], tuple[float, float]] = {
        ("field", name, repr(cell.value)): (cell.confidence, cell.confidence)
        for name, cell in extraction.fields.items() if cell.value is not None
    }  # fmt: skip
    for item in extraction.line_items:
        lowest = min((c.confidence for c in item.cells.values()), default=-1.0)
        out[("line", *_line_key(item))] = (item.confidence, lowest)
    return out


def _agrees(value: Value, other: FieldValue | None) -> float:
    if other is None or other.value is None:
        return -1.0
    return float(same_value(value, other.value))


def format_valid(name: str, value: Value, fields: Mapping[str, FieldValue]) -> float:
    """1 when the value has the form its field demands, 0 when not, -1 when the field has no such rule."""
    if name.endswith("_tax_id"):
        return float(is_valid_tax_id(str(value)))
    if name in DATE_FIELDS:
        if not isinstance(value, date):
            return 0.0
        ok = 1990 <= value.year <= 2100
        effective, expiry = fields.get("effective_date"), fields.get("expiry_date")
        if name in ("effective_date", "expiry_date") and effective is not None and expiry is not None:
            a, b = effective.value, expiry.value
            ok &= not (isinstance(a, date) and isinstance(b, date)) or a < b
        return float(ok)
    if name == "currency":
        return float(str(value) in COMMON_CODES)
    if name in ("subtotal", "tax_total", "total"):
        return float(isinstance(value, Decimal) and value >= 0 and -value.as_tuple().exponent <= 2)  # type: ignore[operator]
    if name == "payment_terms":
        return float(parse_terms(str(value)) is not None)
    if name == "payment_terms_days":
        return float(isinstance(value, int) and 0 <= value <= 365)
    if name in ("po_number", "contract_number"):
        return float(any(c.isdigit() for c in str(value)) and len(str(value)) <= 40)
    if name in ("buyer_name", "vendor_name"):
        text = str(value)
        return float(sum(c.isalpha() for c in text) >= 3 and len(text) <= 120)
    return -1.0


NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](?:\d{4}|\d{2})\b")


def date_unambiguous(name: str, raw: str | None) -> float:
    """A date field's printed text reads one way only (a month name, year first, or a day above 12): 1; day and
    month both <= 12 and different (the order decides): 0; -1 for other fields or no text."""
    if name not in DATE_FIELDS or raw is None:
        return -1.0
    match = NUMERIC_DATE.search(raw)
    if match is None:
        return 1.0
    first, second = int(match[1]), int(match[2])
    return float(first > 12 or second > 12 or first == second)


def _collapsed(text: str) -> str:
    return " ".join(text.casefold().split())


def value_repeats(raw: str | None, text: str) -> float:
    """How often the value's printed text occurs in the document (a total or a party printed twice is read twice),
    at most 5; -1 without printed text."""
    needle = _collapsed(raw or "")
    if len(needle) < 2:
        return -1.0
    return float(min(5, text.count(needle)))


def parties_distinct(name: str, fields: Mapping[str, FieldValue]) -> float:
    """For a party's name: 1 when the other party has a different name (neither contains the other), 0 when the
    same, -1 for other fields or one party only."""
    if name not in ("buyer_name", "vendor_name"):
        return -1.0
    mine = fields.get(name)
    other = fields.get("vendor_name" if name == "buyer_name" else "buyer_name")
    if mine is None or other is None or mine.value is None or other.value is None:
        return -1.0
    a, b = _collapsed(str(mine.value)), _collapsed(str(other.value))
    return float(a not in b and b not in a)


# a party's fields and the role whose block they are read from
PARTY_ROLES = {"buyer_name": BUYER, "buyer_tax_id": BUYER, "vendor_name": VENDOR, "vendor_tax_id": VENDOR}
PARTY_SIGNALS = ("role_rivals", "caption_names_role", "companies_unclaimed", "company_passed_over")
MAX_COUNT = 3.0


def name_form_cut(name: str, value: Value, doc: Document) -> float:
    """For a party's name: 1 where the page prints it with a legal form right after it ('Acme Engineering' read
    off 'Acme Engineering (Pty) Ltd'): a name read without the end of its company's name; 0 where printed and never
    so followed; -1 for other fields or a name the page does not print word for word. The reader's own rule
    (``extraction.roles.with_its_form``), which reads such a name whole: what it left cut, a later reading cut."""
    if not name.endswith("_name") or not isinstance(value, str) or not value.split():
        return -1.0
    printed, whole = with_its_form(doc, value.split())
    return 1.0 if whole is not None else float(0 if printed else -1)


def party_signals(doc: Document, fields: Mapping[str, FieldValue]) -> dict[str, dict[str, float]]:
    """Per party role (buyer, vendor), how the page's company blocks bear on the name read for it
    (``extraction.roles``: companies by their legal form, a block's caption by ``rolecaptions``):
    ``role_rivals``, other companies whose block's caption names the same role (an order printing 'invoice to' and
    'sold to' over two companies; -1 where no caption names a party); ``caption_names_role``, 1 where the name read
    is a company captioned in this role, 0 where captioned in another (the other party, a ship-to, a contact), -1
    uncaptioned or no company of the page; ``companies_unclaimed``, companies of the page's body neither party's
    name is (a block no role was given to; -1 where the page names none); ``company_passed_over``, 1 where the name
    read is none of the page's companies while one of them is neither party's (a contact person under a 'buyer'
    caption read for the company heading the page), 0 where not, -1 where the page names no company or no name was
    read for the role."""
    found = [company for company in companies(doc) if company.body] if doc.pages else []
    if not found:
        return {role: dict.fromkeys(PARTY_SIGNALS, -1.0) for role in (BUYER, VENDOR)}
    by_caption = captioned(doc, found)

    def company_of(role: str) -> Company | None:
        """The company the name read is, printed alike or as a piece of its name (its legal form left off)."""
        cell = fields.get(f"{role}_name")
        if cell is None or not isinstance(cell.value, str):
            return None
        alike = next((c for c in found if any(similar(cell.value, m.name) for m in c.mentions)), None)
        piece = key(cell.value)
        pieces = [c for c in found if len(piece) >= 6 and any(piece in key(m.name) for m in c.mentions)]
        return alike or (pieces[0] if len(pieces) == 1 else None)

    owners = {role: company_of(role) for role in (BUYER, VENDOR)}
    unclaimed = sum(all(c is not owner for owner in owners.values()) for c in found)
    any_party_caption = bool(by_caption[BUYER] or by_caption[VENDOR])
    out = {}
    for role in (BUYER, VENDOR):
        own = owners[role]
        rivals = [c for c in by_caption[role] if c is not own]
        elsewhere = [c for other in (BUYER, VENDOR, OTHER) if other != role for c in by_caption[other]]
        caption = -1.0
        if own is not None and any(c is own for c in by_caption[role]):
            caption = 1.0
        elif own is not None and any(c is own for c in elsewhere):
            caption = 0.0
        out[role] = {
            "role_rivals": min(MAX_COUNT, float(len(rivals))) if any_party_caption else -1.0,
            "caption_names_role": caption,
            "companies_unclaimed": min(MAX_COUNT, float(unclaimed)),
            "company_passed_over": -1.0 if fields.get(f"{role}_name") is None else float(own is None and unclaimed > 0),
        }
    return out


def document_text(doc: Document) -> str:
    return "\n".join(_collapsed(" ".join(w.text for w in page.words)) for page in doc.pages)


def _words_inside(doc: Document, page: int | None, bbox: Any) -> list[Word]:
    """The page's words (as its text layer or its OCR first read them) whose middle lies inside a value's box."""
    if page is None or bbox is None or not 1 <= page <= len(doc.pages):
        return []
    x0, y0, x1, y1 = bbox
    return [
        w
        for w in doc.pages[page - 1].words
        if x0 - 0.002 <= (w.bbox[0] + w.bbox[2]) / 2 <= x1 + 0.002
        and y0 - 0.002 <= (w.bbox[1] + w.bbox[3]) / 2 <= y1 + 0.002
    ]


def _ocr_confidence(doc: Document, page: int | None, bbox: Any) -> float:
    """Mean OCR confidence of the words inside the value's box (1 for a text layer; -1 when nowhere)."""
    inside = [w.confidence for w in _words_inside(doc, page, bbox)]
    return sum(inside) / len(inside) if inside else -1.0


# a line's cells read as text: arithmetic confirms a line's numbers, never these
TEXT_CELLS = tuple(name for name, kind in LINE_FIELDS.items() if kind == "text")


def text_ocr_least(doc: Document, item: LineItem) -> float:
    """How sure the OCR was of a scanned line's text cells (SKU, description, unit): the least confidence among the
    words the page's first reading holds inside them (a mean over the line hides one doubtful word among sure
    numbers; a re-read of a doubtful cell does not raise it). -1 on a text layer or without a text cell. Arithmetic
    confirms a scanned line's numbers, never its text: out of generator such lines multiplied out and were wrong
    by their text (calib11)."""
    cells = [c for n in TEXT_CELLS if (c := item.cells.get(n)) is not None and c.raw and c.bbox is not None]
    pages = [c.page for c in cells]
    if not cells or any(p is None or not 1 <= p <= len(doc.pages) or doc.pages[p - 1].source != "ocr" for p in pages):
        return -1.0
    return min((w.confidence for c in cells for w in _words_inside(doc, c.page, c.bbox)), default=-1.0)


def caption_known(doc: Document, page: int | None, bbox: Any, vocabulary: frozenset[str]) -> float:
    """The share of the caption's words the vocabulary knows: the words just left of the value on its line, else
    those of the line just above it (a caption over a box); -1 without a box, a caption or a vocabulary."""
    if page is None or bbox is None or not vocabulary or not 1 <= page <= len(doc.pages):
        return -1.0
    x0, y0, x1, y1 = bbox
    middle, height = (y0 + y1) / 2, max(y1 - y0, 0.005)
    words = doc.pages[page - 1].words
    left = sorted((w for w in words if w.bbox[2] <= x0 + 0.002 and y0 <= (w.bbox[1] + w.bbox[3]) / 2 <= y1),
                  key=lambda w: -w.bbox[2])[:3]  # fmt: skip
    above = [w for w in words if middle - 2.5 * height <= (w.bbox[1] + w.bbox[3]) / 2 < y0
             and w.bbox[0] < x1 and w.bbox[2] > x0]  # fmt: skip
    for caption in (left, above):
        found = [m.group(0).casefold() for w in caption for m in WORD.finditer(w.text)]
        if found:
            return sum(word in vocabulary for word in found) / len(found)
    return -1.0


def _checks(reading: Reading) -> Checks:
    """The arithmetic of the combined reading, with the printed charges that close its totals; a row that
    multiplies out for a price quoted per 10, 100 or 1000 units or a net price rounded to the cent (``row_adds_up``)
    counts as one that does."""
    combined = reading.combined
    adjustments = combined.adjustments or charges_that_close(reading.doc, combined)
    checks = check(combined.fields, combined.line_items, adjustments)  # type: ignore[arg-type]
    for number, item in enumerate(combined.line_items, start=1):
        if number > len(checks.row_status) or checks.row_status[number - 1] != "bad":
            continue
        if _row_arithmetic(item) == 1.0:
            checks.row_status[number - 1] = "ok"
            checks.failures = [f for f in checks.failures if not f.startswith(f"line {number}:")]
    return checks


def _status(statuses: Mapping[str, str], name: str) -> float:
    return {"ok": 1.0, "bad": 0.0}.get(statuses.get(name, "na"), -1.0)


def document_features(reading: Reading, vocabulary: frozenset[str]) -> dict[str, float]:
    combined, model, heuristic = reading.combined, reading.model, reading.heuristic
    both = [
        name
        for name in HEADER_FIELDS
        if model is not None and heuristic is not None and model.value(name) is not None
        and heuristic.value(name) is not None
    ]  # fmt: skip
    disagree = [
        n
        for n in both
        if model is not None and heuristic is not None and not same_value(model.value(n), heuristic.value(n))
    ]
    words = [m.group(0).casefold() for page in reading.doc.pages for w in page.words for m in WORD.finditer(w.text)]
    probs = list(reading.word_probs)
    checks = _checks(reading)
    return {
        "ocr": float(reading.ocr),
        "pages": float(reading.doc.page_count),
        "lines": float(len(combined.line_items)),
        "readers_disagree_share": len(disagree) / len(both) if both else -1.0,
        "readers_line_count_gap": (
            float(abs(len(model.line_items) - len(heuristic.line_items))) if model and heuristic else -1.0
        ),
        "model_mean_word_prob": sum(probs) / len(probs) if probs else -1.0,
        "model_unsure_word_share": sum(p < 0.6 for p in probs) / len(probs) if probs else -1.0,
        "unknown_word_share": (sum(w not in vocabulary for w in words) / len(words) if words and vocabulary else -1.0),
        "arithmetic_failures": float(len(checks.failures)),
        "document_closes": float(document_closes(checks, len(combined.line_items))),
        "is_contract": float(combined.doc_type == "contract"),
        "model_read": float(model is not None),
    }


def field_rows(
    reading: Reading, doc_features: Mapping[str, float], vocabulary: frozenset[str] = frozenset()
) -> dict[str, dict[str, float]]:
    """Per header field shown, its signals (``FIELD_FEATURES``)."""
    combined = reading.combined
    statuses = _checks(reading).field_status
    statuses = {**statuses, "payment_terms_days": statuses.get("payment_terms", "na")}
    page_text = document_text(reading.doc)
    parties = party_signals(reading.doc, combined.fields) if any(n in PARTY_ROLES for n in combined.fields) else {}
    rows = {}
    for name, cell in combined.fields.items():
        if cell.value is None:
            continue
        model_cell = reading.model.fields.get(name) if reading.model else None
        rival_cell = reading.heuristic.fields.get(name) if reading.heuristic else None
        text = str(cell.raw if cell.raw is not None else cell.value)
        past = reading.history.get(name) if name in FROM_HISTORY else None
        own = (reading.own or {}).get(("field", name, repr(cell.value)), (cell.confidence, 0.0))[0]
        rows[name] = {
            "field": float(FIELD_CODES.get(name, -1)),
            "confidence": float(own),
            "model_confidence": float(model_cell.confidence) if model_cell and model_cell.value is not None else -1.0,
            "heuristic_confidence": float(rival_cell.confidence)
            if rival_cell and rival_cell.value is not None
            else -1.0,
            "model_agrees": _agrees(cell.value, model_cell),
            "heuristic_agrees": _agrees(cell.value, rival_cell),
            "arithmetic": _status(statuses, name),
            "format_valid": format_valid(name, cell.value, combined.fields),
            "read_from_text": float(cell.raw is not None),
            "text_length": float(len(text)),
            "digit_share": sum(c.isdigit() for c in text) / max(1, len(text)),
            "word_ocr_confidence": _ocr_confidence(reading.doc, cell.page, cell.bbox),
            "history_agrees": -1.0 if past is None else float(same_value(cell.value, past)),
            "caption_known": caption_known(reading.doc, cell.page, cell.bbox, vocabulary),
            "date_unambiguous": date_unambiguous(name, cell.raw),
            "value_repeats": value_repeats(cell.raw, page_text),
            # where on its page (0 top, 1 bottom; pages after the first count on): a party in the letterhead
            "position_y": -1.0 if cell.bbox is None else (cell.page or 1) - 1 + (cell.bbox[1] + cell.bbox[3]) / 2,
            "parties_distinct": parties_distinct(name, combined.fields),
            "other_type_field": float(
                any(name in names for kind, names in TYPE_FIELDS.items() if kind != combined.doc_type)
            ),
            "name_form_cut": name_form_cut(name, cell.value, reading.doc),
            **(parties[PARTY_ROLES[name]] if name in PARTY_ROLES else dict.fromkeys(PARTY_SIGNALS, -1.0)),
            **doc_features,
        }
    return rows


def _line_key(item: LineItem) -> tuple[str, ...]:
    return tuple(str(item.value(name)).strip().casefold() for name in LINE_FIELDS if item.value(name) is not None)


def line_rows(reading: Reading, doc_features: Mapping[str, float]) -> list[dict[str, float]]:
    """Per line item shown, its signals (``LINE_FEATURES``)."""
    combined = reading.combined
    readers = [e for e in (reading.model, reading.heuristic) if e is not None]
    other_keys = [{_line_key(item) for item in e.line_items} for e in readers]
    amounts = [item.decimal("amount") for item in combined.line_items]
    subtotal = combined.decimal("subtotal")
    if subtotal is None or not amounts or any(a is None for a in amounts):
        sums = -1.0
    else:
        sums = float(abs(sum((a for a in amounts if a is not None), Decimal(0)) - subtotal) <= Decimal("0.01"))
    their_lines = [[_comparable_cells(other) for other in e.line_items] for e in readers]  # once, not per line
    differences = [_cell_differences(item, readers, their_lines) for item in combined.line_items]
    disputed = sum(d["cells_differ"] + d["cells_only_here"] + d["cells_only_other"] > 0 for d in differences)
    disagree_share = disputed / len(differences) if differences and len(readers) == 2 else -1.0
    arithmetic = [_row_arithmetic(item) for item in combined.line_items]
    # how much of the table confirms itself: the share of its rows that multiply out. Out of generator, scanned
    # lines of tables where few rows do were right far less often than their own signals said (calib10)
    rows_confirmed = sum(a == 1.0 for a in arithmetic) / len(arithmetic) if arithmetic else -1.0
    rows = []
    for position, item in enumerate(combined.line_items):
        # the line comes from one reader: it is confirmed when the other read the very same cells
        key = _line_key(item)
        agrees = -1.0 if len(other_keys) < 2 or not all(other_keys) else float(all(key in k for k in other_keys))
        numbers = [v for name in PRICED if (v := item.decimal(name)) is not None]
        cells = list(item.cells.values())
        description = str(item.value("description") or "")
        lowest = min((c.confidence for c in cells), default=-1.0)
        confidence, lowest = (reading.own or {}).get(("line", *key), (item.confidence, lowest))
        rows.append(
            {
                "confidence": float(confidence),
                "min_cell_confidence": float(lowest),
                "other_reader_agrees": agrees,
                **differences[position],
                # a line-number column read as the SKU: 1, 2, 3 down the table
                "sku_is_line_number": -1.0
                if item.value("sku") is None
                else float(str(item.value("sku")) == str(position + 1)),
                "lines_disagree_share": disagree_share,
                "row_arithmetic": arithmetic[position],
                "rows_confirmed_share": rows_confirmed,
                "lines_sum_subtotal": sums,
                "cells": float(len(cells)),
                "has_sku": float(item.value("sku") is not None),
                "description_length": float(len(description)),
                "inferred_cells": float(sum(c.raw is None for c in cells)),
                "positive_numbers": float(all(v > 0 for v in numbers)) if numbers else -1.0,
                "word_ocr_confidence": _ocr_confidence(reading.doc, item.page, item.bbox),
                "text_ocr_least": text_ocr_least(reading.doc, item),
                **doc_features,
            }
        )
    return rows


def _row_arithmetic(item: LineItem) -> float:
    """1 where the row's quantity times its price makes its amount (``row_adds_up``), 0 where not, -1 where one of
    them is missing."""
    qty, price, amount = item.decimal("quantity"), item.decimal("unit_price"), item.decimal("amount")
    return -1.0 if qty is None or price is None or amount is None else float(row_adds_up(qty, price, amount))


def _comparable(value: Value) -> Value:
    """The value as ``same_value`` compares it: text without case and runs of spaces, anything else as it is."""
    return re.sub(r"\s+", " ", value).strip().casefold() if isinstance(value, str) else value


def _comparable_cells(item: LineItem) -> dict[str, Value]:
    return {name: _comparable(cell.value) for name, cell in item.cells.items() if cell.value is not None}


def _cell_differences(
    item: LineItem, readers: Sequence[Extraction], their_lines: Sequence[Sequence[dict[str, Value]]]
) -> dict[str, float]:
    """Cell by cell against the other reader's closest line: cells that differ (numbers apart), cells only one of
    the two read. The line itself comes from one reader, so the larger difference is the other reader's.
    ``their_lines``: per reader, its lines' cells as ``_comparable_cells`` gives them."""
    if len(readers) < 2 or not all(e.line_items for e in readers):
        return dict.fromkeys(("cells_differ", "numbers_differ", "cells_only_here", "cells_only_other"), -1.0)
    mine = _comparable_cells(item)
    worst = dict.fromkeys(("cells_differ", "numbers_differ", "cells_only_here", "cells_only_other"), 0.0)
    for theirs_all in their_lines:
        theirs = max(theirs_all, key=lambda t: sum(n in t and v == t[n] for n, v in mine.items()))
        both = [n for n in mine if n in theirs]
        found = {
            "cells_differ": float(sum(mine[n] != theirs[n] for n in both)),
            "numbers_differ": float(sum(mine[n] != theirs[n] for n in both if n in PRICED)),
            "cells_only_here": float(sum(n not in theirs for n in mine)),
            "cells_only_other": float(sum(n not in mine for n in theirs)),
        }
        if sum(found.values()) > sum(worst.values()):
            worst = found
    return worst


def known_words(docs: Iterable[Document], min_documents: int = 3) -> frozenset[str]:
    """Words seen in at least ``min_documents`` documents: the vocabulary, without one-off names and numbers."""

    seen: Counter[str] = Counter()
    for doc in docs:
        seen.update({m.group(0).casefold() for page in doc.pages for w in page.words for m in WORD.finditer(w.text)})
    return frozenset(word for word, n in seen.items() if n >= min_documents)
