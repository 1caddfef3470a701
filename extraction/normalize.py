"""Printed text -> domain values: amounts, dates, currencies, tax ids (payment terms: ``extraction.terms``).

Ambiguous forms ("1,234", "03/04/2026") are resolved with a hint the caller takes
from the document's dominant format (see ``number_format_of`` / ``date_order_of``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from babel import Locale
from babel.dates import get_day_names, get_month_names
from babel.numbers import get_currency_symbol, get_decimal_symbol
from rapidfuzz.distance import Levenshtein
from stdnum.br import cnpj
from stdnum.ca import bn
from stdnum.ch import uid
from stdnum.es import nif
from stdnum.eu import vat
from stdnum.exceptions import ValidationError
from stdnum.fi import ytunnus
from stdnum.gb import vat as gb_vat
from stdnum.in_ import gstin
from stdnum.jp import cn
from stdnum.mx import rfc
from stdnum.no import mva
from stdnum.nz import ird
from stdnum.pl import nip
from stdnum.sg import uen
from stdnum.us import ein

from extraction.letters import unaccented

# ---- amounts -------------------------------------------------------------------------------------

CURRENCY_SYMBOLS = {
    "US$": "USD",
    "CA$": "CAD",
    "C$": "CAD",
    "AU$": "AUD",
    "A$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "zł": "PLN",
    "Kč": "CZK",
    "Fr.": "CHF",
    "SFr.": "CHF",
}
# the marks of currencies written right to left ('د.إ', 'ر.س', '₪'), as their own countries print them (Babel's
# locale data; the right-to-left mark and the closing point dropped)
_RIGHT_TO_LEFT = {"AED": "ar_AE", "SAR": "ar_SA", "QAR": "ar_QA", "KWD": "ar_KW", "BHD": "ar_BH", "OMR": "ar_OM",
                  "JOD": "ar_JO", "EGP": "ar_EG", "ILS": "he_IL"}  # fmt: skip
CURRENCY_SYMBOLS |= {
    get_currency_symbol(code, locale).replace("\u200f", "").rstrip("."): code for code, locale in _RIGHT_TO_LEFT.items()
}
_LONGEST_FIRST = sorted(CURRENCY_SYMBOLS, key=len, reverse=True)  # 'US$' before '$'
# a currency as printed beside an amount: an ISO code or any of the symbols above ('R$ 482,43', '1.200,00 Kč')
CURRENCY_MARK = "(?:[A-Z]{3}|" + "|".join(re.escape(s) for s in _LONGEST_FIRST) + ")"
CURRENCY = re.compile(rf"^{CURRENCY_MARK}$")
_CODES = "USD EUR GBP CHF CAD AUD NZD JPY CNY INR SEK NOK DKK PLN CZK HUF RON BGN SGD HKD MXN BRL ZAR TRY KRW AED"
COMMON_CODES = frozenset(_CODES.split(" "))
MONTH_FIRST_MONEY = frozenset({"USD", "CAD"})  # the dollars of the countries that write the month first


def date_order_by_money(texts: Iterable[str]) -> str | None:
    """Day first where every currency the page prints is another than the US or Canadian dollar ('in GBP', 'R',
    '€'): month-first dates are those countries' habit; None where no currency or a dollar is printed."""
    texts = list(texts)
    tokens = [token.strip(".,;:()") for text in texts for token in text.split()]
    codes = {CURRENCY_SYMBOLS[t] for t in tokens if t in CURRENCY_SYMBOLS} | {t for t in tokens if t in COMMON_CODES}
    # any other country's code where it stands alone or beside a number ('XOF', 'TZS 2 ...'), never in words ('ALL
    # RIGHTS RESERVED')
    for text in texts:
        words = [token.strip(".,;:()") for token in text.split()]
        if len(words) <= 2 or re.search(r"\d", text):
            codes |= {w for w in words if w.isupper() and w in iso_codes()}
    return "DMY" if codes and not codes & MONTH_FIRST_MONEY else None


CURRENCY_WORDS = [
    (r"\bus\s+dollars?\b|\bu\.s\.\s+dollars?\b|\bunited states dollars?\b", "USD"),
    (r"\bcanadian dollars?\b", "CAD"),
    (r"\baustralian dollars?\b", "AUD"),
    (r"\bswiss francs?\b", "CHF"),
    (r"\bpounds? sterling\b|\bbritish pounds?\b", "GBP"),
    (r"\beuros?\b", "EUR"),
    (r"\byen\b", "JPY"),
    (r"\bdollars?\b", "USD"),
]


@lru_cache(maxsize=1)
def currency_names() -> dict[str, str]:
    """The common currencies' names and signs as CLDR gives them in the languages whose months are read (Babel):
    every plural form ('złotych polskich', 'českých korun', 'euroa') and each locale's own sign ('₺', 'zł', 'Kč',
    'Ft'), lower-cased, mapped to the ISO code; a name or sign two currencies share ('kr', 'dollar') is left out."""
    found: dict[str, set[str]] = {}
    for locale in MONTH_LOCALES + MORE_MONTH_LOCALES:
        data = Locale.parse(locale)
        plural = data._data["currency_names_plural"]
        for code in COMMON_CODES:
            names = {data.currencies.get(code, ""), data.currency_symbols.get(code, "")}
            names |= set(dict(plural.get(code, {})).values())
            for name in names:
                name = name.lower().strip()
                if name and name != code.lower() and not re.search(r"\d", name):
                    found.setdefault(name, set()).add(code)
    return {name: codes.pop() for name, codes in found.items() if len(codes) == 1}


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """ISO 4217 codes of the currencies legal tender somewhere today or in the five years before (Babel's territory
    data: an order printed before a currency was replaced, 'ANG' before 'XCG', 'HRK' before the euro, is read after):
    read as a currency only beside an amount, where 'ALL' or 'TOP' cannot be a word."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    today = date(2026, 1, 1)
    return frozenset(
        code
        for territory in get_global("territory_currencies")
        for code in get_territory_currencies(territory, today.replace(year=today.year - 5), today, tender=True)
    )


_SPACES = "\u00a0\u202f\u2009 "
_NUMBER = re.compile(r"\d(?:[\d.,'’\u00a0\u202f\u2009 ]*\d)?")


def _decimal_separator(hint: str | None) -> str | None:
    if not hint:
        return None
    key = hint.upper()
    if key in {"US", "UK", "EN", "CH"}:
        return "."
    if key in {"EU", "DE", "FR", "IT", "ES", "NL"}:
        return ","
    try:
        return get_decimal_symbol(hint)
    except Exception:  # unknown locale name: no hint
        return None


@lru_cache(maxsize=8192)  # the readers ask it of the same cells again and again
def parse_amount(text: str | None, locale_hint: str | None = None) -> Decimal | None:
    """'1,234.50', '1.234,50 €', "CHF 1'234.50", '1 234,50', '(1,234.50)', '1.234,50-' -> Decimal.

    ``locale_hint`` ("US", "EU", "CH" or a Babel locale such as "de_DE") decides only the
    ambiguous case of one separator followed by exactly three digits ("1,234").
    """
    if not text:
        return None
    body = text.strip()
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1].strip()
    for symbol in _LONGEST_FIRST:
        body = body.replace(symbol, " ")
    body = re.sub(r"\b[A-Z]{3}\b", " ", body).strip()  # currency codes around the number
    body = body.rstrip("%").strip()
    if body.endswith("-"):
        negative, body = True, body[:-1].strip()
    if body.startswith(("-", "−", "–")):
        negative, body = True, body[1:].strip()
    if body.startswith("+"):
        body = body[1:].strip()
    match = _NUMBER.fullmatch(body)
    if not match:
        return None
    number = match.group(0)
    # OCR misreads a separator: '34,150,00', '1.234.50' can only mean 34150.00 and 1234.50
    misread = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})+)[.,](\d{2})", number)
    if misread and number.count(".") + number.count(",") >= 2 and len({*re.sub(r"\d", "", number)}) == 1:
        return _signed(Decimal(re.sub(r"[.,]", "", misread[1]) + "." + misread[2]), negative)
    # spaces are thousands separators only between groups of three digits; the one mark left after them is the
    # decimal one, whatever digits follow it ('2 238 005,634' in a currency of three places, '1 665,659')
    spaced = None
    if any(s in number for s in _SPACES):
        if not re.fullmatch(r"\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?", number):
            return None
        for s in _SPACES:
            number = number.replace(s, "")
        spaced = next((mark for mark in ".," if mark in number), None)
    number = number.replace("'", "").replace("’", "")
    decimal_sep = spaced or _pick_decimal_separator(number, _decimal_separator(locale_hint))
    if decimal_sep is None:
        return None
    thousands = "." if decimal_sep == "," else ","
    whole, _, fraction = number.rpartition(decimal_sep) if decimal_sep in number else (number, "", "")
    grouped = re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+", whole)
    lakh = thousands == "," and re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}", whole)  # Indian grouping: 16,04,943
    if thousands in whole and not (grouped or lakh):
        return None  # '12,34,5' is not a number
    digits = whole.replace(thousands, "") + ("." + fraction if fraction else "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return -value if negative else value


# a money amount's decimals as printed: two places, or three after thousands groups that show which mark is the
# decimal one ('2 238 005,634', '1.665,659', '12,345.678': a currency of three places, the dinar's, the rial's),
# or four digits before its one mark, which no thousands group has ('2238005,634' as words joined from spaces), or
# a lone zero before it, which no thousands group starts with ('0.000': nothing in a currency of three places)
_WITH_DECIMALS = re.compile(
    r"(?:[.,]\d{2}|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+[.,]\d{3}|\d{4}[.,]\d{3}"
    r"|\d{1,3}(?:\.\d{3})+,\d{3}|\d{1,3}(?:,\d{3})+\.\d{3}|(?<![\d.,])0[.,]\d{3})"
    r"[^\d.,]{0,3}$"
)


def shows_decimals(text: str) -> bool:
    """Whether a printed amount ends in its decimals: two places, or three where its thousands groups tell the
    decimal mark apart ('2 238 005,634'; a bare '1,234' is a thousand as often)."""
    return _WITH_DECIMALS.search(text.strip()) is not None


def _signed(value: Decimal, negative: bool) -> Decimal:
    return -value if negative else value


def _pick_decimal_separator(number: str, hinted: str | None) -> str | None:
    commas, dots = number.count(","), number.count(".")
    if commas and dots:
        return "," if number.rfind(",") > number.rfind(".") else "."
    if not commas and not dots:
        return "."
    sep = "," if commas else "."
    if commas + dots > 1:  # '1,234,567' or '1.234.567': thousands only
        return "." if sep == "," else ","
    head, tail = number.split(sep)
    if len(tail) != 3 or head == "0" or len(head.lstrip("-")) > 3:
        return sep  # four digits before the mark: no thousands group, the decimal mark ('2238005,634')
    if hinted:  # '1,234' or '1.234': only the document's format can tell
        return hinted
    return "."


def number_format_of(texts: Iterable[str]) -> str | None:
    """'US' or 'EU' from the unambiguous numbers of a document (e.g. '1,234.50' or '12,50'), else None."""
    us = eu = 0
    texts_seen = list(texts)
    for text in texts_seen:
        for number in re.findall(r"\d[\d.,']*\d", text):
            if re.search(r"\.\d{1,2}$", number) or re.search(r",\d{3}\.\d", number):
                us += 1
            elif re.search(r",\d{1,2}$", number) or re.search(r"\.\d{3},\d", number):
                eu += 1
    if us == eu:
        # no number with cents tells: a number of two or more thousands groups ('6.357.800' in pesos, yen's
        # '1,234,567') shows its thousands separator, and so which mark would be the decimal one
        for text in texts_seen:
            for number in re.findall(r"(?<![\d.,])\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+(?![\d.,]*\d)", text):
                us, eu = us + (number == ","), eu + (number == ".")
    if us == eu:
        return None
    return "US" if us > eu else "EU"


# ---- dates -------------------------------------------------------------------------------------


# the languages whose month names dates print in (Babel's names, the genitive where a language dates with it:
# Polish '3 marca 2026', Czech '3. března 2026'), in the order a name two of them share is read
MONTH_LOCALES = ("en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "pl", "cs", "fi", "ro")
# more languages contracts are written in, looked up after those above (a name two of them give two months keeps
# the first's): months in prose as each prints them, in a sentence ('14 июня', '1. července') or alone ('marzec')
MORE_MONTH_LOCALES = ("hu", "sk", "sl", "hr", "et", "lv", "lt", "el", "ru", "uk", "bg", "tr", "is", "ca")


@lru_cache(maxsize=1)
def country_languages() -> tuple[str, ...]:
    """The first official language of every country (CLDR, de facto; 'id' in Indonesia, 'ms' in Malaysia, 'sw' in
    Tanzania) that Babel has a locale for, less those above, then every other language official in a country or one
    of its regions (Afrikaans, Irish, Luxembourgish; Welsh, Basque, Romansh, Scottish Gaelic): their months' and
    days' full words are read after the languages above (no abbreviation: 'mar', 'see', 'man' are words elsewhere),
    a country's first language's before a second's."""
    from babel.core import get_global  # noqa: PLC0415
    from babel.languages import get_official_languages  # noqa: PLC0415
    from babel.localedata import locale_identifiers  # noqa: PLC0415

    known, read = set(locale_identifiers()), set(MONTH_LOCALES + MORE_MONTH_LOCALES)
    out: list[str] = []
    territories = [t for t in sorted(get_global("territory_currencies")) if len(t) == 2]
    for first in (True, False):
        for territory in territories:
            national = get_official_languages(territory, de_facto=True)[:1]
            languages = national if first else get_official_languages(territory, regional=True, de_facto=True)
            for language in languages:
                if language in known and language not in read and language not in out:
                    out.append(language)
    return tuple(out)


_MONTH_FORMS: tuple[tuple[Literal["wide", "abbreviated"], Literal["format", "stand-alone"]], ...] = (
    ("wide", "format"),
    ("abbreviated", "format"),
    ("wide", "stand-alone"),  # 'marzec' as a heading prints it, 'marca' in a date
)


@lru_cache(maxsize=1)
def _month_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for locale in MONTH_LOCALES + MORE_MONTH_LOCALES:
        for width, context in _MONTH_FORMS:
            if context == "stand-alone" and locale in MONTH_LOCALES[:1]:
                continue
            for number, name in get_month_names(width, context, locale=locale).items():
                name = name.lower().rstrip(".")
                lookup.setdefault(name, number)
                lookup.setdefault(unaccented(name), number)  # 'fevrier', 'aout' as keyboards and OCR print them
    lookup.update({"sept": 9, "mrz": 3, "maerz": 3})
    return lookup


@lru_cache(maxsize=1)
def _country_months() -> dict[str, int]:
    """The months' full names in every country's language, after (never instead of) those read above: read exactly,
    never as an OCR misreading's nearest ('Agustus', 'Ogos', 'Desember')."""
    read = _month_lookup()
    lookup: dict[str, int] = {}
    for locale in country_languages():
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, locale=locale).items():
                for form in (name.lower(), unaccented(name.lower())):
                    # three letters do where the script is not Latin (Macedonian 'мај'): no other language's word
                    short = len(form) == 3 and not re.search(r"[a-z]", unaccented(form))
                    if re.fullmatch(r"[^\W\d_]{3,}", form) and (len(form) >= 4 or short) and form not in read:
                        lookup.setdefault(form, number)
    return lookup


@lru_cache(maxsize=1)
def _year_word() -> re.Pattern[str]:
    """The word CLDR's long dates print after the year in the languages whose months are read (Russian '14 марта
    2026 г.', Ukrainian '2026 р.', Lithuanian '2026 m.', Armenian '2027 թ.'), and a sentence's stop after a year
    that ends the date ('... 18. maj 2024.')."""
    words: set[str] = set()
    for locale in MONTH_LOCALES + MORE_MONTH_LOCALES + country_languages():
        for width in ("long", "full", "medium"):
            pattern = Locale.parse(locale).date_formats[width].pattern
            # quoted, or left bare where its letters are no pattern's (Armenian 'y թ.')
            found = re.findall(r"y+\s*(?:'([^\W\d_]{1,6})'|([^\W\d_a-zA-Z]{1,6}))", pattern)
            words |= {(quoted or bare).lower() for quoted, bare in found}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # after a year that ends the date, or one that opens it (Armenian '2027 թ. օգոստոսի 20')
    return re.compile(rf"(?<=\d{{4}})(?:\s+(?:{alternatives})\.?(?=\s|$)|\.+$)" if words else r"(?<=\d{4})\.+$", re.I)


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern[str]:
    """A weekday's name at a date's start or end, as CLDR's full dates print it in the languages whose months are
    read ('Mittwoch, 10. Dezember 2025', 'czwartek, 27 czerwca 2024', '5 Mart 2026 Perşembe', '2026. március 5.,
    csütörtök'), wide or abbreviated, with the words CLDR's full patterns quote beside it (Danish 'den')."""
    names: set[str] = set()
    quoted: set[str] = set()
    for locale in MONTH_LOCALES + MORE_MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                names |= {n.lower().rstrip(".") for n in get_day_names(width, context, locale=locale).values()}
        full = Locale.parse(locale).date_formats["full"].pattern
        quoted |= {q for q in re.findall(r"'([^\W\d_]+)'", full) if q not in ("de", "del")}
    months = _month_lookup()  # Spanish 'mar' (martes) is March's abbreviation too: a month's name stays
    words = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if len(n) >= 2 and n not in months)
    extra = "|".join(re.escape(q) for q in sorted(quoted, key=len, reverse=True))
    extra_part = rf"(?:\s+(?:{extra}))?" if extra else ""
    return re.compile(rf"^(?:{words})\.?{extra_part}\s*,?\s+(?=\w)|(?<=[\d.])\s*,?\s+(?:{words})\.?$", re.IGNORECASE)


def _without_weekday(text: str) -> str:
    """The date with a leading or trailing weekday's name taken off."""
    return _weekday_pattern().sub("", text, count=1)


def month_number(word: str) -> int | None:
    """The month a name means in any of ``MONTH_LOCALES`` (or, its full name, in any country's language); a full
    name (four letters or more) OCR misread by one letter ('aoat', 'Decembcr') where only one month is that near."""
    months = _month_lookup()
    low = word.lower()
    if low in months:
        return months[low]
    if low in _country_months():
        return _country_months()[low]
    if len(low) < 4:
        return None
    near = {number for name, number in months.items() if len(name) >= 4 and Levenshtein.distance(low, name) <= 1}
    return near.pop() if len(near) == 1 else None


_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?"  # '1st', '1er', '1º', '1°', '1.'
_MONTH_WORD = r"([^\W\d_]{3,12})\.?"  # letters of any alphabet: "października"
_YEAR = r"(\d{4}|\d{2})"


def _make_date(year: int, month: int, day: int) -> date | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


_BIDI = re.compile("[\u200e\u200f\u061c\u2066-\u2069]")


ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_MONTH = "|".join(sorted(ROMAN_MONTHS, key=len, reverse=True))


@lru_cache(maxsize=4096)
def parse_date(text: str | None, hint: str | None = None) -> date | None:
    """ISO, '03/31/2026', '31.03.2026', '31 March 2026', 'Mar 31, 2026', '2026/03/31', '31-Mar-26', '4 de março de
    2026', '2026 JUL 28' -> date.

    ``hint`` ("DMY" or "MDY") settles numeric dates whose day and month are both <= 12.
    """
    # cached: the readers ask it of the same cells again and again; every date holds a digit
    if not text or not any(ch.isdigit() for ch in text):
        return None
    text = _BIDI.sub("", text)  # right-to-left scripts' direction marks between a date's parts
    value = re.sub(r"\bday\s+of\s+", "", text.strip(" \t\n,;"), flags=re.IGNORECASE)  # OCR leaves stray punctuation
    if re.search(r"[^\W\d_]{2}", value):
        value = _without_weekday(value)  # 'Thursday, March 5, 2026', 'jeudi 5 mars 2026', '5 Mart 2026 Perşembe'
    value = re.sub(r"\s+del?\s+", " ", value)  # '4 de março de 2026', '15 de enero del 2026'
    value = _year_word().sub("", value)  # '19 марта 2024 г.', '18. maj 2024.'
    value = re.sub(r"^[«\"„“‘']\s*(\d{1,2})\s*[»\"“”’']", r"\1", value)  # a day in quotes: '«09» февраля 2024 г.'
    # a year first; a scan may read one of its separators as a colon ('2027:02-15'), never both (a time's)
    value = re.sub(r"^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?$", r"\1.\2.\3", value)  # '2025. 07. 17.' (Hungarian)
    match = re.fullmatch(r"(\d{4})[-/.:](\d{1,2})[-/.:](\d{1,2})", value)
    if match and value.count(":") < 2:
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    value = re.sub(r"^(\d{1,2})\.\s+(\d{1,2})\.\s*(?=\d{4}$)", r"\1.\2.", value)  # '14. 12. 2025' (Czech, Slovak)
    value = re.sub(r"^(\d{1,2}\.\d{1,2}\.\d{4})\.$", r"\1", value)  # '04.08.2025.' (Latvian, Croatian, Serbian)
    match = re.fullmatch(r"(\d{1,2})([-/.])(\d{1,2})\2" + _YEAR, value)
    if match:
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        if first > 12:
            order = "DMY"
        elif second > 12:
            order = "MDY"
        else:
            order = hint or ("DMY" if match[2] == "." else "MDY")
        day, month = (first, second) if order == "DMY" else (second, first)
        return _make_date(year, month, day)
    # the month in Roman numerals ('18.IV.2026', '7 XII 2025'), as Central and Eastern Europe write it
    match = re.fullmatch(r"(\d{1,2})[.\s/-]+(" + _ROMAN_MONTH + r")[.\s/-]+(\d{4})", value)  # not '12 V 24'
    if match:
        return _make_date(int(match[3]), ROMAN_MONTHS.index(match[2]) + 1, int(match[1]))
    match = re.fullmatch(_ORDINAL + r"[\s\-/]*(?:of\s+)?" + _MONTH_WORD + r"[\s\-/,]*" + _YEAR, value, re.IGNORECASE)
    if match and (named := month_number(match[2])) is not None:
        return _make_date(int(match[3]), named, int(match[1]))
    # the day set apart from the year: 'März 2026' is no 20 March '26
    match = re.fullmatch(_MONTH_WORD + r"\s*" + _ORDINAL + r"(?:,\s*|\s+)" + _YEAR, value, re.IGNORECASE)
    if match and (named := month_number(match[1])) is not None:
        return _make_date(int(match[3]), named, int(match[2]))
    match = re.fullmatch(r"(\d{4})\.?[\s\-/]*" + _MONTH_WORD + r"[\s\-/]*(\d{1,2})\.?", value, re.IGNORECASE)
    if match and (named := month_number(match[2])) is not None:  # '2026 JUL 28', '2026-Jul-28', '2026. március 1.'
        return _make_date(int(match[1]), named, int(match[3]))
    from extraction.cldrdates import cldr_date  # noqa: PLC0415  (it reads this module's languages)

    # as CLDR writes a date in a country's language: '2026 m. sausio 14 d.', '14 בינואר 2026', '2026年1月14日'
    return cldr_date(text.strip(" \t\n,;"))


def date_order_of(texts: Iterable[str]) -> str | None:
    """'DMY' or 'MDY' from the unambiguous numeric dates of a document, else None."""
    dmy = mdy = 0
    for text in texts:
        for first, sep, second in re.findall(r"\b(\d{1,2})([/.\-])(\d{1,2})\2\d{2,4}\b", text):
            if int(first) > 12:
                dmy += 1
            elif int(second) > 12:
                mdy += 1
            elif sep == ".":
                dmy += 1
    if dmy == mdy:
        return None
    return "DMY" if dmy > mdy else "MDY"


# ---- currencies ----------------------------------------------------------------------------------


_MARKED_AMOUNT = re.compile(r"[-+]?(?P<before>[^\d\s.,'()+-]{1,4})?\s?[-+]?\d[\d.,' ]*?(?P<after>[^\d\s.,'()+-]{1,4})?")


def currency_on_amount(text: str) -> str | None:
    """The currency mark printed on an amount ('£43,134.00' -> '£', '1.250,00€' -> '€', 'USD1,200' -> 'USD')."""
    match = _MARKED_AMOUNT.fullmatch(text.strip())
    if match is None:
        return None
    return match.group("before") or match.group("after")


def parse_currency(text: str | None) -> str | None:
    """'$', 'US$', '€', 'EUR', 'Swiss francs' ... -> ISO 4217 code; codes win over symbols, symbols over words."""
    if not text:
        return None
    for code in re.findall(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])", text):
        if code in COMMON_CODES:
            return code
    for symbol in _LONGEST_FIRST:
        if symbol in text:
            return CURRENCY_SYMBOLS[symbol]
    lowered = text.lower()
    for pattern, code in CURRENCY_WORDS:
        if re.search(pattern, lowered):
            return code
    return None


# ---- tax ids -----------------------------------------------------------------------------------


def normalize_tax_id(text: str | None) -> str | None:
    """A tax id as printed without spaces ('DE 123 456 789' -> 'DE123456789', '12-3456789' stays); None if none."""
    if not text:
        return None
    text = re.sub(r"\s*\b(MWST|TVA|IVA|MVA)\b\.?$", "", text.strip())  # Swiss UID suffixes
    compact = re.sub(r"[\s\u00a0]+", "", text).strip(".,;:")
    if not re.fullmatch(r"[A-Za-z]{0,3}[-.]?[0-9A-Za-z][0-9A-Za-z.\-/]{5,17}", compact) or not re.search(
        r"\d{5}", compact.replace("-", "").replace(".", "")
    ):
        return None
    return compact.upper()


def is_valid_tax_id(text: str | None) -> bool:
    """True when python-stdnum accepts it as an EU VAT number, a US EIN, a UK VAT, a Swiss UID, a Brazilian CNPJ,
    an Indian GSTIN, a Mexican RFC (check digit included), a Spanish NIF/CIF, a Canadian BN, a Polish NIP, a
    Norwegian MVA, a New Zealand IRD number or a Singapore UEN."""
    if not text:
        return False
    if any(module.is_valid(text) for module in (vat, ein, gb_vat, uid, cnpj, gstin, nif)) or _valid_rfc(text):
        return True
    if text.startswith("NO") and mva.is_valid(text):  # Norway's, with its country prefix (and 'MVA' after)
        return True
    # a bare run of digits passes these one time in ten or eleven: only in their printed shapes (a New Zealand IRD
    # number grouped '12-356-617')
    return (
        ("RT" in text and bn.is_valid(text))
        or (text.count("-") == 3 and nip.is_valid(text))
        or (re.fullmatch(r"\d{2,3}-\d{3}-\d{3}", text) is not None and ird.is_valid(text))
        or (re.fullmatch(r"\d{7}-\d", text) is not None and ytunnus.is_valid(text))  # 'Y-tunnus 1584987-5'
        or (re.fullmatch(r"\d-\d{4}-\d{4}-\d{4}", text) is not None and cn.is_valid(text))  # Japan's, grouped
        # a Singapore company's UEN (its year, five digits, a check letter) or an entity's ('T08LL1234A')
        or (re.fullmatch(r"\d{9}[A-Z]|[RST]\d{2}[A-Z]{2}\d{4}[A-Z]", text) is not None and uen.is_valid(text))
        or _formatted(text)
    )


def _formatted(text: str) -> bool:
    """A company number in its scheme's own printed grouping (``taxids.formatted_tax_id``)."""
    from extraction.taxids import formatted_tax_id  # taxids reads its shapes with this module's checks

    return formatted_tax_id(text) is not None


def _valid_rfc(text: str) -> bool:
    try:
        rfc.validate(text, validate_check_digits=True)
    except ValidationError:
        return False
    return True


_DIGIT_LOOKALIKES = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8", "Z": "2"}
)


LETTER_LOOKALIKES = str.maketrans({"1": "I", "0": "O", "5": "S", "8": "B", "2": "Z"})

# an amount as printed with its thousands grouped and two decimals ('5,324.22', '12.480,00', '1 250,75'), whose one
# character OCR read as a letter or a sign that looks like a digit ('§,324.22', '1,O34.56'): the shape is an
# amount's only with the digit in its place
_GROUPED_AMOUNT = re.compile(r"\d{1,3}(?:[.,\u00a0']\d{3})+[.,]\d{2}")
_AMOUNT_LOOKALIKES = str.maketrans({"§": "5", "S": "5", "O": "0", "o": "0", "D": "0", "I": "1", "l": "1"})


def ocr_amount_slip(text: str) -> str:
    """An OCR'd amount with one digit read as its lookalike ('§,324.22' -> '5,324.22'), where the word is a grouped
    amount (thousands groups and two decimals) with that digit and nothing else is changed; any other word as read."""
    core = text.rstrip(",;:")
    fixed = core.translate(_AMOUNT_LOOKALIKES)
    slips = [i for i, (a, b) in enumerate(zip(core, fixed, strict=True)) if a != b]
    if len(slips) != 1 or _GROUPED_AMOUNT.fullmatch(core[: slips[0]] + core[slips[0] + 1 :]):
        return text  # none, several, or a sign before a whole amount ('S1,234.56')
    return fixed + text[len(core) :] if _GROUPED_AMOUNT.fullmatch(fixed) else text


# a zero OCR read where a letter O stands: between two capitals ('D0DAVATEL'), before two capitals opening a
# word ('0BJ69935'), or as one of a run of capital initials ('S.R.0.'); lower case likewise ('Br0wn')
_ZERO_AMONG_CAPITALS = re.compile(r"(?<=[^\W\d_a-z])0(?=[^\W\d_a-z])|(?<![\w.])0(?=[^\W\d_a-z]{2})")
_ZERO_AMONG_SMALL = re.compile(r"(?<=[^\W\d_A-Z])0(?=[^\W\d_A-Z])")
_INITIALS = re.compile(r"(?:[^\W\d_a-z0]\.){1,}0\.(?:[^\W\d_a-z0]\.)*|(?:[^\W\d_a-z0]\.)*0\.(?:[^\W\d_a-z0]\.){1,}")


def ocr_letter_slips(text: str) -> str:
    """An OCR'd word with a zero read for the letter O where only a letter can stand: between two letters of one
    case, at the head of a word of capitals before two of them ('0BJ69935' for 'OBJ69935'), one of a run of capital
    initials ('S.R.0.' for 'S.R.O.'). Typewriter and dot-matrix fonts print the two alike. Digits beside the zero
    keep it: '10A', 'A0-12', '0x1F' and amounts are left as read."""
    if "0" not in text or not re.search(r"[^\W\d_]", text):
        return text
    if _INITIALS.fullmatch(text):
        return text.replace("0", "O")
    text = _ZERO_AMONG_CAPITALS.sub("O", text)
    return _ZERO_AMONG_SMALL.sub("o", text)


def ocr_fixed_tax_id(text: str) -> str | None:
    """An OCR'd tax id with letters read for digits ('BEO236644168') -> the valid id, if one check digit agrees.

    The country prefix keeps its letters (a digit read for one of them is mapped back); the rest is mapped to
    digits, and the result must pass python-stdnum,
    so a guess never turns into an id that does not exist.
    """
    for size in (2, 3, 0):
        prefix, body = text[:size], text[size:]
        if size == 2 and not prefix.isalpha():
            prefix = prefix.translate(LETTER_LOOKALIKES)  # 'IT' read as '1T'
        if not prefix.isalpha() and size:
            continue
        # the body as read first: ids with letters in it ('IE6305233B' read '1E6305233B') keep them
        for fixed in (prefix + body, prefix + body.translate(_DIGIT_LOOKALIKES)):
            if fixed != text and is_valid_tax_id(fixed):
                return fixed
    return None
