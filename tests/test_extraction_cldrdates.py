"""Dates, terms and days to pay as CLDR prints them in every country's language, read on a contract's page."""

from datetime import date

import pytest
from babel.dates import format_date

from extraction.countries import page_date_order
from extraction.normalize import parse_date
from extraction.openings import read_opening, term_months
from extraction.result import Extraction
from extraction.terms import net_days
from tests.fixtures_docs import page_of_lines


def _opening(lines: list[str]) -> dict[str, object]:
    extraction = Extraction("contract", 1, {})
    read_opening(page_of_lines(lines), extraction)
    return {name: cell.value for name, cell in extraction.fields.items()}


@pytest.mark.parametrize("locale", ["hy", "lt", "lv", "he", "ja", "ko", "vi", "th", "mn", "bn", "hi", "ky", "mt", "ka"])
@pytest.mark.parametrize("width", ["medium", "long", "full"])
def test_a_date_in_words_as_cldr_prints_it_in_each_language(locale: str, width: str) -> None:
    for day in (date(2026, 1, 14), date(2027, 8, 20), date(2025, 12, 3)):
        assert parse_date(format_date(day, width, locale=locale)) == day


def test_a_date_without_its_year_word_and_one_no_pattern_holds() -> None:
    assert parse_date("2027 օգոստոսի 20") == date(2027, 8, 20)  # the pattern's 'թ.' left out
    assert parse_date("2026年1月") is None  # no day
    assert parse_date("Order 2026 total 14") is None


@pytest.mark.parametrize(
    ("text", "months"),
    [("12 ay", 12), ("24 মাস", 24), ("2 il", 24), ("miezi 18", 18), ("miaka 3", 36), ("6 месяцев", 6)],
)
def test_a_term_in_cldr_duration_words_of_other_languages(text: str, months: int) -> None:
    assert term_months(f"runs {text} from signing") == months


@pytest.mark.parametrize(("text", "days"), [("30 দিন", 30), ("45 ថ្ងៃ", 45), ("60 ມື້", 60), ("siku 14", 14)])
def test_days_in_words_that_end_in_a_vowel_mark(text: str, days: int) -> None:
    assert net_days(text) == days


def test_south_asian_grouping_dates_the_page_day_first() -> None:
    assert page_date_order(["Date: 01-12-2027", "Total 11,88,208.00"]) == "DMY"
    assert page_date_order(["Date: 01-12-2027", "Total 1,188,208.00"]) is None


def test_an_armenian_contract_dated_year_first_before_its_parties() -> None:
    lines = [
        "ԾԱՌԱՅՈՒԹՅՈՒՆՆԵՐԻ ՄԱՏՈՒՑՄԱՆ ՊԱՅՄԱՆԱԳԻՐ",
        "Պայմանագիր № ԾՄ-2027/7794",
        "1. Կնքված է ք. Երևանում 2027 թ. օգոստոսի 20 ամսաթվին։ «Դիլիջան Շին» ՓԲԸ, ՀՎՀՀ 23992959,",
        "այսուհետ՝ Պատվիրատու, և «Արագած Սերվիս» ՍՊԸ, ՀՎՀՀ 23891523, այսուհետ՝ Կատարող, կնքեցին",
        "սույն պայմանագիրը։",
        "2. Պայմանագիրը գործում է մինչև 2028 թ. փետրվարի 19 ներառյալ։",
        "3. Գները նշված են AMD արժույթով։ Վճարման ժամկետը՝ 30 օր հաշիվը ստանալուց հետո (ըստ հաշվի)։",
    ]
    got = _opening(lines)
    # the year's 'թ.' ends no sentence; the caption's '՝' and the bracketed remark are no part of the terms
    assert (got["effective_date"], got["expiry_date"]) == (date(2027, 8, 20), date(2028, 2, 19))
    assert (got["payment_terms"], got["payment_terms_days"]) == ("30 օր հաշիվը ստանալուց հետո", 30)


def test_a_term_written_as_one_hyphenated_word_and_its_notice() -> None:
    lines = [
        "Agreement No. SA-2026-118",
        "This agreement is made on 1 March 2026 between Harlow Systems Ltd (the Client) and Vantor Data LLC",
        "(the Provider). It has an initial 24-month term. Either party may end it on 3-month notice.",
    ]
    assert _opening(lines)["expiry_date"] == date(2028, 2, 29)


def test_any_country_currency_code_beside_a_number_dates_the_page_day_first() -> None:
    assert page_date_order(["Tarehe", "09/04/2024", "TZS 2 Rangi ya maji lita 41,591.14"]) == "DMY"
    assert page_date_order(["Date", "05/01/2024", "XOF"]) == "DMY"
    assert page_date_order(["Date", "05/01/2024", "ALL RIGHTS RESERVED"]) is None


def test_a_day_before_an_elided_month_is_no_days_to_pay() -> None:
    lines = [
        "CONTRACTE DE SERVEIS",
        "Núm. de contracte: CS-2026-9115",
        "1. Andorra la Vella, 30 d’agost del 2026. D'una part, Valira Gestió SA, NRT L-767308-T, en endavant el",
        "Client, i de l'altra, Pessons Enginyeria SL, NRT U-474927-F, en endavant el Prestador, acorden el següent.",
        "2. El contracte finalitza el 29 d’agost del 2028.",
        "3. Els preus s'expressen en EUR i es paguen a 60 dies.",
    ]
    got = _opening(lines)
    assert (got["payment_terms_days"], got["expiry_date"]) == (60, date(2028, 8, 29))


def test_a_registration_number_one_country_checks_dates_a_dollar_page_day_first() -> None:
    page = ["Fecha de emisión", "06/02/2026", "Moneda", "USD", "RUC: 0394266310001 RUC: 0293326141001"]
    assert page_date_order(page) == "DMY"  # Ecuador's RUC: a dollar country that writes the day first
    assert page_date_order(["Date", "06/02/2026", "USD"]) is None
