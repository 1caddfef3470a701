"""A layout-heuristic extractor: label/value patterns, table columns from header words, prose patterns.

Not a template per vendor: labels and column headers are matched by synonyms, columns are
located from the header words' positions, and values are normalised and cross-checked
(qty x price = amount, lines sum to the subtotal, subtotal + tax = total). Confidences are
heuristic scores; a calibrated layout model plugs in later with the same ``extract(doc)``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from statistics import median

from rapidfuzz import fuzz as rf_fuzz
from rapidfuzz import process as rf_process

from extraction.checks import cross_check
from extraction.document import BBox, Document, Page, Word, union_bbox
from extraction.layout import Line, group_lines, split_phrases, typical_char_width
from extraction.normalize import (
    COMMON_CODES,
    currency_on_amount,
    date_order_of,
    is_valid_tax_id,
    normalize_tax_id,
    number_format_of,
    ocr_fixed_tax_id,
    parse_amount,
    parse_currency,
    parse_date,
)
from extraction.ocr import DIGITS, PixelBox, read_regions
from extraction.result import HEADER_FIELDS, DocType, Extraction, FieldValue, LineItem, Value, as_decimal
from extraction.terms import net_days

MODEL_VERSION = "heuristic-1"
DOLLAR_COUNTRIES = {
    "united states": "USD",
    "usa": "USD",
    "u.s.a.": "USD",
    "australia": "AUD",
    "canada": "CAD",
    "new zealand": "NZD",
    "singapore": "SGD",
    "hong kong": "HKD",
}
DOLLAR_COUNTRY = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in DOLLAR_COUNTRIES) + r")(?![\w.])", re.IGNORECASE)

# ---- label synonyms ------------------------------------------------------------------------------

_END = r"(?=\s*[:#.]|\s|$)"
# field -> [(regex anchored at a phrase start, score, value may sit on the line below)]
LABELS: dict[str, list[tuple[str, float, bool]]] = {
    "po_number": [
        (r"purchase\s+order\s*(?:number|no\.?|num\.?|nr\.?|#|id)", 0.95, True),
        # OCR reads the O of 'PO' as '0' or '°' ('P ° Number')
        (r"p\.?\s?[o0°]\.?\s*(?:number|no\.?|num\.?|nr\.?|#)", 0.95, True),
        (r"order\s*(?:number|no\.?|nr\.?|#)", 0.8, True),
        (r"po(?!\s+(?:total|date|box|value|amount))" + _END, 0.8, False),
        (r"purchase\s+order(?=\s*[:#])", 0.75, False),
        # a title with the number beside it: 'Purchase Order P5928228', 'PURCHASE ORDER - LAK-422483'
        (r"(?:purchase\s+order|p\.?\s?o\.?)(?:\s+form)?(?:\s*[-–:#]\s+|\s+[-–:#]?\s*)(?=[A-Z#]*[-/]?\d)", 0.75, False),
    ],
    "contract_number": [
        (r"(?:contract|agreement)\s*(?:number|no\.?|nr\.?|#|id|ref(?:erence)?\.?)", 0.95, True),
    ],
    "order_date": [
        (r"(?:order|po|p\.o\.|purchase\s+order)\s+date", 0.95, True),
        (r"date\s+(?:of\s+order|ordered|issued)", 0.9, True),
        (r"(?:issue\s+)?date" + _END, 0.75, True),
    ],
    "effective_date": [
        (r"(?:effective|start|commencement)\s+date", 0.95, True),
        (r"effective\s+(?:as\s+of|from)", 0.85, False),
    ],
    "expiry_date": [
        (r"(?:expiry|expiration|termination|end)\s+date", 0.95, True),
        (r"valid\s+(?:until|through|thru)|expires(?:\s+on)?", 0.85, False),
    ],
    "payment_terms": [
        (r"(?:payment\s+terms|terms\s+of\s+payment)", 0.95, True),
        (r"(?:terms|payment)" + _END, 0.8, True),
    ],
    "currency": [(r"(?:(?:order|document|po|invoice|billing|transaction)\s+)?currency(?:\s+code)?", 0.95, True)],
    "subtotal": [
        (
            r"(?:sub[\s-]?total|net\s+total|total\s+net|net\s+amount|total\s+before\s+tax|goods\s+value|net\s+value"
            r"|total\s+excl\.?(?:\s+\w+)?)",
            0.9,
            False,
        )
    ],
    "tax_total": [
        (
            r"total\s+(?:vat|tax|sales\s+tax|gst|hst|mwst|ust|tva|iva)|(?:vat|tax|mwst|gst)\s+total|total\s+tax(?:es)?",
            0.95,
            False,
        ),
        (
            r"(?:sales\s+tax|tax(?!\s*(?:id|no|number|#|reg))|vat(?!\s*(?:id|no|number|#|reg))|gst|mwst|ust(?!-))"
            r"(?:\s+(?:total|amount))?(?:\s*\(?\s*@?\s*\d+(?:[.,]\d+)?\s*%\s*\)?)?",
            0.85,
            False,
        ),
    ],
    "total": [
        (
            r"(?:grand\s+total|total\s+(?:due|amount|order|value|incl\.?(?:\s+\w+)?|payable)|amount\s+due|"
            r"balance\s+due|(?:order|po|p\.o\.|purchase\s+order|document)\s+total|total(?!\s+(?:vat|tax|gst|excl|net)))"
            + _END,
            0.9,
            False,
        )
    ],
}
TAX_ID_LABEL = re.compile(
    r"(?<![\w])(?:(?:federal|company|business|our|your)\s+)?"
    r"(?:(?:vat|tax|gst|hst|ust|tva|iva|mwst|btw)\s*(?:reg(?:istration)?\.?\s*)?(?:id(?:entification)?|no\.?|nr\.?|number|#|-?idnr\.?)"
    r"(?:\s*(?:no\.?|number|#))?|vat(?=\s*:?\s*[A-Z]{2}[A-Z0-9]?\s?\d)|(?:u\.?s\.?\s*)?f?ein(?:\s*(?:no\.?|#|number))?|tin"
    r"|uid(?:-?nr\.?)?|siret|siren|abn|nif|cif|kvk)\s*[:#.]?",
    re.IGNORECASE,
)
_PARTY_SUFFIX = r"(?:\s+(?:address|details|information|info|name|company|contact))?"
# field -> [(label, score)]: labels of the party blocks of a PO; matched as a whole phrase or before a colon
PARTY_LABELS: dict[str, list[tuple[str, float]]] = {
    "vendor_name": [
        (r"(?:vendor|supplier|seller|sold\s+by|remit\s+to|(?:purchase[d]?|order(?:ed)?)\s+from)" + _PARTY_SUFFIX, 0.9),
        (r"(?:order(?:ed)?|issued|purchase\s+order|po)\s+to|to", 0.75),
    ],
    "buyer_name": [
        (
            r"(?:bill(?:ed)?\s+to|invoice\s+to|buyer|customer|sold\s+to|purchaser|client|ordered\s+by|invoic(?:e|ing)"
            r"|billing)" + _PARTY_SUFFIX,
            0.9,
        ),
        (
            r"(?:ship(?:ped)?\s*-?\s*to|deliver(?:y)?\s+to|consignee)"
            + _PARTY_SUFFIX
            + r"|(?:delivery|shipping)\s+(?:address|location|point)",
            0.5,
        ),
    ],
}
_PARTY_LABEL_RES = {
    name: [(re.compile(rf"(?:{pattern})\b(?!\s*(?:no\b|number|#|id\b|code|ref|date|terms))\s*:?", re.I), score)
           for pattern, score in patterns]
    for name, patterns in PARTY_LABELS.items()
}  # fmt: skip
LEGAL_FORM = re.compile(
    r"(?:^|\b)(?:inc|llc|llp|lp|ltd|limited|gmbh|ag|sa|s\.a|sas|sarl|s\.r\.l|srl|s\.p\.a|spa|b\.v|bv|n\.v|nv|plc|corp|"
    r"corporation|co|company|ab|oy|a/s|aps|as|sp\.\s*z\s*o\.o|kg|pty|group|s\.l|sl|kft|s\.r\.o|zrt)\.?$",
    re.IGNORECASE,
)

ADJUSTMENT_LABEL = re.compile(
    r"^(?:shipping|freight|handling|carriage|packing|surcharge|rounding|insurance|discount|rebate)\b", re.IGNORECASE
)
DISCOUNT_LABEL = re.compile(r"^(?:discount|rebate)\b", re.IGNORECASE)
MONEY_TOKEN = re.compile(r"^\(?[-\u2212]?[^\d\s(]{0,3}\d[\d.,' ]*[.,]\d{2}\)?$")  # an amount with cents

TOTALS_LINE = re.compile(
    r"^(?:sub[\s-]?total|total|goods\s+value|net\s+(?:value|total|amount)|order\s+total|grand\s+total|amount\s+due|"
    r"balance\s+due|invoice\s+total|sales\s+tax|tax|vat|gst|mwst|ust|tva|iva|shipping|freight|discount|handling|"
    r"carriage|delivery\s+charges?|packing|surcharge|sum)\b",
    re.IGNORECASE,
)

# Exact header phrases first (normalised, currency suffix removed); then the keyword rules below.
COLUMN_SYNONYMS: dict[str, list[str]] = {
    "_discount": ["disc. %", "disc.", "disc", "discount", "discount %", "disc %", "rebate %", "rebate"],
    "_line": ["#", "no.", "no", "nr.", "line", "ln", "pos", "pos.", "line #", "line no.", "line item #"],
    "sku": [
        "item #", "item no", "item no.", "item number", "item code", "part no", "part no.", "part #", "part number",
        "sku", "article", "article no", "article no.", "art. no.", "art.-nr.", "code", "product code", "catalog #",
        "cat. no.", "item", "ref", "ref.", "product id", "material", "material no.", "mpn",
    ],
    "description": [
        "description", "product", "item description", "service", "services", "product / service", "details",
        "item", "designation", "product description", "article", "description of goods", "particulars",
        "article description", "product/service", "item / description", "goods description",
    ],
    "quantity": ["qty", "qty.", "quantity", "units", "ordered", "qty ordered", "quantity ordered", "hours", "menge"],
    "unit": ["uom", "u/m", "unit", "unit of measure", "um", "u.o.m.", "unit of measurement", "billing unit", "per"],
    "unit_price": [
        "unit price", "rate", "unit cost", "price", "price/unit", "price per unit", "unit rate", "each", "cost",
        "unit price (net)", "net price", "fee", "fees", "charge", "unit fee",
    ],
    "amount": [
        "amount", "line total", "extended price", "ext. price", "ext price", "total", "net amount", "extended",
        "line amount", "total price", "value", "total amount", "amount (net)",
    ],
    "tax_rate": ["tax", "vat", "vat %", "tax %", "tax rate", "vat rate", "gst %", "tax (%)", "vat (%)"],
}  # fmt: skip
_SYNONYM_INDEX: dict[str, list[str]] = {}
for _name, _phrases in COLUMN_SYNONYMS.items():
    for _phrase in _phrases:
        _SYNONYM_INDEX.setdefault(_phrase, []).append(_name)
_SYNONYM_INDEX["item"].append("_line")  # 'Item' beside 'Item Description' and 'Material' numbers the lines
# Keyword rules for headers no list foresaw ('Qty Shipped', 'Unit Price excl. VAT'); the first that matches wins.
COLUMN_RULES: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern))
    for name, pattern in [
        ("_discount", r"\bdisc(?:ount)?\b|\brebate\b"),
        ("_line", r"^(?:#|no\.?|nr\.?|line|ln|pos\.?|position|line\s*(?:#|no\.?)|s\.?\s*no\.?|sr\.?\s*no\.?)$"),
        ("unit", r"^(?:uom|u/?m|um|unit|u\.o\.m\.?|units?\s+of\s+measure(?:ment)?|me)$"),
        ("unit_price", r"\bunit\s*(?:price|cost|rate|value)|\bprice\s*(?:/|per)\s*(?:unit|uom|each|ea)\b|net\s+price"),
        ("amount", r"\b(?:amount|total|extended|ext\b|ext\.|line\s+value|value|sum)"),
        ("tax_rate", r"\b(?:tax|vat|gst|mwst|ust|tva|iva)\b"),
        ("unit_price", r"\b(?:price|rate|cost|each|preis)\b"),
        ("quantity", r"\b(?:qty|quantity|quant|ordered|units|hours|hrs|menge|pcs)\b"),
        (
            "sku",
            r"\b(?:sku|code|part|art\.?\s*(?:no|nr|#)|item\s*(?:#|no\b|number|code|id)|material|ref\b|catalog|mpn)",
        ),
        ("description", r"\b(?:description|descr|product|service|details|designation|goods|article|item|particulars)"),
    ]
]
PAGE_MARK = re.compile(
    r"^\s*(?:page|seite|p\.)\s*\d+(?:\s*(?:of|/|von)\s*\d+)?\s*$|^\s*\d+\s*/\s*\d+\s*$|^\s*\.\s*/\s*\.\.?\s*$|"
    r"\b(?:continued|to be continued|carried forward|brought forward|übertrag)\b",
    re.IGNORECASE,
)
NUMERIC_COLUMNS = ("quantity", "unit_price", "amount", "tax_rate", "_discount", "_line")
_SQUEEZED_KEYS = {re.sub(r"[^a-z]", "", phrase): phrase for phrase in _SYNONYM_INDEX if len(phrase) >= 4}
TEXT_COLUMNS = ("sku", "description", "unit")


# ---- working structures -----------------------------------------------------------------------


@dataclass(slots=True)
class Candidate:
    name: str
    value: Value
    words: list[Word]
    page: int
    score: float
    raw: str
    order: tuple[int, float] = (0, 0.0)  # page, y: where it stands

    def field(self) -> FieldValue:
        ocr = min((w.confidence for w in self.words), default=1.0)
        return FieldValue(self.value, round(self.score * (0.5 + 0.5 * ocr), 4), self.page, _bbox(self.words), self.raw)


@dataclass(slots=True)
class Column:
    name: str
    x0: float
    x1: float


@dataclass(slots=True)
class RowDraft:
    page: int
    cells: dict[str, list[Word]] = field(default_factory=dict)
    bottom: float = 0.0
    columns: tuple[str, ...] = ()  # the table's columns
    header: tuple[Column, ...] = ()  # where they stand
    line: Line | None = None  # the row's first printed line


@dataclass(slots=True)
class PageView:
    page: Page
    lines: list[Line]
    phrases: list[list[Line]]  # per line
    char_width: float


def _bbox(words: list[Word]) -> BBox | None:
    return union_bbox([w.bbox for w in words])


def _stack(line: Line, below: Line) -> Line:
    """A two-line table header as one line: each word of ``below`` joins the word above it."""
    merged = [[w] for w in line.words]
    loose: list[Word] = []
    for word in below.words:
        above = [m for m in merged if min(word.bbox[2], m[0].bbox[2]) - max(word.bbox[0], m[0].bbox[0]) > 0]
        if above:
            # a wide OCR box ('Measure' under 'Unit of' reaching 'Net') joins the word nearest its middle
            middle = (word.bbox[0] + word.bbox[2]) / 2
            min(above, key=lambda m: abs((m[0].bbox[0] + m[0].bbox[2]) / 2 - middle)).append(word)
        else:
            loose.append(word)
    words = [Word(" ".join(w.text for w in ws), _bbox(ws), min(w.confidence for w in ws)) for ws in merged]  # type: ignore[arg-type]
    return Line(sorted(words + loose, key=lambda w: w.bbox[0]))


def _gap(x0: float, x1: float, c0: float, c1: float) -> float:
    """Horizontal distance between two spans (0 when they overlap)."""
    return max(0.0, c0 - x1, x0 - c1)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@lru_cache(maxsize=4096)
def _column_roles_of(text: str) -> list[str]:
    """What a header phrase names: exact synonyms, then keyword rules, then a fuzzy match for OCR noise."""
    phrase = _norm(text).rstrip(":")
    # 'Value (EUR)', 'Amount in USD', 'Price €' name the column without the currency
    tail = re.search(r"\s*\(?(?:in\s+)?([a-z]{3}|[$€£¥])\)?$", phrase)
    if (
        tail
        and len(phrase) > len(tail.group(0))
        and (tail.group(1).upper() in COMMON_CODES or not tail.group(1).isalpha())
    ):
        phrase = phrase[: tail.start()].strip()
    if phrase in _SYNONYM_INDEX:
        return _SYNONYM_INDEX[phrase]
    for name, rule in COLUMN_RULES:
        if rule.search(phrase):
            return [name]
    squeezed = re.sub(r"[^a-z]", "", phrase)
    if len(squeezed) >= 4:  # OCR noise: 'Pr e/Unit', 'Product Servic', 'Descriptlon'
        match = rf_process.extractOne(squeezed, _SQUEEZED_KEYS, scorer=rf_fuzz.ratio, score_cutoff=82)
        if match:
            return _SYNONYM_INDEX[match[0]]  # a dict of choices gives (value, score, key)
    return []


def _date_order_by_country(texts: list[str]) -> str | None:
    """Month first for a US document (address or state + ZIP), day first elsewhere; None when nothing tells."""
    text = " ".join(texts)
    if re.search(r"\bUSA\b|\bU\.S\.A\.?|\bUnited States\b|\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b", text):
        return "MDY"
    if re.search(
        r"\b(?:Germany|Deutschland|France|Italy|Spain|Netherlands|Belgium|Austria|Switzerland|Sweden|Poland|"
        r"Denmark|Norway|Finland|Ireland|Portugal|United Kingdom|UK|England|Australia|New Zealand|India|"
        r"Czech Republic|Hungary|Romania|Greece|Singapore|South Africa|Brazil|Mexico)\b",
        text,
    ):
        return "DMY"
    return None


def _phrase_text_words(phrase: Line, start_char: int) -> list[Word]:
    """Words of a phrase whose text starts at or after ``start_char`` of ``phrase.text``."""
    out, position = [], 0
    for word in phrase.words:
        if position >= start_char:
            out.append(word)
        elif position + len(word.text) > start_char:  # 'PO#4711': the part of the word after the label
            tail = word.text[start_char - position :].lstrip(" :#.")
            if tail:
                out.append(Word(tail, word.bbox, word.confidence))
        position += len(word.text) + 1
    return out


class HeuristicExtractor:
    model_version = MODEL_VERSION

    def extract(self, doc: Document, doc_type_hint: str | None = None) -> Extraction:
        views = [self._view(page) for page in doc.pages]
        all_text = [line.text for view in views for line in view.lines]
        number_hint = number_format_of(all_text)
        # day-first is the norm where the comma is the decimal separator
        date_hint = date_order_of(all_text) or ("DMY" if number_hint == "EU" else _date_order_by_country(all_text))
        extraction = Extraction(doc_type="other", page_count=doc.page_count, model_version=MODEL_VERSION)

        rows, table_spans = self._line_items(views, number_hint)
        self._settle_unread_columns(rows, number_hint)
        for row in rows:
            self._quantity_from_text(row, number_hint)
        self._reread_rows(views, rows, number_hint)
        candidates = self._label_candidates(views, number_hint, date_hint, table_spans)
        candidates += self._party_candidates(views)
        letterhead = self._letterhead(views)
        if letterhead is not None:
            candidates.append(letterhead)
        candidates += self._prose_candidates(views, date_hint)
        fields = self._choose(candidates)
        self._fill_currency(fields, views, rows)
        if "payment_terms" in fields and "payment_terms_days" not in fields:
            terms = fields["payment_terms"]
            days = net_days(terms.raw or str(terms.value))
            if days is not None:
                fields["payment_terms_days"] = FieldValue(days, terms.confidence, terms.page, terms.bbox, terms.raw)
        extraction.fields = {name: fields[name] for name in HEADER_FIELDS if name in fields}
        extraction.line_items = [self._line_item(row, number_hint) for row in rows]
        extraction.doc_type = self._doc_type(all_text, bool(rows), doc_type_hint)
        extraction.adjustments = self._adjustments(views, table_spans, number_hint)
        cross_check(extraction)
        return extraction

    @staticmethod
    def _adjustments(
        views: list[PageView], table_spans: dict[int, tuple[float, float]], number_hint: str | None
    ) -> list[Decimal]:
        """Charges and discounts printed below the line items ('Shipping: 423.13', 'Discount (2%) -149.76'):
        the amount after such a label on its line, negative for a discount."""
        if not table_spans:
            return []
        last_page = max(table_spans)
        found = []
        for view in views:
            if view.page.number < last_page:
                continue
            for line in view.lines:
                if view.page.number == last_page and line.top < table_spans[last_page][1]:
                    continue
                label = next((i for i, w in enumerate(line.words) if ADJUSTMENT_LABEL.match(w.text)), None)
                if label is None:
                    continue
                money = next((w.text for w in line.words[label + 1 :] if MONEY_TOKEN.match(w.text)), None)
                amount = parse_amount(money.strip("()"), number_hint) if money is not None else None
                if money is None or amount is None:
                    continue
                negative = DISCOUNT_LABEL.match(line.words[label].text) or money.startswith(("(", "-"))
                found.append(-abs(amount) if negative else abs(amount))
        return found

    # ---- pages -----------------------------------------------------------------------------

    @staticmethod
    def _view(page: Page) -> PageView:
        lines = group_lines(page.words)
        char_width = typical_char_width(page.words)
        # OCR boxes hug the ink and jitter, so the space between two words of a phrase can look wider
        # and their heights follow the letters ('Net' is taller than '10'), so only a big size change splits
        gap, ratio = (3.0, 2.5) if page.source == "ocr" else (2.2, 1.43)
        return PageView(page, lines, [split_phrases(line, char_width, gap, ratio) for line in lines], char_width)

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
                for p_index, phrase in enumerate(phrases):
                    phrase = self._spaced_label(phrase, phrases[p_index + 1 : p_index + 4])
                    phrase = self._wrapped_label(view, index, phrase)
                    text = phrase.text
                    for name, patterns in LABELS.items():
                        for pattern, score, below_ok in patterns:
                            match = re.match(pattern, text, re.IGNORECASE)
                            if not match:
                                continue
                            label_end = match.end()
                            after = text[label_end:]
                            rest = after.lstrip(" :#.")
                            values: list[tuple[list[Word], float]] = []  # inline, right, below: first that parses
                            if rest:
                                values.append((_phrase_text_words(phrase, len(text) - len(rest)), 1.0))
                            if p_index + 1 < len(phrases):
                                right = phrases[p_index + 1]
                                if right.words[0].bbox[0] - phrase.words[-1].bbox[2] < 0.35:
                                    values.append((right.words, 0.95))
                            beside = self._words_right(view, phrase)
                            if beside:  # a value a little off the label's baseline, or beside a wrapped label
                                values.append((beside, 0.93))
                            if name == "payment_terms" and ":" not in after[:2] and re.match(r"[a-z]", rest):
                                values.insert(0, (phrase.words, 0.9))  # 'Payment within 14 days' is the terms
                            if below_ok:
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
                            for words, factor in values:
                                candidate = self._typed_value(name, words, number_hint, date_hint)
                                if candidate is not None:
                                    value, used, raw = candidate
                                    out.append(
                                        Candidate(name, value, used, number, score * factor, raw, (number, line.top))
                                    )
                                    break
                            break  # the first pattern of a field that matches decides
                # tax ids have their own labels; the party is settled later from the blocks
                for phrase in phrases:
                    match = TAX_ID_LABEL.search(phrase.text)
                    if match:
                        rest_words = _phrase_text_words(phrase, match.end())
                        tax_id = self._tax_id(rest_words)
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
        return any(re.match(p, text, re.I) for ps in LABELS.values() for p, _, _ in ps)

    def _spaced_label(self, phrase: Line, following: list[Line]) -> Line:
        """A label printed with wide gaps ('Purchase   Order   Nr.   KOW-1'): the phrases it spans, as one."""
        if not following or self._is_label(phrase.text):
            return phrase
        for count in range(1, len(following) + 1):
            merged = Line(phrase.words + [w for f in following[:count] for w in f.words])
            for patterns in LABELS.values():
                for pattern, _, _ in patterns:
                    match = re.match(pattern, merged.text, re.I)
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
                if any(
                    (m := re.match(p, text, re.I)) and m.end() >= len(text.rstrip(" :#."))
                    for ps in LABELS.values()
                    for p, _, _ in ps
                ):
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
    def _tax_id(words: list[Word]) -> tuple[str, list[Word]] | None:
        best = None
        for count in range(1, min(4, len(words)) + 1):
            text = "".join(w.text for w in words[:count])
            value = normalize_tax_id(text)
            if value and not is_valid_tax_id(value):
                value = ocr_fixed_tax_id(value) or value
            if value and (best is None or is_valid_tax_id(value)):
                best = (value, words[:count])
                if is_valid_tax_id(value):
                    break
        return best

    @staticmethod
    def _words_below(view: PageView, line_index: int, label: Line, char_width: float) -> list[Word]:
        """Words on the next line or two that start under the label, plus those running on to their right."""
        x0, x1 = label.bbox[0], label.bbox[2]
        for line in view.lines[line_index + 1 : line_index + 3]:
            words: list[Word] = []
            for word in line.words:
                if word.confidence < 0.2:
                    continue  # OCR noise (a speck read as 'P') is not the value
                if (
                    not words
                    and x0 - 2 * char_width <= word.bbox[0] <= x1
                    or words
                    and word.bbox[0] - words[-1].bbox[2] < 1.5 * char_width
                ):
                    words.append(word)
                elif words:
                    break
            if words:
                return words
        return []

    @staticmethod
    def _phrase_below(view: PageView, line_index: int, label: Line) -> Line | None:
        x0, x1 = label.bbox[0], label.bbox[2]
        for phrases in view.phrases[line_index + 1 : line_index + 3]:
            for phrase in phrases:
                px0, px1 = phrase.bbox[0], phrase.bbox[2]
                if px0 < x1 + 0.02 and px1 > x0 - 0.02:
                    return phrase
        return None

    def _typed_value(
        self, name: str, words: list[Word], number_hint: str | None, date_hint: str | None
    ) -> tuple[Value, list[Word], str] | None:
        kind = HEADER_FIELDS.get(name, "text")
        if not words:
            return None
        if name in ("po_number", "contract_number"):
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
                for start in (i - 1, i) if i > 0 else (i,):  # '100 936,19' is two words
                    raw = " ".join(w.text for w in words[start : i + 1])
                    amount = parse_amount(raw, number_hint)
                    if amount is not None and "%" not in raw and re.search(r"[.,]\d{2}$", raw):
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
            return (code, words[:1], raw) if code else None
        return None

    # ---- parties ------------------------------------------------------------------------------

    def _party_candidates(self, views: list[PageView]) -> list[Candidate]:
        """Names under (or right of) 'Vendor:' / 'Bill To:' labels, and the tax ids inside those blocks."""
        out: list[Candidate] = []
        for view in views[:2]:
            blocks: list[tuple[str, float, float, float]] = []  # name, x0, top, score
            for index, phrases in enumerate(view.phrases):
                for p_index, phrase in enumerate(phrases):
                    found = self._party_label(phrase.text)
                    if found is None:
                        continue
                    name, score, label_end = found
                    rest = phrase.text[label_end:].strip()
                    inline = True
                    if rest:
                        words, factor = _phrase_text_words(phrase, label_end), 0.95
                    else:
                        right = phrases[p_index + 1] if p_index + 1 < len(phrases) else None
                        below = self._phrase_below(view, index, phrase)
                        if (
                            right is not None
                            and right.words[0].bbox[0] - phrase.bbox[2] < 0.2
                            and not (self._party_label(right.text) or right.text.rstrip().endswith(":"))
                        ):
                            words, factor = right.words, 0.9
                        elif below is not None and not self._party_label(below.text):
                            words, factor, inline = list(below.words), 0.9, False
                            words += self._legal_form_below(view, below)
                        else:
                            continue
                    raw = " ".join(w.text for w in words).strip(" ,;")
                    if len(raw) < 2 or not re.search(r"[A-Za-z]{2}", raw) or raw.endswith(":"):
                        continue
                    if re.match(r"[A-Za-z][\w .]{0,25}:\s", raw):
                        continue  # 'Terms: FCA' is the next label, not a name
                    if not LEGAL_FORM.search(raw):
                        # 'Buyer: Claire Martin' in a key-value header names a person, not the company
                        factor *= 0.75 if inline else 0.92
                    line = view.lines[index]
                    order = (view.page.number, line.top)
                    out.append(Candidate(name, raw, words, view.page.number, score * factor, raw, order))
                    blocks.append((name, phrase.bbox[0], phrase.bbox[1], score))
            out += self._assign_tax_ids(view, blocks)
        return out

    @staticmethod
    def _legal_form_below(view: PageView, phrase: Line) -> list[Word]:
        """A company name wrapped before its legal form ('... Facilities' / 'S.r.l.'): the form's words."""
        for phrases in view.phrases:
            for below in phrases:
                if 0 <= below.top - phrase.bottom < 0.8 * phrase.height and abs(below.bbox[0] - phrase.bbox[0]) < 0.01:
                    text = below.text.strip()
                    if len(below.words) <= 3 and LEGAL_FORM.fullmatch(text) is not None:
                        return list(below.words)
                    return []
        return []

    @staticmethod
    def _party_label(text: str) -> tuple[str, float, int] | None:
        """(field, score, end of label) when a phrase is a party label: alone, or before a colon and the name."""
        for name, patterns in _PARTY_LABEL_RES.items():
            for pattern, score in patterns:
                match = pattern.match(text)
                if not match:
                    continue
                rest = text[match.end() :].strip()
                if rest and not match.group(0).rstrip().endswith(":"):
                    continue  # 'To be delivered ...', 'Customer service' : prose, not a label
                return name, score, match.end()
        return None

    def _assign_tax_ids(self, view: PageView, blocks: list[tuple[str, float, float, float]]) -> list[Candidate]:
        out = []
        for index, phrases in enumerate(view.phrases):
            for phrase in phrases:
                match = TAX_ID_LABEL.search(phrase.text)
                if not match:
                    continue
                tax_id = self._tax_id(_phrase_text_words(phrase, match.end()))
                if not tax_id:
                    continue
                value, words = tax_id
                x0, top = phrase.bbox[0], phrase.bbox[1]
                owner, score = None, 0.0
                for name, bx0, btop, _ in blocks:  # the nearest block label above, in the same column
                    if abs(bx0 - x0) < 0.05 and 0 <= top - btop < 0.15 and (owner is None or btop > score):
                        owner, score = name, btop
                # outside any block, a tax id belongs to the issuer (on a PO: the buyer's letterhead/footer)
                party = {"vendor_name": "vendor_tax_id", "buyer_name": "buyer_tax_id"}.get(owner or "", "buyer_tax_id")
                confidence = (0.9 if owner else 0.55) * (1.0 if is_valid_tax_id(value) else 0.7)
                line = view.lines[index]
                out.append(
                    Candidate(
                        party,
                        value,
                        words,
                        view.page.number,
                        confidence,
                        " ".join(w.text for w in words),
                        (view.page.number, line.top),
                    )
                )
        return out

    def _letterhead(self, views: list[PageView]) -> Candidate | None:
        """The issuer's name at the top of page 1 (biggest text that is not the title): on a PO, the buyer.

        It counts for more when it reads like a company (legal form) or the footer repeats it.
        """
        if not views:
            return None
        view = views[0]
        footer = " ".join(line.text for line in view.lines if line.top > 0.85).lower()
        # the letterhead stands above the party blocks ('Supplier' / 'Ship to')
        first_party = min(
            (line.top for line, phrases in zip(view.lines, view.phrases, strict=True)
             if any(self._party_label(p.text) for p in phrases)),
            default=0.2,
        )  # fmt: skip
        best: tuple[float, Line] | None = None
        for index, phrases in enumerate(view.phrases[:10]):
            for phrase in phrases:
                if phrase.top >= min(0.2, first_party):
                    continue
                if any(ch.isdigit() for ch in phrase.text):  # 'ACME Ltd Order No. 123' on one line: the name part
                    ends = [i for i, w in enumerate(phrase.words) if LEGAL_FORM.fullmatch(w.text)]
                    if not ends:
                        continue
                    phrase = Line(phrase.words[: ends[0] + 1])
                text = phrase.text.strip()
                title = (
                    r"^(?:purchase\s+order|order|p\.?\s?o\.?|contract|agreement|invoice|page|bestellung|confidential)\b"
                )
                if phrase.top > 0.2 or re.search(title, text, re.I) or text.endswith(":"):
                    continue
                if not re.search(r"[A-Za-z]{2}", text) or any(ch.isdigit() for ch in text) or "@" in text:
                    continue
                if not re.search(r"[A-Z]", text) or len(text) < 4:
                    continue  # a name starts with a capital; lower-case scraps are OCR noise from a logo
                size = phrase.height * (1.3 if LEGAL_FORM.search(text) else 1.0) - index * 1e-4
                if best is None or size > best[0]:
                    best = (size, phrase)
        if best is None:
            return None
        phrase = best[1]
        text = phrase.text.strip(" ,;")
        corroborated = bool(LEGAL_FORM.search(text)) or (len(text) > 4 and text.lower() in footer)
        return Candidate("buyer_name", text, phrase.words, view.page.number, 0.7 if corroborated else 0.45, text)

    # ---- prose (contracts) -----------------------------------------------------------------

    _DATE = (
        r"(\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    )

    def _prose_candidates(self, views: list[PageView], date_hint: str | None) -> list[Candidate]:
        out: list[Candidate] = []
        patterns = [
            ("effective_date", r"(?:entered\s+into|made|dated|effective)\s+(?:as\s+of\s+|on\s+|from\s+)?", 0.8),
            ("expiry_date", r"(?:terminat\w*|expir\w*|end)\s+(?:on\s+)?", 0.7),
            ("expiry_date", r"(?:until|through)\s+", 0.6),
        ]
        for view in views:
            text, spans = self._page_text(view)
            for name, pattern, score in patterns:
                for match in re.finditer(pattern + r"(?:this\s+|the\s+)?" + self._DATE, text, re.IGNORECASE):
                    value = parse_date(match.group(1), date_hint)
                    if value:
                        words = self._words_in(spans, match.start(1), match.end(1))
                        order = (view.page.number, words[0].bbox[1] if words else 0.0)
                        out.append(Candidate(name, value, words, view.page.number, score, match.group(1), order))
            for match in re.finditer(
                r"(?:payable|paid|due)\s+((?:with)?in\s+[\w\-]+(?:\s*\(\d{1,3}\))?\s+(?:calendar\s+|business\s+)?days?"
                r"(?:\s+(?:of|from|after)\s+(?:the\s+)?(?:date\s+of\s+)?(?:receipt\s+of\s+)?(?:the\s+)?(?:invoice|receipt)"
                r"(?:\s+date)?)?|net\s+\d{1,3}(?:\s+days)?|(?:up)?on\s+receipt(?:\s+of\s+(?:the\s+)?invoice)?)",
                text,
                re.I,
            ):
                raw = match.group(1)  # the terms as printed; the days are derived from them
                days = net_days(raw)
                if days is not None:
                    words = self._words_in(spans, match.start(1), match.end(1))
                    out.append(
                        Candidate("payment_terms", raw, words, view.page.number, 0.7, raw, (view.page.number, 0.0))
                    )
            between = re.search(r"\bbetween\s+(?:the\s+undersigned\s+)?", text, re.IGNORECASE)
            if between:
                out += self._prose_parties(view, spans, text, between.end())
        return out

    def _prose_parties(
        self, view: PageView, spans: list[tuple[int, int, Word]], text: str, start: int
    ) -> list[Candidate]:
        """'between ACME Inc., <address> (EIN 12-3456789) (the "Customer"), and Foo GmbH, ... (the "Supplier")'.

        Each party is its name up to the first comma or bracket (a legal form after a comma stays: ', Inc.'),
        with its role and tax id in the brackets that follow; the role decides buyer or vendor.
        """
        buyer_words = r"buyer|customer|client|purchaser|company|licensee|recipient|principal"
        vendor_words = r"supplier|vendor|seller|provider|contractor|consultant|licensor|service\s+provider|agency"
        segment = text[start : start + 900]
        roles = list(re.finditer(r"\((?:hereinafter\s+)?(?:the\s+)?[\"“']([^\"”']{2,40})[\"”']\)", segment))
        parties: list[tuple[int, int, str]] = []  # start, end (in text), role
        cursor = 0
        for role in roles[:2]:
            name = re.match(r"\s*(?:and\s+)?(.{3,150}?)(?=\s*(?:,|\(|\.\s))", segment[cursor:], re.DOTALL)
            if not name:
                break
            n0, n1 = cursor + name.start(1), cursor + name.end(1)
            tail = re.match(
                r"\.?,?\s*(inc|llc|ltd|l\.?p|co|corp|plc|gmbh|s\.?a|b\.?v|n\.?v|ag)\.?(?=[\s,(])", segment[n1:], re.I
            )
            if tail:  # 'Group, Inc.' and 'Supply Co.' keep their legal form
                n1 += tail.end()
            parties.append((n0, n1, role.group(1)))
            cursor = role.end()
            after = re.match(r"\s*,?\s*and\s+", segment[cursor:], re.I)
            if after is None:
                break
            cursor += after.end()
        out: list[Candidate] = []
        if len(parties) != 2:
            return out
        first_vendor = bool(re.search(vendor_words, parties[0][2], re.I)) or bool(
            re.search(buyer_words, parties[1][2], re.I)
        )
        known = bool(re.search(vendor_words + "|" + buyer_words, parties[0][2] + parties[1][2], re.I))
        score = 0.8 if known else 0.4
        for index, (n0, n1, _) in enumerate(parties):
            is_vendor = (index == 0) == first_vendor
            party_field = "vendor_name" if is_vendor else "buyer_name"
            raw = " ".join(segment[n0:n1].split()).strip(" ,;\"'“”")
            words = self._words_in(spans, start + n0, start + n1)
            out.append(Candidate(party_field, raw, words, view.page.number, score, raw, (view.page.number, 0.0)))
            # the party's own tax id sits between its name and its role
            role_end = roles[index].end() if index < len(roles) else n1
            block = segment[n1:role_end]
            tax = TAX_ID_LABEL.search(block)
            if tax:
                value = normalize_tax_id(re.split(r"[)\s]{2,}|\)", block[tax.end() :].strip())[0])
                if value:
                    field = "vendor_tax_id" if is_vendor else "buyer_tax_id"
                    tax_words = self._words_in(spans, start + n1 + tax.end(), start + role_end)
                    out.append(
                        Candidate(field, value, tax_words[:1], view.page.number, score, value, (view.page.number, 0.0))
                    )
        return out

    @staticmethod
    def _page_text(view: PageView) -> tuple[str, list[tuple[int, int, Word]]]:
        parts, spans, position = [], [], 0
        for line in view.lines:
            for word in line.words:
                spans.append((position, position + len(word.text), word))
                parts.append(word.text)
                position += len(word.text) + 1
        return " ".join(parts), spans

    @staticmethod
    def _words_in(spans: list[tuple[int, int, Word]], start: int, end: int) -> list[Word]:
        return [word for s, e, word in spans if s < end and e > start]

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
                best = max(options, key=lambda c: (round(c.score, 2), (-c.order[0], -c.order[1])))
            agreeing = sum(1 for c in options if c.value == best.value)
            field = best.field()
            if agreeing > 1:  # the same value under several labels (e.g. repeated on page 2)
                field.confidence = min(0.99, field.confidence + 0.03)
            fields[name] = field
        # tax ids found outside party blocks
        if "vendor_tax_id" not in fields and "buyer_tax_id" not in fields:
            ids = by_name.get("_tax_id", [])
            if ids:
                fields["buyer_tax_id"] = ids[0].field()
                fields["buyer_tax_id"].confidence *= 0.6
        return fields

    def _fill_currency(self, fields: dict[str, FieldValue], views: list[PageView], rows: list[RowDraft]) -> None:
        """The currency from codes and symbols beside the amounts, column headers ('Total (EUR)') and totals.

        Codes in item descriptions ('packed on EUR pallet') do not count; a code beats a bare '$', which
        also stands for CAD, AUD and other dollars.
        """
        if "currency" in fields:
            return
        described = {id(w) for row in rows for name in ("description", "sku") for w in row.cells.get(name, [])}
        votes: dict[str, float] = {}
        coded: set[str] = set()
        where: dict[str, tuple[int, Word]] = {}
        for view in views:
            for line in view.lines:
                weight = 3.0 if TOTALS_LINE.match(line.text) or re.search(r"\d", line.text) else 1.0
                for word in line.words:
                    if id(word) in described:
                        continue
                    text = word.text.strip("():;,[]")
                    mark = text if len(text) <= 5 else currency_on_amount(text)
                    code = parse_currency(mark) if mark else None
                    if not code or not mark:
                        continue
                    is_code = mark.upper() == code
                    if is_code:
                        coded.add(code)
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
        agreement = votes[code] / sum(votes.values())
        page, word = where[code]
        if code == "USD" and "USD" not in coded:
            # a bare '$': the dollar of the country the document names first (an Australian buyer's '$' is AUD)
            text = " ".join(line.text for view in views for line in view.lines)
            named = [(m.start(), DOLLAR_COUNTRIES[m.group(0).casefold()]) for m in DOLLAR_COUNTRY.finditer(text)]
            if named and min(named)[1] != "USD":
                code, agreement = min(named)[1], agreement / 2
        fields["currency"] = FieldValue(code, round(0.6 + 0.3 * agreement, 4), page, word.bbox, word.text)

    # ---- line items ------------------------------------------------------------------------

    @staticmethod
    def _column_roles(words: list[Word]) -> list[str]:
        return _column_roles_of(" ".join(w.text for w in words))

    def _header_columns(self, line: Line, ocr: bool = False) -> list[Column] | None:
        """Columns of a table header line: words grouped into header phrases (longest tight groups first)."""
        words = line.words
        if len(words) < 3 or sum(any(ch.isdigit() for ch in w.text) for w in words) > 0.3 * len(words):
            return None  # a header has a few words and (almost) no numbers
        height = median(w.bbox[3] - w.bbox[1] for w in words)
        matches: list[tuple[list[str], list[Word]]] = []
        unread: list[list[Word]] = []
        i, covered = 0, 0
        while i < len(words):
            for size in (4, 3, 2, 1):
                group = words[i : i + size]
                if len(group) < size:
                    continue
                # header words of one column sit a space apart; 'Unit' | 'Rate' in two columns is not 'Unit Rate'
                gaps = [b.bbox[0] - a.bbox[2] for a, b in itertools.pairwise(group)]
                exact = _norm(" ".join(w.text for w in group)).rstrip(":") in _SYNONYM_INDEX
                limit = 1.2 if exact else 1.0 if ocr else 0.6  # OCR boxes hug the ink: wider gaps
                if not all(g < limit * height for g in gaps):
                    continue
                roles = self._column_roles(group)
                if roles and (size == 1 or not self._splits_better(group)):
                    matches.append((roles, group))
                    i += size
                    covered += size
                    break
            else:
                # OCR garbles a header word now and then ('Qty' as 'ty'): an unsure word naming nothing
                # still heads a column, whose role its values tell later
                word = words[i]
                if ocr and word.confidence < 0.85:
                    if unread and unread[-1][-1] is words[i - 1]:
                        unread[-1].append(word)
                    else:
                        unread.append([word])
                i += 1
        if len(matches) < 3 or covered + sum(map(len, unread)) < 0.75 * len(words):
            return None
        # ambiguous headers ('Item', 'Price', 'Units') take what the unambiguous ones leave
        # and an OCR word read with little confidence ('Pos.' read as 'Fee') yields a role to a sure reading
        taken: dict[str, Column] = {}
        for options, ws in sorted(matches, key=lambda m: (len(m[0]), min(w.confidence for w in m[1]) < 0.5)):
            for name in options:
                if name not in taken:
                    taken[name] = Column(name, ws[0].bbox[0], ws[-1].bbox[2])
                    break
            else:
                if min(w.confidence for w in ws) < 0.5:
                    unread.append(ws)  # a misread header still heads a column ('Pos.' 12 must not spill over)
        for index, ws in enumerate(unread):
            taken[f"_unread{index}"] = Column(f"_unread{index}", ws[0].bbox[0], ws[-1].bbox[2])
        if not ({"quantity", "amount", "unit_price"} & taken.keys()) or not ({"description", "sku"} & taken.keys()):
            return None
        if "description" not in taken and "sku" in taken:  # a lone 'Item' column describes the goods
            taken["description"] = taken.pop("sku")
            taken["description"].name = "description"
        return sorted(taken.values(), key=lambda c: c.x0)

    def _splits_better(self, group: list[Word]) -> bool:
        """'Price/Unit Ext. Price' read as one header hides two columns: every part names a column of its own."""
        if len(group) < 2:
            return False
        for cut in range(1, len(group)):
            left, right = self._column_roles(group[:cut]), self._column_roles(group[cut:])
            if (
                left
                and right
                and not set(left) & set(right)
                and _norm(" ".join(w.text for w in group)) not in _SYNONYM_INDEX
            ):
                return True
        return False

    def _first_header(self, view: PageView, begin: int, end: int | None = None) -> tuple[list[Column], int, int] | None:
        """The first table header (one to three stacked lines) starting on a line in [begin, end)
        -> (columns, index of the line after, index of its first line)."""
        lines = view.lines
        for index in range(begin, len(lines) if end is None else min(end, len(lines))):
            line = lines[index]
            best: tuple[int, list[Column], int] | None = None
            stacked = line
            for extra in range(0, 3):
                if extra:
                    below = lines[index + extra] if index + extra < len(lines) else None
                    previous = lines[index + extra - 1]
                    if below is None or below.top - previous.bottom > 0.8 * max(previous.height, below.height):
                        break
                    if any(self._is_amount_word(w) for w in below.words):
                        break
                    stacked = _stack(stacked, below)
                found = self._header_columns(stacked, view.page.source == "ocr")
                if found and (best is None or len(found) >= best[0]):
                    best = (len(found), found, index + extra + 1)
            if best:
                return best[1], best[2], index
        return None

    def _find_header(self, view: PageView) -> tuple[list[Column], int] | None:
        """The first table header on the page -> (columns, index of the line after).

        A stray line just above the header (a running 'PO181458' over 'Line Total') stacks onto it and hides
        columns: when the header read from the next line names more columns, that one is the header.
        """
        found = self._first_header(view, 0)
        if found is None:
            return None
        columns, start, first = found
        later = self._first_header(view, first + 1, first + 2)
        if later is not None and len(later[0]) > len(columns):
            return later[0], later[1]
        return columns, start

    @staticmethod
    def _is_amount_word(word: Word) -> bool:
        return parse_amount(word.text) is not None and not re.fullmatch(r"\(?[A-Za-z$€£]*\)?", word.text)

    def _line_items(
        self, views: list[PageView], number_hint: str | None
    ) -> tuple[list[RowDraft], dict[int, tuple[float, float]]]:
        rows: list[RowDraft] = []
        spans: dict[int, tuple[float, float]] = {}
        columns: list[Column] | None = None
        open_table = False
        for view in views:
            header = self._find_header(view)
            if header is not None:
                columns, start = header
                self._unit_holding_prices(columns, view.lines[start : start + 8])
                self._unheaded_amounts(columns, view.lines[start : start + 8])
                must_find_row = False
            elif open_table and columns:
                start, must_find_row = 0, True  # the table goes on without a repeated header
            else:
                continue
            table_top = view.lines[start - 1].top if start else 1.0
            table_bottom = table_top
            previous: RowDraft | None = None
            open_table = True
            misses = 0
            for line in view.lines[start:]:
                if PAGE_MARK.search(line.text):
                    continue  # 'Page 1 of 2', 'continued', './..' between the rows of a long table
                cells = self._row_cells(line, columns, view.char_width, number_hint)
                numeric = {n for n in ("quantity", "unit_price", "amount") if n in cells}
                printed = {c.name for c in columns} & {"quantity", "unit_price", "amount"}
                is_row = ("amount" in numeric or {"quantity", "unit_price"} <= numeric) and len(numeric) >= min(
                    2, len(printed)
                )
                if printed == {"unit_price"}:  # a price list (a contract's schedule): a price per line
                    is_row = numeric == {"unit_price"}
                if is_row and TOTALS_LINE.match(line.text):
                    # 'Shipping 253.60' or 'Net Total: $25,370 00' close the table; an item named
                    # 'Shipping Pallet' has a quantity, a price and an amount that agree
                    values: dict[str, Decimal | None] = {n: self._number(cells[n], number_hint) for n in numeric}
                    # a totals label has no item code and no unit beside its words ('Shipping Pallet  DC43061  EA')
                    coded = bool(cells.get("sku")) and bool(cells.get("description")) or bool(cells.get("unit"))
                    is_row = coded or len(numeric) == 3 and self._arithmetic_fits(values)
                if is_row and (cells.get("description") or cells.get("sku")):
                    misses = 0
                    previous = RowDraft(
                        view.page.number, cells, line.bottom, tuple(c.name for c in columns), tuple(columns), line
                    )
                    rows.append(previous)
                    must_find_row = False
                    table_bottom = line.bottom
                    if table_top == 1.0:
                        table_top = line.top
                    continue
                if TOTALS_LINE.match(line.text) or TOTALS_LINE.match(split_phrases(line, view.char_width)[0].text):
                    open_table = False
                    break
                if must_find_row:
                    continue  # running header or page title before the continued table
                text_only = not numeric and set(cells) <= {"description", "sku", "unit", "_line"}
                close = previous is not None and line.top - previous.bottom < 1.6 * max(line.height, 0.005)
                if text_only and close and previous is not None and previous.page == view.page.number:
                    for name, words in cells.items():
                        if name != "_line":
                            previous.cells.setdefault(name, []).extend(words)
                    previous.bottom = line.bottom
                    table_bottom = line.bottom
                    continue
                if (
                    previous is None
                    and not numeric
                    and line.top - (view.lines[start - 1].bottom if start else 0) < 0.05
                ):
                    continue  # a sub-header or blank band between the header and the first row
                misses += 1
                if misses > 1 or previous is None:
                    break  # something else: notes, footer, a page break
                # one unreadable line (a smudged scan row) does not end the table; two do
            if table_top <= table_bottom:
                spans[view.page.number] = (table_top, table_bottom + 0.002)
        return rows, spans

    def _settle_unread_columns(self, rows: list[RowDraft], number_hint: str | None) -> None:
        """A column whose header OCR garbled takes the role its values play: the missing one of quantity,
        price and amount when they multiply out on most rows, else the SKU when they are codes."""
        tables: dict[tuple[int, ...], list[RowDraft]] = {}
        for row in rows:
            tables.setdefault(tuple(id(c) for c in row.header), []).append(row)
        for table in tables.values():
            header = table[0].header
            for column in [c for c in header if c.name.startswith("_unread")]:
                names = {c.name for c in header}
                old = column.name
                cells = [row.cells.get(old, []) for row in table]
                filled = [words for words in cells if words]
                if not filled or len(filled) < 0.6 * len(table):
                    continue
                role = None
                missing = [n for n in ("quantity", "unit_price", "amount") if n not in names]
                if len(missing) == 1:
                    fits = 0
                    for row, words in zip(table, cells, strict=True):
                        values = {n: self._number(row.cells.get(n, []), number_hint) for n in NUMERIC_COLUMNS}
                        values[missing[0]] = self._number(words, number_hint) if words else None
                        known = [values[n] for n in ("quantity", "unit_price", "amount")]
                        fits += all(v is not None for v in known) and self._arithmetic_fits(values)
                    if fits >= max(1, 0.6 * len(filled)):
                        role = missing[0]
                if role is None and "sku" not in names:
                    codes = [ws for ws in filled if len(ws) == 1 and re.search(r"\d", ws[0].text)]
                    if len(codes) >= 0.8 * len(filled) and all(parse_amount(ws[0].text) is None for ws in codes):
                        role = "sku"
                if role is None:
                    continue
                column.name = role
                for row in table:
                    if old in row.cells:
                        row.cells[role] = row.cells.pop(old)
                    row.columns = tuple(c.name for c in row.header)

    def _quantity_from_text(self, row: RowDraft, number_hint: str | None) -> None:
        """A row without a quantity whose number landed in a text cell ('Office Chair 5', 'PN343903 5', a
        'Qty' header OCR lost): the number on the row's first line that makes quantity x price = amount."""
        if row.cells.get("quantity") or row.line is None:
            return
        price = self._number(row.cells.get("unit_price", []), number_hint)
        amount = self._number(row.cells.get("amount", []), number_hint)
        if not price or amount is None:
            return
        discount = self._number(row.cells.get("_discount", []), number_hint)
        line = row.line
        for name in ("description", "sku", "unit"):
            words = row.cells.get(name, [])
            for word in reversed(words):
                if not line.top - 0.002 <= word.bbox[1] < line.bottom or re.search(r"[^\d.,]", word.text):
                    continue
                quantity = parse_amount(word.text, number_hint)
                values = {"quantity": quantity, "unit_price": price, "amount": amount, "_discount": discount}
                if quantity and len(words) > 1 and self._arithmetic_fits(values):
                    words.remove(word)
                    row.cells["quantity"] = [word]
                    return

    # ---- reading doubtful cells again --------------------------------------------------------

    def _reread_rows(self, views: list[PageView], rows: list[RowDraft], number_hint: str | None) -> None:
        """Read doubtful cells of scanned tables again from the page image, one crop each, scaled up.

        Numbers: every numeric cell of a row whose quantity x price != amount, or that lacks a printed one,
        with a digit whitelist and three binarisations; the readings that make the row add up win (the fewest
        changes first). Text: SKU and description cells holding a word OCR was unsure of; a re-read word
        replaces the first reading where it is surer.
        """
        for view in views:
            image = view.page.image
            page_rows = [row for row in rows if row.page == view.page.number and row.line is not None]
            if image is None or not page_rows:
                continue
            numeric: list[tuple[RowDraft, str, PixelBox]] = []
            text: list[tuple[RowDraft, str, PixelBox]] = []
            for row in page_rows:
                assert row.line is not None  # page_rows keeps rows with a line
                printed = [c for c in row.header if c.name in ("quantity", "unit_price", "amount")]
                values = {c.name: self._number(row.cells.get(c.name, []), number_hint) for c in printed}
                values["_discount"] = self._number(row.cells.get("_discount", []), number_hint)
                if any(v is None for k, v in values.items() if k != "_discount") or not self._arithmetic_fits(values):
                    numeric += [(row, c.name, self._cell_box(row, c, view, image.size)) for c in printed]
                for name in ("sku", "description"):
                    words = [w for w in row.cells.get(name, []) if row.line.top - 0.002 <= w.bbox[1] < row.line.bottom]
                    if words and min(w.confidence for w in words) < 0.95:
                        text.append((row, name, self._words_box(words, view.char_width, image.size)))
            if numeric:
                readings = read_regions(image, [box for _, _, box in numeric], DIGITS, ("grey", "otsu", "bold"))
                self._take_numbers(numeric, readings, number_hint, image.size)
            if text:
                readings = read_regions(image, [box for _, _, box in text])
                for (row, name, _), (reading,) in zip(text, readings, strict=True):
                    self._take_words(row, name, reading)

    @staticmethod
    def _words_box(words: list[Word], char_width: float, size: tuple[int, int]) -> PixelBox:
        x0, y0, x1, y1 = _bbox(words)  # type: ignore[misc]
        pad_x, pad_y = 0.5 * char_width, 0.25 * (y1 - y0)
        width, height = size
        return (
            max(0, int((x0 - pad_x) * width)),
            max(0, int((y0 - pad_y) * height)),
            min(width, int((x1 + pad_x) * width) + 1),
            min(height, int((y1 + pad_y) * height) + 1),
        )

    @staticmethod
    def _cell_box(row: RowDraft, column: Column, view: PageView, size: tuple[int, int]) -> PixelBox:
        """A numeric cell on the row's first line: its words (or its header's span) widened by a digit or two
        each way (a dropped digit leaves no box), up to the neighbouring words."""
        assert row.line is not None
        line = row.line
        own = [w for w in row.cells.get(column.name, []) if line.top - 0.002 <= w.bbox[1] < line.bottom]
        x0, x1 = (min(w.bbox[0] for w in own), max(w.bbox[2] for w in own)) if own else (column.x0, column.x1)
        centre = (x0 + x1) / 2
        left, right = x0 - 2 * view.char_width, x1 + 2 * view.char_width
        for word in line.words:
            if word in own or word in row.cells.get("_misread", []):
                continue
            if word.bbox[2] <= centre:
                left = max(left, word.bbox[2] + 0.2 * view.char_width)
            elif word.bbox[0] >= centre:
                right = min(right, word.bbox[0] - 0.2 * view.char_width)
        y0, y1 = line.top, line.bottom
        pad = 0.3 * (y1 - y0)
        width, height = size
        return (
            max(0, int(left * width)),
            max(0, int((y0 - pad) * height)),
            min(width, int(right * width) + 1),
            min(height, int((y1 + pad) * height) + 1),
        )

    def _take_numbers(
        self,
        cells: list[tuple[RowDraft, str, PixelBox]],
        readings: list[list[list[tuple[str, float]]]],
        number_hint: str | None,
        size: tuple[int, int],
    ) -> None:
        """Per row, the combination of first and second readings that adds up, with the fewest changes."""
        by_row: dict[int, list[tuple[str, PixelBox, list[list[tuple[str, float]]]]]] = {}
        rows: dict[int, RowDraft] = {}
        for (row, name, box), reading in zip(cells, readings, strict=True):
            by_row.setdefault(id(row), []).append((name, box, reading))
            rows[id(row)] = row
        width, height = size
        for key, entries in by_row.items():
            row = rows[key]
            names = [name for name, _, _ in entries]
            options: list[list[tuple[Decimal | None, int, str, float]]] = []  # value, votes against, text, conf
            for name, _, reading in entries:
                first = self._number(row.cells.get(name, []), number_hint)
                texts: dict[Decimal, list[tuple[str, float]]] = {}
                for words in reading:
                    raw = " ".join(t for t, _ in words)
                    value = parse_amount(raw, number_hint) if words else None
                    if value is not None:
                        texts.setdefault(value, []).append((raw, min(c for _, c in words)))
                choice = [(first, 0, "", 1.0)]
                for value, seen in sorted(texts.items(), key=lambda item: -len(item[1]))[:3]:
                    if value != first:
                        choice.append((value, 1 + len(reading) - len(seen), seen[0][0], max(c for _, c in seen)))
                options.append(choice)
            discount = self._number(row.cells.get("_discount", []), number_hint)
            best: tuple[int, tuple[tuple[Decimal | None, int, str, float], ...]] | None = None
            for combo in itertools.product(*options):
                values: dict[str, Decimal | None] = dict(zip(names, (c[0] for c in combo), strict=True))
                if any(v is None for v in values.values()) and len(names) == 3:
                    continue
                values["_discount"] = discount
                if not self._arithmetic_fits(values):
                    continue
                cost = sum(c[1] for c in combo)
                if best is None or cost < best[0]:
                    best = (cost, combo)
            if best is None or best[0] == 0:
                continue
            for (name, box, _), (value, votes, raw, conf) in zip(entries, best[1], strict=True):
                if votes == 0 or value is None:
                    continue
                bbox = (box[0] / width, box[1] / height, box[2] / width, box[3] / height)
                kept = [w for w in row.cells.get(name, []) if not row.line or w.bbox[1] >= row.line.bottom]
                row.cells[name] = [Word(raw, bbox, conf), *kept]

    @staticmethod
    def _take_words(row: RowDraft, name: str, reading: list[tuple[str, float]]) -> None:
        """Word by word where the second reading has as many words: the surer reading of each."""
        assert row.line is not None
        words = row.cells.get(name, [])
        first = [w for w in words if row.line.top - 0.002 <= w.bbox[1] < row.line.bottom]
        if len(reading) != len(first):
            return
        better = {
            id(w): Word(text, w.bbox, conf)
            for w, (text, conf) in zip(first, reading, strict=True)
            if text != w.text and conf > w.confidence
        }
        if better:
            row.cells[name] = [better.get(id(w), w) for w in words]

    def _unheaded_amounts(self, columns: list[Column], lines: list[Line]) -> None:
        """Amounts printed right of the last column under a header OCR lost (a shaded 'Total' cell): a column."""
        if "amount" in {c.name for c in columns}:
            return
        right = max(c.x1 for c in columns)
        beyond = [w for line in lines for w in line.words[-1:] if self._is_amount_word(w) and w.bbox[0] > right + 0.01]
        if len(beyond) >= max(2, len(lines) // 2):
            columns.append(Column("amount", min(w.bbox[0] for w in beyond), max(w.bbox[2] for w in beyond)))

    @staticmethod
    def _unit_holding_prices(columns: list[Column], lines: list[Line]) -> None:
        """A 'Unit' header over prices is 'Unit Price' with its second word lost (OCR on a shaded header)."""
        names = {c.name for c in columns}
        unit = next((c for c in columns if c.name == "unit"), None)
        if unit is None or "unit_price" in names:
            return
        priced = sum(
            1
            for line in lines
            if any(
                re.search(r"\d[.,]\d{2}$", w.text) and _gap(w.bbox[0], w.bbox[2], unit.x0, unit.x1) == 0
                for w in line.words
            )
        )
        if priced >= max(2, len(lines) // 2):
            unit.name = "unit_price"

    def _row_cells(
        self, line: Line, columns: list[Column], char_width: float, number_hint: str | None
    ) -> dict[str, list[Word]]:
        """One printed line of a table -> words per column.

        Text (SKU, description, unit) is left-aligned under its header; numbers may be right-aligned and
        wider than their header, so they are placed in order, each to the nearest numeric column, and
        numbers printed with space thousands separators ('32 760,00') are joined where that makes
        quantity x price = amount come out.
        """
        # a column whose header OCR could not read takes text and numbers alike, until its values tell its role
        text_columns = [c for c in columns if c.name in TEXT_COLUMNS or c.name.startswith("_unread")]
        numeric_columns = [c for c in columns if c.name in NUMERIC_COLUMNS or c.name.startswith("_unread")]
        tolerance = char_width
        cells: dict[str, list[Word]] = {}
        numbers: list[Word] = []
        previous_end = -1.0
        for word in line.words:
            is_number = parse_amount(word.text.rstrip("%"), number_hint) is not None and not re.search(
                r"[A-Za-z]", word.text
            )
            owner = None
            for column in text_columns:
                if column.x0 - tolerance <= word.bbox[0]:
                    owner = column
            if not is_number and word.bbox[0] - previous_end > 2 * char_width and text_columns:
                # a new phrase: the column whose header it sits under, when that is a text column ('MONTH' under 'UOM')
                nearest = min(columns, key=lambda c: _gap(word.bbox[0], word.bbox[2], c.x0, c.x1))
                if nearest.name in TEXT_COLUMNS:
                    owner = nearest
            previous_end = word.bbox[2]
            if (
                not is_number
                and word.confidence < 0.5
                and len(word.text) <= 3
                and any(_gap(word.bbox[0], word.bbox[2], c.x0, c.x1) == 0 for c in numeric_columns)
            ):
                # a scrap OCR was unsure of under a numeric header ('a' for '5'): a misread value, not text
                cells.setdefault("_misread", []).append(word)
                continue
            passed = [c for c in numeric_columns if owner is not None and owner.x0 < c.x0 <= word.bbox[0]]
            if not is_number and passed and any(c.x0 > passed[0].x0 for c in text_columns):
                # past a numeric column: a unit ('500 MONTH') centred under its header, not the description
                owner = min(text_columns, key=lambda c: _gap(word.bbox[0], word.bbox[2], c.x0, c.x1))
            if is_number:
                # a number inside a text column's span ('ISO 9001') is text; past the next header it is a value
                after = [c for c in columns if owner is not None and c.x0 > owner.x0]
                inside_text = (
                    owner is not None
                    and owner.name != "unit"
                    and not owner.name.startswith("_unread")
                    and (not after or word.bbox[2] < after[0].x0 - 0.5 * char_width)
                )
                if not inside_text or not numeric_columns:
                    numbers.append(word)
                    continue
            if owner is None:
                owner = text_columns[0] if text_columns else None
            if owner is not None:
                cells.setdefault(owner.name, []).append(word)
        if numbers and numeric_columns:
            for name, words in self._place_numbers(numbers, numeric_columns, char_width, number_hint).items():
                cells.setdefault(name, []).extend(words)
        return cells

    def _place_numbers(
        self, numbers: list[Word], columns: list[Column], char_width: float, number_hint: str | None
    ) -> dict[str, list[Word]]:
        # where two neighbouring numbers could be one, try each reading: '32' '760,00' printed with a space as
        # thousands separator, or '5,300' '00' whose decimal point OCR lost
        decimal = "," if number_hint == "EU" else "."
        options: list[list[str]] = []
        for a, b in itertools.pairwise(numbers):
            gap = b.bbox[0] - a.bbox[2]
            ways = [""]
            if (
                gap < 1.2 * char_width
                and re.fullmatch(r"\d{1,3}", a.text)
                and re.fullmatch(r"\d{3}(?:[.,]\d+)?", b.text)
            ):
                ways.append(" ")
            if (
                gap < 1.5 * char_width
                and re.fullmatch(r"\d{1,3}(?:[.,' ]\d{3})*", a.text)
                and re.fullmatch(r"\d{2}", b.text)
            ):
                ways.append(decimal)
            options.append(ways)
        choices = [i for i, ways in enumerate(options) if len(ways) > 1][:6]
        best: tuple[float, dict[str, list[Word]]] | None = None
        for pattern in itertools.product(*(options[i] for i in choices)):
            joins = dict(zip(choices, pattern, strict=True))
            groups: list[list[Word]] = [[numbers[0]]]
            penalty = 0.0
            for i, word in enumerate(numbers[1:]):
                glue = joins.get(i, "")
                if glue:
                    last = groups[-1][-1]
                    box = _bbox([last, word])
                    assert box is not None  # two words always have a box
                    merged = Word(last.text + glue + word.text, box, min(last.confidence, word.confidence))
                    groups[-1][-1] = merged
                    penalty += 0.05 if glue == decimal else 0.0  # a guess about a lost point: only when it adds up
                else:
                    groups.append([word])
            placed = self._assign_in_order(groups, columns)
            if placed is None:
                continue
            cost, assignment = placed
            values = {
                name: parse_amount(" ".join(w.text for w in ws).rstrip("%"), number_hint)
                for name, ws in assignment.items()
            }
            cost += penalty + (0.0 if self._arithmetic_fits(values) else 0.5)
            if best is None or cost < best[0]:
                best = (cost, assignment)
        return best[1] if best else {}

    @staticmethod
    def _assign_in_order(groups: list[list[Word]], columns: list[Column]) -> tuple[float, dict[str, list[Word]]] | None:
        """Numbers left to right onto numeric columns left to right (no crossing), nearest first (a small DP)."""
        n, m = len(groups), len(columns)
        if n > m:
            groups = groups[n - m :]  # more numbers than columns: the rightmost ones are the values
            n = m

        def distance(group: list[Word], column: Column) -> float:
            x0, x1 = group[0].bbox[0], group[-1].bbox[2]
            if x1 >= column.x0 and x0 <= column.x1:
                return 0.0
            return min(abs(x0 - column.x1), abs(x1 - column.x0))

        inf = float("inf")
        cost = [[inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[bool]] = [[False] * (m + 1) for _ in range(n + 1)]
        for j in range(m + 1):
            cost[0][j] = 0.0
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                skip = cost[i][j - 1]
                take = cost[i - 1][j - 1] + distance(groups[i - 1], columns[j - 1])
                cost[i][j], back[i][j] = (take, True) if take <= skip else (skip, False)
        if cost[n][m] == inf:
            return None
        out: dict[str, list[Word]] = {}
        i, j = n, m
        while i > 0:
            if back[i][j]:
                out[columns[j - 1].name] = groups[i - 1]
                i -= 1
            j -= 1
        return cost[n][m], out

    @staticmethod
    def _arithmetic_fits(values: dict[str, Decimal | None]) -> bool:
        qty, price, amount = values.get("quantity"), values.get("unit_price"), values.get("amount")
        if qty is None or price is None or amount is None:
            return True
        discount = values.get("_discount") or Decimal("0")
        gross = qty * price
        return any(abs(v - amount) <= max(Decimal("0.011"), abs(amount) * Decimal("0.001"))
                   for v in (gross, gross * (1 - discount / 100)))  # fmt: skip

    @staticmethod
    def _number(words: list[Word], number_hint: str | None) -> Decimal | None:
        return parse_amount(" ".join(w.text for w in words), number_hint)

    def _line_item(self, row: RowDraft, number_hint: str | None) -> LineItem:
        cells: dict[str, FieldValue] = {}
        for name, words in row.cells.items():
            if name.startswith("_") or not words:
                continue
            if name == "unit":
                # OCR glues a table rule to the unit: a quantity and a rule before it ('4)RL', '50}EA'), a
                # stray rule after it ('visit /.'); the quantity itself stands in its own cell
                words = [w for w in words if re.search(r"[A-Za-z0-9]", w.text)] or words
                words = [Word(re.sub(r"^\d+[)|}\]/]\s*(?=[A-Za-z])", "", w.text), w.bbox, w.confidence) for w in words]
            raw = " ".join(w.text for w in words)
            value: Value
            if name in NUMERIC_COLUMNS:
                value = parse_amount(raw.rstrip("%").strip(), number_hint)
                score = 0.85 if value is not None else 0.2
            else:
                value, score = raw, 0.85
            ocr = min(w.confidence for w in words)
            cells[name] = FieldValue(value, round(score * (0.5 + 0.5 * ocr), 4), row.page, _bbox(words), raw)
        self._infer_missing(cells, row)
        all_words = [w for ws in row.cells.values() for w in ws]
        confidence = min((c.confidence for c in cells.values()), default=0.0)
        return LineItem(cells, confidence, row.page, _bbox(all_words))

    @staticmethod
    def _infer_missing(cells: dict[str, FieldValue], row: RowDraft) -> None:
        """A cell the table has but the row lacks (OCR drops lone digits) from the other two: qty x price = amount.

        Only when the result comes out exact (a whole or 3-decimal quantity, a price in cents) and no
        discount stands between them; the confidence stays low so the line is reviewed.
        """
        words = row.cells.get("_discount")
        discount = parse_amount(" ".join(w.text for w in words).rstrip("%")) if words else Decimal("0")
        if "_discount" in row.columns and discount is None:
            return  # a discount column whose value was not read: nothing adds up
        factor = 1 - (discount or Decimal("0")) / 100
        values = {n: as_decimal(cells[n].value) for n in ("quantity", "unit_price", "amount") if n in cells}
        if any(v is None for v in values.values()) or len(values) != 2:
            return
        missing = next(n for n in ("quantity", "unit_price", "amount") if n not in values)
        if missing not in row.columns or not factor:
            return
        qty, price, amount = values.get("quantity"), values.get("unit_price"), values.get("amount")
        if amount is not None:
            amount = amount / factor  # before the discount
        guess: Decimal | None = None
        if missing == "quantity" and price and amount is not None:
            guess = (amount / price).quantize(Decimal("0.001"))
            guess = guess if abs(guess * price - amount) < Decimal("0.006") and guess > 0 else None
        elif missing == "unit_price" and qty and amount is not None:
            guess = (amount / qty).quantize(Decimal("0.01"))
            guess = guess if abs(guess * qty - amount) < Decimal("0.006") else None
        elif missing == "amount" and qty is not None and price is not None:
            guess = (qty * price * factor).quantize(Decimal("0.01"))
        if guess is not None:
            anchor = cells.get("amount") or next(iter(cells.values()))
            cells[missing] = FieldValue(guess.normalize() if guess == guess.to_integral() else guess, 0.5, anchor.page)

    # ---- type and checks ------------------------------------------------------------------

    @staticmethod
    def _doc_type(texts: list[str], has_rows: bool, hint: str | None) -> DocType:
        if hint in ("purchase_order", "contract", "invoice", "other"):
            return hint  # type: ignore[return-value]
        text = " ".join(texts).lower()
        contract = len(
            re.findall(
                r"\bagreement\b|\bcontract\b|\bwhereas\b|\bhereinafter\b|\bentered into\b|\bparties\b|\bhereby\b", text
            )
        )  # noqa: E501
        purchase = 3 * len(re.findall(r"purchase\s+order|\bp\.?o\.?\s*(?:number|no|#)", text)) + (4 if has_rows else 0)
        invoice = 3 * len(re.findall(r"\binvoice\s+(?:number|no|#|date)\b", text))
        if max(contract, purchase, invoice) == 0:
            return "other"
        if purchase >= contract and purchase >= invoice:
            return "purchase_order"
        return "contract" if contract >= invoice else "invoice"
