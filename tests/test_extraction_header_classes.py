"""Header fields by class across families (fields15): terms with their caption or a sentence's stop taken off,
working days on the calendar, a day of each month, the event the days count from, every country's months and day
words (Babel), an ISO code in brackets as the currency, a place before the opening's date, and one date order per
page for every reader.

Hand-placed words; names, numbers and captions made up for the tests."""

from datetime import date
from decimal import Decimal

from extraction.countries import page_date_order
from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.normalize import month_number, parse_date
from extraction.terms import net_days, parse_terms
from tests.fixtures_docs import words_at
from tests.test_extraction_facts import _read


def _page(rows: list[tuple[float, float, str]]) -> Document:
    return Document([Page(1, 612, 792, [w for x, y, text in rows for w in words_at(text, x, y, 0.009, 0.012)])])


def test_terms_lose_a_caption_of_several_words_that_names_paying() -> None:
    assert _read(["Item one", "Terms of Payment Net 60 days"])["payment_terms"] == "Net 60 days"
    got = _read(["Item one", "Payment Terms T/T 30 days after B/L date"])
    assert got["payment_terms"] == "T/T 30 days after B/L date" and got["payment_terms_days"] == 30
    assert _read(["Item one", "Modalitate de plată Numerar"])["payment_terms"] == "Numerar"
    assert _read(["Item one", "Maksuehto Hotově"])["payment_terms"] == "Hotově"
    # terms that are one sentence keep their words: no caption before them
    assert _read(["Item one", "Payment due within 30 days"])["payment_terms"] == "Payment due within 30 days"
    assert _read(["Item one", "Zahlbar sofort"])["payment_terms"] == "Zahlbar sofort"
    assert _read(["Item one", "Payment Due On Receipt"])["payment_terms"] == "Payment Due On Receipt"


def test_terms_lose_the_sentence_full_stop_and_a_caption_in_capitals_ends_where_they_do() -> None:
    assert _read(["Item one", "Fakturaer betales: Netto 45 dage."])["payment_terms"] == "Netto 45 dage"
    got = _read(["Item one", "For denne ordren gjelder betalingsbetingelsene: Ved mottak."])
    assert got["payment_terms"] == "Ved mottak"
    assert _read(["Zahlung: 30 Tg."])["payment_terms"] == "30 Tg."  # an abbreviation's stop stays
    got = _read(["Item one", "MAKSUEHDOT Due 90 days from invoice date"])
    assert got["payment_terms"] == "Due 90 days from invoice date" and got["payment_terms_days"] == 90


def test_working_days_count_five_to_a_week_and_a_day_of_each_month_is_due_then() -> None:
    assert net_days("within 20 working days") == 28
    assert net_days("10 business days") == 14
    assert net_days("30 calendar days") == 30
    assert net_days("on the first day of each month") == 0
    assert net_days("by the 5th of every month") == 0
    assert net_days("on the 25th of the month of invoice") == 25  # a month of the invoice: counted from it
    assert net_days("within 7 days of each rental invoice") == 7


def test_the_months_and_day_words_of_every_countrys_language() -> None:
    assert parse_date("12 Agustus 2025") == date(2025, 8, 12)  # Indonesian
    assert parse_date("14 Ogos 2026") == date(2026, 8, 14)  # Malay
    assert parse_date("3 Desemba 2026") == date(2026, 12, 3)  # Swahili
    assert month_number("Decembcr") == 12  # an OCR misreading still reads by the languages read first
    terms = parse_terms("30 hari setelah faktur diterima")
    assert terms is not None and terms.net_days == 30
    assert net_days("5 mln") is None  # a short form ('mln': millions) is no day word


def test_one_date_order_per_page_where_a_us_address_stands_on_an_order_in_pounds() -> None:
    # a US ZIP code names a month-first country, but the order is in pounds: the address is a party's
    lines = ["Order date 04/03/2026", "Springfield, IL 62701", "Total GBP 1,234.50"]
    assert page_date_order(lines) == "DMY"
    assert page_date_order(["Order date 04/03/2026", "Seattle, WA 98101, USA", "Total 1,234.50"]) == "MDY"
    assert page_date_order(["Date 04/03/2026", "Total 5'464.64"]) == "DMY"  # Swiss thousands
    assert page_date_order(["Date 04/03/2026"]) is None
    doc = _page(
        [(0.05, 0.05, "Order date: 04/03/2026"), (0.05, 0.08, "Springfield, IL 62701"),
         (0.05, 0.25, "Description"), (0.45, 0.25, "Qty"), (0.6, 0.25, "Price"), (0.8, 0.25, "Amount"),
         (0.05, 0.27, "Widget"), (0.45, 0.27, "2"), (0.6, 0.27, "617.25"), (0.8, 0.27, "1,234.50"),
         (0.6, 0.32, "Total GBP"), (0.8, 0.32, "1,234.50")]
    )  # fmt: skip
    assert HeuristicExtractor().extract(doc, "purchase_order").value("order_date") == date(2026, 3, 4)


def test_an_iso_code_in_a_columns_brackets_is_the_currency_of_a_page_without_signs() -> None:
    doc = _page(
        [(0.05, 0.05, "Monthly fees are payable within 30 days of invoice."),
         (0.05, 0.25, "Service tier"), (0.45, 0.25, "Per"), (0.7, 0.25, "Monthly fee (MYR)"),
         (0.05, 0.27, "Bronze"), (0.45, 0.27, "month"), (0.7, 0.27, "5,860.00"),
         (0.05, 0.29, "Gold"), (0.45, 0.29, "month"), (0.7, 0.29, "32,076.00")]
    )  # fmt: skip
    assert HeuristicExtractor().extract(doc, "contract").value("currency") == "MYR"


def test_prose_terms_run_to_their_event_and_the_opening_date_after_a_place() -> None:
    doc = _page(
        [(0.05, 0.05, "This Framework Agreement is entered into in Cairo on 3 October 2024 by and between"),
         (0.05, 0.07, "Nile Widgets S.A.E. (the Purchaser) and Delta Parts S.A.E. (the Supplier)."),
         (0.05, 0.09, "4. All prices are in EGP. Invoices shall be paid within 45 days of delivery."),
         (0.05, 0.11, "5. Call-off orders shall refer to this number.")]
    )  # fmt: skip
    got = HeuristicExtractor().extract(doc, "contract")
    assert got.value("effective_date") == date(2024, 10, 3)
    assert got.value("payment_terms") == "within 45 days of delivery"


def test_the_order_date_a_few_words_after_the_captioned_number() -> None:
    got = _read(["Item one", "Zamówienie zakupu 59265/26 z dnia 2026-06-15"])
    assert (got["po_number"], got["order_date"]) == ("59265/26", date(2026, 6, 15))
    got = _read(["Bestellung 4711 vom 5. März 2026"])
    assert (got["po_number"], got["order_date"]) == ("4711", date(2026, 3, 5))


def test_a_total_printed_first_then_the_net_a_discount_and_the_taxes_on_the_discounted_net() -> None:
    from tests.test_extraction_header_fields import _totals  # noqa: PLC0415

    lines = ["Sum inkl. mva.: 2 777,23 NOK", "Sum eks. mva.: 2 521,02 NOK", "Rabatt: 3% -75,63 NOK",
             "Merverdiavgift: 19% 104,22 NOK", "Merverdiavgift: 12% 227,62 NOK",
             "Utestående: 2 777,23 NOK"]  # fmt: skip
    ext = _totals(lines, ["2777.23"], {"total": "2777.23"})
    assert [ext.decimal(n) for n in ("subtotal", "tax_total", "total")] == [
        Decimal("2521.02"),
        Decimal("331.84"),
        Decimal("2777.23"),
    ]
