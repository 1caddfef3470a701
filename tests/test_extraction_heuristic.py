from datetime import date
from decimal import Decimal

import pytest

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.loading import load_document
from extraction.result import Extraction
from tests.fixtures_docs import (
    Line,
    PoSpec,
    default_lines,
    eu_spec,
    page_of_lines,
    render_contract,
    render_po,
    words_at,
)


def _extract(spec: PoSpec) -> Extraction:
    return HeuristicExtractor().extract(load_document(render_po(spec), "po.pdf"))


def _assert_lines(extraction: Extraction, spec: PoSpec) -> None:
    columns = {name for name, _ in spec.columns}
    assert len(extraction.line_items) == len(spec.lines)
    for item, line in zip(extraction.line_items, spec.lines, strict=True):
        assert item.value("description") == line.description
        assert item.value("quantity") == line.quantity
        assert item.value("unit_price") == line.unit_price
        assert item.value("amount") == line.amount
        if "sku" in columns:
            assert item.value("sku") == line.sku
        if "unit" in columns:
            assert item.value("unit") == line.unit
        assert item.page is not None and item.bbox is not None


def test_us_purchase_order_fields_and_lines() -> None:
    spec = PoSpec()
    extraction = _extract(spec)
    assert extraction.doc_type == "purchase_order"
    assert extraction.value("po_number") == "PO-2026-0417"
    assert extraction.value("order_date") == date(2026, 3, 31)
    assert extraction.value("vendor_name") == spec.vendor
    assert extraction.value("buyer_name") == spec.buyer
    assert extraction.value("vendor_tax_id") == "DE136695976"
    assert extraction.value("currency") == "USD"
    assert extraction.value("payment_terms") == "Net 30"
    assert extraction.value("payment_terms_days") == 30
    assert extraction.value("subtotal") == spec.subtotal
    assert extraction.value("tax_total") == spec.tax
    assert extraction.value("total") == spec.total
    _assert_lines(extraction, spec)
    assert not extraction.needs_review, extraction.review_reasons
    # consistent arithmetic makes the totals confident; the box points at the printed value
    total = extraction.fields["total"]
    assert total.confidence >= 0.95 and total.page == 1 and total.raw == "644.54"
    assert total.bbox is not None and total.bbox[0] > 0.5


def test_other_column_order_and_synonyms() -> None:
    spec = PoSpec(
        columns=[
            ("quantity", "Quantity"),
            ("sku", "Part No."),
            ("description", "Product"),
            ("unit", "Unit"),
            ("unit_price", "Rate"),
            ("amount", "Extended Price"),
        ],
        labels={"po_number": "Purchase Order #", "order_date": "Date", "terms": "Terms"},
        terms="2/10 Net 45",
        date_format="%d %B %Y",
    )
    extraction = _extract(spec)
    _assert_lines(extraction, spec)
    assert extraction.value("po_number") == spec.po_number
    assert extraction.value("order_date") == spec.order_date
    assert extraction.value("payment_terms") == "2/10 Net 45"
    assert extraction.value("payment_terms_days") == 45


def test_missing_optional_columns_and_lone_item_column() -> None:
    spec = PoSpec(columns=[("description", "Item"), ("quantity", "Qty"), ("unit_price", "Price"), ("amount", "Total")])
    extraction = _extract(spec)
    _assert_lines(extraction, spec)
    assert all("sku" not in item.cells for item in extraction.line_items)


def test_wrapped_descriptions_join_the_row() -> None:
    lines = default_lines(3)
    lines[1].description = "Flat washer M8 DIN 125 stainless steel A2, packed in boxes of one hundred, for outdoor use"
    spec = PoSpec(lines=lines)
    extraction = _extract(spec)
    _assert_lines(extraction, spec)
    box = extraction.line_items[1].cells["description"].bbox
    assert box is not None and box[3] - box[1] > 0.02  # spans several printed lines


@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_continues_on_next_page(repeat_header: bool) -> None:
    spec = PoSpec(lines=default_lines(9), rows_per_page=5, repeat_header=repeat_header)
    extraction = _extract(spec)
    assert extraction.page_count == 2
    _assert_lines(extraction, spec)
    assert [item.page for item in extraction.line_items] == [1] * 5 + [2] * 4
    assert extraction.value("total") == spec.total
    assert extraction.fields["total"].page == 2


def test_eu_number_and_date_format() -> None:
    spec = eu_spec(lines=default_lines(6))  # includes 1.234,50 and dates like 03.02.2026
    extraction = _extract(spec)
    _assert_lines(extraction, spec)
    assert extraction.value("po_number") == spec.po_number
    assert extraction.value("order_date") == date(2026, 2, 3)
    assert extraction.value("currency") == "EUR"
    assert extraction.value("total") == spec.total
    assert extraction.value("payment_terms_days") == 30


def test_ambiguous_date_follows_document() -> None:
    # 04/03/2026 alone is ambiguous; EU number format on the page says day first
    spec = eu_spec(date_format="%d/%m/%Y", order_date=date(2026, 3, 4))
    assert _extract(spec).value("order_date") == date(2026, 3, 4)
    spec = PoSpec(order_date=date(2026, 4, 3))  # US document, 04/03/2026 is April 3
    assert _extract(spec).value("order_date") == date(2026, 4, 3)


def test_inconsistent_arithmetic_needs_review() -> None:
    lines = default_lines(3)
    lines[0].printed_amount = Decimal("150.00")  # 250 x 0.42 = 105.00
    extraction = _extract(PoSpec(lines=lines))
    assert extraction.needs_review
    assert any(reason.startswith("line_arithmetic: line 1") for reason in extraction.review_reasons)
    assert extraction.line_items[0].confidence <= 0.5
    assert extraction.line_items[1].confidence > 0.9


def test_unlabelled_po_number_needs_review() -> None:
    # 'Reference:' names no PO number: the code beside it is offered by its place and type, for review only
    spec = PoSpec(labels={"po_number": "Reference:", "order_date": "Order Date:", "terms": "Terms:"})
    extraction = _extract(spec)
    assert extraction.value("po_number") == spec.po_number
    assert extraction.fields["po_number"].confidence < 0.5
    assert "low_confidence: po_number" in extraction.review_reasons and extraction.needs_review


def test_line_with_tax_rate_column() -> None:
    lines = [Line("A-1", "Consulting services March", Decimal("10"), "H", Decimal("120.00"), Decimal("19"))]
    spec = eu_spec(
        lines=lines,
        columns=[("description", "Description"), ("quantity", "Qty"), ("unit_price", "Unit Price"),
                 ("tax_rate", "VAT %"), ("amount", "Amount")],
        tax_percent=Decimal("19"),
    )  # fmt: skip
    extraction = _extract(spec)
    assert extraction.line_items[0].value("tax_rate") == Decimal("19")
    assert extraction.value("tax_total") == spec.tax


def test_contract_prose() -> None:
    data = render_contract(
        [
            "MASTER SUPPLY AGREEMENT",
            "Contract No. MSA-2026-118",
            "This Master Supply Agreement is entered into as of March 1, 2026 between Northwind Traders Inc., "
            'a Delaware corporation (the "Customer"), and Acme Industrial Supply GmbH (the "Supplier").',
            "WHEREAS the Customer wishes to purchase goods and the Supplier wishes to sell them, the parties agree:",
            "1. Prices are stated in euros and exclude VAT.",
            "2. Invoices are payable within forty-five (45) days of receipt.",
            "3. This Agreement shall terminate on February 28, 2027 unless renewed in writing.",
        ]
    )
    extraction = HeuristicExtractor().extract(load_document(data, "msa.pdf"))
    assert extraction.doc_type == "contract"
    assert extraction.value("contract_number") == "MSA-2026-118"
    assert extraction.value("effective_date") == date(2026, 3, 1)
    assert extraction.value("expiry_date") == date(2027, 2, 28)
    assert extraction.value("buyer_name") == "Northwind Traders Inc."
    assert extraction.value("vendor_name") == "Acme Industrial Supply GmbH"
    assert extraction.value("payment_terms_days") == 45
    assert extraction.value("currency") == "EUR"
    assert extraction.fields["effective_date"].bbox is not None


@pytest.mark.parametrize(
    ("lines", "currency"),
    [
        (["PURCHASE ORDER", "Order No.: 4711", "Net Total £43,134.00", "Total £49,172.76"], "GBP"),
        (["PURCHASE ORDER", "Order No.: 4711", "Total 1.250,00€"], "EUR"),
        (["PURCHASE ORDER", "25 Park Lane, Sydney NSW 2000, Australia", "Total $5,852.95"], "AUD"),
        (["PURCHASE ORDER", "1 Main St, Springfield, USA", "Ship to Toronto, Canada", "Total $5,852.95"], "USD"),
        (["PURCHASE ORDER", "Sydney, Australia", "Total $5,852.95 USD"], "USD"),  # a code beats the country
        # a currency without cents: its sign after a whole amount set in thousands, not after a count ('100 FT')
        (["PURCHASE ORDER", "Bruttó összesen 44 798 780 Ft"], "HUF"),
        (["PURCHASE ORDER", "Bruttó összesen 44.798.780 Ft"], "HUF"),
    ],
)
def test_currency_from_a_mark_printed_on_the_amounts(lines: list[str], currency: str) -> None:
    assert HeuristicExtractor().extract(page_of_lines(lines)).value("currency") == currency


def test_a_count_before_a_unit_is_no_whole_amount() -> None:
    assert (
        HeuristicExtractor().extract(page_of_lines(["PURCHASE ORDER", "Pipe 100 FT 17.35"])).value("currency") is None
    )


def test_currency_mark_of_an_amount() -> None:
    from extraction.normalize import currency_on_amount

    assert [currency_on_amount(t) for t in ("£43,134.00", "1.250,00€", "USD1,200.00", "-£5.00")] == [
        "£",
        "€",
        "USD",
        "£",
    ]
    assert [currency_on_amount(t) for t in ("12,000.00", "Widget", "A4-100", "2024-05-01")] == [None] * 4


def test_a_line_less_a_whole_percent_discount_adds_up_and_a_misread_amount_does_not() -> None:
    from extraction.checks import check_arithmetic, line_adds_up
    from extraction.result import FieldValue, LineItem

    assert line_adds_up(Decimal("67.4"), Decimal("72.80"), Decimal("4808.59"))  # 4,906.72 less 2%
    assert line_adds_up(Decimal("3"), Decimal("1.333"), Decimal("4.00"))  # the amount's rounding
    assert not line_adds_up(Decimal("2"), Decimal("10"), Decimal("12.34"))
    assert not line_adds_up(Decimal("2"), Decimal("10"), Decimal("4.00"))  # 80% off is a misread, not a discount

    def line(qty: str, price: str, amount: str) -> LineItem:
        cells = {n: FieldValue(Decimal(v), 0.9, raw=v) for n, v in (("quantity", qty), ("unit_price", price))}
        cells["amount"] = FieldValue(Decimal(amount), 0.9, raw=amount)
        cells["description"] = FieldValue("Widget", 0.9)
        return LineItem(cells, 0.9)

    lines = [line("67.4", "72.80", "4808.59"), line("2", "10", "12.34")]
    extraction = Extraction("purchase_order", 1, line_items=lines)
    check_arithmetic(extraction)
    assert [r for r in extraction.review_reasons if r.startswith("line_arithmetic")] == [
        "line_arithmetic: line 2 quantity x unit price = 20 but amount = 12.34"
    ]


def _table_page(rows: list[list[tuple[float, str]]]) -> Document:
    """One page of text lines, each a list of (left edge, text) cells."""
    words = []
    for r, cells in enumerate(rows):
        for x, text in cells:
            for token in text.split():
                width = 0.011 * len(token)
                words.append(Word(token, (x, 0.05 + 0.03 * r, x + width, 0.062 + 0.03 * r)))
                x += width + 0.008
    return Document([Page(1, 612, 792, words)])


@pytest.mark.parametrize(("total", "flagged"), [("57.50", False), ("60.00", True)])
def test_shipping_and_discount_below_the_table_let_the_totals_add_up(total: str, flagged: bool) -> None:
    rows = [
        [(0.08, "PURCHASE ORDER")],
        [(0.08, "PO Number: 4711")],
        [(0.08, "Description"), (0.45, "Qty"), (0.6, "Unit Price"), (0.8, "Amount")],
        [(0.08, "Steel bolts M8"), (0.45, "2"), (0.6, "10.00"), (0.8, "20.00")],
        [(0.08, "Copper wire reel"), (0.45, "1"), (0.6, "30.00"), (0.8, "30.00")],
        [(0.6, "Subtotal"), (0.8, "50.00")],
        [(0.6, "Shipping:"), (0.8, "5.00")],
        [(0.6, "Discount (5%)"), (0.8, "-2.50")],
        [(0.6, "Tax"), (0.8, "5.00")],
        [(0.6, "Total"), (0.8, total)],
    ]
    extraction = HeuristicExtractor().extract(_table_page(rows))
    assert extraction.adjustments == [Decimal("5.00"), Decimal("-2.50")]
    assert extraction.value("total") == Decimal(total)
    assert any(r.startswith("totals_arithmetic") for r in extraction.review_reasons) is flagged


def test_terms_in_a_row_of_captions_are_read_below_their_caption() -> None:
    # 'Terms' has the next caption ('Ship Via') to its right; the terms, which print a number of days, stand below
    from tests.fixtures_docs import document_of_rows

    doc = document_of_rows([(0.05, 0.1, "Rep"), (0.3, 0.1, "Terms"), (0.5, 0.1, "Ship Via"),
                            (0.05, 0.13, "L. Verbeke"), (0.3, 0.13, "Net 30"), (0.5, 0.13, "UPS GROUND")])  # fmt: skip
    got = HeuristicExtractor().extract(doc)
    assert (got.fields["payment_terms"].value, got.fields["payment_terms_days"].value) == ("Net 30", 30)


def test_days_under_a_lead_times_caption_are_no_terms() -> None:
    from extraction.pipeline import PIPELINE, ExtractionJob, run
    from tests.fixtures_docs import page_of_lines

    def terms(*lines: str) -> object:
        job = ExtractionJob(b"", "po.pdf", "purchase_order")
        head = ["PURCHASE ORDER", "PO Number: PO-2291", "Order Date: 12 March 2026", "Buyer: Acme Widgets Ltd"]
        job.document = page_of_lines([*head, *lines, "Widget A 2 10.00 20.00", "Total: 20.00"])
        assert (extraction := run(job, PIPELINE[1:]).extraction) is not None
        cell = extraction.fields.get("payment_terms")
        return None if cell is None else cell.value

    assert terms("Lead time: 21 days") is None
    assert terms("Lead time: 21 days", "Payment terms: 30 days EOM") == "30 days EOM"


def test_a_tax_id_caption_names_its_party_and_its_value_stands_right_of_it() -> None:
    from tests.fixtures_docs import document_of_rows

    doc = document_of_rows([(0.05, 0.1, "Client"), (0.3, 0.1, "Kowhai Refrigeration Ltd"),
                            (0.05, 0.13, "Supplier"), (0.3, 0.13, "Tasman Bay Print Limited"),
                            (0.05, 0.16, "Supplier GST No."), (0.3, 0.16, "12-356-617")])  # fmt: skip
    got = HeuristicExtractor().extract(doc, "contract")
    assert got.fields["vendor_tax_id"].value == "12-356-617" and "buyer_tax_id" not in got.fields


def test_a_value_wider_than_its_caption_and_centred_under_it() -> None:
    from tests.fixtures_docs import document_of_rows

    doc = document_of_rows([(0.683, 0.1, "Date"), (0.836, 0.1, "P.O. No."),
                            (0.661, 0.116, "11/27/2025"), (0.844, 0.116, "2992")])  # fmt: skip
    got = HeuristicExtractor().extract(doc, "purchase_order")
    assert (got.fields["order_date"].value, got.fields["po_number"].value) == (date(2025, 11, 27), "2992")


def test_a_tax_id_caption_after_a_spreadsheet_s_row_number_names_its_party() -> None:
    from tests.fixtures_docs import document_of_rows

    doc = document_of_rows([(0.02, 0.1, "7"), (0.06, 0.1, "Requesting Entity"), (0.3, 0.1, "Pickering & Dale Inc."),
                            (0.02, 0.13, "8"), (0.06, 0.13, "Supplying Acct"), (0.3, 0.13, "Larkspur Labs LLC"),
                            (0.02, 0.16, "10 Vendor TIN"), (0.3, 0.16, "39-8654813")])  # fmt: skip
    got = HeuristicExtractor().extract(doc, "purchase_order")
    assert got.fields["vendor_tax_id"].value == "39-8654813" and "buyer_tax_id" not in got.fields


def test_terms_ending_a_wrapped_sentence_are_no_value_cell() -> None:
    # the sentence's last line starts with its verb: the terms are what follows it, not the line
    words = [
        w
        for y, text in (
            (0.10, "2. The Supplier invoices the monthly volume in GBP at the tier it falls in; invoices are"),
            (0.12, "due 30 days from the invoice date."),
        )
        for w in words_at(text, 0.1, y)
    ]
    extraction = HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "contract")
    assert extraction.value("payment_terms") == "30 days from the invoice date"


def test_a_date_under_an_unknown_caption_whose_scanned_box_hugs_its_ink() -> None:
    """OCR's boxes hug the ink: 'Ordredato' (no descender) reads 0.007 high, its value a line below seems farther
    than 1.2 caption heights away, though the rows stand as close as print sets them. The taller of the two lines
    measures the gap (a scanned Norwegian order of a blind set, its born-digital twin read the date)."""
    rows = [
        [("Kunde", (0.0660, 0.0925, 0.1043, 0.0996)), ("Leverandor", (0.3270, 0.0908, 0.3989, 0.1033)),
         ("Betalingsbetingelser", (0.5934, 0.0925, 0.7207, 0.1013)), ("Ordredato", (0.7684, 0.0925, 0.8315, 0.0996))],
        [("Fjellheim", (0.0660, 0.1113, 0.1308, 0.1212)), ("Bygg", (0.1367, 0.1113, 0.1715, 0.1212)),
         ("AS", (0.1768, 0.1113, 0.1956, 0.1192)), ("Nordkapp", (0.3300, 0.1113, 0.3989, 0.1212)),
         ("Mekaniske", (0.4048, 0.1108, 0.4808, 0.1192)), ("AS", (0.4856, 0.1113, 0.5038, 0.1192)),
         ("Netto", (0.5934, 0.1113, 0.6276, 0.1192)), ("pr.", (0.6329, 0.1129, 0.6482, 0.1208)),
         ("20", (0.6547, 0.1113, 0.6694, 0.1192)), ("dager", (0.6747, 0.1113, 0.7113, 0.1212)),
         ("01.12.2027", (0.7690, 0.1113, 0.8409, 0.1192))],
    ]  # fmt: skip
    words = [Word(text, box, 0.95) for row in rows for text, box in row]
    got = HeuristicExtractor().extract(Document([Page(1, 1697, 2400, words, "ocr")]), "purchase_order")
    assert got.fields["order_date"].value == date(2027, 12, 1)


def test_a_word_ocr_could_not_read_beside_a_number_s_caption_is_no_document_number() -> None:
    """A row of numbered captions ('1. PO Number  2. Terms  3. Date of Order') over their values, where OCR glued
    '2. Terms' into one word it was not sure of at all ('2-Terms', 0.00): the number is the value under the
    caption, not that word."""
    rows = [
        [("1.", (0.066, 0.140, 0.075, 0.148), 0.66), ("PO", (0.080, 0.140, 0.097, 0.148), 0.89),
         ("Number", (0.101, 0.140, 0.150, 0.148), 0.89), ("2-Terms", (0.330, 0.140, 0.385, 0.148), 0.0),
         ("3.", (0.600, 0.140, 0.609, 0.148), 0.91), ("Date", (0.614, 0.140, 0.640, 0.148), 0.96),
         ("of", (0.645, 0.140, 0.657, 0.148), 0.96), ("Order", (0.662, 0.140, 0.700, 0.148), 0.96)],
        [("P2025-7727", (0.064, 0.157, 0.140, 0.166), 0.89), ("Net", (0.330, 0.157, 0.352, 0.166), 0.96),
         ("45", (0.357, 0.157, 0.372, 0.166), 0.96), ("Dec", (0.600, 0.157, 0.624, 0.166), 0.96),
         ("20,", (0.629, 0.157, 0.648, 0.166), 0.96), ("2025", (0.653, 0.157, 0.684, 0.166), 0.79)],
    ]  # fmt: skip
    words = [Word(text, box, conf) for row in rows for text, box, conf in row]
    got = HeuristicExtractor().extract(Document([Page(1, 1700, 2201, words, "ocr")]), "purchase_order")
    assert got.fields["po_number"].value == "P2025-7727"
