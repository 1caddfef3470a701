"""Two ways an order's rows were misread on born-digital pages (wide table seed 104, blind12 dev): the notes under
a section's last item right over its subtotal ended the whole table, and a stamp's number printed over a row was
glued to its description."""

from decimal import Decimal

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from tests.fixtures_docs import extract_placed, priced_lines, words_at

HEADER = (0.20, [(0.08, "Item"), (0.52, "Qty"), (0.72, "Price"), (0.88, "Amount")])


def _row(y: float, text: str, quantity: str, price: str, amount: str) -> tuple:
    return (y, [(0.08, text), (0.55 - 0.0065 * len(quantity), quantity), (0.72, price), (0.88, amount)])


def _note(y: float, text: str) -> tuple:
    return (y, [(0.10, text)])


def _sections(last_lines: list[tuple]) -> list[tuple]:
    return [
        HEADER,
        _row(0.25, "Safety boots", "60", "124.46", "7467.60"),
        _note(0.27, "Delivery: 25.06.2026"),
        _row(0.29, "Hard hat", "10", "12.50", "125.00"),
        _note(0.31, "Delivery: 28.07.2026"),
        _row(0.33, "Gloves", "20", "3.10", "62.00"),
        _note(0.35, "Delivery: 31.08.2026"),
        _note(0.37, "batch certificate needed"),
        *last_lines,
    ]


def test_a_note_over_a_sections_subtotal_does_not_end_the_table() -> None:
    extraction = extract_placed(
        _sections(
            [
                (0.39, [(0.08, "Subtotal 1"), (0.88, "7654.60")]),
                (0.42, [(0.08, "Lot 2 - Paper")]),
                _row(0.45, "A4 paper 80 g", "24", "22.68", "544.32"),
                _row(0.47, "Stapler", "4", "9.00", "36.00"),
                (0.49, [(0.08, "Subtotal 2"), (0.88, "580.32")]),
                (0.52, [(0.60, "Total"), (0.88, "8234.92")]),
            ]
        )
    )
    assert priced_lines(extraction) == [
        ("Safety boots", Decimal(60), Decimal("124.46"), Decimal("7467.60")),
        ("Hard hat", Decimal(10), Decimal("12.50"), Decimal("125.00")),
        ("Gloves", Decimal(20), Decimal("3.10"), Decimal("62.00")),
        ("A4 paper 80 g", Decimal(24), Decimal("22.68"), Decimal("544.32")),
        ("Stapler", Decimal(4), Decimal("9.00"), Decimal("36.00")),
    ]


def test_a_note_over_the_total_still_ends_the_table() -> None:
    extraction = extract_placed(
        _sections(
            [
                (0.39, [(0.08, "Total"), (0.88, "7654.60")]),
                (0.41, [(0.08, "VAT 20%"), (0.88, "1530.92")]),
                (0.44, [(0.08, "Please confirm within 3 days"), (0.88, "9185.52")]),
            ]
        )
    )
    assert [i.value("description") for i in extraction.line_items] == ["Safety boots", "Hard hat", "Gloves"]


def _page(lines: list[list]) -> Document:
    return Document([Page(1, 595, 842, [w for line in lines for w in line], "text")])


def test_a_stamps_number_printed_over_a_row_is_no_word_of_its_description() -> None:
    rows = [
        words_at("Item", 0.08, 0.20)
        + words_at("Qty", 0.52, 0.20)
        + words_at("Price", 0.72, 0.20)
        + words_at("Amount", 0.88, 0.20),
        words_at("Water paint", 0.08, 0.23)
        + words_at("3", 0.54, 0.23)
        + words_at("59.17", 0.72, 0.23)
        + words_at("177.51", 0.88, 0.23),
        # a stamp's smaller number over the row, set on neither its top, its foot nor its middle
        words_at("Work gloves", 0.08, 0.25)
        + words_at("21890615", 0.25, 0.2555, height=0.0075)
        + words_at("10", 0.54, 0.25)
        + words_at("4.73", 0.72, 0.25)
        + words_at("47.30", 0.88, 0.25),
        # a smaller word set on the row's baseline is the row's own print
        words_at("Ear plugs", 0.08, 0.27)
        + words_at("(pack)", 0.145, 0.2735, height=0.0075)
        + words_at("2", 0.54, 0.27)
        + words_at("1.50", 0.72, 0.27)
        + words_at("3.00", 0.88, 0.27),
        words_at("Total", 0.70, 0.30) + words_at("227.81", 0.88, 0.30),
    ]
    extraction = HeuristicExtractor().extract(_page(rows), "purchase_order")
    assert priced_lines(extraction) == [
        ("Water paint", Decimal(3), Decimal("59.17"), Decimal("177.51")),
        ("Work gloves", Decimal(10), Decimal("4.73"), Decimal("47.30")),
        ("Ear plugs (pack)", Decimal(2), Decimal("1.50"), Decimal("3.00")),
    ]
