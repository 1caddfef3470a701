"""A contract's rates printed as a list of terms and prices: ``read_rate_list(doc, extraction)``.

'Senior consultant: EUR 1,200.00 per day', 'Analyst — 640.00 EUR / day', or a definition list whose term stands on
its own line and the price on the next ('Senior consultant' over 'EUR 1,200.00 per day'). A list entry is a line
with one money amount, a currency beside it, at most a unit after it ('per day', '/ hour') and a short term before
it or on the line above; two or more entries make the list. Words of no language are looked up: 'per', '/' and
the like are recognised by where they stand (between the amount and one last word). Used only where the extractor
and the other readers found fewer rates.
"""

from __future__ import annotations

import re
from decimal import Decimal

from extraction.clauserates import apart, whole_amounts, with_whole_amounts
from extraction.document import Document, Word, union_bbox
from extraction.layout import Line
from extraction.normalize import CURRENCY, number_format_of, parse_amount
from extraction.openings import AMOUNT, column_order
from extraction.result import Extraction, FieldValue, LineItem

SEPARATOR = re.compile(r"^[:–—-]$")
PER = re.compile(r"^(?:per|/|je|pro)$", re.IGNORECASE)  # 'per day' printed before the price
CONFIDENCE = 0.6
MAX_TERM = 6


def _joined(words: list[Word]) -> list[Word]:
    """'1' '074,48' printed with a space as thousands separator as one word."""
    out: list[Word] = []
    for word in words:
        last = out[-1] if out else None
        if last is not None and re.fullmatch(r"\d{1,3}", last.text) and re.fullmatch(r"\d{3}[.,]\d{2}", word.text):
            box = union_bbox([last.bbox, word.bbox])
            assert box is not None  # two boxes
            out[-1] = Word(f"{last.text} {word.text}", box, min(last.confidence, word.confidence))
        else:
            out.append(word)
    return out


def _tab_stop(left: Word, right: Word) -> bool:
    """The term and its price set in two columns ('Workshop facilitation' ... 'CAD 112.56 per half-day'): a gap
    wider than three of the line's word heights parts them where a space would not."""
    height = max(left.bbox[3] - left.bbox[1], right.bbox[3] - right.bbox[1])
    return right.bbox[0] - left.bbox[2] > 3 * height


def _entry(words: list[Word], loose: bool = False) -> tuple[list[Word], Word, Word | None] | None:
    """(term words, amount, unit) of a line that prints one price with its currency; ``loose``: the term needs
    no separator (one of several entries of one shape on a line)."""
    amounts = [k for k, w in enumerate(words) if AMOUNT.match(w.text.rstrip(".,;"))]
    if len(amounts) != 1:
        return None
    at = amounts[0]
    before, after = words[:at], words[at + 1 :]
    if before and CURRENCY.match(before[-1].text):
        before = before[:-1]
    elif after and CURRENCY.match(after[0].text):
        after = after[1:]
    else:
        return None  # a price names its currency
    if len(after) > 2 or len(after) == 1:
        return None  # only 'per day', '/ hour': one linking word and the unit
    unit = after[-1] if after else None
    if unit is not None and not unit.text.rstrip(".;")[:1].isalpha():
        return None
    if before and SEPARATOR.match(before[-1].text):
        before = before[:-1]
    elif before:
        last = before[-1]
        tabbed = _tab_stop(last, words[len(before)])
        if not tabbed and not loose and not re.search(r"[:–—]$", last.text):
            return None  # a term ends in its separator ('Analyst:') or a tab stop, else the price stands alone
        before[-1] = Word(last.text.rstrip(":–—"), last.bbox, last.confidence)
    if len(before) > MAX_TERM:
        return None
    if unit is None and len(before) >= 3 and PER.match(before[-2].text):
        before, unit = before[:-2], before[-1]  # 'Senior engineer   per day   GBP 850.00': the unit before the price
    return before, words[at], unit


def _pairs(words: list[Word]) -> list[tuple[list[Word], Word, Word | None]]:
    """The entries of a line that prints two or more ('Senior 120 EUR/h      Junior 85 EUR/h'): cut at the widest
    gap between each two amounts, where it is a tab stop; each part a term, a price and its currency, all parts
    of one currency and each with a unit or none."""
    amounts = [k for k, w in enumerate(words) if AMOUNT.match(w.text.rstrip(".,;"))]
    cuts = []
    for a, b in zip(amounts, amounts[1:], strict=False):
        gaps = [(words[k + 1].bbox[0] - words[k].bbox[2], k + 1) for k in range(a, b - 1)]
        if not gaps:
            return []
        at = max(gaps)[1]
        if not _tab_stop(words[at - 1], words[at]):
            return []
        cuts.append(at)
    if not cuts:
        return []
    parts = [words[i:j] for i, j in zip([0, *cuts], [*cuts, len(words)], strict=True)]
    entries = [_entry(part, loose=True) for part in parts]
    found = [e for e in entries if e is not None and e[0]]
    currencies = {_currency(part).lower() for part in parts}
    if len(found) != len(parts) or len(currencies) != 1 or len({e[2] is None for e in found}) != 1:
        return []
    return found


def _sentence_entries(words: list[Word]) -> list[tuple[list[Word], Word, Word | None]]:
    """The entries of a line of two or more sentences of one rate each ('Annual support fee: GBP 18,000.00 per
    year. Additional consultancy: GBP 1,150.00 per day.'): cut after each word that ends a sentence, each part
    with a price read as an entry (its term ends in its separator)."""
    parts: list[list[Word]] = [[]]
    for k, word in enumerate(words):
        parts[-1].append(word)
        capital = k + 1 < len(words) and words[k + 1].text[:1].isupper()
        if word.text.endswith((".", ";")) and not AMOUNT.match(word.text.rstrip(".;")) and capital:
            parts.append([])
    priced = [part for part in parts if any(AMOUNT.match(w.text.rstrip(".,;")) for w in part)]
    entries = [e for part in priced if (e := _entry(part)) is not None and e[0]]
    return entries if len(priced) >= 2 and len(entries) == len(priced) else []


def _first_cell(term: list[Word], unit: Word | None) -> tuple[list[Word], Word | None]:
    """A term set in cells at tab stops ('Silver   8 hours   99.5%'): a table's row, named by its first cell, the
    others its terms (response, availability); where one word stands in the second of two cells and no unit
    follows the price ('Hora técnica   hora'), that word is the unit."""
    cells: list[list[Word]] = [[]]
    for word in term:
        if cells[-1] and _tab_stop(cells[-1][-1], word):
            cells.append([])
        cells[-1].append(word)
    if len(cells) < 2:
        return term, unit
    last = cells[-1]
    if unit is None and len(cells) == 2 and len(last) == 1 and re.fullmatch(r"[^\W\d_][\w/]*", last[0].text):
        unit = last[0]
    return cells[0], unit


def _currency(words: list[Word]) -> str:
    return next((w.text for w in words if CURRENCY.match(w.text)), "")


def _lines(words: list[Word]) -> list[Line]:
    """Words in reading order (a two-column body column by column) as lines: a new one where the text goes back
    to the left or down."""
    lines: list[list[Word]] = []
    for word in words:
        last = lines[-1][-1] if lines else None
        if last is None or word.bbox[0] < last.bbox[2] or word.bbox[1] > last.bbox[3]:
            lines.append([])
        lines[-1].append(word)
    return [Line(ws) for ws in lines]


def read_rate_list(doc: Document, extraction: Extraction) -> None:
    if extraction.doc_type != "contract":
        return
    doc = with_whole_amounts(doc)
    hint = number_format_of(w.text for page in doc.pages for w in page.words)
    runs: list[list[LineItem]] = []
    for page in doc.pages:
        last = -10
        lines = _lines(apart(whole_amounts(column_order(page))))
        for index, line in enumerate(lines):
            joined = _joined(line.words)
            found = _entry(joined)
            for term, amount, unit in [found] if found is not None else _pairs(joined) or _sentence_entries(joined):
                if not term and index > 0:
                    above: Line = lines[index - 1]
                    texts = above.text
                    if len(above.words) > MAX_TERM or re.search(r"\d[.,]\d{2}|[.;:]$", texts):
                        continue
                    term = above.words
                price = parse_amount(amount.text.rstrip(".,;"), hint)
                if not term or price is None:
                    continue
                term, unit = _first_cell(term, unit)
                text = " ".join(w.text for w in term)
                box = union_bbox([w.bbox for w in term])
                assert box is not None  # term holds words
                cells = {
                    "description": FieldValue(text, CONFIDENCE, page.number, box, text),
                    "unit_price": FieldValue(price, CONFIDENCE, page.number, amount.bbox, amount.text),
                }
                if unit is not None:
                    name = unit.text.rstrip(".;")
                    cells["unit"] = FieldValue(name, CONFIDENCE, page.number, unit.bbox, unit.text)
                item = LineItem(cells, CONFIDENCE, page.number, union_bbox([box, amount.bbox]))
                if index - last > 2 or not runs:
                    runs.append([])  # entries stand together: a list, not prices scattered over the text
                runs[-1].append(item)
                last = index
    items = max(runs, key=len, default=[])
    prices = [i.cells["unit_price"].value for i in items]
    if len(items) >= 3 and prices[-1] == sum(p for p in prices[:-1] if isinstance(p, Decimal)):
        items = items[:-1]  # the list's total set at the same tab stop ('Total    EUR 2,000.00') is no rate
    if len(items) >= 2 and len(items) > len(extraction.line_items):
        extraction.line_items = items
