"""Header fields from labels: the value inline, right of or below its label, typed by the field;
the best candidate per field; the currency from codes and symbols."""

from __future__ import annotations

import re
from decimal import Decimal

from extraction.document import Word, union_bbox
from extraction.heuristic.parts import (
    Candidate,
    PageView,
    RowDraft,
    _phrase_text_words,
    key_value_row,
    read_tax_id,
    value_above_caption,
)
from extraction.heuristic.vocabulary import (
    BOX_NUMBER,
    LABELS,
    MONEY_TOKEN,
    SIGN_COUNTRIES,
    TAX_ID_LABEL,
    TOTALS_LINE,
)
from extraction.layout import Line
from extraction.normalize import (
    COMMON_CODES,
    currency_on_amount,
    is_valid_tax_id,
    iso_codes,
    parse_amount,
    parse_currency,
    parse_date,
    shows_decimals,
)
from extraction.references import with_series
from extraction.result import HEADER_FIELDS, FieldValue, Value
from extraction.terms import net_days

# currency signs in letters ('zl' where a font lacks 'ł', 'Kc', 'Ft', 'kr', 'Rs.'): read only beside an amount
ASCII_SYMBOLS = {"zl": "PLN", "zł": "PLN", "kc": "CZK", "ft": "HUF", "lei": "RON", "kr": "SEK", "rs": "INR"}
NOISE = 0.2  # an OCR word read this unsurely is noise (a speck read as a letter, two words glued), no value


# LABELS compiled once, ignoring case, in their order: every phrase of a page is tried against each
_COMPILED_LABELS = {
    name: [(re.compile(pattern, re.IGNORECASE), score, below_ok) for pattern, score, below_ok in patterns]
    for name, patterns in LABELS.items()
}
_LABEL_REGEXES = [label for patterns in _COMPILED_LABELS.values() for label, _, _ in patterns]


def _best_first(candidate: Candidate) -> tuple[float, tuple[int, float]]:
    """The sort key of a field's candidates: the best score (to the hundredth), then the first printed."""
    return round(candidate.score, 2), (-candidate.order[0], -candidate.order[1])


class LabelFields:
    # ---- label / value ---------------------------------------------------------------------

    def _label_candidates(
        self,
        views: list[PageView],
        number_hint: str | None,
        date_hint: str | None,
        table_spans: dict[int, tuple[float, float]],
    ) -> list[Candidate]:
        out: list[Candidate] = []
        for view in views:
            number = view.page.number
            span = table_spans.get(number)
            for index, phrases in enumerate(view.phrases):
                line = view.lines[index]
                if span and span[0] <= (line.top + line.bottom) / 2 <= span[1]:
                    continue  # inside the line-item table
                numbers: set[int] = set()  # the words of this line read as a document number beside its caption
                for p_index, phrase in enumerate(phrases):
                    if id(phrase.words[0]) in numbers:
                        continue  # 'PO 29357' right of 'Order No.:' is that caption's number, no caption of its own
                    phrase = self._spaced_label(phrase, phrases[p_index + 1 : p_index + 4])
                    phrase = self._wrapped_label(view, index, phrase)
                    text = phrase.text
                    # a numbered box's caption ('3. DATE OF ORDER', '(b) Terms') stands alone, its value below or
                    # beside it; a numbered clause runs on ('3. Payment. Invoices remain payable ...')
                    boxed = BOX_NUMBER.match(text)
                    starts = _caption_starts(text, boxed.end() if boxed else 0)
                    for name, patterns in _COMPILED_LABELS.items():
                        for compiled, score, below_ok in patterns:
                            match = next((m for m in (compiled.match(text, at) for at in starts) if m), None)
                            if not match or boxed and text[match.end() :].strip(" :#."):
                                continue
                            label_end = match.end()
                            after = text[label_end:]
                            rest = after.lstrip(" :#.")
                            values: list[tuple[list[Word], float]] = []  # inline, right, below: first that parses
                            if rest:
                                values.append((_phrase_text_words(phrase, len(text) - len(rest)), 1.0))
                            # '... quote the contract number. Late payments bear ...' at a line's start: words
                            # of a sentence, no caption; nothing beside or under them is a value
                            sentence = re.match(r"[.,;]?\s+\S+\s+[a-z]+\s+[a-z]+\s+[a-z]+\b", after) is not None
                            if p_index + 1 < len(phrases) and not sentence:
                                right = phrases[p_index + 1]
                                # a line of a caption and one value is a key/value row however far apart they
                                # stand (values set flush right in a column)
                                far = right.words[0].bbox[0] - phrase.words[-1].bbox[2] >= 0.35
                                if not far or p_index == 0 and key_value_row(view, index):
                                    values.append((right.words, 0.95))
                            beside = self._words_right(view, phrase) if not sentence else None
                            if beside:  # a value a little off the label's baseline, or beside a wrapped label
                                values.append((beside, 0.93))
                            if name == "payment_terms" and ":" not in after[:2] and re.match(r"[a-z]", rest):
                                values.insert(0, (phrase.words, 0.9))  # 'Payment within 14 days' is the terms
                            if below_ok and not sentence:
                                label_words = phrase.words if not rest else _phrase_text_words(phrase, 0)[:1]
                                below = self._words_below(view, index, Line(label_words), view.char_width)
                                if below:
                                    values.append((below, 0.9))
                                if name in ("po_number", "contract_number") and index > 0:
                                    # a boxed field with its caption under the value ('6767/2025' over 'PO No.')
                                    above = self._words_below(
                                        PageView(view.page, [view.lines[index - 1]], [], view.char_width),
                                        -1,
                                        Line(label_words),
                                        view.char_width,
                                    )
                                    if above and line.top - max(w.bbox[3] for w in above) < line.height:
                                        values.append((above, 0.85))
                            if name == "payment_terms":
                                values = _terms_first(values)
                            # a caption printing its value inline ('PO No. 77364670') is no caption under a value
                            own = _phrase_text_words(phrase, len(text) - len(rest)) if rest else []
                            inline = own and self._typed_value(name, own, number_hint, date_hint)
                            over = None if inline else value_above_caption(view, index, phrase)
                            if over is not None:  # a caption in small print under its value: that value alone
                                values = [(over.words, 0.97)]
                            for words, factor in values:
                                candidate = self._typed_value(name, words, number_hint, date_hint)
                                if candidate is not None:
                                    value, used, raw = candidate
                                    out.append(
                                        Candidate(name, value, used, number, score * factor, raw, (number, line.top))
                                    )
                                    if name in ("po_number", "contract_number"):
                                        numbers |= {id(w) for w in used}
                                    break
                            break  # the first pattern of a field that matches decides
                # tax ids have their own labels; the party is settled later from the blocks
                for phrase in phrases:
                    match = TAX_ID_LABEL.search(phrase.text)
                    if match:
                        rest_words = _phrase_text_words(phrase, match.end())
                        tax_id = read_tax_id(rest_words)
                        if tax_id:
                            value, used = tax_id
                            score = 0.9 if is_valid_tax_id(value) else 0.6
                            out.append(
                                Candidate(
                                    "_tax_id",
                                    value,
                                    used,
                                    number,
                                    score,
                                    " ".join(w.text for w in used),
                                    (number, line.top),
                                )
                            )
        return out

    @staticmethod
    def _is_label(text: str) -> bool:
        return any(label.match(text) for label in _LABEL_REGEXES)

    def _spaced_label(self, phrase: Line, following: list[Line]) -> Line:
        """A label printed with wide gaps ('Purchase   Order   Nr.   KOW-1'): the phrases it spans, as one."""
        if not following or self._is_label(phrase.text):
            return phrase
        for count in range(1, len(following) + 1):
            merged = Line(phrase.words + [w for f in following[:count] for w in f.words])
            text = merged.text
            for label in _LABEL_REGEXES:
                match = label.match(text)
                if match and match.end() > len(phrase.text) + 1:
                    return merged
        return phrase

    def _wrapped_label(self, view: PageView, index: int, phrase: Line) -> Line:
        """A label wrapped onto two lines ('Order' over 'Date:'), as one phrase spanning both."""
        if self._is_label(phrase.text) or len(phrase.words) > 2 or index + 1 >= len(view.lines):
            return phrase
        for below in view.phrases[index + 1]:
            close = 0 <= below.top - phrase.bottom < 0.8 * phrase.height
            if close and abs(below.bbox[0] - phrase.bbox[0]) < 0.01 and len(below.words) <= 2:
                merged = Line(phrase.words + below.words)
                text = merged.text
                if any((m := label.match(text)) and m.end() >= len(text.rstrip(" :#.")) for label in _LABEL_REGEXES):
                    return merged
        return phrase

    @staticmethod
    def _words_right(view: PageView, label: Line) -> list[Word]:
        """The words just right of a label whose middles fall within its height, whatever line they were put on."""
        top, bottom, x1 = label.top, label.bottom, label.bbox[2]
        candidates = sorted(
            (w for w in view.page.words if top <= (w.bbox[1] + w.bbox[3]) / 2 <= bottom and 0 < w.bbox[0] - x1 < 0.35),
            key=lambda w: w.bbox[0],
        )
        out: list[Word] = []
        for word in candidates:
            if out and word.bbox[0] - out[-1].bbox[2] > 2.2 * view.char_width:
                break
            out.append(word)
        return out

    @staticmethod
    def _words_below(view: PageView, line_index: int, label: Line, char_width: float) -> list[Word]:
        """Words on the next line or two that start under the label (or, wider than it, are centred under it: a
        column of centred cells), plus those running on to their right."""
        x0, x1 = label.bbox[0], label.bbox[2]
        middle = (x0 + x1) / 2
        for line in view.lines[line_index + 1 : line_index + 3]:
            words: list[Word] = []
            for word in line.words:
                if word.confidence < NOISE:
                    continue  # OCR noise (a speck read as 'P') is not the value
                if (
                    not words
                    and (x0 - 2 * char_width <= word.bbox[0] <= x1 or word.bbox[0] < x0 and word.bbox[2] > middle)
                    or words
                    and word.bbox[0] - words[-1].bbox[2] < 1.5 * char_width
                ):
                    words.append(word)
                elif words:
                    break
            if words:
                return words
        return []

    def _typed_value(
        self, name: str, words: list[Word], number_hint: str | None, date_hint: str | None
    ) -> tuple[Value, list[Word], str] | None:
        kind = HEADER_FIELDS.get(name, "text")
        if not words:
            return None
        if name in ("po_number", "contract_number"):
            if words[0].confidence < NOISE:
                return None  # what OCR could not read ('2. Terms' read '2-Terms', 0.00) is no document's number
            series = with_series(words, captioned=True)
            if series is not None:
                return series[0], series[1], series[0]
            for index, word in enumerate(words[:2]):
                following = words[index + 1] if index + 1 < len(words) else None
                if following is not None and following.bbox[0] <= word.bbox[2] and word.confidence < 1.0:
                    # OCR split one token in two overlapping boxes ('#450007585' '1')
                    word = Word(word.text + following.text, union_bbox([word.bbox, following.bbox]), word.confidence)  # type: ignore[arg-type]
                token = word.text.strip(":#.,;")
                if word.confidence < 1.0:  # OCR reads the 'O' of a 'PO' prefix before digits as a zero
                    token = re.sub(r"^P0(?=\d{4})", "PO", token)
                if re.search(r"\d", token) and len(token) >= 3 and parse_date(token) is None:
                    return token, [word], word.text
            return None
        if kind == "date":
            for count in range(min(5, len(words)), 0, -1):
                raw = " ".join(w.text for w in words[:count])
                value = parse_date(raw, date_hint)
                if value:
                    return value, words[:count], raw
            return None
        if kind == "decimal":
            for i in range(len(words) - 1, -1, -1):
                # a money total shows cents; this keeps tax ids and dates out
                # '100 936,19' is two words, '7 213 628,37' three: the longest that reads as one amount
                for start in sorted({max(0, i - back) for back in (3, 2, 1, 0)}):
                    raw = " ".join(w.text for w in words[start : i + 1])
                    amount = parse_amount(raw, number_hint)
                    if amount is not None and "%" not in raw and shows_decimals(raw):
                        return amount, words[start : i + 1], raw
            for i in range(len(words) - 1, 0, -1):  # OCR lost the decimal point: '$25,370 00'
                whole, cents = words[i - 1], words[i]
                if re.fullmatch(r"\d{2}", cents.text) and re.fullmatch(r"\D{0,3}\d{1,3}(?:[.,' ]\d{3})*", whole.text):
                    raw = whole.text + ("," if number_hint == "EU" else ".") + cents.text
                    amount = parse_amount(raw, number_hint)
                    if amount is not None and cents.bbox[0] - whole.bbox[2] < 0.02:
                        return amount, [whole, cents], raw
            return None
        if name == "payment_terms":
            raw = " ".join(w.text for w in words)
            return raw, words, raw  # as printed; the days are derived from it
        if name == "currency":
            raw = " ".join(w.text for w in words[:3])
            code = parse_currency(raw)
            if code is None and words[0].text in iso_codes():
                code = words[0].text  # under its caption a code needs no list of common ones ('BHD', 'PGK')
            return (code, words[:1], raw) if code else None
        return None

    # ---- choice --------------------------------------------------------------------------------

    @staticmethod
    def _choose(candidates: list[Candidate]) -> dict[str, FieldValue]:
        fields: dict[str, FieldValue] = {}
        by_name: dict[str, list[Candidate]] = {}
        for candidate in candidates:
            by_name.setdefault(candidate.name, []).append(candidate)
        for name, options in by_name.items():
            if name.startswith("_"):
                continue
            if name in ("subtotal", "tax_total", "total"):
                # the totals block closes the document: prefer the last one
                best = max(options, key=lambda c: (round(c.score, 2), c.order))
            else:
                best = max(options, key=_best_first)
            agreeing = sum(1 for c in options if c.value == best.value)
            field = best.field()
            if agreeing > 1:  # the same value under several labels (e.g. repeated on page 2)
                field.confidence = min(0.99, field.confidence + 0.03)
            fields[name] = field
        # one printed tax id belongs to one party: a vendor's block that holds it outweighs the issuer default
        # given to a tax id found outside any labelled block (parties.py scores that 0.55 at most)
        buyer_id, vendor_id = fields.get("buyer_tax_id"), fields.get("vendor_tax_id")
        if buyer_id and vendor_id and buyer_id.value == vendor_id.value and buyer_id.confidence <= 0.55:
            del fields["buyer_tax_id"]
            # another id outside any block (a form's own 'FEIN:' field under the vendor's) is the issuer's
            other = [c for c in by_name["buyer_tax_id"] if c.value != vendor_id.value and c.score <= 0.55]
            if other:
                fields["buyer_tax_id"] = max(other, key=_best_first).field()
        # tax ids found outside party blocks
        if "vendor_tax_id" not in fields and "buyer_tax_id" not in fields:
            ids = by_name.get("_tax_id", [])
            if ids:
                fields["buyer_tax_id"] = ids[0].field()
                fields["buyer_tax_id"].confidence *= 0.6
        return fields

    def _fill_currency(
        self,
        fields: dict[str, FieldValue],
        views: list[PageView],
        rows: list[RowDraft],
        number_hint: str | None = None,
    ) -> None:
        """The currency from codes and symbols beside the amounts, column headers ('Total (EUR)') and totals.

        Codes in item descriptions ('packed on EUR pallet') do not count; a code beats a bare '$', which
        also stands for CAD, AUD and other dollars.
        """
        if "currency" in fields:
            return
        described = {id(w) for row in rows for name in ("description", "sku") for w in row.cells.get(name, [])}
        votes: dict[str, float] = {}
        largest: tuple[Decimal, str | None] = (Decimal(0), None)
        coded: set[str] = set()
        where: dict[str, tuple[int, Word]] = {}
        for view in views:
            for line in view.lines:
                weight = 3.0 if TOTALS_LINE.match(line.text) or re.search(r"\d", line.text) else 1.0
                for index, word in enumerate(line.words):
                    if id(word) in described:
                        continue
                    text = word.text.strip("():;,[]")
                    mark = text if len(text) <= 5 else currency_on_amount(text)
                    code = parse_currency(mark) if mark else None
                    before = line.words[index - 1].text if index > 0 else ""
                    # '1.200,00 zl', or a whole amount in thousands ('44 798 780 Ft': forint, yen, won have no cents)
                    after_amount = MONEY_TOKEN.match(before) is not None or _whole_thousands(line.words[:index])
                    # 'zl 30.00', but not a unit between a quantity and a price ('100 FT 17.35')
                    before_amount = (
                        index + 1 < len(line.words)
                        and MONEY_TOKEN.match(line.words[index + 1].text) is not None
                        and not before[-1:].isdigit()
                    )
                    if code is None and (after_amount or before_amount):
                        code = ASCII_SYMBOLS.get(text.rstrip(".").casefold())  # '36.620,00 zl' in a font without 'ł'
                        if code is None and re.fullmatch(r"[A-Z]{3}", text) and text in iso_codes():
                            code = text  # any ISO code beside an amount ('1.250,00 MAD')
                    bracketed = re.fullmatch(r"\(([A-Z]{3})\)[:.,;]?", word.text)
                    if code is None and bracketed and text in iso_codes():
                        code = text  # any ISO code in brackets, a column's or a sum's ('Monthly fee (MYR)')

                    if not code or not mark:
                        continue
                    is_code = mark.upper() == code
                    if is_code:
                        coded.add(code)
                    amount = _marked_amount(word, line.words[max(0, index - 1) : index + 2], number_hint)
                    if amount is not None and amount > largest[0]:
                        largest = (amount, code)
                    votes[code] = votes.get(code, 0.0) + weight * (2.0 if is_code else 1.0)
                    where.setdefault(code, (view.page.number, word))
        if not votes:
            text = " ".join(line.text for view in views for line in view.lines)
            code = parse_currency(text) if re.search(r"dollar|euro|franc|pound|sterling", text, re.I) else None
            if code:
                fields["currency"] = FieldValue(code, 0.5, None, None, None)
            return
        dollars = [c for c in votes if c != "USD" and c.endswith("D") and c in COMMON_CODES]
        if "USD" in votes and dollars:  # '$' on a CAD order: the code says which dollar
            votes[dollars[0]] += votes.pop("USD")
            where.setdefault(dollars[0], where["USD"])
        code = max(votes, key=lambda c: votes[c])
        if largest[1] is not None and largest[1] in votes:
            code = largest[1]  # the currency of the totals (the largest amount marked) wins over marks on items
        agreement = votes[code] / sum(votes.values())
        page, word = where[code]
        if code in SIGN_COUNTRIES and code not in coded:
            # a bare '$' or 'kr': that of the country the document names first (an Australian buyer's '$' is AUD)
            countries = SIGN_COUNTRIES[code]
            text = " ".join(line.text for view in views for line in view.lines)
            pattern = r"\b(?:" + "|".join(re.escape(c) for c in countries) + r")(?![\w.])"
            named = [(m.start(), countries[m.group(0).casefold()]) for m in re.finditer(pattern, text, re.IGNORECASE)]
            if named and min(named)[1] != code:
                code, agreement = min(named)[1], agreement / 2
        fields["currency"] = FieldValue(code, round(0.6 + 0.3 * agreement, 4), page, word.bbox, word.text)


def _caption_starts(text: str, start: int) -> list[int]:
    """Where a caption may start in a phrase: its start, and after each ' / ' that ends a caption in another
    language before it ('N° de commande / PO Number', 'Condiciones de pago / Terms of Payment'): the part before
    the slash has letters and no digit (a value '2026 / 27' or 'Net 30 / EOM' is no caption)."""
    starts = [start]
    for slash in re.finditer(r"\s/\s+", text):
        before = text[start : slash.start()]
        if re.search(r"\d", before) or not re.search(r"[^\W\d_]", before):
            break
        starts.append(slash.end())
    return starts


def _terms_first(values: list[tuple[list[Word], float]]) -> list[tuple[list[Word], float]]:
    """A caption's places for its terms, those that print a number of days first: in a row of captions the phrase
    right of 'Terms' is the next caption ('Ship Via', 'Currency') and the terms ('Net 30') stand below it."""
    return sorted(values, key=lambda v: net_days(" ".join(w.text for w in v[0])) is None)


def _whole_thousands(words: list[Word]) -> bool:
    """Whether the words end in an amount without cents set in thousands: '44 798 780' (three words) or
    '44.798.780' (one), never a bare count ('100' before a unit)."""
    if words and re.fullmatch(r"\d{1,3}(?:[.,' \u00a0]\d{3})+", words[-1].text):
        return True
    groups: list[str] = []
    for word in reversed(words):
        if not re.fullmatch(r"\d{1,3}", word.text):
            break
        groups.insert(0, word.text)
    return len(groups) >= 2 and all(len(group) == 3 for group in groups[1:])


def _marked_amount(mark: Word, around: list[Word], number_hint: str | None) -> Decimal | None:
    """The money amount a currency mark stands on ('£43.10') or beside ('EUR' after '1.250,00'), if any."""
    for word in [mark, *(w for w in around if w is not mark)]:
        text = word.text.strip("():;,[]")
        if MONEY_TOKEN.match(text):
            amount = parse_amount(text, number_hint)
            if amount is not None:
                return abs(amount)
    return None
