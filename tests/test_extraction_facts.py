"""An order's facts under captions in any language, by shape where none names them (``extraction.facts``), and its
totals by arithmetic on the page alone (``charges.totals_from_the_page``)."""

from datetime import date
from decimal import Decimal

from extraction.charges import totals_from_the_page
from extraction.facts import currency_by_name, read_facts
from extraction.result import Extraction, FieldValue
from tests.fixtures_docs import page_of_columns


def _read(lines: list[str], **fields: object) -> dict[str, object]:
    ext = Extraction("purchase_order", 1, {k: FieldValue(v, 0.9) for k, v in fields.items()})
    read_facts(page_of_columns(lines), ext)
    return {name: cell.value for name, cell in ext.fields.items()}


def test_number_date_and_terms_under_polish_captions_not_the_customer_number_or_the_quote_date() -> None:
    got = _read(
        [
            "Kod odbiorcy: | 9853082",
            "Nr zamówienia: | BE-359672",
            "Data oferty: | środa, 19 czerwca 2024",
            "Data zamówienia: | czwartek, 27 czerwca 2024",
            "Termin płatności: | Płatne w ciągu 20 dni",
        ],
        po_number="9853082",
    )
    assert got["po_number"] == "BE-359672"  # the extractor's customer number gives way
    assert got["order_date"] == date(2024, 6, 27)
    assert got["payment_terms"] == "Płatne w ciągu 20 dni" and got["payment_terms_days"] == 20


def test_captions_over_values_in_a_row_and_an_abbreviated_order_caption() -> None:
    got = _read(["N. CLIENTE | RIF. ORDINE | EMESSO IL", "3364112 | 479743124 | venerdì 13 marzo 2026"])
    assert got["po_number"] == "479743124" and got["order_date"] == date(2026, 3, 13)
    assert _read(["Rekvisisjon nr. | 77721766", "Obj. č. | 2026-13251"])["po_number"] == "2026-13251"


def test_the_order_date_is_no_delivery_or_print_date_and_the_one_nearest_the_number() -> None:
    got = _read(
        ["Udskrevet | 29.06.2024", "Ordrenr. | SO-900427", "Leveringsdato | 08.04.2027", "Udstedt | 21.03.2027"],
        order_date=date(2027, 4, 8),
    )
    assert got["order_date"] == date(2027, 3, 21)  # the extractor's delivery date gives way
    assert _read(["Lieferdatum | 08.04.2027"], order_date=date(2027, 4, 8))["order_date"] == date(2027, 4, 8)


def test_number_and_date_by_shape_where_the_captions_are_unknown_or_none() -> None:
    got = _read(["Gufonaze PO-955077, 27. helmikuuta 2024", "Pepo | Due 60 days from invoice date"])
    assert got["po_number"] == "PO-955077" and got["order_date"] == date(2024, 2, 27)
    assert got["payment_terms"] == "Due 60 days from invoice date" and got["payment_terms_days"] == 60
    got = _read(["Meridian GmbH | 61603/25", "Hauptstraße 1 | 8 maj 2025"])
    assert got["po_number"] == "61603/25" and got["order_date"] == date(2025, 5, 8)
    got = _read(["Davepeso: | 1% skonta przy zapłacie w 8 dni, netto 30 dni"])
    assert got["payment_terms_days"] == 30
    # a delivery time is no terms
    assert "payment_terms" not in _read(["Lieferzeit | 14 Tage"])


def test_a_terms_caption_ending_in_its_paying_word_is_no_part_of_the_terms() -> None:
    got = _read(["Modalità di pagamento 20 gg data fattura"], payment_terms="Modalità di pagamento 20 gg data fattura")
    assert got["payment_terms"] == "20 gg data fattura"
    assert _read(["Fizetés 10 napon belül"])["payment_terms"] == "Fizetés 10 napon belül"


def test_the_currency_by_its_cldr_name_beside_an_amount_in_any_language() -> None:
    named = currency_by_name(page_of_columns(["Wartość brutto złotych polskich 9.029,60", "Celkem 47 242,47 euroa"]))
    assert named is not None and named.value in ("PLN", "EUR")
    assert currency_by_name(page_of_columns(["Celkem bez DPH českých korun 9,523.52"])).value == "CZK"  # type: ignore[union-attr]
    assert currency_by_name(page_of_columns(["Viale Europa 95, 00184 Roma"])) is None  # a street, no amount beside it
    assert currency_by_name(page_of_columns(["Summa 1 200,00 kr"])) is None  # a sign three crowns share


def test_totals_from_the_page_without_captions_total_first_and_taxes_at_two_rates() -> None:
    doc = page_of_columns(
        [
            "Acme Oy | 95,00",  # a stray amount in a party block, read as an item by no one here
            "Widget 2 500,00 1.000,00",
            "Gadget 1 600,50 600,50",
            "1.696,53",
            "1.600,50",
            "9% 54,00",
            "7% 42,03",
        ]
    )
    ext = Extraction("purchase_order", 1, {})
    totals_from_the_page(doc, ext)
    assert [ext.decimal(n) for n in ("subtotal", "tax_total", "total")] == [
        Decimal("1600.50"),
        Decimal("96.03"),
        Decimal("1696.53"),
    ]
    # what was read stands
    ext = Extraction("purchase_order", 1, {"subtotal": FieldValue(Decimal("1600.50"), 0.9)})
    ext.fields["total"] = FieldValue(Decimal("1696.53"), 0.9)
    ext.fields["tax_total"] = FieldValue(Decimal("96.03"), 0.9)
    totals_from_the_page(doc, ext)
    assert ext.decimal("tax_total") == Decimal("96.03")


def test_terms_after_a_due_date_caption_in_one_phrase() -> None:
    got = _read(["Forfaldsdato 2% kontantrabat inden 8 dage, netto 14 dage"])
    assert got["payment_terms"] == "2% kontantrabat inden 8 dage, netto 14 dage" and got["payment_terms_days"] == 14


def test_a_tax_total_read_as_one_of_two_tax_lines_becomes_their_sum_where_the_totals_close() -> None:
    from extraction.result import TaxLine

    fields = {"subtotal": "8570.18", "tax_total": "264.79", "total": "9227.82"}
    ext = Extraction("purchase_order", 1, {k: FieldValue(Decimal(v), 0.9) for k, v in fields.items()})
    ext.tax_lines = [
        TaxLine("Tax: 12%", Decimal(12), Decimal("392.85"), None, False, 1.0),
        TaxLine("Tax: 5%", Decimal(5), Decimal("264.79"), None, False, 1.0),
    ]
    totals_from_the_page(page_of_columns(["nothing else"]), ext)
    assert ext.decimal("tax_total") == Decimal("657.64")
    ext.fields["total"] = FieldValue(Decimal("9000.00"), 0.9)  # they do not close: left alone
    ext.fields["tax_total"] = FieldValue(Decimal("264.79"), 0.9)
    totals_from_the_page(page_of_columns(["nothing else"]), ext)
    assert ext.decimal("tax_total") == Decimal("264.79")


def test_terms_with_their_days_replace_an_event_read_from_a_caption_s_letters() -> None:
    got = _read(
        ["COD FISCAL | PL2248066743", "Termeni de plată: | Reducere 1% la plata în 10 zile, net 45 zile"],
        payment_terms="COD FISCAL PL2248066743",
    )
    assert got["payment_terms"] == "Reducere 1% la plata în 10 zile, net 45 zile" and got["payment_terms_days"] == 45


def test_terms_that_name_their_paying_word_after_a_comma_are_whole() -> None:
    got = _read(["Platba: | prevodom, splatnosť 30 dní"])
    assert got["payment_terms"] == "prevodom, splatnosť 30 dní" and got["payment_terms_days"] == 30


def _totals(lines: list[str], **fields: str) -> Decimal | None:
    from extraction.charges import taxes_in_a_row

    ext = Extraction("purchase_order", 1, {k: FieldValue(Decimal(v), 0.9) for k, v in fields.items()})
    taxes_in_a_row(page_of_columns(lines), ext)
    return ext.decimal("tax_total")


def test_several_taxes_in_a_totals_row_under_their_rates_add_up_to_the_tax_total() -> None:
    row = ["Net | VAT 20% | VAT 10% | Total", "19,531.90 | 402.56 | 1,751.91 | 21,686.37"]
    sums = {"subtotal": "19531.90", "total": "21686.37"}
    assert _totals(row, **sums) == Decimal("2154.47")
    assert _totals(row, tax_total="1751.91", **sums) == Decimal("2154.47")  # one of the two gives way to their sum
    assert _totals(row, tax_total="99.00", **sums) == Decimal("99.00")  # a tax read elsewhere is left alone


def test_a_charge_or_a_discount_in_the_totals_row_is_no_tax() -> None:
    freight = ["Net | Freight | VAT 25% | Total", "1,000.00 | 7.39 | 250.00 | 1,257.39"]
    assert _totals(freight, subtotal="1000.00", total="1257.39") == Decimal("250.00")
    discount = ["Net | Discount 3% | VAT 12% | Total", "1,000.00 | -30.00 | 116.40 | 1,086.40"]
    assert _totals(discount, subtotal="1000.00", total="1086.40") == Decimal("116.40")
    unclosed = ["Net | VAT 20% | VAT 10% | Total", "1,000.00 | 100.00 | 50.00 | 1,200.00"]
    assert _totals(unclosed, subtotal="1000.00", total="1200.00") is None  # the amounts do not close


def test_tax_lines_with_their_rates_between_the_subtotal_and_the_total_add_up() -> None:
    block = [
        "Total: EUR 30,316.08",  # the total printed first too
        "Net amount: EUR 26,217.50",
        "VAT: 25% EUR 2,461.38",
        "VAT: 10% EUR 1,637.20",
        "Payable: EUR 30,316.08",
    ]
    assert _totals(block, subtotal="26217.50", total="30316.08") == Decimal("4098.58")


def test_terms_lose_a_one_word_caption_printed_on_their_line_but_due_on_receipt_stays_whole() -> None:
    got = _read(["Item one", "FORFALL Netto 20 dager"])
    assert got["payment_terms"] == "Netto 20 dager" and got["payment_terms_days"] == 20
    got = _read(["Item one", "Zahlungsbedingungen Zahlbar innerhalb 30 Tagen"])
    assert got["payment_terms"] == "Zahlbar innerhalb 30 Tagen"
    assert _read(["Item one", "Terms: | Due On Receipt"])["payment_terms"] == "Due On Receipt"


def test_terms_by_shape_of_up_to_seven_words_with_one_number_of_days() -> None:
    got = _read(["Item one", "A 14 dias da data da fatura"])
    assert got["payment_terms"] == "A 14 dias da data da fatura" and got["payment_terms_days"] == 14


def test_an_order_the_model_took_for_a_contract_has_its_terms_read_where_the_caller_names_an_order() -> None:
    from extraction.pipeline import ExtractionJob, facts_stage

    doc = page_of_columns(["Nr zamówienia: | BE-359672", "Termin płatności: | Płatne w ciągu 20 dni"])
    doc.pages[0].source = "ocr"
    for hint, read in (("purchase_order", 20), ("contract", None), (None, None)):
        job = ExtractionJob(b"", doc_type_hint=hint, document=doc, extraction=Extraction("contract", 1, {}))
        ext = facts_stage(job).extraction
        assert ext is not None and ext.doc_type == "contract"  # the type is settled by a later stage
        cell = ext.fields.get("payment_terms_days")
        assert (cell.value if cell is not None else None) == read
        assert ext.fields.get("po_number") is None  # a scan: its terms only, the number stays the model's
    doc.pages[0].source = "text"  # a text layer: its captioned number too
    job = ExtractionJob(b"", doc_type_hint="purchase_order", document=doc, extraction=Extraction("contract", 1, {}))
    ext = facts_stage(job).extraction
    assert ext is not None and ext.fields["po_number"].value == "BE-359672"


def test_romanian_days_counted_with_de_are_terms() -> None:
    from extraction.terms import parse_terms

    got = _read(["Cod fiscal: | 67985948", "Termen de plată: | 30 de zile"])
    assert got["payment_terms"] == "30 de zile" and got["payment_terms_days"] == 30
    assert parse_terms("30 de zile") is not None and parse_terms("Plata în 45 de zile").net_days == 45  # type: ignore[union-attr]


def test_captions_in_three_languages_and_a_spreadsheet_s_row_numbers() -> None:
    got = _read(["Bestellung Nr. / Réf. commande / Numero: | B27-37805"])
    assert got["po_number"] == "B27-37805"
    rows = ["Pedido", "Número de pedido | 13768", "Fecha | 03-12-2026", "RUT | 97.579.209-9", "Divisa | CLP"]
    got = _read([f"{n} {row}" for n, row in enumerate(rows, start=1)], po_number="97.579.209-9")
    assert got["po_number"] == "13768" and got["order_date"] == date(2026, 12, 3)


def test_terms_captioned_inside_a_sentence_up_to_their_clause_s_end() -> None:
    sentence = "Tiekėjas: UAB Prekyba, PVM kodas LT245483819; apmokėjimo sąlygos: per 14 dienų; prekes pristatykite"
    got = _read([sentence])
    assert got["payment_terms"] == "per 14 dienų" and got["payment_terms_days"] == 14
    got = _read(["Technika AB, PVM kodas LT530360112; apmokėjimo sąlygos: 30 d.; prekes pristatykite iki"])
    assert got["payment_terms"] == "30 d." and got["payment_terms_days"] == 30


def test_an_order_total_is_no_order_number() -> None:
    got = _read(["PO Number: | SVO665376", "Order Total | R 329,366.70"], po_number="SVO665376")
    assert got["po_number"] == "SVO665376"


def test_an_iso_code_alone_in_the_cell_after_a_caption_is_the_currency() -> None:
    assert _read(["Número de pedido | 13768", "Divisa | CLP"])["currency"] == "CLP"
    assert "currency" not in _read(["Número de pedido | 13768", "Incoterm | CIF"])  # no currency's code


def test_terms_under_a_numbered_section_caption() -> None:
    """The section's number before the caption is no value's digit ('2) Modalités de paiement')."""
    got = _read(["2) Modalités de paiement", "Virement à 45 jours fin de mois"])
    assert got["payment_terms"] == "Virement à 45 jours fin de mois" and got["payment_terms_days"] == 45
    got = _read(["IV. Начин на плащане", "Плащане до 45 календарни дни"])
    assert got["payment_terms"] == "Плащане до 45 календарни дни" and got["payment_terms_days"] == 45


def test_terms_in_words_under_a_paying_caption_are_due_at_once_where_they_name_no_days() -> None:
    got = _read(["Ordrenummer: | ZX-40211", "Betalingsbetingelser: | Betalt med kort"])
    assert (got["payment_terms"], got["payment_terms_days"]) == ("Betalt med kort", 0)
    got = _read(["Pagamento | Moeda", "a pronto | XOF"])
    assert (got["payment_terms"], got["payment_terms_days"]) == ("a pronto", 0)  # not the next cell's caption
    # terms that name their days win over words; a delivery or a date in words is no terms; nor is one word
    assert _read(["Betaling: | Levering franco", "Betaling binnen: | 30 dagen"])["payment_terms_days"] == 30
    assert "payment_terms" not in _read(["Betaling: | Levering franco"])
    assert "payment_terms" not in _read(["Pagamento | Moeda"])
