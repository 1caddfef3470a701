"""Tick boxes on an order form: only the ticked rows of a list with a tick column are read (extraction/ticks.py)."""

import io

from reportlab.pdfgen import canvas

from extraction.document import Document
from extraction.heuristic import HeuristicExtractor
from extraction.layout import group_lines
from extraction.loading import load_document
from extraction.ticks import Shape, unticked_words

SERVICES = [
    ("Window cleaning", "visit", "120.00", "check"),
    ("Carpet shampoo for the offices and the meeting rooms on both floors", "month", "340.50", ""),
    ("Boiler inspection", "visit", "95.00", "cross"),
    ("Night watchman", "shift", "210.00", ""),
    ("Lift maintenance", "month", "480.00", "dot"),
    ("Gutter clearing", "visit", "75.00", "filled"),
    ("Pest control", "treatment", "60.00", ""),
]


def _tick_form_pdf(services: list[tuple[str, str, str, str]], ruled: bool = True) -> bytes:
    """A services list with a box before each row, ticked four ways (a check mark's two strokes, a cross, a small
    filled square inside the box, the box filled dark) or left empty; rows drawn as rectangles when ``ruled``
    (the second row's description wraps onto a second line inside its row), a note under the table."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica", 9)
    pdf.drawString(42, 790, "SERVICE ORDER No. SO-4471")
    pdf.drawString(42, 770, "Client: Harbour Works Ltd.")
    pdf.setFont("Helvetica-Bold", 8)
    pdf.drawString(70, 730, "Service")
    pdf.drawString(330, 730, "Unit")
    pdf.drawRightString(550, 730, "Rate")
    pdf.setFont("Helvetica", 9)
    y = 712.0
    for description, unit, rate, tick in services:
        wrapped = len(description) > 40
        height = 28.0 if wrapped else 17.0
        if ruled:
            pdf.rect(42, y - height + 12, 512, height, stroke=1, fill=0)
        pdf.rect(48, y - 2, 9, 9, stroke=1, fill=1 if tick == "filled" else 0)
        if tick == "check":
            path = pdf.beginPath()
            path.moveTo(48.5, y + 3)
            path.lineTo(51.5, y - 1.5)
            path.lineTo(58, y + 9)
            pdf.drawPath(path, stroke=1, fill=0)
        elif tick == "cross":
            pdf.line(49.5, y - 0.5, 55.5, y + 5.5)
            pdf.line(49.5, y + 5.5, 55.5, y - 0.5)
        elif tick == "dot":
            pdf.rect(50.5, y + 0.5, 4, 4, stroke=0, fill=1)
        if wrapped:
            pdf.drawString(70, y, description[:40].rsplit(" ", 1)[0])
            pdf.drawString(70, y - 11, description[len(description[:40].rsplit(" ", 1)[0]) + 1 :])
        else:
            pdf.drawString(70, y, description)
        pdf.drawString(330, y, unit)
        pdf.drawRightString(550, y, rate)
        y -= height
    pdf.setFont("Helvetica", 7)
    pdf.drawString(42, y - 4, "Only the services ticked are ordered; the other rates are for information.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _lines(data: bytes) -> list[str]:
    return [line.text for line in group_lines(load_document(data, "form.pdf").pages[0].words)]


def test_only_the_ticked_rows_of_a_tick_column_stay_in_the_text_layer() -> None:
    text = " ".join(_lines(_tick_form_pdf(SERVICES)))
    for description, _, rate, tick in SERVICES:
        first = description[:18]
        assert (first in text) == bool(tick), description
        assert (rate in text) == bool(tick), rate
    assert "floors" not in text  # the wrapped line of an empty box's row goes with its row
    assert "SO-4471" in text and "Harbour Works" in text
    assert "Only the services ticked are ordered" in text  # under the table, in no row


def test_an_unruled_tick_column_drops_the_empty_boxes_lines() -> None:
    services = [s for s in SERVICES if len(s[0]) <= 40]
    text = " ".join(_lines(_tick_form_pdf(services, ruled=False)))
    assert "Window cleaning" in text and "Gutter clearing" in text
    assert "Night watchman" not in text and "Pest control" not in text
    assert "Only the services ticked are ordered" in text


def test_a_blank_form_and_a_form_ticked_throughout_keep_every_row() -> None:
    blank = " ".join(_lines(_tick_form_pdf([(d, u, r, "") for d, u, r, _ in SERVICES])))
    full = " ".join(_lines(_tick_form_pdf([(d, u, r, "check") for d, u, r, _ in SERVICES])))
    for description, _, rate, _ in SERVICES:
        assert description[:18] in blank and description[:18] in full
        assert rate in blank and rate in full


def test_the_extractor_reads_only_the_ticked_services() -> None:
    document: Document = load_document(_tick_form_pdf(SERVICES), "form.pdf")
    result = HeuristicExtractor().extract(document, "contract")
    prices = sorted(str(item.value("unit_price")) for item in result.line_items)
    assert prices == ["120.00", "480.00", "75.00", "95.00"]


def _word(x: float, y: float, text: str) -> tuple[tuple[float, float, float, float], str]:
    return (x, y, x + 6.0 * len(text), y + 9.0), text


def test_typed_box_glyphs_make_a_tick_column_and_leave_with_their_rows() -> None:
    words = [_word(40, 100, "☑"), _word(60, 100, "Scaffolding"), _word(300, 100, "120.00")]
    words += [_word(40, 116, "☐"), _word(60, 116, "Crane"), _word(300, 116, "900.00")]
    words += [_word(40, 132, "☒"), _word(60, 132, "Skip"), _word(300, 132, "45.00")]
    words += [_word(40, 160, "Signed"), _word(60, 160, "below")]
    dropped = unticked_words([], words)
    assert sorted(words[i][1] for i in dropped) == sorted(["☑", "☐", "Crane", "900.00", "☒"])


def test_bullets_small_squares_and_lone_boxes_make_no_tick_column() -> None:
    words = [_word(60, 100, "Scaffolding"), _word(60, 116, "Crane"), _word(60, 132, "Skip")]
    bullets = [Shape((50, 102, 53, 105), closed=True, dark=True), Shape((50, 118, 53, 121), closed=True)]
    bullets.append(Shape((50, 134, 53, 137), closed=True, dark=True))
    assert not unticked_words(bullets, words)  # 3-point squares are bullets, not boxes
    one = [Shape((48, 100, 57, 109), closed=True), Shape((48, 132, 57, 141), closed=True, dark=True)]
    one[1:1] = [Shape((300, 116, 309, 125), closed=True)]  # a box far to the right: a column of its own
    assert unticked_words(one, words) == {0}  # the two boxes at x 48 make a column: the empty one's row goes
    assert not unticked_words(one[1:], words)  # one box per column: no tick column


def test_a_column_of_item_pictures_of_unlike_sizes_is_no_tick_column() -> None:
    words = [_word(60, 100, "Bulbs"), _word(60, 130, "Hose"), _word(60, 160, "Rope")]
    # each row's picture: a bulb's outline (empty), a coil with a stroke across it, the bulb again
    pictures = [Shape((46, 97, 61, 113.5), closed=True)]
    pictures += [Shape((44, 127, 63, 143), closed=True), Shape((44.5, 134, 62.5, 135))]
    pictures += [Shape((46, 157, 61, 173.5), closed=True)]
    assert not unticked_words(pictures, words)
    # the same boxes drawn one size, as a form's are: the empty ones' rows leave
    boxes = [Shape((46, 97, 61, 113.5), closed=True), Shape((46, 127, 61, 143.5), closed=True)]
    boxes += [Shape((46.5, 134, 60.5, 135)), Shape((46, 157, 61, 173.5), closed=True)]
    assert unticked_words(boxes, words) == {0, 2}


def _level_matrix_pdf() -> bytes:
    """A contract's price schedule offering three levels side by side, a typed box before each level's caption and
    the middle one ticked; every row prices all three."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica", 9)
    pdf.drawString(42, 790, "SERVICE AGREEMENT No. SA-2291")
    pdf.drawString(42, 760, "Schedule 1 - Rates (the level chosen is ticked)")
    pdf.drawString(48, 730, "Service")
    pdf.drawString(230, 730, "Unit")
    for x, mark, level in ((330, "[ ]", "Basic"), (410, "[X]", "Standard"), (490, "[ ]", "Premium")):
        pdf.drawString(x, 730, f"{mark} {level}")
    y = 712.0
    for service, unit, prices in (
        ("Server upkeep", "month", ("40.00", "55.50", "70.25")),
        ("Network watch", "month", ("210.00", "260.00", "1,310.00")),
        ("Training", "day", ("300.00", "350.00", "420.00")),
    ):
        pdf.drawString(48, y, service)
        pdf.drawString(230, y, unit)
        for right, price in zip((380, 470, 550), prices, strict=True):
            pdf.drawRightString(right, y, price)
        y -= 17
    pdf.drawString(42, y - 10, "Prices in EUR, without VAT.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_level_matrix_is_read_in_its_ticked_column_only() -> None:
    document: Document = load_document(_level_matrix_pdf(), "agreement.pdf")
    result = HeuristicExtractor().extract(document, "contract")
    prices = [str(item.value("unit_price")) for item in result.line_items]
    assert prices == ["55.50", "260.00", "350.00"]


def test_a_row_of_box_glyphs_over_numbers_keeps_the_ticked_column() -> None:
    words = [_word(40, 100, "Item"), _word(200, 100, "☐"), _word(212, 100, "Low")]
    words += [_word(280, 100, "☒"), _word(292, 100, "Mid"), _word(360, 100, "☐"), _word(372, 100, "High")]
    words += [_word(40, 116, "Paint"), _word(200, 116, "1.00"), _word(280, 116, "2.00"), _word(360, 116, "3.00")]
    words += [_word(40, 160, "Total"), _word(280, 160, "99.00")]
    dropped = unticked_words([], words)
    assert sorted(words[i][1] for i in dropped) == sorted(["☐", "Low", "☒", "☐", "High", "1.00", "3.00"])


def test_an_options_line_over_a_table_drops_nothing() -> None:
    words = [_word(40, 100, "Delivery:"), _word(120, 100, "[X]"), _word(140, 100, "post")]
    words += [_word(200, 100, "[ ]"), _word(220, 100, "courier")]
    words += [_word(40, 130, "Bolts"), _word(150, 130, "12"), _word(300, 130, "4.00")]
    assert unticked_words([], words) == set()
