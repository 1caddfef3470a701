"""A contract's rate changed by a later clause: ``amended_rates(doc, extraction)``.

An addendum after the signatures ('AMENDMENT No. 1: the rate for Boat charter is increased to 420.00 from 1 May
2027', 'le prix de la prestation « Blanchisserie » est porté à 407,63 EUR par kg') replaces the rate the schedule
prints: the line's price is the rate in force. Such a sentence is known by its structure, in whatever language: it
stands below the schedule, names one of the schedule's services by its whole description, and prints one money
amount other than that service's printed rate (an amount with its cents, or with a currency beside it). No word of
the sentence is looked up; the last such sentence for a service wins (a second addendum over the first). An
addendum is dated: a sentence is taken only where a date stands below the schedule up to its end (a note under the
table, 'call-out for Electrician 95.00 per visit', is none). A name is matched word by word, a word's last letters
aside where a language inflects it ('уборка' in 'стоимость уборки').
"""

from __future__ import annotations

import os
import re

from extraction.clauserates import apart, whole_amounts, with_whole_amounts
from extraction.document import Document, Word
from extraction.letters import unaccented
from extraction.normalize import number_format_of, parse_amount
from extraction.openings import AMOUNT, _dates, column_order
from extraction.result import Extraction, FieldValue, LineItem

CONFIDENCE = 0.6
_EDGES = "\"'«»“”„‘’‹›()[]:;,.!?"


def _token(text: str) -> str:
    """A word as compared with a service's name: case, accents and the quotes or punctuation around it aside."""
    return unaccented(text.strip(_EDGES).casefold())


def amended_rates(doc: Document, extraction: Extraction) -> None:
    """A contract's rates, each the last one a dated sentence below the schedule sets, whichever reader read them."""
    if extraction.doc_type != "contract":
        return
    priced = [i for i in extraction.line_items if i.value("unit_price") is not None and i.value("description")]
    if not priced or any(i.page is None or i.bbox is None for i in priced):
        return
    hint = number_format_of(w.text for page in doc.pages for w in page.words)
    # where the schedule ends: its last line's page and bottom
    end_page, bottom = max((i.page or 0, i.bbox[3] if i.bbox else 0.0) for i in priced)
    names = {id(item): [_token(w) for w in str(item.value("description")).split()] for item in priced}
    dated = False
    for page in with_whole_amounts(doc).pages:
        if page.number < end_page:
            continue
        words = [w for w in apart(whole_amounts(column_order(page))) if page.number > end_page or w.bbox[1] > bottom]
        for sentence in _sentences(words):
            dates = _dates(sentence, None)
            dated = dated or bool(dates)
            if dated:
                _amend(sentence, {k for a, b, _ in dates for k in range(a, b)}, priced, names, hint)


def _sentences(words: list[Word]) -> list[list[Word]]:
    """Split after a word that ends in a full stop or a semicolon."""
    out: list[list[Word]] = [[]]
    for word in words:
        out[-1].append(word)
        if re.search(r"[.;]$", word.text):
            out.append([])
    return [s for s in out if s]


def _amend(
    sentence: list[Word], in_dates: set[int], items: list[LineItem], names: dict[int, list[str]], hint: str | None
) -> None:
    """The rate of the one service ``sentence`` names set to the one other amount it prints (no word of a date)."""
    tokens = [_token(w.text) for w in sentence]
    named = [i for i in items if names[id(i)] and _holds(tokens, names[id(i)])]
    # 'Boat charter' and 'Boat charter (weekend)' both named: the longer name is the one meant
    longest = max((len(names[id(i)]) for i in named), default=0)
    named = [i for i in named if len(names[id(i)]) == longest]
    if len(named) != 1:
        return
    item = named[0]
    printed = item.value("unit_price")
    amounts = {}
    for k, word in enumerate(sentence):
        text = word.text.rstrip(".;,")
        if not AMOUNT.match(text) or k in in_dates:
            continue
        value = parse_amount(text, hint)
        if value is not None and value > 0 and value != printed:
            amounts[value] = word
    if len(amounts) != 1:
        return
    ((value, word),) = amounts.items()
    cell = FieldValue(value, CONFIDENCE, item.page, word.bbox, word.text)
    item.cells["unit_price"] = cell
    if "amount" in item.cells and item.value("quantity") is None:
        item.cells.pop("amount")


def _holds(tokens: list[str], name: list[str]) -> bool:
    n = len(name)
    return any(all(map(_same_word, tokens[k : k + n], name)) for k in range(len(tokens) - n + 1))


def _same_word(printed: str, named: str) -> bool:
    """The same word, or the same stem with other endings (three letters at most, a stem of four at least)."""
    if printed == named:
        return True
    stem = len(os.path.commonprefix([printed, named]))
    return stem >= 4 and max(len(printed), len(named)) - stem <= 3
