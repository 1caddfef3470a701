"""Table layouts nobody tuned the extractor on, on hand-placed words: a unit right-aligned in the quantity's
cell, a column under a caption naming nothing known, a row number left of every caption, a slash inside a
unit, a description wrapped inside a price list, rates enumerated in one clause."""

from decimal import Decimal

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.rates import read_rates
from extraction.result import Extraction
from tests.fixtures_docs import document_of_rows, words_at


def _extract(lines: list[tuple[float, list[tuple[float, str]]]], doc_type: str = "purchase_order") -> Extraction:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), doc_type)


def test_a_unit_right_aligned_after_the_quantity_under_its_caption_is_not_the_description() -> None:
    # '144 PK' set right-aligned: the number ends left of where 'Qty' starts, the unit under it
    extraction = _extract(
        [
            (0.30, [(0.08, "Code"), (0.20, "Description"), (0.60, "Qty"), (0.72, "Price"), (0.86, "Total")]),
            (0.33, [(0.08, "CU-22"), (0.20, "Copper elbow 22mm"), (0.58, "144 PK"), (0.72, "1.10"),
                    (0.86, "158.40")]),
            (0.35, [(0.08, "BV-15"), (0.20, "Brass valve 15mm"), (0.593, "6 CS"), (0.72, "42.00"), (0.86, "252.00")]),
            (0.39, [(0.60, "Subtotal"), (0.86, "410.40")]),
        ]
    )  # fmt: skip
    items = [(i.value("description"), i.value("quantity"), i.value("unit")) for i in extraction.line_items]
    assert items == [("Copper elbow 22mm", Decimal("144"), "PK"), ("Brass valve 15mm", Decimal("6"), "CS")]


def test_a_column_under_a_caption_naming_nothing_known_stays_out_of_the_description() -> None:
    # 'Levy' names no column the extractor knows; what stands under it is no part of the description, and
    # one percentage a row there is the line's tax rate
    extraction = _extract(
        [
            (0.30, [(0.08, "Description"), (0.50, "Levy"), (0.62, "Qty"), (0.72, "Price"), (0.86, "Total")]),
            (0.33, [(0.08, "Oak veneer panel"), (0.48, "GST 15%"), (0.62, "4"), (0.72, "80.00"), (0.86, "320.00")]),
            (0.35, [(0.08, "Edge banding roll"), (0.49, "GST 0%"), (0.62, "2"), (0.72, "12.50"), (0.86, "25.00")]),
            (0.39, [(0.62, "Subtotal"), (0.86, "345.00")]),
        ]
    )
    items = [(i.value("description"), i.value("tax_rate"), i.value("amount")) for i in extraction.line_items]
    assert items == [
        ("Oak veneer panel", Decimal("15"), Decimal("320.00")),
        ("Edge banding roll", Decimal("0"), Decimal("25.00")),
    ]


def test_an_unnamed_caption_over_text_that_is_not_a_rate_leaves_the_tax_rate_empty() -> None:
    extraction = _extract(
        [
            (0.30, [(0.08, "Description"), (0.50, "Colour"), (0.62, "Qty"), (0.72, "Price"), (0.86, "Total")]),
            (0.33, [(0.08, "Oak veneer panel"), (0.50, "natural"), (0.62, "4"), (0.72, "80.00"), (0.86, "320.00")]),
            (0.35, [(0.08, "Edge banding roll"), (0.50, "white"), (0.62, "2"), (0.72, "12.50"), (0.86, "25.00")]),
        ]
    )
    items = [(i.value("description"), i.value("tax_rate")) for i in extraction.line_items]
    assert items == [("Oak veneer panel", None), ("Edge banding roll", None)]


def test_a_row_number_left_of_every_caption_does_not_push_the_values_out_of_their_columns() -> None:
    # the second row leaves the discount empty: five numbers would fill five numeric columns one off
    extraction = _extract(
        [
            (0.30, [(0.08, "Code"), (0.18, "Description"), (0.50, "Qty"), (0.60, "Price"), (0.70, "Disc."),
                    (0.86, "Total")]),
            (0.33, [(0.03, "1"), (0.08, "HX-4"), (0.18, "Hose clamp set"), (0.50, "10"), (0.60, "8.00"),
                    (0.70, "10%"), (0.86, "72.00")]),
            (0.35, [(0.03, "2"), (0.08, "GK-9"), (0.18, "Gasket kit"), (0.50, "3"), (0.60, "40.00"),
                    (0.86, "120.00")]),
            (0.39, [(0.60, "Subtotal"), (0.86, "192.00")]),
        ]
    )  # fmt: skip
    items = [(i.value("sku"), i.value("quantity"), i.value("unit_price")) for i in extraction.line_items]
    assert items == [("HX-4", Decimal("10"), Decimal("8.00")), ("GK-9", Decimal("3"), Decimal("40.00"))]


def test_a_slash_between_the_words_of_a_unit_is_kept() -> None:
    extraction = _extract(
        [
            (0.30, [(0.08, "Service"), (0.45, "Unit"), (0.80, "Rate")]),
            (0.33, [(0.08, "Pipe inspection"), (0.45, "metre / run"), (0.80, "4.20")]),
            (0.35, [(0.08, "Valve audit"), (0.45, "site / day"), (0.80, "310.00")]),
        ],
        "contract",
    )
    assert [i.value("unit") for i in extraction.line_items] == ["metre / run", "site / day"]


def test_a_description_wrapped_inside_a_price_list_under_unknown_captions() -> None:
    extraction = _extract(
        [
            (0.45, [(0.10, "Leistung"), (0.50, "Einheit"), (0.74, "Satz")]),
            (0.47, [(0.10, "Fensterreinigung innen"), (0.50, "Termin"), (0.80, "118.40")]),
            (0.485, [(0.10, "und aussen")]),
            (0.50, [(0.10, "Treppenhaus"), (0.50, "Woche"), (0.80, "64.00")]),
            (0.52, [(0.10, "Tiefgarage kehren"), (0.50, "Monat"), (0.80, "210.00")]),
        ],
        "contract",
    )
    rates = [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]
    assert rates == [
        ("Fensterreinigung innen und aussen", "Termin", Decimal("118.40")),
        ("Treppenhaus", "Woche", Decimal("64.00")),
        ("Tiefgarage kehren", "Monat", Decimal("210.00")),
    ]


def _contract_rates(rows: list[tuple[float, float, str]]) -> list[tuple[object, object, object]]:
    extraction = Extraction("contract", 1)
    read_rates(document_of_rows(rows), extraction)
    return [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]


def test_rates_enumerated_clause_by_clause_in_one_sentence() -> None:
    rates = _contract_rates(
        [
            (0.08, 0.30, "7.2 For the hosting described in Annex B the Customer pays, monthly in arrears, $85.00"),
            (0.08, 0.32, "per hour for helpdesk cover; $1,200.00 per quarter for offsite backup hosting; and"),
            (0.08, 0.34, "$40.00 per seat for named user licences."),
            (0.08, 0.37, "7.3 Invoices are payable within 30 days."),
        ]
    )
    assert rates == [
        ("helpdesk cover", "hour", Decimal("85.00")),
        ("offsite backup hosting", "quarter", Decimal("1200.00")),
        ("named user licences", "seat", Decimal("40.00")),
    ]


def test_amounts_in_clauses_that_name_no_unit_are_no_rates() -> None:
    rates = _contract_rates(
        [
            (0.08, 0.30, "A deposit of $500.00 is due on signature; the balance of $1,500.00 falls due on delivery."),
            (0.08, 0.33, "Late payments bear interest of 2% a month."),
        ]
    )
    assert rates == []


def test_an_unknown_caption_over_the_descriptions_still_heads_the_description() -> None:
    # 'Benaming' names nothing known and no caption names the description: the text under it is still the
    # description, not a column of its own (the item number joins it, as before: only a caption naming the
    # description tells the two apart)
    extraction = _extract(
        [
            (0.30, [(0.08, "Art.-Nr."), (0.22, "Benaming"), (0.60, "Qty"), (0.72, "Price"), (0.86, "Total")]),
            (0.33, [(0.08, "K-118"), (0.22, "Zinc plated hinge"), (0.60, "20"), (0.72, "1.50"), (0.86, "30.00")]),
            (0.35, [(0.08, "K-221"), (0.22, "Drawer runner pair"), (0.60, "5"), (0.72, "9.00"), (0.86, "45.00")]),
        ]
    )
    items = [(i.value("description"), i.value("amount")) for i in extraction.line_items]
    assert [description.split(" ", 1)[-1] for description, _ in items] == ["Zinc plated hinge", "Drawer runner pair"]
