"""A layout-heuristic extractor: label/value patterns, table columns from header words, prose patterns.

The package splits the reading by what is read (see each module); this class strings them together.

Not a template per vendor: labels and column headers are matched by synonyms, columns are
located from the header words' positions, and values are normalised and cross-checked
(qty x price = amount, lines sum to the subtotal, subtotal + tax = total). Confidences are
heuristic scores; the service combines them, field by field, with the calibrated layout model's
(``models.layout.combine``), which has the same ``extract(doc)``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from extraction.checks import cross_check
from extraction.clauserates import with_whole_amounts
from extraction.countries import page_date_order
from extraction.document import Document, Page, union_bbox
from extraction.heuristic.cards import CardItems, StackedCards
from extraction.heuristic.fields import LabelFields
from extraction.heuristic.parties import PartyFields
from extraction.heuristic.parts import Candidate, Column, PageView, RowDraft
from extraction.heuristic.pricelists import AlignedPriceLists
from extraction.heuristic.prose import ProseFields
from extraction.heuristic.reread import ScanRereader, amounts_by_subtotal
from extraction.heuristic.schedules import ListedRates
from extraction.heuristic.strips import strip_items, titles_above
from extraction.heuristic.tables import (
    TableReader,
    codes_in_their_columns_shape,
    codes_without_stray_heads,
    descriptions_in_their_columns_case,
    strokes_after_numbers,
    units_in_their_columns_case,
    units_in_their_columns_marks,
    units_in_their_columns_powers,
)
from extraction.heuristic.transposed import TransposedItems
from extraction.heuristic.twoup import halves_read_better, unfolded
from extraction.heuristic.unlabelled import UnlabelledFields
from extraction.heuristic.vocabulary import (
    ADJUSTMENT_LABEL,
    COLUMN_RULES,
    COLUMN_SYNONYMS,
    DISCOUNT_LABEL,
    LABELS,
    MODEL_VERSION,
    MONEY_TOKEN,
    PARTY_LABELS,
)
from extraction.layout import group_lines, split_phrases, typical_char_width
from extraction.normalize import number_format_of, parse_amount
from extraction.result import HEADER_FIELDS, PRICED, DocType, Extraction, FieldValue
from extraction.terms import net_days
from extraction.ticks import unchosen_read_columns

__all__ = [
    "COLUMN_RULES",
    "COLUMN_SYNONYMS",
    "LABELS",
    "MODEL_VERSION",
    "PARTY_LABELS",
    "Candidate",
    "Column",
    "HeuristicExtractor",
    "PageView",
    "RowDraft",
]


class HeuristicExtractor(
    LabelFields,
    PartyFields,
    ProseFields,
    TableReader,
    ScanRereader,
    UnlabelledFields,
    ListedRates,
    AlignedPriceLists,
    CardItems,
    StackedCards,
    TransposedItems,
):
    """One extractor from its readers: label fields, party blocks, contract prose, tables, scan re-reads."""

    model_version = MODEL_VERSION

    def extract(self, doc: Document, doc_type_hint: str | None = None) -> Extraction:
        if doc_type_hint == "contract":
            doc = with_whole_amounts(doc)  # a contract's rates printed without cents ('GBP 1,100', '950,-')
        doc = _levels_chosen(doc)
        views = [self._view(page) for page in doc.pages]
        all_text = [line.text for view in views for line in view.lines]
        number_hint = number_format_of(all_text)
        # as the countries the page names write dates (their VAT ids, names ending a column's phrase, US ZIP codes),
        # else day-first where no month-first dollar is printed or the amounts are set in European ways
        date_hint = page_date_order([phrase.text for view in views for phrases in view.phrases for phrase in phrases])
        extraction = Extraction(doc_type="other", page_count=doc.page_count, model_version=MODEL_VERSION)

        rows, table_spans = self._line_items(views, number_hint)
        halves = unfolded(views, self._view)
        if len(halves) > len(views):  # a header printed twice on a line: its table in two halves, if read better
            halved = self._line_items(halves, number_hint)
            if halves_read_better(halved[0], rows, number_hint):
                rows, table_spans = halved
        cards = self._card_items(views, number_hint)
        if _told_apart(cards) > len(rows):  # items as cards of caption/value pairs: a table read from them finds
            rows = cards  # fewer (an order printed twice on a sheet repeats its items: a copy's are none more)
        transposed, transposed_spans = self._transposed_items(views, number_hint)
        if len(transposed) > len(rows):  # items as columns, captions down the left: read across, they are fewer
            rows, table_spans = transposed, transposed_spans
        strips, strip_spans, strip_lines = strip_items(views, number_hint)
        if strips and len(strips) >= len(rows) and all(_on_lines(row, strip_lines) for row in rows):
            # items two lines each, a name over its indented figures: a table reading of those lines took the unit
            # (or only some names) for the description
            rows, table_spans = strips, strip_spans
        if not rows:  # or as stacked pairs, one a line
            rows = self._stacked_cards(views, number_hint)
        if not rows:
            # no table read by its captions or arithmetic: a price list by its alignment, an order's amounts (lump
            # sums), a contract's prices
            order = self._doc_type(all_text, False, doc_type_hint) == "purchase_order"
            rows = self._aligned_price_lists(views, number_hint, "amount" if order else "unit_price")
        if not rows:  # no table: a contract's rates may be listed in its clauses
            rows = self._listed_rates(views, number_hint)
        titles_above(views, rows, table_spans, number_hint)
        self._settle_unread_columns(rows, number_hint)
        if self._doc_type(all_text, bool(rows), doc_type_hint) == "contract":
            self._revised_rates(rows, number_hint)
        for row in rows:
            self._quantity_from_text(row, number_hint)
            self._unit_read_as_digit(row, number_hint)
        self._reread_rows(views, rows, number_hint)
        units_in_their_columns_case(rows)
        units_in_their_columns_powers(rows)
        units_in_their_columns_marks(rows)
        descriptions_in_their_columns_case(rows)
        strokes_after_numbers(rows)
        codes_without_stray_heads(rows)
        codes_in_their_columns_shape(rows)
        amounts_by_subtotal(views, rows, number_hint)
        spans = _spans_to_rows(table_spans, rows)
        candidates = self._label_candidates(views, number_hint, date_hint, spans)
        # a column's caption in the table's header ('Supplier' over 'Part') names no party: names in the table go
        candidates += [c for c in self._party_candidates(views) if not _in_span(c, spans)]
        letterhead = self._letterhead(views)
        if letterhead is not None:
            candidates.append(letterhead)
        contract = self._doc_type(all_text, bool(rows), doc_type_hint) == "contract"
        candidates += self._dated_orders(self._prose_candidates(views, date_hint), contract)
        if not contract:  # an order's facts in a sentence, where nothing labelled gave them
            have = {c.name for c in candidates}
            candidates += [c for c in self._sentence_order_facts(views, date_hint) if c.name not in have]
        known = {c.name for c in candidates}
        # a document number without a known label: the contract's on an agreement, else the order's
        known |= {"po_number"} if contract else {"contract_number"}
        # each party's names read so far (the buyer's letterhead, blocks under a party's caption): a block under
        # unknown words that prints one of them is not the other party's
        buyers, vendors = ({str(c.value).casefold() for c in candidates if c.name == f"{role}_name"} for role in ROLES)
        candidates += self._unlabelled_candidates(
            views, rows, table_spans, number_hint, date_hint, known, buyers, vendors
        )
        fields = self._choose(candidates)
        self._expiry_from_term(fields, views)
        self._fill_currency(fields, views, rows, number_hint)
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
    def _dated_orders(candidates: list[Candidate], contract: bool) -> list[Candidate]:
        """An order has no effective date: 'Dated 09/26/2024' on one is the date of the order, read as a guess
        that any labelled order date outweighs."""
        if contract:
            return candidates
        for candidate in candidates:
            if candidate.name == "effective_date":
                candidate.name, candidate.score = "order_date", min(candidate.score, 0.5)
        return candidates

    def _expiry_from_term(self, fields: dict[str, FieldValue], views: list[PageView]) -> None:
        """An expiry printed as a term ('for a period of 24 months'): the effective date plus the term, less a day."""
        effective = fields.get("effective_date")
        if "expiry_date" in fields or effective is None or not isinstance(effective.value, date):
            return
        term = self._term_months(views)
        if term is None:
            return
        months, words, page = term
        expiry = effective.value + relativedelta(months=months) - timedelta(days=1)
        raw = " ".join(w.text for w in words)
        confidence = round(min(effective.confidence, 0.6), 4)  # derived from two readings: reviewed unless vouched
        fields["expiry_date"] = FieldValue(expiry, confidence, page, union_bbox([w.bbox for w in words]), raw)

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


ROLES = ("buyer", "vendor")


def _levels_chosen(doc: Document) -> Document:
    """A scanned page's price matrix read in its ticked level's column only (``unchosen_read_columns``; a text
    layer's is settled by the loader, which sees the empty boxes too)."""
    pages = []
    for page in doc.pages:
        if page.source == "ocr":
            dropped = unchosen_read_columns([(w.bbox, w.text) for w in page.words])
            if dropped:
                page = replace(page, words=[w for i, w in enumerate(page.words) if i not in dropped])
        pages.append(page)
    return doc if all(a is b for a, b in zip(pages, doc.pages, strict=True)) else replace(doc, pages=pages)


def _in_span(candidate: Candidate, spans: dict[int, tuple[float, float]]) -> bool:
    """Whether a candidate's words stand inside the table's span on their page (its header to its last row)."""
    span = spans.get(candidate.page)
    if span is None or not candidate.words:
        return False
    return all(span[0] - 0.001 <= (w.bbox[1] + w.bbox[3]) / 2 <= span[1] for w in candidate.words)


def _spans_to_rows(spans: dict[int, tuple[float, float]], rows: list[RowDraft]) -> dict[int, tuple[float, float]]:
    """The table's spans ending at its last row: a line under it that the table took in (a sum of its amounts
    read as a section's subtotal) is the totals block's, where captions are read."""
    out = {}
    for page, (top, bottom) in spans.items():
        bottoms = [row.bottom for row in rows if row.page == page]
        out[page] = (top, min(bottom, max(bottoms) + 0.002)) if bottoms else (top, bottom)
    return out


def _told_apart(rows: list[RowDraft]) -> int:
    """How many of ``rows`` differ in their code and figures."""
    return len({tuple(" ".join(w.text for w in row.cells.get(n, [])) for n in ("sku", *PRICED)) for row in rows})


def _on_lines(row: RowDraft, lines: set[tuple[int, float]]) -> bool:
    """Whether a row read stands on one of ``lines`` (page, top): its first printed line, and every word of it."""
    if row.line is None or (row.page, round(row.line.top, 4)) not in lines:
        return False
    return all(
        any(line_page == row.page and abs(w.bbox[1] - top) < 0.01 for line_page, top in lines)
        for ws in row.cells.values()
        for w in ws
    )
