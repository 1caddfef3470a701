"""Captions printed under their values (a value over a hairline, its caption in small print beneath; a party's
caption under its block), a band of facts at the foot of the page, a key/value row set flush right, and the order
on page 2 after a cover letter.

Hand-placed words; captions (made-up words where no reader should know them) and values invented for the tests."""

from datetime import date

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import value_above_caption
from tests.fixtures_docs import words_at

BIG, SMALL = 0.012, 0.008  # a value's print and its caption's, as page fractions


def _words(rows: list[tuple[float, float, str, float]]) -> list[Word]:
    return [w for x, y, text, h in rows for w in words_at(text, x, y, 0.75 * h, h)]


TABLE = [(0.07, 0.40, "Item", BIG), (0.45, 0.40, "Qty", BIG), (0.6, 0.40, "Price", BIG), (0.8, 0.40, "Amount", BIG),
         (0.07, 0.42, "Steel bolts", BIG), (0.45, 0.42, "2", BIG), (0.6, 0.42, "10.00", BIG),
         (0.8, 0.42, "20.00", BIG), (0.07, 0.44, "Copper wire", BIG), (0.45, 0.44, "1", BIG),
         (0.6, 0.44, "30.00", BIG), (0.8, 0.44, "30.00", BIG)]  # fmt: skip


def _extract(rows: list[tuple[float, float, str, float]]) -> dict[str, object]:
    document = Document([Page(1, 612, 792, _words(rows + TABLE))])
    extraction = HeuristicExtractor().extract(document, "purchase_order")
    return {name: field.value for name, field in extraction.fields.items()}


def test_values_over_their_small_captions_pair_up_the_line_above() -> None:
    band = [(0.07, 0.10, "PO2428248", BIG), (0.29, 0.10, "01/03/2024", BIG), (0.50, 0.10, "Net 30 days", BIG),
            (0.71, 0.10, "BHD", BIG),
            (0.07, 0.114, "Order No.", SMALL), (0.29, 0.114, "Order Date", SMALL),
            (0.50, 0.114, "Terms of Payment", SMALL), (0.71, 0.114, "Currency", SMALL)]  # fmt: skip
    fields = _extract(band)
    assert fields["po_number"] == "PO2428248"
    assert fields["payment_terms"] == "Net 30 days"  # not 'Currency', the next caption right of it
    assert fields["currency"] == "BHD"  # any ISO code in a currency's cell, not only the common ones


def test_a_party_caption_under_its_block_names_the_block_s_first_line() -> None:
    blocks = [(0.07, 0.14, "Sitra Engineering W.L.L.", BIG), (0.50, 0.14, "Manama Marine B.S.C.", BIG),
              (0.07, 0.156, "P.O. Box 5610 Sitra", 0.010), (0.50, 0.156, "P.O. Box 11870 Manama", 0.010),
              (0.07, 0.171, "VAT No. 200076202100002", 0.010), (0.50, 0.171, "VAT No. 200014889700002", 0.010),
              (0.07, 0.186, "Purchaser", SMALL), (0.50, 0.186, "Supplier", SMALL),
              (0.07, 0.22, "Road 115, Block 601, Sitra", 0.010), (0.07, 0.234, "Deliver To", SMALL)]  # fmt: skip
    fields = _extract(blocks)
    assert fields["buyer_name"] == "Sitra Engineering W.L.L."
    assert fields["vendor_name"] == "Manama Marine B.S.C."
    assert fields["buyer_tax_id"] == "200076202100002"
    assert fields["vendor_tax_id"] == "200014889700002"


def test_a_band_of_facts_at_the_foot_under_captions_no_reader_knows() -> None:
    foot = [(0.07, 0.92, "OC-034531", BIG), (0.29, 0.92, "14.12.2025", BIG), (0.71, 0.92, "HNL", BIG),
            (0.07, 0.934, "Zorblat", SMALL), (0.29, 0.934, "Quimby", SMALL),
            (0.71, 0.934, "Frobnik", SMALL)]  # fmt: skip
    fields = _extract(foot)
    assert fields["po_number"] == "OC-034531"
    assert fields["order_date"] == date(2025, 12, 14)
    assert fields["currency"] == "HNL"


def test_captions_over_their_values_still_read_the_value_below() -> None:
    # a stack of captions each over its value: the value above a caption is the previous caption's, farther away
    rows = [(0.07, 0.10, "Zorblat", SMALL), (0.07, 0.109, "QX-295678", BIG),
            (0.07, 0.128, "Quimby", SMALL), (0.07, 0.137, "14.12.2025", BIG)]  # fmt: skip
    document = Document([Page(1, 612, 792, _words(rows))])
    extractor = HeuristicExtractor()
    view = extractor._view(document.pages[0])
    quimby = next(i for i, line in enumerate(view.lines) if line.text == "Quimby")
    assert value_above_caption(view, quimby, view.phrases[quimby][0]) is None


def test_a_key_value_row_with_its_value_set_flush_right() -> None:
    rows = [(0.25, 0.20, "PO #", BIG), (0.69, 0.20, "PG001993", BIG), (0.25, 0.216, "Order Date", BIG),
            (0.67, 0.216, "12-Dec-2027", BIG)]  # fmt: skip
    assert _extract(rows)["po_number"] == "PG001993"


def test_the_order_on_page_two_after_a_cover_letter() -> None:
    letter = [(0.07, 0.10 + 0.02 * i, text, 0.010) for i, text in enumerate([
        "Dear colleagues, please find enclosed our order for the goods listed overleaf.",
        "We ask you to confirm receipt and the date of delivery within three working days.",
        "Kind regards, the purchasing department"])]  # fmt: skip
    order = [(0.07, 0.10, "Zorblat", SMALL), (0.07, 0.109, "QX-295678", BIG)]
    document = Document([Page(1, 612, 792, _words(letter)), Page(2, 612, 792, _words(order + TABLE))])
    extraction = HeuristicExtractor().extract(document, "purchase_order")
    assert extraction.value("po_number") == "QX-295678"


def test_a_date_with_its_month_in_roman_numerals() -> None:
    from extraction.normalize import parse_date

    assert parse_date("18.IV.2026") == date(2026, 4, 18)
    assert parse_date("7 XII 2025") == date(2025, 12, 7)
    assert parse_date("12 V 24") is None  # a voltage and a count, not a date with a two-digit year


def test_an_unknown_caption_and_its_code_set_flush_right() -> None:
    rows = [(0.25, 0.20, "Zorblat", BIG), (0.69, 0.20, "PB-2026-3290", BIG), (0.25, 0.216, "Quimby", BIG),
            (0.67, 0.216, "07.07.2026", BIG)]  # fmt: skip
    fields = _extract(rows)
    assert fields["po_number"] == "PB-2026-3290"
    assert fields["order_date"] == date(2026, 7, 7)


def test_a_form_reader_s_caption_under_its_value() -> None:
    # a form's party caption in small print under the name: the name over it, not the next block's under it
    from extraction import forms

    rows = [(0.07, 0.127, "Copperbelt Engineering Limited", BIG), (0.07, 0.144, "Client", SMALL),
            (0.07, 0.163, "Kariba Logistics Ltd", BIG), (0.07, 0.180, "Zorblat", SMALL)]  # fmt: skip
    fields = forms.read(Document([Page(1, 612, 792, _words(rows))]))
    assert fields["buyer_name"].value == "Copperbelt Engineering Limited"


def test_a_letterhead_name_heading_its_address_outweighs_a_larger_title_alone() -> None:
    # the title in words no list knows, larger, alone at the right; the buyer's name over its address lines
    rows = [(0.07, 0.043, "«Amyderya Upjuncilik» AGJ", 0.014), (0.60, 0.040, "SATYN ALYS SARGYDY", 0.018),
            (0.07, 0.060, "Magtymguly kocesi 68", 0.010), (0.07, 0.073, "746100 Turkmenabat", 0.010)]  # fmt: skip
    assert _extract(rows)["buyer_name"] == "«Amyderya Upjuncilik» AGJ"


def test_a_scans_band_of_facts_over_captions_read_with_ink_tight_boxes() -> None:
    # OCR's boxes hug the ink: the values' capitals 0.009 high, the captions' 0.005, 0.008 between the lines (a text
    # layer's boxes, a font's size high, stand 1.0 sizes apart; these 1.6 caption heights)
    ink = [(0.07, 0.929, "OC-086254", 0.009), (0.29, 0.929, "15/09/2024", 0.009), (0.71, 0.929, "HNL", 0.009),
           (0.07, 0.946, "Zorblat", 0.005), (0.29, 0.946, "Quimby", 0.005),
           (0.71, 0.946, "Frobnik", 0.005)]  # fmt: skip
    words = [Word(w.text, w.bbox, 0.93) for w in _words(ink + TABLE)]
    extraction = HeuristicExtractor().extract(Document([Page(1, 2480, 3508, words, "ocr")]), "purchase_order")
    fields = {name: field.value for name, field in extraction.fields.items()}
    assert fields["po_number"] == "OC-086254"
    assert fields["currency"] == "HNL"
    # the same boxes as a text layer's stand too far apart for a caption under its value
    view = HeuristicExtractor()._view(Page(1, 612, 792, _words(ink)))
    zorblat = next(i for i, line in enumerate(view.lines) if line.text.startswith("Zorblat"))
    assert value_above_caption(view, zorblat, view.phrases[zorblat][0]) is None


def test_a_caption_printing_its_value_inline_is_no_caption_under_the_line_above() -> None:
    # 'PO No. 77364670' in smaller print under the letterhead's 'GmbH & Co. KG': its own value, not the name over it
    # (5189f0c paired the caption with the words above and lost the number)
    def line(y0: float, y1: float, words: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(text, (x0, y0, x1, y1)) for text, x0, x1 in words]

    words = line(
        0.074,
        0.096,
        [
            ("Nordic", 0.048, 0.109),
            ("Logistics", 0.114, 0.194),
            ("GmbH", 0.199, 0.256),
            ("&", 0.261, 0.276),
            ("Co.", 0.281, 0.309),
            ("KG", 0.314, 0.343),
        ],
    )
    words += line(0.107, 0.125, [("Purchase", 0.048, 0.114), ("Order", 0.118, 0.161)])
    words += line(0.110, 0.124, [("PO", 0.196, 0.211), ("No.", 0.214, 0.230), ("77364670", 0.235, 0.279)])
    words += line(0.133, 0.147, [("22.03.2026", 0.048, 0.098)])  # fmt: skip
    document = Document([Page(1, 842, 595, words + _words(TABLE))])
    extraction = HeuristicExtractor().extract(document, "purchase_order")
    assert extraction.fields["po_number"].value == "77364670"
