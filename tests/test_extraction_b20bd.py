"""Born-digital classes of b20bd: squared (ruled) paper printed under the text strikes no word out; a section's
heading over an item numbered in an outline ('Chapter 2.' over '2.1') is none of the item's text; totals printed
whole where the line amounts are (a currency without minor units); a terms clause read from running text stops
at its own paragraph.

Hand-placed words and drawn pages; captions and values invented for the tests."""

import io
from decimal import Decimal

import pytest
from reportlab.pdfgen import canvas

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.layout import group_lines
from extraction.loading import load_document
from tests.fixtures_docs import extract_placed, words_left


def _squared_paper_pdf(strike: bool) -> bytes:
    """Text on squared paper: a light grid every 14.17 pt across the whole page, its rules through the words'
    middles; with ``strike``, one quantity struck through by a short bar of its own."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setStrokeColorRGB(0.7, 0.8, 0.95)
    pdf.setLineWidth(0.6)
    y = 0.0
    while y < 842:
        pdf.line(0, y, 595, y)
        y += 14.17
    x = 0.0
    while x < 595:
        pdf.line(x, 0, x, 842)
        x += 14.17
    pdf.setFillColorRGB(0, 0, 0)
    pdf.setFont("Helvetica", 9)
    for row in range(10):
        base = 14.17 * (40 + row) - 3.2  # the grid's rule through the middle of the letters
        pdf.drawString(45, base, f"Widget number {row + 1}")
        pdf.drawString(300, base, f"{row + 3}")
    if strike:
        width = pdf.stringWidth("7", "Helvetica", 9)
        pdf.rect(300, 14.17 * 44 - 3.2 + 2.6, width, 0.9, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_squared_paper_under_the_text_strikes_no_word_out() -> None:
    page = load_document(_squared_paper_pdf(strike=False), "squared.pdf").pages[0]
    lines = [line.text for line in group_lines(page.words)]
    assert sorted(f"Widget number {n + 1} {n + 3}" for n in range(10)) == sorted(t for t in lines if "Widget" in t)


def test_a_strike_of_its_own_on_squared_paper_still_strikes() -> None:
    page = load_document(_squared_paper_pdf(strike=True), "squared.pdf").pages[0]
    lines = [line.text for line in group_lines(page.words)]
    assert "Widget number 5" in lines  # its struck '7' left out
    assert "Widget number 4 6" in lines


def test_a_row_struck_whole_in_a_table_ruled_at_a_steady_pitch_is_still_struck() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica", 8)
    pdf.setLineWidth(0.5)
    y = 700.0
    for row in range(12):
        pdf.line(42, y + 11, 554, y + 11)  # the rule above the row: twelve of them, 14.5 pt apart
        pdf.drawString(45, y, f"Item {row + 1} steel wire")
        pdf.drawString(300, y, f"{row + 20}")
        if row == 5:  # struck across the table's width, as long as its rules
            pdf.rect(42, y + 2.2, 512, 1.2, stroke=0, fill=1)
        y -= 14.5
    pdf.showPage()
    pdf.save()
    page = load_document(buffer.getvalue(), "ruled.pdf").pages[0]
    lines = [line.text for line in group_lines(page.words)]
    assert "Item 5 steel wire 24" in lines
    assert not any("Item 6 " in line for line in lines)


def _schedule(heading: str) -> list[tuple[float, list[tuple[float, str]]]]:
    header = [(0.06, "#"), (0.12, "Description"), (0.40, "Unit"), (0.52, "Qty"), (0.65, "Rate"), (0.82, "Amount")]
    items = [
        (0.32, [(0.12, "Chapter 1. Cleaning")]),
        (0.34, [(0.06, "1.1"), (0.12, "Office cleaning"), (0.40, "m2"), (0.52, "250"), (0.65, "20.00"),
                (0.82, "5,000.00")]),
        (0.36, [(0.06, "1.2"), (0.12, "Window washing"), (0.40, "m2"), (0.52, "10"), (0.65, "12.50"),
                (0.82, "125.00")]),
        (0.38, [(0.12, "Total chapter 1"), (0.82, "5,125.00")]),
        (0.40, [(0.12, heading)]),
        (0.42, [(0.06, "2.1"), (0.12, "Electrical repairs"), (0.40, "hour"), (0.52, "50"), (0.65, "18.00"),
                (0.82, "900.00")]),
        (0.44, [(0.06, "2.2"), (0.12, "Boiler service"), (0.40, "visit"), (0.52, "4"), (0.65, "85.50"),
                (0.82, "342.00")]),
        (0.46, [(0.12, "Total chapter 2"), (0.82, "1,242.00")]),
        (0.49, [(0.12, "Grand total"), (0.82, "6,367.00")]),
    ]  # fmt: skip
    return [(0.30, header), *items]


@pytest.mark.parametrize("heading", ["Chapter 2. Upkeep", "B – Upkeep", "II. Upkeep"])
def test_a_sections_heading_over_an_outline_numbered_item_is_not_its_text(heading: str) -> None:
    got = extract_placed(_schedule(heading))
    assert [i.value("description") for i in got.line_items] == [
        "Office cleaning",
        "Window washing",
        "Electrical repairs",
        "Boiler service",
    ]


def test_totals_print_whole_where_the_line_amounts_do() -> None:
    header = [(0.06, "Description"), (0.45, "Qty"), (0.62, "Price"), (0.82, "Amount")]
    lines = [
        (0.30, header),
        (0.32, [(0.06, "Display fridge"), (0.45, "24"), (0.62, "68.820"), (0.82, "1.651.680")]),
        (0.34, [(0.06, "Shelf unit"), (0.45, "100"), (0.62, "75.020"), (0.82, "7.502.000")]),
        (0.38, [(0.55, "Zorbat netto"), (0.82, "9.153.680")]),
        (0.40, [(0.55, "Quux 20 %"), (0.82, "1.830.736")]),
        (0.42, [(0.55, "Frobnitz ALL"), (0.82, "10.984.416")]),
    ]
    got = extract_placed(lines)
    assert (got.value("subtotal"), got.value("tax_total"), got.value("total")) == (
        Decimal("9153680"),
        Decimal("1830736"),
        Decimal("10984416"),
    )


def test_a_terms_clause_stops_at_its_own_paragraph() -> None:
    # a terms cell ('Zorbak de quux 45 dies final de mes') over the left column's next address line
    rows = [
        (0.100, "Wibble Corp", 0.071), (0.100, "Data", 0.526), (0.100, "14/03/2027", 0.702),
        (0.114, "Carrer de la Llotja 99", 0.071),
        (0.119, "Zorbak de quux 45 dies final de mes", 0.526),
        (0.126, "66000 Perpinya", 0.071),
        (0.136, "Moneda", 0.526), (0.136, "EUR", 0.702),
        (0.139, "ZZ: FR54767912736", 0.071),
        (0.40, "Gizmo", 0.06), (0.40, "Qty", 0.45), (0.40, "Price", 0.6), (0.40, "Amount", 0.8),
        (0.42, "Steel bolts M8", 0.06), (0.42, "2", 0.45), (0.42, "10.00", 0.6), (0.42, "20.00", 0.8),
    ]  # fmt: skip
    words = [w for y, text, x in rows for w in words_left(y, text, x)]
    got = HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")
    assert got.value("payment_terms") == "45 dies final de mes"
