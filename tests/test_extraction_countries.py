"""Where an order comes from by what it prints, and the currency of a shared sign and the date order there
(``extraction.countries``, ``facts`` using it)."""

from datetime import date

from extraction.countries import countries, currency_of_sign, date_order_by_country, shared_sign
from extraction.facts import read_facts
from extraction.result import Extraction, FieldValue
from tests.fixtures_docs import page_of_columns


def test_countries_by_vat_ids_names_ending_a_line_and_us_zip_codes() -> None:
    votes = countries(["SE243465904701", "Meir 175", "2000 Antwerpen", "België", "Seattle, WA 98101"])
    assert votes == {"SE": 1, "BE": 1, "US": 1}
    assert countries(["New products from Jordan Smith"]) == {}  # a name inside a sentence names no country


def test_the_date_order_of_the_countries_named() -> None:
    assert date_order_by_country(["60 Station Road, Seattle, WA 98101", "Boston, MA 02110"]) == "MDY"
    assert date_order_by_country(["ATU86558920", "IT50625900936"]) == "DMY"  # two countries, one order
    assert date_order_by_country(["Seattle, WA 98101", "ATU86558920"]) is None  # two that write dates apart
    assert date_order_by_country(["Order 4711"]) is None


def test_a_shared_sign_stands_for_the_currency_of_the_country_or_the_language() -> None:
    assert shared_sign(["Nettobeløb: 32 905,04 kr."]) == "kr" and shared_sign(["$ 15 616,33"]) == "$"
    assert shared_sign(["Total 1.200,00 €"]) is None  # a sign of one currency
    assert currency_of_sign("kr", ["Storgatan 174", "SE243465904701"]) == "SEK"
    danish = ["Ordrebekræftelse", "Køber:", "Nettobeløb:", "Forfaldsdato: 90 dage netto", "Lindenallee 87, Graz"]
    assert currency_of_sign("kr.", danish) == "DKK"
    assert currency_of_sign("$", ["Monterrey, México", "México"]) == "MXN"
    assert currency_of_sign("$", ["Total $ 120.00"]) is None  # nothing tells which dollar


def test_facts_replace_the_crown_a_bare_kr_was_taken_for_and_read_dates_as_the_country_writes_them() -> None:
    lines = ["Ordrebekræftelse", "Køber: | Nettobeløb: 32 905,04 kr.", "Forfaldsdato: 90 dage netto"]
    ext = Extraction("purchase_order", 1, {"currency": FieldValue("SEK", 0.9)})
    read_facts(page_of_columns(lines), ext)
    assert ext.fields["currency"].value == "DKK"
    ext = Extraction("purchase_order", 1, {"currency": FieldValue("SEK", 0.9)})
    read_facts(page_of_columns([*lines, "Beløb i SEK"]), ext)
    assert ext.fields["currency"].value == "SEK"  # the code printed says which
    ext = Extraction("purchase_order", 1, {})
    read_facts(
        page_of_columns(["Seattle, WA 98101", "Order No. 8450634", "Order Date 01/10/2024", "Total $ 15 616,33"]), ext
    )
    assert ext.fields["order_date"].value == date(2024, 1, 10)  # month first in the US, whatever its amounts


def test_a_month_first_country_on_an_order_in_euros_does_not_decide() -> None:
    assert date_order_by_country(["Springfield, IL 62701", "Total EUR 1.234,50"]) is None
    assert date_order_by_country(["Springfield, IL 62701", "Total $ 1 234,50"]) == "MDY"
