"""Order lines on unseen layouts, classes blind set 18's dev half showed: a price ladder printed under each item (a
break count and its price, one step a line), a text column left of the description under a caption no list names
(a colour's code beside the goods), and colour chips drawn as filled squares before the rows, which are no tick
boxes however light their colour."""

from decimal import Decimal

from extraction.result import Extraction
from extraction.ticks import Shape, unticked_words
from tests.fixtures_docs import extract_placed, price_ladder_order, priced_lines

Lines = list[tuple[float, list[tuple[float, str]]]]


def _lines(extraction: Extraction, *names: str) -> list[tuple[object, ...]]:
    return [tuple(i.value(n) for n in names) for i in extraction.line_items]


def test_price_break_steps_under_each_item_are_no_rows_and_do_not_end_the_table() -> None:
    ladders = [[("1+", "17.01"), ("12+", "16.33"), ("48+", "15.48")], [("1+", "28.31"), ("10+", "26.89")],
               [("1+", "1.90"), ("25+", "1.80"), ("100+", "1.75")]]  # fmt: skip
    assert priced_lines(extract_placed(price_ladder_order(ladders))) == [
        ("Sealant tube", Decimal("3"), Decimal("17.01"), Decimal("51.03")),
        ("Hinge, steel", Decimal("10"), Decimal("26.89"), Decimal("268.90")),
        ("Rope 10 mm", Decimal("120"), Decimal("1.75"), Decimal("210.00")),
    ]


def test_a_text_column_left_of_the_description_keeps_its_words_out_of_the_goods() -> None:
    header = [(0.12, "Shade"), (0.25, "Description"), (0.60, "Qty"), (0.64, "UoM"), (0.74, "Unit price"),
              (0.87, "Amount")]  # fmt: skip
    rows = [("RAL 3000", "Deck paint 2.5 l", "6", "tin", "84.22", "505.32"),
            ("NCS S 0502-Y", "Wall paint 10 l", "3", "tin", "45.90", "137.70"),
            ("RAL 9010", "Primer 5 l", "2", "tin", "58.70", "117.40")]  # fmt: skip
    lines: Lines = [(0.30, header)]
    for k, (shade, text, qty, unit, price, amount) in enumerate(rows):
        lines.append((0.33 + 0.02 * k, [(0.12, shade), (0.25, text), (0.61, qty), (0.64, unit), (0.76, price),
                                         (0.88, amount)]))  # fmt: skip
    assert _lines(extract_placed(lines), "description", "amount") == [
        ("Deck paint 2.5 l", Decimal("505.32")),
        ("Wall paint 10 l", Decimal("137.70")),
        ("Primer 5 l", Decimal("117.40")),
    ]


def _word(x: float, y: float, text: str) -> tuple[tuple[float, float, float, float], str]:
    return (x, y, x + 6.0 * len(text), y + 9.0), text


def test_colour_chips_in_many_fills_are_no_tick_column() -> None:
    words = [_word(60, 100, "Red"), _word(60, 116, "White"), _word(60, 132, "Yellow"), _word(60, 148, "Grey")]
    fills = [(175, 40, 40), (244, 244, 236), (240, 200, 30), (200, 200, 200)]
    chips = [Shape((46, 100 + 16 * k, 55, 109 + 16 * k), closed=True, dark=k == 0, fill=fill)
             for k, fill in enumerate(fills)]  # fmt: skip
    assert not unticked_words(chips, words)
    # a tick column: empty boxes unfilled (or paper-white), ticked ones in one ink
    boxes = [Shape((46, 100 + 16 * k, 55, 109 + 16 * k), closed=True, dark=k % 2 == 0,
                   fill=(0, 0, 0) if k % 2 == 0 else (255, 255, 255)) for k in range(4)]  # fmt: skip
    assert sorted(words[i][1] for i in unticked_words(boxes, words)) == ["Grey", "White"]
