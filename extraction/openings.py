"""A contract's opening read by shape, whatever its language or captions: ``read_opening(doc, extraction)``.

An agreement names its two parties in its first sentence (each name ends in a legal form: 'Inc.', 'GmbH',
'B.V.'), dates it there, prints its reference number in the few short lines above, and states its end as a
later date or as a term (a number of months or years), its payment as a number of days. These rules use
position, value shape and arithmetic rather than captions, so they hold on wordings the extractor never met;
they fill only what the extractor left empty, or a party name that is no company (the document's title).
Two-column pages are read column by column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from extraction.agreements import BUYER_ROLE, VENDOR_ROLE, grantor_first
from extraction.checks import recheck_required
from extraction.companies import LEGAL_FORM, bare_legal_form, quoted_form_end, quoted_name_end, trailing_form
from extraction.countries import page_date_order
from extraction.document import Document, Page, Word, union_bbox
from extraction.layout import Line, group_lines, phrase_texts, split_phrases, typical_char_width
from extraction.letters import written_language
from extraction.normalize import (
    is_valid_tax_id,
    parse_date,
)
from extraction.result import Extraction, FieldValue
from extraction.rolecaptions import BUYER, VENDOR, caption_role
from extraction.taxids import CONTACT_CAPTION, register_id, tax_id_at
from extraction.terms import (
    DAY_OF_MONTH,
    EACH_MONTH,
    PAYING_STEMS,
    RECEIPT,
    duration_words,
    net_days,
    number_in_words,
    number_value,
    words_first,
)

TITLE_WORDS = 6  # words of a title line at most
MAX_NAME = 6  # words of a party's name found by where it stands alone
CLAUSES = 2  # sentences of running words before a table of the parties: the contract's clauses
CONFIDENCE = 0.6  # read by shape alone: a person confirms it
AMOUNT = re.compile(r"^\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}$")  # a money amount with its cents
# words inside a name's legal form: 'GmbH & Co. KG', 'sp. z o.o.', 'Sp. k.'
JOINER = re.compile(r"^(?:&|\+|und|and|en|e|y|co\.?|cie\.?|sp\.|z)$", re.IGNORECASE)
# a length of time as contracts print it: '12 Monaten', 'two (2) years', '18 maanden'
AND = re.compile(r"^(?:and|und|et|y|e|en|og|och|oraz|ed)$", re.IGNORECASE)  # 'and' in the languages contracts use
# 'between', capitalised where it opens the sentence ('Mellem Acme A/S og ...', 'Entre Acme SA et ...'): no name's
BETWEEN = re.compile(
    r"^(?:between|zwischen|entre|tra|fra|tussen|mellem|mellan|mellom|między|mezi|medzi|între|između|μεταξύ)$",
    re.IGNORECASE,
)
# 'and' where it joins two parties in languages whose word for it AND leaves out (it starts no name there either)
JOINED = re.compile(r"^(?:a|i|ja|și|és)$", re.IGNORECASE)
DURATION = re.compile(r"^\(?(\d{1,3})\)?$")
# the words before a renewal's length ('renews for further periods of twelve months', 'se prorrogará por períodos
# sucesivos', 'verlängert sich um jeweils ein weiteres Jahr', 'reconduit tacitement pour des périodes successives')
RENEWAL = re.compile(
    r"^(?:further|successive|additional|subsequent|renewal|renew\w*|weiter\w*|jeweils|successi\w*|sucesiv\w*"
    r"|reconduct\w*|reconduit\w*|prorrog\w*|rinnov\w*|verlenging\w*|forlæng\w*|förläng\w*)$",
    re.IGNORECASE,
)
# and CLDR's month and year words of the rest, in their cases ('24 місяців', '2 godine', '3 aastat')
MONTH_UNIT = re.compile(
    r"^(?:months?|monate?n?|maand(?:en)?|mes[ei]s?|mois|meses|m[eê]s|månader|måneder|miesi[eę]c[yeę]|měsíců|"
    r"kuukautta|luni|" + duration_words("duration-month", 2) + r")\W*$",
    re.IGNORECASE,
)
YEAR_UNIT = re.compile(
    r"^(?:years?|jahren?|jahre|jaar|jaren|ann[oi]|años?|anos?|ans?|ann[ée]es?|år|lata?|let|roky|vuotta|ani|"
    + duration_words("duration-year", 2)
    + r")\W*$",
    re.IGNORECASE,
)
# a week's word, for a term counted in weeks ('a term of 6 weeks', '16 semaines', '12 Wochen')
WEEK_UNIT = re.compile(
    r"^(?:weeks?|wochen?|weken|veckor|uger|uker|" + duration_words("duration-week", 2) + r")\W*$", re.I
)
# a month's or a year's word CLDR prints before its count (Swahili 'miezi 12', 'miaka 2')
UNIT_FIRST = re.compile(
    rf"^(?:(?P<months>{words_first('duration-month')})|(?P<years>{words_first('duration-year')}))$", re.IGNORECASE
)
# one to twelve in words in the languages contracts are written in, for a term's length ('zwei Jahre', 'trois
# ans', 'dos años', 'tre anni'): read only before a month or a year, where 'due' can be nothing else; none
# that is an English word before one ('to an', 'et' aside)
SMALL_NUMBERS = {
    word: number
    for number, words in enumerate(
        [
            "ein eine einen un une uno una um uma een ett jeden jedna yksi",
            "zwei deux dos due dois duas twee två dwa dva kaksi doi",
            "drei trois tres tre três drie tre trzy tři kolme trei",
            "vier quatre cuatro quattro quatro vier fyra fire cztery čtyři neljä patru",
            "fünf cinq cinco cinque vijf fem pięć pět viisi cinci",
            "sechs six seis sei zes sex seks sześć šest kuusi șase",
            "sieben sept siete sette sete zeven sju syv siedem sedm seitsemän șapte",
            "acht huit ocho otto oito åtta otte osiem osm kahdeksan opt",
            "neun neuf nueve nove negen nio ni dziewięć devět yhdeksän nouă",
            "zehn dix diez dieci dez tien tio ti dziesięć deset kymmenen zece",
            "elf onze once undici elva elleve jedenaście jedenáct",
            "zwölf douze doce dodici doze twaalf tolv dwanaście dvanáct",
        ],
        start=1,
    )
    for word in words.split()
} | {  # and eighteen, a term's common length in months ('pour une durée de dix-huit mois', 'achtzehn Monate')
    word: 18
    for word in ["dix-huit", "dieciocho", "diciotto", "dezoito", "achtzehn", "achttien", "arton", "atten",
                 "osiemnaście", "osmnáct"]
}  # fmt: skip
# a day of the month as an ordinal in words: English's, and the first of the month as the Romance languages print it
ORDINAL_DAYS = {
    word: day
    for day, word in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
         "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
         "twentieth"],
        start=1,
    )
} | {"thirtieth": 30, "premier": 1, "1er": 1, "primero": 1, "primeiro": 1, "primo": 1, "1º": 1, "1°": 1}  # fmt: skip
DOUBT = 0.3  # a party value read with less confidence than this, and no company's name, gives way to the opening's
CODE = re.compile(r"^[A-Z]{0,6}[-/#]?[A-Z0-9]*\d[A-Z0-9\-/.]*$")


def is_code(text: str) -> bool:
    """``CODE``'s shape in any script: a capital of another alphabet stands where a Latin one would ('921/2024-П',
    'ΣΥΜ-2024/17')."""
    return CODE.match("".join("A" if ch.isupper() and not ch.isascii() else ch for ch in text)) is not None


# a sentence about an invoice or paying, in the languages contracts arrive in
_PAYING = r"invoice|factur|fattur|fatura|factuu?r|rechnung|pagu|" + PAYING_STEMS  # 'pagu': 'es paguen'
PAYING = re.compile(rf"\b(?:{_PAYING})", re.IGNORECASE)
NOTICE = re.compile(r"^(?:notice|prior|written)\b", re.IGNORECASE)  # '30 days' notice' is no payment term
# the verb of a terms sentence ('Invoices are due 14 days net', 'payables à 45 jours', 'Betaling skjer 30 dager
# netto', 'splatné do 14 dnů'): paying, being due or taking place is the sentence's, not part of the terms
TERMS_VERB = re.compile(
    rf"^(?:(?:{_PAYING}|due|fällig|splatn|vencid|scad|échu|forfald|förfall|erfolg|skjer|sker|occur)\w*"
    r"|are|is|sind|ist|sont|est|son|sono|zijn|er|är|jsou)$",
    re.IGNORECASE,
)
# the sentence's word for payable or due after its terms ('... binnen 15 Tagen zahlbar', '... 30 giorni pagabile'):
# an adjective of paying (not the noun: '30 days after payment'), or due itself
PAYABLE = re.compile(
    rf"^(?:(?:{PAYING_STEMS})\w*(?:bar|bles?|bil[ei]|vel|veis|baar|ne|né|ná)|splatn\w*|due|fällig|dovut[oi])\W*$",
    re.IGNORECASE,
)
# a verb of paying in its participle or its plural, after which a sentence prints its terms ('Invoices are paid
# within ...', 'se pagan por mes adelantado', 'es paguen a 60 dies', 'werden bezahlt ...', 'sont payées à ...')
PAID = re.compile(r"^(?:paid|pag(?:u?en|an|ados?|adas?|ati|ate)|bezahlt|betaald|betalt|pay[ée]e?s?)$", re.IGNORECASE)
# 'no later than 30 days after ...': the comparison leads the number as a whole
NO_LATER_THAN = re.compile(r"^(?:no|not)\s+later\s+than$", re.IGNORECASE)


def column_order(page: Page) -> list[Word]:
    """The page's words in reading order, a two-column body column by column (what stands above it first)."""
    return reading_order(page.words)


def reading_order(words: list[Word]) -> list[Word]:
    """``words`` of one page in reading order (``column_order``)."""
    gutter = _gutter(words)
    if gutter is None:
        return [w for line in group_lines(words) for w in line.words]
    left_top = min(w.bbox[1] for w in words if w.bbox[2] < gutter)
    right_top = min(w.bbox[1] for w in words if w.bbox[0] > gutter)
    # a centred heading above the columns crosses the gutter: the columns start below it
    heading = [line.bottom for line in group_lines(words) if line.top < 0.3 and _spans(line.words, gutter)]
    top = max([left_top - 0.002, right_top - 0.002, *heading])
    before = [w for line in group_lines([w for w in words if w.bbox[1] < top]) for w in line.words]
    body = [w for w in words if w.bbox[1] >= top]
    left = [w for line in group_lines([w for w in body if w.bbox[2] <= gutter]) for w in line.words]
    right = [w for line in group_lines([w for w in body if w.bbox[2] > gutter]) for w in line.words]
    return before + left + right


def _spans(words: list[Word], gutter: float) -> bool:
    """A line of words set close together across the gutter: a heading over both columns, not two columns."""
    if not (words[0].bbox[0] < gutter < words[-1].bbox[2]):
        return False
    return all(b.bbox[0] - a.bbox[2] < 0.03 for a, b in zip(words, words[1:], strict=False))


def _gutter(words: list[Word]) -> float | None:
    """An x between 35 % and 65 % of the width that (almost) no word crosses, with a tenth of the words or more
    on either side over the same height: the gap between two columns."""
    if len(words) < 60:
        return None
    lines = group_lines(words)
    char = typical_char_width(words)
    limit = max(3, 0.02 * len(words))
    spans = [(w.bbox[0], w.bbox[2]) for w in words]
    for step in range(0, 16):
        for x in (0.5 + step / 100, 0.5 - step / 100):
            crossing = sum(1 for x0, x1 in spans if x0 < x < x1)
            # a line of prose whose word space falls on ``x`` runs across it as surely as a word that crosses it
            # (a letter's full-width sentences over a table of two right-aligned columns): a gutter is wide. Lines
            # are counted only until the limit is passed (every page's reading order tries up to 32 places)
            if crossing > limit or _lines_spaced_at(lines, x, char, crossing, limit):
                continue
            left = [w for w in words if w.bbox[2] < x]
            right = [w for w in words if w.bbox[0] > x]
            if min(len(left), len(right)) < max(30, 0.1 * len(words)):
                continue
            low = max(min(w.bbox[1] for w in left), min(w.bbox[1] for w in right))
            high = min(max(w.bbox[3] for w in left), max(w.bbox[3] for w in right))
            if high - low > 0.3:
                return x
    return None


def _lines_spaced_at(lines: list[Line], x: float, char: float, crossing: int, limit: float) -> bool:
    """Whether ``crossing`` words and the lines that run across ``x`` (``_spaced_at``) are more than ``limit``."""
    count = crossing
    for line in lines:
        if _spaced_at(line.words, x, char):
            count += 1
            if count > limit:
                return True
    return False


def _spaced_at(words: list[Word], x: float, char: float) -> bool:
    """A line of words that stand on both sides of ``x`` less than two characters apart: one run of text."""
    left = max((w.bbox[2] for w in words if w.bbox[2] <= x), default=None)
    right = min((w.bbox[0] for w in words if w.bbox[0] >= x), default=None)
    return left is not None and right is not None and right - left < 2 * char


def _stem(text: str) -> str:
    """A word's first letters, lower case, for a declined or plural form to match ('contract', 'contracts')."""
    word = text.strip(",.:;()«»\"'").casefold()
    return word[: max(4, len(word) - 2)] if word.isalpha() else ""


@lru_cache(maxsize=64)
def and_words(language: str) -> frozenset[str]:
    """The words by which a language joins a list's last two items, from CLDR's list patterns ('{0} dhe {1}'), lower
    case; none for a language CLDR (Babel) does not know or that joins them by a mark."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415  (CLDR read on a page's first need)

    try:
        patterns = Locale.parse(language).list_patterns.get("standard", {}) if language else {}
    except (ValueError, UnknownLocaleError):
        return frozenset()
    found = set()
    for key in ("2", "end"):
        text = str(patterns.get(key, "")).replace("{0}", " ").replace("{1}", " ")
        found |= {word.casefold() for word in text.split() if word.isalpha()}
    return frozenset(found)


def _party_runs(words: list[Word]) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalised words ending in a legal form: 'Hufnagel Kunststoffteile GmbH & Co.
    KG', 'De Kromme Metaalbewerking N.V.'; or a legal form before a name in quotes ('AS „Vidzemes Būvmateriāli”')."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    last_form: int | None = None
    char = typical_char_width(words) if words else 0.0
    texts = [w.text for w in words]
    after_quote = 0  # the words of a quoted name already taken ('SIA „Gauja Tehnika”')
    for i, word in enumerate(words):
        if i < after_quote:
            continue
        # a form before its name in quotes ('... un SIA „Gauja Tehnika”, PVN Nr. ...'), or one no list holds after it
        # ('«Դիլիջան Շին» ՓԲԸ,'): the name starts at the form or the quote
        quoted = quoted_name_end(texts, i) or (quoted_form_end(texts, i) if start is None else None)
        if quoted is not None:
            if start is not None and last_form is not None:
                runs.append((start, last_form + 1))
            runs.append((i, quoted))
            start = last_form = None
            after_quote = quoted
            continue
        text = word.text.rstrip(",;:")
        if start is not None and re.fullmatch(r"\(\w+\)", text) and LEGAL_FORM.match(text[1:-1]):
            text = text[1:-1]  # a form in brackets inside a name: 'Springbok Traders (Pty) Ltd'
        if start is not None and (_apart(words[i - 1], word, char) or _another_cell_below(words, i, char)):
            # a caption across a form's gap ('Subscriber      Barramundi Coast Pty Ltd') starts no name; a name
            # ends at its form where a column's gap follows (two blocks' names on one line)
            if last_form is not None:
                runs.append((start, last_form + 1))
            start = last_form = None
        # a name in quotes before its form ('„Марица Трейд“ ЕООД'): its opening quote starts the run
        quote_opens = start is None and text[:1] in '„“"«' and text[1:2].isupper()
        name_like = (
            text[:1].isupper()
            or quote_opens
            or LEGAL_FORM.match(text)
            or (start is not None and (JOINER.match(text) or trailing_form(text)))
        )
        if start is not None and last_form == i - 1 and AND.match(text) and not _next_is_form(words, i):
            # 'Korvath GmbH and Wendmere AG': an 'and' after a whole name's form joins two parties ('GmbH und Co.
            # KG' goes on into a form)
            runs.append((start, i))
            start = last_form = None
        opens = BETWEEN.match(text) and last_form is None  # a heading's words before it ('Article 1 – Objet Entre')
        if (start is None or _own_line(words, i) or opens) and (AND.match(text) or BETWEEN.match(text)):
            # 'ENTRE ... ET Lemaréchal SAS': the words that join the parties start neither; an 'und' on a line of
            # its own between two parties' blocks joins no name ('..., Graz, Österreich' / 'und' / 'Großglockner ...')
            name_like = False
        if start is None and word.text.endswith((")", "]", "”", "»")):
            name_like = False  # the end of a bracketed role ('(the Customer) and Acme Ltd'): no name starts there
        if start is None and _marker(words, i, char):
            name_like = False  # an answer's 'A' set apart before its text ('A   Kiang Services Ltd., TIN ...')
        if not name_like or (text[:1] in "(„“\"'" and not quote_opens) or any(ch.isdigit() for ch in text):
            if start is not None and last_form is not None:
                runs.append((start, last_form + 1))
            elif start is not None and _defined_party(words, start, i):
                runs.append((start, i))
            start = last_form = None
            continue
        start = i if start is None else start
        if (LEGAL_FORM.match(text) or (i > start and trailing_form(text))) and not _opens_caption(words, i):
            last_form = i  # a form, or one a name's place makes one ('Morača Gradnja a.d.', 'Xəzər Qida MMC')
        if word.text.endswith((",", ";", ":")) and not _next_is_form(words, i):
            if last_form is not None:
                runs.append((start, last_form + 1))
            start = last_form = None
    if start is not None and last_form is not None:
        runs.append((start, last_form + 1))  # a name that ends the page's words
    return runs


def _defined_party(words: list[Word], start: int, end: int) -> bool:
    """A name without a legal form the opening sentence defines as a party: two capitalised words or more right
    after its 'between' or 'and', a role in brackets right after it ('between Kinabalu Systems Berhad (the
    Customer) and ...'; 'This Agreement (the "Agreement")' is no party: no 'between' before it)."""
    if end - start < 2 or start == 0 or end >= len(words):
        return False
    opened = words[start - 1].text
    bracket = " ".join(w.text for w in words[end : end + 4])
    return bool(
        (AND.match(opened) or BETWEEN.match(opened))
        and re.match(r"\([^()]*[^\W\d_][^()]*\)", bracket)
        and all(w.text[:1].isupper() for w in words[start:end])
    )


def _names_a_company(words: list[Word], start: int, end: int) -> bool:
    """A run names a company, not a party's description, which prints the form as an English word in lower case
    ('a Delaware corporation', 'a limited company') or follows a form and ', a' ('Acme, Inc., a Delaware
    Corporation'). A bare legal form stays: a later stage reads the name its lower-case words cut off ('Vltavín
    stavební s.r.o.')."""
    if re.fullmatch(r"[a-z]{4,}", words[end - 1].text.rstrip(",;:")):
        return False
    # the description follows its company's form; after a role or a tax id, 'a' is the word for 'and' ('...,
    # zwaną dalej Zleceniodawcą, a Mazowsze sp. z o.o.')
    before = [w.text for w in words[max(0, start - 2) : start]]
    return not (
        len(before) == 2
        and before[0].endswith(",")
        and bool(LEGAL_FORM.match(before[0].rstrip(",")))
        and before[1] in ("a", "an")
    )


def _apart(before: Word, word: Word, char: float) -> bool:
    """Two words of one line set a cell's gap apart (three characters or more), or the second up the page (read
    in column order, the next column's top)."""
    height = word.bbox[3] - word.bbox[1]
    same_line = abs(before.bbox[1] - word.bbox[1]) < 0.5 * height
    return same_line and word.bbox[0] - before.bbox[2] > 3 * char or word.bbox[1] < before.bbox[1] - height


def _another_cell_below(words: list[Word], i: int, char: float) -> bool:
    """``words[i]`` opens the next line and the word before it is a box's caption to its right: set a cell's gap apart
    from the word before it on its line, and right of where the box ``words[i]`` starts ends ('Client   Supplier'
    over 'Acme SA   Beta Sagl', read row by row): a wrapped name's lines overlap, a cell's caption over the next
    box's name does not."""
    if i < 2:
        return False
    before, word = words[i - 1], words[i]
    height = word.bbox[3] - word.bbox[1]
    if word.bbox[1] < before.bbox[3] - 0.5 * height or not _apart(words[i - 2], before, char):
        return False
    end = i
    while end + 1 < len(words) and _same_line(words[end], words[end + 1]):
        if _apart(words[end], words[end + 1], char):
            break
        end += 1
    return before.bbox[0] > words[end].bbox[2]


def _marker(words: list[Word], i: int, char: float) -> bool:
    """A lone letter set more than a space apart from the next word of its line: a marker of a list or of a
    question's answer ('Q   1. Who are the parties?' / 'A   Kiang Services Ltd. ...'), no word of a name."""
    if len(words[i].text) != 1 or not words[i].text.isalpha() or i + 1 >= len(words):
        return False
    word, after = words[i], words[i + 1]
    same_line = abs(after.bbox[1] - word.bbox[1]) < 0.5 * (word.bbox[3] - word.bbox[1])
    return same_line and after.bbox[0] - word.bbox[2] > 1.5 * char


def _own_line(words: list[Word], i: int) -> bool:
    """Whether a word stands on a line of its own: the words before and after it on other lines."""
    height = words[i].bbox[3] - words[i].bbox[1]
    return all(abs(words[k].bbox[1] - words[i].bbox[1]) > 0.5 * height for k in (i - 1, i + 1) if 0 <= k < len(words))


def _next_is_form(words: list[Word], i: int) -> bool:
    return (
        i + 1 < len(words)
        and bool(LEGAL_FORM.match(words[i + 1].text.rstrip(",;:")))
        and not _opens_caption(words, i + 1)
    )


# a register's or a licence's number as printed: three digits at least, letters, '-' or '/' around them ('PI-500')
REGISTERED_ID = re.compile(r"(?=(?:[^\d\s]*\d){3})[A-Z0-9][A-Z0-9/-]{2,15}")
# its caption's word for number; a scan reads the stop after it as a comma as often ('Reg. No, BIOT0254')
NUMBER_CAPTION = re.compile(r"^(?:no|nr|n°|nº|#)[.,]?:?$", re.IGNORECASE)


def _registered_id(stretch: list[Word]) -> list[tuple[Word, str]]:
    """Where no scheme's id follows a party's name, the number that a short caption ending in a word for number
    ('Licence No. PI-500', 'Co. Reg. No. BIOT9262') prints right after the name: the party's own number, of a
    register no checker knows (not a phone's, an account's)."""
    for k, word in enumerate(stretch[:6]):
        token = word.text.rstrip(",;.")
        if k == 0 or not NUMBER_CAPTION.match(stretch[k - 1].text) or not REGISTERED_ID.fullmatch(token):
            continue
        if any(CONTACT_CAPTION.search(w.text) for w in stretch[:k]):
            return []
        return [(word, token)]
    return []


def _line_head(words: list[Word], k: int) -> Word:
    """The first word of ``words[k]``'s line, in reading order."""
    while (
        k > 0
        and words[k - 1].bbox[0] < words[k].bbox[0]
        and abs(words[k - 1].bbox[1] - words[k].bbox[1]) < 0.3 * (words[k].bbox[3] - words[k].bbox[1])
    ):
        k -= 1
    return words[k]


def _stacked(words: list[Word], k: int, other: int) -> bool:
    """The words at ``k`` and ``other`` stand on lines next to each other that start at one x: a list's entries."""
    first, second = _line_head(words, k), _line_head(words, other)
    height = first.bbox[3] - first.bbox[1]
    return (
        other != k
        and abs(second.bbox[0] - first.bbox[0]) < height
        and 0.5 * height < abs(second.bbox[1] - first.bbox[1]) < 3 * height
    )


def _opens_caption(words: list[Word], i: int) -> bool:
    """A form's word that opens a caption after the name ('..., Co. Reg. No. 12': the company's register number), an
    abbreviation next that is no form, not the name's own last word."""
    after = words[i + 1].text if i + 1 < len(words) else ""
    if not (i and words[i - 1].text.endswith(",")):
        return False
    if not words[i].text.endswith(","):
        return bool(re.fullmatch(r"[^\W\d_][^\W\d_]{1,4}\.", after)) and not LEGAL_FORM.match(after)
    # a scan reads the caption's stops as commas ('..., Co, Reg, No, BIOT0254'): short words each with its mark, the
    # last a word for number, then a number, make a caption, whatever the marks
    for k in range(i + 1, min(i + 4, len(words) - 1)):
        if not re.fullmatch(r"[^\W\d_]{1,4}[.,]", words[k].text) or LEGAL_FORM.match(words[k].text.rstrip(".,")):
            return False
        if NUMBER_CAPTION.match(words[k].text):
            return any(ch.isdigit() for ch in words[k + 1].text)
    return False


def _name(words: list[Word]) -> str:
    return " ".join(w.text for w in words).rstrip(",;:")


def _dates(words: list[Word], hint: str | None) -> list[tuple[int, int, date]]:
    """Every date printed in ``words``: (first word, end, date), a longest reading first where they overlap."""
    found: list[tuple[int, int, date]] = []
    i = 0
    while i < len(words):
        for size in (5, 4, 3, 2, 1):
            if i + size > len(words):
                continue
            raw = " ".join(_day_number(w.text) for w in words[i : i + size]).strip(",.;:()")
            value = parse_date(raw, hint) if re.search(r"\d{4}", raw) else None
            if value is not None:
                found.append((i, i + size, value))
                i += size - 1
                break
        i += 1
    return found


def _day_number(text: str) -> str:
    """A day of the month printed as an ordinal in words, as its number ('the first day of April 2026', 'the
    twenty-first day of May', 'le premier avril 2026', '1er avril', 'el primero de julio'); any other word as is."""
    word = text.casefold().rstrip(",")
    if word in ORDINAL_DAYS:
        return str(ORDINAL_DAYS[word])
    tens, _, unit = word.partition("-")
    if tens in ("twenty", "thirty") and unit in ORDINAL_DAYS and ORDINAL_DAYS[unit] < 10:
        return str((20 if tens == "twenty" else 30) + ORDINAL_DAYS[unit])
    return text


def _count(text: str) -> int | None:
    """A count in digits ('24', '(24)') or in words ('two', 'vierundzwanzig', 'trois')."""
    digits = DURATION.match(text)
    if digits:
        return int(digits.group(1))
    word = text.casefold().strip(",.;:()")
    return number_value(word) or number_in_words(word) or SMALL_NUMBERS.get(word)


def _term_at(words: list[Word], i: int) -> relativedelta | None:
    """The length of a term printed at ``words[i]`` ('two years', '(24) months', 'drei Jahre', '16 weeks'), not a
    notice period ('three months' notice', '3 months prior written notice') nor a number of months beside it."""
    unit = words[i + 1].text
    after = words[i + 2].text if i + 2 < len(words) else ""
    first, counted = UNIT_FIRST.match(words[i].text), DURATION.match(unit.rstrip(",.;:"))
    joined = re.fullmatch(r"\(?([^\W_]+)\)?-([^\W\d_]+)\W*", words[i].text)  # 'a 24-month term', 'two-year'
    count: int | None
    if first is not None and counted is not None:  # 'miezi 12'
        count, years = int(counted.group(1)), first.group("years") is not None
    elif joined is not None and (MONTH_UNIT.match(joined[2]) or YEAR_UNIT.match(joined[2])):
        count, years, after = _count(joined[1]), YEAR_UNIT.match(joined[2]) is not None, unit
    elif (MONTH_UNIT.match(unit) or YEAR_UNIT.match(unit)) and not unit.endswith(("'", "’")):
        count, years = _count(words[i].text), YEAR_UNIT.match(unit) is not None
    elif WEEK_UNIT.match(unit) and not unit.endswith(("'", "’")):
        weeks = _count(words[i].text)  # a short term in weeks ('a term of 6 weeks')
        if weeks is None or NOTICE.match(after) or any(RENEWAL.match(w.text) for w in words[max(0, i - 6) : i]):
            return None
        return relativedelta(weeks=weeks) if 0 < weeks <= 520 else None
    else:
        return None
    if count is None or NOTICE.match(after):
        return None
    if any(RENEWAL.match(w.text) for w in words[max(0, i - 6) : i]):
        return None  # 'renews for successive periods of one year': a renewal's length, no term's
    months = count * (12 if years else 1)
    return relativedelta(months=months) if 0 < months <= 240 else None


def _schedule_rows(page: Page, char: float) -> set[int]:
    """The words of the page's schedule rows: lines set in three cells or more, one of them a money amount with
    cents ('M3  User acceptance  8 June 2024  fixed fee  32,300.00')."""
    words: set[int] = set()
    for line in group_lines(page.words):
        if any(AMOUNT.match(w.text) for w in line.words) and len(split_phrases(line, char)) >= 3:
            words.update(id(w) for w in line.words)
    return words


def _a_term(first: date, second: date) -> bool:
    """Two dates that can be a term's two ends: the second a month to ten years after the first."""
    return first + timedelta(days=27) < second <= first + relativedelta(years=10)


def _over(heading: list[Line], name: list[Word]) -> str:
    """The heading's phrase over a name: the one its left edge is nearest to the name's."""
    if not heading:
        return ""
    return min(heading, key=lambda phrase: abs(phrase.bbox[0] - name[0].bbox[0])).text


def _cell(value: object, words: list[Word], page: int, raw: str | None = None) -> FieldValue:
    bbox = union_bbox([w.bbox for w in words]) if words else None
    return FieldValue(value, CONFIDENCE, page, bbox, raw if raw is not None else " ".join(w.text for w in words))  # type: ignore[arg-type]


class Opening:
    """The first page of a contract (or ``page_index``'s), in reading order, and what its shapes say."""

    def __init__(self, doc: Document, page_index: int = 0) -> None:
        page = doc.pages[page_index]
        self.page = page.number
        self.words = column_order(page)
        self.char_width = typical_char_width(page.words)
        self.scheduled = _schedule_rows(page, self.char_width)
        # the page's first lines: its title (a scan's may start with a speck)
        self.title = " ".join(w.text for line in group_lines(page.words)[:2] for w in line.words)
        self.hint = page_date_order(phrase_texts(page.words))  # as the extractor reads the page's dates
        runs = [run for run in _party_runs(self.words) if _names_a_company(self.words, *run)]
        # a word alone on its line that a form's letters spell (a stamp's officer's initials, 'SE') is no party
        runs = [(a, b) for a, b in runs if not (b - a == 1 and self._alone(self.words[a]))]
        # the same name printed again (a letter's addressee, then its opening) is one party, not the second; a bare
        # legal form ('s.r.o.' of 'Hanácká obchodní s.r.o.', its lower-case words cut off) names no one company
        runs = runs[:1] + [r for r in runs[1:] if self._two(runs[0], r)]
        # a second party whose legal form no list holds, printed as the first is ('A Ltd, street, town, VAT id, ...
        # and B <form>, street, town, VAT id, ...')
        mirror = self._mirrored_party(runs[0]) if runs else None
        if mirror is not None and (len(runs) < 2 or runs[1][0] > mirror[0]):
            runs = [runs[0], mirror, *runs[1:]]
        # the opening sentence: the first that joins two companies by its 'and' ('between A Ltd (the "Customer")
        # and B Ltd', after the two parties' blocks side by side), else the first that names two; never one company
        # twice (a form's party, then its signature block: 'Luangwa Logistics Limited' ... 'and' ... the same)
        pairs = [(a, b) for a, b in zip(runs, runs[1:], strict=False) if b[0] - a[1] < 120 and self._two(a, b)]
        joining = [
            (a, b) for a, b in pairs if any(AND.match(w.text.strip(",;()")) for w in self.words[a[1] : b[0] + 1])
        ]
        first_pair = pairs[:1] == [tuple(runs[:2])]
        # a sentence that joins its two names by a verb ('A Ltd, called the Principal, appoints B Ltd'): an 'and'
        # found only past its full stop joins a later pair (the second party and a tender table's name), not them
        if joining and first_pair and self._stops_between(*joining[0]) and not self._stops_between(*pairs[0]):
            joining = []
        self.parties = list(joining[0]) if joining else list(pairs[0]) if first_pair else []
        # a sentence joins its two parties ('Tarnwick Foods Ltd, 4 Mill Lane (the Patron), and Osgood LLC'; the word may
        # open the second run: '..., Österreich und Großglockner GmbH'); names set apart by an address or captions
        # only (a form's boxes), or by 'or' (one party's two names), are not joined
        between = self.words[self.parties[0][1] : self.parties[1][1] - 1] if self.parties else []
        self.joined = any(AND.match(w.text.strip(",;()")) or JOINED.match(w.text.strip(",;")) for w in between)
        # the second of two parties printed alike joins the first in one sentence, whatever its word for 'and'
        self.joined = self.joined or (mirror is not None and self.parties[1:] == [mirror])
        if between and not self.joined:
            # the page's own language's 'and' (CLDR's pattern for a list of two: Albanian 'dhe', Basque 'eta')
            joins = and_words(written_language(page.words) or "")
            self.joined = any(w.text.strip(",;()").casefold() in joins for w in between)
        first = self.parties[0][0] if self.parties else 0
        self.sentence_start = self._sentence_start(first)
        self.vendor_first = False
        # where the clauses are read: after the sentence that names the parties; from the top where the two names
        # stand side by side in a table's row after the clauses (a table of the parties at the contract's end, the
        # clauses naming them by their roles only)
        self.body_start = self._sentence_end(self.parties[1][1]) if self.parties else 0
        self.table_lines = group_lines(page.words) if self.parties and self.clauses_before_parties() else []
        if self.table_lines:
            self.body_start = 0

    def _mirrored_party(self, run: tuple[int, int]) -> tuple[int, int] | None:
        """The second party of a sentence that prints each party alike: a name ending in a comma, its address in as
        many parts parted by commas, then its tax id (a scheme's shape and check digits); the second name is the
        capitalised words of the part as many commas before the second tax id, after the words that join it ('...
        Ltd, 10 High Street, Inverness IV2 3EE, VAT GB752311406, the Client, and Taic Earranta, 49 King Street,
        Portree IV51 9BZ, VAT GB413642239, the Supplier.'), wherever no legal form ends it."""
        words = self.words
        start, end = run
        if not words[end - 1].text.endswith(","):
            return None
        stop = self._sentence_end(end - 1)
        ids = [k for k in range(end, stop) if tax_id_at(words, k) is not None]
        if len(ids) < 2:
            return None
        parts = sum(w.text.endswith(",") for w in words[end - 1 : ids[0]])
        commas = [k for k in range(ids[0] + 1, ids[1]) if words[k].text.endswith(",")]
        if parts < 2 or len(commas) < parts + 1:
            return None
        name_end, before = commas[-parts] + 1, commas[-parts - 1] + 1
        first = before
        while first < name_end and not words[first].text[:1].isupper():
            first += 1  # the words that join the second party ('and', 'agus')
        name = words[first:name_end]
        if not 1 <= len(name) <= MAX_NAME or first == before:
            return None
        if not all(w.text[:1].isupper() and not any(ch.isdigit() for ch in w.text) for w in name):
            return None
        return first, name_end

    def _alone(self, word: Word) -> bool:
        """No other word of the page stands on ``word``'s line within ten characters of it."""
        middle, reach = (word.bbox[1] + word.bbox[3]) / 2, 10 * self.char_width
        return not any(
            other is not word
            and other.bbox[1] < middle < other.bbox[3]
            and other.bbox[0] < word.bbox[2] + reach
            and word.bbox[0] - reach < other.bbox[2]
            for other in self.words
        )

    def _stops_between(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """A sentence ends between the two names (a legal form's full stop, 'Acme Inc. and ...', ends none)."""
        return any(
            re.search(r"[.;]$", w.text) and not self._abbreviation(k) and not LEGAL_FORM.match(w.text)
            for k, w in enumerate(self.words[a[1] : b[0]], start=a[1])
        )

    def _two(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Two runs that can be two parties: not one company's name twice (a bare form may stand for either)."""
        first, second = _name(self.words[slice(*a)]), _name(self.words[slice(*b)])
        return first != second or bare_legal_form(first)

    def _sentence_start(self, index: int) -> int:
        i = index
        # back to the stop before: a day's ('am 1. März 2026 zwischen ...') or a caption's ('No. 12') is none
        while i > 0 and index - i < 40:
            stop = self.words[i - 1].text
            if stop.endswith(":") or stop.endswith((".", "։", "।", "۔", "。")) and not self._abbreviation(i - 1):
                break
            if self._clause_number(i - 1):
                break
            i -= 1
        return i

    def _clause_number(self, i: int) -> bool:
        """A clause's number that a scan read with a comma for its stop ('1, Who is bound'): a number of one or two
        digits and a comma that starts its line, before a capital on that line; a sentence starts after it."""
        if i + 1 >= len(self.words) or not re.fullmatch(r"\d{1,2},", self.words[i].text):
            return False
        word, after = self.words[i], self.words[i + 1]
        height = word.bbox[3] - word.bbox[1]
        return (
            _line_head(self.words, i) is word
            and after.text[:1].isupper()
            and abs(after.bbox[1] - word.bbox[1]) < 0.5 * height
        )

    def _sentence_end(self, index: int) -> int:
        """The end of the sentence ``words[index]`` stands in: its stop, or a grid's box's edge: a column's gutter
        after a word on its line ('within 20 days of the invoice' and, a box to the right, 'as per annex 1'), or a
        next line that starts a column to the left of the box's (the next row's caption under a right-hand box)."""
        words, i = self.words, index
        left = _line_left(words, index) if index < len(words) else 0.0
        while i < len(words) and not (re.search(r"[.;։।۔。]$", words[i].text) and not self._abbreviation(i)):
            if i + 1 < len(words) and _gutter_between(words[i], words[i + 1]):
                break
            if i + 1 < len(words) and not _same_line(words[i], words[i + 1]):
                if words[i + 1].bbox[0] < left - GUTTER * (words[i].bbox[3] - words[i].bbox[1]):
                    break
                left = words[i + 1].bbox[0]
            i += 1
        return min(i + 1, len(words))

    def _abbreviation(self, i: int) -> bool:
        """A full stop that ends no sentence: a short word's before a number ('VAT No. IE5922259E', 'Nr. 12', 'No.
        GB 239 6857 67', 'CVR-nr. DK99047186'), an initialism's ('V.A.T.', 'e.g.'), or a day's that reads as a date
        with the words after it ('vom 22. Februar 2026 bis ...')."""
        text = self.words[i].text
        following = " ".join(w.text for w in self.words[i + 1 : i + 4])
        if re.fullmatch(r"\d{1,2}\.", text):
            return parse_date(" ".join(w.text for w in self.words[i : i + 3]).strip(",.;:()"), self.hint) is not None
        if re.fullmatch(r"(?:[^\W\d_]\.){2,}", text):
            return True
        # the stop of a year's word inside a date that goes on ('2027 թ. օգոստոսի 20', Armenian's year first)
        if i > 0 and re.fullmatch(r"\d{4}", self.words[i - 1].text):
            after = " ".join(w.text for w in self.words[i - 1 : i + 3]).strip(",.;:()։")
            if parse_date(after, self.hint) is not None:
                return True
        # a number next, or a country's letters and one, or another short word's stop or two first ('Reg. No. 12',
        # 'Co. Reg. No. 12'); not a clause's number before its first word ('... 14 days net. 3. Either party ...')
        number = re.match(r"(?:[A-Za-z]{1,3}\.\s){0,2}(?:[A-Z]{2}\s)?\S*\d", following)
        if re.match(r"\d{1,2}\.\s[A-Z]", following):
            return False
        # 'No.', and the short last part of a compound caption ('CVR-nr.', 'org.nr.')
        return bool(re.fullmatch(r"(?:\S+[-.])?[^\W\d_]{1,3}\.", text)) and number is not None

    def sentence_text(self) -> str:
        """The opening sentence as printed."""
        end = self._sentence_end(self.parties[1][1]) if self.parties else 0
        return " ".join(w.text for w in self.words[self.sentence_start : end])

    def prose_before_parties(self) -> bool:
        """The opening sentence leads to its parties in running words ('This deed is made on ... between'), not a
        caption ('Bill to:')."""
        return self._runs_on(self.words[self.sentence_start : self.parties[0][0]] if self.parties else [])

    def clauses_before_parties(self) -> bool:
        """The two names stand side by side on one line, no word between them (a table's row: the parties'
        columns), after two sentences of running words or more: a contract whose clauses name the parties by
        their roles and whose table at the end names them."""
        if not self.parties or self.parties[0][1] != self.parties[1][0] or self.prose_before_parties():
            return False
        first, second = self.words[self.parties[0][1] - 1], self.words[self.parties[1][0]]
        if not (first.bbox[1] < second.bbox[3] and second.bbox[1] < first.bbox[3] and first.bbox[2] < second.bbox[0]):
            return False
        sentences, i = 0, 0
        while i < self.sentence_start and sentences < CLAUSES:
            end = min(self._sentence_end(i), self.sentence_start)
            sentences += self._runs_on(self.words[i:end])
            i = end
        return sentences >= CLAUSES

    def _runs_on(self, lead: list[Word]) -> bool:
        """Three lower-case words running on, each close after the one before."""
        # three lower-case words running on, each close after the one before: a sentence; a form's captions and
        # values ('Consegna richiesta', 'Modalità di pagamento', 'Bonifico bancario') stand apart in cells. A date
        # counts as one word, lower-case where its month is ('20 de enero de 2024' in a form's cell is no sentence;
        # 'hecho en Madrid, a 6 de febrero de 2026, entre' is)
        ends = {i: j for i, j, _ in _dates(lead, self.hint)}
        run, previous, i = 0, None, 0
        while i < len(lead):
            j = ends.get(i, i + 1)
            first, last = lead[i], lead[j - 1]
            close = previous is not None and 0 <= first.bbox[0] - previous.bbox[2] < 2.5 * self.char_width
            lower = any(w.text.isalpha() and w.text.islower() for w in lead[i:j]) if j > i + 1 else None
            if lower is None:
                lower = first.text.isalpha() and first.text.islower()
            run = (run + 1 if close else 1) if lower else 0
            if run >= 3:
                return True
            previous, i = last, j
        return False

    def contract_number(self) -> FieldValue | None:
        """A reference code on a short line above the opening sentence: 'Deal No. CA-2024-986', 'RV 487/2026'."""
        head = self.words[: self.parties[0][0]] if self.parties else self.words[:30]
        lines = group_lines(head)
        for line in lines[:6]:
            tokens = line.words
            if len(tokens) > 6:
                continue
            for i, word in enumerate(tokens):
                text = word.text.strip(":#")
                if not is_code(text) or len(text) < 4 or parse_date(text) or re.fullmatch(r"\d{1,4}", text):
                    continue
                if sum(ch.isdigit() for ch in text) < 3:
                    continue
                chosen = [word]
                before = tokens[i - 1] if i else None
                if before is not None and re.fullmatch(r"[A-Z]{1,5}", before.text):
                    chosen = [before, word]  # 'RV 487/2026'
                return _cell(" ".join(w.text.strip(":#") for w in chosen), chosen, self.page)
        return None

    def party_names(self) -> tuple[FieldValue, FieldValue] | None:
        """(buyer, vendor) from the opening sentence: by their defined roles where the role word is a known one,
        else in the order contracts name them, the client first."""
        if not self.parties:
            return None
        (a0, a1), (b0, b1) = self.parties
        first, second = self.words[a0:a1], self.words[b0:b1]
        role_a = " ".join(w.text for w in self.words[a1:b0])
        role_b = " ".join(w.text for w in self.words[b1 : self._sentence_end(b1)])
        vendor_first = self.captioned_vendor_first()
        if vendor_first is None:
            vendor_first = grantor_first(role_a, role_b)
        if vendor_first is None:
            vendor_first = bool(VENDOR_ROLE.search(role_a) and not BUYER_ROLE.search(role_a)) or bool(
                BUYER_ROLE.search(role_b) and not VENDOR_ROLE.search(role_b)
            )
        self.vendor_first = vendor_first
        buyer, vendor = (second, first) if vendor_first else (first, second)
        return _cell(_name(buyer), buyer, self.page), _cell(_name(vendor), vendor, self.page)

    def captioned_vendor_first(self) -> bool | None:
        """In a table of the parties, whether the first column is the vendor's, by the captions over the two names
        (the columns' headings, 'Client | Contractor'): one caption that names a role gives the other column the
        other role. None where no caption names one, or both name the same."""
        if not self.table_lines:
            return None
        first, second = (self.words[a:b] for a, b in self.parties)
        row = next((k for k, line in enumerate(self.table_lines) if any(w is first[0] for w in line.words)), 0)
        if row == 0:
            return None
        heading = split_phrases(self.table_lines[row - 1], self.char_width)
        roles = [caption_role(_over(heading, name)) for name in (first, second)]
        vendor_first, buyer_first = roles[0] == VENDOR or roles[1] == BUYER, roles[0] == BUYER or roles[1] == VENDOR
        return vendor_first if vendor_first != buyer_first else None

    def _column_tax_ids(self) -> tuple[FieldValue | None, FieldValue | None]:
        """In a table of the parties, the first tax id printed under each name, in its column."""
        names = [self.words[a:b] for a, b in self.parties]
        body = self.words[self.parties[1][1] :]
        found: list[FieldValue | None] = [None, None]
        for k, word in enumerate(body):
            value = tax_id_at(body, k)
            if value is None:
                continue
            middle = (word.bbox[0] + word.bbox[2]) / 2
            column = min((0, 1), key=lambda c: abs(middle - (names[c][0].bbox[0] + names[c][-1].bbox[2]) / 2))
            if found[column] is None:
                found[column] = _cell(value, [word], self.page, word.text)
        if None in found:
            for k, cell in enumerate(self._numbered_row(body, names)):
                found[k] = found[k] or cell
        return found[0], found[1]

    def _numbered_row(self, body: list[Word], names: list[list[Word]]) -> list[FieldValue | None]:
        """A row of a table of the parties captioned by a word for number ('N° <word>', '<word> No.'), no phone's or
        account's: the number under each name, of an id's shape (``register_id``), that party's number of a register
        no checker knows."""
        middles = [(ws[0].bbox[0] + ws[-1].bbox[2]) / 2 for ws in names]
        for line in group_lines(body):
            at = next((k for k, w in enumerate(line.words) if re.search(r"\d", w.text)), None)
            caption = line.words[:at]
            if at is None or not any(NUMBER_CAPTION.match(w.text) for w in caption):
                continue
            if any(CONTACT_CAPTION.search(w.text) for w in caption):
                continue
            found: list[FieldValue | None] = [None, None]
            for word in line.words[at:]:
                token = word.text.strip(",;.")
                middle = (word.bbox[0] + word.bbox[2]) / 2
                column = min((0, 1), key=lambda c: abs(middle - middles[c]))
                if register_id(token) and found[column] is None:
                    found[column] = _cell(token, [word], self.page, word.text)
            if all(found):
                return found
        return [None, None]

    def party_tax_ids(self) -> tuple[FieldValue | None, FieldValue | None]:
        """(buyer's, vendor's) tax id: the one printed between a party's name and the next party (or the end of the
        opening sentence), '..., IRS No. 94-6218342 (the Consultant)', whatever its caption."""
        if not self.parties:
            return None, None
        (a0, a1), (b0, b1) = self.parties
        found: list[FieldValue | None] = []
        if self.table_lines:
            first, second = self._column_tax_ids()
            return (second, first) if self.vendor_first else (first, second)
        for stretch in (self.words[a1:b0], self.words[b1 : self._sentence_end(b1)]):
            # whole, in its country's groups ('GB 876 2510 12') or a bare number after its scheme's name ('ABN')
            ids = [(w, value) for k, w in enumerate(stretch) if (value := tax_id_at(stretch, k)) is not None]
            ids = ids or _registered_id(stretch)
            found.append(_cell(ids[0][1], [ids[0][0]], self.page, ids[0][0].text) if ids else None)
        first, second = found
        return (second, first) if self.vendor_first else (first, second)

    def effective_date(self) -> FieldValue | None:
        """The first date of the opening sentence (none where the names stand in a table of the parties)."""
        if not self.parties or self.table_lines:
            return None
        end = self._sentence_end(self.parties[1][1])
        for i, j, value in _dates(self.words[self.sentence_start : end], self.hint):
            words = self.words[self.sentence_start + i : self.sentence_start + j]
            return _cell(value, words, self.page)
        return None

    def signed_last(self) -> FieldValue | None:
        """Where the clauses print no date: the later of the dates printed under a table of the parties at the end
        (each party's date of signing): a contract takes effect when the last party signs it. Up to the first
        sentence of running words after the table (a later amendment's own date is none)."""
        if not self.parties or self.body_start:
            return None
        i, signed = self.parties[1][1], []
        while i < len(self.words):
            end = self._sentence_end(i)
            if self._runs_on(self.words[i:end]):
                break
            signed += [(value, self.words[i + a : i + b]) for a, b, value in _dates(self.words[i:end], self.hint)]
            i = end
        if not signed:
            return None
        value, words = max(signed, key=lambda pair: pair[0])
        return _cell(value, words, self.page)

    def dateline(self) -> FieldValue | None:
        """Where the opening sentence prints no date: the date of a short sentence just before it that names no
        party, a place and a date ('En Zaragoza, a 6 de febrero de 2026.' before 'REUNIDOS: de una parte, ...')."""
        end = self.sentence_start if self.parties else 0
        for _ in range(2):  # the sentence before, or the one before a lead-in ('REUNIDOS:')
            start = self._sentence_start(end - 1) if end > 0 else 0
            if end == 0 or self.sentence_start - start > 16:
                return None
            dates = _dates(self.words[start:end], self.hint)
            if dates:
                i, j, value = dates[-1]
                return _cell(value, self.words[start + i : start + j], self.page)
            end = start
        return None

    def term_start(self, one_sentence: bool = False) -> FieldValue | None:
        """Where the opening sentence prints no date: the first of a sentence that prints a term's two ends, a date
        and a later one a month to ten years on ('prend effet le 22 mars 2027 et prend fin le 21 mars 2029', 'runs
        from 1 May 2026 until 30 April 2028'), in whatever language, or of a sentence printing one date whose next
        sentence (a clause number aside) prints the later one, or of one printing a date and a length ('runs for two
        years', 'pour une durée de trois ans'). Only after an opening that names both parties:
        without one, a dated sentence anywhere is no term's start (an NDA left undated, 'the ___ day of ___').
        ``one_sentence``: only a sentence printing the start with its end or its length (a date followed by another
        in the next sentence may be a milestone's)."""
        if not self.parties:
            return None
        i = self.body_start
        single: FieldValue | None = None  # the one date of the sentence before
        while i < len(self.words):
            end = self._sentence_end(i)
            dates = _dates(self.words[i:end], self.hint)
            if end - i == 1 and not dates:
                i = end
                continue  # a clause's number ('1.') between two sentences
            if one_sentence and (len(dates) > 2 or any(re.search(r"\d[.,]\d{2}$", w.text) for w in self.words[i:end])):
                i = end
                continue  # a schedule's rows of dates and amounts (milestones), no sentence about the term
            if single is not None and isinstance(single.value, date) and not one_sentence:
                # across two sentences a term of a quarter at least: two dates a month apart may be anything
                if dates and _a_term(single.value + relativedelta(months=2), dates[0][2]):
                    return single  # 'Work starts on 15/11/2026. 1. The work ends ... not later than 14/05/2027.'
                if not dates and any(_term_at(self.words, k) is not None for k in range(i, end - 1)):
                    return single  # 'It commences on 1 March 2026. It continues for eighteen months.'
            # two dates listed one under the other, no running words around them ('Retention release / First half
            # 6 May 2027 / Second half 3 June 2028'): a schedule's, no sentence about the term
            listed = len(dates) >= 2 and _stacked(self.words, i + dates[0][0], i + dates[1][0])
            if listed and self._runs_on(self.words[i:end]):
                listed = False
            if len(dates) >= 2 and _a_term(dates[0][2], dates[1][2]) and not listed:
                a0, a1, first = dates[0]
                return _cell(first, self.words[i + a0 : i + a1], self.page)
            single = None
            if len(dates) == 1:
                a0, a1, first = dates[0]
                single = _cell(first, self.words[i + a0 : i + a1], self.page)
                if any(_term_at(self.words, k) is not None for k in range(i, end - 1)):
                    return single  # 'starts on 1 March 2026 and runs for two years': a start and a length
            i = end
        return None

    def term_sentence(self) -> tuple[FieldValue, FieldValue] | None:
        """Where no opening sentence names the two parties (a name whose legal form no list holds): the two dates of
        the first sentence of running words that prints a term's two ends, a date and a later one a month to ten
        years on ('commences on 20 May 2024 and ends on 30 April 2026', in whatever language), as (start, end). Not
        a table's dates: a revision history's rows or a schedule's, listed one under the other or among amounts.
        The sentence speaks of the document itself, by a word of its title ('SERVICES CONTRACT' ... 'the contract
        begins on'): a period's ends elsewhere (an undertaking's restricted period) date no contract."""
        lines = group_lines(self.words)
        head = lines[0].words if lines else []
        stems = {_stem(w.text) for w in head if len(head) <= TITLE_WORDS and len(w.text.strip(",.:;")) >= 4}
        stems.discard("")
        if not stems:
            return None
        i = 0
        while i < len(self.words):
            end = self._sentence_end(i)
            sentence = self.words[i:end]
            dates = _dates(sentence, self.hint)
            priced = any(AMOUNT.match(w.text) for w in sentence)
            titled = any(_stem(w.text).startswith(tuple(stems)) for w in sentence)
            termed = len(dates) == 2 and _a_term(dates[0][2], dates[1][2])
            if termed and not priced and titled and self._runs_on(sentence):
                listed = _stacked(self.words, i + dates[0][0], i + dates[1][0])
                tabled = any(id(w) in self.scheduled for a, b, _ in dates for w in sentence[a:b])
                if not listed and not tabled:
                    (a0, a1, first), (b0, b1, second) = dates
                    return _cell(first, sentence[a0:a1], self.page), _cell(second, sentence[b0:b1], self.page)
            i = end
        return None

    def expiry_date(self, effective: date) -> FieldValue | None:
        """The first later date after the opening sentence, else the effective date plus the first term printed
        ('runs for two (2) years', '12 Monaten'), less a day."""
        # the clauses: before a table of the parties at the end (its dates are the signings')
        offset = self.body_start if self.body_start or not self.parties else 0
        body = self.words[offset:] if offset or not self.parties else self.words[: self.sentence_start]
        dates = _dates(body, self.hint)
        for i, j, value in dates:
            # a later date in a schedule's priced row (a milestone due before the term ends) is no end of the term;
            # nor one of a list of dates, each under the one above, none in a sentence (a retention's releases)
            k = offset + i
            listed = any(_stacked(body, i, other) for other, _, _ in dates) and not self._runs_on(
                self.words[self._sentence_start(k) : self._sentence_end(k)]
            )
            if value > effective + timedelta(days=27) and id(body[i]) not in self.scheduled and not listed:
                return _cell(value, body[i:j], self.page)
        # a term from where the parties are named on: a form's rows ('Initial Term   36 months') stand in its
        # opening 'sentence', which runs on to the first full stop
        body = self.words[self.parties[1][1] :] if self.parties and self.body_start else body
        for i in range(len(body) - 1):
            term = _term_at(body, i)
            if term is not None:
                return _cell(effective + term - timedelta(days=1), body[i : i + 2], self.page)
        return None

    def payment_terms(self) -> tuple[FieldValue, int | None] | None:
        """A number of days in the body ('within 21 days of a valid invoice', 'binnen veertien (14) dagen na
        ontvangst'), from the words that lead to the number to the end of its sentence, and its days: first in a
        sentence about paying or an invoice (a notice period's days, 'un préavis de soixante jours', or a letter's
        days to accept it, are no terms), then terms due at once or on a day of the month, then the words after a
        sentence's word for payable ('are payable monthly in arrears', 'is betaalbaar maandeliks agteruit'), then
        days in any sentence, and last days in a sentence about paying before the body (a clause printed before a
        second party read too far on, in a signature block)."""
        start = self.body_start
        return (
            self._days(start, paying=True)
            or self._due_at_once(start)
            or self._after_payable(start)
            or self._days(start, paying=False)
            or (_a_clause(self._days(0, paying=True)) if start else None)
        )

    def _about_paying(self, index: int) -> bool:
        """The sentence around ``words[index]`` names paying or an invoice, or says something is due."""
        first = self._sentence_start(index)
        if first > 0 and self.words[first - 1].text.endswith(":"):
            first = self._sentence_start(first - 1)  # its caption before a colon ('Payment terms: net 45.')
        sentence = self.words[first : self._sentence_end(index)]
        return any(PAYING.search(w.text) or PAYABLE.match(w.text) for w in sentence)

    def _days(self, start: int, paying: bool) -> tuple[FieldValue, int] | None:
        """The first number of days from ``words[start]`` on (``paying``: in a sentence about paying)."""
        body = self.words[start:]
        for i, word in enumerate(body):  # the last word too: a bare number ends a page's words ('net 45.')
            number, unit = DURATION.match(word.text), body[i + 1].text if i + 1 < len(body) else ""
            if unit == "de" and i + 2 < len(body):
                unit = f"de {body[i + 2].text}"  # Romanian counts 20 and more with 'de' ('30 de zile')
            # 'à trente jours'; 'three (3) years' reads at its digits
            count = int(number.group(1)) if number else number_in_words(word.text) if unit[:1].isalpha() else None
            # a count's unit is a word: '1 (1)' (a page of pages) is no term
            days = net_days(f"{count} {unit}") if count is not None and unit[:1].isalpha() else None
            if days is None and count is not None and unit.isalpha() and i + 2 < len(body):
                days = net_days(f"{count} {unit} {body[i + 2].text}")  # '20 working days', '30 calendar days'
            bare = word.text.rstrip(".;,").isdigit() and i > 0 and body[i - 1].text.isalpha()  # 'net 45.'
            bare = bare and not (MONTH_UNIT.match(unit) or YEAR_UNIT.match(unit))
            if days is None and bare and (net := net_days(f"{body[i - 1].text} {word.text.rstrip('.;,')}")):
                if paying and not self._about_paying(start + i):
                    continue
                # no unit, the word before says what the number is: 'pays net 15 from invoice'
                return self._phrase(start + i - 1, self._sentence_end(start + i)), net
            if days is None or MONTH_UNIT.match(unit) or YEAR_UNIT.match(unit):
                continue
            if i + 2 < len(body) and NOTICE.match(body[i + 2].text.lstrip("'’s ")):
                continue
            if paying and not self._about_paying(start + i):
                continue
            first = i - 1 if word.text.startswith("(") else i  # 'veertien (14)': the number in words leads
            lead = " ".join(w.text for w in body[max(0, first - 3) : first])
            if NO_LATER_THAN.match(lead):
                first -= 3
            else:
                first = self._plus(body, self._lead(body, first))
            return self._phrase(start + first, self._sentence_end(start + i)), days
        return None

    def _after_payable(self, start: int) -> tuple[FieldValue, int | None] | None:
        """Terms in words after a sentence's word for payable or paid, to the sentence's end or its next comma
        ('are payable on completion of each milestone', 'se pagan por mes adelantado, más el ITBMS'): a few
        lower-case words, no party's name, currency or amount ('payable in USD', 'payable by the Client')."""
        i = start
        while i < len(self.words):
            end = self._sentence_end(i)
            anchors = [k for k in range(i, end) if PAYABLE.match(self.words[k].text) or PAID.match(self.words[k].text)]
            if anchors:
                words = self.words[anchors[-1] + 1 : end]
                raw = " ".join(w.text for w in words).rstrip(".;։।۔。")
                raw = raw.split(", ")[0].rstrip(",")
                kept = words[: len(raw.split())]
                lower = all(not w.text[:1].isupper() and not AMOUNT.match(w.text) for w in kept)
                if 1 <= len(kept) <= 8 and lower and re.search(r"[^\W\d_]{2}", raw):
                    return _cell(raw, kept, self.page, raw), net_days(raw)
            i = end
        return None

    def _lead(self, body: list[Word], first: int) -> int:
        """Where the words that lead to the number start: back over short words ('innerhalb von 30', 'dentro de
        los 15') up to the first longer one ('within', 'binnen'), three at most, and a preposition of one or two
        letters before that ('w terminie 30 dni', 'în termen de 30 de zile'), or of three that says how ('par
        virement à 15 jours', 'per bonifico a 30 giorni'); never the sentence's verb."""
        taken = 0
        while taken < 3 and self._leads(body, first):
            first, taken = first - 1, taken + 1
            if len(body[first].text) > 3:
                break
        if taken and self._leads(body, first) and len(body[first - 1].text) <= 3:
            first -= 1
        return first

    def _plus(self, body: list[Word], first: int) -> int:
        """The days added to a period before them ('løbende måned + 15 dage', 'end of month plus 30 days'): the
        terms start with the period, back over its lower-case words (three at most) to the sentence's verb or a
        comma."""
        if body[first].text == "plus" or first > 0 and body[first - 1].text == "+":
            first -= body[first].text != "plus"
            for _ in range(3):
                if not self._leads(body, first):
                    break
                first -= 1
        return first

    @staticmethod
    def _leads(body: list[Word], at: int) -> bool:
        """The lower-case word before ``body[at]`` leads to the terms: no verb of the sentence ('due', 'skjer')."""
        if at <= 0:
            return False
        word = body[at - 1].text
        # a caption's mark ends the lead ('ժամկետը՝ 30 օր ...': Armenian's comma after its caption, as a colon)
        caption = unicodedata.category(word[-1]).startswith("P") and not word.endswith(("(", ")"))
        return word[:1].islower() and not caption and not TERMS_VERB.match(word)

    def _phrase(self, first: int, end: int) -> FieldValue:
        """The words from ``first`` to the sentence's end, less a trailing infinitive ('... zu begleichen'), a word
        for payable ('... zahlbar') or a numberless clause after a comma, where the rest still counts days."""
        words = self.words[first:end]
        raw = " ".join(w.text for w in words).rstrip(".;։।۔。")
        raw = re.sub(r"\s+(?:zu|te)\s+\w+$", "", raw)
        rest, _, last = raw.rpartition(" ")
        if rest and PAYABLE.match(last) and net_days(rest) == net_days(raw):
            raw = rest
        # a clause on something else after a comma, no number in it ('..., más el ITBMS correspondiente'), or a
        # remark in brackets ('... հետո (ըստ հաշվի)')
        clause = re.fullmatch(r"(.*\d.*?)(?:,\s+[^\d,]+|\s+\([^\d()]+\))", raw)
        if clause is not None and net_days(clause[1]) is not None:
            raw = clause[1]
        # terms without a number read the same without a clause after a comma ('por mes adelantado, más el ITBMS
        # correspondiente'), or the sentence's word for payable before them ('payable on completion of ...')
        head = raw.split(", ")[0]
        if not re.search(r"\d", raw) and head != raw and net_days(head) == net_days(raw):
            raw = head
        lead, _, tail = raw.partition(" ")
        if tail and (PAYABLE.match(lead) or PAID.match(lead)) and net_days(tail) == net_days(raw):
            words, raw = words[1:], tail
        return _cell(raw, words[: len(raw.split())], self.page, raw)

    def _due_at_once(self, start: int) -> tuple[FieldValue, int] | None:
        """Terms without a number of days: due on a day of the month ('payable on the 25th of the month of invoice')
        or at once ('settles each invoice on presentation', 'sofort nach Erhalt zu begleichen'), from the words that
        say so to the end of their sentence, where the sentence is about an invoice or paying ('Risk passes on
        delivery', 'upon receipt of written notice' are no payment terms)."""
        i = start
        while i < len(self.words):
            end = self._sentence_end(i)
            sentence = self.words[i:end]
            low = " ".join(w.text.lower() for w in sentence)
            match = DAY_OF_MONTH.search(low) or EACH_MONTH.search(low) or RECEIPT.search(low)
            if match is not None and PAYING.search(low):
                first = i + low[: match.start()].count(" ")
                phrase = self._phrase(first, end)
                return phrase, net_days(str(phrase.value)) or 0
            i = end
        return None


BODY_FIELDS = ("expiry_date", "payment_terms", "buyer_tax_id", "vendor_tax_id")


def read_opening(doc: Document, extraction: Extraction) -> None:
    """Fill a contract's empty header fields (and a party name that is no company) from its opening's shapes."""
    if not doc.pages:
        return
    _read_opening(doc, extraction, Opening(doc))
    if extraction.doc_type != "contract" or len(doc.pages) < 2:
        return
    # a cover before the contract (its title, the parties, a date and contents, no clause): the next page opens
    # the contract proper, naming the two parties in its own sentence, and its clauses give what the cover cannot
    if all(extraction.fields.get(name) is not None for name in BODY_FIELDS):
        return
    second = Opening(doc, 1)
    if second.parties:
        read = dict(extraction.fields)
        _read_opening(doc, extraction, second)
        extraction.fields.update(read)  # the cover's readings stand: the next page only fills what it left empty


def _read_opening(doc: Document, extraction: Extraction, opening: Opening) -> None:
    typed = extraction.doc_type == "contract"  # by the extractor, not by the opening below
    if extraction.doc_type != "contract":
        if opening.effective_date() is None or not opening.prose_before_parties():
            return
        extraction.doc_type = "contract"  # two companies named in one dated sentence: an agreement
    fields = extraction.fields
    _expiry_follows_effective(fields)
    found: dict[str, FieldValue] = {}
    number = opening.contract_number()
    if number is not None and fields.get("contract_number") is None:
        found["contract_number"] = number
        po = fields.get("po_number")
        if typed and po is not None and f" {po.value} " in f" {number.value} ":
            # the same code (or its digits) read as an order number; on a page the extractor read as an order,
            # which only the opening's shape calls an agreement, the order's number stays
            del fields["po_number"]
    parties = opening.party_names()
    if parties is not None:
        # the columns' captions say who is who in a table of the parties: a name read in the other's field gives way
        captioned = opening.captioned_vendor_first() is not None
        for name, party in zip(("buyer_name", "vendor_name"), parties, strict=True):
            theirs = fields.get(name)
            if (
                captioned
                and theirs is not None
                and theirs.value != party.value
                and any(_same_company(str(theirs.value), str(p.value)) for p in parties)
            ):
                found[name] = party
                continue
            printed = str(theirs.value).split() if (theirs := fields.get(name)) is not None else []
            # the extractor's (or the agreement reader's) own reading stands where it is a company's name or a
            # name the opening sentence prints ('The Regents of ...'); the title or a table header goes
            # a bare 'GmbH' or 'Pty Ltd' is no name; nor the opening's name with a number read before it (a tax
            # id on the line above)
            ours = str(party.value).split()
            glued = len(printed) > len(ours) and printed[-len(ours) :] == ours
            # some words of the opening's name without its form: a reader (the layout model on a scan) stopped
            # inside the name ('Vestlandske' of 'Vestlandske Mekaniske ASA')
            inside = 0 < len(printed) < len(ours) and not LEGAL_FORM.match(printed[-1])
            # the tail of a name the opening prints and the words after it ('Limited, TIN' of '... Company Limited,
            # TIN 5219079292'): a reader (the layout model on a scan) started inside the name
            plain = [word.rstrip(",;") for word in printed]
            straddles = any(
                plain[:k] == [word.rstrip(",;") for word in str(p.value).split()][-k:]
                for p in parties
                for k in range(1, min(len(plain), len(str(p.value).split())))
            )
            cut = (
                straddles
                or bare_legal_form(" ".join(printed))
                or glued
                and not any(re.search(r"[^\W\d_]", word) for word in printed[: -len(ours)])
                or inside
                and any(ours[k : k + len(printed)] == printed for k in range(len(ours)))
            )
            company = 2 <= len(printed) <= 8 and trailing_form(printed[-1].rstrip(",;")) and not cut
            text = " ".join(printed)
            # a party's role alone ('Contractor' over a signature, '(the Contractor)' in the sentence) names no one
            cut = cut or (
                len(printed) == 1 and any(r.fullmatch(printed[0].strip("(),.:;")) for r in (BUYER_ROLE, VENDOR_ROLE))
            )
            named = 0 < len(printed) <= 8 and text in opening.sentence_text() and text not in opening.title and not cut
            # a person (an NDA's employee) is neither and stands: only the title, a sentence or nothing gives way
            # a value read in the title or a row of boxes (under a form's caption) gives way only to the two names a
            # sentence joins
            boxed = (text in opening.title or in_a_table_row(doc, theirs)) and opening.joined
            foreign = not printed or boxed or len(printed) > 8 or cut
            # a word its reader doubted (a street the layout model tagged, confidence near 0) is no reading to keep
            doubted = theirs is not None and theirs.confidence < DOUBT and not company
            if not (company or named) and foreign or doubted:
                found[name] = party
        _one_party_each(fields, found, parties)
        ids = opening.party_tax_ids()
        for name, tax_id, other in zip(("buyer_tax_id", "vendor_tax_id"), ids, ids[::-1], strict=True):
            theirs = fields.get(name)
            # empty, the other party's id given to this one, or a value no check digits accept (the layout
            # model tags a date on a scan: '2027-12-02') where the opening prints a valid id
            unproven = theirs is not None and isinstance(theirs.value, str) and not is_valid_tax_id(theirs.value)
            others = theirs is not None and other is not None and theirs.value == other.value
            if tax_id is not None and (theirs is None or others or unproven):
                found[name] = tax_id
            elif tax_id is None and others:
                del fields[name]  # the id the opening prints after the other party's name, and none after this one
    # no opening sentence naming both parties: a sentence printing the term's two ends dates the contract before
    # a date read under a caption (a revision history's first row)
    term = opening.term_sentence() if typed and not opening.parties else None
    if fields.get("effective_date") is None:
        effective = (
            opening.effective_date()
            or opening.term_start()
            or opening.dateline()
            or (term[0] if term else None)
            or _dated_form(fields)
            or opening.signed_last()
        )
        if effective is not None:
            found["effective_date"] = effective
    if term is not None and found.get("effective_date") is term[0] and fields.get("expiry_date") is None:
        found["expiry_date"] = term[1]
    _term_begins_later(opening, fields, found)
    effective_cell = found.get("effective_date") or fields.get("effective_date")
    expiry_open = fields.get("expiry_date") is None and "expiry_date" not in found
    if expiry_open and effective_cell is not None and isinstance(effective_cell.value, date):
        expiry = opening.expiry_date(effective_cell.value)
        if expiry is not None:
            found["expiry_date"] = expiry
    theirs = fields.get("payment_terms")
    # a value that says no days where the body prints them ('5. The Consultant is ...' under a wrapped 'payment.')
    dayless = theirs is not None and net_days(str(theirs.value)) is None and fields.get("payment_terms_days") is None
    read = opening.payment_terms() or _later_paying_days(doc)
    if (theirs is None or _cut(theirs) or dayless or _wrapped(theirs, read)) and read is not None:
        terms, days = read
        if theirs is None or _words_of(str(theirs.value)) in _words_of(str(terms.value)) or dayless and days:
            found["payment_terms"] = terms  # empty, or read as a piece ('21') of the phrase the body prints
            if fields.get("payment_terms_days") is None and days is not None:
                found["payment_terms_days"] = replace(terms, value=days)
    if found:
        fields.update(found)
        extraction.review_reasons += [f"low confidence: {name} ({CONFIDENCE:.2f})" for name in sorted(found)]
        recheck_required(extraction)


def _later_paying_days(doc: Document) -> tuple[FieldValue, int] | None:
    """Days in a sentence about paying on a later page, where the first holds none: a cover page with the parties
    and a list of contents, the clauses from the second page on ('3. Billing ... pays within 30 days of the
    bill'). Only a paying sentence's days: a later page's other days (notice, delivery) are no terms."""
    for index in range(1, min(len(doc.pages), 4)):
        read = _a_clause(Opening(doc, index)._days(0, paying=True))
        if read is not None:
            return read
    return None


def _a_clause(read: tuple[FieldValue, int] | None) -> tuple[FieldValue, int] | None:
    """Terms read from outside the body only where they end as a clause does, in a dozen words at most: a form's
    boxes have no full stop, and their 'sentence' runs on over the next captions ('10 giorni fine mese FACTUURADRES
    VERKOPER ...')."""
    return read if read is not None and len(str(read[0].value).split()) <= 12 else None


def _term_begins_later(opening: Opening, fields: dict[str, FieldValue], found: dict[str, FieldValue]) -> None:
    """The opening's date is the day the parties signed; a later sentence giving the term's start and its length
    or end ('commences on 1 April 2026 and continues for eighteen (18) months') within a year after it dates the
    contract's effect, and the expiry reckoned from the signing follows."""
    signed, start = opening.effective_date(), opening.term_start(one_sentence=True)
    current = found.get("effective_date") or fields.get("effective_date")
    if signed is None or start is None or current is None or current.value != signed.value:
        return
    if not isinstance(signed.value, date) or not isinstance(start.value, date):
        return
    if signed.value < start.value <= signed.value + timedelta(days=366):
        fields["effective_date"] = found["effective_date"] = start
        _expiry_follows_effective(fields)


def _one_party_each(
    fields: dict[str, FieldValue], found: dict[str, FieldValue], parties: tuple[FieldValue, ...]
) -> None:
    """A party filled from the opening that the other party's value already names (another reader put the opening's
    first name in the other field: readers order parties their own way) takes the opening's other name, or none."""
    for name, other in (("buyer_name", "vendor_name"), ("vendor_name", "buyer_name")):
        theirs = found.get(other) or fields.get(other)
        if name not in found or theirs is None:
            continue
        left = [p for p in parties if not _same_company(str(theirs.value), str(p.value))]
        if found[name] in left:
            continue
        if left:
            found[name] = left[0]
        else:
            del found[name]


def _same_company(a: str, b: str) -> bool:
    """One name printed whole in the other ('Rural Cellular Corporation'), not just its legal form ('GmbH & Co. KG')."""
    (short, printed), (long, _) = sorted(((_words_of(a), a), (_words_of(b), b)), key=lambda pair: len(pair[0]))
    named = any(not (LEGAL_FORM.match(w) or JOINER.match(w)) for w in printed.split())
    return short == long or named and short in long


def _dated_form(fields: dict[str, FieldValue]) -> FieldValue | None:
    """A contract's one date read under a caption, taken for an order's date ('Subscription Start  30/06/2026' on an
    order form): the day the contract starts. Not where a total is printed: an order the caller calls a contract."""
    dated = fields.get("order_date")
    if dated is None or not isinstance(dated.value, date) or fields.get("total") is not None:
        return None
    return replace(dated, confidence=min(dated.confidence, CONFIDENCE))


def term_length(text: str) -> relativedelta | None:
    """A term's length as printed ('for a period of 36 months', 'two (2) years', '12 Monaten', '6 weeks'), else
    None."""
    words = [w.strip(",.;()") for w in text.split()]
    for i, word in enumerate(words[:-1]):
        unit = words[i + 1] if words[i + 1] else (words[i + 2] if i + 2 < len(words) else "")
        number = number_value(word.casefold()) if word else None
        if number is None or not 0 < number <= 240 or number_value(unit.casefold()):
            continue
        if MONTH_UNIT.match(unit) or YEAR_UNIT.match(unit):
            return relativedelta(months=number * (12 if YEAR_UNIT.match(unit) else 1))
        if WEEK_UNIT.match(unit):
            return relativedelta(weeks=number)
    for word, count in zip(words, words[1:], strict=False):
        first = UNIT_FIRST.match(word)
        if first is not None and count.isdigit() and 0 < int(count) <= 240:  # 'miezi 12'
            return relativedelta(months=int(count) * (12 if first.group("years") else 1))
    return None


def term_months(text: str) -> int | None:
    """The months of a term printed in months or years (``term_length``), else None."""
    term = term_length(text)
    return None if term is None or term.days else 12 * term.years + term.months


def _expiry_follows_effective(fields: dict[str, FieldValue]) -> None:
    """An expiry reckoned from a printed term follows the effective date where a later reader changed that date
    (day and month read the other way round)."""
    expiry, effective = fields.get("expiry_date"), fields.get("effective_date")
    if expiry is None or effective is None or not isinstance(effective.value, date) or not expiry.raw:
        return
    if parse_date(expiry.raw) is not None or (term := term_length(expiry.raw)) is None:
        return
    reckoned = effective.value + term - timedelta(days=1)
    if reckoned != expiry.value:
        fields["expiry_date"] = replace(expiry, value=reckoned)


def _wrapped(cell: FieldValue, read: tuple[FieldValue, int | None] | None) -> bool:
    """Terms read up to a line's end where their sentence wraps on ('within sixty (60) days of receipt' of '...
    of receipt of a valid invoice.'): the body's phrase starts with them, counts the same days and goes on for a
    few words more."""
    if read is None:
        return False
    mine, theirs = str(read[0].value).split(), str(cell.value).split()
    more = len(mine) - len(theirs)
    return 0 < more <= 5 and mine[: len(theirs)] == theirs and net_days(" ".join(mine)) == net_days(" ".join(theirs))


def _cut(cell: FieldValue) -> bool:
    """Terms read as a bare number or a word or two of a phrase: no reference event, nothing to pay by."""
    return len(str(cell.value).split()) <= 2 and any(ch.isdigit() for ch in str(cell.value))


def _words_of(text: str) -> str:
    return " " + " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split()) + " "


def in_a_table_row(doc: Document, cell: FieldValue | None) -> bool:
    """The value stands on a line of three or more blocks set apart by wide gaps: a table's row or its column
    headers ('Activity   Billing basis   Fee Level'), not where a party is named."""
    if cell is None or cell.bbox is None or cell.page is None:
        return False
    page = next((p for p in doc.pages if p.number == cell.page), None)
    if page is None:
        return False
    middle = (cell.bbox[1] + cell.bbox[3]) / 2
    char = typical_char_width(page.words)
    for line in group_lines(page.words):
        if line.top <= middle <= line.bottom:
            return len(split_phrases(line, char)) >= 3
    return False


GUTTER = 3  # line heights: a gap wider than this between two words of a line parts two columns, not two words


def _same_line(word: Word, after: Word) -> bool:
    top, bottom = max(word.bbox[1], after.bbox[1]), min(word.bbox[3], after.bbox[3])
    return bottom - top > 0.5 * (word.bbox[3] - word.bbox[1])


def _gutter_between(word: Word, after: Word) -> bool:
    """``after`` stands on ``word``'s line a column's gutter to its right."""
    return _same_line(word, after) and after.bbox[0] - word.bbox[2] > GUTTER * (word.bbox[3] - word.bbox[1])


def _line_left(words: list[Word], index: int) -> float:
    """Where the line of ``words[index]`` starts, within its column (no gutter crossed)."""
    k = index
    while k > 0 and _same_line(words[k - 1], words[k]) and not _gutter_between(words[k - 1], words[k]):
        k -= 1
    return words[k].bbox[0]
