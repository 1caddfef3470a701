"""Property tests of the one amount, currency and date parser (``extraction.normalize``): every way a document
prints a value reads back as that value, the OCR misreads it repairs are repaired, and garbage gives None, never
a wrong value. The risk history and the pre-send check read through the same functions; a reviewer's typed
correction is stricter (plain or comma-grouped decimals only) and refuses what it cannot read unambiguously."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.dates import get_month_names
from hypothesis import assume, example, given
from hypothesis import strategies as st

from core.errors import InvalidInput
from extraction.normalize import COMMON_CODES, CURRENCY_SYMBOLS, parse_amount, parse_currency, parse_date
from review.values import parse_value
from risk import history

# ---- amounts ------------------------------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10**11).map(lambda n: Decimal(n).scaleb(-2))


def _grouped(value: Decimal, thousands: str, decimal: str) -> str:
    whole, fraction = f"{value:.2f}".split(".")
    groups = f"{int(whole):,}".replace(",", thousands)
    return f"{groups}{decimal}{fraction}"


STYLES = {  # how invoices print 1234.50, with the locale hint a document's other numbers would give
    "us": (",", ".", "US"),
    "eu": (".", ",", "EU"),
    "swiss": ("'", ".", "CH"),
    "space_eu": ("\u00a0", ",", "EU"),
    "thin_space_us": ("\u2009", ".", "US"),
    "plain": ("", ".", None),
}


@given(value=cents, style=st.sampled_from(sorted(STYLES)), hinted=st.booleans())
@example(value=Decimal("1234.50"), style="eu", hinted=False)
def test_amounts_round_trip_in_every_print_style(value, style, hinted):
    thousands, decimal, hint = STYLES[style]
    text = _grouped(value, thousands, decimal)
    assert parse_amount(text, hint if hinted else None) == value


@given(
    value=cents,
    mark=st.sampled_from(sorted(CURRENCY_SYMBOLS) + sorted(COMMON_CODES)),
    after=st.booleans(),
    spaced=st.booleans(),
)
def test_a_currency_mark_on_either_side_leaves_amount_and_currency_readable(value, mark, after, spaced):
    number = _grouped(value, ",", ".")
    gap = " " if spaced or mark.isalpha() else ""
    text = f"{number}{gap}{mark}" if after else f"{mark}{gap}{number}"
    assert parse_amount(text) == value
    assert parse_currency(text) == (mark if mark in COMMON_CODES else CURRENCY_SYMBOLS[mark])


@given(value=cents.filter(lambda v: v > 0), form=st.sampled_from(["({})", "-{}", "{}-", "\u2212{}"]))
def test_negative_amounts_in_accounting_forms(value, form):
    assert parse_amount(form.format(_grouped(value, ",", "."))) == -value


@given(whole=st.integers(min_value=1000, max_value=10**9), style=st.sampled_from(["us", "eu"]))
def test_one_separator_before_three_digits_follows_the_documents_format(whole, style):
    thousands, _, hint = STYLES[style]
    text = f"{whole:,}".replace(",", thousands)  # '1,234' is 1234 on a US document and 1.234 is 1234 on an EU one
    assert parse_amount(text, hint) == whole


@given(value=cents.filter(lambda v: v >= 1000), separator=st.sampled_from([",", "."]))
@example(value=Decimal("34150.00"), separator=",")
def test_ocr_reading_the_decimal_point_as_a_thousands_separator_is_repaired(value, separator):
    text = _grouped(value, separator, separator)  # '34,150,00' or '1.234.50': only one reading is possible
    assert parse_amount(text) == value


LOOKALIKES = {"0": "O", "1": "l", "5": "S", "8": "B", "2": "Z"}


@given(value=cents.filter(lambda v: v >= 10), data=st.data())
def test_ocr_letters_for_digits_give_none_never_another_number(value, data):
    text = _grouped(value, ",", ".")
    positions = [i for i, c in enumerate(text) if c in LOOKALIKES]
    assume(positions)
    i = data.draw(st.sampled_from(positions))
    misread = text[:i] + LOOKALIKES[text[i]] + text[i + 1 :]
    assert parse_amount(misread) in (None, value)


@given(st.text(max_size=30))
def test_any_text_reads_as_a_decimal_or_none(text):
    assert parse_amount(text) is None or isinstance(parse_amount(text), Decimal)
    assert parse_currency(text) is None or parse_currency(text) in set(CURRENCY_SYMBOLS.values()) | COMMON_CODES
    assert parse_date(text) is None or isinstance(parse_date(text), date)


@given(value=cents, style=st.sampled_from(["us", "eu"]))
def test_the_risk_history_reads_amounts_through_the_same_parser(value, style):
    thousands, decimal, hint = STYLES[style]
    text = _grouped(value, thousands, decimal)
    assert history.parse_amount(text) == parse_amount(text) == value


# ---- currencies ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(COMMON_CODES))
def test_every_common_code_reads_as_itself(code):
    assert parse_currency(code) == code
    assert parse_currency(f"Amounts in {code}") == code


@pytest.mark.parametrize(("symbol", "code"), sorted(CURRENCY_SYMBOLS.items()))
def test_every_symbol_reads_as_its_code(symbol, code):
    assert parse_currency(symbol) == code


# ---- dates --------------------------------------------------------------------------------------------------

days = st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31))
LOCALES = ["en", "de", "fr", "es", "it", "nl", "pt"]


@given(day=days, order=st.sampled_from(["DMY", "MDY"]), sep=st.sampled_from(["/", ".", "-"]), short=st.booleans())
def test_numeric_dates_round_trip_with_the_documents_order(day, order, sep, short):
    year = f"{day.year % 100:02d}" if short else str(day.year)
    first, second = (day.day, day.month) if order == "DMY" else (day.month, day.day)
    assert parse_date(f"{first:02d}{sep}{second:02d}{sep}{year}", order) == day
    assert parse_date(f"{first}{sep}{second}{sep}{year}", order) == day


@given(day=days, sep=st.sampled_from(["-", "/", "."]))
def test_iso_and_year_first_dates_need_no_hint(day, sep):
    assert parse_date(day.isoformat().replace("-", sep)) == day
    assert parse_date(day.isoformat(), "DMY") == parse_date(day.isoformat(), "MDY") == day


@given(day=days.filter(lambda d: d.day > 12), sep=st.sampled_from(["/", "."]))
def test_a_day_above_twelve_settles_the_order_against_the_hint(day, sep):
    assert parse_date(f"{day.day}{sep}{day.month}{sep}{day.year}", "MDY") == day
    assert parse_date(f"{day.month}{sep}{day.day}{sep}{day.year}", "DMY") == day


@given(
    day=days,
    locale=st.sampled_from(LOCALES),
    width=st.sampled_from(["wide", "abbreviated"]),
    form=st.sampled_from(["{d} {m} {y}", "{d}. {m} {y}", "{m} {d}, {y}", "{d}-{m}-{y}", "{m} {d}th, {y}"]),
)
def test_dates_with_month_names_round_trip_in_seven_languages(day, locale, width, form):
    month = get_month_names(width, locale=locale)[day.month]
    assume(not (form.startswith("{m} {d}th") and locale != "en"))
    text = form.format(d=day.day, m=month, y=day.year)
    assert parse_date(text) == day
    assert parse_date(text.upper()) == day


@given(day=days, noise=st.sampled_from([",", ";", " ,", "Day of "]))
def test_ocr_punctuation_around_a_date_is_ignored(day, noise):
    text = f"{day.day} {get_month_names('wide', locale='en')[day.month]} {day.year}"
    assert parse_date(f"{noise}{text}" if noise == "Day of " else f"{text}{noise}") == day


@given(day=days.filter(lambda d: d.day <= 12 and d.month <= 12))
def test_history_dates_are_month_first_like_the_exports_they_come_from(day):
    assert history.parse_date(f"{day.month}/{day.day}/{day.year}") == day
    assert history.parse_date(f"{day:%Y%m%d}") == history.parse_date(f"{day} 00:00:00") == day


@given(day=days, short_month=st.sampled_from([4, 6, 9, 11]))
def test_invalid_calendar_dates_give_none(day, short_month):
    assert parse_date(f"{day.year}-02-30") is None
    assert parse_date(f"31.{short_month}.{day.year}") is None


# ---- a reviewer's typed correction ----------------------------------------------------------------------------


@given(value=cents, grouped=st.booleans())
def test_a_reviewers_amount_reads_back_grouped_or_plain(value, grouped):
    typed = f"{value:,.2f}" if grouped else f"{value:.2f}"
    assert Decimal(parse_value("total", typed)) == value


@pytest.mark.parametrize("typed", ["1,5", "12,50", "1.234,50", "1,23,456.00"])
def test_a_reviewers_decimal_comma_is_refused_not_misread(typed):
    with pytest.raises(InvalidInput, match="is not a decimal amount"):
        parse_value("total", typed)
