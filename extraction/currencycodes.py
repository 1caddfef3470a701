"""A currency printed as its ISO 4217 code where codes stand, whatever the code: ``read_currency_code(doc, ext)``.

The readers know the common codes anywhere on the page; a rarer one ('PEN', 'UAH', 'PKR', 'RSD') is read only where
a code is a cell's whole value: alone under a caption of words (a row of captions over a row of values: 'Moneda'
over 'PEN'), alone after one ('Валюта UAH'), or in brackets after a column's caption ('Ціна (UAH)'). Which codes
are currencies is Babel's (legal tender somewhere today), so a code nobody studied is read the same way; the
places keep a code from being read where it is a word ('ALL', 'TOP').
"""

from __future__ import annotations

import re

from extraction.document import Document, Page
from extraction.layout import Line, phrase_lines
from extraction.normalize import iso_codes
from extraction.result import Extraction, FieldValue

CONFIDENCE = 0.6  # read by place alone
_BRACKETED = re.compile(r"^\(([A-Z]{3})\)$")
_MONEY = re.compile(r"^\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}$")  # an amount with its cents: a table's row
_NUMBERED = re.compile(r"^(?:\d{1,2}|[A-Za-z])[.)]$")  # a box's or a list's number before its caption ('6.', 'b)')
_LEADER = re.compile(r"^[.·…_]{2,}:?$")  # dots padding a caption to its value's column
_CODE_IN_PROSE = re.compile(r"^\(?([A-Z]{3})[.,;:)]?$")


def read_currency_code(doc: Document, extraction: Extraction) -> None:
    """Fill an empty currency with the code a cell of the first page prints alone under or after its caption, else
    in brackets after a caption."""
    current = extraction.fields.get("currency")
    if (current is not None and current.value is not None) or not doc.pages:
        return
    found = _code_in_a_cell(doc.pages[0]) or _code_in_brackets(doc) or _code_in_prose(doc)
    if found is not None:
        extraction.fields["currency"] = found


def caption_of_letters(phrase: Line, most_words: int = 3) -> bool:
    """A few words of letters, a colon allowed ('Moneda', 'Währung:', 'Forma de pago'); a box's number before it
    ('6. Devise') and leader dots after it ('Currency ........') are no part of it."""
    texts = [w.text.rstrip(":.") for w in phrase.words if not _LEADER.match(w.text)]
    if len(texts) > 1 and _NUMBERED.match(phrase.words[0].text):
        texts = texts[1:]
    return 1 <= len(texts) <= most_words and all(t.isalpha() for t in texts)


def _code_in_a_cell(page: Page) -> FieldValue | None:
    codes = iso_codes()
    lines = phrase_lines(page.words)
    for index, phrases in enumerate(lines):
        for at, phrase in enumerate(phrases):
            if _money(phrases) and not _in_a_sidebar(lines, index, at):
                break  # a table's row: 'ALL' under 'Size' is a size
            last = phrase.words[-1]
            before = phrase.words[-2].text if len(phrase.words) > 1 else ""
            led = _LEADER.match(before) is not None and caption_of_letters(Line(phrase.words[:-1]))
            if last.text in codes and (_colon_caption(before) or led):
                # the code after its caption's colon or leader in one phrase ('Moneda: GTQ', 'Currency ..... LKR')
                return FieldValue(last.text, CONFIDENCE, page.number, last.bbox, last.text)
            if len(phrase.words) != 1 or phrase.text not in codes:
                continue
            beside = at > 0 and caption_of_letters(phrases[at - 1])
            above = _caption_over(_line_above(lines, index, phrase), phrase)
            if beside or above:
                return FieldValue(phrase.text, CONFIDENCE, page.number, phrase.bbox, phrase.text)
    return None


def _money(phrases: list[Line]) -> bool:
    return any(_MONEY.match(w.text) for p in phrases for w in p.words)


def _in_a_sidebar(lines: list[list[Line]], index: int, at: int) -> bool:
    """The line's first phrase, in a column of its own beside a table: the line above it holds nothing over the
    row's other cells, or a row of amounts there, not a table's captions ('Sarafu' over 'TZS' at the left of the
    order's rows)."""
    row = lines[index]
    above = _line_above(lines, index, row[0]) if at == 0 else []
    over_cells = any(p.bbox[0] < q.bbox[2] and p.bbox[2] > q.bbox[0] for p in above for q in row[1:])
    return bool(above) and (not over_cells or _money(above))


def _colon_caption(text: str) -> bool:
    """A caption's last word with its colon ('Moneda:', 'Валюта:')."""
    return text.endswith(":") and text[:-1].isalpha()


def _line_above(lines: list[list[Line]], index: int, value: Line) -> list[Line]:
    """The nearest line above ``value`` with a phrase over its span: a line of the column beside it between the
    caption and its value (an address line to the left of 'Валюта' / 'BYN') is passed over."""
    x0, _, x1, _ = value.bbox
    for line in reversed(lines[max(0, index - 3) : index]):
        if any(p.bbox[0] < x1 and p.bbox[2] > x0 for p in line):
            return line
    return []


def _caption_over(line: list[Line], value: Line) -> bool:
    """The phrase straight above ``value`` (their spans overlap, one only) is a caption (other boxes' values may
    stand beside it: '6. Currency' beside an address)."""
    x0, _, x1, _ = value.bbox
    over = [p for p in line if p.bbox[0] < x1 and p.bbox[2] > x0]
    if len(over) != 1 or not caption_of_letters(over[0]):
        return False
    height = value.bbox[3] - value.bbox[1]
    return value.bbox[1] - over[0].bbox[3] < 2.5 * height  # the next row, not a caption far above


def _code_in_brackets(doc: Document) -> FieldValue | None:
    """A code in brackets after a word ('Ціна (UAH)', 'Amount (EUR)'): a column's currency; the one bracketed most."""
    codes = iso_codes()
    seen: dict[str, FieldValue] = {}
    counts: dict[str, int] = {}
    for page in doc.pages:
        for phrases in phrase_lines(page.words):
            for phrase in phrases:
                for before, word in zip(phrase.words, phrase.words[1:], strict=False):
                    match = _BRACKETED.match(word.text)
                    if match and match.group(1) in codes and before.text.rstrip(":").isalpha():
                        code = match.group(1)
                        counts[code] = counts.get(code, 0) + 1
                        seen.setdefault(code, FieldValue(code, CONFIDENCE, page.number, word.bbox, word.text))
    if not counts:
        return None
    return seen[max(counts, key=lambda c: counts[c])]


def _code_in_prose(doc: Document) -> FieldValue | None:
    """A code written in a sentence ('All amounts in BDT', 'Стоимость указана в KZT без учета НДС'): a word of
    capitals among words in lower case, where a code is no heading's word; the first page's first such code."""
    codes = iso_codes()
    for page in doc.pages:
        for phrases in phrase_lines(page.words):
            for phrase in phrases:
                lower = sum(any(c.islower() for c in w.text) for w in phrase.words)
                if len(phrase.words) < 3 or lower < 2:
                    continue
                for word in phrase.words:
                    match = _CODE_IN_PROSE.match(word.text)
                    if match and match.group(1) in codes:
                        return FieldValue(match.group(1), CONFIDENCE, page.number, word.bbox, word.text)
    return None
