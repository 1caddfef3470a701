"""Layout repairs of forms: cut payment terms made whole, an uncaptioned addressee as the vendor, items on two
text lines."""

from decimal import Decimal

from extraction.document import Document, Word
from extraction.phrases import complete_phrases, names_without_marks
from extraction.result import Extraction, FieldValue, LineItem
from extraction.twoline import read_upper_lines
from extraction.windows import read_addressee
from tests.fixtures_docs import document_of_rows


def _terms(doc: Document, value: str, x0: float, y: float) -> Extraction:
    x1 = x0 + 0.009 * len(value) + 0.012  # the box of the words read, a dropped dot included
    cell = FieldValue(value, 0.9, 1, (x0, y, x1, y + 0.012), value)
    ext = Extraction("purchase_order", 1, {"payment_terms": cell})
    complete_phrases(doc, ext)
    return ext


def test_a_leading_word_and_a_wrapped_line_rejoin_the_terms() -> None:
    doc = document_of_rows([(0.05, 0.2, "PO-7781"), (0.6, 0.2, "Settle within 20 days of"), (0.6, 0.215, "arrival"),
                 (0.05, 0.215, "Ref 12")])  # fmt: skip
    ext = _terms(doc, "within 20 days of", 0.6 + 0.009 * 7, 0.2)
    assert ext.fields["payment_terms"].value == "Settle within 20 days of arrival"
    assert ext.fields["payment_terms_days"].value == 20


def test_an_abbreviation_keeps_its_dot_and_whole_terms_stay() -> None:
    doc = document_of_rows([(0.6, 0.2, "Wire 45 d.e.o.m."), (0.6, 0.215, "Delivery: DAP")])
    assert _terms(doc, "Wire 45 d.e.o.m", 0.6, 0.2).fields["payment_terms"].value == "Wire 45 d.e.o.m."
    doc = document_of_rows(
        [(0.3, 0.2, "Terms"), (0.6, 0.2, "Net 30"), (0.6, 0.215, "shipping extra"), (0.8, 0.1, "Page 1")]
    )
    # a capitalised value is no cut; a line below whose first word would have fitted after it is no wrap
    assert _terms(doc, "Net 30", 0.6, 0.2).fields["payment_terms"].value == "Net 30"


def _order(buyer: str, rows: list[tuple[float, float, str]]) -> Extraction:
    ext = Extraction("purchase_order", 1, {"buyer_name": FieldValue(buyer, 0.9)})
    read_addressee(document_of_rows(rows), ext)
    return ext


LETTER = [
    (0.55, 0.05, "Fenwick Optics plc"), (0.55, 0.065, "7 Dock Street"), (0.55, 0.08, "Hull HU1 2AB"),
    (0.08, 0.2, "Attn. goods inward"), (0.08, 0.215, "Maribel Stoffe S.L."), (0.08, 0.23, "Calle Mayor 12"),
    (0.08, 0.245, "28013 Madrid"), (0.08, 0.3, "Order 5521 dated 2031-03-02"),
]  # fmt: skip


def test_the_addressee_block_is_the_vendor() -> None:
    ext = _order("Fenwick Optics plc", LETTER)
    assert ext.fields["vendor_name"].value == "Maribel Stoffe S.L."


def test_an_addressee_read_as_buyer_gives_way_to_the_letterhead() -> None:
    ext = _order("Maribel Stoffe S.L.", LETTER)
    assert (ext.fields["buyer_name"].value, ext.fields["vendor_name"].value) == (
        "Fenwick Optics plc", "Maribel Stoffe S.L.")  # fmt: skip
    # a buyer the blocks do not name: nothing says who is who
    assert "vendor_name" not in _order("Somebody Else GmbH", LETTER).fields


def test_an_item_on_two_text_lines_takes_code_and_text_from_the_upper_one() -> None:
    upper = [(0.05, 0.30, "7"), (0.12, 0.30, "QZ-5540"), (0.30, 0.30, "Copper busbar 20x5")]
    doc = document_of_rows(
        [*upper, (0.50, 0.315, "12"), (0.58, 0.315, "pcs"), (0.70, 0.315, "8.50"), (0.85, 0.315, "102.00")]
    )
    cells = {"description": FieldValue("pcs", 0.9, 1, (0.58, 0.315, 0.61, 0.327)),
             "quantity": FieldValue(Decimal("12"), 0.9), "amount": FieldValue(Decimal("102.00"), 0.9)}  # fmt: skip
    ext = Extraction("purchase_order", 1, {}, [LineItem(cells, 0.9, 1, (0.50, 0.315, 0.90, 0.327))])
    read_upper_lines(doc, ext)
    item = ext.line_items[0]
    assert (item.value("sku"), item.value("description"), item.value("unit")) == (
        "QZ-5540",
        "Copper busbar 20x5",
        "pcs",
    )
    # an item whose text is on its own line stays as read
    one = LineItem(dict(cells, description=FieldValue("Copper busbar", 0.9)), 0.9, 1, (0.05, 0.315, 0.90, 0.327))
    ext = Extraction("purchase_order", 1, {}, [one])
    read_upper_lines(doc, ext)
    assert ext.line_items[0].value("sku") is None


def test_a_title_read_as_the_buyer_gives_way_to_the_letterhead() -> None:
    doc = document_of_rows(LETTER)
    doc.pages[0].words.append(Word("Pedido", (0.08, 0.12, 0.2, 0.14)))  # the title, in large type
    ext = Extraction("purchase_order", 1, {"buyer_name": FieldValue("Pedido", 0.9)})
    read_addressee(doc, ext)
    assert (ext.fields["buyer_name"].value, ext.fields["vendor_name"].value) == (
        "Fenwick Optics plc", "Maribel Stoffe S.L.")  # fmt: skip
    # a name under a caption in body type, with no legal form (an advertiser, a committee), is no title
    assert _order("Friends of Harbour Park", LETTER).fields["buyer_name"].value == "Friends of Harbour Park"


def test_terms_under_an_unknown_caption_start_with_their_days() -> None:
    doc = document_of_rows([(0.05, 0.2, "Betaling"), (0.3, 0.2, "Levering"), (0.05, 0.215, "45 giorni netti"),
                 (0.3, 0.215, "within 5 days of call-off"), (0.8, 0.1, "Page 1")])  # fmt: skip
    ext = Extraction("purchase_order", 1, {})
    complete_phrases(doc, ext)
    assert (ext.fields["payment_terms"].value, ext.fields["payment_terms_days"].value) == ("45 giorni netti", 45)


def test_terms_read_from_inside_their_cell_take_the_whole_cell() -> None:
    # an order form's row: the caption apart from its value, which was read from its days on
    doc = document_of_rows([(0.1, 0.2, "Billed"), (0.4, 0.2, "monthly in advance, due 14 days from invoice")])
    x0 = 0.4 + 0.009 * len("monthly in advance, due ")
    ext = _terms(doc, "14 days from invoice", x0, 0.2)
    assert ext.fields["payment_terms"].value == "monthly in advance, due 14 days from invoice"
    # on a contract too, where the row is a form's; a contract's running text is left as read
    cell = FieldValue("on receipt", 0.9, 1, (0.4 + 0.009 * 24, 0.2, 0.4 + 0.009 * 34, 0.212), "on receipt")
    doc = document_of_rows([(0.1, 0.2, "Billed"), (0.4, 0.2, "annually in advance, due on receipt")])
    contract = Extraction("contract", 1, {"payment_terms": cell})
    complete_phrases(doc, contract)
    assert contract.fields["payment_terms"].value == "annually in advance, due on receipt"
    doc = document_of_rows([(0.1, 0.2, "The Customer pays each invoice annually in advance, due on receipt.")])
    cell = FieldValue("on receipt", 0.9, 1, (0.1 + 0.009 * 56, 0.2, 0.1 + 0.009 * 66, 0.212), "on receipt")
    contract = Extraction("contract", 1, {"payment_terms": cell})
    complete_phrases(doc, contract)
    assert contract.fields["payment_terms"].value == "on receipt"
    # an OCR'd sentence with wide gaps looks like cells; the words before the terms are no cell's start
    sentence = "quoted in USD. The Client pays each invoice within 21 days"
    doc = document_of_rows([(0.1, 0.2, "2. Charges"), (0.25, 0.2, "are"), (0.3, 0.2, sentence)])
    x0 = 0.3 + 0.009 * sentence.index("within")
    cell = FieldValue("within 21 days", 0.9, 1, (x0, 0.2, x0 + 0.009 * 14, 0.212), "within 21 days")
    contract = Extraction("contract", 1, {"payment_terms": cell})
    complete_phrases(doc, contract)
    assert contract.fields["payment_terms"].value == "within 21 days"


def test_a_cell_of_a_grid_wraps_at_the_next_column_and_a_box_over_two_lines_starts_at_its_first_word() -> None:
    rows = [(0.07, 0.10, "Works Ref"), (0.36, 0.10, "Works Issued"), (0.655, 0.10, "Site Superintendent"),
            (0.07, 0.16, "30 Jul 2026"), (0.36, 0.16, "Payment within 30 days of a valid"),
            (0.36, 0.175, "claim")]  # fmt: skip
    doc = document_of_rows(rows)
    # 'claim' would fit before the right margin, not before the next column's edge: a wrap
    ext = _terms(doc, "Payment within 30 days of a valid", 0.36, 0.16)
    assert ext.fields["payment_terms"].value == "Payment within 30 days of a valid claim"
    rows = [(0.07, 0.10, "Works Ref"), (0.655, 0.10, "Works Issued"), (0.07, 0.16, "10 Jan 2025"),
            (0.36, 0.16, "Monthly progress claims, paid within 25"), (0.36, 0.175, "business days")]  # fmt: skip
    # the box of 'within 25' + 'business days' reaches left to the cell's edge on both lines
    box = (0.36, 0.16, 0.36 + 0.009 * 39, 0.187)
    ext = Extraction("purchase_order", 1, {"payment_terms": FieldValue("within 25 business days", 0.9, 1, box)})
    complete_phrases(document_of_rows(rows), ext)
    assert ext.fields["payment_terms"].value == "Monthly progress claims, paid within 25 business days"


def test_terms_cut_at_a_line_s_end_after_a_leading_word_end_before_it() -> None:
    # a contract's sentence runs on to the next line: 'after' leads to what the next line says
    rows = [(0.1, 0.2, "Customer will pay each invoice within forty-five (45) days after"),
            (0.1, 0.215, "acceptance of the related deliverable.")]  # fmt: skip
    x0 = 0.1 + 0.009 * len("Customer will pay each invoice ")
    cell = FieldValue("within forty-five (45) days after", 0.9, 1, (x0, 0.2, x0 + 0.009 * 33, 0.212))
    contract = Extraction("contract", 1, {"payment_terms": cell})
    complete_phrases(document_of_rows(rows), contract)
    assert contract.fields["payment_terms"].value == "within forty-five (45) days"
    # a value that is no terms without its last word stays as read
    cell = FieldValue("Due on", 0.9, 1, (0.1, 0.3, 0.16, 0.312))
    contract = Extraction("contract", 1, {"payment_terms": cell})
    complete_phrases(document_of_rows([(0.1, 0.3, "Due on")]), contract)
    assert contract.fields["payment_terms"].value == "Due on"


def test_a_logos_mark_read_before_a_partys_name_is_no_part_of_it() -> None:
    """A scan reads a logo's dot above the letterhead as '•', and the name's line takes it: it is dropped; a name's
    own words with a letter or digit stay."""
    fields = {"buyer_name": FieldValue("• Hardanger Bygg AS", 0.6), "vendor_name": FieldValue("3M Svenska AB", 0.9)}
    extraction = Extraction("purchase_order", 1, fields, [])
    names_without_marks(Document([]), extraction)
    assert extraction.fields["buyer_name"].value == "Hardanger Bygg AS"
    assert extraction.fields["vendor_name"].value == "3M Svenska AB"


def test_the_name_under_the_sender_line_over_the_window_is_the_vendor_whatever_its_legal_form() -> None:
    rows = [
        (0.13, 0.05, "Lindqvist Logistics Sp. z o.o."), (0.13, 0.065, "ul. Długa 200, 80-001 Gdańsk"),
        (0.07, 0.107, "Lindqvist Logistics Sp. z o.o. · ul. Długa 200 · 80-001 Gdańsk"),
        (0.07, 0.122, "Meridian Components Berhad"), (0.07, 0.137, "Jalan Ampang 7"), (0.07, 0.152, "Kuala Lumpur"),
        (0.07, 0.2, "Adres dostawy:"), (0.07, 0.215, "Hartley Logistics S.A."), (0.07, 0.23, "ul. Przemysłowa 120"),
    ]  # fmt: skip
    assert _order("Lindqvist Logistics Sp. z o.o.", rows).fields["vendor_name"].value == "Meridian Components Berhad"
    # without the sender line the first other block stands in for the addressee, as before
    assert _order("Lindqvist Logistics Sp. z o.o.", rows[:2] + rows[6:]).fields["vendor_name"].value == (
        "Hartley Logistics S.A.")  # fmt: skip


def test_an_addressee_under_the_sender_line_read_as_the_buyer_gives_way_to_the_sender() -> None:
    # the letterhead's legal form unknown to the reader ('Berhad'); the sender's line over the window names it, and
    # the addressee under that line, standing high, is no letterhead
    rows = [
        (0.13, 0.05, "Cedar Supply Berhad"), (0.13, 0.07, "Corso Italia 23, 20121 Milano"),
        (0.07, 0.115, "Cedar Supply Berhad · Corso Italia 23 · 20121 Milano"),
        (0.07, 0.13, "Northwind Components Ltda."), (0.07, 0.145, "Boulevard Voltaire 191"), (0.07, 0.16, "9000 Gent"),
    ]  # fmt: skip
    for read in ("Northwind Components Ltda.", "Cedar Supply Berhad"):
        ext = _order(read, rows)
        assert (ext.fields["buyer_name"].value, ext.fields["vendor_name"].value) == (
            "Cedar Supply Berhad", "Northwind Components Ltda.")  # fmt: skip
