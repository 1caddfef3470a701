"""Working structures shared by the readers (candidates, columns, row drafts, page views) and small
helpers on words: boxes, stacked headers, tax ids, numbers, qty x price = amount."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from extraction.document import BBox, Page, Word, union_bbox
from extraction.layout import Line, print_size, value_over_caption
from extraction.normalize import (
    is_valid_tax_id,
    normalize_tax_id,
    ocr_fixed_tax_id,
    parse_amount,
)
from extraction.result import FieldValue, Value

# ---- working structures -----------------------------------------------------------------------


@dataclass(slots=True)
class Candidate:
    name: str
    value: Value
    words: list[Word]
    page: int
    score: float
    raw: str
    order: tuple[int, float] = (0, 0.0)  # page, y: where it stands

    def field(self) -> FieldValue:
        ocr = min((w.confidence for w in self.words), default=1.0)
        return FieldValue(self.value, round(self.score * (0.5 + 0.5 * ocr), 4), self.page, _bbox(self.words), self.raw)


@dataclass(slots=True)
class Column:
    name: str
    x0: float
    x1: float
    measured: bool = False  # its span is its values' own (a table found by arithmetic), not a caption's


@dataclass(slots=True)
class RowDraft:
    page: int
    cells: dict[str, list[Word]] = field(default_factory=dict)
    bottom: float = 0.0
    columns: tuple[str, ...] = ()  # the table's columns
    header: tuple[Column, ...] = ()  # where they stand
    line: Line | None = None  # the row's first printed line
    sub_lines: list[list[Word]] = field(default_factory=list)  # indented lines under the item (delivery, note)
    code_in_text: bool = False  # the table prints article codes anywhere in its text: a bracketed one is text


@dataclass(slots=True)
class PageView:
    page: Page
    lines: list[Line]
    phrases: list[list[Line]]  # per line
    char_width: float


def _bbox(words: list[Word]) -> BBox | None:
    return union_bbox([w.bbox for w in words])


def _stack(line: Line, below: Line) -> Line:
    """A two-line table header as one line: each word of ``below`` joins the caption above it (the words of one
    caption a space apart: 'No.' under 'Our' of 'Our Part' joins 'Our Part')."""
    height = print_size(line.words) if line.words else 0.0
    merged: list[list[Word]] = []
    for word in line.words:
        if merged and word.bbox[0] - merged[-1][-1].bbox[2] < 0.5 * height:
            merged[-1].append(word)
        else:
            merged.append([word])
    merged = [[Word(" ".join(w.text for w in ws), _bbox(ws), min(w.confidence for w in ws))] for ws in merged]  # type: ignore[arg-type]
    loose: list[Word] = []
    for word in below.words:
        above = [m for m in merged if min(word.bbox[2], m[0].bbox[2]) - max(word.bbox[0], m[0].bbox[0]) > 0]
        if above:
            # a wide OCR box ('Measure' under 'Unit of' reaching 'Net') joins the word nearest its middle
            middle = (word.bbox[0] + word.bbox[2]) / 2
            min(above, key=lambda m: abs((m[0].bbox[0] + m[0].bbox[2]) / 2 - middle)).append(word)
        else:
            loose.append(word)
    # a caption's box spans its words' width at the top line's height: the header's gaps are measured in lines
    words = [
        Word(
            " ".join(w.text for w in ws),
            (min(w.bbox[0] for w in ws), ws[0].bbox[1], max(w.bbox[2] for w in ws), ws[0].bbox[3]),
            min(w.confidence for w in ws),
        )
        for ws in merged
    ]
    return Line(sorted(words + loose, key=lambda w: w.bbox[0]))


def _gap(x0: float, x1: float, c0: float, c1: float) -> float:
    """Horizontal distance between two spans (0 when they overlap)."""
    return max(0.0, c0 - x1, x0 - c1)


def _phrase_text_words(phrase: Line, start_char: int) -> list[Word]:
    """Words of a phrase whose text starts at or after ``start_char`` of ``phrase.text``."""
    out, position = [], 0
    for word in phrase.words:
        if position >= start_char:
            out.append(word)
        elif position + len(word.text) > start_char:  # 'PO#4711': the part of the word after the label
            tail = word.text[start_char - position :].lstrip(" :#.")
            if tail:
                out.append(Word(tail, word.bbox, word.confidence))
        position += len(word.text) + 1
    return out


def read_tax_id(words: list[Word]) -> tuple[str, list[Word]] | None:
    """The longest run of up to five words that reads as a valid tax id (else the first that normalises): a
    Norwegian 'NO 998 212 537 MVA' is five."""
    best = None
    for count in range(1, min(5, len(words)) + 1):
        text = "".join(w.text for w in words[:count])
        value = normalize_tax_id(text)
        if value and not is_valid_tax_id(value):
            value = ocr_fixed_tax_id(value) or value
        if value and (best is None or is_valid_tax_id(value)):
            best = (value, words[:count])
            if is_valid_tax_id(value):
                break
    return best


def number(words: list[Word], number_hint: str | None) -> Decimal | None:
    return parse_amount(" ".join(w.text for w in words), number_hint)


def is_amount_word(word: Word) -> bool:
    return parse_amount(word.text) is not None and not re.fullmatch(r"\(?[A-Za-z$€£]*\)?", word.text)


def arithmetic_fits(values: dict[str, Decimal | None]) -> bool:
    """quantity x price = amount (before or after a percentage discount), or not all three known; a price per
    100 or per 1000 units ('_per') divides; a discount printed as an amount ('_off') comes off the line; a net
    price ('_net', the price after the discount) multiplies out as the price does; an amount printed with its tax
    ('tax_rate', gross amounts) is the net one plus that rate."""
    qty, price, amount = values.get("quantity"), values.get("unit_price"), values.get("amount")
    if qty is None or price is None or amount is None:
        return True
    discount = values.get("_discount") or Decimal("0")
    per = values.get("_per") or 1
    gross = qty * price / per
    nets = [gross, gross * (1 - discount / 100)]
    if values.get("_off"):
        nets.append(gross - (values.get("_off") or 0))
    if values.get("_net"):
        nets.append(qty * (values.get("_net") or 0) / per)
    tax = values.get("tax_rate")
    if tax:
        nets += [net * (1 + tax / 100) for net in nets]
    return any(abs(v - amount) <= max(Decimal("0.011"), abs(amount) * Decimal("0.001")) for v in nets)


def value_above_caption(view: PageView, index: int, caption: Line) -> Line | None:
    """``layout.value_over_caption`` on a page view: the value's words as one phrase, None where there is none."""
    words = value_over_caption(view.lines, index, caption.words, view.char_width, view.page.source == "ocr")
    return Line(words) if words else None


def key_value_row(view: PageView, index: int) -> bool:
    """Whether line ``index`` is a row of a column of key/value rows set far apart (captions flush left, values
    flush right): it holds two phrases, and the line next to it holds two that start and end where they do. A lone
    line of two phrases far apart is no such row (a title and the number printed at the page's far edge)."""
    phrases = view.phrases[index]
    if len(phrases) != 2:
        return False
    slack = 1.5 * view.char_width
    for other in (index - 1, index + 1):
        if 0 <= other < len(view.phrases) and len(view.phrases[other]) == 2:
            left, right = view.phrases[other]
            if abs(left.bbox[0] - phrases[0].bbox[0]) < slack and abs(right.bbox[2] - phrases[1].bbox[2]) < 3 * slack:
                return True
    return False
