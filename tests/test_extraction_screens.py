"""Terminal screens printed to paper (extraction/heuristic/tables.py, geometry.py): two screens a page, each with
the screen's top line and the table's header, numbered items whose descriptions wrap under their numbers, an
alternative named under an item, a column of delivery tolerances."""

import io

from reportlab.pdfgen import canvas

from extraction.heuristic import HeuristicExtractor
from extraction.loading import load_document

ITEMS = [
    ("001", "AB1001", ["NITRILE GLOVES,", "SIZE M, 100 PCS"], "15", "box", "+0/-10 %", "7.50", "112.50"),
    ("002", "AB1002", ["WATER BOTTLES", "1.5 L, 6 PCS"], "30", "pack", "+5/-10 %", "7.35", "220.50"),
    ("003", "AB1003", ["ALKALINE CELLS", "AA, 24 PCS"], "5", "box", "+5/-0 %", "9.77", "48.85"),
    ("004", "AB1004", ["INSULATING TAPE", "19 MM"], "100", "roll", "+10/-10 %", "2.14", "214.00"),
]


def _screens_pdf(alternatives: bool = False) -> bytes:
    """Two screens on one page, two items each, in a monospace face."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Courier", 8)
    for screen, items in enumerate((ITEMS[:2], ITEMS[2:])):
        y = 800 - screen * 380
        pdf.drawString(40, y, "User JANE - 5250 - [24 x 80]")
        pdf.drawString(40, y - 14, "PUR335          PURCHASE ORDER         2024-12-22")
        pdf.drawString(40, y - 28, "Order no. . . : PO-88412")
        pdf.drawString(40, y - 50, "#   CODE    DESCRIPTION            QTY  UNIT  TOLER.     PRICE    AMOUNT")
        pdf.drawString(40, y - 60, "-" * 72)
        y -= 72
        for number, code, text, qty, unit, tolerance, price, amount in items:
            first = f"{number} {code}  {text[0]:<18} {qty:>6}  {unit:<5} {tolerance:<9} {price:>7} {amount:>9}"
            pdf.drawString(40, y, first)
            for more in text[1:]:
                y -= 10
                pdf.drawString(40, y, " " * 12 + more)
            if alternatives:
                y -= 10
                pdf.drawString(40, y, " " * 14 + "Alternative: PAPER TOWELS")
            y -= 11
        pdf.drawString(40, y - 20, "More...")
        pdf.drawString(40, y - 34, "F3=Exit F7=Back F8=Forward")
    pdf.drawString(40, 20, "Net total 595.85")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _read(data: bytes) -> list[tuple[str, str, str]]:
    result = HeuristicExtractor().extract(load_document(data, "screens.pdf"), "purchase_order")
    return [
        (str(item.value("sku")), str(item.value("description")), str(item.value("amount")))
        for item in result.line_items
    ]


def test_the_second_screen_on_a_page_goes_on_with_the_items() -> None:
    read = _read(_screens_pdf())
    assert [(code, amount) for code, _, amount in read] == [(item[1], item[7]) for item in ITEMS]
    # each description keeps its own wrapped line, none of the next item's
    assert all(text.endswith(item[2][1]) for (_, text, _), item in zip(read, ITEMS, strict=True))


def test_an_alternative_under_an_item_is_no_part_of_its_description() -> None:
    read = _read(_screens_pdf(alternatives=True))
    assert [(code, amount) for code, _, amount in read] == [(item[1], item[7]) for item in ITEMS]
    assert not any("Alternative" in text or "TOWELS" in text for _, text, _ in read)


def test_a_column_of_tolerances_is_no_description() -> None:
    """A table found by its arithmetic alone (its header unread): the signed tolerances beside a one-word
    description are longer text, but name nothing."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Courier", 8)
    pdf.drawString(40, 800, "Order no. . . : PO-88413")
    pdf.drawString(40, 760, "010 AB1010  TAPE              30  roll  +15/-0 %     0.79     23.70")
    pdf.drawString(40, 750, "            INSULATING 19 MM")
    pdf.drawString(40, 700, "F3=Exit F7=Back F8=Forward")
    pdf.showPage()
    pdf.save()
    read = _read(buffer.getvalue())
    assert [(code, amount) for code, _, amount in read] == [("AB1010", "23.70")]
    assert "TAPE" in read[0][1] and "+15" not in read[0][1]
