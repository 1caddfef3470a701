"""Payment terms as documents and billing systems print them -> net days, end of month, early-payment discount.

The one parser of the project: extraction reads ``payment_terms_days`` with it and the pre-send check compares an
invoice's terms with its reference's with it. It reads "Net 30", "N30", "NET30", "N/60", "Net 30 EOM", "EOM 30",
"30 EOM", "2/10 N30", "2% 10 Net 30", "1/15 net 45", "10 Tage 2 % Skonto, 30 Tage netto", "CIA", "COD", "PIA",
"Due on receipt", "payable within forty-five (45) days", "30 Tage netto", "30 jours fin de mois", "60 días",
"30 giorni data fattura", "30 dagen netto". ``net_days`` is what the contract calls ``payment_terms_days``: the
discount part never changes it.
"""

from __future__ import annotations

import calendar
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
NUMBER_WORDS = _UNITS | _TENS  # the one table of numbers in words (terms, durations, notice periods)
# a number in digits or in words: '21', 'seven', 'seventy-five', 'twenty one'
NUMBER = (
    r"(?:\d{1,3}|(?:"
    + "|".join(_TENS)
    + r")[\s-](?:"
    + "|".join(k for k, v in _UNITS.items() if 0 < v < 10)
    + r")|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + ")"
)
# Numbers in words as terms print them in the other languages POs arrive in (French, Spanish, Italian, Portuguese,
# German, Dutch): the teens terms use, tens, and tens with a unit by rule ('quarante-cinq', 'cuarenta y cinco',
# 'quarantacinque', 'fünfundvierzig', 'vijfenveertig'). A unit alone is no number here: 'un', 'una', 'een' are
# articles, 'sept' a month, 'due' English.
_FOREIGN_UNITS = {
    "un": 1, "une": 1, "uno": 1, "una": 1, "um": 1, "ein": 1, "eins": 1, "een": 1,
    "deux": 2, "dos": 2, "dois": 2, "zwei": 2, "twee": 2,
    "trois": 3, "tres": 3, "tre": 3, "três": 3, "drei": 3, "drie": 3,
    "quatre": 4, "cuatro": 4, "quattro": 4, "quatro": 4, "vier": 4,
    "cinq": 5, "cinco": 5, "cinque": 5, "fünf": 5, "funf": 5, "vijf": 5,
    "six": 6, "seis": 6, "sei": 6, "sechs": 6, "zes": 6,
    "sept": 7, "siete": 7, "sette": 7, "sete": 7, "sieben": 7, "zeven": 7,
    "huit": 8, "ocho": 8, "otto": 8, "oito": 8, "acht": 8,
    "neuf": 9, "nueve": 9, "nove": 9, "neun": 9, "negen": 9,
}  # fmt: skip
_FOREIGN_TEENS = {
    "dix": 10, "diez": 10, "dieci": 10, "dez": 10, "zehn": 10, "tien": 10,
    "quatorze": 14, "catorce": 14, "quattordici": 14, "catorze": 14, "vierzehn": 14, "veertien": 14,
    "quinze": 15, "quince": 15, "quindici": 15, "fünfzehn": 15, "funfzehn": 15, "vijftien": 15,
}  # fmt: skip
_FOREIGN_TENS = {
    "vingt": 20, "veinte": 20, "venti": 20, "vinte": 20, "zwanzig": 20, "twintig": 20,
    "trente": 30, "treinta": 30, "trenta": 30, "trinta": 30, "dreißig": 30, "dreissig": 30, "dertig": 30,
    "quarante": 40, "cuarenta": 40, "quaranta": 40, "quarenta": 40, "vierzig": 40, "veertig": 40,
    "cinquante": 50, "cincuenta": 50, "cinquanta": 50, "cinquenta": 50, "fünfzig": 50, "funfzig": 50, "vijftig": 50,
    "soixante": 60, "sesenta": 60, "sessanta": 60, "sessenta": 60, "sechzig": 60, "zestig": 60,
    "quatre-vingt-dix": 90, "noventa": 90, "novanta": 90, "neunzig": 90, "negentig": 90,
}  # fmt: skip
_FOREIGN = re.compile(
    r"\b(?:(?P<unit_first>"
    + "|".join(_FOREIGN_UNITS)
    + r")(?:und|en|ën)(?P<tens_last>"
    + "|".join(_FOREIGN_TENS)
    + r")|(?P<tens>"
    + "|".join(sorted(_FOREIGN_TENS, key=len, reverse=True))
    + r")(?:(?:[\s-]+(?:y|e|et)[\s-]+|-|(?<=a)|(?<=e))(?P<unit>"
    + "|".join(sorted(_FOREIGN_UNITS, key=len, reverse=True))
    + r"))?|(?P<single>"
    + "|".join(sorted(_FOREIGN_TEENS, key=len, reverse=True))
    + r"))\b"
)
_NUMBER_WORDS = re.compile(
    r"\b(?:(?P<tens>"
    + "|".join(_TENS)
    + r")(?:[\s-]+(?P<unit>"
    + "|".join(k for k, v in _UNITS.items() if 0 < v < 10)
    + r"))?|(?P<single>"
    + "|".join(_UNITS)
    + r"))\b"
)


def duration_words(unit: str = "duration-day", ascii_shortest: int = 3) -> str:
    """A day's (or ``unit``'s: 'duration-month', 'duration-year') word in CLDR's duration units (Babel) of the
    languages whose month names the project reads, every plural form, long and short ('30 nap', '30 dana', '30
    dienų', '30 ημέρες'; '24 місяців'), and the long one of every country's language ('30 hari'), with up to two
    letters more for a case CLDR does not list ('v 30 dneh', '30 napon belül'): beside a number, that unit. A word in
    ASCII letters shorter than ``ascii_shortest`` is left out (Catalan's year 'any' is an English word)."""
    from babel import Locale  # noqa: PLC0415  (CLDR read once, at import)

    from extraction.normalize import MONTH_LOCALES, MORE_MONTH_LOCALES, country_languages  # noqa: PLC0415

    words: set[str] = set()
    # a day's word in every official language (the count of days is what terms print); months and years as before
    more = _official_languages() if unit == "duration-day" else ()
    for locale in MONTH_LOCALES + MORE_MONTH_LOCALES + country_languages() + more:
        patterns = Locale.parse(locale)._data["unit_patterns"].get(unit, {})
        # every country's language: its long word only ('30 hari'), never a short form ('mln')
        for width in ("long", "short") if locale in MONTH_LOCALES + MORE_MONTH_LOCALES else ("long",):
            forms = dict(patterns.get(width, {}))
            forms.pop("per", None)  # '{0} na dan': a rate, not a count of days
            # three letters, or two of a script with no 'd' or 'j' to mistake (Armenian 'օր'); short ASCII words only
            # where the caller allows them
            printed = {f.replace("{0}", "").strip() for f in forms.values()}
            found = {w.lower() for w in printed if len(w) >= min(3, ascii_shortest) or _two_letters(w)}
            found = {w for w in found if len(w) >= ascii_shortest or not w.isascii()} - {"any"}
            words |= found
            stem = os.path.commonprefix(sorted(found))
            if len(found) > 1 and len(stem) >= 4:
                words.add(stem)  # the forms' stem, for a case CLDR does not list (Greek 'ημέρ-' of 'ημερών')
        if unit == "duration-day" and locale in more:
            words |= _relative_day_words(locale, ascii_shortest)
    spelled = sorted((w for w in words if _spelled(w)), key=len, reverse=True)
    # a short ASCII word the caller asks for beyond three letters, as printed only: 'an' with letters more is 'and'
    short = [w for w in spelled if w.isascii() and len(w) < 4 and ascii_shortest < 3]
    # a day's word of four letters or more takes a case ending of up to four letters: the languages that suffix
    # their cases print 'egun' as 'egunera' ('Fakturatik 30 egunera'), 'nap' as 'napon'
    long = [w for w in spelled if len(w) >= 4 and unit == "duration-day"]
    cased = "|".join(_accents_optional(w) for w in spelled if w not in short and w not in long)
    suffixed = "".join(rf"|(?:{_accents_optional(w)})[^\W\d_]{{0,4}}" for w in long)
    exact = "".join(rf"|{re.escape(w)}(?![^\W\d_])" for w in short)
    return rf"(?:(?:{cased})[^\W\d_]{{0,2}}{suffixed}{exact})"


def _relative_day_words(locale: str, ascii_shortest: int) -> set[str]:
    """A day's word as CLDR's relative times print it beside a count ('праз {0} дзён', 'пас аз {0} рӯз', '{0} egun
    barru'): the word after the count, every plural form, where the duration units give none or another case (a
    language whose units CLDR lists as 'd' only, or Belarusian 'сутак' for the 'дзён' of a count of days)."""
    from babel import Locale  # noqa: PLC0415

    fields = Locale.parse(locale)._data["date_fields"].get("day", {})
    out: set[str] = set()
    for tense in ("future", "past"):
        for pattern in dict(fields.get(tense, {})).values():
            after = re.match(r"\s*([^\W\d_]+)", pattern.split("{0}", 1)[-1]) if "{0}" in pattern else None
            word = after.group(1).lower() if after is not None else ""
            long_enough = len(word) >= 3 and (len(word) >= ascii_shortest or not word.isascii())
            if _spelled(word) and (long_enough or _two_letters(word)):
                out.add(word)
    return out


def _official_languages() -> tuple[str, ...]:
    """Every language official in a country, nationally or in its regions, however few speak it (CLDR; Afrikaans
    and Zulu beside English in South Africa, Kazakh beside Russian, a region's own language: Welsh, Basque,
    Romansh): a country's second language prints its terms too ('binne 30 dae na faktuur'), and a region's desk
    its own. Their long day words only, as a country's first."""
    from babel.core import get_global  # noqa: PLC0415
    from babel.localedata import locale_identifiers  # noqa: PLC0415

    known, out = set(locale_identifiers()), []
    for spoken in get_global("territory_languages").values():
        for language, share in spoken.items():
            if share.get("official_status") and language in known and language not in out:
                out.append(language)
    return tuple(sorted(out))


def _spelled(word: str) -> bool:
    """Letters only, with the marks of the scripts that write vowels as marks (Bengali 'মাস', Arabic 'شهرًا')."""
    return word[:1].isalpha() and all(ch.isalpha() or unicodedata.category(ch).startswith("M") for ch in word)


def _two_letters(word: str) -> bool:
    return len(word) == 2 and _spelled(word) and not word.isascii() and not re.search(r"[\u00c0-\u024f]", word)


def words_first(unit: str = "duration-day") -> str:
    """A day's (or ``unit``'s) word that CLDR prints before its count in the country's languages (Swahili 'siku
    {0}', 'miezi {0}'): 'ndani ya siku 30' counts 30 days."""
    from babel import Locale  # noqa: PLC0415  (CLDR read once, at import)

    from extraction.normalize import MONTH_LOCALES, MORE_MONTH_LOCALES, country_languages  # noqa: PLC0415

    words: set[str] = set()
    for locale in MONTH_LOCALES + MORE_MONTH_LOCALES + country_languages():
        forms = dict(Locale.parse(locale)._data["unit_patterns"].get(unit, {}).get("long", {}))
        forms.pop("per", None)
        words |= {w.lower() for f in forms.values() if f.endswith("{0}") and len(w := f[:-3].strip()) >= 3}
    spelled = sorted((w for w in words if _spelled(w)), key=len, reverse=True)
    return "|".join(re.escape(w) for w in spelled) or r"(?!)"


def _accents_optional(word: str) -> str:
    """The word as a pattern that reads its accented letters with or without their accent ('ημ[έε]ρ'): a case
    moves the stress ('ημέρες', 'ημερών')."""
    out = []
    for char in word:
        bare = unicodedata.normalize("NFD", char)[0]
        out.append(f"[{char}{bare}]" if bare != char else re.escape(char))
    return "".join(out)


# The word for paying (or settling) at a word's start in each language the project reads, as its ordinary words
# print it ('Zahlung', 'betaling', 'płatność', 'maksu', 'fizetés', 'ödeme', 'apmaksa', 'apmokėjimas', 'achitare',
# 'πληρωμή', 'оплата', 'plačilo', 'úhrada'): captions of terms and the verbs of terms sentences
PAYING_STEMS = (
    r"pay|paid|zahl|bezahl|betaal|betal|pag[aoh]|pagt|paie|paye|settle|begleich|voldaan|regl|règl|płat|platb|platn|plat[aăi]"
    r"|abona|maksu|maks[aāe]|apmaks|samaks|apmok|mokė|fizet|ödeme|achit|πληρωμ|εξοφλ|оплат|плат|greiðsl|plačil|plać|úhrad"
)


# days that are no terms to pay: a delivery or lead time, an offer's or a guarantee's validity, a notice period
NOT_TERMS = re.compile(
    r"deliver|liefer|livr|entreg|consegn|lever|dostaw|dodac|dodán|toimit|szállít|teslim|ship|versand|dispatch"
    r"|lead\s*time|quot|offer|angebot|devis|ofert|tilbud|valid|gültig|geldig|garant|warrant|notice|kündig",
    re.IGNORECASE,
)
# Day words in the languages POs arrive in ("30 days", "30 Tage", "30 jours", "60 días", "30 giorni", "30 dagen").
DAYS = _DAYS = (
    r"(?:calendar\s+|business\s+|working\s+)?"
    r"(?:days?|tagen?|tg\.?|jours?|d[ií]as|giorni|gg\.?|dagen|dage|dagar|dias|"
    # and CLDR's day words of the rest, in their cases (Slovene 'dneh', Croatian 'dana', Hungarian 'napon')
    r"(?:dni|dní|dnů|dager|päivää|pv|gün|zile|" + duration_words() + r")(?!\w))"
)
# a word between the number and its days, as the languages that put an adjective there print it ('10 банковских
# дней', '30 de zile'): bank, calendar, working days are counted as printed
DAY_QUALIFIER = r"(?:de\s+|[^\W\d_]{4,}\s+)?"
# the whole sum paid (before delivery) by a paying word with 100 % ('Prepayment 100%', '100 % Vorauszahlung'):
# due at once
FULL_PREPAYMENT = re.compile(
    r"(?:(?:\b|(?<=\w{3}))(?:" + PAYING_STEMS + r")\w*\s+100\s*%|(?<![\d.,])100\s*%\s+\w*(?:" + PAYING_STEMS + "))",
    re.IGNORECASE,
)
# 'd' and 'j' alone only after two digits or more ('30d', '60 j'): '1D' is OCR's 'ID' (Idaho)
SHORT_DAYS = r"(?<![\d.,])(\d{2,3})\s*(?:d|j)\b(?![\'’])"  # not an elided word: '29 d’agost'
_ANY_DAYS = r"(?:" + _DAYS + r"|d\b|j\b)"  # beside a discount's percent any day word is one
# Due at once: on an event (receipt, presentation, delivery of the invoice or goods) in the languages POs arrive
# in, immediately, in cash, or in advance.
_EVENT = (
    r"(?:receipt|reception|réception|recepci[oó]n|ricevimento|recebimento|ontvangst|erhalt|eingang|presentation|"
    r"présentation|presentaci[oó]n|presentazione|apresenta[cç][aã]o|vorlage|delivery|livraison|lieferung|entrega|"
    r"consegna|levering|aflevering|completion|achèvement|fertigstellung)"
)
# 'a' leads an event only in the Romance languages ('a ricevimento fattura'): in English it is an article
_AT = r"(?:on|upon|at|after|à|au|bei|nach|mit|dès|des|al|alla|à\s+la|a\s+la|bij|na|contra|contre|against)"
_ROMANCE_A = r"\ba\s+(?:ricevimento|recepci[oó]n|consegna|entrega|presentazione|presentaci[oó]n|vista)\b"
# an invoice is the event only where the words say it is due then ('show the PO number on invoice' is not)
_ON_INVOICE = (
    r"\b(?:due|payable|zahlbar|fällig|payment|paid)\s+(?:on|upon|at|bei|nach)\s+(?:the\s+)?(?:invoice|rechnung)\b"
)
# due at once in the other languages orders arrive in, as their ordinary words say it: on receipt or taking over
# (Danish, Norwegian, Swedish, Finnish, Polish, Czech, Hungarian, Romanian, Turkish), in cash, immediately
_AT_ONCE_WORDS = (
    r"ved\s+(?:modtagelse|mottak)|vid\s+mottagande|\w+\s+saavuttua|vastaanotettaessa|przy\s+odbiorze"
    r"|po\s+otrzymaniu|při\s+převzetí|při\s+dodání|átvételkor|kézhezvételkor|la\s+primire\w*|teslimde"
    r"|kontant|käteinen|käteisellä|gotówk\w+|hotově|v\s+hotovosti|készpénz\w*|numerar|peşin|pesin|nakit"
    r"|straks|omgående|natychmiast|ihned|okamžitě|azonnal|imediat"
)
# Due at once, in any of those languages: the one pattern terms, facts and contract openings read it with
RECEIPT = re.compile(
    r"\b(?:(?:due|payable|paid|zahlbar|fällig|sofort|immediately|immédiatement|inmediatamente|immediatamente|"
    r"imediatamente|onmiddellijk|direct|contant|comptant|contado|contanti|à\s+vista|a\s+vista)\s+)?"
    + _AT
    + r"\s+(?:the\s+|de\s+la\s+|de\s+|del\s+|della\s+|da\s+|der\s+|des\s+|het\s+|de\s+)?"
    + _EVENT
    + r"\b|"
    + _ROMANCE_A
    + "|"
    + _ON_INVOICE
    + r"|\bimmediate(?:ly)?\b|\bsofort\b|\bumgehend\b|\bcash\s+(?:on\s+delivery|in\s+advance|with\s+order)\b|"
    r"\b(?:c\.?o\.?d|c\.?i\.?a|p\.?i\.?a|c\.?w\.?o)\b\.?|\bpre-?paid\b|\bpre-?payment\b|"
    r"\b(?:payment|paid|monthly|quarterly|yearly|annually)\s+in\s+advance\b|\b(?:por|en)\s+(?:mes\s+)?adelantado\b"
    r"|\bpar\s+avance\b|\bim\s+voraus\b|\bvorkasse\b|\bvorauskasse\b|\bau\s+comptant\b|\bal\s+contado\b|"
    r"\bcontado\b|\bcontant\b|\bcomptant\b|\bcontanti\b|\brimessa\s+diretta\b|\b(?:à|a)\s+vista\b|"
    r"\bpront[oa]\s+pag|\bprompt\s+pay|\bnet\s*0\b|\b(?:" + _AT_ONCE_WORDS + r")\b"
)
_EOM = re.compile(
    r"\be\.?o\.?m\b\.?|\bend\s+of\s+(?:the\s+)?month\b|\bmonth[\s-]end\b|\bfin\s+de\s+mois\b|\bfin\s+de\s+mes\b|"
    r"\bmonatsende\b|\bende\s+des\s+monats\b|\bfine\s+mese\b|\bf\.?m\.?\b|\bultimo\b"
)
# "2/10 N30", "2%/10", "2% 10 days", "2 % within 10 days", "3% Skonto bei Zahlung innerhalb 10 Tagen"
_DISCOUNT = re.compile(
    r"(?<![\d.,])(?P<pct>\d{1,2}(?:[.,]\d{1,2})?)\s*(?:%\s*/?|/)\s*(?:skonto|escompte|descuento|sconto|discount)?\s*"
    r"(?:(?:if\s+paid\s+|bei\s+zahlung\s+)?(?:with)?in\s+|innerhalb\s+|sous\s+|en\s+|binnen\s+|entro\s+)?"
    r"(?P<days>\d{1,3})(?!\d)(?:\s*" + _ANY_DAYS + r")?"
)
# "10 Tage 2 % Skonto", "10 days 2%": the days first
_DISCOUNT_DAYS_FIRST = re.compile(
    r"(?P<days>\d{1,3})\s*"
    + _ANY_DAYS
    + r"\s*(?<![\d.,])(?P<pct>\d{1,2}(?:[.,]\d{1,2})?)\s*%(?:\s*(?:skonto|escompte|descuento|sconto|discount))?"
)
# a percent with its days a few words on, in any language ('1% skonta przy zapłacie w 8 dni', '2 % sconto pagamento
# entro 10 giorni'): the words between are the language's, the shape is not
_DISCOUNT_LOOSE = re.compile(
    r"(?<![\d.,])(?P<pct>\d{1,2}(?:[.,]\d{1,2})?)\s*%\s*(?:[^\d\s,;]+\s+){0,4}(?P<days>\d{1,3})\s*" + _ANY_DAYS
)
# instalments, three or more days apart by slashes ('30/60/90 dias'): no discount, their mean is the term (the
# average term, Brazil's 'prazo médio')
_INSTALMENTS = re.compile(r"(?<![\d/.,])(\d{1,3}(?:\s*/\s*\d{1,3}){2,})\s*(?:de\s+)?" + _DAYS)
# a day of the invoice's month or of a later one ('on the 25th of the month of invoice', '20th of the month
# following', 'by the end of the month following the month of invoice'): the day counted from the invoice month's
# start, 30 days a month on
DAY_OF_MONTH = re.compile(
    r"\b(?:(?:on|by)\s+(?:the\s+)?)?(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<end>end))\s+of\s+(?:the\s+)?"
    r"(?:(?P<later>(?:following|next)\s+month|month\s+(?:following|after))|month\s+of\s+(?:the\s+)?invoice)"
)
# a month's fees paid when the month is over ('payable monthly in arrears', 'mensualmente vencido', 'monatlich
# nachträglich'): a month on
IN_ARREARS = re.compile(r"\bmonthly\s+in\s+arrears\b|\bmensualmente\s+vencido\b|\bmonatlich\s+nachträglich\b")
# a day of each month, whatever the invoice ('on the first day of each month', 'by the 5th of every month'): a
# schedule's own due date, nothing to count from it
EACH_MONTH = re.compile(
    r"\b(?:on|by)\s+(?:the\s+)?[\w-]+\s+(?:(?:business\s+|working\s+)?day\s+)?of\s+(?:each|every)\s+(?:calendar\s+)?month\b"
)
_NET = re.compile(
    r"\b(?:net(?:to)?|netto|n)\s*[/:\-]?\s*(\d{1,3})(?!\d)"  # Net 30, N30, NET30, N/30
    r"|(?<![\d.,])(\d{1,3})\s*"
    + DAY_QUALIFIER
    # 30 days, 30 Tage, 60 días, 30 de zile (Romanian counts 20 and more with 'de'), a kind of day between in any
    # language ('30 календарних днів', '45 kalendářních dní')
    + _DAYS
    + r"|"
    + SHORT_DAYS
    + r"|(?<![\d.,])(\d{1,3})\s*(?:net(?:to)?|netto|e\.?o\.?m\b|fin\s+de\s+mois)"  # 30 net, 30 EOM
    r"|\be\.?o\.?m\.?\s*[+/\-]?\s*(\d{1,3})(?!\d)"  # EOM 30, EOM+30
    r"|\b(?:" + words_first() + r")\s+(\d{1,3})(?!\d)"  # the day's word first ('siku 30')
)


@dataclass(frozen=True, slots=True)
class PaymentTerms:
    net_days: int
    end_of_month: bool = False
    discount_pct: Decimal | None = None
    discount_days: int | None = None

    @property
    def label(self) -> str:
        """The terms as one canonical text: 'Net 30', '2/10 Net 30 EOM', 'Due on receipt'."""
        if self.net_days == 0 and self.discount_pct is None:
            return "Net EOM" if self.end_of_month else "Due on receipt"
        discount = f"{format(self.discount_pct.normalize(), 'f')}/{self.discount_days} " if self.discount_pct else ""
        return f"{discount}Net {self.net_days}" + (" EOM" if self.end_of_month else "")

    def due_dates(self, issue: date) -> set[date]:
        """Due dates that follow from these terms; end-of-month terms are read both ways AP teams read them
        (end of the issue month + N days, or issue + N days rounded to that month's end)."""
        if not self.end_of_month:
            return {issue + timedelta(days=self.net_days)}
        plus = issue + timedelta(days=self.net_days)
        return {_month_end(issue) + timedelta(days=self.net_days), _month_end(plus)}


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _words_to_digits(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group("single"):
            return str(_UNITS[m.group("single")])
        return str(_TENS[m.group("tens")] + (_UNITS[m.group("unit")] if m.group("unit") else 0))

    text = _NUMBER_WORDS.sub(repl, text)
    text = _FOREIGN.sub(lambda m: str(_foreign_value(m)), text)
    return re.sub(r"\b(\d+)\s*\(\s*\1\s*\)", r"\1", text)  # "45 (45)" as legal texts write it


def _foreign_value(match: re.Match[str]) -> int:
    if match.group("single"):
        return _FOREIGN_TEENS[match.group("single")]
    if match.group("unit_first"):
        return _FOREIGN_TENS[match.group("tens_last")] + _FOREIGN_UNITS[match.group("unit_first")]
    return _FOREIGN_TENS[match.group("tens")] + (_FOREIGN_UNITS[match.group("unit")] if match.group("unit") else 0)


def number_in_words(text: str) -> int | None:
    """'trente' -> 30, 'forty-five' -> 45, 'fünfundvierzig' -> 45; None when the text is no number in words."""
    digits = _words_to_digits(text.casefold().strip(",.;:"))
    return int(digits) if digits.isdigit() and not text.strip(",.;:").isdigit() else None


def number_value(text: str) -> int | None:
    """'two' -> 2, 'seventy-five' -> 75, '18' -> 18; None when it is no number."""
    if text.isdigit():
        return int(text)
    values = [NUMBER_WORDS.get(part) for part in re.split(r"[\s-]+", text.casefold())]
    return None if None in values else sum(v for v in values if v is not None)


def parse_terms(text: str | None) -> PaymentTerms | None:
    """Read payment terms; None when the text says nothing that can be read as net days."""
    if not text or not text.strip():
        return None
    low = _words_to_digits(" ".join(text.lower().split()))
    instalments = _INSTALMENTS.search(low)
    if instalments is not None:
        days = [int(d) for d in re.findall(r"\d+", instalments.group(1))]
        return PaymentTerms(round(sum(days) / len(days)))
    month_day = DAY_OF_MONTH.search(low)
    if month_day is not None:
        day = 30 if month_day.group("end") else int(month_day.group("day"))
        return PaymentTerms(day + (30 if month_day.group("later") else 0))
    if EACH_MONTH.search(low) and not _NET.search(low):
        return PaymentTerms(0)
    if IN_ARREARS.search(low) and not _NET.search(low):
        return PaymentTerms(30)
    eom = bool(_EOM.search(low))
    discount_pct = discount_days = None
    discount = _DISCOUNT_DAYS_FIRST.search(low) or _DISCOUNT.search(low) or _DISCOUNT_LOOSE.search(low)
    if discount and not re.fullmatch(r"\s*\d+\s*", low):
        discount_pct = Decimal(discount.group("pct").replace(",", "."))
        discount_days = int(discount.group("days"))
        low = low[: discount.start()] + " ; " + low[discount.end() :]
    days = [_calendar_days(m) for m in _NET.finditer(low)]
    if not days:
        if RECEIPT.search(low) or FULL_PREPAYMENT.search(low):
            return PaymentTerms(0, eom)
        if re.fullmatch(r"\s*\d{1,3}\s*", low) and not re.search(r"\d\s*\(", text):
            days = [int(low)]  # a bare "30" in a terms column; a page's "1 (1)" is none
        elif eom and discount is None and re.fullmatch(r"\s*(?:net\s*)?e\.?o\.?m\.?\s*", low):
            days = [0]  # "EOM", "Net EOM": due at the end of the month
    if not days:
        return None
    if (
        discount_days is not None
        and max(days) < discount_days
        and discount is not None
        and "%" not in discount.group(0)
    ):
        return None  # "30/10": no percent sign, so neither a discount nor net days that make sense together
    return PaymentTerms(max(days), eom, discount_pct, discount_days)


def _calendar_days(match: re.Match[str]) -> int:
    """The days a net-days match counts on the calendar: working (business) days five to a week of seven ('within
    20 working days' is four weeks, 28 days)."""
    days = int(next(g for g in match.groups() if g))
    if re.search(r"\b(?:business|working)\s", match.group(0)):
        return days // 5 * 7 + days % 5
    return days


def net_days(text: str | None) -> int | None:
    """The net days of printed terms (the contract's ``payment_terms_days``), None when unreadable."""
    terms = parse_terms(text)
    return None if terms is None else terms.net_days
