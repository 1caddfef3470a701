"""A contract's rates enumerated inside one sentence: ``enumerated_rates(doc)``.

'The Client shall pay €48.06 per call-out for emergency call-out; €1,534.07 per month for remote monitoring; and
€938.47 per audit for annual compliance audit.' One sentence, its clauses set apart by semicolons, each clause
one amount with its currency, then 'per' and the unit charged per, then the service. The service is what each
clause says after its unit, less the words every clause shares there (the template's 'for', in whatever
language); the sentence's opening before the first amount is no part of any rate.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from extraction.document import Document, Word, union_bbox
from extraction.layout import group_lines
from extraction.normalize import CURRENCY, CURRENCY_MARK, number_format_of, parse_amount
from extraction.openings import column_order
from extraction.result import FieldValue, LineItem

# an amount with its currency glued on either side ('€48.06', '1.250,00€', 'EUR95.00'), a clause's last
# punctuation allowed after it
_DIGITS = r"(\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2})"
GLUED = re.compile(rf"^{CURRENCY_MARK}{_DIGITS}[;,.]?$|^{_DIGITS}{CURRENCY_MARK}[;,.]?$")
BARE = re.compile(r"^\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}[;,.]?$")
PER = re.compile(r"^(?:per|/|je|par|por|pro|pour|para|each|a|an)$", re.IGNORECASE)
CONFIDENCE = 0.6


# a price printed without cents: '1,100', '950', '950,-', '1.200,–' (read only where a currency stands beside it)
WHOLE = re.compile(r"^(\d{1,3}(?:[.,' ]\d{3})+|\d{1,6})([.,][-–—]{1,2})?([;,.]?)$")


def whole_amounts(words: list[Word]) -> list[Word]:
    """``words`` with each price printed without cents and a currency beside it ('GBP 1,100', '950,- EUR',
    '€ 800') written with its cents ('1,100.00'), as the rate readers know a price; a bare number stays as it is."""
    out = list(words)
    for k, word in enumerate(words):
        whole = WHOLE.match(word.text)
        if whole is None:
            continue
        before = k > 0 and CURRENCY.match(words[k - 1].text)
        after = k + 1 < len(words) and CURRENCY.match(words[k + 1].text.rstrip(";,."))
        if before or after or whole.group(2):  # '950,-': cents as a dash are money's alone
            digits = re.sub(r"\D", "", whole.group(1))
            out[k] = Word(f"{int(digits):,}.00{whole.group(3)}", word.bbox, word.confidence)
    return out


def with_whole_amounts(doc: Document) -> Document:
    """``doc`` with the prices printed without cents written with them, line by line (a contract's), and a unit
    glued to its price by a slash set apart (``unglued``)."""
    pages = []
    for page in doc.pages:
        new: dict[int, list[Word]] = {}
        for line in group_lines(page.words):
            pieces = [unglued(line.words[:k], word) for k, word in enumerate(line.words)]
            whole = iter(whole_amounts([w for piece in pieces for w in piece]))
            new.update({id(old): [next(whole) for _ in piece] for old, piece in zip(line.words, pieces, strict=True)})
        pages.append(replace(page, words=[n for w in page.words for n in new.get(id(w), [w])]))
    return replace(doc, pages=pages)


# a unit glued to the price by a slash: '€/h', '125,00€/h', 'EUR/Monat', '95/hr' after its currency ('EUR 95/hr')
_NUMBER = r"\d{1,3}(?:[.,']\d{3})*(?:[.,]\d{2})?|\d{1,6}"
SLASHED = re.compile(rf"^({_NUMBER})?({CURRENCY_MARK})?(/)([^\W\d_]{{1,12}}[;,.]?)$")


def unglued(before: list[Word], word: Word) -> list[Word]:
    """``word`` as its parts where it glues a unit to a price or its currency by a slash ('125,00 €/h' as '125,00'
    '€' '/' 'h'), each with its share of the box by characters; else the word alone. A number with a slash and a
    word ('3/ok') is a unit only after a currency."""
    glued = SLASHED.match(word.text)
    if glued is None or not (glued.group(2) or (glued.group(1) and before and CURRENCY.match(before[-1].text))):
        return [word]
    x0, y0, x1, y1 = word.bbox
    step = (x1 - x0) / len(word.text)
    out, at = [], 0
    for part in glued.groups():
        if part:
            out.append(Word(part, (x0 + step * at, y0, x0 + step * (at + len(part)), y1), word.confidence))
            at += len(part)
    return out


def _amount(words: list[Word], index: int) -> str | None:
    """The number of the amount at ``index`` when it carries a currency (glued, or the word before or after)."""
    text = words[index].text
    glued = GLUED.match(text)
    if glued:
        return glued.group(1) or glued.group(2)
    if BARE.match(text):
        before = index > 0 and CURRENCY.match(words[index - 1].text)
        after = index + 1 < len(words) and CURRENCY.match(words[index + 1].text.rstrip(";,."))
        if before or after:
            return text.rstrip(";,.")
    return None


def _split_after(words: list[Word], mark: str) -> list[list[Word]]:
    """Runs of words, each ending after a word that ends in ``mark`` ('.': sentences, an abbreviation's splitting
    an opening no rate needs; ';': a sentence's clauses)."""
    out: list[list[Word]] = [[]]
    for word in words:
        out[-1].append(word)
        if word.text.endswith(mark):
            out.append([])
    return [run for run in out if run]


def _common(sequences: list[list[str]]) -> int:
    count = 0
    for column in zip(*sequences, strict=False):
        if len(set(column)) != 1:
            break
        count += 1
    return count


def _part(clause: list[Word]) -> tuple[Word, str, Word, list[Word]] | None:
    """(amount word, its number, unit, words after the unit) of a clause of one rate."""
    found = [(i, number) for i in range(len(clause)) if (number := _amount(clause, i)) is not None]
    if len(found) != 1:
        return None
    at, number = found[0]
    after = [w for w in clause[at + 1 :] if not CURRENCY.match(w.text.rstrip(";,."))]
    if len(after) < 3 or not PER.match(after[0].text):
        return None
    return clause[at], number, after[1], after[2:]


def _clause_rates(clauses: list[list[Word]], page: int, hint: str | None) -> list[LineItem]:
    parts = []
    for clause in clauses:
        part = _part(clause)
        if part is None:
            return []
        parts.append(part)
    tails = [[w.text.lower() for w in rest] for _, _, _, rest in parts]
    shared = _common(tails)
    items = []
    for amount, number, unit, rest in parts:
        described = rest[shared:]
        price = parse_amount(number, hint)
        if not described or price is None or price <= 0 or len(described) > 8:
            return []
        items.append(rate_item(described, amount, price, unit, page, ";,."))
    return items


def rate_item(described: list[Word], amount: Word, price: Decimal, unit: Word, page: int, ends: str) -> LineItem:
    """A rate as a line item: its service (less the punctuation ``ends`` at its end), price and unit."""
    text = " ".join(w.text for w in described).rstrip(ends)
    box = union_bbox([w.bbox for w in described])
    assert box is not None  # described holds words
    cells = {
        "description": FieldValue(text, CONFIDENCE, page, box, text),
        "unit_price": FieldValue(price, CONFIDENCE, page, amount.bbox, amount.text),
        "unit": FieldValue(unit.text.rstrip(";,."), CONFIDENCE, page, unit.bbox, unit.text),
    }
    return LineItem(cells, CONFIDENCE, page, union_bbox([box, amount.bbox, unit.bbox]))


def enumerated_rates(doc: Document) -> list[LineItem]:
    """The rates of the first sentence enumerating two or more of them, clause by clause; else of the first run of
    two or more consecutive sentences of one rate each, in the same shape ('The Supplier charges GBP 850.00 per day
    for a senior engineer.' and the next)."""
    hint = number_format_of(w.text for page in doc.pages for w in page.words)
    for page in doc.pages:
        for sentence in _split_after(whole_amounts(column_order(page)), "."):
            clauses = _split_after(sentence, ";")
            if len(clauses) < 2:
                continue
            items = _clause_rates(clauses, page.number, hint)
            if len(items) >= 2:
                return items
    for page in doc.pages:
        run: list[list[Word]] = []
        for sentence in [*_split_after(whole_amounts(column_order(page)), "."), []]:
            if sentence and _part(sentence) is not None:
                run.append(sentence)
                continue
            items = _clause_rates(run, page.number, hint) if len(run) >= 2 else []
            if items:
                return items
            run = []
    return []
