"""Tables whose captions name nothing the extractor knows, on hand-placed words: rows from alignment and
arithmetic, a column's role from what it holds."""

from decimal import Decimal

import pytest

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from extraction.twoline import read_upper_lines
from tests.fixtures_docs import CHAR, HEIGHT, words_at


def _extract(lines: list[tuple[float, list[tuple[float, str]]]], doc_type: str = "purchase_order") -> Extraction:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), doc_type)


def test_a_discount_printed_with_a_space_before_the_percent_sign() -> None:
    # 'Rem.' names nothing known; '10 %' is a discount the amount needs (1 x 209,74 less 10 % is 188,77)
    extraction = _extract(
        [
            (0.30, [(0.07, "Réf."), (0.17, "Objet"), (0.63, "Nb"), (0.72, "P.U. HT"), (0.78, "Rem."), (0.9, "Mt HT")]),
            (0.33, [(0.07, "985133"), (0.17, "Ramette papier A4"), (0.638, "4"), (0.722, "143,79"), (0.887, "575,16")]),
            (0.35, [(0.07, "858667"), (0.17, "Agrafeuse de bureau"), (0.638, "1"), (0.722, "209,74"), (0.78, "10 %"),
                    (0.887, "188,77")]),
            (0.37, [(0.07, "098259"), (0.17, "Classeur à levier"), (0.638, "2"), (0.722, "742,43"), (0.787, "5 %"),
                    (0.880, "1410,62")]),
            (0.40, [(0.5, "Montant net HT"), (0.880, "2174,55")]),
        ]
    )  # fmt: skip
    amounts = [(i.value("sku"), i.value("quantity"), i.value("amount")) for i in extraction.line_items]
    assert amounts == [
        ("985133", Decimal("4"), Decimal("575.16")),
        ("858667", Decimal("1"), Decimal("188.77")),
        ("098259", Decimal("2"), Decimal("1410.62")),
    ]


def test_a_fee_schedule_under_captions_naming_nothing_known() -> None:
    # amounts right-aligned, one per line, under a caption line: a price list; the short text after the
    # description is the unit charged per
    extraction = _extract(
        [
            (0.10, [(0.18, "This Order Form is governed by the agreement between the parties.")]),
            (0.45, [(0.19, "Plan Component"), (0.50, "Charged Per"), (0.74, "Subscription Fee (AUD)")]),
            (0.47, [(0.19, "Premium support"), (0.50, "month"), (0.8468, "674.06")]),
            (0.49, [(0.19, "Data storage above 500 GB"), (0.50, "100 GB/month"), (0.8273, "1,139.06")]),
            (0.53, [(0.18, "Fees increase by no more than CPI at each renewal.")]),
        ],
        "contract",
    )
    rates = [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]
    assert rates == [
        ("Premium support", "month", Decimal("674.06")),
        ("Data storage above 500 GB", "100 GB/month", Decimal("1139.06")),
    ]


def test_a_milestone_plan_keeps_its_codes_and_dates_out_of_the_description() -> None:
    extraction = _extract(
        [
            (0.40, [(0.11, "Stage"), (0.17, "Deliverable"), (0.58, "Target"), (0.82, "Stage Fee")]),
            (0.42, [(0.11, "M1"), (0.17, "Discovery workshop"), (0.58, "May 23, 2024"), (0.8305, "71,376.60")]),
            (0.44, [(0.11, "M2"), (0.17, "Design sign-off"), (0.58, "June 25, 2024"), (0.8305, "23,300.91")]),
        ],
        "contract",
    )  # fmt: skip
    rates = [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]
    assert rates == [
        ("Discovery workshop", None, Decimal("71376.60")),
        ("Design sign-off", None, Decimal("23300.91")),
    ]


def test_a_totals_block_is_no_price_list() -> None:
    extraction = _extract(
        [
            (0.40, [(0.55, "Summary"), (0.83, "In USD")]),
            (0.42, [(0.55, "Subtotal"), (0.8305, "71,376.60")]),
            (0.44, [(0.55, "Total"), (0.8305, "71,376.60")]),
        ],
        "contract",
    )
    assert extraction.line_items == []


def test_items_printed_as_cards_of_caption_value_pairs() -> None:
    # a title line, then 'Code ... Count ... Size ... Each ... Line' pairs; the captions repeat on every card
    def card(y: float, number: str, title: str, code: str, qty: str, unit: str, price: str, amount: str):
        return [
            (y, [(0.08, f"Entry {number}"), (0.16, title)]),
            (y + 0.03, [(0.16, "Code"), (0.19, code), (0.32, "Count"), (0.36, qty), (0.42, "Size"), (0.45, unit),
                        (0.53, "Each"), (0.56, price), (0.68, "Line"), (0.80, amount), (0.88, "USD")]),
        ]  # fmt: skip

    extraction = _extract(
        [
            (0.10, [(0.08, "Marrowfield Instruments LLC")]),
            *card(0.30, "1", "Ergonomic mesh task chair, black", "ITM-85458", "100", "EA", "241.81", "24,181.00"),
            *card(0.37, "2", "Wireless barcode scanner kit", "CAT-43565", "12", "KIT", "172.52", "2,070.24"),
            (0.45, [(0.55, "Subtotal"), (0.80, "26,251.24")]),
        ]
    )
    items = [
        (i.value("sku"), i.value("description"), i.value("quantity"), i.value("unit"), i.value("amount"))
        for i in extraction.line_items
    ]
    assert items == [
        ("ITM-85458", "Ergonomic mesh task chair, black", Decimal("100"), "EA", Decimal("24181.00")),
        ("CAT-43565", "Wireless barcode scanner kit", Decimal("12"), "KIT", Decimal("2070.24")),
    ]


def test_text_layer_keeps_superscripts_but_undoes_ligatures() -> None:
    from extraction.loading import _compatible

    assert _compatible("mm²") == "mm²"  # a unit as printed
    assert _compatible("1,250.00¹") == "1,250.00¹"  # a footnote mark is no digit of the amount
    assert _compatible("ﬁttings") == "fittings"


def test_ocr_spacing_inside_a_description_does_not_split_it() -> None:
    # OCR sets words of one cell up to two characters apart; the table's columns stand further apart
    def words(y: float, cells: list[tuple[float, str]]) -> list[Word]:
        return [w for x, text in cells for w in words_at(text, x, y)]

    gap = 1.7 * CHAR
    rows = [
        (0.35, "0001", "MTL-23163", "Field jacket,", "cold weather", "30", "633.46", "19,003.80"),
        (0.37, "0002", "CAT-29579", "Tent stakes,", "pack of 20", "4", "348.20", "1,392.80"),
        (0.39, "0003", "CAT-85052", "Ration heater,", "flameless", "4", "525.04", "2,100.16"),
    ]
    page_words = words(0.32, [(0.06, "No."), (0.11, "(a) CODE"), (0.22, "(b) GOODS"), (0.6, "(c)"), (0.86, "(d)")])
    for y, number, code, head, tail, qty, price, amount in rows:
        x_tail = 0.22 + CHAR * len(head) + gap
        page_words += words(y, [(0.06, number), (0.11, code), (0.22, head), (x_tail, tail), (0.62, qty)])
        page_words += words(y, [(0.81 - CHAR * len(price), price), (0.93 - CHAR * len(amount), amount)])
    page = Page(1, 2550, 3301, [Word(w.text, w.bbox, 0.95) for w in page_words], "ocr")
    extraction = HeuristicExtractor().extract(Document([page]), "purchase_order")
    assert [i.value("description") for i in extraction.line_items] == [
        "Field jacket, cold weather",
        "Tent stakes, pack of 20",
        "Ration heater, flameless",
    ]


def test_a_rate_with_thousands_set_apart_by_a_space() -> None:
    from extraction.rates import read_rates
    from tests.fixtures_docs import page_of_lines

    doc = page_of_lines([
        "Tarifs",
        "– Astreinte de nuit : 924,86 EUR HT par nuit",
        "– Audit de sécurité des installations : 1 074,48 EUR HT par audit",
    ])  # fmt: skip
    ext = Extraction("contract", 1, {})
    read_rates(doc, ext)
    got = [(i.value("description"), i.value("unit_price")) for i in ext.line_items]
    assert got == [
        ("Astreinte de nuit", Decimal("924.86")),
        ("Audit de sécurité des installations", Decimal("1074.48")),
    ]


def test_a_unit_printed_in_the_quantity_cell_is_not_the_description() -> None:
    extraction = _extract(
        [
            (0.22, [(0.08, "Service"), (0.40, "Hours"), (0.55, "Rate"), (0.85, "Amount")]),
            (0.24, [(0.08, "Senior consultant"), (0.40, "37.5 hrs"), (0.55, "180.00"), (0.85, "6,750.00")]),
            (0.26, [(0.08, "Analyst"), (0.40, "12 hrs"), (0.55, "95.00"), (0.85, "1,140.00")]),
            (0.30, [(0.55, "Subtotal"), (0.85, "7,890.00")]),
        ]
    )
    items = [(i.value("description"), i.value("quantity"), i.value("unit")) for i in extraction.line_items]
    assert items == [("Senior consultant", Decimal("37.5"), "hrs"), ("Analyst", Decimal("12"), "hrs")]


def test_an_orders_lump_sums_under_unknown_captions_are_amounts() -> None:
    extraction = _extract(
        [
            (0.10, [(0.08, "Purchase Order PO-1234")]),
            (0.22, [(0.08, "Scope of works"), (0.85, "Lump sum (AUD)")]),
            (0.24, [(0.08, "Supply and install switchboard upgrade"), (0.85, "40,016.53")]),
            (0.26, [(0.08, "Trenching and conduit for new sub-main"), (0.85, "31,514.73")]),
            (0.30, [(0.55, "Subtotal"), (0.85, "71,531.26")]),
        ]
    )
    items = [(i.value("description"), i.value("amount"), i.value("unit_price")) for i in extraction.line_items]
    assert items == [
        ("Supply and install switchboard upgrade", Decimal("40016.53"), None),
        ("Trenching and conduit for new sub-main", Decimal("31514.73"), None),
    ]


def test_a_share_column_beside_a_milestone_is_no_unit() -> None:
    extraction = _extract(
        [
            (0.22, [(0.08, "Milestone"), (0.40, "Share"), (0.85, "Fee")]),
            (0.24, [(0.08, "Kick-off and plan"), (0.40, "20%"), (0.85, "10,000.00")]),
            (0.26, [(0.08, "Go-live"), (0.40, "80%"), (0.85, "40,000.00")]),
        ],
        "contract",
    )
    assert [(i.value("description"), i.value("unit")) for i in extraction.line_items] == [
        ("Kick-off and plan", None),
        ("Go-live", None),
    ]


def test_the_callers_type_holds_before_the_readers_run() -> None:
    # a model that takes a contract for an order must not keep its rate sentences from being read
    from extraction.pipeline import AFTER_EXTRACTION, ExtractionJob, extract_stage, run
    from tests.fixtures_docs import page_of_lines

    class Mistaken:
        def extract(self, doc: Document, doc_type_hint: str | None = None) -> Extraction:
            return Extraction(doc_type="purchase_order", page_count=doc.page_count, model_version="stub")

    doc = page_of_lines([
        "Night courier runs are invoiced at 310.50 GBP per trip.",
        "Archive retrieval boxes are invoiced at 12.75 GBP per box.",
    ])  # fmt: skip
    job = ExtractionJob(b"", None, "contract", extractor=Mistaken(), document=doc)
    job = run(job, [extract_stage, *AFTER_EXTRACTION])
    assert job.extraction is not None
    assert [i.value("unit_price") for i in job.extraction.line_items] == [Decimal("310.50"), Decimal("12.75")]


def test_items_printed_as_stacked_caption_value_lines() -> None:
    lines: list[tuple[float, list[tuple[float, str]]]] = [(0.10, [(0.08, "Bestellung 4471")])]
    y = 0.25
    items = [
        ("Ergonomic mesh task chair, black", "ITM-85458", "100", "EA", "241.81", "24,181.00"),
        ("Wireless barcode scanner kit", "CAT-43565", "12", "KIT", "172.52", "2,070.24"),
    ]
    for n, (text, code, qty, unit, price, amount) in enumerate(items, start=1):
        lines += [
            (y, [(0.08, f"{n}. {text}")]),
            (y + 0.02, [(0.10, "Artikel"), (0.25, code)]),
            (y + 0.04, [(0.10, "Menge"), (0.25, qty)]),
            (y + 0.06, [(0.10, "Einheit"), (0.25, unit)]),
            (y + 0.08, [(0.10, "Preis"), (0.25, price)]),
            (y + 0.10, [(0.10, "Wert"), (0.25, amount)]),
        ]
        y += 0.14
    extraction = _extract(lines)
    got = [
        (i.value("sku"), i.value("description"), i.value("quantity"), i.value("unit"), i.value("amount"))
        for i in extraction.line_items
    ]
    assert got == [
        ("ITM-85458", "Ergonomic mesh task chair, black", Decimal("100"), "EA", Decimal("24181.00")),
        ("CAT-43565", "Wireless barcode scanner kit", Decimal("12"), "KIT", Decimal("2070.24")),
    ]


def test_amounts_in_indian_grouping() -> None:
    from extraction.normalize import parse_amount

    assert parse_amount("16,04,943.14") == Decimal("1604943.14")  # sixteen lakh
    assert parse_amount("12,34,56,789.00") == Decimal("123456789.00")  # twelve crore
    assert parse_amount("12,34,5") is None


def test_rates_as_a_list_of_terms_and_prices() -> None:
    from extraction.pipeline import AFTER_EXTRACTION, ExtractionJob, extract_stage, run
    from tests.fixtures_docs import page_of_lines

    intro = ["CONSULTING AGREEMENT", "This Agreement is entered into between the parties below.", "5. Fees"]
    listed = ["Senior consultant: EUR 1,200.00 per day", "Analyst — 640.00 EUR / day", "Contract value EUR 9,000.00"]
    defined = ["Senior consultant", "EUR 1,200.00 per day", "Analyst", "EUR 640.00 per day"]
    for entries in (listed, defined):
        job = ExtractionJob(b"", None, "contract", document=page_of_lines([*intro, *entries]))
        job = run(job, [extract_stage, *AFTER_EXTRACTION])
        assert job.extraction is not None
        got = [(i.value("description"), i.value("unit_price"), i.value("unit")) for i in job.extraction.line_items]
        assert got == [("Senior consultant", Decimal("1200.00"), "day"), ("Analyst", Decimal("640.00"), "day")]


def test_gridlines_read_as_characters_are_no_words_of_a_cell() -> None:
    def ruled(y: float, cells: list[tuple[float, str]]) -> tuple[float, list[tuple[float, str]]]:
        return y, [*cells, *((x - 0.01, "|") for x, _ in cells), (0.95, "|")]

    extraction = _extract(
        [
            ruled(0.22, [(0.08, "Art"), (0.14, "Bezeichnung"), (0.40, "Menge"), (0.70, "Preis"), (0.85, "Wert")]),
            ruled(0.24, [(0.08, "AB-1001"), (0.14, "Copper wire"), (0.40, "12"), (0.70, "3.50"), (0.85, "42.00")]),
            ruled(0.26, [(0.08, "AB-1002"), (0.14, "Cable ties"), (0.40, "100"), (0.70, "0.25"), (0.85, "25.00")]),
        ]
    )
    assert [(i.value("sku"), i.value("description")) for i in extraction.line_items] == [
        ("AB-1001", "Copper wire"),
        ("AB-1002", "Cable ties"),
    ]


def test_currency_marks_and_dashes_in_money_cells_stay_out_of_the_description() -> None:
    # '€' before each money value and '-' for no discount are the cells' marks, not text of the description
    extraction = _extract(
        [
            (0.30, [(0.08, "Description"), (0.40, "Qty"), (0.52, "Price"), (0.64, "Disc."), (0.80, "Amount")]),
            (0.33, [(0.08, "Premium Welding Rod"), (0.40, "28"), (0.50, "€ 1066,72"), (0.64, "-"),
                    (0.78, "€ 29868,16")]),
            (0.345, [(0.08, "with mounting kit")]),
            (0.36, [(0.08, "Standard Hex Bolt"), (0.40, "16,6"), (0.50, "€ 1011,68"), (0.64, "-"),
                    (0.78, "€ 16793,89")]),
            (0.38, [(0.08, "Circuit Breaker"), (0.40, "4"), (0.50, "€ 100,00"), (0.64, "10%"),
                    (0.78, "€ 360,00")]),
        ]
    )  # fmt: skip
    items = [(i.value("description"), i.value("quantity"), i.value("amount")) for i in extraction.line_items]
    assert items == [
        ("Premium Welding Rod with mounting kit", Decimal("28"), Decimal("29868.16")),
        ("Standard Hex Bolt", Decimal("16.6"), Decimal("16793.89")),
        ("Circuit Breaker", Decimal("4"), Decimal("360.00")),
    ]


def test_an_amount_printed_before_the_unit_price_is_found_by_arithmetic() -> None:
    # no caption row at all; the columns run description, quantity, amount, price: only the product tells them
    extraction = _extract(
        [
            (0.33, [(0.08, "Safety Gloves"), (0.45, "20"), (0.60, "7,800.00"), (0.80, "390.00")]),
            (0.35, [(0.08, "Aluminium Profile"), (0.45, "2"), (0.60, "2,482.62"), (0.80, "1,241.31")]),
            (0.37, [(0.08, "Paper Roll"), (0.45, "3"), (0.60, "4,464.04"), (0.80, "1,488.01")]),
        ]
    )
    items = [(i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items]
    assert items == [
        (Decimal("20"), Decimal("390.00"), Decimal("7800.00")),
        (Decimal("2"), Decimal("1241.31"), Decimal("2482.62")),
        (Decimal("3"), Decimal("1488.01"), Decimal("4464.04")),
    ]


def test_a_code_column_far_left_of_the_description_is_the_sku_not_a_sidebar() -> None:
    # a wide page spreads the columns: the article numbers stand far from the description, one on every row
    extraction = _extract(
        [
            (0.33, [(0.05, "MR-277947"), (0.30, "Industrial Ball Bearing"), (0.62, "30"), (0.74, "1.454,88"),
                    (0.89, "43.646,40")]),
            (0.35, [(0.05, "KH-361111"), (0.30, "Replacement Hex Bolt"), (0.62, "50"), (0.74, "74,67"),
                    (0.89, "3.733,50")]),
            (0.37, [(0.05, "RK-285103"), (0.30, "Lab Pipette Tips"), (0.62, "8"), (0.74, "963,87"),
                    (0.89, "7.710,96")]),
        ]
    )  # fmt: skip
    assert [(i.value("sku"), i.value("description")) for i in extraction.line_items] == [
        ("MR-277947", "Industrial Ball Bearing"),
        ("KH-361111", "Replacement Hex Bolt"),
        ("RK-285103", "Lab Pipette Tips"),
    ]


def test_a_table_without_prices_reads_counts_and_amounts_from_their_columns() -> None:
    # made-up captions, no unit price: the count right-aligned before the amount in every row is the quantity
    extraction = _extract(
        [
            (0.30, [(0.08, "Lutbrosor"), (0.18, "Pimdulwex"), (0.60, "Wexquagan"), (0.82, "Rixmon")]),
            (0.33, [(0.08, "1"), (0.18, "Thermal Paper Roll"), (0.65, "5"), (0.84, "2,677.85")]),
            (0.35, [(0.08, "2"), (0.18, "Stainless Flange, DIN 933"), (0.65, "3"), (0.84, "5,919.84")]),
            (0.37, [(0.08, "3"), (0.18, "Aluminium Profile"), (0.6435, "12"), (0.8335, "12,130.99")]),
        ]
    )
    items = [(i.value("description"), i.value("quantity"), i.value("amount")) for i in extraction.line_items]
    assert items == [
        ("Thermal Paper Roll", Decimal("5"), Decimal("2677.85")),
        ("Stainless Flange, DIN 933", Decimal("3"), Decimal("5919.84")),
        ("Aluminium Profile", Decimal("12"), Decimal("12130.99")),
    ]


def test_a_wrapped_description_line_opening_with_a_totals_word_goes_on_the_item() -> None:
    # 'Shipping Pallet' wraps under 'Stainless': a totals word opening the line, yet the description's next line
    extraction = _extract(
        [
            (0.33, [(0.08, "KH-487313"), (0.26, "Stainless"), (0.44, "50"), (0.55, "761.19"), (0.79, "38,059.50")]),
            (0.345, [(0.26, "Shipping Pallet")]),
            (0.36, [(0.08, "CA-228181"), (0.26, "Reinforced"), (0.44, "20"), (0.55, "1,848.97"), (0.79, "36,979.40")]),
            (0.375, [(0.26, "Monitor Arm")]),
            (0.40, [(0.55, "Shipping"), (0.79, "120.00")]),
        ]
    )  # fmt: skip
    items = [(i.value("sku"), i.value("description")) for i in extraction.line_items]
    assert items == [("KH-487313", "Stainless Shipping Pallet"), ("CA-228181", "Reinforced Monitor Arm")]


def test_a_number_with_a_space_for_thousands_is_one_number_though_its_parts_also_multiply_out() -> None:
    # 8 x 103,99 = 831,92 as well as 8 x 1 103,99 = 8 831,92: the narrow space is a thousands separator
    extraction = _extract(  # fmt: skip
        [
            (
                0.33,
                [
                    (0.08, "Premium Hard Hat"),
                    (0.45, "8"),
                    (0.55, "8"),
                    (0.5605, "831,92"),
                    (0.75, "1"),
                    (0.7605, "103,99"),
                ],
            ),
            (
                0.35,
                [(0.08, "Cable Tie"), (0.45, "2"), (0.55, "2"), (0.5605, "482,62"), (0.75, "1"), (0.7605, "241,31")],
            ),
        ]
    )
    items = [(i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items]
    assert items == [
        (Decimal("8"), Decimal("1103.99"), Decimal("8831.92")),
        (Decimal("2"), Decimal("1241.31"), Decimal("2482.62")),
    ]


def test_thousands_set_apart_by_a_monospaced_space_and_a_rate_after_the_amount() -> None:
    # a monospaced font prints the space as wide as a digit ('1 232,63'); the discount stands after the amount
    extraction = _extract(
        [
            (0.33, [(0.08, "Torque Wrench"), (0.45, "5"), (0.55, "1 232,63"), (0.75, "6 163,15"), (0.88, "5%")]),
            (0.35, [(0.08, "Patch Cable"), (0.45, "2"), (0.55, "2 379,41"), (0.75, "4 758,82"), (0.88, "-")]),
            (0.37, [(0.08, "Coffee Beans"), (0.45, "4"), (0.563, "870,35"), (0.75, "3 481,40"), (0.88, "-")]),
        ]
    )  # fmt: skip
    items = [(i.value("description"), i.value("quantity"), i.value("amount")) for i in extraction.line_items]
    assert items == [
        ("Torque Wrench", Decimal("5"), Decimal("6163.15")),
        ("Patch Cable", Decimal("2"), Decimal("4758.82")),
        ("Coffee Beans", Decimal("4"), Decimal("3481.40")),
    ]


def test_an_amount_with_two_thousands_groups_and_a_unit_after_the_quantity() -> None:
    # '1 644 228,00': two spaces inside one amount; the units after the quantities are still a unit column
    extraction = _extract(
        [
            (0.33, [(0.08, "Hi-Vis Vest"), (0.4365, "1"), (0.4495, "200"), (0.48, "l"), (0.5465, "1"),
                    (0.5595, "370,19"), (0.6935, "1"), (0.7065, "644"), (0.7325, "228,00")]),
            (0.35, [(0.08, "Pro Hex Bolt"), (0.456, "10"), (0.48, "ea"), (0.5465, "2"), (0.5595, "321,82"),
                    (0.713, "23"), (0.7325, "218,20")]),
            (0.37, [(0.08, "Patch Cable"), (0.456, "26"), (0.48, "ea"), (0.5595, "323,95"), (0.7195, "8"),
                    (0.7325, "422,70")]),
        ]
    )  # fmt: skip
    items = [(i.value("quantity"), i.value("unit"), i.value("amount")) for i in extraction.line_items]
    assert items == [
        (Decimal("1200"), "l", Decimal("1644228.00")),
        (Decimal("10"), "ea", Decimal("23218.20")),
        (Decimal("26"), "ea", Decimal("8422.70")),
    ]


def _codes_table(caption: str, codes: list[str]) -> Extraction:
    quantities, prices, amounts = ["3", "40", "7"], ["18.20", "2.75", "310.00"], ["54.60", "110.00", "2,170.00"]
    header = [(0.07, "Ln"), (0.12, "Description"), (0.46, caption), (0.62, "Qty"), (0.72, "Rate"), (0.86, "Total")]
    rows = [(0.30, header)]
    for index, (code, qty, price, amount) in enumerate(zip(codes, quantities, prices, amounts, strict=True)):
        rows.append((0.33 + 0.025 * index, [(0.07, str(index + 1)), (0.12, f"Spare part {index + 1}"), (0.46, code),
                                             (0.63, qty), (0.72, price), (0.86, amount)]))  # fmt: skip
    return _extract(rows)


@pytest.mark.parametrize("caption", ["Maker", "Vendor #"])
def test_a_column_of_article_codes_under_a_caption_naming_nothing_is_the_sku(caption: str) -> None:
    # 'Maker' names no known column, 'Vendor #' only one already taken ('Ln' numbers the lines); a lenient number
    # reading takes 'KBX-40211' for a currency code and -40211, yet letters, a dash and digits make a code
    got = _codes_table(caption, ["KBX-40211", "PRT-9931", "KBX-118/2"])
    assert [(i.value("sku"), i.value("quantity")) for i in got.line_items] == [
        ("KBX-40211", Decimal(3)),
        ("PRT-9931", Decimal(40)),
        ("KBX-118/2", Decimal(7)),
    ]


def test_bare_digit_codes_are_the_sku_only_beside_a_full_set_of_priced_columns() -> None:
    # tariff (HS) numbers: eight digits, no separator, where quantity, rate and total all have their columns
    got = _codes_table("Tariff", ["84713000", "40169300", "73181500"])
    assert [i.value("sku") for i in got.line_items] == ["84713000", "40169300", "73181500"]
    # pack sizes are small counts, not codes: no SKU read from them
    packs = _codes_table("Pack", ["12", "24", "6"])
    assert [i.value("sku") for i in packs.line_items] == [None, None, None]
    assert [i.value("amount") for i in packs.line_items] == [Decimal("54.60"), Decimal("110.00"), Decimal("2170.00")]


def test_rates_set_in_two_columns_without_a_separator() -> None:
    # an annex that sets each charge's name at the left margin and its price at a tab stop, no colon or dash;
    # the total under them (the sum of the prices) is no rate
    from extraction.pipeline import AFTER_EXTRACTION, ExtractionJob, extract_stage, run

    lines = [
        (0.10, [(0.10, "SERVICES AGREEMENT")]),
        (0.14, [(0.10, "The Provider performs the services below at the charges in Annex 2.")]),
        (0.20, [(0.10, "Annex 2 Charges")]),
        (0.23, [(0.12, "Site survey"), (0.50, "USD 480.00 per visit")]),
        (0.26, [(0.12, "Drawing revision"), (0.50, "USD 95.50 per sheet")]),
        (0.29, [(0.12, "Standby crew"), (0.50, "USD 1,240.00 per shift")]),
        (0.32, [(0.12, "Total"), (0.50, "USD 1,815.50")]),
        (0.36, [(0.10, "Late payments bear interest of USD 25.00 per week.")]),
    ]
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    job = ExtractionJob(b"", None, "contract", document=Document([Page(1, 612, 792, words, "text")]))
    job = run(job, [extract_stage, *AFTER_EXTRACTION])
    assert job.extraction is not None
    got = [(i.value("description"), i.value("unit_price"), i.value("unit")) for i in job.extraction.line_items]
    assert got == [
        ("Site survey", Decimal("480.00"), "visit"),
        ("Drawing revision", Decimal("95.50"), "sheet"),
        ("Standby crew", Decimal("1240.00"), "shift"),
    ]


def test_two_counted_rows_whose_counts_stand_far_apart_are_no_table_and_raise_nothing():
    from extraction.heuristic.geometry import _counted_amounts
    from extraction.layout import group_lines

    # each line: text, a count and a money amount; the counts end a third of the page apart, so neither is at the
    # two rows' median edge (a page of unrelated lines OCR read in pieces)
    words = words_at("Pallet racking bay", 0.05, 0.20) + words_at("4", 0.30, 0.20) + words_at("1280.00", 0.80, 0.20)
    words += words_at("Forklift hire week", 0.05, 0.24) + words_at("2", 0.62, 0.24) + words_at("910.50", 0.81, 0.24)
    assert _counted_amounts(group_lines(words), None, CHAR) == []


def _right(text: str, right: float) -> tuple[float, str]:
    """(x, text) of a value right-aligned at ``right`` (words_at's character width)."""
    return right - CHAR * len(text), text


def test_cards_titled_by_their_amount_with_made_up_captions() -> None:
    # the item and its amount on the title line, the quantity and price on the line under it, captions that are
    # no words of any language: the card shows itself by quantity x price = the title's amount
    def card(y: float, number: str, title: str, qty: str, unit: str, price: str, amount: str):
        return [
            (y, [(0.08, number), (0.11, title), _right(amount, 0.86), (0.87, "Fr.")]),
            (y + 0.02, [(0.11, "Brotem:"), (0.16, f"{qty} {unit}"), (0.30, "Quazil:"), (0.35, price), (0.42, "Fr.")]),
        ]  # fmt: skip

    extraction = _extract(
        [
            (0.10, [(0.08, "Marrowfield Instruments AG")]),
            *card(0.30, "10", "Hex bolt M8, zinc plated", "2'500", "pcs", "0.48", "1'200.00"),
            *card(0.36, "20", "Work bench, black", "3", "ea", "874.40", "2'623.20"),
            (0.42, [(0.60, "Total"), _right("3'823.20", 0.86), (0.87, "Fr.")]),
        ]
    )
    items = [
        (i.value("description"), i.value("quantity"), i.value("unit"), i.value("unit_price"), i.value("amount"))
        for i in extraction.line_items
    ]
    assert items == [
        ("Hex bolt M8, zinc plated", Decimal("2500"), "pcs", Decimal("0.48"), Decimal("1200.00")),
        ("Work bench, black", Decimal("3"), "ea", Decimal("874.40"), Decimal("2623.20")),
    ]


def test_uncaptioned_cards_price_before_quantity_credit_and_free_item() -> None:
    # no captions; the price printed before the quantity (the quantity is the one a unit follows), a credit with a
    # trailing minus, a free item whose zero price pairs with the quantity beside it, not a numeric reference
    extraction = _extract(
        [
            (0.10, [(0.08, "Marrowfield Instruments AG")]),
            (0.30, [(0.08, "1.1 Patch cable, 2 m"), _right("31.50", 0.86)]),
            (0.32, [(0.11, "10.50"), (0.20, "3 m")]),
            (0.36, [(0.08, "1.2 Returned goods"), _right("21.00-", 0.86)]),
            (0.38, [(0.11, "21.00-"), (0.20, "1 pc")]),
            (0.42, [(0.08, "1.3 Sample kit, free of charge"), _right("0.00", 0.86)]),
            (0.44, [(0.11, "271.4498"), (0.20, "8 pc"), (0.30, "0.00")]),
        ]
    )
    items = [(i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items]
    assert items == [
        (Decimal("3"), Decimal("10.50"), Decimal("31.50")),
        (Decimal("1"), Decimal("-21.00"), Decimal("-21.00")),
        (Decimal("8"), Decimal("0.00"), Decimal("0.00")),
    ]


def test_cards_priced_per_hundred_and_gross_of_discount_and_tax() -> None:
    # 'per 100' after the price makes it no quantity; an amount less a discount rate, then plus a tax rate
    extraction = _extract(
        [
            (0.10, [(0.08, "Marrowfield Instruments AG")]),
            (0.30, [(0.08, "1 Network switch"), _right("27.54", 0.86)]),
            (0.32, [(0.11, "Mnoz:"), (0.16, "93.393"), (0.30, "Cen:"), (0.35, "29.49 per 100")]),
            (0.36, [(0.08, "2 Epoxy resin"), _right("1080.00", 0.86)]),
            (0.38, [(0.11, "Mnoz:"), (0.16, "10 pcs"), (0.30, "Cen:"), (0.35, "100.00"), (0.45, "10%"), (0.55, "20%")]),
        ]
    )
    items = [(i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items]
    assert items == [
        (Decimal("93.393"), None, Decimal("27.54")),
        (Decimal("10"), Decimal("100.00"), Decimal("1080.00")),
    ]


def test_a_running_total_column_is_no_amount() -> None:
    # captions naming nothing known; right of each row's amount, a column that grows by that amount down the rows
    # (a running total): the amount is the one that quantity x price makes, the running total is read and dropped,
    # and a currency code printed on every row is the money's, no unit
    extraction = _extract(
        [
            (0.30, [(0.05, "Nr"), (0.10, "Bezeichnung"), (0.42, "Anz."), (0.50, "Preis"), (0.60, "Wäh."),
                    (0.70, "Betrag"), (0.85, "Kumuliert")]),
            (0.33, [(0.05, "1"), (0.10, "Kabelbinder schwarz"), (0.44, "6"), (0.50, "2.828,48"), (0.60, "CHF"),
                    (0.70, "16.970,88"), (0.85, "16.970,88")]),
            (0.35, [(0.05, "2"), (0.10, "Schraubendreher Satz"), (0.43, "100"), (0.50, "12.891,00"), (0.60, "CHF"),
                    (0.68, "1.289.100,00"), (0.83, "1.306.070,88")]),
            (0.37, [(0.05, "3"), (0.10, "Isolierband rot"), (0.44, "2"), (0.50, "4.793,15"), (0.60, "CHF"),
                    (0.70, "9.586,30"), (0.83, "1.315.657,18")]),
            (0.40, [(0.60, "Summe"), (0.83, "1.315.657,18")]),
        ]
    )  # fmt: skip
    lines = [
        (i.value("quantity"), i.value("unit_price"), i.value("amount"), i.value("unit")) for i in extraction.line_items
    ]
    assert lines == [
        (Decimal("6"), Decimal("2828.48"), Decimal("16970.88"), None),
        (Decimal("100"), Decimal("12891.00"), Decimal("1289100.00"), None),
        (Decimal("2"), Decimal("4793.15"), Decimal("9586.30"), None),
    ]


def test_a_rate_card_by_role_takes_the_worded_column_as_the_unit_not_the_grade() -> None:
    # two short columns after the role: a grade code ('L3') and the unit charged per ('hour', 'day')
    extraction = _extract(
        [
            (0.40, [(0.11, "Rolle"), (0.40, "Stufe"), (0.55, "Einheit"), (0.80, "Satz")]),
            (0.42, [(0.11, "Lead engineer"), (0.40, "L3"), (0.55, "day"), (0.8305, "1,959.68")]),
            (0.44, [(0.11, "Junior tester"), (0.40, "L1"), (0.55, "hour"), (0.8468, "128.70")]),
            (0.46, [(0.11, "Programme manager"), (0.40, "L5"), (0.55, "day"), (0.8305, "2,216.72")]),
        ],
        "contract",
    )  # fmt: skip
    rates = [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]
    assert rates == [
        ("Lead engineer", "day", Decimal("1959.68")),
        ("Junior tester", "hour", Decimal("128.70")),
        ("Programme manager", "day", Decimal("2216.72")),
    ]


def test_whole_pesos_with_dots_for_thousands() -> None:
    # no number prints cents; '6.357.800' shows the dot is the thousands separator, so '635.780' is 635780
    extraction = _extract(
        [
            (0.30, [(0.05, "Cod."), (0.15, "Glosa"), (0.50, "Cant."), (0.60, "P. unit."), (0.80, "Valor")]),
            (0.33, [(0.05, "AB1021"), (0.15, "Tornillo hexagonal"), (0.51, "10"), (0.60, "635.780"),
                    (0.80, "6.357.800")]),
            (0.35, [(0.05, "AB3302"), (0.15, "Cinta aislante"), (0.52, "3"), (0.60, "809.660"),
                    (0.80, "2.428.980")]),
            (0.37, [(0.05, "AB4410"), (0.15, "Guantes de nitrilo"), (0.52, "1"), (0.60, "153.070"),
                    (0.81, "153.070")]),
        ]
    )  # fmt: skip
    lines = [
        (i.value("sku"), i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items
    ]
    assert lines == [
        ("AB1021", Decimal("10"), Decimal("635780"), Decimal("6357800")),
        ("AB3302", Decimal("3"), Decimal("809660"), Decimal("2428980")),
        ("AB4410", Decimal("1"), Decimal("153070"), Decimal("153070")),
    ]


@pytest.mark.parametrize(("mark", "unit"), [("ROL", "ROL"), ("CHF", None)])
def test_a_three_capital_column_is_the_money_s_mark_only_for_a_currency_in_use(mark: str, unit: str | None) -> None:
    # 'ROL' (a roll) was Romania's currency code until 2005: a code no money uses today is a unit; 'CHF' is the mark
    extraction = _extract(
        [
            (0.30, [(0.08, "Vorp"), (0.40, "Zlat"), (0.55, "Quib"), (0.80, "Frell")]),  # captions naming nothing
            (0.33, [(0.08, "Stretch film 500 mm"), (0.40, "12"), (0.55, "18.50"), (0.66, mark), (0.80, "222.00")]),
            (0.36, [(0.08, "Kraft paper 90 g"), (0.40, "4"), (0.55, "42.00"), (0.66, mark), (0.80, "168.00")]),
        ]
    )
    items = [(i.value("description"), i.value("quantity"), i.value("unit")) for i in extraction.line_items]
    assert items == [("Stretch film 500 mm", Decimal("12"), unit), ("Kraft paper 90 g", Decimal("4"), unit)]


def test_an_item_on_two_lines_with_its_unit_written_out_and_a_times_sign() -> None:
    # each item prints position, code and text on one line, quantity, unit, 'x' and the money on the next, as the
    # header's two lines do; the unit is a word ('sztuki', 'metry'), the 'x' between quantity and price only
    # multiplies
    lines: list[tuple[float, list[tuple[float, str]]]] = [
        (0.28, [(0.07, "Lp"), (0.12, "Indeks"), (0.30, "Nazwa towaru")]),
        (0.30, [(0.44, "Ilość"), (0.50, "JM"), (0.66, "Cena"), (0.86, "Wartość")]),
    ]
    items = [("1", "QX-44120", "Filter cartridge 10 in", "3", "sztuki", "1 250,00", "3 750,00"),
             ("2", "RB-20915", "Rubber hose 3/4 in", "12", "metry", "84,50", "1 014,00"),
             ("3", "VK-88130", "Ball valve DN25", "2", "sztuki", "310,00", "620,00")]  # fmt: skip
    for k, (position, code, text, quantity, unit, price, amount) in enumerate(items):
        y = 0.33 + 0.035 * k
        lines.append((y, [(0.07, position), (0.12, code), (0.30, text)]))
        lines.append((y + 0.014, [(0.46, quantity), (0.48, unit), (0.61, "x"), (0.66, price), (0.86, amount)]))
    lines.append((0.45, [(0.55, "Razem"), (0.86, "5 384,00")]))
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    document = Document([Page(1, 595, 842, words, "text")])
    extraction = HeuristicExtractor().extract(document, "purchase_order")
    read_upper_lines(document, extraction)
    read = [
        (i.value("sku"), i.value("description"), i.value("unit"), i.value("quantity")) for i in extraction.line_items
    ]
    assert read == [
        ("QX-44120", "Filter cartridge 10 in", "sztuki", Decimal("3")),
        ("RB-20915", "Rubber hose 3/4 in", "metry", Decimal("12")),
        ("VK-88130", "Ball valve DN25", "sztuki", Decimal("2")),
    ]


def test_an_article_number_printed_under_the_item_is_its_sku() -> None:
    # no code column: the article number stands under the text in smaller print, captioned as a code column
    # would be; a batch number under an item stays an extra
    small = 0.7 * HEIGHT
    lines = [(0.30, [(0.10, "Bezeichnung"), (0.58, "Menge"), (0.70, "Einzelpreis"), (0.86, "Summe")])]
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    rows = [("Druckerpapier A4 80 g", "Art.-Nr. 448120", "5", "4,20", "21,00"),
            ("Heftgerät Metall", "Charge: 7168", "2", "12,35", "24,70")]  # fmt: skip
    for k, (text, under, quantity, price, amount) in enumerate(rows):
        y = 0.33 + 0.04 * k
        for x, cell in ((0.10, text), (0.59, quantity), (0.71, price), (0.86, amount)):
            words += words_at(cell, x, y)
        words += words_at(under, 0.10, y + 0.016, 0.7 * CHAR, small)
    words += words_at("Gesamt", 0.55, 0.42) + words_at("45,70", 0.86, 0.42)
    extraction = HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")
    read = [(i.value("sku"), i.value("description"), i.extra) for i in extraction.line_items]
    assert read == [
        ("448120", "Druckerpapier A4 80 g", {}),
        (None, "Heftgerät Metall", {"Charge": "7168"}),
    ]


def test_licence_tiers_named_in_the_first_column_beside_user_ranges_and_one_unit() -> None:
    # the tier's bounds ('1 - 20') are no text and the unit the same on every row ('Nutzer/Monat') tells no row
    # from another, however long: the tier's name describes the row
    extraction = _extract(
        [
            (0.40, [(0.08, "Stufe"), (0.27, "Anzahl Nutzer"), (0.61, "Einheit"), (0.80, "Preis je Nutzer (EUR)")]),
            (0.42, [(0.08, "Stufe 1"), (0.27, "1 - 20"), (0.61, "Nutzer/Monat"), (0.8727, "31,40")]),
            (0.44, [(0.08, "Stufe 2"), (0.27, "21 - 200"), (0.61, "Nutzer/Monat"), (0.8727, "24,15")]),
            (0.46, [(0.08, "Stufe 3"), (0.27, "201 - 900"), (0.61, "Nutzer/Monat"), (0.8823, "8,05")]),
        ],
        "contract",
    )  # fmt: skip
    rates = [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]
    assert rates == [
        ("Stufe 1", "Nutzer/Monat", Decimal("31.40")),
        ("Stufe 2", "Nutzer/Monat", Decimal("24.15")),
        ("Stufe 3", "Nutzer/Monat", Decimal("8.05")),
    ]


def test_service_tiers_whose_terms_open_with_a_number_are_no_counts() -> None:
    # '6 horas, 8x5' is the tier's response time, not a quantity (nothing on the row multiplies out); a row
    # without a number before its unit ('Siguiente día hábil') is a tier too, and the tier's name describes it
    extraction = _extract(
        [
            (0.40, [(0.06, "Nivel"), (0.26, "Respuesta / horario"), (0.61, "Por"), (0.81, "Cuota mensual (MXN)")]),
            (0.42, [(0.06, "Básico"), (0.26, "Siguiente día hábil, 8x5"), (0.61, "mes"), (0.871, "4,120.00")]),
            (0.44, [(0.06, "Plata"), (0.26, "6 horas, 12x6"), (0.61, "mes"), (0.861, "15,340.00")]),
            (0.46, [(0.06, "Oro"), (0.26, "2 horas, 24x7"), (0.61, "mes"), (0.861, "29,980.00")]),
        ],
        "contract",
    )  # fmt: skip
    rates = [
        (i.value("description"), i.value("quantity"), i.value("unit_price"), i.value("amount"))
        for i in extraction.line_items
    ]
    assert rates == [
        ("Básico", None, Decimal("4120.00"), None),
        ("Plata", None, Decimal("15340.00"), None),
        ("Oro", None, Decimal("29980.00"), None),
    ]


def test_goods_over_their_numbers_a_weight_beside_them_and_the_code_after_the_description() -> None:
    # each row's text sits at its top (description wrapped, code after it), its numbers on the row's last line
    # under them; the weight there ('7,931.9 kg') is no description, the code column the only one is the SKU
    extraction = _extract(
        [
            (0.200, [(0.07, "Premium First Aid Kit,"), (0.30, "000000000000660630")]),
            (0.216, [(0.07, "10 m roll, packed on")]),
            (0.232, [(0.20, "7,931.9 kg"), (0.52, "58.604"), (0.60, "kg"), (0.66, "$ 2,228.37"),
                     (0.84, "$ 130,591.40")]),
            (0.252, [(0.07, "Replacement Copper"), (0.30, "000000000008864197")]),
            (0.268, [(0.07, "Wire, 1/2 inch")]),
            (0.284, [(0.20, "7,751.3 kg"), (0.52, "65.681"), (0.60, "kg"), (0.66, "$ 971.92"), (0.84, "$ 63,836.68")]),
            (0.304, [(0.07, "Standard Lubricant Oil,"), (0.30, "000000000005202246")]),
            (0.320, [(0.07, "class A")]),
            (0.336, [(0.20, "3,925.2 kg"), (0.52, "722.88"), (0.60, "kg"), (0.66, "$ 1,884.47"),
                     (0.84, "$ 1,362,245.67")]),
        ]
    )  # fmt: skip
    items = [
        (i.value("sku"), i.value("description"), i.value("quantity"), i.value("unit_price"), i.value("amount"))
        for i in extraction.line_items
    ]
    assert items == [
        ("000000000000660630", "Premium First Aid Kit, 10 m roll, packed on", Decimal("58.604"), Decimal("2228.37"),
         Decimal("130591.40")),
        ("000000000008864197", "Replacement Copper Wire, 1/2 inch", Decimal("65.681"), Decimal("971.92"),
         Decimal("63836.68")),
        ("000000000005202246", "Standard Lubricant Oil, class A", Decimal("722.88"), Decimal("1884.47"),
         Decimal("1362245.67")),
    ]  # fmt: skip


def test_the_price_is_the_column_printed_with_the_currency_where_it_stands_before_the_quantity() -> None:
    # qty x price reads the same both ways and both print two or three places: the mark beside one tells
    extraction = _extract(
        [
            (0.30, [(0.07, "1"), (0.10, "AB-14754"), (0.22, "Antistatic Hard Hat"), (0.45, "1,407.856 EUR"),
                    (0.62, "854.06"), (0.80, "1,202,393.50 EUR")]),
            (0.32, [(0.07, "2"), (0.10, "AH-669309"), (0.22, "Stainless Hard Hat"), (0.45, "1,970.649 EUR"),
                    (0.62, "6,671.30"), (0.80, "13,146,790.67 EUR")]),
            (0.34, [(0.07, "3"), (0.10, "HA-674765"), (0.22, "Industrial Lubricant Oil"), (0.45, "118.651 EUR"),
                    (0.62, "97.64"), (0.80, "11,585.08 EUR")]),
        ]
    )  # fmt: skip
    pairs = [(i.value("quantity"), i.value("unit_price")) for i in extraction.line_items]
    assert pairs == [
        (Decimal("854.06"), Decimal("1407.856")),
        (Decimal("6671.30"), Decimal("1970.649")),
        (Decimal("97.64"), Decimal("118.651")),
    ]
