"""Table stress space structures (bench_tables --space stress) told by geometry: a note under an item, indented,
whose last word ('C' of 'see drawing rev. C') stands under a column no caption role names (a weight) is still the
item's sub-line, and the items under it are read (it ended the page's table)."""

from decimal import Decimal

from tests.fixtures_docs import extract_placed

_HEADER = [(0.07, "Item"), (0.13, "Part No."), (0.24, "Description"), (0.37, "Weight"), (0.48, "Qty"),
           (0.65, "Unit Price"), (0.77, "Amount")]  # fmt: skip


def test_a_note_reaching_under_an_unread_column_stays_the_items_sub_line() -> None:
    items = [
        ("1", "624558453", "Shipping pallet, size L", "4,527.3 kg", "20", "60.97", "1,219.40",
         ["Delivery: 29.04.2026", "see drawing rev. C"]),
        ("2", "405491110", "Premium ball bearing", "1,626.8 kg", "25", "322.47", "8,061.75", []),
        ("3", "859713321", "Food-grade ball bearing", "212.5 kg", "60", "139.08", "8,344.80",
         ["Delivery: 11.04.2026"]),
    ]  # fmt: skip
    lines: list[tuple[float, list[tuple[float, str]]]] = [(0.100, [(0.07, "Bauer Laboratories SE")]), (0.25, _HEADER)]
    y = 0.27
    for number, code, text, weight, quantity, price, amount, notes in items:
        lines.append((y, [(0.07, number), (0.13, code), (0.24, text), (0.37, weight), (0.48, quantity),
                          (0.65, price), (0.77, amount)]))  # fmt: skip
        for note in notes:
            y += 0.0131
            # the note indented under the description, its last word under the weight's caption
            lines.append((y, [(0.273, " ".join(note.split()[:-1])), (0.397, note.split()[-1])]))
        y += 0.0131 * 1.2
    extraction = extract_placed(lines)
    assert [(i.value("sku"), i.value("quantity"), i.value("amount")) for i in extraction.line_items] == [
        ("624558453", Decimal("20"), Decimal("1219.40")),
        ("405491110", Decimal("25"), Decimal("8061.75")),
        ("859713321", Decimal("60"), Decimal("8344.80")),
    ]
