"""Caption-value forms (orders and contracts printed by other people's systems): ``read(doc) -> fields``.

A traffic or billing system prints a caption and its value beside it or under it: "Contract #  1344601",
"Flight Dates: 02/07/20 - 02/13/20", "Advertiser Name: Road to Michigans Future", a "Gross Total" at the
end of a 40-page schedule. Each caption names a field; the value is the first words to its right on the
same line that parse as that field's type (an identifier, an amount, a date range, a name), else the
words just under it. Every sighting is a vote; a value printed in several places gains confidence, and a
rival value printed under an equally good caption takes confidence away (the value is then likely wrong).
Nothing here knows a station, a system or a layout: only captions, types and geometry.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from extraction import normalize
from extraction.document import BBox, Document, Word, union_bbox
from extraction.heuristic.vocabulary import AGREEMENT_WORDS
from extraction.layout import Line, captions_over_values, group_lines, typical_char_width, value_over_caption
from extraction.references import with_series
from extraction.result import FieldValue, Value, as_decimal

# caption pattern -> (field, kind of value, how much the caption alone says: 0..1)
AGREEMENT_NUMBER = "agreement_number"  # no field of its own: a contract's number on a contract only
Caption = tuple[re.Pattern[str], str, str, float]


def _caption(pattern: str, name: str, kind: str, weight: float) -> Caption:
    return re.compile(rf"(?<![\w/])(?:{pattern})\s*[:#.]*\s*$", re.IGNORECASE), name, kind, weight


CAPTIONS: list[Caption] = [
    _caption(
        r"contract\s*(?:#|no\.?|number|num\.?)|contract\s*/\s*rev(?:ision)?|contract", "contract_number", "id", 0.9
    ),
    # the agreement's word in any language the project reads, a number sign after it, whole or ending a compound
    # ('Vertrags-Nr.', 'Kontrakt nr', 'Contrato n.º'): the words of ``vocabulary.AGREEMENT_CAPTION``; a contract's
    # own number, an order's agreement it calls off (``readers`` tells them by the document's type)
    _caption(
        rf"\w*(?:{AGREEMENT_WORDS})\w*[\s-]*(?:#|n[°º.]?\s*º?|nr\.?|num\.?|number|nummer)",
        AGREEMENT_NUMBER,
        "id",
        0.85,
    ),
    _caption(r"(?:order|ord\.?)\s*(?:#|no\.?|number|num\.?)|order\s*/\s*rev(?:ision)?", "po_number", "id", 0.85),
    _caption(r"alt(?:ernate)?\.?\s*order\s*(?:#|no\.?|number)?", "po_number", "id", 0.55),
    _caption(r"(?:invoice|inv\.?)\s*(?:#|no\.?|number|num\.?)", "invoice_number", "id", 0.85),
    _caption(r"invoice", "invoice_number", "id", 0.6),
    _caption(r"advertiser(?:\s*name)?|client(?:\s*name)?", "buyer_name", "name", 0.85),
    _caption(
        r"grand\s*total|gross\s*total|total\s*gross|gross\s*amount|order\s*total|contract\s*total",
        "total",
        "amount",
        0.85,
    ),
    _caption(r"total\s*\$|total\s*amount|total\s*due|amount\s*due", "total", "amount", 0.75),
    _caption(r"totals?", "total", "amount", 0.55),
    # codes and references printed beside a party, not its name
    _caption(
        r"(?:advertiser|agency|client)\s*(?:code|ref(?:erence)?|id|#|no\.?|external\s*id|external\s*1d)"
        r"|(?:local\s*)?advertiser\s*(?:code|id)",
        "",
        "name",
        0.0,
    ),
    # amounts that are not the order's total: read so that their 'Total' is not taken for one
    _caption(
        r"(?:net|sub|agency|commission|tax|spot)\s*-?\s*totals?|net\s*amount|total\s*(?:spots|net|commission|tax)"
        r"|total\s*(?:excl\.?|excluding|before|w/o|without|exclusive\s*of|less)(?:\s*[\w.]+)?",
        "",
        "amount",
        0.0,
    ),
    _caption(
        r"(?:order\s*)?flight(?:\s*dates?)?|contract\s*dates?|start\s*/\s*end\s*dates?|schedule\s*dates?"
        r"|(?:order|broadcast|flight|contract)\s*period",
        "flight",
        "range",
        0.9,
    ),
    # an invoice's period is its billing month, a table's 'Time Period' one of its weeks: weak evidence
    _caption(r"(?:invoice\s*|time\s*|billing\s*)?period", "flight", "range", 0.45),
    _caption(r"dates?", "flight", "range", 0.4),
]
# words that start another caption: a value stops there ("Advertiser Name: Acme  Product Desc: ...")
STOP_WORDS = re.compile(
    r"^(?:product|estimate|agency|billing|buyer|contact|demographic|order|contract|invoice|flight|advertiser|station"
    r"|account|sales|revenue|print|page|original|alt|date|dates|period|terms|market|special|salesperson|address"
    r"|phone|fax|deal|property|rep|remit)\b",
    re.IGNORECASE,
)
ID_WORD = re.compile(r"^[A-Z]{0,5}[-/]?\d[A-Z0-9\-/]*$", re.IGNORECASE)
SYMBOL = r"[$€£¥]|[A-Z]{3}"
# an amount with cents, or with a currency symbol; its thousands may be spaced ('€3 170,20': two words)
AMOUNT_WORD = re.compile(
    rf"^\(?-?(?:{SYMBOL})?\s?\(?\d{{1,3}}(?:[,.\s'’]?\d{{3}})*(?:[.,]\d{{2}})\)?$|^(?:{SYMBOL})\s?\d[\d,.]*$"
)
THOUSANDS_HEAD = re.compile(rf"^(?:{SYMBOL})?\d{{1,3}}$")
THOUSANDS_TAIL = re.compile(r"^\d{3}(?:[.,]\d{2,3})?$")  # three places after spaced groups: a dinar's '2 238 005,634'
GROUP = re.compile(r"\d{3}")
# the party's address under its name ('5225 York Road', 'PO Box 626')
ADDRESS = re.compile(r"^\d+\b|^P\.?\s?O\.?\b|\b(?:box|street|st\.|road|rd\.|avenue|ave\.?|suite|ste\.?)(?:\s|$)", re.I)
ACCOUNT_NUMBER = re.compile(r"\s*\(\d{3,}\)?\s*$")
# 'Apr16/20', 'Feb13/20': a month word glued to the day
GLUED_MONTH = re.compile(r"^([A-Za-z]{3,9})\.?(\d{1,2})/(\d{2,4})$")


KIND_OF = {c[1]: c[2] for c in CAPTIONS if c[1]} | {"effective_date": "range", "expiry_date": "range"}
# what a value's format alone says (measured on the development split of real orders: a validated date range
# or an amount under a total caption is nearly always right; a name under 'Advertiser' four times in five)
FORMAT_SAYS = {"range": 0.82, "amount": 0.82, "id": 0.8, "name": 0.62}


@dataclass(slots=True)
class Sighting:
    value: Value
    score: float
    page: int
    bbox: BBox | None
    raw: str


def amount_groups(words: list[Word]) -> list[tuple[str, list[Word]]]:
    """The amounts among the words, each as text and the words it spans ('€3' '170,20' is one amount)."""
    out: list[tuple[str, list[Word]]] = []
    index = 0
    while index < len(words):
        word, following = words[index], words[index + 1] if index + 1 < len(words) else None
        text = word.text.strip()
        if following is not None and THOUSANDS_HEAD.match(text) and THOUSANDS_TAIL.match(following.text.strip()):
            end = index + 1  # '7 213 628,37': every group of three that follows, the cents on the last
            while (
                end + 1 < len(words) and GROUP.fullmatch(words[end].text) and THOUSANDS_TAIL.match(words[end + 1].text)
            ):
                end += 1
            out.append((" ".join(w.text.strip() for w in words[index : end + 1]), words[index : end + 1]))
            index = end + 1
            continue
        if AMOUNT_WORD.match(text):
            out.append((text, [word]))
        index += 1
    return out


def parse_form_date(text: str, hint: str | None) -> date | None:
    text = text.strip(" ,;.()")
    glued = GLUED_MONTH.match(text)
    if glued:
        text = f"{glued.group(1)} {glued.group(2)} {glued.group(3)}"
    return normalize.parse_date(text, hint)


def date_range(words: list[Word], hint: str | None) -> tuple[date, date, list[Word]] | None:
    """The first 'start - end' (or 'start to end', 'start-end') among the words: two real dates, end >= start."""
    found: list[tuple[date, Word]] = []
    for word in words[:8]:
        for part in re.split(r"(?<=\d)-(?=[A-Za-z\d])|\s+", word.text):
            parsed = parse_form_date(part, hint) if re.search(r"\d", part) else None
            if parsed is not None:
                found.append((parsed, word))
        if len(found) >= 2:
            break
    if len(found) < 2:
        return None
    (start, first), (end, last) = found[0], found[1]
    if not 0 <= (end - start).days <= 731:
        return None
    return start, end, [first, last] if first is not last else [first]


class FormReader:
    def __init__(self, doc: Document) -> None:
        texts = [w.text for p in doc.pages for w in p.words]
        self.doc = doc
        self.date_hint = normalize.date_order_of(texts) or "mdy"
        self.number_hint = normalize.number_format_of(texts)
        self.sightings: dict[str, list[Sighting]] = defaultdict(list)

    def read(self) -> dict[str, FieldValue]:
        for page in self.doc.pages:
            if not page.words:
                continue
            lines = group_lines(page.words)
            char_width = typical_char_width(page.words)
            last_page = page.number == self.doc.page_count
            for index, line in enumerate(lines):
                self._read_line(page.number, lines, index, line, char_width, last_page)
        return self._decide()

    def _read_line(self, page: int, lines: list[Line], index: int, line: Line, char_width: float, last: bool) -> None:
        words = line.words
        start = 0
        while start < len(words):
            # the longest caption starting here ('Contract #' rather than 'Contract')
            for end in range(min(len(words), start + 4) - 1, start - 1, -1):
                text = " ".join(w.text for w in words[start : end + 1])
                caption = next((c for c in CAPTIONS if c[0].fullmatch(text)), None)
                if caption is not None and caption[2] == "name" and not self._isolated(words, start, end, char_width):
                    caption = None  # 'advertiser' in running prose ('... the Advertiser agrees ...')
                if caption is not None:
                    # a name sits close to its caption; numbers are often right-aligned in a column
                    wide = {"name": 40, "amount": 200}.get(caption[2], 30)
                    gap = 200 if caption[2] == "amount" else 3.5
                    right = self._right_of(words, end, char_width, wide, gap)
                    if not right:  # a value printed a little lower than its caption, on a line of its own
                        row = self._same_row(lines, index, words[start : end + 1])
                        right = self._right_of(row, row.index(words[end]), char_width, wide, gap)
                    cell = self._cell(words, start, end, char_width) if caption[2] == "name" else words[start : end + 1]
                    over = value_over_caption(lines, index, cell, char_width)
                    if over:  # a caption in small print under its value: that value alone
                        self._take(caption, page, over, [], last)
                        start = end
                        break
                    next_cell = None
                    if caption[2] == "name" and self._caption_row(lines, index, cell, right, char_width):
                        next_cell, right = right[0].bbox[0], []  # the next caption of a row of captions
                    if caption[2] == "name" and right:
                        right += self._wrapped(lines, index, words[start], right, char_width)
                    below = self._below(lines, index, cell, char_width)
                    if next_cell is not None:  # each caption over its value: a value ends under the next cell
                        below = [w for w in below if w.bbox[0] < next_cell - char_width]
                    self._take(caption, page, right, below, last)
                    start = end
                    break
            start += 1

    @staticmethod
    def _caption_row(lines: list[Line], index: int, caption: list[Word], right: list[Word], char_width: float) -> bool:
        """A caption without a colon and the words right of it are two cells of a row of captions: the next line,
        close under them, starts a word under each ('Client' beside 'Supplier', each name under its own). Where
        the word under the caption starts another caption, the two are a caption and its value in a column of
        such pairs ('Advertiser  Acme PAC' over 'Product  Spring flight')."""
        if not right or caption[-1].text.endswith(":") or index + 1 >= len(lines):
            return False
        after = lines[index + 1]
        under = next((w for w in after.words if abs(w.bbox[0] - caption[0].bbox[0]) < 1.5 * char_width), None)
        if under is not None and STOP_WORDS.match(under.text):
            return False
        height = max(w.bbox[3] - w.bbox[1] for w in [*caption, *lines[index].words, *after.words])
        bottom = max(w.bbox[3] for w in caption)
        starts = [w.bbox[0] for w in after.words]
        return captions_over_values(
            [caption[0].bbox[0], right[0].bbox[0]], bottom, height, after.top, starts, char_width
        )

    @staticmethod
    def _cell(words: list[Word], start: int, end: int, char_width: float) -> list[Word]:
        """A caption's cell: the caption and the words set close before it in a row of captions ('NR. CLIENT', a
        client's number: its value stands under the cell's start, not under 'CLIENT')."""
        while start > 0 and words[start].bbox[0] - words[start - 1].bbox[2] < 1.5 * char_width:
            start -= 1
        return words[start : end + 1]

    @staticmethod
    def _same_row(lines: list[Line], index: int, caption: list[Word]) -> list[Word]:
        """The caption's line with the words of the next line right of it when that line is only slightly
        lower (a value set on its own baseline beside its caption)."""
        height = max(w.bbox[3] - w.bbox[1] for w in caption)
        row = list(lines[index].words)
        if index + 1 < len(lines) and lines[index + 1].top - lines[index].top < 0.6 * height:
            row += [w for w in lines[index + 1].words if w.bbox[0] > caption[-1].bbox[2]]
        return sorted(row, key=lambda w: w.bbox[0])

    @staticmethod
    def _wrapped(lines: list[Line], index: int, caption: Word, value: list[Word], char_width: float) -> list[Word]:
        """A name cut by its column's width (another column follows it on its line) goes on under its own first
        word, on the next line, with nothing printed there under its caption ('Advertiser: Congressional' /
        'Leadership Fund')."""
        if index + 1 >= len(lines) or lines[index].words[-1] is value[-1]:
            return []  # a name that ends its line is whole ('Acme PAC' / 'PO Box 626' under it)
        height = value[0].bbox[3] - value[0].bbox[1]
        after = lines[index + 1]
        if not 0 <= after.top - value[0].bbox[3] + 0.2 * height <= height:
            return []  # the next line, not the value's own (a value printed a little lower than its caption)
        x = value[0].bbox[0]
        column = [w for w in after.words if abs(w.bbox[0] - x) <= char_width]
        under_caption = [w for w in after.words if caption.bbox[0] - char_width <= w.bbox[0] < x - char_width]
        if not column or under_caption or STOP_WORDS.match(column[0].text) or column[0].text.endswith(":"):
            return []
        more = [column[0], *FormReader._right_of(after.words, after.words.index(column[0]), char_width)]
        return [] if ADDRESS.search(" ".join(w.text for w in more)) else more

    @staticmethod
    def _isolated(words: list[Word], start: int, end: int, char_width: float) -> bool:
        """A caption starts its line or its block (a gap before it), ends with a colon, or follows no prose word
        (a prose word's opening quote or bracket aside: 'ci-après «le Client »'); a word closed by a quote or a
        bracket after it is a term the prose defines ('le Client »,', '(the "Client")'), and one a lower-case word
        follows close without a colon starts a phrase, no caption."""
        after = words[end + 1].text if end + 1 < len(words) else ""
        if after[:1] in ("»", "”", "’", '"', ")"):
            return False
        close = end + 1 < len(words) and words[end + 1].bbox[0] - words[end].bbox[2] < 2 * char_width
        if close and after[:1].islower() and not words[end].text.endswith(":"):
            return False  # a phrase that starts with the word ('Client workshop and follow-up'), a table's row
        before = words[start - 1].text.lstrip("«“‘\"'([") if start else ""
        if start == 0 or words[end].text.endswith(":") or not before[:1].islower():
            return True
        return words[start].bbox[0] - words[start - 1].bbox[2] > 2 * char_width

    @staticmethod
    def _right_of(
        words: list[Word], end: int, char_width: float, first_gap: float = 12, gap: float = 3.5
    ) -> list[Word]:
        """Words after the caption on its line, up to a wide gap (another column) or another caption."""
        out: list[Word] = []
        for word in words[end + 1 :]:
            previous = out[-1] if out else words[end]
            if word.bbox[0] - previous.bbox[2] > (first_gap if not out else gap) * char_width:
                break
            if out and STOP_WORDS.match(word.text):
                break
            out.append(word)
        return out

    @staticmethod
    def _below(lines: list[Line], index: int, caption: list[Word], char_width: float) -> list[Word]:
        """Words under the caption on the next line or two, in the caption's column."""
        x0, x1 = caption[0].bbox[0], caption[-1].bbox[2]
        bottom = max(w.bbox[3] for w in caption)
        height = max(w.bbox[3] - w.bbox[1] for w in caption)
        for line in lines[index + 1 : index + 3]:
            if line.top - bottom > 2.5 * height:
                break
            column = [w for w in line.words if x0 - 2 * char_width <= w.bbox[0] < x1 + 8 * char_width]
            if column:
                start = line.words.index(column[0])
                return [column[0], *FormReader._right_of(line.words, start, char_width)]
        return []

    def _take(self, caption: Caption, page: int, right: list[Word], below: list[Word], last_page: bool) -> None:
        _, name, kind, weight = caption
        if not name:
            return
        # an amount under its caption is a table's first row, not its total
        for words, place in ((right, 1.0), (below if kind != "amount" else [], 0.9)):
            if not words:
                continue
            score = weight * place
            if kind == "amount" and last_page:
                score = min(1.0, score + 0.05)  # the order's total is printed after its schedule
            if kind == "range":
                flight = date_range(words, self.date_hint)
                if flight is None:
                    continue
                bbox, raw = union_bbox([w.bbox for w in flight[2]]), " ".join(w.text for w in flight[2])
                self.sightings["effective_date"].append(Sighting(flight[0], score, page, bbox, raw))
                self.sightings["expiry_date"].append(Sighting(flight[1], score, page, bbox, raw))
                return
            read = self._value(kind, words)
            if read is None:
                continue
            value, used = read
            bbox, raw = union_bbox([w.bbox for w in used]), " ".join(w.text for w in used)
            self.sightings[name].append(Sighting(value, score, page, bbox, raw))
            return

    def _value(self, kind: str, words: list[Word]) -> tuple[Value, list[Word]] | None:
        """An identifier, an amount or a name at the start of ``words``, and the words it was read from."""
        if kind == "id":
            series = with_series(words[:2]) if len(words) == 2 else None
            if series is not None:
                return series
            first = words[0].text.strip(":#.,;")
            digits, alnum = len(re.sub(r"\D", "", first)), len(re.sub(r"\W", "", first))
            if not ID_WORD.match(first) or digits < 4 or 2 * digits < alnum or parse_form_date(first, "mdy"):
                return None  # mostly digits; a date beside 'Order' is the order's date, not its number
            return first, [words[0]]
        if kind == "amount":
            groups = amount_groups(words[:6])
            marked = [g for g in groups if re.search(SYMBOL, g[0])]
            if not (marked or groups):
                return None
            text, used = (marked or groups)[0]
            amount = normalize.parse_amount(text, self.number_hint)
            return None if amount is None or amount <= 0 else (amount, used)
        # a name: letters, up to the next caption, date or rule, as printed
        kept: list[Word] = []
        for word in words:
            if STOP_WORDS.match(word.text) or re.search(r"\d{1,2}/\d{1,2}/\d{2}", word.text):
                break
            kept.append(word)
            if "|" in word.text:
                break
        words = kept
        # the traffic system's account number after the name ('Amy for America (135176)') is not the name
        text = ACCOUNT_NUMBER.sub("", " ".join(w.text for w in words).split("|")[0]).strip(" :-,")
        if not text:
            return None
        if len(re.sub(r"[^A-Za-z]", "", text)) < 2 or AMOUNT_WORD.match(text) or len(words) > 14:
            return None
        # running prose ('advertiser to ...') is no field; a name whose other words are capitalised is one whose
        # first capital the scan read as a lower-case letter ('lowa Forward' for 'Iowa Forward')
        capitalised = len(words) > 1 and all(w.text[:1].isupper() or not w.text[:1].isalpha() for w in words[1:])
        if not (text[0].isupper() or text[0].isdigit() or (text[0].islower() and capitalised)):
            return None
        return text, words

    def _decide(self) -> dict[str, FieldValue]:
        fields: dict[str, FieldValue] = {}
        for name, sightings in self.sightings.items():
            fields[name] = decide(sightings, KIND_OF.get(name, "id"))
        return fields


def decide(sightings: list[Sighting], kind: str) -> FieldValue:
    """One value from its sightings: the most supported (an order's total: the largest of its best-captioned
    amounts, as subtotals print below the same captions); confidence falls with the rival's support.

    How sure a value is starts from what its format proves (``FORMAT_SAYS``: two real dates in order, an
    amount with cents, more than a name), then its caption, then how often it was printed."""
    prefer_largest = kind == "amount"
    support: dict[Value, float] = defaultdict(float)
    best: dict[Value, Sighting] = {}
    for s in sightings:
        support[_key(s.value)] += s.score
        if _key(s.value) not in best or s.score > best[_key(s.value)].score:
            best[_key(s.value)] = s
    if prefer_largest:
        top = max(s.score for s in sightings)
        strong = [k for k in best if best[k].score >= top - 0.05]
        winner = max(strong, key=lambda k: as_decimal(best[k].value) or Decimal(0))
    else:
        # the best caption first (one 'Flight Dates' beats many table rows), then how often it was printed
        winner = max(support, key=lambda k: (round(best[k].score, 2), support[k]))
    chosen = best[winner]
    rival = max((v for k, v in support.items() if k != winner), default=0.0)
    share = support[winner] / (support[winner] + rival)
    if prefer_largest:
        share = max(share, 0.9)  # smaller totals (weeks, months) are expected beside the order's total
    printed = sum(1 for s in sightings if _key(s.value) == winner)
    confidence = min(0.97, (FORMAT_SAYS[kind] + 0.1 * chosen.score + min(0.04, 0.02 * (printed - 1))) * share)
    return FieldValue(chosen.value, round(confidence, 4), chosen.page, chosen.bbox, chosen.raw)


def _key(value: Value) -> Value:
    return value.casefold() if isinstance(value, str) else value


def is_caption(text: str) -> bool:
    """A form's caption read as a value ('Alt #', 'Invoice #', 'Property'): each word starts a caption or is a mark."""
    words = text.split()
    return bool(words) and all(STOP_WORDS.match(w) or not re.search(r"[^\W\d_]", w) for w in words)


def read(doc: Document) -> dict[str, FieldValue]:
    """The caption-value fields of a form, each with its evidence-based confidence."""
    return FormReader(doc).read()
