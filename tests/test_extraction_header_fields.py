"""Order header fields on layouts the readers never met: captions in two languages, numbers printed with their
series, a number beside the title, postal codes told from numbers by geometry, totals blocks by arithmetic.

Hand-placed words; captions and values made up for the tests."""

from datetime import date
from decimal import Decimal

from extraction.charges import read_tax_and_charges
from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor, _spans_to_rows
from extraction.references import check_references, with_series
from extraction.result import Extraction, FieldValue, LineItem
from tests.fixtures_docs import document_of_rows, words_at

D = Decimal


def _page(rows: list[tuple[float, float, str]], title: list[tuple[float, float, str]] | None = None) -> Document:
    """A page of (x, y, text) rows in body letters, and rows in title letters twice as high."""
    words = [w for x, y, text in rows for w in words_at(text, x, y, 0.009, 0.012)]
    words += [w for x, y, text in title or [] for w in words_at(text, x, y, 0.018, 0.024)]
    return Document([Page(1, 612, 792, words)])


def test_a_caption_in_two_languages_is_read_by_the_part_after_its_slash() -> None:
    # the first language's words are no caption any reader knows; the second's are, after ' / '
    doc = _page([(0.05, 0.1, "Numer zlecenia zakupu / PO Number:ZQ-7781"),
                 (0.05, 0.13, "Datum der Bestellung / Order Date"), (0.55, 0.13, "14.03.2026"),
                 (0.05, 0.16, "Warunki i sposób zapłaty / Terms of Payment"), (0.05, 0.176, "Przelew 45 dni"),
                 (0.05, 0.25, "Beschreibung"), (0.45, 0.25, "Menge"), (0.6, 0.25, "Preis"), (0.8, 0.25, "Betrag"),
                 (0.05, 0.27, "Widget"), (0.45, 0.27, "2"), (0.6, 0.27, "10.00"), (0.8, 0.27, "20.00")])  # fmt: skip
    got = HeuristicExtractor().extract(doc, "purchase_order")
    assert got.value("po_number") == "ZQ-7781"
    assert got.value("order_date") == date(2026, 3, 14)
    assert (got.value("payment_terms"), got.value("payment_terms_days")) == ("Przelew 45 dni", 45)


def test_a_value_or_number_before_a_slash_is_no_caption() -> None:
    # 'Net 30 / EOM' is a value: no caption starts after its slash
    doc = _page([(0.05, 0.1, "Terms"), (0.3, 0.1, "Net 30 / Total 12.00")])
    got = HeuristicExtractor().extract(doc, "purchase_order")
    assert got.value("total") is None


def test_a_number_printed_with_its_series_or_order_type_is_read_whole() -> None:
    # under a caption the reader knows, and under one it does not (typed by its shape)
    doc = _page([(0.05, 0.1, "PO Number"), (0.4, 0.1, "Zorblat"), (0.05, 0.116, "58120 QX"), (0.4, 0.116, "x")])
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") == "58120 QX"
    doc = _page([(0.05, 0.1, "Zorblat vindu:"), (0.3, 0.1, "KT 2031/118")])
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") == "KT 2031/118"


def test_a_series_is_capitals_a_word_space_from_the_number_alone_in_its_cell() -> None:
    def cell(text: str) -> list[Word]:
        return words_at(text, 0.1, 0.1, 0.009, 0.012)

    assert with_series(cell("58120 QX")) == ("58120 QX", cell("58120 QX"))
    assert with_series(cell("KT 2031/118")) is not None
    for text in ("58120 EUR", "NO 58120", "PO 58120", "58120", "58120 QX 7", "QX ZZ", "Rev 58120", "12.05.2026 KT"):
        assert with_series(cell(text)) is None, text
    apart = words_at("58120", 0.1, 0.1, 0.009, 0.012) + words_at("QX", 0.4, 0.1, 0.009, 0.012)
    assert with_series(apart) is None  # two cells


def test_a_document_types_initials_after_a_caption_of_its_own_are_part_of_the_number() -> None:
    def cell(text: str) -> list[Word]:
        return words_at(text, 0.1, 0.1, 0.009, 0.012)

    assert with_series(cell("PO 58120")) is None  # alone, 'PO' captions the number
    assert with_series(cell("PO 58120"), captioned=True) == ("PO 58120", cell("PO 58120"))
    assert with_series(cell("NO 58120"), captioned=True) is None  # a number sign never is
    doc = _page([(0.05, 0.1, "Order No.:"), (0.3, 0.1, "PO 58120"), (0.05, 0.116, "Order Date:"),
                 (0.3, 0.116, "13/01/2024")])  # fmt: skip
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") == "PO 58120"


def test_a_number_beside_the_title_in_title_letters_is_the_order_s() -> None:
    doc = _page([(0.05, 0.1, "Vendor"), (0.05, 0.116, "Someone Ltd")],
                title=[(0.05, 0.03, "Bestilling"), (0.8, 0.03, "XP40571")])  # fmt: skip
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") == "XP40571"
    # body letters: a code far right of a caption is no value of it
    doc = _page([(0.05, 0.03, "Bestilling"), (0.8, 0.03, "XP40571")])
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") is None


def test_a_number_that_the_next_cell_s_capitalised_word_follows_is_no_postal_code() -> None:
    rows = [(0.05, 0.1, "Purchase Order No."), (0.35, 0.1, "Issue Date"),
            (0.05, 0.116, "842321"), (0.35, 0.116, "May 30, 2025"),
            (0.05, 0.9, "842321"), (0.8, 0.9, "Page 1 / 1")]  # fmt: skip
    ext = Extraction("purchase_order", 1, {"po_number": FieldValue("842321", 0.9)})
    check_references(document_of_rows(rows), ext)
    assert ext.value("po_number") == "842321"
    # printed twice a word space before a town, it is one
    rows = [(0.05, 0.1, "842321 Springfield"), (0.05, 0.9, "842321 Springfield")]
    ext = Extraction("purchase_order", 1, {"po_number": FieldValue("842321", 0.9)})
    check_references(document_of_rows(rows), ext)
    assert ext.value("po_number") is None


def _totals(lines: list[str], amounts: list[str], fields: dict[str, str] | None = None) -> Extraction:
    rows = [(0.08, 0.05, "1 Widget 600.00")] + [(0.08, 0.08 + 0.03 * i, text) for i, text in enumerate(lines)]
    items = [LineItem({"amount": FieldValue(D(a), 0.99)}, 0.99, 1, (0.05, 0.05, 0.95, 0.062)) for a in amounts]
    ext = Extraction("purchase_order", 1, {k: FieldValue(D(v), 0.9) for k, v in (fields or {}).items()}, items)
    read_tax_and_charges(document_of_rows(rows), ext)
    return ext


def test_a_block_that_prints_its_total_first_then_the_net_and_the_taxes_it_includes() -> None:
    # prices with the tax in them: the lines add up to the total; the net and the taxes follow it
    lines = ["Grand sum 1.230,00", "Netto worth 1.050,00", "thereof levy 10 % 50,00", "thereof levy 20 % 130,00",
             "thereof levy 180,00"]  # fmt: skip
    ext = _totals(lines, ["1230.00"], {"total": "1230.00"})
    assert [ext.decimal(n) for n in ("subtotal", "tax_total", "total")] == [D("1050.00"), D("180.00"), D("1230.00")]
    # amounts after the net that name no tax and print no rate are no taxes of it
    ext = _totals(["Grand sum 1.230,00", "Netto worth 1.050,00", "Packing 180,00"], ["1230.00"], {"total": "1230.00"})
    assert ext.decimal("tax_total") is None


def test_a_tax_named_by_its_initials_with_stops() -> None:
    ext = _totals(["Fees Before Levy £ 4,475.00", "Plus V.A.T. £ 895.00", "Fees Incl. All £ 5,370.00"],
                  ["4475.00"])  # fmt: skip
    assert [ext.decimal(n) for n in ("subtotal", "tax_total", "total")] == [D("4475.00"), D("895.00"), D("5370.00")]


def test_a_line_under_the_rows_that_the_table_took_for_a_section_sum_keeps_its_caption() -> None:
    # the table reader takes a line under its rows that sums their amounts in (a section's sum); the label reader
    # still reads the caption there: only the rows are the table's
    rows = [(0.08, 0.05, "Article"), (0.45, 0.05, "Qty"), (0.6, 0.05, "Price"), (0.8, 0.05, "Amount"),
            (0.08, 0.08, "Steel bolts M8"), (0.45, 0.08, "2"), (0.6, 0.08, "10.00"), (0.8, 0.08, "20.00"),
            (0.08, 0.10, "Copper wire reel"), (0.45, 0.10, "1"), (0.6, 0.10, "30.00"), (0.8, 0.10, "30.00"),
            (0.6, 0.13, "Sous-total / Subtotal"), (0.8, 0.13, "50.00"),
            (0.6, 0.15, "Tax 5 %"), (0.8, 0.15, "2.50"), (0.6, 0.17, "Total"), (0.8, 0.17, "52.50")]  # fmt: skip
    extractor = HeuristicExtractor()
    views = [extractor._view(page) for page in document_of_rows(rows).pages]
    drafts, spans = extractor._line_items(views, None)
    assert spans[1][1] > 0.13  # the sum line taken in
    found = extractor._label_candidates(views, None, None, _spans_to_rows(spans, drafts))
    assert [c.value for c in found if c.name == "subtotal"] == [D("50.00")]


def test_a_number_under_the_title_ending_where_it_ends_is_the_order_s() -> None:
    title = [(0.62, 0.03, "Tilaus")]  # at the right edge, its number right-aligned under it, no caption
    doc = _page([(0.728 - 0.009 * len("XP40571"), 0.058, "XP40571"), (0.05, 0.1, "Vendor")], title=title)
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") == "XP40571"
    # not under it: no title's number, only the one code the page prints without a caption (a guess for review)
    doc = _page([(0.30, 0.058, "XP40571"), (0.05, 0.1, "Vendor")], title=title)
    bare = HeuristicExtractor().extract(doc, "purchase_order").fields["po_number"]
    assert (bare.value, bare.confidence < 0.5) == ("XP40571", True)
    doc = _page([(0.30, 0.058, "XP40571"), (0.05, 0.1, "Vendor"), (0.5, 0.2, "QT-20417")], title=title)
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") is None


def test_values_centred_or_right_aligned_under_captions_no_reader_knows() -> None:
    # a grid of captions in words no table holds, its values centred (the date) or right-aligned (the number)
    right_aligned, centred = 0.05 + 0.009 * 13 - 0.009 * 8, 0.4 + 0.009 * 1.5
    doc = _page([(0.05, 0.1, "Zorblat vindu"), (0.4, 0.1, "Quimby stamp"),
                 (right_aligned, 0.116, "KX-40211"), (centred, 0.116, "03/11/2026")])  # fmt: skip
    got = HeuristicExtractor().extract(doc, "purchase_order")
    assert (got.value("po_number"), got.value("order_date")) == ("KX-40211", date(2026, 3, 11))


def _table_with_totals(totals: list[tuple[str, str]]) -> Document:
    """Two item lines (20.00 + 30.00) under captions no reader knows, then a totals block of made-up captions."""
    rows = [(0.08, 0.05, "Gizmo"), (0.45, 0.05, "Qty"), (0.6, 0.05, "Price"), (0.8, 0.05, "Amount"),
            (0.08, 0.08, "Steel bolts M8"), (0.45, 0.08, "2"), (0.6, 0.08, "10.00"), (0.8, 0.08, "20.00"),
            (0.08, 0.10, "Copper wire"), (0.45, 0.10, "1"), (0.6, 0.10, "30.00"), (0.8, 0.10, "30.00")]  # fmt: skip
    rows += [(0.6, 0.14 + 0.02 * i, caption) for i, (caption, _) in enumerate(totals)]
    rows += [(0.8, 0.14 + 0.02 * i, amount) for i, (_, amount) in enumerate(totals)]
    return document_of_rows(rows)


def test_a_totals_block_that_prints_the_amount_to_pay_first_is_read_by_arithmetic() -> None:
    # the total first, then the net and a tax that is a round rate of it (no rate printed); or no net line at all
    for totals in ([("Zorbla", "62.50"), ("Quux", "50.00"), ("Frob", "12.50")],
                   [("Zorbla", "62.50"), ("Frob 25 %", "12.50")]):  # fmt: skip
        got = HeuristicExtractor().extract(_table_with_totals(totals), "purchase_order")
        assert (got.decimal("total"), got.decimal("tax_total")) == (D("62.50"), D("12.50"))
    # no tax printed: the total is the net plus a round rate of it; an amount no rate explains is no total
    got = HeuristicExtractor().extract(_table_with_totals([("Zorbla", "60.00"), ("Quux", "50.00")]), "purchase_order")
    assert got.decimal("total") == D("60.00")
    got = HeuristicExtractor().extract(_table_with_totals([("Zorbla", "61.37"), ("Quux", "50.00")]), "purchase_order")
    assert got.decimal("total") is None


def test_a_strip_of_net_tax_and_total_side_by_side_is_read_by_arithmetic() -> None:
    rows = [(0.08, 0.05, "Gizmo"), (0.45, 0.05, "Qty"), (0.6, 0.05, "Price"), (0.8, 0.05, "Amount"),
            (0.08, 0.08, "Steel bolts M8"), (0.45, 0.08, "2"), (0.6, 0.08, "10.00"), (0.8, 0.08, "20.00"),
            (0.08, 0.10, "Copper wire"), (0.45, 0.10, "1"), (0.6, 0.10, "30.00"), (0.8, 0.10, "30.00"),
            (0.4, 0.14, "Zorbla"), (0.6, 0.14, "Quux 25 %"), (0.8, 0.14, "Frob"),
            (0.4, 0.16, "50.00 NOK"), (0.6, 0.16, "12.50 NOK"), (0.8, 0.16, "62.50 NOK")]  # fmt: skip
    got = HeuristicExtractor().extract(document_of_rows(rows), "purchase_order")
    assert [got.decimal(name) for name in ("subtotal", "tax_total", "total")] == [D("50.00"), D("12.50"), D("62.50")]
    # three amounts that do not add up are no strip of totals
    rows[-1] = (0.8, 0.16, "71.00 NOK")
    got = HeuristicExtractor().extract(document_of_rows(rows), "purchase_order")
    assert got.decimal("tax_total") is None and got.decimal("total") != D("71.00")


def test_a_nine_digit_number_under_an_unknown_caption_is_the_order_s_not_a_tax_id() -> None:
    # a US EIN has no check digit: nine digits starting with a campus's prefix pass as one, so say nothing
    doc = _page([(0.05, 0.1, "Zorblat"), (0.3, 0.1, "Quuxen"), (0.05, 0.118, "202749125"), (0.3, 0.118, "x")])
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") == "202749125"


def test_a_number_after_the_document_s_title_in_its_language_is_the_order_s() -> None:
    for title in ("Zamówienie zakupu OBJ27-3879", "Bon de commande 404128"):
        doc = _page([(0.05, 0.3, "Vendor")], title=[(0.05, 0.05, title)])
        assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") == title.split()[-1]
    # a page's number is no document's
    doc = _page([(0.05, 0.3, "Vendor"), (0.8, 0.95, "Strona 12/14")])
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") is None


def test_a_number_beside_the_title_stacked_under_the_letterhead_is_the_order_s() -> None:
    # the title closes the issuer's block (a legal form above it), where a registration number would not count;
    # a caption's code below ('Naše číslo', the supplier's own) comes after the title's
    doc = _page([(0.05, 0.03, "Zorblat Quux a.s."), (0.05, 0.05, "Zorgasse 83 · 301 00 Plzeň"),
                 (0.05, 0.07, "DIČ: CZ88928578"), (0.5, 0.12, "Naše číslo:"), (0.7, 0.12, "861220")],
                title=[(0.05, 0.09, "Potvrzení objednávky 20271254")])  # fmt: skip
    assert HeuristicExtractor().extract(doc, "purchase_order").value("po_number") == "20271254"


def test_an_agreement_s_code_on_a_call_off_is_not_the_order_s_number() -> None:
    # the framework agreement's code comes first; the order's own number under a caption no reader knows
    for caption in ("Rammeavtale:", "Contract Ref.:", "Rahmenvertrag:"):
        doc = _page(
            [(0.05, 0.1, caption), (0.3, 0.1, "FA-2023-003"), (0.5, 0.12, "Zorblat:"), (0.7, 0.12, "AV-2025-5956")]
        )
        got = HeuristicExtractor().extract(doc, "purchase_order")
        assert got.value("po_number") == "AV-2025-5956"


def test_payment_terms_in_words_or_wrapped_in_their_cell_under_unknown_captions() -> None:
    # terms without a number ('on sight of the invoice') after a caption's colon read like a caption, yet are terms
    doc = _page([(0.05, 0.1, "Zorblat di quux: Rimessa diretta vista fattura")])
    got = HeuristicExtractor().extract(doc, "purchase_order")
    assert (got.value("payment_terms"), got.value("payment_terms_days")) == ("Rimessa diretta vista fattura", 0)
    # a cell of a row of captions whose terms wrap onto a second line: both lines, as only both read as terms
    doc = _page([(0.05, 0.1, "Zorblat"), (0.3, 0.1, "Quuxbetingelser"),
                 (0.05, 0.116, "x"), (0.3, 0.116, "Netto pr. 20"), (0.3, 0.13, "dager")])  # fmt: skip
    got = HeuristicExtractor().extract(doc, "purchase_order")
    assert (got.value("payment_terms"), got.value("payment_terms_days")) == ("Netto pr. 20 dager", 20)


def test_a_total_whose_caption_is_glued_to_its_amount_in_the_text_layer() -> None:
    totals = [("Zorbla", "50.00"), ("Frob 16 %", "8.00"), ("Quux / Grand Total58.00", "MXN")]
    got = HeuristicExtractor().extract(_table_with_totals(totals), "purchase_order")
    assert got.decimal("total") == D("58.00")


def test_a_caption_over_terms_is_no_value_wrapped_over_two_lines() -> None:
    # a sidebar of captions each over its value: 'Zorbla' over 'USD', 'Quuxbedingungen' over 'Net 30'
    doc = _page([(0.05, 0.1, "Zorbla"), (0.05, 0.116, "USD"), (0.05, 0.14, "Quuxbedingungen"), (0.05, 0.156, "Net 30")])
    assert HeuristicExtractor().extract(doc, "purchase_order").value("payment_terms") == "Net 30"
