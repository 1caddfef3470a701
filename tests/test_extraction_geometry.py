"""The heuristic extractor on hand-placed words: the geometry of OCR'd and odd born-digital tables.

Pages are built word by word (boxes as page fractions), so each test shows one situation exactly:
numbers wider than their header, thousands printed with spaces, a decimal point OCR lost, a
quantity OCR dropped, a party block labelled only 'To'.
"""

from datetime import date
from decimal import Decimal

import pytest

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.normalize import ocr_fixed_tax_id, parse_amount
from extraction.ocr import clean_ocr_text
from extraction.result import Extraction
from tests.fixtures_docs import words_at


def _page(lines: list[tuple[float, list[tuple[float, str]]]], source: str = "text") -> Page:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return Page(1, 595, 842, words, source)  # type: ignore[arg-type]


def _extract(lines: list[tuple[float, list[tuple[float, str]]]], source: str = "text") -> Extraction:
    return HeuristicExtractor().extract(Document([_page(lines, source)]), "purchase_order")


HEADER = (0.30, [(0.08, "Description"), (0.58, "Qty"), (0.70, "Unit Price"), (0.86, "Amount")])


def test_space_grouped_thousands_next_to_a_quantity() -> None:
    # '60 32 760,00': a right-aligned quantity runs into an amount printed with a space as thousands separator
    header = (0.30, [(0.08, "Description"), (0.62, "Unit Price"), (0.8, "Qty"), (0.88, "Amount")])
    extraction = _extract(
        [
            (0.05, [(0.08, "Nordlicht Handel GmbH")]),
            header,
            (0.33, [(0.08, "Spare part kit 24 V DC"), (0.64, "546,00"), (0.8065, "60"), (0.826, "32 760,00")]),
            (0.35, [(0.08, "Gasket set"), (0.65, "10,50"), (0.813, "3"), (0.88, "31,50")]),
            (0.40, [(0.55, "Subtotal"), (0.84, "32 791,50")]),
        ]
    )
    first, second = extraction.line_items
    assert (first.value("quantity"), first.value("unit_price"), first.value("amount")) == (
        Decimal("60"),
        Decimal("546.00"),
        Decimal("32760.00"),
    )
    assert first.value("description") == "Spare part kit 24 V DC"  # '24' stays in the text
    assert second.value("amount") == Decimal("31.50")
    assert extraction.value("subtotal") == Decimal("32791.50")


def test_ocr_lost_decimal_points_and_a_dropped_quantity() -> None:
    extraction = _extract(
        [
            HEADER,
            (0.33, [(0.08, "Reinforced control valve"), (0.60, "250"), (0.71, "21 20"), (0.84, "5,300 00")]),
            (0.35, [(0.08, "Pallet wrap"), (0.71, "27.40"), (0.86, "137.00")]),  # the '5' was not read
            (0.40, [(0.55, "Net Total:"), (0.84, "$5,437 00")]),
        ],
        source="ocr",
    )
    valve, pallet = extraction.line_items
    assert (valve.value("quantity"), valve.value("unit_price"), valve.value("amount")) == (
        Decimal("250"),
        Decimal("21.20"),
        Decimal("5300.00"),
    )
    assert pallet.value("quantity") == Decimal("5")  # from 137.00 / 27.40, marked as a guess
    assert pallet.cells["quantity"].confidence <= 0.5 and pallet.cells["quantity"].raw is None
    assert extraction.value("subtotal") == Decimal("5437.00")


def test_totals_close_the_table_but_an_item_named_shipping_is_a_row() -> None:
    extraction = _extract(
        [
            HEADER,
            (0.33, [(0.08, "Shipping pallet EUR size"), (0.60, "5"), (0.72, "20.00"), (0.86, "100.00")]),
            (0.36, [(0.55, "Shipping"), (0.86, "12.00")]),
            (0.38, [(0.55, "Total"), (0.86, "112.00")]),
        ]
    )
    assert [item.value("description") for item in extraction.line_items] == ["Shipping pallet EUR size"]
    assert extraction.value("total") == Decimal("112.00")


def test_header_roles_from_keywords_and_ocr_noise() -> None:
    extractor = HeuristicExtractor()
    roles = {
        "Art. No.": "sku",
        "Qty Shipped": "quantity",
        "Pr e/Unit": "unit_price",  # OCR lost the 'ic'
        "Descriptlon": "description",
        "Extended Price (USD)": "amount",
        "Unit of Measure": "unit",
        "Disc. %": "_discount",
    }
    for text, role in roles.items():
        words = words_at(text, 0.1, 0.1)
        assert extractor._column_roles(words)[0] == role, text


def test_a_party_block_labelled_only_to_and_the_letterhead_as_buyer() -> None:
    extraction = _extract(
        [
            (0.04, [(0.08, "Zenith Logistics Ltd")]),
            (
                0.06,
                [(0.08, "59 Mill Road, Birmingham B2 4QA, United Kingdom"), (0.60, "PO Number:"), (0.75, "PUR-34454")],
            ),
            (0.08, [(0.60, "PO Date:"), (0.75, "06-08-2026")]),
            (0.12, [(0.08, "To")]),
            (0.14, [(0.08, "Kingsley Plastics Ltd")]),
            (0.16, [(0.08, "VAT Reg. No.: GB 980 7806 84")]),
            (0.20, [(0.08, "Delivery Address")]),
            (0.22, [(0.08, "Zenith Warehouse 3")]),
            HEADER,
            (0.33, [(0.08, "Lab pipette tips"), (0.60, "25"), (0.72, "668.00"), (0.86, "16,700.00")]),
            (0.36, [(0.55, "Total"), (0.86, "16,700.00")]),
        ]
    )
    assert extraction.value("vendor_name") == "Kingsley Plastics Ltd"
    assert extraction.value("vendor_tax_id") == "GB980780684"
    assert extraction.value("buyer_name") == "Zenith Logistics Ltd"  # the issuer, not the warehouse
    assert extraction.value("po_number") == "PUR-34454"
    assert extraction.value("order_date") == date(2026, 8, 6)  # a UK document: day first


def test_currency_from_the_amounts_not_from_an_item_description() -> None:
    extraction = _extract(
        [
            (0.30, [(0.08, "Description"), (0.58, "Qty"), (0.70, "Unit Price"), (0.86, "Amount (USD)")]),
            (0.33, [(0.08, "Roll packed on EUR pallet"), (0.60, "2"), (0.72, "10.00"), (0.86, "20.00")]),
            (0.35, [(0.08, "Spare EUR pallet"), (0.60, "1"), (0.72, "5.00"), (0.87, "5.00")]),
            (0.38, [(0.55, "Total"), (0.86, "25.00")]),
        ]
    )
    assert extraction.value("currency") == "USD"


@pytest.mark.parametrize(
    ("printed", "value"),
    [("34,150,00", "34150.00"), ("1.234.50", "1234.50"), ("1,234.50", "1234.50"), ("1.234.567", "1234567")],
)
def test_amounts_with_a_misread_separator(printed: str, value: str) -> None:
    assert parse_amount(printed) == Decimal(value)


def test_ocr_cleanup_of_words_and_tax_ids() -> None:
    assert clean_ocr_text("|EA") == "EA" and clean_ocr_text("74.00]") == "74.00" and clean_ocr_text("24)") == "24"
    assert clean_ocr_text("42:000,00") == "42.000,00" and clean_ocr_text("9°192.00") == "9'192.00"
    assert clean_ocr_text("(USD)") == "(USD)" and clean_ocr_text("&") == "&"
    assert ocr_fixed_tax_id("BEO236644168") == "BE0236644168"  # the check digit agrees
    assert ocr_fixed_tax_id("BEO236644169") is None  # no valid reading: left alone
    assert ocr_fixed_tax_id("1T32739311200") == "IT32739311200"  # a digit read for the prefix's letter
    # an id with a letter in its body keeps it where only the prefix was misread (an Irish VAT number)
    assert ocr_fixed_tax_id("1E6305233B") == "IE6305233B"


def test_whole_amounts_of_a_currency_without_cents_multiply_out() -> None:
    # forints print no cents, their thousands apart by a space; the captions are in no vocabulary
    extraction = _extract(
        [
            (0.05, [(0.08, "Mátra Gépgyártó Zrt.")]),
            (0.30, [(0.08, "Termék"), (0.58, "Menny."), (0.64, "Me."), (0.72, "Egységár"), (0.86, "Érték")]),
            (
                0.33,
                [
                    (0.08, "Hatlapfejű csavar M10x40"),
                    (0.60, "16"),
                    (0.64, "db"),
                    (0.74, "337 830"),
                    (0.84, "5 405 280"),
                ],
            ),
            (0.35, [(0.08, "Kábeltálca 200 mm"), (0.61, "2"), (0.64, "m"), (0.74, "168 750"), (0.86, "337 500")]),
            (0.37, [(0.08, "Rézcső 15 mm"), (0.61, "1"), (0.64, "m"), (0.74, "102 430"), (0.86, "102 430")]),
            (0.42, [(0.55, "Összesen"), (0.84, "5 845 210 Ft")]),
        ]
    )
    assert [
        (i.value("description"), i.value("quantity"), i.value("unit_price"), i.value("amount"))
        for i in extraction.line_items
    ] == [
        ("Hatlapfejű csavar M10x40", Decimal("16"), Decimal("337830"), Decimal("5405280")),
        ("Kábeltálca 200 mm", Decimal("2"), Decimal("168750"), Decimal("337500")),
        ("Rézcső 15 mm", Decimal("1"), Decimal("102430"), Decimal("102430")),
    ]


def test_whole_numbers_beside_cents_are_no_amounts() -> None:
    # a page printing its money with cents: '2 4 8' multiplying out in a line of whole numbers is no row
    extraction = _extract(
        [
            (0.30, [(0.08, "Description"), (0.58, "Qty"), (0.70, "Unit Price"), (0.86, "Amount")]),
            (0.33, [(0.08, "Pallet 2 x 4 = 8 boxes")]),
            (0.35, [(0.08, "Gasket set"), (0.60, "3"), (0.72, "10,50"), (0.86, "31,50")]),
        ]
    )
    assert [i.value("amount") for i in extraction.line_items] == [Decimal("31.50")]


@pytest.mark.parametrize(("text", "mark"), [("2/3", True), ("Page 2 of 3", True), ("2026/114", False)])
def test_a_page_mark_is_short(text: str, mark: bool) -> None:
    from extraction.heuristic.vocabulary import PAGE_MARK

    assert bool(PAGE_MARK.search(text)) is mark


def test_a_batch_number_wrapped_off_its_description_stays_in_it() -> None:
    extraction = _extract(
        [
            HEADER,
            (
                0.33,
                [(0.08, "Hex screw M12x50 zinc, DIN 933 8.8, batch"), (0.60, "20"), (0.72, "43,01"), (0.86, "860,20")],
            ),
            (0.345, [(0.08, "2026/114")]),
            (0.36, [(0.08, "Gasket set"), (0.60, "3"), (0.72, "10,50"), (0.86, "31,50")]),
        ]
    )
    assert extraction.line_items[0].value("description") == "Hex screw M12x50 zinc, DIN 933 8.8, batch 2026/114"


def test_a_zero_led_number_in_an_address_starts_no_table() -> None:
    # 'BP 870 Bouaké 01 BP 1542': 870 x 01 = 870 reads as a row; '01' is a postal district, no price
    extraction = _extract(
        [
            (0.10, [(0.08, "BP 870 Bouaké"), (0.36, "01 BP 1542 Abidjan"), (0.64, "BP 870 Bouaké")]),
            (0.20, [(0.08, "U23710"), (0.20, "Ramette papier"), (0.58, "25"), (0.61, "carton")]),
            (0.20, [(0.70, "29 657,00"), (0.86, "741 425,00")]),
            (0.23, [(0.08, "A93426"), (0.20, "Sacs en jute"), (0.58, "100"), (0.61, "u")]),
            (0.23, [(0.70, "34 759,00"), (0.84, "3 475 900,00")]),
        ]
    )
    assert [i.value("amount") for i in extraction.line_items] == [Decimal("741425.00"), Decimal("3475900.00")]


def test_a_unit_column_far_right_of_the_text_leaves_the_text_its_description() -> None:
    # the description's column ends far left of the units ('հատ' again and again): the text is no sidebar
    extraction = _extract(
        [
            (0.30, [(0.08, "Կոնյակի շիշ 0,5 լ"), (0.47, "հատ"), (0.62, "11 041,25"), (0.77, "2"), (0.86, "22 082,50")]),
            (0.33, [(0.08, "Թուղթ A4"), (0.47, "տուփ"), (0.62, "22 136,36"), (0.77, "6"), (0.85, "132 818,16")]),
            (0.36, [(0.08, "Ցեմենտ"), (0.47, "կգ"), (0.63, "9 258,31"), (0.77, "1"), (0.86, "9 258,31")]),
            (0.39, [(0.08, "Թուղթ A4"), (0.47, "տուփ"), (0.63, "9 369,02"), (0.77, "2"), (0.86, "18 738,04")]),
        ]
    )
    assert [i.value("description") for i in extraction.line_items] == [
        "Կոնյակի շիշ 0,5 լ",
        "Թուղթ A4",
        "Ցեմենտ",
        "Թուղթ A4",
    ]
    assert [i.value("unit") for i in extraction.line_items] == ["հատ", "տուփ", "կգ", "տուփ"]
