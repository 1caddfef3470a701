"""A contract's rates read by their structure alone: ``per_unit_rates(doc)``.

A rate is a money amount tied to a unit by 'per': a slash ('95,00 €/h', 'EUR 95.00 / Stunde', '1 200 Ft/óra') or a
word that means 'per' in some language ('na godzinę', 'pro Tag', 'par jour', 'kada', 'ανά': CLDR's per-unit and
compound 'per' patterns, every locale Babel ships, :data:`PER_WORDS`), the unit ending the line's phrase. The
service is the text before it on the same line: a list's marker ('•', '3.1', '(b)'), the currency and whatever parts
them (a colon, a dash, leader dots, a gap) left out. Nothing on the page is looked up by its words: the shape is
'text, separator, [currency] amount [currency] per unit'. Two such lines or more in a row make a schedule; the
readers of tables, lists and sentences keep theirs where they find as many (``extraction.rates.read_rates`` asks).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

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
_NUMBER = r"\d{1,3}(?:[.,'\u00a0\u202f ]\d{3})*[.,]\d{2}|\d{4,7}[.,]\d{2}|\d{1,3}(?:[,'\u00a0\u202f ]\d{3})+|\d{1,6}"
# one token: [currency] amount [currency] [/ unit] ('€95.00', '95,00€/h', 'R$900', '2.435,81/hónap')
_MONEY = re.compile(
    rf"^(?P<before>[^\d\s/]{{1,3}})?(?P<number>{_NUMBER})(?P<after>[^\d\s/]{{1,3}})?(?:/(?P<unit>.+))?$"
)
MARKER = re.compile(r"^(?:[•·▪◦*–—-]|\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-z][.)]|[ivx]{1,4}[.)])$")
SEPARATOR = re.compile(r"^(?:[:–—|-]|[.·…_]{2,}):?$")
CENTS = re.compile(r"\d[.,]\d{2}(?!\d)")
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
            run: list[LineItem] = []
            between = 0
            for line in [*_joined(group_lines(words)), None]:
                found = [] if line is None else [_rate_line(part, page.number, hint, gap) for part in _entries(line)]
                if found and all(item is not None for item in found):
                    run += [item for item in found if item is not None]
                    between = 0
                    continue
                if line is not None and run and between < 2 and not any(CENTS.search(w.text) for w in line):
                    between += 1
                    continue
                items += run if len(run) >= 2 else []
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
    """The words with a slash glued to a unit set apart ('€/h' -> '€' '/h', 'EUR/km' -> 'EUR' '/km')."""
    out = []
    for word in words:
        text = word.text
        at = text.find("/")
        if 0 < at < len(text) - 1 and not any(c.isdigit() for c in text[:at]) and not any(c.isdigit() for c in text):
            x0, y0, x1, y1 = word.bbox
            step = (x1 - x0) / len(text)
            out += [Word(text[:at], (x0, y0, x0 + step * at, y1), word.confidence),
                    Word(text[at:], (x0 + step * at, y0, x1, y1), word.confidence)]  # fmt: skip
            continue
        out.append(word)
    return out


def _currency(text: str) -> bool:
    """A currency's code or mark beside an amount: any ISO code or known symbol, a letter of Unicode's currency
    symbols ('₺', '₴', '₦'), or letters of three at most ('kr', 'Ft', 'lei': read as one only beside an amount that
    a unit follows)."""
    if _currency_code(text) or any(unicodedata.category(c) == "Sc" for c in text):
        return True
    return len(text) <= 3 and text.isalpha()


def _rate_line(words: list[Word], page: int, hint: str | None, gap: float = 0.0) -> LineItem | None:
    words = _tokens(words)
    # the amount: one token (or two, thousands set apart by a space: '2 435,81') that reads as money
    found = []
    for k, word in enumerate(words):
        match = _MONEY.match(word.text)
        if match is None:
            continue
        number = match["number"]
        if match["before"] and not _currency(match["before"]) or match["after"] and not _currency(match["after"]):
            continue  # '1.' a clause's number, '(2)'
        if k and re.fullmatch(r"\d{1,3}", words[k - 1].text) and re.fullmatch(r"\d{3}[.,]\d{2}(?:/.*)?", word.text):
            found.append((k - 1, k, f"{words[k - 1].text} {number}", match))
        elif not re.fullmatch(r"\d{1,3}", word.text) or (match["unit"] or match["before"] or match["after"]):
            found.append((k, k, number, match))
    if len(found) != 1:
        return None
    start, end, number, match = found[0]  # its currency marks, where printed, are a currency's (the loop's check)
    cents = re.search(r"[.,]\d{2}$", number) is not None
    rest = words[end + 1 :]
    currency = bool(match["before"] or match["after"])
    if (
        match["unit"] is None
        and rest
        and _currency(rest[0].text)
        and not rest[0].text.islower()
        or (
            match["unit"] is None
            and rest
            and len(rest) >= 2
            and _currency(rest[0].text)
            and (rest[1].text.startswith("/") or rest[1].text.casefold() in PER_WORDS)
        )
    ):
        currency, rest = True, rest[1:]
    lead = words[:start]
    if lead and _currency(lead[-1].text) and not lead[-1].text.islower():
        currency, lead = True, lead[:-1]
    if not currency and not cents:
        return None  # '3 days': a bare number without a currency is no price
    # the unit: glued to the amount by a slash, after a slash or a word meaning 'per', ending the line
    if match["unit"] is not None:
        unit_words = [Word(match["unit"], words[end].bbox, words[end].confidence)]
    elif rest and rest[0].text == "/" and len(rest) >= 2:
        unit_words, rest = [rest[1]], rest[2:]
    elif rest and rest[0].text.startswith("/") and len(rest[0].text) > 1:
        unit_words, rest = [Word(rest[0].text[1:], rest[0].bbox, rest[0].confidence)], rest[1:]
    elif len(rest) >= 2 and rest[0].text.casefold() in PER_WORDS:
        unit_words, rest = [rest[1]], rest[2:]
    elif rest and (elided := ELIDED.match(rest[0].text)) is not None:
        # 'all’ora', "de l'heure": a short word elided onto the unit ('all’' is CLDR's Italian 'per' an hour)
        unit_words, rest = [Word(elided["unit"], rest[0].bbox, rest[0].confidence)], rest[1:]
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
    unit_text = "".join(w.text for w in unit_words).rstrip(".,;:)")
    if not _UNIT.match(unit_text.split("/")[0] or "x"):
        return None
    # the service: the phrase nearest before the amount (a wide gap parts a column's or a cell's text from it), its
    # marker, separators and what a colon opens it with ('the following rates: night watch') dropped
    while lead and (SEPARATOR.match(lead[-1].text) or _currency_code(lead[-1].text)):
        lead = lead[:-1]
    cuts = [k for k in range(1, len(lead)) if gap and lead[k].bbox[0] - lead[k - 1].bbox[2] > gap]
    lead = lead[cuts[-1] :] if cuts else lead
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
    text = " ".join(w.text for w in lead)
    box = words_box(lead)
    amount_box = words_box(words[start : end + 1])
    cells = {
        "description": FieldValue(text, CONFIDENCE, page, box, text),
        "unit_price": FieldValue(Decimal(price), CONFIDENCE, page, amount_box, number),
        "unit": FieldValue(unit_text, CONFIDENCE, page, words_box(unit_words), unit_text),
    }
    return LineItem(cells, CONFIDENCE, page, words_box([*lead, *words[start : end + 1]]))


def _currency_code(text: str) -> bool:
    """An ISO code or a symbol the contracts' readers know ('EUR', '€', 'zł')."""
    return bool(CURRENCY.match(text)) or text in local_symbols()
