"""General reading rules of the heuristic extractor on born-digital pages whose words it has never met: rates in
prose read by their shared wording, a table ending at a heading after a blank band, one tax id for one party, an
order's 'dated' date, payment terms whole in a value cell."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import page_of_lines

CHAR = 0.007  # page fraction per character
HEIGHT = 0.011


def _words(rows: list[tuple[float, list[tuple[str, float]]]], small: tuple[float, ...] = ()) -> list[Word]:
    """(y, [(text, x)]) -> words, one line per row, boxes sized by the text; rows at ``small`` in smaller print."""
    out = []
    for y, cells in rows:
        scale = 0.8 if y in small else 1.0
        for text, x in cells:
            for token in text.split():
                out.append(Word(token, (x, y, x + scale * CHAR * len(token), y + scale * HEIGHT)))
                x += scale * CHAR * (len(token) + 1)
    return out


def _extract(doc: Document, doc_type: str) -> Extraction:
    return HeuristicExtractor().extract(doc, doc_type)


def _rates(extraction: Extraction) -> list[tuple[object, object, object]]:
    return [(i.value("description"), i.value("unit_price"), i.value("unit")) for i in extraction.line_items]


def test_rates_in_prose_are_read_by_their_shared_wording_in_any_language() -> None:
    doc = page_of_lines(
        [
            "Rahmenvertrag Nr. RV-2026-14",
            "7. Vergütung",
            "Die Vergütung ist zuzüglich der gesetzlichen Umsatzsteuer zu zahlen.",
            "Für Datenmigration berechnet der Anbieter EUR 1.230,00 pro Projekt.",
            "Für Wartung der Server berechnet der Anbieter EUR 95,50 pro Stunde.",
            "Für Schulung vor Ort berechnet der Anbieter EUR 2.019,00 pro Tag.",
            "8. Haftung",
        ]
    )
    assert _rates(_extract(doc, "contract")) == [
        ("Datenmigration", Decimal("1230.00"), "Projekt"),
        ("Wartung der Server", Decimal("95.50"), "Stunde"),
        ("Schulung vor Ort", Decimal("2019.00"), "Tag"),
    ]


def test_sentences_with_an_amount_that_share_no_wording_are_no_schedule() -> None:
    doc = page_of_lines(
        [
            "The liability of either party is limited to USD 50,000.00 in any year.",
            "Late payments bear interest; a reminder costs USD 25.00 each time.",
            "Either party may terminate on thirty days notice.",
        ]
    )
    assert _extract(doc, "contract").line_items == []


def test_a_price_list_ends_at_a_heading_after_a_blank_band() -> None:
    header = [("Description", 0.10), ("Unit", 0.55), ("Rate", 0.80)]
    rows = [(0.20, header)]
    rows += [(0.22 + 0.02 * i, [(d, 0.10), (u, 0.55), (p, 0.80)]) for i, (d, u, p) in enumerate(
        [("Data migration", "project", "1,307.00"), ("Legal review", "hour", "2,848.00")]
    )]  # fmt: skip
    rows.append((0.30, [("Payment plan", 0.10)]))  # a heading after a blank band: another table follows
    rows += [(0.33 + 0.02 * i, [(d, 0.10), (u, 0.55), (p, 0.80)]) for i, (d, u, p) in enumerate(
        [("Acceptance", "2025-03-07", "23,000.00"), ("Go-live", "2025-04-13", "12,000.00")]
    )]  # fmt: skip
    extraction = _extract(Document([Page(1, 595, 842, _words(rows))]), "contract")
    assert _rates(extraction) == [
        ("Data migration", Decimal("1307.00"), "project"),
        ("Legal review", Decimal("2848.00"), "hour"),
    ]


def _order_page(
    extra: list[tuple[float, list[tuple[str, float]]]], small: tuple[float, ...] = (), numbered: bool = True
) -> Document:
    rows = [
        (0.05, [("Northwind Traders GmbH", 0.08)]),
        *([(0.12, [("Referenz", 0.08), ("PO-2026-0042", 0.30)])] if numbered else []),
        *extra,
        (0.40, [("Article", 0.08), ("Description", 0.20), ("Qty", 0.60), ("Unit Price", 0.70), ("Amount", 0.85)]),
        (0.43, [("A-100", 0.08), ("Hex bolt", 0.20), ("10", 0.60), ("2.50", 0.70), ("25.00", 0.85)]),
        (0.46, [("A-200", 0.08), ("Washer", 0.20), ("4", 0.60), ("1.25", 0.70), ("5.00", 0.85)]),
    ]
    return Document([Page(1, 595, 842, _words(rows, small))])


def test_a_tax_id_in_the_vendors_block_is_not_also_the_buyers() -> None:
    doc = _order_page(
        [
            (0.20, [("Lieferant", 0.08)]),
            (0.215, [("Harbour Tools B.V.", 0.08)]),
            (0.23, [("Kade 12, 1011 AB Amsterdam", 0.08)]),
            (0.245, [("VAT: NL794439925B01", 0.08)]),
        ],
        small=(0.20,),  # the caption over the block, in smaller print than the name
    )
    extraction = _extract(doc, "purchase_order")
    assert extraction.value("vendor_tax_id") == "NL794439925B01"
    assert "buyer_tax_id" not in extraction.fields


def test_an_orders_dated_date_is_its_order_date_not_an_effective_date() -> None:
    extraction = _extract(_order_page([(0.15, [("Document Dated", 0.08), ("May 16, 2024", 0.30)])]), "purchase_order")
    assert extraction.value("order_date") == date(2024, 5, 16)
    assert "effective_date" not in extraction.fields


def test_payment_terms_alone_in_a_value_cell_are_read_whole() -> None:
    for caption in ("Zahlungsbedingungen", "Zahlungsbedingungen ....."):
        doc = _order_page([(0.15, [(caption, 0.08), ("Due on receipt", 0.30)])])
        assert _extract(doc, "purchase_order").value("payment_terms") == "Due on receipt"
    # in a sentence, the terms are what follows the verb
    sentence = page_of_lines(["Invoices are payable within 30 days of receipt of invoice by the Buyer."])
    assert _extract(sentence, "contract").value("payment_terms") == "within 30 days of receipt of invoice"


def test_a_currency_sign_in_plain_letters_after_the_amounts() -> None:
    for amount in ("30.00 zl", "zl 30.00"):
        doc = _order_page([(0.50, [("Razem", 0.60), (amount, 0.85)])])
        assert _extract(doc, "purchase_order").value("currency") == "PLN"
    # a crown by the country the page names, a rupee, any ISO code beside an amount
    for amount, country, code in (("kr 30.00", "Oslo, Norway", "NOK"), ("Rs. 30.00", "Pune", "INR"),
                                  ("30.00 MAD", "Casablanca", "MAD")):  # fmt: skip
        doc = _order_page([(0.15, [(country, 0.08)]), (0.50, [("Razem", 0.60), (amount, 0.85)])])
        assert _extract(doc, "purchase_order").value("currency") == code
    # the same letters elsewhere are no currency
    assert _extract(_order_page([(0.15, [("Ref", 0.08), ("zl", 0.30)])]), "purchase_order").value("currency") is None


def test_a_unit_between_quantity_and_price_is_no_currency_and_the_totals_currency_wins() -> None:
    header = [("Item", 0.08), ("Description", 0.20), ("Qty", 0.55), ("Unit", 0.63), ("Price", 0.72), ("Net", 0.85)]
    rows = [(0.05, [("Northwind Traders Pty Ltd", 0.08)]), (0.12, [("Referenz", 0.08), ("PO-2026-0042", 0.30)])]
    rows.append((0.40, header))
    for k in range(4):  # 'FT' (feet) reads as the forint's 'Ft' beside numbers
        row = [("A-10" + str(k), 0.08), ("Hose", 0.20), ("10", 0.55), ("FT", 0.63), ("2.50", 0.72), ("25.00", 0.85)]
        rows.append((0.43 + 0.03 * k, row))
    rows.append((0.60, [("Goods", 0.60), ("100.00 AUD", 0.80)]))
    extraction = _extract(Document([Page(1, 595, 842, _words(rows))]), "purchase_order")
    assert extraction.value("currency") == "AUD"


def _sidebar_order(rows: list[tuple[str, str, str, str, str]], sidebar: list[tuple[str, str]]) -> Document:
    """A table whose captions name nothing known, right of a sidebar of header fields (caption, then value) whose
    lines fall on its rows' lines; each description wraps onto a second line beside the sidebar's value."""
    lines: list[tuple[float, list[tuple[str, float]]]] = [
        (
            0.20,
            [("Pos", 0.33), ("Kennung", 0.37), ("Bezeichnung", 0.45), ("Menge", 0.64), ("Preis", 0.74), ("Wert", 0.87)],
        )
    ]
    for index, (sku, description, qty, price, amount) in enumerate(rows):
        caption, value = sidebar[index]
        first, _, rest = description.partition(" ")
        cells = [(str(10 * (index + 1)), 0.33), (sku, 0.37), (first, 0.45), (qty, 0.64), (price, 0.74), (amount, 0.87)]
        lines.append((0.23 + 0.04 * index, [(caption, 0.05), *cells]))
        lines.append((0.245 + 0.04 * index, [(value, 0.05), (rest, 0.45)]))
    return Document([Page(1, 595, 842, _words(lines))])


def test_a_sidebar_beside_a_table_found_by_arithmetic_is_no_column_of_it() -> None:
    rows = [
        ("A-671349", "Industrial adhesive", "60", "448,00", "26.880,00"),
        ("A-470478", "Spare part kit", "5", "8.880,00", "44.400,00"),
        ("A-749983", "Cleaning solvent", "12", "64,00", "768,00"),
    ]
    sidebar = [("Devise", "EUR"), ("Règlement", "Net 60"), ("Fournisseur", "Falcon SA")]
    extraction = _extract(_sidebar_order(rows, sidebar), "purchase_order")
    got = [
        (i.value("sku"), i.value("description"), i.value("quantity"), i.value("amount")) for i in extraction.line_items
    ]
    assert got == [(sku, d, Decimal(q), Decimal(a.replace(".", "").replace(",", "."))) for sku, d, q, _, a in rows]


def test_a_quantity_with_a_space_for_thousands_is_one_number_not_a_digit_of_the_text() -> None:
    header = [("Description", 0.10), ("Qty", 0.52), ("Unit Price", 0.66), ("Amount", 0.82)]
    rows = [(0.20, header)]
    # '2 500': the head '2' stands left of where the quantity column's narrower values start
    rows.append(
        (
            0.23,
            [("On-site consulting", 0.10), ("2", 0.497), ("500", 0.504 + CHAR), ("58.50", 0.66), ("146,250.00", 0.80)],
        )
    )
    rows.append((0.26, [("Legal review", 0.10), ("60", 0.53), ("731.00", 0.66), ("43,860.00", 0.81)]))
    items = _extract(Document([Page(1, 595, 842, _words(rows))]), "purchase_order").line_items
    assert [(i.value("description"), i.value("quantity")) for i in items] == [
        ("On-site consulting", Decimal("2500")),
        ("Legal review", Decimal("60")),
    ]


def test_the_order_number_in_a_title_beats_another_captioned_number() -> None:
    for title, number in (("Order - PUR-5877", "PUR-5877"), ("Purchase Order Form Nr. P3721541", "P3721541")):
        extra = [(0.09, [(title, 0.55)]), (0.15, [("Account No.:", 0.55), ("941851", 0.70)])]
        doc = _order_page(extra, numbered=False)
        assert _extract(doc, "purchase_order").value("po_number") == number


def test_totals_by_arithmetic_with_the_currency_sign_after_the_amounts() -> None:
    totals = [
        (0.50, [("Nettobetrag", 0.58), ("30,00 €", 0.85)]),
        (0.53, [("MwSt. 19 %", 0.58), ("5,70 €", 0.85)]),
        (0.56, [("Gesamtbetrag", 0.58), ("35,70 €", 0.85)]),
    ]
    extraction = _extract(_order_page(totals), "purchase_order")
    assert (extraction.value("subtotal"), extraction.value("total")) == (Decimal("30.00"), Decimal("35.70"))


def test_an_unknown_caption_and_its_value_in_one_phrase_split_at_the_colon() -> None:
    extraction = _extract(_order_page([(0.15, [("Ausstellungsdatum: 4. März 2026", 0.08)])]), "purchase_order")
    assert extraction.value("order_date") == date(2026, 3, 4)


def test_a_place_name_starting_like_a_tax_id_label_does_not_hide_the_partys_tax_id() -> None:
    doc = page_of_lines(
        [
            "This Agreement is entered into as of 18 April 2023 by and between Sierra Supply SRL, Bruxelles, Belgium",
            '(VAT No. BE0849166209) (the "Customer"), and Tidewater Data B.V., Stationsplein 50, 5611 AZ Eindhoven,',
            'Netherlands (VAT No. NL794439925B01) (the "Supplier").',
        ]
    )
    extraction = _extract(doc, "contract")
    assert (extraction.value("buyer_tax_id"), extraction.value("vendor_tax_id")) == ("BE0849166209", "NL794439925B01")


def test_right_aligned_line_numbers_counting_past_a_hundred_are_no_item_codes() -> None:
    header = [("Lig.", 0.30), ("Réf.", 0.34), ("Libellé", 0.45), ("Qté", 0.66), ("P.U.", 0.74), ("Montant", 0.86)]
    lines: list[tuple[float, list[tuple[str, float]]]] = [(0.10, header)]
    items = [
        ("90", "143778", "Ball bearing", "60", "196,00", "11.760,00"),
        ("100", "865711", "First aid kit", "12", "28,00", "336,00"),
        ("110", "109126", "Torque wrench", "50", "80,00", "4.000,00"),
    ]
    for index, (number, sku, description, qty, price, amount) in enumerate(items):
        x = 0.33 - CHAR * len(number)  # right-aligned: '100' starts left of '90'
        cells = [(number, x), (sku, 0.34), (description, 0.45), (qty, 0.66), (price, 0.74), (amount, 0.86)]
        lines.append((0.13 + 0.03 * index, cells))
    extraction = _extract(Document([Page(1, 595, 842, _words(lines))]), "purchase_order")
    assert [(i.value("sku"), i.value("description")) for i in extraction.line_items] == [
        ("143778", "Ball bearing"),
        ("865711", "First aid kit"),
        ("109126", "Torque wrench"),
    ]


def test_a_label_read_inside_a_sentence_takes_no_value_from_the_line_below() -> None:
    doc = page_of_lines(
        [
            "Services Agreement Ref. SA-28915",
            "3.2 The Supplier shall invoice monthly in arrears and quote the",
            "contract number. Late payments bear interest at the statutory rate.",
            "3.3 Rates are fixed for the first twelve (12) months.",
        ]
    )
    assert _extract(doc, "contract").value("contract_number") != "3.3"


def test_a_tax_rate_glued_to_its_amount_in_the_text_layer_still_reads_as_tax() -> None:
    totals = [
        (0.50, [("Goods", 0.58), ("30,00", 0.85)]),
        (0.53, [("Levy", 0.58), ("19%5,70", 0.80)]),
        (0.56, [("Payable", 0.58), ("35,70", 0.85)]),
    ]
    extraction = _extract(_order_page(totals), "purchase_order")
    assert (extraction.value("tax_total"), extraction.value("total")) == (Decimal("5.70"), Decimal("35.70"))


def test_a_table_over_two_pages_with_carried_forward_totals_and_european_numbers() -> None:
    header = [
        ("Pos", 0.06),
        ("Artikel", 0.12),
        ("Bezeichnung", 0.25),
        ("Menge", 0.58),
        ("Preis", 0.70),
        ("Betrag", 0.85),
    ]

    def row(y: float, *cells: str) -> tuple[float, list[tuple[str, float]]]:
        return (y, list(zip(cells, (0.06, 0.12, 0.25, 0.58, 0.70, 0.85), strict=True)))

    first = [
        (0.05, [("Muster GmbH", 0.06)]),
        (0.12, [("Datum: 4. März 2026", 0.06)]),
        (0.30, header),
        row(0.33, "10", "A-1", "Schraube M8", "100", "0,25 €", "25,00 €"),
        row(0.36, "20", "A-2", "Mutter M8", "200", "0,10 €", "20,00 €"),
        (0.40, [("Übertrag", 0.58), ("45,00 €", 0.85)]),
        (0.95, [("Seite 1 von 2", 0.45)]),
    ]
    second = [
        (0.05, [("Übertrag", 0.58), ("45,00 €", 0.85)]),
        (0.10, header),
        row(0.13, "30", "A-3", "Scheibe M8", "1.000", "0,05 €", "50,00 €"),
        (0.20, [("Nettobetrag", 0.58), ("95,00 €", 0.85)]),
        (0.23, [("MwSt. 19 %", 0.58), ("18,05 €", 0.85)]),
        (0.26, [("Gesamtbetrag", 0.58), ("113,05 €", 0.85)]),
    ]
    doc = Document([Page(1, 595, 842, _words(first)), Page(2, 595, 842, _words(second))])
    extraction = _extract(doc, "purchase_order")
    assert [(i.value("sku"), i.value("quantity"), i.value("amount")) for i in extraction.line_items] == [
        ("A-1", Decimal("100"), Decimal("25.00")),
        ("A-2", Decimal("200"), Decimal("20.00")),
        ("A-3", Decimal("1000"), Decimal("50.00")),
    ]
    assert extraction.value("order_date") == date(2026, 3, 4)
    assert [extraction.value(n) for n in ("subtotal", "tax_total", "total", "currency")] == [
        Decimal("95.00"),
        Decimal("18.05"),
        Decimal("113.05"),
        "EUR",
    ]


def test_a_price_list_continued_on_the_next_page_ends_at_the_dated_milestones() -> None:
    header = [("Description", 0.10), ("Unit", 0.55), ("Rate", 0.80)]
    first = [(0.80, header), (0.83, [("Data migration", 0.10), ("project", 0.55), ("1,307.00", 0.80)])]
    first.append((0.86, [("Legal review", 0.10), ("hour", 0.55), ("2,848.00", 0.80)]))
    second = [(0.10, [("Milestones", 0.10)]), (0.13, [("Acceptance", 0.10), ("2026-11-29", 0.55), ("33,300.00", 0.80)])]
    doc = Document([Page(1, 595, 842, _words(first)), Page(2, 595, 842, _words(second))])
    assert [d for d, _, _ in _rates(_extract(doc, "contract"))] == ["Data migration", "Legal review"]


def test_right_aligned_percentages_of_different_widths_make_one_tax_column() -> None:
    header = [
        ("Ln", 0.06),
        ("Key", 0.10),
        ("Wording", 0.20),
        ("Count", 0.55),
        ("Charge", 0.62),
        ("Off", 0.72),
        ("Pct", 0.80),
    ]
    lines: list[tuple[float, list[tuple[str, float]]]] = [(0.30, header + [("Sum", 0.90)])]
    items = [("10", "A-569", "Protective goggles", "3", "2.35", "0%", "6.25%", "7.05")]
    items.append(("20", "A-326", "Network switch", "3", "391.00", "15%", "0%", "997.05"))
    for index, (number, sku, description, qty, price, off, tax, amount) in enumerate(items):
        right = {"qty": 0.57, "price": 0.67, "off": 0.75, "tax": 0.84, "amount": 0.95}  # numbers right-aligned
        cells = [(number, 0.06), (sku, 0.10), (description, 0.20)]
        for key, text in (("qty", qty), ("price", price), ("off", off), ("tax", tax), ("amount", amount)):
            cells.append((text, right[key] - CHAR * len(text)))
        lines.append((0.33 + 0.03 * index, cells))
    extraction = _extract(Document([Page(1, 595, 842, _words(lines))]), "purchase_order")
    got = [(i.value("quantity"), i.value("unit_price"), i.value("tax_rate")) for i in extraction.line_items]
    assert got == [(Decimal("3"), Decimal("2.35"), Decimal("6.25")), (Decimal("3"), Decimal("391.00"), Decimal("0"))]


def test_numeric_codes_of_different_lengths_aligned_on_the_left_stay_one_column() -> None:
    header = [("Code", 0.08), ("Wording", 0.20), ("Count", 0.55), ("Charge", 0.65), ("Sum", 0.85)]
    lines: list[tuple[float, list[tuple[str, float]]]] = [(0.30, header)]
    items = [("4711", "Ball bearing", "60", "196.00", "11,760.00"), ("143778", "Torque wrench", "5", "80.00", "400.00")]
    items.append(("96", "Gloves", "12", "2.50", "30.00"))
    for index, (sku, description, qty, price, amount) in enumerate(items):
        cells = [(sku, 0.08), (description, 0.20), (qty, 0.55), (price, 0.65), (amount, 0.85)]
        lines.append((0.33 + 0.03 * index, cells))
    extraction = _extract(Document([Page(1, 595, 842, _words(lines))]), "purchase_order")
    assert [(i.value("sku"), i.value("description")) for i in extraction.line_items] == [(s, d) for s, d, *_ in items]
