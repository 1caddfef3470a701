"""A kit's parts listed under its priced row, indented, with a count and no price: no items of their own, and the
table goes on under them (blind14 dev: the order's table ended at a kit's second part)."""

from decimal import Decimal

from tests.fixtures_docs import extract_placed, priced_lines

HEADER = (0.30, [(0.08, "Item"), (0.52, "Qty"), (0.56, "Unit"), (0.72, "Price"), (0.88, "Amount")])


def _priced(y: float, text: str, quantity: str, unit: str, price: str, amount: str) -> tuple:
    return (y, [(0.08, text), (0.55 - 0.0065 * len(quantity), quantity), (0.56, unit), (0.72, price), (0.88, amount)])


def _part(y: float, text: str, count: str) -> tuple:
    return (y, [(0.095, "– " + text), (0.55 - 0.0065 * len(count), count)])


def test_a_kits_unpriced_parts_under_it_are_no_items_and_the_table_goes_on() -> None:
    extraction = extract_placed(
        [
            HEADER,
            _priced(0.33, "Safety boots", "60", "pair", "124.46", "7467.60"),
            _priced(0.35, "Office kit", "4", "kit", "63.67", "254.68"),
            _part(0.37, "Stapler", "4"),
            _part(0.39, "Box of staples", "8"),
            _part(0.41, "Ballpoint pen", "48"),
            _priced(0.43, "PVC pipe 50 mm", "8", "bar", "22.63", "181.04"),
            _priced(0.45, "Plumbing set", "3", "set", "95.69", "287.07"),
            _part(0.47, "Pipe wrench", "3"),
            _part(0.49, "PTFE tape", "15"),
            _priced(0.51, "A4 paper 80 g", "24", "ream", "22.68", "544.32"),
        ]
    )
    assert priced_lines(extraction) == [
        ("Safety boots", Decimal(60), Decimal("124.46"), Decimal("7467.60")),
        ("Office kit", Decimal(4), Decimal("63.67"), Decimal("254.68")),
        ("PVC pipe 50 mm", Decimal(8), Decimal("22.63"), Decimal("181.04")),
        ("Plumbing set", Decimal(3), Decimal("95.69"), Decimal("287.07")),
        ("A4 paper 80 g", Decimal(24), Decimal("22.68"), Decimal("544.32")),
    ]
