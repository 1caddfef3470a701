"""Payment terms read whatever words lead to them or stand around them (``extraction.termstext``,
``extraction.facts``, ``extraction.terms``): a discount whose days outrun the net days, a kind of day between the
number and its day word, a sentence's clause after its colon, a cell wholly terms due at once. The phrases are new
variations written for these tests, in languages and wordings the study sets do not print."""

from datetime import date

import pytest

from extraction.facts import read_facts
from extraction.pipeline import ExtractionJob, facts_stage
from extraction.result import Extraction, FieldValue
from extraction.terms import parse_terms
from extraction.termstext import terms_text, trim_terms
from tests.fixtures_docs import page_of_columns


def _read(lines: list[str]) -> dict[str, object]:
    ext = Extraction("purchase_order", 1, {})
    read_facts(page_of_columns(lines), ext)
    return {name: cell.value for name, cell in ext.fields.items()}


@pytest.mark.parametrize(
    ("text", "net", "pct", "early"),
    [
        ("2% korting binnen 20 dagen, 15 dagen netto", 15, "2", 20),
        ("Sconto 1,5% a 21 giorni, netto a 14 giorni", 14, "1.5", 21),
        ("4 % alennus 12 päivää, netto 7 päivää", 7, "4", 12),
    ],
)
def test_a_discount_with_its_percent_keeps_net_days_shorter_than_its_own(
    text: str, net: int, pct: str, early: int
) -> None:
    terms = parse_terms(text)
    assert terms is not None and terms.net_days == net and str(terms.discount_pct) == pct
    assert terms.discount_days == early
    assert parse_terms("30/10") is None  # no percent: still no discount and no terms


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Splatnost 45 kalendářních dní od doručení", 45),
        ("Плащане в срок от 21 календарни дни", 21),
        ("Net 60 calendar days", 60),
    ],
)
def test_a_kind_of_day_between_the_number_and_the_day_word(text: str, days: int) -> None:
    terms = parse_terms(text)
    assert terms is not None and terms.net_days == days


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Conditions applicables à la présente commande : 45 jours fin de mois.", "45 jours fin de mois"),
        ("Wir begleichen Rechnungen zu dieser Lieferung wie folgt Zahlbar binnen 21 Tagen", "Zahlbar binnen 21 Tagen"),
        ("Unless otherwise agreed the terms of this order are Payment within 45 days", "Payment within 45 days"),
        ("45 dias fim do mês .", "45 dias fim do mês"),
        ("Payment: 45 days end of month", "Payment: 45 days end of month"),  # the cell's own caption stays
        ("netto 20 dni.", "netto 20 dni"),
        ("30 gg.", "30 gg."),  # an abbreviation keeps its stop
        ("Net 30 d.", "Net 30 d."),
        ("Zahlung per Überweisung innerhalb 30 Tagen", "Zahlung per Überweisung innerhalb 30 Tagen"),  # lead too short
        ("Bitte beachten Sie Lieferung frei Haus", "Bitte beachten Sie Lieferung frei Haus"),  # no terms: unchanged
    ],
)
def test_terms_text_less_the_sentence_before_and_the_stop_after(text: str, terms: str) -> None:
    assert terms_text(text) == terms


def test_a_contracts_terms_stay_its_clause() -> None:
    text = "The Client shall pay as follows: 30 days from the invoice date."
    ext = Extraction("contract", 1, {"payment_terms": FieldValue(text, 0.8)})
    trim_terms(page_of_columns(["x"]), ext)
    assert ext.fields["payment_terms"].value == text
    ext = Extraction("purchase_order", 1, {"payment_terms": FieldValue(text, 0.8)})
    trim_terms(page_of_columns(["x"]), ext)
    assert ext.fields["payment_terms"].value == "30 days from the invoice date"


def test_terms_that_end_a_sentence_after_its_colon_without_a_paying_word() -> None:
    got = _read(["ORDINE 4471", "Per la presente fornitura vale quanto segue: Ricevuta bancaria 90 giorni fine mese."])
    assert got["payment_terms"] == "Ricevuta bancaria 90 giorni fine mese" and got["payment_terms_days"] == 90
    got = _read(["ORDER 4471", "Delivery time for this order: 21 days."])
    assert "payment_terms" not in got  # a delivery's days are no terms


def test_a_cell_wholly_terms_due_at_once_without_a_caption() -> None:
    got = _read(["PO-88120 | 14.03.2026 | Kontant | Nordlys Handel AS"])
    assert got["payment_terms"] == "Kontant" and got["payment_terms_days"] == 0
    got = _read(["PO-88120 | 14.03.2026 | COD | Nordlys Handel AS"])
    assert "payment_terms" not in got  # an abbreviation alone heads a column of codes as often


def _job(source: str) -> ExtractionJob:
    doc = page_of_columns(["Nr. objednávky: | OB-2026-3317", "Datum objednávky: | 12. 5. 2026", "Měna: | CZK"])
    doc.pages[0].source = source  # type: ignore[assignment]
    ext = Extraction("contract", 1, {"po_number": FieldValue("88120455", 0.9)})
    return ExtractionJob(b"", "x.pdf", "purchase_order", document=doc, extraction=ext)


def test_an_order_the_opening_took_for_a_contract_keeps_its_captioned_facts_on_a_text_layer() -> None:
    job = facts_stage(_job("text"))
    assert job.extraction is not None
    assert job.extraction.fields["po_number"].value == "OB-2026-3317"
    assert job.extraction.fields["order_date"].value == date(2026, 5, 12)
    job = facts_stage(_job("ocr"))  # a scan: its terms alone, as measured before
    assert job.extraction is not None and job.extraction.fields["po_number"].value == "88120455"


def test_a_code_in_the_cell_before_the_date_under_captions_unknown_is_the_order_number() -> None:
    got = _read(["Tavoreki | Mundalo", "2028-00417 | 03.02.2028", "Kerimo | Nordlys Handel AS"])
    assert got["po_number"] == "2028-00417" and got["order_date"] == date(2028, 2, 3)
