from datetime import date
from decimal import Decimal

import pytest

from extraction.normalize import (
    date_order_of,
    is_valid_tax_id,
    normalize_tax_id,
    number_format_of,
    ocr_letter_slips,
    parse_amount,
    parse_currency,
    parse_date,
)
from extraction.taxids import tax_id_of


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("1,234.50", None, "1234.50"),
        ("1.234,50", None, "1234.50"),
        ("1'234.50", None, "1234.50"),
        ("CHF 1’234.50", None, "1234.50"),
        ("1 234,50", None, "1234.50"),
        ("1\u00a0234,50 €", None, "1234.50"),
        ("$1,234.50", None, "1234.50"),
        ("EUR 1.234,50", "EU", "1234.50"),
        ("1234.5 USD", None, "1234.5"),
        ("(1,234.50)", None, "-1234.50"),
        ("1.234,50-", None, "-1234.50"),
        ("-12.00", None, "-12.00"),
        ("1,234", None, "1234"),
        ("1,234", "EU", "1.234"),
        ("1.234", "EU", "1234"),
        ("1.234", "de_DE", "1234"),
        ("1,234", "en_US", "1234"),
        ("0,125", None, "0.125"),
        ("12,5", None, "12.5"),
        ("1,234,567.89", None, "1234567.89"),
        ("1.234.567", None, "1234567"),
        ("19%", None, "19"),
    ],
)
def test_parse_amount(text: str, hint: str | None, expected: str) -> None:
    assert parse_amount(text, hint) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "HX-100", "12 34", "1,23,4", "n/a", "M8"])
def test_parse_amount_rejects_non_numbers(text: str) -> None:
    assert parse_amount(text) is None


def test_number_format_of_document() -> None:
    assert number_format_of(["Total 1.234,50", "Qty 3", "12,00"]) == "EU"
    assert number_format_of(["Total 1,234.50", "0.42"]) == "US"
    assert number_format_of(["1,234"]) is None
    # no cents anywhere: two or more thousands groups tell the separator (whole pesos, yen)
    assert number_format_of(["635.780", "Total 6.357.800"]) == "EU"
    assert number_format_of(["¥ 1,234,567", "890"]) == "US"
    assert number_format_of(["03.12.2026", "RUT 12.345"]) is None


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("2026-03-31", None, date(2026, 3, 31)),
        ("03/31/2026", None, date(2026, 3, 31)),
        ("31/03/2026", None, date(2026, 3, 31)),
        ("31.03.2026", None, date(2026, 3, 31)),
        ("31 March 2026", None, date(2026, 3, 31)),
        ("Mar 31, 2026", None, date(2026, 3, 31)),
        ("March 31st, 2026", None, date(2026, 3, 31)),
        ("2026/03/31", None, date(2026, 3, 31)),
        ("31-Mar-26", None, date(2026, 3, 31)),
        ("1st day of March, 2026", None, date(2026, 3, 1)),
        ("3. März 2026", None, date(2026, 3, 3)),
        ("03/04/2026", "DMY", date(2026, 4, 3)),
        ("03/04/2026", "MDY", date(2026, 3, 4)),
        ("03.04.2026", None, date(2026, 4, 3)),
        ("4 de março de 2026", None, date(2026, 3, 4)),
        ("15 de enero del 2026", None, date(2026, 1, 15)),
        ("1er mars 2026", None, date(2026, 3, 1)),
        ("14. 12. 2025", None, date(2025, 12, 14)),  # a space after each dot (Czech, Slovak)
        ("1. 2. 2026", None, date(2026, 2, 1)),
        ("2025. 07. 17.", None, date(2025, 7, 17)),  # year first, a dot and a space after each part (Hungarian)
        ("2025.07.17.", None, date(2025, 7, 17)),
        ("2026 JUL 28", None, date(2026, 7, 28)),  # year first, then the month's name
        ("2026-Jul-28", None, date(2026, 7, 28)),
        ("2027:02-15", None, date(2027, 2, 15)),  # a fax's separator read as a colon
    ],
)
def test_parse_date(text: str, hint: str | None, expected: date) -> None:
    assert parse_date(text, hint) == expected


@pytest.mark.parametrize("text", ["Feb 30, 2026", "13/13/2026", "PO-2026-0417", "Net 30", "2027:02:15"])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_date_order_of_document() -> None:
    assert date_order_of(["Date: 04/03/2026", "Delivery: 25/03/2026"]) == "DMY"
    assert date_order_of(["Date: 04/03/2026", "Delivery: 03/25/2026"]) == "MDY"
    assert date_order_of(["04/03/2026"]) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("$ 12.00", "USD"), ("US$", "USD"), ("€", "EUR"), ("EUR", "EUR"), ("£5", "GBP"), ("CHF 1'234", "CHF"),
     ("payable in Swiss francs", "CHF"), ("in euros", "EUR"), ("C$ 40", "CAD"), ("TOTAL", None), ("", None)],
)  # fmt: skip
def test_parse_currency(text: str, code: str | None) -> None:
    assert parse_currency(text) == code


def test_tax_ids() -> None:
    assert normalize_tax_id("DE 136 695 976") == "DE136695976"
    assert is_valid_tax_id("DE136695976")
    assert not is_valid_tax_id("DE136695977")  # check digit wrong
    assert normalize_tax_id("12-3456789") == "12-3456789"
    assert is_valid_tax_id("12-3456789")
    assert normalize_tax_id("hello") is None


@pytest.mark.parametrize(
    ("printed", "valid"),
    [
        ("27AAPFU0939F1ZV", True),  # Indian GSTIN
        ("27AAPFU0939F1ZW", False),
        ("ABC680524P73", True),  # Mexican RFC of a company, check digit included
        ("ABC680524P76", False),
        ("B58378431", True),  # Spanish CIF
        ("12345678Z", True),  # Spanish NIF
        ("12345678A", False),
        ("123456782RT0001", True),  # Canadian BN with its program account
        ("123-456-32-18", True),  # Polish NIP
        ("123-456-32-19", False),
        ("PO-45001234", False),
        ("NO998212537MVA", True),  # Norwegian MVA with its country prefix and suffix
        ("NO998212538MVA", False),
        ("12-356-617", True),  # New Zealand IRD number, grouped
        ("12-356-618", False),
        ("1584987-5", True),  # Finnish business id (Y-tunnus), with its hyphen
        ("1584987-6", False),
        ("15849875", False),  # bare digits: an order number as likely
    ],
)
def test_national_tax_ids_found_by_shape_and_check_digits(printed: str, valid: bool) -> None:
    assert is_valid_tax_id(printed) is valid
    assert tax_id_of(f"({printed})") == (printed if valid else None)


def test_a_scanned_country_prefix_with_a_digit_for_a_letter_is_mended_by_its_check_digits() -> None:
    assert tax_id_of("1E6305233B,") == "IE6305233B" and tax_id_of("G8980780684") == "GB980780684"
    assert tax_id_of("1E6305233C") is None  # no valid reading
    assert tax_id_of("1234567890") is None  # a bare run of digits is never given letters


def test_a_scanned_letter_for_a_digit_after_the_country_prefix_is_mended_by_its_check_digits() -> None:
    assert tax_id_of("FRO7920706991") == "FR07920706991"
    assert tax_id_of("ATUI2913187") == "ATU12913187"  # the 'U' an Austrian id prints is kept
    assert tax_id_of("FRO7920706992") is None  # no valid reading


def test_bare_digits_are_no_national_tax_id() -> None:
    # an order number that a Polish NIP's check digit would accept without its hyphens
    assert not is_valid_tax_id("4555532281")


def test_month_names_of_more_languages_and_one_letter_misread() -> None:
    from extraction.normalize import month_number

    assert parse_date("3 marca 2026") == date(2026, 3, 3)  # Polish, the genitive dates print
    assert parse_date("14 października 2025") == date(2025, 10, 14)
    assert parse_date("10 juni 2026") == date(2026, 6, 10)
    assert parse_date("11 aoat 2027") == date(2027, 8, 11)  # OCR's 'août'
    assert parse_date("12 Decembcr 2024") == date(2024, 12, 12)
    assert month_number("fevrier") == 2  # unaccented
    # too short to mend, or as near two months as one: no month
    assert month_number("mxy") is None and month_number("juxi") is None
    assert parse_date("Item 5 2024") is None


def test_dates_with_a_weekday_in_any_cldr_language_and_a_month_that_is_also_a_weekday() -> None:
    from extraction.normalize import parse_date

    cases = {
        "czwartek, 27 czerwca 2024": date(2024, 6, 27),
        "Mittwoch, 10. Dezember 2025": date(2025, 12, 10),
        "5 Mart 2026 Perşembe": date(2026, 3, 5),
        "2026. március 5., csütörtök": date(2026, 3, 5),
        "torsdag den 5. marts 2026": date(2026, 3, 5),
        "Thu, Mar 5, 2026": date(2026, 3, 5),
        "Mar 5, 2026": date(2026, 3, 5),  # Spanish 'mar' (martes) is March here
        "quinta-feira, 5 de março de 2026": date(2026, 3, 5),
    }
    for text, want in cases.items():
        assert parse_date(text) == want, text
    assert parse_date("Monday") is None


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("0BJ69935", "OBJ69935"),  # a typewriter's O at the head of a code of capitals
        ("S.R.0.", "S.R.O."),  # one of a run of capital initials (a legal form)
        ("D0DAVATEL", "DODAVATEL"),
        ("Br0wn", "Brown"),
        # digits beside the zero keep it; so do amounts, hex and a zero before a single letter
        ("PO0188864", "PO0188864"),
        ("10A", "10A"),
        ("A0-12", "A0-12"),
        ("0x1F", "0x1F"),
        ("1.000,00", "1.000,00"),
        ("0B", "0B"),
        ("SK0123", "SK0123"),
    ],
)
def test_a_zero_ocr_read_where_only_the_letter_o_can_stand(read: str, printed: str) -> None:
    assert ocr_letter_slips(read) == printed


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("Roztocze Instalacje sp. z 0.0.,", "Roztocze Instalacje sp. z o.o.,"),  # after a word joining a form's parts
        ("Savinja Trgovina d.0.0.", "Savinja Trgovina d.o.o."),  # a word of initials with a letter of its own
        ("ORAVA S.R.0.", "ORAVA S.R.O."),  # capitals stay capitals
        ("VAT 0.0", "VAT 0.0"),  # a zero in a table
        ("Discount 2 0.0.", "Discount 2 0.0."),
        # a form without stops read in digits before a name in its script: zeros for 'О', a three for 'З'
        ("000 УралТорг ИНН 1626200047", "ООО УралТорг ИНН 1626200047"),
        ("Поставщик: 000 «Ромашка»", "Поставщик: ООО «Ромашка»"),
        ("3АО Сибирь", "ЗАО Сибирь"),
        ('000 "Acme', 'OOO "Acme'),  # a quoted Latin name
        ("000 Main Street", "000 Main Street"),  # a house number before a Latin word
        ("A0 Paper", "A0 Paper"),
        ("100 Тест", "100 Тест"),  # no form in any reading
        ("000 ул.", "000 ул."),  # no capitalised name after it
    ],
)
def test_a_legal_form_read_with_a_zero_for_o(read: str, printed: str) -> None:
    from extraction.companies import forms_read_with_zeros
    from extraction.document import Word

    words = forms_read_with_zeros(
        [Word(text, (0.1 * i, 0.1, 0.1 * i + 0.08, 0.12)) for i, text in enumerate(read.split())]
    )
    assert " ".join(w.text for w in words) == printed


def test_a_scanned_page_is_loaded_with_its_zeros_read_for_o_mended(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from extraction import loading
    from extraction.document import Word

    words = [Word("ORAVA", (0.1, 0.1, 0.2, 0.12), 0.9), Word("S.R.0.", (0.21, 0.1, 0.3, 0.12), 0.9),
             Word("0BJ69935", (0.5, 0.1, 0.6, 0.12), 0.9), Word("sp.", (0.1, 0.2, 0.13, 0.22), 0.9),
             Word("z", (0.14, 0.2, 0.15, 0.22), 0.9), Word("0.0.", (0.16, 0.2, 0.2, 0.22), 0.9),
             Word("100", (0.5, 0.2, 0.6, 0.22), 0.9)]  # fmt: skip
    image = Image.new("L", (100, 100), 255)
    monkeypatch.setattr(loading, "read_scan", lambda *args: loading.ScanReading(image, words))
    page = loading._ocr_page(1, 100, 100, image, loading.Limits())
    assert [w.text for w in page.words] == ["ORAVA", "S.R.O.", "OBJ69935", "sp.", "z", "o.o.", "100"]
    assert [w.bbox for w in page.words] == [w.bbox for w in words]
