"""A contract's rates read by their structure alone: ``per_unit_rates(doc)``.

A rate is a money amount tied to a unit by 'per': a slash ('95,00 €/h', 'EUR 95.00 / Stunde', '1 200 Ft/óra') or a
word that means 'per' in some language ('na godzinę', 'pro Tag', 'par jour', 'kada', 'ανά': CLDR's per-unit and
compound 'per' patterns, every locale Babel ships, :data:`PER_WORDS`), the unit ending the line's phrase. The
service is the text before it on the same line: a list's marker ('•', '3.1', '(b)'), the currency and whatever parts
them (a colon, a dash, leader dots, a gap) left out. Nothing on the page is looked up by its words: the shape is
an amount and a unit in one line, in whatever order (``rates17``): 'per unit' or '/unit' after the amount, the unit
in brackets after it ('(per hour)', '[h]'), a 'per' phrase set off before it ('Gerüstmontage (pro Woche): 95,00 EUR',
'service, per hour – price'), or a cell of its own in any column, the unit's column the one whose cells all read as
units, the shorter ('Tonne | Kranführer | 95,00 €'). A range is read as its lower end, a budget's total (a count
times the price) left out, a note after the unit ('(min. 4 hours)') no part of it. Two such lines or more in a row
make a schedule; the readers of tables, lists and sentences keep theirs where they find as many
(``extraction.rates.read_rates`` asks).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import NamedTuple

from extraction.clauserates import local_symbols
from extraction.document import Document, Word, words_box
from extraction.layout import Line, group_lines, typical_char_width
from extraction.normalize import CURRENCY, number_format_of, parse_amount
from extraction.openings import _gutter
from extraction.result import FieldValue, LineItem

CONFIDENCE = 0.6
# the words CLDR's locales print for 'per' before a unit ('{0} na godzinę', '{0} pro {1}'), two units or more in a
# locale or its compound pattern (scripts/cldr_per_words.py, Babel 2.19), and the project's own ('je', 'each',
# 'pour', 'para', 'an')
PER_WORDS = frozenset(
    " ".join(
        (
            "a akayú al alla ara aste aŋɔrɔ bɔkɔɩ daa deg di dre egun gaja he hilabete i jibaaran juohke kada "
            "kiiba kv. kwa na në om pa par pe per po por pr. pro prỹg pur sa saben san sapa serê setiap simỹnỹ "
            "sẽmãna um unit urte uz wob y yasí yr za à á ích ʊshilé ανά барои в за куб на по у һәр در روچئ سال "
            "سالئ في فی لكل ماه من هفته दर हर კვადრატულ კუბურ ብካሬ አብ ᎢᎦ ᎤᏕᏘᏴᏌᏗᏒᎢ ᎧᎸᎢ ᎾᎿ ᏒᎾᏙᏓᏆᏍᏗ ⲕⲁⲧⲁ je each pour "
            "para an",
        )
    ).split()
)
_NUMBER = (
    r"\d{1,3}(?:[.,'\u00a0\u202f ]\d{3})*[.,]\d{2}|\d{4,7}[.,]\d{2}|0[.,]\d{3,4}|\d{1,3}(?:[,'\u00a0\u202f ]\d{3})+"
    r"|\d{1,6}"
)  # a price under one of four decimals ('0,0450 € per kWh') only with its 0: '1.000' is a thousand
# one token: [currency] amount [currency] [/ unit] ('€95.00', '95,00€/h', 'R$900', '2.435,81/hónap')
_MONEY = re.compile(
    rf"^(?P<before>[^\d\s/]{{1,3}})?(?P<number>{_NUMBER})(?P<after>[^\d\s/]{{1,3}})?(?:/(?P<unit>.+))?$"
)
MARKER = re.compile(r"^(?:[•·▪◦*–—-]|\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-z][.)]|[ivx]{1,4}[.)])$")
SEPARATOR = re.compile(r"^(?:[:–—|-]|[.·…_]{2,}):?$")
CENTS = re.compile(r"\d[.,]\d{2}(?!\d)|^0[.,]\d{3,4}$")
DASH = re.compile(r"^[–—-]$")
COUNT = re.compile(r"^\d{1,3}(?:[.,'\u00a0\u202f ]\d{3})*$")  # '1.000' in 'per 1.000 kWh'
OPENS, CLOSES = "([", ")]"
RANGE = re.compile(r"^(\S*\d)[–—](?=\d)")
ELIDED = re.compile(r"^[^\W\d_]{1,4}[’'](?P<unit>[^\W\d_]{2,}[.;,]?)$")
_UNIT = re.compile(r"^[^\W\d_][\w./-]{0,24}$")


def per_unit_rates(doc: Document) -> list[LineItem]:
    """Every line of the document that reads 'service  [currency] amount [currency] per unit', where two or more do."""
    hint = number_format_of(w.text for page in doc.pages for w in page.words)
    items: list[LineItem] = []
    for page in doc.pages:
        gutter = _gutter(page.words)
        columns = [page.words] if gutter is None else [
            [w for w in page.words if w.bbox[2] <= gutter], [w for w in page.words if w.bbox[0] >= gutter]
        ]  # fmt: skip
        for words in columns:
            gap = 2.5 * typical_char_width(words) if words else 0.0
            # consecutive rate lines: a schedule; a rate alone among text is a clause's. Two lines at most without
            # a price between two rates (a neighbouring column's wrapped text on their lines) do not part them
            run: list[_Row] = []
            between = 0
            for line in [*_joined(group_lines(words)), None]:
                found = [] if line is None else [_rate_line(part, page.number, hint, gap) for part in _entries(line)]
                if found and all(row is not None for row in found):
                    run += [row for row in found if row is not None]
                    between = 0
                    continue
                if line is not None and run and between < 2 and not any(CENTS.search(w.text) for w in line):
                    between += 1
                    continue
                items += _settled(run) if len(run) >= 2 else []
                run, between = [], 0
    return items if len(items) >= 2 else []


def _joined(lines: list[Line]) -> list[list[Word]]:
    """The lines' words, a line whose entries are parted by semicolons joined with the next where its last entry
    runs on there (a paragraph of 'service price per unit;' entries wrapped)."""
    out: list[list[Word]] = []
    open_entry = False
    for line in lines:
        if open_entry:
            out[-1] = [*out[-1], *line.words]
        else:
            out.append(list(line.words))
        parted = any(w.text.endswith(";") for w in out[-1])
        open_entry = parted and not re.search(r"[.;]$", out[-1][-1].text)
    return out


def _entries(words: list[Word]) -> list[list[Word]]:
    """A line's entries: parted by a semicolon ('night watch EUR 95.00 per hour; crane operator ...'), else whole."""
    out: list[list[Word]] = [[]]
    for word in words:
        out[-1].append(word)
        if word.text.endswith(";") and len(word.text) > 1:
            out.append([])
    return [entry for entry in out if entry]


def _tokens(words: list[Word]) -> list[Word]:
    """The words with a slash glued to a unit set apart ('€/h' -> '€' '/h', 'EUR/km' -> 'EUR' '/km'), a range's
    ends apart ('80–95')."""
    out = []
    for word in words:
        text = word.text
        at = text.find("/")
        if 0 < at < len(text) - 1 and not any(c.isdigit() for c in text[:at]):  # 'EUR/1.000' too
            x0, y0, x1, y1 = word.bbox
            step = (x1 - x0) / len(text)
            out += [Word(text[:at], (x0, y0, x0 + step * at, y1), word.confidence),
                    Word(text[at:], (x0 + step * at, y0, x1, y1), word.confidence)]  # fmt: skip
            continue
        if (ranged := RANGE.match(text)) is not None:  # '80,00–95,00': a range's ends and its dash apart
            x0, y0, x1, y1 = word.bbox
            step, at = (x1 - x0) / len(text), len(ranged[1])
            out += [Word(ranged[1], (x0, y0, x0 + step * at, y1), word.confidence),
                    Word(text[at], (x0 + step * at, y0, x0 + step * (at + 1), y1), word.confidence),
                    Word(text[at + 1 :], (x0 + step * (at + 1), y0, x1, y1), word.confidence)]  # fmt: skip
            continue
        out.append(word)
    return out


def _currency(text: str) -> bool:
    """A currency's code or mark beside an amount: any ISO code or known symbol, a letter of Unicode's currency
    symbols ('₺', '₴', '₦'), or letters of three at most ('kr', 'Ft', 'lei': read as one only beside an amount that
    a unit follows)."""
    if _currency_code(text) or any(unicodedata.category(c) == "Sc" for c in text):
        return True
    text = text.removesuffix(".")  # 'лв.', 'kr.'
    return len(text) <= 3 and text.isalpha()


class _Row(NamedTuple):
    """A rate read from one line. ``cells``: its two text cells where neither is marked as the unit (no 'per', slash
    or bracket), in printed order; which is the service is settled by the run's columns (``_settled``)."""

    item: LineItem
    cells: tuple[list[Word], list[Word]] | None
    amount: list[Word]


def _amounts(words: list[Word]) -> list[tuple[int, int, str, str, str, str | None]]:
    """The tokens that read as money: (first, last, number, mark before, mark after, unit glued by a slash)."""
    found = []
    for k, word in enumerate(words):
        match = _MONEY.match(word.text)
        if match is None:
            continue
        number = match["number"]
        if match["before"] and not _currency(match["before"]) or match["after"] and not _currency(match["after"]):
            continue  # '1.' a clause's number, '(2)'
        marks = (match["before"] or "", match["after"] or "", match["unit"])
        if any(m.isalpha() and not _currency_code(m) for m in marks[:2]) and not CENTS.search(number):
            continue  # 'T1', 'M2', 'A4': a code, no price in letters glued to it without cents
        if k and re.fullmatch(r"\d{1,3}", words[k - 1].text) and re.fullmatch(r"\d{3}[.,]\d{2}(?:/.*)?", word.text):
            found.append((k - 1, k, f"{words[k - 1].text} {number}", *marks))
        elif not re.fullmatch(r"\d{1,3}", word.text) or any(marks):
            found.append((k, k, number, *marks))
    # a bare number beside a price is none: a tier's band ('1,001 – 5,000'), a count. Marked: cents or a currency
    # glued, else a currency's word beside it
    marked = [f for f in found if any(f[3:]) or CENTS.search(f[2])]
    beside = [
        f for f in found if any(0 <= j < len(words) and _currency_code(words[j].text) for j in (f[0] - 1, f[1] + 1))
    ]
    return marked or beside or found


def _total(words: list[Word], found: list[tuple[int, int, str, str, str, str | None]], hint: str | None) -> list[Word]:
    """The line without its second amount where that is a count times the first (a budget's total), else []."""
    (_, _, first, *_), (start, end, second, *_) = found
    price, total = (parse_amount(n.replace(" ", ""), hint) for n in (first, second))
    counts = [Decimal(w.text) for w in words if re.fullmatch(r"\d{1,4}", w.text)]
    if price is None or total is None or not any(price * count == total for count in counts):
        return []
    if end + 1 < len(words) and _currency_code(words[end + 1].text):
        end += 1
    elif start and _currency_code(words[start - 1].text):
        start -= 1
    return [*words[:start], *words[end + 1 :]]


def _phrase(words: list[Word]) -> tuple[list[Word], list[Word]]:
    """The unit after 'per' or a slash and what follows it: one word, a count before it ('1.000 kWh', '10 000
    kg'), or two words where they end the entry ('metru pătrat')."""
    counted = 0
    while counted < min(2, len(words) - 1) and COUNT.match(words[counted].text):
        counted += 1
    first, rest = words[: counted + 1], words[counted + 1 :]
    # a second word where it ends the entry or a note in brackets follows ('por metro cuadrado (min. 7 ...)')
    ends = bool(rest) and (len(rest) == 1 or rest[1].text[:1] in OPENS or rest[0].text.endswith(","))
    if ends and rest[0].text[:1] not in OPENS and not first[-1].text.endswith((",", ";")):
        first, rest = [*first, rest[0]], rest[1:]
    return first, rest


def _unit_of(words: list[Word]) -> list[Word] | None:
    """A bracket's content as a unit: 'per hour', '/h', or (``bare``) 'Std.', 'h', 'm²'; None where more follows."""
    if words and words[0].text.startswith("/") and len(words[0].text) > 1:
        words = [Word(words[0].text[1:], words[0].bbox, words[0].confidence), *words[1:]]
    elif len(words) >= 2 and words[0].text.casefold() in PER_WORDS:
        words = words[1:]
    unit, rest = _phrase(words)
    return unit if unit and not rest else None


def _bracketed(words: list[Word]) -> list[Word]:
    """The words with the brackets that open the first and close the last taken off."""
    first, last = words[0], words[-1]
    out = [Word(first.text.lstrip(OPENS), first.bbox, first.confidence), *words[1:]]
    out[-1] = Word(out[-1].text.rstrip(".,;:").rstrip(CLOSES), last.bbox, last.confidence)
    return [w for w in out if w.text]


def _unit_after(amount: Word, glued: str | None, rest: list[Word]) -> tuple[list[Word], list[Word]] | None:
    """The unit after the amount: glued by a slash ('95,00€/h'), after a slash or a word for 'per', elided onto
    its article ('all’ora'), or in brackets ('(per hour)', '[h]', '(Std.)'); and what follows it."""
    if glued is not None:  # '7.576,64/10.000 GB': a count glued, its unit after it
        return _phrase([Word(glued, amount.bbox, amount.confidence), *rest])
    if rest and rest[0].text == "/" and len(rest) >= 2:
        return _phrase(rest[1:])
    if rest and rest[0].text.startswith("/") and len(rest[0].text) > 1:
        return _phrase([Word(rest[0].text[1:], rest[0].bbox, rest[0].confidence), *rest[1:]])
    if len(rest) >= 2 and rest[0].text.casefold() in PER_WORDS:
        return _phrase(rest[1:])
    if rest and (elided := ELIDED.match(rest[0].text)) is not None:
        # 'all’ora', "de l'heure": a short word elided onto the unit ('all’' is CLDR's Italian 'per' an hour)
        return [Word(elided["unit"], rest[0].bbox, rest[0].confidence)], rest[1:]
    if rest and rest[0].text[:1] in OPENS:
        close = next((k for k, w in enumerate(rest[:3]) if w.text.rstrip(".,;:")[-1:] in CLOSES), None)
        unit = None if close is None else _unit_of(_bracketed(rest[: close + 1]))
        if close is not None and unit:
            return unit, rest[close + 1 :]
    return None


def _unit_before(lead: list[Word], amount: Word, gap: float) -> tuple[list[Word], list[Word]] | None:
    """'service (per hour): price', 'service, per hour – price', 'service | per hour | price': a 'per' phrase set off
    (by brackets, a comma or a cell's gap) and parted from the amount (a separator, a gap); the unit and the
    service before it."""
    words = list(lead)
    parted = bool(words) and bool(gap) and amount.bbox[0] - words[-1].bbox[2] > gap
    while words and SEPARATOR.match(words[-1].text):
        words, parted = words[:-1], True
    if words and words[-1].text.endswith(":") and len(words[-1].text) > 1:
        last = words[-1]
        words[-1], parted = Word(last.text[:-1], last.bbox, last.confidence), True
    if len(words) < 2 or not parted:
        return None
    if words[-1].text[-1:] in CLOSES:
        opened = next((k for k in range(len(words) - 1, max(len(words) - 4, 0), -1) if words[k].text[:1] in OPENS), 0)
        inner = _bracketed(words[opened:]) if opened else []
        unit = (
            _unit_of(inner)
            if inner and (inner[0].text.startswith("/") or inner[0].text.casefold() in PER_WORDS)
            else None
        )
        return (unit, words[:opened]) if unit else None
    for k in range(max(1, len(words) - 3), len(words)):
        set_off = words[k - 1].text.endswith(",") or bool(gap) and words[k].bbox[0] - words[k - 1].bbox[2] > gap
        before = words[k - 1]
        service = [*words[: k - 1], Word(before.text.rstrip(","), before.bbox, before.confidence)]
        if set_off and k < len(words) - 1 and words[k].text.casefold() in PER_WORDS:
            return words[k + 1 :], service
        if set_off and words[k].text.startswith("/") and len(words[k].text) > 1:  # '/tona mètrica'
            first = words[k]
            return [Word(first.text[1:], first.bbox, first.confidence), *words[k + 1 :]], service
    return None


def _cells(lead: list[Word], rest: list[Word], edge: Word, gap: float) -> tuple[list[Word], list[Word]] | None:
    """A table's row: two text cells beside the amount's (``edge`` its last word, a currency's maybe), in any order
    ('Tonne | Kranführer | 95,00 €', '95,00 € | Kranführer | Tonne'); a count's cell (no letter) and a currency's
    are none."""
    if not gap or rest and rest[0].bbox[0] - edge.bbox[2] <= gap:
        return None
    cells: list[list[Word]] = []
    others: list[list[Word]] = []
    for cell in [*_split(lead, gap), *_split(rest, gap)]:
        lettered = any(c.isalpha() for w in cell for c in w.text)
        (cells if lettered and not all(_currency_code(w.text) for w in cell) else others).append(cell)
    # a third cell other than a count ('98.0%', a date) is a table of other terms (a service level's)
    if any(len(cell) > 1 or not cell[0].text.isdigit() for cell in others if not _currency_code(cell[0].text)):
        return None
    return (cells[0], cells[1]) if len(cells) == 2 else None


def _split(words: list[Word], gap: float) -> list[list[Word]]:
    out: list[list[Word]] = []
    for k, word in enumerate(words):
        if not k or word.bbox[0] - words[k - 1].bbox[2] > gap:
            out.append([])
        out[-1].append(word)
    return out


def _without_note(unit: list[Word], rest: list[Word]) -> list[Word]:
    """What follows a unit less a note on it: '(min. 4 Stunden)', ', 4 hours min.'."""
    if rest and rest[0].text[:1] in OPENS and rest[-1].text.rstrip(".,;")[-1:] in CLOSES:
        return []
    if rest and unit[-1].text.endswith(",") and len(rest) <= 4 and any(c.isdigit() for w in rest for c in w.text):
        return []
    return rest


def _unit_ok(text: str) -> bool:
    """A unit's text: one word or two ('metru pătrat', 'user/month'), a count before them ('1.000 kWh')."""
    parts = text.split()
    while len(parts) > 1 and COUNT.match(parts[0]):
        parts = parts[1:]
    return 1 <= len(parts) <= 2 and all(_UNIT.match(part.split("/")[0] or "x") for part in parts)


def _rate_line(words: list[Word], page: int, hint: str | None, gap: float = 0.0) -> _Row | None:
    words = _tokens(words)
    # the amount: one token (or two, thousands set apart by a space: '2 435,81') that reads as money; a range
    # ('80,00 – 95,00 EUR') read as its lower end, the least charged
    found = _amounts(words)
    if len(found) == 2:
        between = words[found[0][1] + 1 : found[1][0]]
        dashed = any(DASH.match(w.text) for w in between)
        if dashed and all(DASH.match(w.text) or _currency_code(w.text) for w in between):
            found = [(found[0][0], found[1][1], found[0][2], found[0][3], found[1][4], found[1][5])]
        elif remaining := _total(words, found, hint):
            return _rate_line(remaining, page, hint, gap)
    if len(found) != 1:
        return None
    start, end, number, before, after, glued = found[0]  # its marks, where printed, are a currency's (``_amounts``)
    cents = re.search(r"[.,]\d{2,4}$", number) is not None
    rest = words[end + 1 :]
    currency = bool(before or after)
    if glued is None and rest and _currency(rest[0].text):
        # letters in lower case are a currency's ('kr', 'zł') where a unit's mark, a cell's gap or the end follows
        follows = rest[1] if len(rest) >= 2 else None
        if (
            not rest[0].text.islower()
            or follows is None
            or follows.text[:1] in ("/", *OPENS)
            or follows.text.casefold() in PER_WORDS
            or bool(gap)
            and follows.bbox[0] - rest[0].bbox[2] > gap
        ):
            currency, rest = True, rest[1:]
    lead = words[:start]
    if lead and _currency(lead[-1].text) and not lead[-1].text.islower():
        currency, lead = True, lead[:-1]
    if not currency and not cents:
        return None  # '3 days': a bare number without a currency is no price
    # the unit: after the amount, set off before it, or a cell of its own beside it
    cells = None
    # a bar or a dash between ('95,00 € | pro Woche'), one word ('95,00 EUR net pro Stunde') left out
    edge = words[len(words) - len(rest) - 1]  # the amount's last word, or its currency's
    marked = len(rest) >= 3 and (rest[1].text.casefold() in PER_WORDS or rest[1].text == "/")
    near = marked and (SEPARATOR.match(rest[0].text) or not gap or rest[0].bbox[0] - edge.bbox[2] <= gap)
    skipped = rest[1:] if near else rest  # (a cell after a gap is another column's: 'Охрана на склад')
    after_amount = _unit_after(words[end], glued, rest) or _unit_after(words[end], None, skipped)
    if after_amount is not None:
        unit_words, rest = after_amount[0], _without_note(*after_amount)
    elif (before_amount := _unit_before(lead, words[start], gap)) is not None:
        unit_words, lead = before_amount
    elif (cells := _cells(lead, rest, edge, gap)) is not None:
        lead, unit_words, rest = cells[0], cells[1], []
    else:
        return None
    if rest and rest[0].text.startswith("/") and len(rest) <= 2:  # 'user / month', 'user/ month'
        tail = rest[0].text[1:] or (rest[1].text if len(rest) == 2 else "")
        unit_words, rest = [*unit_words, Word("/" + tail, rest[-1].bbox, rest[-1].confidence)], []
    price_first = not lead or len(lead) == 1 and MARKER.match(lead[0].text)
    if rest and price_first and SEPARATOR.match(rest[0].text) and len(rest) > 1:
        # 'EUR 95,00 pro Stunde – Gerüstmontage': the price first, the service after a separator
        last = rest[-1]
        lead, rest = [*rest[1:-1], Word(last.text.rstrip(".;") or last.text, last.bbox, last.confidence)], []
    if rest:
        return None  # the sentence goes on after the unit: the sentence readers' (``extraction.rates``)
    if cells is None and not _unit_ok(_unit_text(unit_words)):
        return None
    # the service: the phrase nearest before the amount (a wide gap parts a column's or a cell's text from it), its
    # marker, separators and what a colon opens it with ('the following rates: night watch') dropped
    while lead and (SEPARATOR.match(lead[-1].text) or _currency_code(lead[-1].text)):
        lead = lead[:-1]
    # the nearest cell with a letter: a tier's band ('T2 | 101 – 500 | 2,10 €/GB') or a count is no service
    lettered = [cell for cell in _split(lead, gap) if any(c.isalpha() for w in cell for c in w.text)]
    lead = lettered[-1] if lettered and gap else lead
    colons = [k for k, w in enumerate(lead[:-1]) if w.text.endswith(":")]
    lead = lead[colons[-1] + 1 :] if colons else lead
    if lead and MARKER.match(lead[0].text) and len(lead) > 1:
        lead = lead[1:]
    if lead:
        lead[-1] = Word(re.sub(r"[.·…_]{2,}$|[:–—-]$", "", lead[-1].text) or lead[-1].text, lead[-1].bbox,
                        lead[-1].confidence)  # fmt: skip
    if not lead or len(lead) > 12 or not any(c.isalpha() for w in lead for c in w.text):
        return None
    if any(re.fullmatch(_NUMBER, w.text) and re.search(r"[.,]\d{2}$", w.text) for w in lead):
        return None
    price = parse_amount(number.replace("\u00a0", " ").replace("\u202f", " ").replace(" ", ""), hint)
    if price is None or price <= 0:
        return None
    amount = words[start : end + 1]
    item = _item(lead, unit_words, amount, Decimal(price), number, page)
    return _Row(item, None if cells is None else (lead, unit_words), amount)


def _unit_text(words: list[Word]) -> str:
    return " ".join(w.text for w in words).replace(" /", "/").rstrip(".,;:)")


def _item(lead: list[Word], unit: list[Word], amount: list[Word], price: Decimal, number: str, page: int) -> LineItem:
    text, unit_text = " ".join(w.text for w in lead), _unit_text(unit)
    cells = {
        "description": FieldValue(text, CONFIDENCE, page, words_box(lead), text),
        "unit_price": FieldValue(price, CONFIDENCE, page, words_box(amount), number),
        "unit": FieldValue(unit_text, CONFIDENCE, page, words_box(unit), unit_text),
    }
    return LineItem(cells, CONFIDENCE, page, words_box([*lead, *amount]))


def _settled(run: list[_Row]) -> list[LineItem]:
    """The run's rates; of rows whose service and unit stood in two plain cells, the unit's the column whose cells
    all read as units, the shorter on average where both do (a table's unit column printed first or last)."""
    paired = [row for row in run if row.cells is not None]
    if not paired:
        return [row.item for row in run]
    texts = [[" ".join(w.text for w in cell) for cell in row.cells] for row in paired if row.cells is not None]
    fits = [all(_unit_ok(t[k]) and not any(c.isdigit() for c in t[k]) for t in texts) for k in (0, 1)]
    lengths = [sum(len(t[k]) for t in texts) for k in (0, 1)]
    if not any(fits):
        return [row.item for row in run if row.cells is None]
    unit_at = 1 if fits[1] and (not fits[0] or lengths[1] <= lengths[0]) else 0
    out = []
    for row in run:
        if row.cells is None or unit_at == 1:
            out.append(row.item)
            continue
        price = row.item.cells["unit_price"]
        out.append(
            _item(row.cells[1], row.cells[0], row.amount, Decimal(str(price.value)), str(price.raw), price.page or 1)
        )
    return out


def _currency_code(text: str) -> bool:
    """An ISO code or a symbol the contracts' readers know ('EUR', '€', 'zł')."""
    return bool(CURRENCY.match(text)) or text in local_symbols()
