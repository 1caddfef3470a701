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
from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel.numbers import get_currency_name

from extraction.document import Document, Word, union_bbox
from extraction.layout import group_lines, joined_thousands
from extraction.normalize import COMMON_CODES, CURRENCY, CURRENCY_MARK, CURRENCY_SYMBOLS, number_format_of, parse_amount
from extraction.openings import AND, SMALL_NUMBERS, column_order, reading_order
from extraction.result import FieldValue, LineItem
from extraction.terms import NUMBER_WORDS, number_in_words

# an amount with its currency glued on either side ('€48.06', '1.250,00€', 'EUR95.00'), a clause's last
# punctuation allowed after it
_DIGITS = r"(\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2})"
GLUED = re.compile(rf"^{CURRENCY_MARK}{_DIGITS}[;,.]?$|^{_DIGITS}{CURRENCY_MARK}[;,.]?$")
BARE = re.compile(r"^\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}[;,.]?$")
PER = re.compile(r"^(?:per|/|je|par|por|pro|pour|para|each|a|an)$", re.IGNORECASE)
CONFIDENCE = 0.6


# a price printed without cents: '1,100', '950', '950,-', '1.200,–' (read only where a currency stands beside it)
WHOLE = re.compile(r"^(\d{1,3}(?:[.,' ]\d{3})+|\d{1,6})([.,][-–—]{1,2})?([;,.]?)$")


# a symbol that is no word glued to a price without cents ('£1,450', '1.450€', 'R$900'): the symbol and the number
_SYMBOL = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True) if not s.isalpha())
_WHOLE = r"\d{1,3}(?:[.,' ]\d{3})+|\d{1,6}"
GLUED_WHOLE = re.compile(rf"^(?P<before>{_SYMBOL})?(?P<number>{_WHOLE})(?P<after>{_SYMBOL})?(?P<end>[;,.]?)$")


def whole_amounts(words: list[Word]) -> list[Word]:
    """``words`` with each price printed without cents and a currency beside it ('GBP 1,100', '950,- EUR',
    '€ 800') or glued to it ('£1,450') written with its cents ('1,100.00'), as the rate readers know a price; a bare
    number stays as it is."""
    out = list(words)
    for k, word in enumerate(words):
        glued = GLUED_WHOLE.match(word.text)
        if glued is not None and bool(glued["before"]) != bool(glued["after"]):
            digits = re.sub(r"\D", "", glued["number"])
            number = f"{int(digits):,}.00"
            text = f"{glued['before'] or ''}{number}{glued['after'] or ''}{glued['end']}"
            out[k] = Word(text, word.bbox, word.confidence)
            continue
        whole = WHOLE.match(word.text)
        if whole is None:
            continue
        before = k > 0 and CURRENCY.match(words[k - 1].text)
        # '1 - 100   CHF 240.00': a currency before another price is that price's, not this bound's
        after = (
            k + 1 < len(words)
            and CURRENCY.match(words[k + 1].text.rstrip(";,.")) is not None
            and not (k + 2 < len(words) and words[k + 2].text[:1].isdigit())
        )
        if before or after or whole.group(2):  # '950,-': cents as a dash are money's alone
            digits = re.sub(r"\D", "", whole.group(1))
            out[k] = Word(f"{int(digits):,}.00{whole.group(3)}", word.bbox, word.confidence)
    return out


def apart(words: list[Word]) -> list[Word]:
    """``words`` with each currency glued to its price set apart ('£1,450.00' as '£' '1,450.00', '95,00€;' as
    '95,00' '€;'), each part with its share of the box by characters: the list and sentence readers know a price and
    its currency as two words."""
    out: list[Word] = []
    for word in words:
        glued = GLUED.match(word.text)
        number = glued and (glued.group(1) or glued.group(2))
        if not number:
            out.append(word)
            continue
        at = word.text.index(number)
        x0, y0, x1, y1 = word.bbox
        step = (x1 - x0) / len(word.text)
        cut = x0 + step * (at or len(number))  # where the symbol ends or the number does
        parts = (word.text[:at], number) if at else (number, word.text[len(number) :])
        boxes = ((x0, y0, cut, y1), (cut, y0, x1, y1))
        out += [Word(text, box, word.confidence) for text, box in zip(parts, boxes, strict=True)]
    return out


def with_whole_amounts(doc: Document) -> Document:
    """``doc`` with the prices printed without cents written with them, line by line (a contract's), a unit glued
    to its price by a slash set apart (``unglued``) and a price written in words in figures (``spelled_amounts``).
    Each page's words are made whole once (``made_whole``): the extractor and each contract rate reader ask in
    turn."""
    return replace(doc, pages=[replace(page, words=list(made_whole(tuple(page.words)))) for page in doc.pages])


@lru_cache(maxsize=16)
def made_whole(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A page's words made whole: a pure function of the words, so its results are kept for the pages asked last."""
    spelled = spelled_amounts(reading_order(list(words)))
    words = tuple(n for w in words for n in spelled.get(id(w), [w]))
    new: dict[int, list[Word]] = {}
    for line in group_lines(list(words)):
        after = [*line.words[1:], None]
        pieces = [unglued(line.words[:k], word) for k, word in enumerate(line.words)]
        pieces = [[n for w in piece for n in local_code(w, nxt)] for piece, nxt in zip(pieces, after, strict=True)]
        spaced = _spaced_thousands([w for piece in pieces for w in piece])
        pieces = [[n for w in piece for n in spaced.get(id(w), [w])] for piece in pieces]
        whole = iter(whole_amounts([w for piece in pieces for w in piece]))
        new.update({id(old): [next(whole) for _ in piece] for old, piece in zip(line.words, pieces, strict=True)})
    words = tuple(n for w in words for n in new.get(id(w), [w]))
    gone = revised_prices(reading_order(list(words)))
    return tuple(w for w in words if id(w) not in gone)


def revised_prices(words: list[Word]) -> set[int]:
    """The ids of the words of each price that a later one revises: two prices of one currency within a quarter of
    each other, nothing but a mark or one short word between them ('from GBP 640.00 to GBP 700.00 per day', 'GBP
    85.00 / GBP 90.00', 'von 92,00 EUR auf 98,50 EUR'): the later is the rate in force (as a revised rate column,
    ``ListedRates._revised_rates``). A weekday and a weekend rate (a half more) stay apart, and so do two prices
    joined by 'and'."""
    hint = number_format_of(w.text for w in words)
    prices = [_price_span(words, k) for k in range(len(words))]
    found = [p for p in prices if p is not None]
    gone: set[int] = set()
    for (start, end, first, code), (after, last, second, other) in zip(found, found[1:], strict=False):
        between = words[end + 1 : after]
        unit = [w.text for w in words[last + 1 : last + 1 + len(between)]]
        if 1 < len(between) <= 3 and [w.text for w in between] == unit:
            between = []  # 'GBP 450.00 / hour   GBP 405.00 / hour': each price with its unit, the same
        if (
            code == other
            and len(between) <= 1
            and not any(AND.match(w.text) or (w.text[:1].isalpha() and not ARTICLE.match(w.text)) for w in between)
            and (old := parse_amount(first, hint)) is not None
            and (new := parse_amount(second, hint)) is not None
            and old > 0
            and Decimal("0.8") < new / old < Decimal("1.25")
        ):
            gone.update(id(w) for w in words[start : end + 1])
    return gone


def _price_span(words: list[Word], k: int) -> tuple[int, int, str, str] | None:
    """(first index, last index, number, currency) of the price at ``k`` with its currency beside it or glued."""
    number = _amount(words, k)
    if number is None:
        return None
    glued = words[k].text.replace(number, "").strip(";,. ")
    if glued:
        return k, k, number, glued
    if k > 0 and CURRENCY.match(words[k - 1].text):
        return k - 1, k, number, words[k - 1].text
    return k, k + 1, number, words[k + 1].text.rstrip(";,.")


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


@lru_cache(maxsize=1)
def local_symbols() -> dict[str, str]:
    """Letters a country writes for its currency that stand for it alone ('R' the rand, 'Ft' the forint), by
    Babel's locale data: of the common currencies, each symbol no other of them shares ('kr' is three). Only the
    locales of a country paying in a common currency load their data (the costly part, a second for all); the
    service builds the table with its extractor (``ledgerlens.services.documents.extractor_for``), before the first
    document."""
    from babel import localedata
    from babel.core import parse_locale
    from babel.numbers import get_currency_symbol, get_territory_currencies

    codes: dict[str, set[str]] = {}
    for name in localedata.locale_identifiers():
        territory = parse_locale(name)[1]
        if not territory:
            continue
        for code in get_territory_currencies(territory, date(2026, 1, 1), tender=True)[:1]:
            if code not in COMMON_CODES:
                continue
            symbol = get_currency_symbol(code, locale=name)
            if symbol.isalpha() and symbol.isascii() and symbol not in (code, *CURRENCY_SYMBOLS):
                codes.setdefault(symbol, set()).add(code)
    return {symbol: code for symbol, (code, *others) in codes.items() if not others}


def _spaced_thousands(words: list[Word]) -> dict[int, list[Word]]:
    """A price whose thousands a space sets apart ('ZAR 1 250,00') as one word '1 250,00', by the id of its words:
    the last one the price, the others gone (``joined_thousands`` finds them)."""
    out: dict[int, list[Word]] = {}
    at = 0
    for joined in joined_thousands(words):
        size = 1
        while joined is not words[at + size - 1] and "".join(w.text for w in words[at : at + size]) != joined.text:
            size += 1
        if size > 1:
            out.update({id(w): [] for w in words[at : at + size - 1]})
            text = " ".join(w.text for w in words[at : at + size])  # as the rate readers know it: '1 250,00'
            out[id(words[at + size - 1])] = [Word(text, joined.bbox, joined.confidence)]
        at += size
    return out


def local_code(word: Word, following: Word | None) -> list[Word]:
    """A local currency letter glued to a price or standing before one ('R1 250,00', 'R 980,50') as its code (and
    the price); else the word alone."""
    glued = re.fullmatch(r"([A-Za-z]{1,3})(\d[\d.,' ]*)", word.text)
    code = local_symbols().get(glued.group(1) if glued else word.text)
    if code is None:
        return [word]
    if glued is None:
        number_next = following is not None and following.text[:1].isdigit()
        return [Word(code, word.bbox, word.confidence) if number_next else word]
    x0, y0, x1, y1 = word.bbox
    cut = x0 + (x1 - x0) * len(glued.group(1)) / len(word.text)
    return [Word(code, (x0, y0, cut, y1), word.confidence), Word(glued.group(2), (cut, y0, x1, y1), word.confidence)]


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


def _listed(sentence: list[Word]) -> list[list[Word]]:
    """A sentence's clauses set apart by commas, semicolons or colons (a scan's semicolon) and its last 'and' ('ZAR
    1,250.00 per visit for site inspection, ZAR 980.00 per hour for a senior engineer and ZAR 4,100.00 per day for
    standby'): a cut before each 'and' (in the languages contracts use) that a price follows. A part without a
    price (the sentence's opening, 'in EUR and exclusive of VAT,') belongs to the clause after it."""
    out: list[list[Word]] = [[]]
    for k, word in enumerate(sentence):
        priced = any(_amount(sentence, j) for j in range(k + 1, min(k + 4, len(sentence))))
        if not priced and any(_amount(out[-1], j) for j in range(len(out[-1]))):
            # a priced part, then 'and' and a clause that names its price before the next 'and' or comma ('... and a
            # day rate of EUR 600.00 per day for each analyst')
            clause = next((j for j in range(k + 1, len(sentence)) if AND.match(sentence[j].text)), len(sentence))
            clause = next((j for j in range(k + 1, clause) if sentence[j].text.endswith((",", ";"))), clause)
            priced = any(_amount(sentence, j) for j in range(k + 1, min(clause + 1, len(sentence))))
        if out[-1] and AND.match(word.text) and priced:
            out.append([])
        out[-1].append(word)
        # a colon a price follows at once ('Site engineer: GBP 85.00') parts a term from its price, no clauses
        term = word.text.endswith(":") and any(_amount(sentence, j) for j in range(k + 1, min(k + 3, len(sentence))))
        if word.text.endswith((",", ";", ":")) and not term:
            out.append([])
    clauses: list[list[Word]] = []
    waiting: list[Word] = []
    for part in out:
        if any(_amount(part, j) for j in range(len(part))):
            clauses.append(waiting + part)
            waiting = []
        else:
            waiting += part
    return clauses


DOTS = re.compile(r"^[.·…_]{3,}$")  # a run of leader dots, a word of its own
CLAUSE_NUMBER = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2})*[.)]$")  # '3.', '4.1.', '(2)': a clause's number


ARTICLE = re.compile(r"^[^\W\d_A-Z]{1,3}$")  # a lower-case word of three letters at most: an article


def service_start(leads: list[list[str]], prefix: int, tail: int = 0) -> int:
    """Where the services start in rate sentences (``leads``: each one's words before its amount) whose first
    ``prefix`` and last ``tail`` words are their shared template: a word earlier where the template ends on a short
    lower-case word ('Por el informe anual', 'Por el mantenimiento': the article the services share is theirs), but
    not where a service opens on a short word of its own ('for an apprentice', 'for on-call coverage'): no article
    stands before another; nor where the short word follows a long one ('Die Vergütung für datenmigration'): an
    article follows a preposition ('Por el', 'for a')."""
    if not 0 < prefix < len(leads[0]) - tail or not ARTICLE.match(leads[0][prefix - 1]):
        return prefix
    if prefix >= 2 and len(leads[0][prefix - 2]) > 4:
        return prefix  # 'Die Vergütung für', 'Charges for': a preposition after a noun, no article after another word
    if any(len(lead) - tail > prefix and ARTICLE.match(lead[prefix]) for lead in leads):
        return prefix
    return prefix - 1


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
    if any(DOTS.match(w.text) for w in clause):
        return None  # leader dots run from a term to its price ('Audit ........ 297 423,00 AMD / day'): a list's entry
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
    if shared >= 2 and ARTICLE.match(tails[0][shared - 1]) and len(tails[0][shared - 2]) <= 3:
        shared -= 1  # 'for a partner', 'for a director': a preposition and an article shared, the article the services'
    items = []
    for amount, number, unit, rest in parts:
        described = rest[shared:]
        price = parse_amount(number, hint)
        if not described or price is None or price <= 0 or len(described) > 8:
            return []
        items.append(rate_item(described, amount, price, unit, page, ";,.:"))
    return items


def _term_rates(clauses: list[list[Word]], page: int, hint: str | None) -> list[LineItem]:
    """Clauses that each name a term and its price, nothing after ('at the following day rates: partner £1,450;
    director £1,150; and trainee £420.'): the sentence's opening ends in a colon; each term at most four words."""
    items = []
    for k, clause in enumerate(clauses):
        found = [(i, number) for i in range(len(clause)) if (number := _amount(clause, i)) is not None]
        if len(found) != 1:
            return []
        at, number = found[0]
        after = [w for w in clause[at + 1 :] if not CURRENCY.match(w.text.rstrip(";,."))]
        term = clause[: at - 1] if at and CURRENCY.match(clause[at - 1].text) else clause[:at]
        opened = [i for i, w in enumerate(term) if w.text.endswith(":")]
        if k == 0 and opened:
            term = term[opened[-1] + 1 :]
        term = term[1:] if term and AND.match(term[0].text) else term
        price = parse_amount(number, hint)
        if after or not 0 < len(term) <= 4 or (k == 0 and not opened) or price is None or price <= 0:
            return []
        items.append(rate_item(term, clause[at], price, None, page, ";,.:"))
    return items


def rate_item(described: list[Word], amount: Word, price: Decimal, unit: Word | None, page: int, ends: str) -> LineItem:
    """A rate as a line item: its service (less the punctuation ``ends`` at its end), price and unit."""
    text = " ".join(w.text for w in described).rstrip(ends)
    box = union_bbox([w.bbox for w in described])
    assert box is not None  # described holds words
    cells = {
        "description": FieldValue(text, CONFIDENCE, page, box, text),
        "unit_price": FieldValue(price, CONFIDENCE, page, amount.bbox, amount.text),
    }
    if unit is not None:
        cells["unit"] = FieldValue(unit.text.rstrip(";,."), CONFIDENCE, page, unit.bbox, unit.text)
    return LineItem(cells, CONFIDENCE, page, union_bbox([box, amount.bbox, *([unit.bbox] if unit else [])]))


def enumerated_rates(doc: Document) -> list[LineItem]:
    """The rates of the first sentence enumerating two or more of them, clause by clause; else of the first run of
    two or more consecutive sentences of one rate each, in the same shape ('The Supplier charges GBP 850.00 per day
    for a senior engineer.' and the next)."""
    hint = number_format_of(w.text for page in doc.pages for w in page.words)
    for page in doc.pages:
        for sentence in _split_after(whole_amounts(column_order(page)), "."):
            for clauses in (_split_after(sentence, ";"), _listed(sentence)):
                items = _clause_rates(clauses, page.number, hint) if len(clauses) >= 2 else []
                items = items or (_term_rates(clauses, page.number, hint) if len(clauses) >= 2 else [])
                if len(items) >= 2:
                    return items
    for page in doc.pages:
        run: list[list[Word]] = []
        for sentence in [*_split_after(whole_amounts(column_order(page)), "."), []]:
            if sentence and _part(sentence) is not None:
                run.append(sentence)
                continue
            if run and len(sentence) == 1 and CLAUSE_NUMBER.match(sentence[0].text):
                continue  # the next clause's number ('3.', '4.1.') between two rate sentences
            items = _clause_rates(run, page.number, hint) if len(run) >= 2 else []
            if items:
                return items
            run = []
    return []


# Prices written in words ('one thousand two hundred and fifty rand per visit', 'deux mille cinq cents euros par
# mois', 'zweitausendfünfhundert Euro je Monat'): the words of a number, then a currency's name or code
SCALES = {
    "hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000, "million": 10**6, "millions": 10**6,
    "cent": 100, "cents": 100, "mille": 1000, "mil": 1000, "mila": 1000, "cento": 100, "hundert": 100,
    "tausend": 1000, "honderd": 100, "duizend": 1000, "hundrede": 100, "tusind": 1000, "hundra": 100, "tusen": 1000,
    "hundre": 100, "sata": 100, "tuhat": 1000, "miljoen": 10**6, "million(en)": 10**6, "millón": 10**6,
}  # fmt: skip
# Spanish and Portuguese name each hundred in one word
HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400, "quinientos": 500,
    "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900, "duzentos": 200,
    "trezentos": 300, "quatrocentos": 400, "quinhentos": 500, "seiscentos": 600, "setecentos": 700,
    "oitocentos": 800, "novecentos": 900,
}  # fmt: skip
NUMBER_JOINER = re.compile(r"^(?:and|y|e|et|und|en|og|och|i|ja)$", re.IGNORECASE)
SUBUNIT = re.compile(r"^(?:c[eé]nt\w*|pence|penny|[öø]re|rappen|groszy|halé\w*|senttiä)$", re.IGNORECASE)
_COMPOUND = re.compile(r"(" + "|".join(sorted((k for k in SCALES if k.isalpha()), key=len, reverse=True)) + ")")


@lru_cache(maxsize=1)
def currency_names() -> dict[str, str]:
    """Currency names as contracts print them after a price in words ('rand', 'euros', 'Pfund', 'livres',
    'kroner') -> ISO code: the noun of each common currency's name in Babel's data (the last word where the
    language puts it last, the first in the Romance languages and Polish), singular and plural."""
    names: dict[str, str] = {}
    for locale in ("en", "de", "nl", "da", "sv", "nb", "fi", "cs", "fr", "es", "it", "pt", "pl"):
        for code in sorted(COMMON_CODES):
            for count in (1, 2, 5):
                parts = get_currency_name(code, count, locale).replace("-", " ").split()
                noun = parts[0] if locale in ("fr", "es", "it", "pt", "pl") else parts[-1]
                names.setdefault(noun.casefold(), code)
    return names


def _number_word(text: str) -> int | None:
    """The value of one word of a number in words ('twenty', 'quarante-cinq', 'zweitausendfünfhundert' as a sum of
    its parts is left to ``spelled_number``), None where it is no number word."""
    word = text.casefold().strip(",.;:()")
    for table in (NUMBER_WORDS, SCALES, HUNDREDS, SMALL_NUMBERS):
        if word in table:
            return table[word]
    if "-" in word.strip("-"):  # 'ninety-five', 'vingt-deux': a compound written with hyphens
        return spelled_number([word])
    if not word.isalpha():
        return None
    # 'eintausendzweihundert': a compound of scale words, each part a number word
    return number_in_words(word) or (spelled_number([word]) if _COMPOUND.search(word) else None)


def spelled_number(tokens: list[str]) -> int | None:
    """'one thousand two hundred and fifty' -> 1250, 'deux mille cinq cents' -> 2500, 'zweitausendfünfhundert'
    -> 2500; None where a word is no number word. A scale multiplies what stands before it (a hundred the part
    below a thousand, a thousand all below it)."""
    parts: list[str] = []
    for token in tokens:
        for piece in re.split(r"[-\s]+", token.casefold().strip(",.;:()")):
            parts += [p for p in _COMPOUND.split(piece) if p and not NUMBER_JOINER.match(p)]
    total = current = 0
    for part in parts:
        value = _number_word(part)
        if value is None:
            return None
        if value == 100 and part in SCALES:
            current = max(current, 1) * 100
        elif value >= 1000 and part in SCALES:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current or None


def spelled_amounts(words: list[Word]) -> dict[int, list[Word]]:
    """Each price written in words before a currency's name or code, by the id of its words: the first word as the
    price in figures, the rest gone, the currency as its code ('one thousand two hundred and fifty rand' ->
    '1,250.00' 'ZAR'; 'and fifty cents' after the currency adds its cents). A number in words that figures in
    brackets repeat ('(ZAR 1,250.00)') is left as printed: the figures are the price."""
    names = currency_names()
    out: dict[int, list[Word]] = {}
    for k, word in enumerate(words):
        text = word.text.strip(",.;:")
        code = names.get(text.casefold()) or (text if CURRENCY.match(text) else None)
        if code is None:
            continue
        start = k
        while (
            start > 0
            and _number_word(words[start - 1].text) is not None
            or (start > 1 and NUMBER_JOINER.match(words[start - 1].text) and _number_word(words[start - 2].text))
        ):
            start -= 1
        if start == k:
            continue
        value = spelled_number([w.text for w in words[start:k]])
        if value is None:
            continue
        figures = _bracketed_figures(words, k + 1)
        if figures:  # 'two thousand euros (EUR 2,000.00)': the figures are the price, the words and brackets go
            out.update({id(w): [] for w in words[start : k + 1]})
            out.update({id(w): [Word(re.sub(r"[()]", "", w.text), w.bbox, w.confidence)] for w in figures})
            continue
        end, cents = k + 1, 0
        tail = words[k + 1 : k + 5]
        if len(tail) >= 3 and NUMBER_JOINER.match(tail[0].text):
            subunit = next((i for i, w in enumerate(tail[1:], 1) if SUBUNIT.match(w.text.strip(",.;:"))), None)
            small = spelled_number([w.text for w in tail[1:subunit]]) if subunit else None
            if subunit and small is not None and small < 100:
                end, cents = k + 2 + subunit, small
        box = union_bbox([w.bbox for w in words[start:k]]) or word.bbox
        last = words[end - 1].text  # the sentence's or the list's punctuation stays after the currency
        out[id(words[start])] = [Word(f"{value:,}.{cents:02d}", box, word.confidence)]
        out[id(word)] = [Word(code + last[len(last.rstrip(",.;:")) :], word.bbox, word.confidence)]
        for gone in [*words[start + 1 : k], *words[k + 1 : end]]:
            out[id(gone)] = []
    return out


def _bracketed_figures(words: list[Word], at: int) -> list[Word]:
    """The words of a bracketed price right at ``at`` ('(ZAR' '1,250.00)', '(€2,000.00)'), else none."""
    for size in (1, 2, 3):
        run = words[at : at + size]
        text = " ".join(w.text for w in run)
        if len(run) == size and re.fullmatch(r"\((?:[^\d()]{0,4}\s?)?\d[\d.,' ]*\s?(?:[^\d()]{0,4})?\)[,.;:]?", text):
            return run
    return []
