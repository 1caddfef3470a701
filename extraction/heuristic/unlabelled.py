"""Header fields where no known label names them: from the layout and from what the values are.

Captions in an unknown language still sit where captions sit: left of their value on the same line, or above it
(a boxed form, a sidebar stack). The value then tells the field by its type: a date (the first one is the order
date), a code with digits (the first is the document number), payment terms (net days), an ISO currency code.
The vendor is the company named under a caption in the header that is not the letterhead's. The totals follow
from arithmetic: the amount equal to the sum of the lines is the subtotal, whatever charges follow; an amount that
is a printed percentage of an amount above it is tax; the last amount that all of them add up to is the total.

These candidates score below any labelled one, so a known label always wins; they fill what labels left empty, and
below the review line (0.5), so a person confirms them until a calibrated model vouches for them. The subtotal
equal to the sum of the lines is the exception: arithmetic vouches for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from stdnum.gb import vat as gb_vat
from stdnum.us import ein

from extraction.companies import LEGAL_FORM
from extraction.document import Word
from extraction.heuristic.parties import in_company_block, tax_id_caption
from extraction.heuristic.parts import (
    Candidate,
    PageView,
    RowDraft,
    _phrase_text_words,
    key_value_row,
    number,
    read_tax_id,
    value_above_caption,
)
from extraction.heuristic.vocabulary import (
    ADJUSTMENT_LABEL,
    AGREEMENT_CAPTION,
    BOX_NUMBER,
    DOCUMENT_TITLE,
    NUMBER_SIGN,
)
from extraction.layout import Line, captions_over_values, joined_thousands, print_size
from extraction.normalize import is_valid_tax_id, iso_codes, parse_amount, parse_currency, parse_date
from extraction.references import with_series
from extraction.taxids import captioned_tax_id, names_register
from extraction.terms import NOT_TERMS, PAYING_STEMS, net_days

GUESS = 0.45  # a value placed by layout and type alone: shown for review, never auto-accepted
OVER_CAPTION = 0.46  # a value over its caption in smaller print: a field's box, yet its caption unknown
BARE = 0.47  # the one code or date printed with no caption at all: a guess, before one under an unknown caption
HEADING = 0.44  # a code or date on a screen's heading line: a guess after one under an unknown caption
LEADERS = re.compile(r"^[.·_…\s]+|[.·_…\s:]+$")  # dotted leaders and colons around a caption or a value
MONEY = re.compile(r"^\(?-?[^\d\s(]{0,3}\d[\d.,' ]*[.,]\d{2}\)?$")
# a whole amount in thousands groups ('1.651.680', '75 020', '9,153,680'), or four digits and more
_WHOLE = re.compile(r"^\(?-?[^\d\s(]{0,3}(?:\d{1,3}(?:[.,' \u00a0\u202f]\d{3})+|\d{4,})\)?$")
PAGE_WORD = re.compile(r"confidential|page|seite|página|pagina|sida|sivu|strona|strana|oldal", re.IGNORECASE)
PERCENT = re.compile(r"(\d{1,2}(?:[.,]\d{1,3})?)\s*%")
# a caption that names paying ("Zahlung nach Lieferung"): its days are terms whatever event it names
PAYING = re.compile(rf"(?:\b|(?<=\w{{3}}))(?:{PAYING_STEMS})", re.IGNORECASE)


def _is_caption(phrase: Line) -> bool:
    boxed = BOX_NUMBER.match(phrase.text)  # a numbered box's caption ('13. PROMPT PAYMENT') is a caption
    text = LEADERS.sub("", phrase.text[boxed.end() if boxed else 0 :])
    return 0 < len(text) <= 40 and len(phrase.words) <= 5 and not re.search(r"\d", text) and text[:1].isalpha()


def _split_pair(phrase: Line) -> tuple[Line, list[Word]] | None:
    """A caption and its value run together in one phrase: split at dotted leaders or at the widest gap
    (clearly wider than the phrase's word spacing), where the left part reads as a caption."""
    words = phrase.words
    if len(words) < 2:
        return None
    gaps = [b.bbox[0] - a.bbox[2] for a, b in zip(words, words[1:], strict=False)]
    leader = next((i for i, w in enumerate(words) if i and re.fullmatch(r"[.·_…]{2,}", w.text)), None)
    # a caption's colon, glued to it or set apart ('Bezuelungsbedéngungen : 30 Deeg': colons aligned in a column)
    colon = next((i for i, w in enumerate(words[:-1]) if w.text.endswith(":") and (len(w.text) > 1 or i)), None)
    if colon is None and NUMBER_SIGN.fullmatch(words[-2].text) and _signed_number(words[-2:]):
        colon = len(words) - 2  # 'BON DE COMMANDE N° BC20240450', 'Nr. 7796': a number sign ends its caption
    if colon is None and 2 <= len(words) <= 5 and _is_code(words[-1].text) and _titled(words[:-1]):
        colon = len(words) - 2  # 'Bon de commande 404128': a document's title, its number after it
    if leader is not None:
        caption, value = words[:leader], words[leader + 1 :]
    elif colon is not None and colon < 4:  # 'Datum: 4. März 2026': a caption ends at its colon
        caption, value = words[: colon + 1], words[colon + 1 :]
    else:
        cut = max(range(len(gaps)), key=lambda i: gaps[i])
        others = [g for i, g in enumerate(gaps) if i != cut]
        if others and gaps[cut] < 2.5 * max(others):
            return None  # evenly spaced words: one phrase
        caption, value = words[: cut + 1], words[cut + 1 :]
        if not others and (not _is_code(value[0].text) or with_series(words) is not None):
            # two words, nothing to compare the gap with: a caption only before a number ('Ref. C-1'), not a
            # number's series ('NE 2027/774')
            return None
    if not caption or not value or not _is_caption(Line(caption)):
        return None
    if PAGE_WORD.fullmatch(Line(caption).text.strip(" .:")):
        return None  # 'Strona 12/14': the page's number
    worded_terms = net_days(Line(value).text) is not None  # 'Rimessa diretta vista fattura' reads like a caption
    if leader is None and _is_caption(Line(value)) and len(value) > 1 and not worded_terms:
        return None  # two captions side by side, not a caption and its value
    return Line(caption), value


def _titled(words: list[Word]) -> bool:
    """Words that name the document (an order, a contract in its language: 'Zamówienie zakupu'), not its page."""
    found = DOCUMENT_TITLE.search(" ".join(w.text for w in words))
    return found is not None and not PAGE_WORD.fullmatch(found.group(0))


def _split_glued(words: list[Word]) -> list[Word]:
    """'20%17' '003,10' (a rate glued to the amount's first digits in the text layer) -> '20%' '17' '003,10'; so a
    caption glued to its amount ('Total4,872,422.47' -> 'Total' '4,872,422.47')."""
    out = []
    for word in words:
        glued = re.fullmatch(r"(\d{1,2}(?:[.,]\d+)?\s?%|[^\W\d_]{2,})(\d[\d.,]*)", word.text)
        if glued is not None and glued[1][-1] != "%" and not MONEY.match(glued[2]):
            glued = None  # letters before a number that is no amount: a code ('PO12345'), not a caption
        if glued is None:
            out.append(word)
            continue
        x0, y0, x1, y1 = word.bbox
        cut = x0 + (x1 - x0) * len(glued[1]) / len(word.text)
        out += [Word(glued[1], (x0, y0, cut, y1), word.confidence), Word(glued[2], (cut, y0, x1, y1), word.confidence)]
    return out


def _is_currency_sign(text: str) -> bool:
    return len(text) <= 3 and not re.search(r"\d", text) and parse_currency(text) is not None


def _in_table(phrase: Line, box: tuple[float, float, float] | None) -> bool:
    """Whether a phrase stands in the line-item table (box: left edge, top, bottom) or below it."""
    if box is None:
        return False
    left, top, bottom = box
    return phrase.bbox[2] > left and top - 0.01 <= phrase.top and (phrase.top <= bottom or phrase.bbox[0] >= left)


def _is_code(text: str) -> bool:
    """A document number: one token with digits and a letter, a dash or a slash, or five digits and more;
    not a date, an amount with cents or a tax id."""
    if len(text) < 4 or not re.search(r"\d", text) or MONEY.match(text) or _checked_tax_id(text):
        return False
    if parse_date(text) is not None:
        return False
    return bool(re.search(r"[A-Za-z/-]", text) or re.fullmatch(r"\d{5,}", text))


def _signed_number(words: list[Word]) -> bool:
    """Whether the last word is a document's number (``_is_code``), or, after a number sign ('Nr.', 'N°', '#') that
    says a number follows, a plain number of three digits or more ('Nr. 7796')."""
    text = words[-1].text
    signed = len(words) >= 2 and NUMBER_SIGN.fullmatch(words[-2].text) is not None
    return _is_code(text) or signed and re.fullmatch(r"[1-9]\d{2,}", text) is not None


def _checked_tax_id(text: str) -> bool:
    """A valid tax id, but not a bare nine digits only a US EIN would take: an EIN has no check digit (its first two
    digits name an IRS campus), so most nine-digit order numbers pass as one."""
    if text.isdigit() and ein.is_valid(text) and not gb_vat.is_valid(text):
        return False
    return is_valid_tax_id(text)


def _slashed_parts(words: list[Word]) -> list[list[Word]]:
    """A value printed as two joined by a slash or bar set apart ('4500078838 / 13.10.2026', '4500078838/
    13.10.2026' under 'Order no./Date'), as its parts; any other value as itself."""
    parts: list[list[Word]] = [[]]
    for word in words:
        text = word.text
        if text in ("/", "|"):
            parts.append([])
            continue
        if len(text) > 1 and text[0] in "/|":
            parts.append([])
            word = Word(text[1:], word.bbox, word.confidence)
        if len(text) > 1 and text[-1] in "/|":
            parts[-1].append(Word(word.text[:-1], word.bbox, word.confidence))
            parts.append([])
            continue
        parts[-1].append(word)
    parts = [p for p in parts if p]
    return parts if len(parts) > 1 else [words]


def _aligned(below: Line, caption: Line, slack: float) -> bool:
    """A value cell under its caption's: starting, ending or centred where the caption does (a grid's cells align
    their text left, right or centre)."""
    left, right = abs(below.bbox[0] - caption.bbox[0]), abs(below.bbox[2] - caption.bbox[2])
    centre = abs(below.bbox[0] + below.bbox[2] - caption.bbox[0] - caption.bbox[2]) / 2
    return min(left, right, centre) < slack


def _caption_band(view: PageView, index: int) -> bool:
    """Whether line ``index`` is a band of three or more captions, each over its value on the line close under
    it, printed smaller than the values (an order's facts set in a row at the foot of the page)."""
    phrases = view.phrases[index]
    if len(phrases) < 3 or index + 1 >= len(view.lines) or not all(_is_caption(p) for p in phrases):
        return False
    line, values = view.lines[index], view.lines[index + 1]
    starts = [p.bbox[0] for p in view.phrases[index + 1]]
    cells = [p.bbox[0] for p in phrases]
    height = max(line.height, values.height)
    if not captions_over_values(cells, line.bottom, height, values.top, starts, view.char_width):
        return False
    return print_size(values.words) >= 1.1 * print_size(line.words)


def _typed_pair(
    view: PageView, caption: Line, words: list[Word], date_hint: str | None, known: set[str]
) -> Candidate | None:
    """The field a value under or beside an unknown caption is, by its type: terms, a date, a currency, a code."""
    words = [w for w in words if LEADERS.sub("", w.text)]
    if not words:
        return None
    page = view.page.number
    raw = LEADERS.sub("", " ".join(w.text for w in words))
    order = (page, caption.top + caption.bbox[0] / 1000)  # boxes side by side: the left one first
    name: str | None = None
    value: object = None
    day = parse_date(raw, date_hint)
    if net_days(raw) is not None and re.search(r"[A-Za-z]{2}", raw) and len(words) <= 6:
        if NOT_TERMS.search(caption.text) and not PAYING.search(caption.text):
            return None  # days under a delivery's or lead time's caption ('Lead time: 21 days') are no terms
        name, value = "payment_terms", raw  # before dates: '2/10 Net 30' is no date
    elif day is not None:
        name, value = "order_date", day
    elif len(words) == 1 and raw.upper() == raw and raw in iso_codes():
        name, value = "currency", raw  # a code alone in a caption's cell: any ISO 4217 code
    elif len(words) == 1 and _signed_number([*caption.words[-1:], *words]) and _document_number(view, caption, words):
        name, value = _number_field(caption, known), raw
    elif (series := with_series(words)) is not None and _document_number(view, caption, words):
        name, value = _number_field(caption, known), series[0]
    if name is None or name in known:
        return None
    return Candidate(name, value, words, page, GUESS, raw, order)  # type: ignore[arg-type]


def _heading_line(view: PageView, phrase: Line, date_hint: str | None) -> bool:
    """Whether ``phrase`` stands on a report's or a terminal screen's heading line: a code first, words of a title,
    a date last ('PUR335  PESANAN TEMPATAN  17.06.2024': the program's id, the screen's name, the day it was printed),
    none of them under a caption. The order's own number and date are the ones its captions name below."""
    for phrases in view.phrases:
        if phrase not in phrases or len(phrases) < 3:
            continue
        first, last = phrases[0], phrases[-1]
        code = len(first.words) == 1 and _is_code(first.text.strip(":#.,;"))
        dated = parse_date(last.text, date_hint) is not None
        titled = all(_is_caption(p) and not _split_pair(p) for p in phrases[1:-1])
        return code and dated and titled
    return False


def _document_number(view: PageView, caption: Line, words: list[Word]) -> bool:
    """Whether a code under or beside a caption can be the document's number: not a tax id its caption names the
    scheme of ('Business Reg. No.' over '837-86-23259': a form's box, a portal's cell), nor in a company's block
    (its registration number there), unless the caption names the document ('Potvrzení objednávky 20271254'
    stacked under the letterhead: a title's number)."""
    if tax_id_caption(caption.text) or captioned_tax_id(caption.text, words) is not None:
        return False
    if names_register(caption.words):  # 'Reg. No.:', 'Company No.': a company's number, not the document's
        return False
    return _titled(caption.words) or not in_company_block(view, caption)


def _number_field(caption: Line, known: set[str]) -> str:
    """The order's number, or the contract's: under a caption that names an agreement ('Rammeavtale:', 'Contract
    Ref.:'), the code is the agreement's, also on an order calling off against it."""
    if "po_number" in known or AGREEMENT_CAPTION.search(caption.text):
        return "contract_number"
    return "po_number"


class UnlabelledFields:
    """Candidates for header fields from captions no table lists (layout and value types) and from arithmetic."""

    def _unlabelled_candidates(
        self,
        views: list[PageView],
        rows: list[RowDraft],
        table_spans: dict[int, tuple[float, float]],
        number_hint: str | None,
        date_hint: str | None,
        known: set[str],
        buyers: set[str],
        vendors: set[str],
    ) -> list[Candidate]:
        out: list[Candidate] = []
        # page 1, and the page the table starts on where page 1 holds none of it (a cover letter before the order):
        # page 1's guesses come first, so they win a tie
        heads = views[:1]
        first_row = min((row.page for row in rows), default=1)
        if views and first_row > views[0].page.number:
            heads += [v for v in views if v.page.number == first_row]
        for view in heads:
            page = view.page.number
            span = table_spans.get(page)
            words = [w for row in rows if row.page == page for ws in row.cells.values() for w in ws]
            # the table's box: what stands beside it (a sidebar) is header, what stands in it is not
            box = (min(w.bbox[0] for w in words), span[0], span[1]) if span and words else None
            out += self._typed_pairs(view, box, date_hint, known)
            out += self._bare_facts(view, box, date_hint, known)
            out += self._party_block(view, box, "vendor", buyers)
            if not buyers and vendors:  # the vendor's block captioned, the buyer's beside it under unknown words
                out += self._party_block(view, box, "buyer", vendors)
        if rows:
            out += self._arithmetic_totals(views, rows, table_spans, number_hint)
        return out

    # ---- caption / value pairs ---------------------------------------------------------------

    def _caption_values(self, view: PageView, box: tuple[float, float, float] | None) -> list[tuple[Line, list[Word]]]:
        """(caption, value words) above the table: the value right of its caption, or under it."""
        pairs: list[tuple[Line, list[Word]]] = []
        heights = sorted(w.bbox[3] - w.bbox[1] for w in view.page.words)
        body = heights[len(heights) // 2] if heights else 0.0
        for index, phrases in enumerate(view.phrases):
            # a title's line, in letters larger than the body's: its number may stand anywhere right of it
            title = all(w.bbox[3] - w.bbox[1] > 1.2 * body for w in view.lines[index].words)
            for p_index, phrase in enumerate(phrases):
                after_table = _in_table(phrase, box)
                if after_table and (box is None or phrase.top <= box[2]):
                    continue
                if after_table:  # under the table only a band of facts, over or under their captions, is header
                    over = value_above_caption(view, index, phrase) if _is_caption(phrase) else None
                    if over is None and _caption_band(view, index):
                        over = self._aligned_below(view, index, phrase)
                    if over is not None:
                        pairs.append((phrase, over.words))
                    continue
                split = _split_pair(phrase)
                if split is not None:  # 'Bestell-Nr. ...... PUR-94756' read as one phrase
                    pairs.append(split)
                    continue
                if not _is_caption(phrase):
                    continue
                over = value_above_caption(view, index, phrase)
                if over is not None:  # a caption in small print under its value; the phrase right is the next one
                    pairs.append((phrase, over.words))
                    continue
                # the value right of its caption or under it: both are tried, the value's type decides
                # (however far right it stands where the line holds only the two: a key/value row set flush right)
                near = p_index + 1 < len(phrases) and phrases[p_index + 1].bbox[0] - phrase.bbox[2] < 0.3
                if near or title and p_index + 1 < len(phrases) or p_index == 0 and key_value_row(view, index):
                    pairs.append((phrase, phrases[p_index + 1].words))
                below = self._aligned_below(view, index, phrase)
                if below is not None:
                    pairs.append((phrase, below.words + self._terms_wrapped(view, below)))
                elif title and (under := self._under_title(view, index, phrase)) is not None:
                    pairs.append((phrase, under.words))
        return pairs

    @staticmethod
    def _terms_wrapped(view: PageView, value: Line) -> list[Word]:
        """The rest of payment terms wrapped in their cell ('Netto pr. 20' over 'dager'): the phrase close under
        the value, starting where it starts, when only both together read as terms. The value holds the number of
        days: a caption over terms ('Zahlungsbedingungen' over 'Net 30') is no value wrapped; nor is a date over terms
        that read alone ('21.06.2026' over '30 dager netto': two cells of a grid, one under the other)."""
        if net_days(value.text) is not None or not re.search(r"\d", value.text) or parse_date(value.text) is not None:
            return []
        for phrases in view.phrases:
            for below in phrases:
                if 0 <= below.top - value.bottom < 0.8 * value.height and abs(below.bbox[0] - value.bbox[0]) < 0.01:
                    whole = net_days(below.text) is None and net_days(f"{value.text} {below.text}") is not None
                    return below.words if whole else []
        return []

    @staticmethod
    def _under_title(view: PageView, index: int, title: Line) -> Line | None:
        """A phrase of one word on the next line, close under a title, starting, ending or centred where the title
        does ('PURCHASE ORDER' over 'PO-20417' at the page's right edge): the title's number, date or the like."""
        if index + 1 >= len(view.lines):
            return None
        for below in view.phrases[index + 1]:
            if len(below.words) != 1 or not 0 <= below.top - title.bottom < title.height:
                continue
            edges = zip(below.bbox[::2], title.bbox[::2], strict=True)
            centred = abs((below.bbox[0] + below.bbox[2]) / 2 - (title.bbox[0] + title.bbox[2]) / 2)
            if min(abs(a - b) for a, b in edges) < 1.5 * view.char_width or centred < 1.5 * view.char_width:
                return below
        return None

    @staticmethod
    def _aligned_below(view: PageView, index: int, phrase: Line) -> Line | None:
        """The phrase starting under ``phrase`` on one of the next lines, close below it (a caption's value). Close
        is measured by the taller of the two lines: OCR's boxes hug the ink, so that a caption without descenders
        ('Ordredato') reads shorter than its print, and its value seems farther away than it is."""
        for at, phrases in enumerate(view.phrases[index + 1 : index + 4], start=index + 1):
            for below in phrases:
                gap = below.top - phrase.bottom
                if gap > 1.2 * max(phrase.height, below.height, view.lines[index].height, view.lines[at].height):
                    return None
                if gap >= 0 and _aligned(below, phrase, 1.5 * view.char_width):
                    own_pair = _split_pair(below) is not None  # the next caption with its value, not this one's
                    worded_terms = net_days(below.text) is not None  # "Due on receipt" reads like a caption
                    plain = not _is_caption(below) or len(below.words) == 1 or worded_terms
                    return below if not own_pair and plain else None
        return None

    def _typed_pairs(
        self, view: PageView, box: tuple[float, float, float] | None, date_hint: str | None, known: set[str]
    ) -> list[Candidate]:
        out: list[Candidate] = []
        for caption, words in self._caption_values(view, box):
            whole = _typed_pair(view, caption, words, date_hint, known)
            # else two values joined by a slash ('Nr./Datum' over '4500078838 / 13.10.2026'), each typed alone
            found = (
                [whole]
                if whole
                else [_typed_pair(view, caption, part, date_hint, known) for part in _slashed_parts(words)]
            )
            heading = _heading_line(view, caption, date_hint)
            for candidate in found:
                if candidate is not None and heading:
                    candidate.score = HEADING  # the screen's name beside its print date: no caption of the order's
                elif candidate is not None and words[0].bbox[3] <= caption.top:
                    # a value printed over its caption in larger print: the page sets the pair apart as a field's
                    # box, which tells more than a phrase beside a caption (a transposed table's cell)
                    candidate.score = OVER_CAPTION
            out += [c for c in found if c is not None]
        return out

    def _bare_facts(
        self, view: PageView, box: tuple[float, float, float] | None, date_hint: str | None, known: set[str]
    ) -> list[Candidate]:
        """The order's number and date printed with no caption at all (a form's box, a portal grid's cell whose
        caption cell is empty, a facts row's first cell): the one code above the table that is a phrase of its own,
        and the one phrase that is a date, each with no caption before it on its line nor over it, outside any
        company's block. The document's own number and date are the ones that need no caption; a value under a
        caption nobody knows may be any other's (a customer's number, a print date), so these guesses outrank
        those. Two such codes or dates: none of that kind (which is which, nothing tells)."""
        top = box[1] if box is not None else 0.5
        codes: list[Line] = []
        dates: list[tuple[Line, date]] = []
        for index, phrases in enumerate(view.phrases):
            for p_index, phrase in enumerate(phrases):
                if phrase.bottom > top:
                    continue
                code = len(phrase.words) == 1 and _is_code(phrase.text.strip(":#.,;"))
                day = None if code else parse_date(phrase.text, date_hint)
                if not code and day is None:
                    continue
                before = phrases[p_index - 1] if p_index else None
                if before is not None and (_is_caption(before) or _split_pair(before) is not None):
                    continue  # its caption beside it, or a caption and value run on before it
                if self._caption_over(view, index, phrase) or in_company_block(view, phrase):
                    continue
                if day is not None:
                    dates.append((phrase, day))
                else:
                    codes.append(phrase)
        page = view.page.number
        out = []
        if len(codes) == 1 and "po_number" not in known:
            value = codes[0].text.strip(":#.,;")
            score = HEADING if _heading_line(view, codes[0], date_hint) else BARE
            out.append(Candidate("po_number", value, codes[0].words, page, score, value, (page, codes[0].top)))
        if len(dates) == 1 and "order_date" not in known:
            phrase, printed = dates[0]
            score = HEADING if _heading_line(view, phrase, date_hint) else BARE
            out.append(Candidate("order_date", printed, phrase.words, page, score, phrase.text, (page, phrase.top)))
        return out

    @staticmethod
    def _caption_over(view: PageView, index: int, phrase: Line) -> bool:
        """Whether a caption stands close over the phrase, across its width (a box's caption above its value)."""
        slack = view.char_width
        for phrases in reversed(view.phrases[max(0, index - 2) : index]):
            for above in phrases:
                if above.bbox[2] < phrase.bbox[0] - slack or above.bbox[0] > phrase.bbox[2] + slack:
                    continue
                if phrase.top - above.bottom > 1.5 * max(phrase.height, above.height):
                    return False
                return _is_caption(above) or _split_pair(above) is not None
        return False

    # ---- a party's block ------------------------------------------------------------------

    def _party_block(
        self, view: PageView, box: tuple[float, float, float] | None, role: str, others: set[str]
    ) -> list[Candidate]:
        """The first company name (a legal form) under a caption above the table that is none of the other party's
        names (the buyer's letterhead and blocks, for the vendor), with its wrapped first lines, and the tax id
        printed in its block: the ``role``'s."""
        for index, phrases in enumerate(view.phrases[1:], start=1):
            for phrase in phrases:
                text = phrase.text.strip(" ,;")
                if _in_table(phrase, box) or not LEGAL_FORM.search(text):
                    continue
                name_lines, first = [phrase], index
                while first > 0:  # a name wrapped before its legal form: the lines above in the same print
                    above = self._aligned_above(view, first, name_lines[0])  # close above the top line so far
                    if above is None or abs(above.height - phrase.height) > 0.08 * phrase.height:
                        break
                    name_lines.insert(0, above)
                    first = next(i for i, ps in enumerate(view.phrases) if above in ps)
                caption = self._aligned_above(view, first, name_lines[0])
                if caption is None or not _is_caption(caption) or len(name_lines) > 3:
                    continue
                words = [w for line in name_lines for w in line.words]
                name = " ".join(w.text for w in words).strip(" ,;")
                if LEGAL_FORM.fullmatch(name) or any(f"{o} ".startswith(f"{name.casefold()} ") for o in others):
                    continue  # the other party's own name again (its block, a ship-to block)
                page = view.page.number
                out = [Candidate(f"{role}_name", name, words, page, GUESS, name, (page, name_lines[0].top))]
                out += self._block_tax_id(view, index, phrase, f"{role}_tax_id")
                return out
        return []

    @staticmethod
    def _aligned_above(view: PageView, index: int, phrase: Line) -> Line | None:
        """The nearest phrase above line ``index`` that starts where ``phrase`` starts, close above it."""
        for phrases in reversed(view.phrases[max(0, index - 3) : index]):
            for above in phrases:
                if abs(above.bbox[0] - phrase.bbox[0]) < 1.5 * view.char_width:
                    close = 0 <= phrase.top - above.bottom < 1.5 * max(phrase.height, above.height)
                    return above if close else None
        return None

    @staticmethod
    def _block_tax_id(view: PageView, index: int, name: Line, field: str) -> list[Candidate]:
        for below in view.phrases[index + 1 : index + 11]:
            for phrase in below:
                match = tax_id_caption(phrase.text)  # 'VAT No.', or a scheme's name ('P. IVA:', 'RFC:')
                if match and abs(phrase.bbox[0] - name.bbox[0]) < 1.5 * view.char_width:
                    found = read_tax_id(_phrase_text_words(phrase, match[1]))
                    if found:
                        value, used = found
                        page = view.page.number
                        return [Candidate(field, value, used, page, GUESS, value, (page, phrase.top))]
        return []

    # ---- totals by arithmetic --------------------------------------------------------------

    def _arithmetic_totals(
        self,
        views: list[PageView],
        rows: list[RowDraft],
        table_spans: dict[int, tuple[float, float]],
        number_hint: str | None,
    ) -> list[Candidate]:
        """Subtotal (= the sum of the lines), tax (a printed rate of an amount above) and total (what they make)."""
        amounts = [number(row.cells.get("amount", []), number_hint) for row in rows]
        if not amounts or any(a is None for a in amounts):
            return []
        lines_sum = sum((a for a in amounts if a is not None), Decimal(0))
        # amounts printed whole throughout (a currency without minor units, '1.651.680'): so are the totals
        printed = [" ".join(w.text for w in row.cells.get("amount", [])) for row in rows]
        whole = all(_WHOLE.match(text) or re.fullmatch(r"\d{1,3}", text) for text in printed)
        money_shape = _WHOLE if whole else MONEY
        last_page = max(row.page for row in rows)  # where the rows end (a span may run on to an empty page)
        block: list[tuple[Line, Word, Decimal, int]] = []
        strip: list[Candidate] = []
        for view in views:
            if view.page.number < last_page:
                continue
            for line in view.lines:
                if view.page.number == last_page and line.top <= max(r.bottom for r in rows if r.page == last_page):
                    continue
                words = joined_thousands(_split_glued(line.words))
                while len(words) > 1 and _is_currency_sign(words[-1].text):
                    words = words[:-1]  # '95,00 €', '95.00 USD': the sign after the amount
                money = [w for w in words if money_shape.match(w.text)]
                if len(money) == 3 and not strip:
                    strip = _totals_in_a_row(line, money, lines_sum, view.page.number, number_hint)
                if len(money) != 1 or money[0] is not words[-1]:
                    # lines without an amount (a sidebar's address beside the totals) do not end the block;
                    # a gap of a few lines does
                    if len(block) >= 2 and line.top - block[-1][0].bottom > 3 * line.height:
                        break
                    continue
                value = parse_amount(money[0].text.strip("()"), number_hint)
                if value is not None:
                    block.append((line, money[0], value, view.page.number))
        if strip:
            return strip
        subtotal_at = next((i for i, (_, _, v, _) in enumerate(block) if v == lines_sum), None)
        out: list[Candidate] = []

        def add(name: str, index: int, score: float) -> None:
            line, word, value, page = block[index]
            out.append(Candidate(name, value, [word], page, score, word.text, (page, line.top)))

        if subtotal_at is not None:
            add("subtotal", subtotal_at, 0.97)  # the sum of the lines: a known label naming another amount loses
            self._totals_in_order(block, subtotal_at, lines_sum, add)
        if not any(c.name == "total" for c in out):
            for name, index in _totals_any_order(block, subtotal_at, lines_sum):
                add(name, index, 0.6)
        return out

    @staticmethod
    def _totals_in_order(
        block: list[tuple[Line, Word, Decimal, int]],
        subtotal_at: int,
        lines_sum: Decimal,
        add: Callable[[str, int, float], None],
    ) -> None:
        """Below the subtotal: taxes at their printed rates, charges, and the total they all add up to last."""
        last = len(block) - 1
        if last == subtotal_at:
            return
        running, tax_sum = lines_sum, Decimal("0")
        rated: list[int] = []
        tax_line: int | None = None
        for index in range(subtotal_at + 1, last):
            line, word, value, _ = block[index]
            rate = PERCENT.search(" ".join(w.text for w in line.words if w is not word))
            percent = Decimal(rate.group(1).replace(",", ".")) if rate else None
            if percent is not None and 0 <= value <= running * percent / 100 + Decimal("0.02"):
                tax_sum += value  # a tax at a printed rate of (some of) the goods or of the net
                rated.append(index)
            elif rated and value == tax_sum:
                tax_line = index  # the taxes' total under their rates
            elif value != running:  # a net amount repeats the running sum; anything else is a charge
                running += value
        if block[last][2] == running + tax_sum:
            add("total", last, 0.6)
            if tax_line is None and len(rated) == 1:
                tax_line = rated[0]
            if tax_line is not None:
                add("tax_total", tax_line, 0.6)


def _totals_in_a_row(
    line: Line, money: list[Word], lines_sum: Decimal, page: int, number_hint: str | None
) -> list[Candidate]:
    """A strip of totals under the items, side by side under their captions ('Sum eks. mva | Merverdiavgift 25 % |
    Totalt' over '956 685,57 NOK  239 171,39 NOK  1 195 856,96 NOK'): the net that is the sum of the lines, the tax
    and the total that the two make, left to right."""
    values = [parse_amount(w.text.strip("()"), number_hint) for w in money]
    net, tax, total = values
    if net != lines_sum or tax is None or total is None or net + tax != total:
        return []
    order = (page, line.top)
    return [
        Candidate(name, value, [word], page, score, word.text, order)
        for name, value, word, score in zip(
            ("subtotal", "tax_total", "total"), (net, tax, total), money, (0.97, 0.6, 0.6), strict=True
        )
    ]


def _is_rate_of(tax: Decimal, net: Decimal, printed: Decimal | None) -> bool:
    """Whether an amount is a tax on ``net``: its printed rate of it, else a whole or half percent (1 to 30) of it,
    to the cent. Tax rates are such round numbers; a charge (freight, packing) seldom comes to one by chance."""
    if tax <= 0 or net <= 0:
        return False
    rates = [printed] if printed is not None else [Decimal(half) / 2 for half in range(2, 61)]
    return any(abs(net * rate / 100 - tax) < Decimal("0.006") for rate in rates)


def _totals_any_order(
    block: list[tuple[Line, Word, Decimal, int]], subtotal_at: int | None, lines_sum: Decimal
) -> list[tuple[str, int]]:
    """A totals block in another order (the amount to pay first, then the net and the tax) or without its net
    line: the tax is a rate of the lines' sum and the total that sum plus the tax, wherever each stands; or, no tax
    printed, the total is the sum plus a round rate of it. Only where one reading fits."""
    amounts = [(i, value) for i, (_, _, value, _) in enumerate(block) if i != subtotal_at]
    found: list[list[tuple[str, int]]] = []
    for t_index, tax in amounts:
        line, word = block[t_index][0], block[t_index][1]
        if ADJUSTMENT_LABEL.match(line.text):
            continue  # freight, packing, a discount: a charge, whatever its size
        rate = PERCENT.search(" ".join(w.text for w in line.words if w is not word))
        printed = Decimal(rate.group(1).replace(",", ".")) if rate else None
        if not _is_rate_of(tax, lines_sum, printed):
            continue
        totals = [i for i, value in amounts if i != t_index and value == lines_sum + tax]
        if len(totals) == 1:
            found.append([("tax_total", t_index), ("total", totals[0])])
    if len(found) == 1:
        return found[0]
    if found:
        return []
    largest = max((value for _, value in amounts), default=Decimal(0))
    totals = [i for i, value in amounts if value == largest and _is_rate_of(value - lines_sum, lines_sum, None)]
    return [("total", totals[0])] if len(totals) == 1 else []
