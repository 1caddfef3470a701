"""Born-digital header fields on layouts of a kind no reader met (hdr25): a totals line that says nothing is levied,
register numbers shorter than a tax id under a caption that names a company's register, a row of numbers in a table
of the parties, a currency replaced a short while ago, a letterhead in a script other than Latin, and a document's
number of four digits after its number sign.

Hand-placed words; names, captions and numbers made up for the tests."""

from decimal import Decimal

from extraction.charges import read_tax_and_charges
from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.normalize import iso_codes, shows_decimals
from extraction.openings import read_opening
from extraction.result import Extraction, FieldValue, LineItem
from extraction.taxids import bare_captioned_id, read_bare_tax_ids
from tests.fixtures_docs import document_of_rows, page_of_lines, words_at

D = Decimal


def test_a_tax_caption_over_nothing_levied_is_a_tax_of_zero() -> None:
    item = LineItem({"amount": FieldValue(D("765.00"), 0.99)}, 0.99, 1, (0.05, 0.05, 0.95, 0.062))
    ext = Extraction("purchase_order", 1, {"subtotal": FieldValue(D("765.00"), 0.99)}, [item])
    lines = ["1 Widget 765.00", "Subtotal 765.00", "No VAT charged in Zorbland 0.00", "Total 765.00"]
    read_tax_and_charges(page_of_lines(lines), ext)
    assert (ext.decimal("tax_total"), ext.decimal("total")) == (D("0.00"), D("765.00"))


def test_a_zero_before_three_places_shows_its_decimals() -> None:
    assert shows_decimals("0.000") and shows_decimals("0,000")
    assert not shows_decimals("10.000") and not shows_decimals("1,234")  # a thousand as often


def test_a_short_number_under_a_caption_that_names_a_register() -> None:
    for text, value in (("Company No.: 62506", "62506"), ("Bus. Licence No.: QX37440", "QX37440")):
        words = words_at(text, 0.1, 0.1)
        assert bare_captioned_id(words, len(words) - 1) == value, text
    # no register named (an order's number, a made-up caption), or too few digits: none
    for text in ("Order No.: 62506", "Blorp No.: 62506", "Company No.: 123"):
        words = words_at(text, 0.1, 0.1)
        assert bare_captioned_id(words, len(words) - 1) is None, text


def test_a_register_number_closing_a_letterhead_set_flush_right() -> None:
    rows = [
        (0.55, 0.05, "Zorblat Interiors Ltd"),
        (0.64, 0.07, "Front Road 91"),
        (0.46, 0.09, "Bus. Licence No.: QX37440"),
    ]
    ext = Extraction("purchase_order", 1, {"buyer_name": FieldValue("Zorblat Interiors Ltd", 0.6)})
    ext.fields["buyer_name"].page = 1
    # the lines end where the name ends: 0.55 + 21 characters of 0.009 and the gaps between its words
    doc = document_of_rows(rows)
    right = max(w.bbox[2] for w in doc.pages[0].words if w.bbox[1] < 0.06)
    shifted = []
    for x, y, text in rows:
        line = [w for w in document_of_rows([(x, y, text)]).pages[0].words]
        shifted.append((x + right - line[-1].bbox[2], y, text))
    read_bare_tax_ids(document_of_rows(shifted), ext)
    assert ext.value("buyer_tax_id") == "QX37440"


PARTY_TABLE = [
    (0.08, 0.05, "SERVICE ARRANGEMENT"),
    (0.08, 0.08, "Ref. QK-2030-118"),
    (0.08, 0.12, "The mandator and the contractor named in the table at the end agree on the services below."),
    (0.08, 0.14, "The arrangement takes effect on the day the last of the two signs it."),
    (0.08, 0.16, "The mandator pays each invoice within 30 days of its date."),
    (0.08, 0.30, "Mandator"),
    (0.52, 0.30, "Contractor"),
    (0.08, 0.32, "Name"),
    (0.22, 0.32, "Halvard Verk Ltd"),
    (0.52, 0.32, "Brightwater Tooling GmbH"),
    (0.08, 0.34, "N° payeur"),
    (0.22, 0.34, "ZQ786719"),
    (0.52, 0.34, "ZQ782996"),
    (0.08, 0.36, "Tel. No."),
    (0.22, 0.36, "55501234"),
    (0.52, 0.36, "55509876"),
]


def test_the_numbers_of_a_row_captioned_by_a_number_sign_in_a_table_of_the_parties() -> None:
    ext = Extraction("contract", 1, {})
    read_opening(document_of_rows(PARTY_TABLE), ext)
    assert (ext.value("buyer_tax_id"), ext.value("vendor_tax_id")) == ("ZQ786719", "ZQ782996")
    # a phone's row is no register's
    ext = Extraction("contract", 1, {})
    read_opening(document_of_rows([r for r in PARTY_TABLE if r[1] != 0.34]), ext)
    assert (ext.value("buyer_tax_id"), ext.value("vendor_tax_id")) == (None, None)


def test_a_currency_replaced_in_the_last_five_years_is_still_read() -> None:
    assert "ANG" in iso_codes() and "HRK" in iso_codes() and "XCG" in iso_codes()
    assert "DEM" not in iso_codes()  # gone for decades


def _heuristic(rows: list[tuple[float, float, str]], big: int = 0) -> Extraction:
    """The heuristic's reading of ``rows``, the first ``big`` of them in a letterhead's larger print."""
    words = [
        w
        for i, (x, y, text) in enumerate(rows)
        for w in words_at(text, x, y, 0.01 if i < big else 0.0065, 0.017 if i < big else 0.011)
    ]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")


def test_a_letterhead_in_greek_letters_is_the_buyer() -> None:
    ext = _heuristic(
        [
            (0.35, 0.04, "Ζορβλατ Θεσσαλίας"),
            (0.36, 0.06, "Οδός Κνωσού 153, 712 02 Ηράκλειο"),
            (0.08, 0.20, "Item  Description  Qty  Unit Price  Amount"),
            (0.08, 0.22, "A-100  Widget  2  10.00  20.00"),
        ],
        big=1,
    )
    assert ext.value("buyer_name") == "Ζορβλατ Θεσσαλίας"


def test_a_four_digit_number_after_a_number_sign_is_the_documents_not_a_register_number() -> None:
    ext = _heuristic(
        [
            (0.55, 0.05, "Blorpskjal"),
            (0.55, 0.08, "Nr. 7796"),
            (0.08, 0.20, "Item  Description  Qty  Unit Price  Amount"),
            (0.08, 0.22, "A-100  Widget  2  10.00  20.00"),
            (0.08, 0.80, "Reg. No.: 591405649"),
        ]
    )
    assert ext.value("po_number") == "7796"
