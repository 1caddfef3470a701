"""An order's facts under captions in any of the languages orders come in: ``read_facts(doc, extraction)``.

The extractor's captions are English; an order printed in Polish, Finnish or Turkish names its number, its date
and its terms with words it does not know ('Nr zamówienia', 'Tilauspäivä', 'Ödeme koşulları'). A caption is known
here by the stem of the word a language names an order with (written from the languages' ordinary words, as
``vocabulary.DOCUMENT_TITLE``), whether it names a date too, or the stem of its word for paying; its value is read
by shape where a form prints it (after the caption, in the next phrase on the line, under it): a code with digits,
a date in any CLDR locale the project reads (weekday and all), terms with a number of days or an event to pay on.
A caption that names an order and a date is the order's date, never a delivery, quote or print date (their
captions name no order); one that names an order and no date, the order's own number, not a customer's,
requisition's or delivery note's (their captions name no order).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from extraction.countries import currency_of_sign, page_date_order, shared_sign
from extraction.currencycodes import caption_of_letters
from extraction.document import Document, Word, words_box
from extraction.layout import Line, group_lines, phrase_lines, phrase_texts, split_phrases, typical_char_width
from extraction.normalize import (
    currency_names,
    iso_codes,
    parse_date,
)
from extraction.references import could_be_reference, with_series
from extraction.result import Extraction, FieldValue, Value
from extraction.terms import (
    DAY_QUALIFIER,
    DAYS,
    FULL_PREPAYMENT,
    NOT_TERMS,
    PAYING_STEMS,
    RECEIPT,
    SHORT_DAYS,
    parse_terms,
)

# the word for an order, at a word's start or ending a compound ('Bestillingsdato', 'Ordrenr.', 'Tilauspäivä')
ORDER_STEMS = (
    "order", "ordre", "ordine", "orden", "ordem", "bestell", "bestel", "beställ", "bestill", "commande", "pedido",
    "encomenda", "comand", "comenz", "zamówieni", "objednáv", "tilau", "rendel", "sipariş", "siparis", "auftrag",
    # the other languages read: Lithuanian, Latvian, Estonian, Greek, Croatian/Slovene, Russian, Ukrainian, Bulgarian,
    # Icelandic
    "užsakym", "uzsakym", "pasūtījum", "pasutijum", "tellimus", "παραγγελ", "narudžb", "naročil", "заказ",
    "замовлен", "поръчк", "pöntun",
)  # fmt: skip
ORDER_WORD = re.compile(r"(?:\b|(?<=\w{3}))(?:" + "|".join(ORDER_STEMS) + ")", re.IGNORECASE)
# a date's word, alone or ending a compound ('Besteldatum', 'Data zamówienia', 'Sipariş tarihi', 'Tilauspäivä')
DATE_WORD = re.compile(r"(?:\b|(?<=\w{3}))(?:date|datum|data|dato|fecha|päivä|pvm|dátum|tarih|dne)", re.IGNORECASE)
# the word for paying or its terms ('Zahlungsbedingungen', 'Płatne', 'Betalingsbetingelser', 'Ödeme', 'Maksuehdot')
SECTION_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-z])[.)]")
PAY_WORD = re.compile(
    r"(?:\b|(?<=\w{3}))(?:"
    + PAYING_STEMS
    + r"|vade|forfald|förfall|forfall|terms|due\b|vencim|scaden|échéan|eräp|splatn|lejár|termen)",
    re.IGNORECASE,
)
# a date's caption that names another event than the order: delivery, a quote or offer, printing, a due or valid
# date, or a wish ('Lieferdatum', 'Data oferty', 'Udskrevet', 'Required by', 'Ønsket levering')
OTHER_DATE = re.compile(
    r"deliver|liefer|livr|entreg|consegn|lever|dostaw|dodán|dodan|dodac|toimit|szállít|teslim|ship|versand|dispatch"
    r"|quot|offer|angebot|devis|ofert|offert|tilbud|preventiv|nabíd|tarjo|ajánlat|teklif|propost|presupuest"
    r"|print|druck|impr|udskr|utskr|tulost|wydruk|tisk|nyomtat|yazd"
    r"|due|fällig|échéan|vencim|scaden|forfald|förfall|forfall|splatn|termin|esed|vade|required|need|wunsch"
    r"|ønsk|önsk|valid|gültig|validit|geldig|expir|until|bis\b",
    re.IGNORECASE,
)
MOST_CAPTION_WORDS = 4
CONFIDENCE = 0.8
GUESS = 0.6  # a date placed by what its caption does not say


def read_facts(doc: Document, extraction: Extraction, terms_only: bool = False, as_order: bool = False) -> None:
    """The order's number, date and terms read under captions that name them in any language, and its currency by
    name. Read under a caption, the number and the date replace the extractor's; placed by shape alone (a guess),
    they fill what is missing or replace a date printed for another event. The terms replace the extractor's where
    those are missing, part of these, these with their caption, or an event where these count days; the currency by
    name only fills. ``terms_only``: the terms alone, whatever the document's type; ``as_order``: all of them,
    whatever the document's type (the caller names it an order)."""
    if not doc.pages or extraction.doc_type == "contract" and not terms_only and not as_order:
        return
    found, others = facts(doc)
    fields = extraction.fields
    for name in () if terms_only else ("po_number", "order_date"):
        cell, read = found.get(name), fields.get(name)
        guessed = cell is not None and cell.confidence <= GUESS
        if cell is not None and (not guessed or read is None or read.value is None or read.value in others):
            fields[name] = cell  # a guessed date replaces only a date printed for another event
    if fields.get("currency") is None and not terms_only:
        named = currency_by_name(doc)
        if named is not None:
            fields["currency"] = named
    if fields.get("currency") is None and not terms_only:
        coded = _currency_code_in_a_cell(doc)
        if coded is not None:
            fields["currency"] = coded
    if not terms_only:
        _currency_of_the_sign(doc, extraction)
    terms = found.get("payment_terms")
    if terms is not None:
        read = fields.get("payment_terms")
        printed = "" if read is None or read.value is None else str(read.value)
        # the extractor's terms are part of these, or these and their caption before them
        captioned = printed.endswith(str(terms.value)) and PAY_WORD.search(printed[: -len(str(terms.value))])
        theirs, mine = parse_terms(printed), parse_terms(str(terms.value))
        # a number of days beats an event read from a caption's letters ('COD FISCAL' is no cash on delivery)
        counted = mine is not None and mine.net_days > 0 and (theirs is None or theirs.net_days == 0)
        # the extractor's a heading of a few words that reads as no terms ('Payment schedule'), these as terms
        heading = theirs is None and mine is not None and len(printed.split()) <= 3 and not re.search(r"\d", printed)
        if not printed or printed in str(terms.value) or captioned or counted or heading or _another_clause(printed):
            fields["payment_terms"] = terms
            if mine is not None:
                fields["payment_terms_days"] = FieldValue(mine.net_days, CONFIDENCE, terms.page, terms.bbox)
            elif _worded_terms(str(terms.value), None):  # terms that name no days to wait are due at once
                fields["payment_terms_days"] = FieldValue(0, GUESS, terms.page, terms.bbox)


def _track_step(
    phrase: Line, caption: list[Word], below: list[list[Line]], hint: str | None
) -> tuple[date, list[Word], str] | None:
    """A step of a status track after the order's number, three steps or more side by side: one word naming the
    order ('Ordered' between 'Approved' and 'Expected delivery') over a date centred under it, the day of ordering."""
    if len(caption) != 1 or len(phrase.words) != 1 or not caption[0].text.isalpha():
        return None
    for phrases in below:
        for under in phrases:
            centre = (under.bbox[0] + under.bbox[2]) / 2
            near = under.top - phrase.bottom < 6 * phrase.height
            dated = _date(under.words, hint) if near and phrase.bbox[0] <= centre <= phrase.bbox[2] else None
            if dated is not None and len(dated[1]) == len(under.words):
                return dated
    return None


def _another_clause(text: str) -> bool:
    """Terms read from a list's other clause: its own caption names another event ('1. Delivery: within 15 days
    ...' under 'Terms and Conditions', where '2. Payment: ...' follows)."""
    caption = re.match(r"^(?:\d{1,2}[.)]\s*)?([^\W\d][^:\d]{0,30}):\s", text)
    return caption is not None and bool(NOT_TERMS.search(caption[1])) and not PAY_WORD.search(caption[1])


def currency_by_name(doc: Document) -> FieldValue | None:
    """The currency a CLDR name or sign of it names beside an amount ('9.029,60 złotych polskich', 'euro
    168'758.65', '47 242,47 euroa', '13'337.25 ₺'), in any language the project reads: the one named most often.
    Names of four letters or more, and short signs with a letter no ASCII has ('zł', 'Kč', '₺'); never a sign several
    currencies share ('$', 'kr')."""
    names, pattern = _currency_pattern()
    votes: dict[str, int] = {}
    first: dict[str, tuple[int, Line]] = {}
    for page in doc.pages:
        for line in group_lines(page.words):
            low = line.text.lower()
            for match in pattern.finditer(low):
                before, after = low[: match.start()].split()[-1:], low[match.end() :].split()[:1]
                if not any(re.search(r"\d[.,' ]?\d", w) for w in before + after):
                    continue  # a name beside an amount, not in an address or a sentence ('Viale Europa')
                code = names[match.group(0)]
                votes[code] = votes.get(code, 0) + 1
                first.setdefault(code, (page.number, line))
    if not votes:
        return None
    code = max(votes, key=lambda c: votes[c])
    page_number, line = first[code]
    return FieldValue(code, 0.7, page_number, line.bbox, line.text)


@lru_cache(maxsize=1)
def _currency_pattern() -> tuple[dict[str, str], re.Pattern[str]]:
    names = {n: c for n, c in currency_names().items() if (len(n) >= 4 or not n.isascii()) and "$" not in n}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return names, re.compile(r"(?<![\w])(?:" + alternatives + r")(?![\w])")


def facts(doc: Document) -> tuple[dict[str, FieldValue], set[Value]]:
    """The first order number, order date and terms the first page prints under their captions; and the dates
    printed for other events (delivery, quote, print, due)."""
    page = doc.pages[0]
    words = _without_row_numbers(page.words)
    lines = phrase_lines(words)
    hint = page_date_order([phrase.text for phrases in lines for phrase in phrases])
    out: dict[str, FieldValue] = {}
    dates: list[tuple[str, FieldValue]] = []  # every date the header prints under or after a caption (or alone)
    worded: FieldValue | None = None  # terms in words alone under a paying caption, where none name days
    for index, phrases in enumerate(lines):
        for p_index, phrase in enumerate(phrases):
            phrase = _unnumbered(phrase)
            for caption, places in _captions(phrase, phrases[p_index + 1 :], lines[index + 1 : index + 3]):
                text = " ".join(w.text for w in caption)
                for words in places[:1] if len(caption) < len(phrase.words) else places:
                    dated = _date(words, hint)
                    if dated is not None:
                        dates.append((text, FieldValue(dated[0], GUESS, page.number, words_box(dated[1]), dated[2])))
                        break
                if names_order(text):
                    name = "order_date" if DATE_WORD.search(text) else "po_number"
                    if name == "po_number" and name in out and "order_date" not in out and len(phrases) >= 3:
                        stepped = _track_step(phrase, caption, lines[index + 1 : index + 3], hint)
                        if stepped is not None:
                            out["order_date"] = FieldValue(
                                stepped[0], CONFIDENCE, page.number, words_box(stepped[1]), stepped[2]
                            )
                    if name in out:
                        continue
                    for words in places:
                        value = _date(words, hint) if name == "order_date" else _code(words, captioned=True)
                        if value is not None:
                            out[name] = FieldValue(value[0], CONFIDENCE, page.number, words_box(value[1]), value[2])
                            if name == "po_number" and "order_date" not in out:
                                # prose: 'Order 4711 of 5 March 2026', the date after the number
                                dated = _date_after(words[len(value[1]) :], hint)
                                if dated is not None:
                                    out["order_date"] = FieldValue(
                                        dated[0], CONFIDENCE, page.number, words_box(dated[1]), dated[2]
                                    )
                            break
                elif PAY_WORD.search(text) and "payment_terms" not in out:
                    inline = len(caption) < len(phrase.words)
                    # inline only where print sets the caption apart, or the caption (of two words, or a date's)
                    # ends in its paying word and the terms start with their days ('Modalità di pagamento 20 gg')
                    split = _split(phrase.words)
                    apart = (
                        not inline
                        or len(caption) == split
                        # a caption in capitals ends where the capitals do ('MAKSUEHDOT Due 90 days ...')
                        or text.isupper()
                        and not phrase.words[len(caption)].text.isupper()
                        or split is None
                        and (
                            (len(caption) >= 2 or DATE_WORD.search(text) is not None)  # 'Forfaldsdato 2% ...'
                            and PAY_WORD.search(caption[-1].text) is not None
                            and phrase.words[len(caption)].text[:1].isdigit()
                        )
                    )
                    for words in places[1:] if inline and not apart else places:
                        value_text = _without_full_stop(" ".join(w.text for w in words))
                        if _terms(value_text):
                            out["payment_terms"] = FieldValue(value_text, CONFIDENCE, page.number, words_box(words))
                            break
                        if worded is None and _worded_terms(value_text, hint):
                            worded = FieldValue(value_text, GUESS, page.number, words_box(words))
            alone = _date(phrase.words, hint)
            if alone is not None and len(alone[1]) == len(phrase.words):
                dates.append(("", FieldValue(alone[0], GUESS, page.number, phrase.bbox, alone[2])))
        # terms printed alone, the paying word their own ('Zahlbar innerhalb 10 Tagen'): the whole phrase
        # (or by shape alone, where neither its line nor the line above names a delivery, an offer or a warranty)
        near = " ".join(p.text for p in phrases + (lines[index - 1] if index else []))
        for phrase in phrases:
            rest = _uncaptioned(phrase.words[_split(phrase.words) or 0 :])
            text = " ".join(w.text for w in rest)
            shaped = not NOT_TERMS.search(near) and _terms_shape(text)
            running = _runs_on(phrase, phrases, lines, index)
            clause = _after_paying_colon(running) or _after_paying_word(running)
            if "payment_terms" not in out and clause is not None:
                out["payment_terms"] = FieldValue(clause[0], CONFIDENCE * 0.9, page.number, words_box(clause[1]))
            if "payment_terms" not in out and (PAY_WORD.search(phrase.text) or shaped) and _terms(text):
                out["payment_terms"] = FieldValue(
                    _without_full_stop(text), CONFIDENCE * 0.9, page.number, words_box(rest)
                )
            ending = _clause_after_colon(phrase.words)
            if "payment_terms" not in out and ending is not None and not NOT_TERMS.search(near):
                out["payment_terms"] = FieldValue(ending[0], CONFIDENCE * 0.9, page.number, words_box(ending[1]))
            if "payment_terms" not in out and not NOT_TERMS.search(near) and _at_once_cell(text):
                out["payment_terms"] = FieldValue(text, GUESS, page.number, words_box(rest))
    if "payment_terms" not in out and worded is not None:
        out["payment_terms"] = worded
    if "po_number" not in out:
        _number_beside_date(lines, hint, out, page.number)
    if "order_date" not in out:
        guessed = _order_date(dates, out.get("po_number"))
        if guessed is not None:
            out["order_date"] = _beside_captioned_number(guessed, out.get("po_number"))
    if "po_number" not in out and "order_date" in out:
        number = _code_over(lines, out["order_date"])
        if number is not None:
            out["po_number"] = number
    other = {_place(value) for caption, value in dates if OTHER_DATE.search(caption)}
    others = {value.value for _, value in dates if _place(value) in other}
    return out, others - {cell.value for cell in out.values()}


def _without_row_numbers(words: list[Word]) -> list[Word]:
    """The page less a spreadsheet's row numbers: a column of whole numbers down the left edge, each one more than
    the one above ('2 Número de pedido', '3 Fecha'), that would stand before every caption."""
    left = min((w.bbox[0] for w in words), default=0.0)
    gutter = sorted((w for w in words if w.text.isdigit() and w.bbox[0] - left < 0.01), key=lambda w: w.bbox[1])
    steps = sum(int(b.text) == int(a.text) + 1 for a, b in zip(gutter, gutter[1:], strict=False))
    if len(gutter) < 5 or steps < 0.8 * (len(gutter) - 1):
        return words
    numbers = {id(w) for w in gutter}
    return [w for w in words if id(w) not in numbers]


def _currency_code_in_a_cell(doc: Document) -> FieldValue | None:
    """An ISO code alone in the cell after a caption of letters ('Divisa | CLP', 'Valūta | EUR'): the currency of
    an order that prints its amounts without any sign."""
    page = doc.pages[0]
    width = typical_char_width(page.words)
    for line in group_lines(_without_row_numbers(page.words)):
        phrases = split_phrases(line, width)
        for caption, value in zip(phrases, phrases[1:], strict=False):
            if caption_of_letters(caption, most_words=2) and len(value.words) == 1 and value.text in iso_codes():
                return FieldValue(value.text, GUESS, page.number, value.bbox, value.text)
    return None


def _currency_of_the_sign(doc: Document, extraction: Extraction) -> None:
    """Where the page prints its amounts with a sign several currencies share ('kr', '$') and no currency's code,
    the currency that sign stands for in the country the page names, or in its language ('kr.' on a Danish
    order: DKK, not the Swedish crown a bare 'kr' was taken for)."""
    texts = [text for page in doc.pages for text in phrase_texts(page.words)]
    sign = shared_sign(texts)
    if sign is None:
        return
    codes = {token for text in texts for token in re.findall(r"\b[A-Z]{3}\b", text)} & iso_codes()
    current = extraction.fields.get("currency")
    if current is not None and current.value in codes:
        return  # the code printed says which
    code = currency_of_sign(sign, texts)
    if code is not None and (current is None or current.value != code):
        extraction.fields["currency"] = FieldValue(code, GUESS, current.page if current else None, None, sign)


def names_order(text: str) -> bool:
    """A caption that names an order: its word in a language ('Bestellnummer', 'Nr zamówienia'), or an
    abbreviation of it with a stop ('Obj. č.', 'Best.-Nr.')."""
    if ORDER_WORD.search(text):
        return True
    return any(
        stem.startswith(word.casefold()) for word in re.findall(r"([^\W\d_]{3,})\.", text) for stem in ORDER_STEMS
    )


def _number_beside_date(
    lines: list[list[Line]], hint: str | None, out: dict[str, FieldValue], page_number: int
) -> None:
    """A phrase that prints a code and a date after it, with at most three words before them and one between
    ('Order 4711 of 5 March 2026' whatever its words): the order's number and date, as a guess."""
    for phrases in lines:
        for phrase in phrases:
            words = phrase.words
            for lead in range(0, min(3, len(words) - 1) + 1):
                caption = " ".join(w.text for w in words[:lead])
                if OTHER_DATE.search(caption) or any(re.search(r"\d", w.text) for w in words[:lead]):
                    break
                code = _code(words[lead:])
                if code is None:
                    continue
                after = words[lead + len(code[1]) :]
                dated = _date(after, hint) or _date(after[1:], hint)
                if dated is not None and len(words) - lead - len(code[1]) - len(dated[1]) <= 1:
                    out["po_number"] = FieldValue(code[0], GUESS, page_number, words_box(code[1]), code[2])
                    if "order_date" not in out:
                        out["order_date"] = FieldValue(dated[0], GUESS, page_number, words_box(dated[1]), dated[2])
                    return
                break


def _code_over(lines: list[list[Line]], dated: FieldValue) -> FieldValue | None:
    """A code alone in its phrase right above the order's date, at its left edge, or in the cell just before it:
    the order's number (a corner, panel or row of facts printed without captions), as a guess."""
    if dated.bbox is None:
        return None
    x, top = dated.bbox[0], dated.bbox[1]
    height = dated.bbox[3] - dated.bbox[1]
    for phrases in lines:
        for phrase in phrases:
            if abs(phrase.bbox[0] - x) < 0.01 and 0 <= top - phrase.bottom < 2 * height and len(phrase.words) == 1:
                code = _code(phrase.words)
                if code is not None:
                    return FieldValue(code[0], GUESS, dated.page, words_box(code[1]), code[2])
    # a row of cells without captions, or under captions unknown ('2027-06098 | 26.06.2027'): the code alone in
    # the cell just before the date's on its line
    for phrases in lines:
        for before, phrase in zip(phrases, phrases[1:], strict=False):
            beside = abs(phrase.bbox[0] - x) < 0.01 and abs(phrase.bbox[1] - top) < 0.5 * height
            if beside and len(before.words) == 1 and (code := _code(before.words)) is not None:
                return FieldValue(code[0], GUESS, dated.page, words_box(code[1]), code[2])
    return None


def _worded_terms(text: str, hint: str | None) -> bool:
    """Terms in words under a caption that names paying, no number of days among them ('Betalt med kort', 'a
    pronto'): two to five words of letters, the only number a whole sum in percent ('Prepaid 100%'); not a date, nor
    a caption (one word alone, or words that name a date, an order or a delivery: the next cell's caption)."""
    words = text.split()
    if not 2 <= len(words) <= 5 or re.search(r"\d", re.sub(r"(?<![\d.,])100\s*%", "", text)):
        return False
    if parse_date(text, hint) is not None or any(p.search(text) for p in (DATE_WORD, NOT_TERMS)):
        return False
    if names_order(text):
        return False
    return sum(len(w) for w in re.findall(r"[^\W\d_]+", text)) >= 4 and not text.rstrip().endswith(":")


def _at_once_cell(text: str) -> bool:
    """A cell that is wholly terms due at once, printed without a caption ('Rimessa diretta', 'Käteinen', 'Heti
    laskun saavuttua'): a phrase of at most four words without a digit, four letters or more, that the one pattern of
    terms due at once reads half of or more."""
    low = " ".join(text.lower().strip(" .;:").split())
    if len(re.sub(r"\W", "", low)) < 4 or len(low.split()) > 4 or re.search(r"\d", low):
        return False  # never an abbreviation alone ('COD' heads a column of codes in Romanian)
    match = RECEIPT.search(low)
    return match is not None and len(match.group(0).strip()) >= 0.5 * len(low) and parse_terms(low) is not None


def _terms_shape(text: str) -> bool:
    """Terms known by shape alone, without a paying word: an early-payment discount with its days and the net days
    ('1% skonta przy zapłacie w 8 dni, netto 30 dni'), or a short phrase of a number of days and a few words that
    name no other event ('Bonifico a 14 giorni')."""
    terms = parse_terms(text)
    if terms is None or terms.net_days <= 0 or NOT_TERMS.search(text):
        return False
    if terms.discount_pct is not None:
        return True
    return len(text.split()) <= 7 and len(re.findall(r"\d+", text)) == 1


def _after_paying_colon(words: list[Word]) -> tuple[str, list[Word]] | None:
    """Terms captioned inside a sentence, a clause of their own: a paying word ending in a colon, the terms after it
    up to the clause's ';' or ',' or the sentence's end ('... PVM kodas LT245483819; apmokėjimo sąlygos: per 14
    dienų; prekes ...')."""
    for k, word in enumerate(words[1:], start=1):
        caption = words[max(0, k - 2) : k + 1]
        if not word.text.endswith(":") or not any(PAY_WORD.search(w.text) for w in caption):
            continue
        for end in range(k + 1, min(len(words), k + 8)):
            if words[end].text[-1:] in ";," or end == len(words) - 1:
                value = words[k + 1 : end + 1]
                text = _without_full_stop(" ".join(w.text for w in value).rstrip(";,"))
                return (text, value) if _terms(text) else None
        return None
    return None


def _after_paying_word(words: list[Word]) -> tuple[str, list[Word]] | None:
    """Terms inside a sentence, a clause of their own opened by a paying word without a colon, up to the clause's
    ',' or ';' ('Please supply the goods below, payment cash on delivery, prices in AUD, ...', '..., betaling 30 dagen
    na factuurdatum, ...'), or a sentence of its own after another's full stop, up to its end ('All prices in AUD.
    Payment 14 days net'): the words after the paying word, where they read as terms."""
    for k, word in enumerate(words[1:-1], start=1):
        before = words[k - 1].text
        if not before.endswith((",", ";", ".")) or not PAY_WORD.search(word.text) or word.text[-1:] in ",;:":
            continue
        sentence = before.endswith(".") and len(before.rstrip(".")) >= 3  # not an abbreviation's stop ('ca.')
        if before.endswith(".") and not sentence:
            continue
        for end in range(k + 1, min(len(words), k + 8)):
            # the clause ends at its ',' or ';', or where its sentence does (a full stop after a word, no
            # abbreviation's: 'gg.', 'd.')
            stop = words[end].text.endswith(".") and len(words[end].text.rstrip(".")) >= 3
            if words[end].text[-1:] in ";," or stop or sentence and end == len(words) - 1:
                value = words[k + 1 : end + 1]
                if any(w.text.endswith(":") for w in value):
                    break  # a caption of more words the paying word opens ('apmokėjimo sąlygos: 30 d.')
                text = _without_full_stop(" ".join(w.text for w in value).rstrip(";,"))
                return (text, value) if _terms(text) else None
        return None
    return None


def _runs_on(phrase: Line, phrases: list[Line], lines: list[list[Line]], index: int) -> list[Word]:
    """The phrase's words and, where it ends its line inside a paragraph, the next line's first phrase, which starts
    at the same left edge: a sentence's clause wraps ('..., payables à' / 'réception de la facture.')."""
    if phrase is not phrases[-1] or index + 1 >= len(lines) or not lines[index + 1]:
        return phrase.words
    following = lines[index + 1][0]
    same_edge = abs(following.bbox[0] - phrases[0].bbox[0]) < 2 * phrase.height
    close = following.top - phrase.bottom < 2 * phrase.height
    return phrase.words + following.words if same_edge and close and len(phrases) == 1 else phrase.words


def _clause_after_colon(words: list[Word]) -> tuple[str, list[Word]] | None:
    """Terms that end a sentence after its colon, whatever words lead to them ('Per questo ordine si applica:
    Bonifico 60 giorni fine mese.', 'El pago se realizará de la siguiente forma: A 45 días fecha factura.'): the
    clause after the last colon, known by shape (days and a few words, or a discount with its days)."""
    colons = [k for k, word in enumerate(words[:-1]) if word.text.endswith(":")]
    if not colons:
        return None
    value = words[colons[-1] + 1 :]
    text = _without_full_stop(" ".join(w.text for w in value))
    return (text, value) if _terms_shape(text) else None


def _without_full_stop(text: str) -> str:
    """Terms less the full stop of the sentence they end ('Netto 45 dage.', 'Ved mottak.'); an abbreviation's stop
    stays ('30 gg.', 'Net 30 d.')."""
    last = text.split()[-1] if text.split() else ""
    return text[:-1] if last.endswith(".") and len(last.rstrip(".")) >= 4 and last[:-1].isalpha() else text


def _uncaptioned(words: list[Word]) -> list[Word]:
    """Terms without the caption printed on their line before them, in words unknown or set in capitals ('FORFALL
    Netto 20 dager', 'Zahlungsbedingungen Zahlbar innerhalb 30 Tagen'): a word of letters before terms that start a
    sentence of their own (a capital, then no capital: 'Netto 20', 'Pago al contado'; never 'Due On Receipt') and
    read the same without it. A caption of more words ('Terms of Payment Net 60 days', 'Payment Terms T/T 30 days
    after B/L date', 'Modalitate de plată Numerar') is one where a word of it names paying: its words alone would be a
    sentence's."""
    for k in range(1, min(MOST_CAPTION_WORDS, len(words) - 1) + 1):
        caption, rest = words[:k], words[k:]
        if not all(w.text.rstrip(":").isalpha() for w in caption):
            return words
        if not rest[0].text[:1].isupper() or len(rest) > 1 and rest[1].text[:1].isupper():
            continue
        if (k > 1 or len(rest) == 1) and not any(PAY_WORD.search(w.text) for w in caption):
            continue  # terms of one word ('Maksuehto Hotově') only after a caption that names paying
        whole, alone = parse_terms(" ".join(w.text for w in words)), parse_terms(" ".join(w.text for w in rest))
        return rest if whole is not None and whole == alone else words
    return words


def _order_date(dates: list[tuple[str, FieldValue]], number: FieldValue | None) -> FieldValue | None:
    """Where no caption names the order's date: of the dates whose captions name no other event (delivery, quote,
    print, due), the one nearest the order's number; without a number, the first printed. A date whose caption
    names another event is never the order's."""
    other = {_place(value) for caption, value in dates if OTHER_DATE.search(caption)}
    kept = [value for _, value in dates if _place(value) not in other]
    if not kept:
        return None
    if number is None or number.bbox is None:
        return kept[0]
    x, y = number.bbox[0], number.bbox[1]
    return min(kept, key=lambda v: abs(v.bbox[0] - x) + abs(v.bbox[1] - y) if v.bbox else 9.0)


def _beside_captioned_number(dated: FieldValue, number: FieldValue | None) -> FieldValue:
    """A date placed by shape on the line of the order's number a caption names (a grid's row: 'Encomenda n.º |
    Data' over 'NE-66741 | 7 de setembro de 2024'): the order's date as surely as that number, over a date an
    extractor took from another block (a requisition's, above the order it raised)."""
    if number is None or number.confidence < CONFIDENCE or number.bbox is None or dated.bbox is None:
        return dated
    if number.page != dated.page:
        return dated
    overlap = min(number.bbox[3], dated.bbox[3]) - max(number.bbox[1], dated.bbox[1])
    if overlap < 0.5 * (dated.bbox[3] - dated.bbox[1]):
        return dated
    return FieldValue(dated.value, CONFIDENCE, dated.page, dated.bbox, dated.raw)


def _place(value: FieldValue) -> tuple[int | None, float, float]:
    """Where a date ends on its page: the same date read under its caption, after part of it or alone."""
    box = value.bbox or (0.0, 0.0, 0.0, 0.0)
    return value.page, round(box[2], 3), round(box[3], 3)


def _captions(phrase: Line, right: list[Line], below: list[list[Line]]) -> list[tuple[list[Word], list[list[Word]]]]:
    """(caption words, the places its value may stand) for each way the phrase starts with a caption of at most
    four words without a digit: the rest of the phrase, the next phrase on the line, the phrase under the caption on
    the next two lines. A split at a colon or a clearly wider gap than the phrase's others comes first."""
    words = phrase.words
    out = []
    split = _split(words)
    order = ([split] if split else []) + [k for k in range(1, min(_reach(words), len(words)) + 1) if k != split]
    for k in order:
        caption = words[:k]
        if any(re.search(r"\d", w.text) for w in caption) or any(w.text.endswith(",") for w in caption):
            break  # a value's digits, or a sentence's comma ('prevodom, splatnosť 30 dní'): no caption
        places = [words[k:]] if k < len(words) else []
        if k == len(words):
            if right and right[0].bbox[0] - phrase.bbox[2] < 0.35:
                places.append(right[0].words)
            under = _under(phrase, below)
            if under is not None:
                places.append(under)
        if places:
            out.append((caption, places))
    return out


def _unnumbered(phrase: Line) -> Line:
    """The phrase without the number of its section ('3. Règlement', 'IV) Τρόπος Πληρωμής'): a caption's digits
    are a value's, its section's number is none."""
    words = phrase.words
    if len(words) > 1 and SECTION_NUMBER.fullmatch(words[0].text) and not re.search(r"\d", words[1].text):
        return Line(words[1:])
    return phrase


def _split(words: list[Word]) -> int | None:
    """Where a phrase's caption ends by print: after a word ending in a colon, or before a gap clearly wider than
    any other of the phrase ('Termin płatności  Płatne w ciągu 20 dni'); None where nothing sets it apart."""
    for k, word in enumerate(words[: _reach(words)], start=1):
        if word.text.endswith(":") and k < len(words):
            return k
    gaps = [b.bbox[0] - a.bbox[2] for a, b in zip(words, words[1:], strict=False)]
    if len(gaps) < 2:
        return None
    widest = max(range(min(MOST_CAPTION_WORDS, len(gaps))), key=lambda i: gaps[i])
    others = gaps[:widest] + gaps[widest + 1 :]
    return widest + 1 if gaps[widest] > 1.6 * max(others) else None


def _reach(words: list[Word]) -> int:
    """How many words a caption may span: four, and four more for each language after a slash ('Bestellung Nr. /
    Réf. commande / Numero:')."""
    reach = MOST_CAPTION_WORDS
    for k, word in enumerate(words):
        if k >= reach:
            break
        if word.text == "/":
            reach = k + 1 + MOST_CAPTION_WORDS
    return reach


def _under(caption: Line, below: list[list[Line]]) -> list[Word] | None:
    """The phrase on the next lines that starts under the caption (its left edge within the caption's span)."""
    x0, x1 = caption.bbox[0], caption.bbox[2]
    for phrases in below:
        for phrase in phrases:
            if x0 - 0.01 <= phrase.bbox[0] <= x1 and phrase.top - caption.bottom < 3 * caption.height:
                return phrase.words
    return None


def _code(words: list[Word], captioned: bool = False) -> tuple[str, list[Word], str] | None:
    """An order number at the start of the words: a code with three digits or more that is no date, tax id or
    IBAN; with its series where one is printed beside it ('NE 2027/774'), or its type's initials after a caption of
    its own (``captioned``: 'PO 29357')."""
    if not words:
        return None
    series = with_series(words[:2], captioned)
    if series is not None:
        return series[0], series[1], series[0]
    token = words[0].text.strip(":#.,;()")
    town = len(words) > 1 and words[1].text[:1].isupper() and words[1].text.isalpha()
    if token.isdigit() and town:
        return None  # a postal code before its town ('9000 Gent' in the next column)
    if sum(c.isdigit() for c in token) >= 3 and could_be_reference(token) and re.fullmatch(r"[\w\-/.]+", token):
        return token, words[:1], words[0].text
    return None


def _date(words: list[Word], hint: str | None) -> tuple[date, list[Word], str] | None:
    """A date at the start of the words, the longest that parses (a weekday's name and all)."""
    for count in range(min(6, len(words)), 0, -1):
        raw = " ".join(w.text for w in words[:count])
        value = parse_date(raw, hint)
        if value is not None:
            return value, words[:count], raw
    return None


def _date_after(words: list[Word], hint: str | None) -> tuple[date, list[Word], str] | None:
    """The date that follows an order's number, at once or after up to two words of letters ('of', 'vom', 'z dnia',
    'du'): 'Order 4711 of 5 March 2026', 'Zamówienie 59265/26 z dnia 2026-06-15'."""
    for skip in range(3):
        if any(not w.text.rstrip(":,").isalpha() for w in words[:skip]):
            return None
        dated = _date(words[skip:], hint)
        if dated is not None:
            return dated
    return None


def _terms(text: str) -> bool:
    """Terms to pay by: net days beside a day word, a discount, end of month or an event ('on receipt')."""
    terms = parse_terms(text) if len(text.split()) <= 12 else None
    if terms is None:
        return False
    at_once = terms.net_days == 0 and not re.search(r"\d", text)
    days = re.search(r"\d\s*" + DAY_QUALIFIER + DAYS + "|" + SHORT_DAYS, text, re.IGNORECASE)
    return bool(days or RECEIPT.search(text.lower()) or FULL_PREPAYMENT.search(text) or at_once)
