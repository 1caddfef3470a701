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
_DIGITS = re.compile(r"\d[.,' ]?\d")  # a line of values ('1 200,00', '07/11/2027'), not of captions
_MONEY = re.compile(r"^\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}$")  # an amount with its cents: a table's row


def read_currency_code(doc: Document, extraction: Extraction) -> None:
    """Fill an empty currency with the code a cell of the first page prints alone under or after its caption, else
    in brackets after a caption."""
    current = extraction.fields.get("currency")
    if (current is not None and current.value is not None) or not doc.pages:
        return
    found = _code_in_a_cell(doc.pages[0]) or _code_in_brackets(doc)
    if found is not None:
        extraction.fields["currency"] = found


def caption_of_letters(phrase: Line, most_words: int = 3) -> bool:
    """A few words of letters, a colon allowed ('Moneda', 'Währung:', 'Forma de pago')."""
    texts = [w.text.rstrip(":.") for w in phrase.words]
    return 1 <= len(texts) <= most_words and all(t.isalpha() for t in texts)


def _code_in_a_cell(page: Page) -> FieldValue | None:
    codes = iso_codes()
    lines = phrase_lines(page.words)
    for index, phrases in enumerate(lines):
        for at, phrase in enumerate(phrases):
            if any(_MONEY.match(w.text) for p in phrases for w in p.words):
                break  # a table's row: 'ALL' under 'Size' is a size
            last = phrase.words[-1]
            if len(phrase.words) > 1 and last.text in codes and _colon_caption(phrase.words[-2].text):
                # the code after its caption's colon in one phrase ('Moneda: GTQ', '... Devise: TND')
                return FieldValue(last.text, CONFIDENCE, page.number, last.bbox, last.text)
            if len(phrase.words) != 1 or phrase.text not in codes:
                continue
            beside = at > 0 and caption_of_letters(phrases[at - 1])
            above = _caption_over(_line_above(lines, index, phrase), phrase)
            if beside or above:
                return FieldValue(phrase.text, CONFIDENCE, page.number, phrase.bbox, phrase.text)
    return None


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
    """The phrase straight above ``value`` (their spans overlap, one only) is a caption, and the line above is a row
    of captions (no amount or date in it)."""
    if not line or any(_DIGITS.search(p.text) for p in line):
        return False
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
