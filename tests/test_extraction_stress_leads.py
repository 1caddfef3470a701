"""Table stress space structures (bench_tables --space stress) told by geometry: a first item whose description
wraps over many lines above its numbers (the text block is read however long it runs under the captions), and of
two code columns the one with more digits names the article though the other parts its digits with a dash (a cost
centre '4375-992' beside a 9-digit material number)."""

from decimal import Decimal

from tests.fixtures_docs import extract_placed

_STEP = 0.0135  # one printed line of the description's wrapping


def _wrapped_rows(
    rows: list[tuple[str, str, list[str], str, str, str]], header: list[tuple[float, str]] | None
) -> list[tuple[float, list[tuple[float, str]]]]:
    """Each item: its line number and code on the first of its text lines, the numbers on a line of their own
    under the text (quantity, unit price, amount)."""
    lines: list[tuple[float, list[tuple[float, str]]]] = [(0.100, [(0.07, "Bauer Laboratories SE")])]
    if header:
        lines.append((0.250, header))
    y = 0.270
    for number, code, text, quantity, price, amount in rows:
        lines.append((y, [(0.07, number), (0.13, code), (0.30, text[0])]))
        for k, more in enumerate(text[1:], 1):
            lines.append((y + k * _STEP, [(0.30, more)]))
        y += len(text) * _STEP
        lines.append((y, [(0.50, quantity), (0.64, price), (0.82, amount)]))
        y += _STEP * 1.3
    return lines


_ROWS = [
    ("1.1", "823474839", ["Compact", "steel sheet,", "blue, with", "mounting", "kit, 10 m", "roll, ISO", "9001",
                          "certified"], "500", "1,886.913", "943,456.50"),
    ("1.2", "846615196", ["Food-grade", "drill bit", "set, RoHS", "compliant,", "black, 500", "ml"], "2,400",
     "8,844.202", "21,226,084.80"),
    ("1.3", "285369781", ["Compact", "servo motor,", "packed on", "EUR pallet,", "pack of 100"], "5,000", "258.005",
     "1,290,025.00"),
]  # fmt: skip


def test_a_first_item_wrapped_over_eight_lines_above_its_numbers_keeps_the_page_table() -> None:
    # captions over the columns; the first item's text runs 0.1 of the page under them before its numbers
    header = [(0.07, "Item"), (0.13, "Part No."), (0.30, "Description"), (0.50, "Qty"), (0.64, "Unit Price"),
              (0.82, "Amount")]  # fmt: skip
    extraction = extract_placed(_wrapped_rows(_ROWS, header))
    assert [(i.value("sku"), i.value("description"), i.value("quantity")) for i in extraction.line_items] == [
        ("823474839", "Compact steel sheet, blue, with mounting kit, 10 m roll, ISO 9001 certified", Decimal("500")),
        ("846615196", "Food-grade drill bit set, RoHS compliant, black, 500 ml", Decimal("2400")),
        ("285369781", "Compact servo motor, packed on EUR pallet, pack of 100", Decimal("5000")),
    ]


def test_the_longer_of_two_code_columns_names_the_article_though_the_other_groups_its_digits() -> None:
    # no captions; a cost centre '9966-784' and a 9-digit article number in two columns between text and numbers
    rows = [
        ("Premium hard hat, grade 8.8", "9966-784", "435110875", "5,000", "19,229.4087", "96,147,043.50"),
        ("Reinforced welding rod, EN 388", "4375-992", "812188755", "250", "129.7803", "32,445.08"),
        ("Pro copy paper A4, 230 V", "4042-846", "334608311", "20", "2,412.1997", "48,243.99"),
        ("Shipping pallet, batch traceable", "8926-459", "642097341", "1,000", "477.468", "477,468.00"),
    ]
    lines: list[tuple[float, list[tuple[float, str]]]] = [(0.100, [(0.07, "Bauer Laboratories SE")])]
    for k, (text, centre, code, quantity, price, amount) in enumerate(rows):
        y = 0.300 + k * 0.02
        lines.append((y, [(0.07, text), (0.33, centre), (0.43, code), (0.55, quantity), (0.66, price),
                          (0.82, amount)]))  # fmt: skip
    extraction = extract_placed(lines)
    assert [(i.value("sku"), i.value("quantity")) for i in extraction.line_items] == [
        ("435110875", Decimal("5000")),
        ("812188755", Decimal("250")),
        ("334608311", Decimal("20")),
        ("642097341", Decimal("1000")),
    ]
