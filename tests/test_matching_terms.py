from datetime import date
from decimal import Decimal

import pytest

from matching.money import minor_unit, quantize
from matching.terms import PaymentTerms, parse_terms


@pytest.mark.parametrize(
    ("text", "days", "eom"),
    [
        ("Net 30", 30, False),
        ("2/10 Net 30", 30, False),
        ("Due on receipt", 0, False),
        ("60 days end of month", 60, True),
        ("payable within forty-five (45) days", 45, False),
        ("Net 30 EOM", 30, True),
        ("2% 10 days, net 30 days", 30, False),
        ("thirty (30) days from the date of invoice", 30, False),
        ("N/60", 60, False),
        ("payment upon receipt of invoice", 0, False),
        ("90", 90, False),
    ],
)
def test_parse_terms_reads_net_days(text: str, days: int, eom: bool) -> None:
    terms = parse_terms(text)
    assert terms is not None
    assert (terms.net_days, terms.end_of_month) == (days, eom)


def test_parse_terms_keeps_the_discount_apart() -> None:
    assert parse_terms("2/10 Net 30") == PaymentTerms(30, False, Decimal("2"), 10)


@pytest.mark.parametrize("text", [None, "", "see contract", "2/10"])
def test_parse_terms_unreadable(text: str | None) -> None:
    assert parse_terms(text) is None


def test_due_dates_plain_and_end_of_month() -> None:
    assert PaymentTerms(30).due_dates(date(2026, 1, 15)) == {date(2026, 2, 14)}
    eom = PaymentTerms(30, end_of_month=True).due_dates(date(2026, 1, 15))
    assert eom == {date(2026, 3, 2), date(2026, 2, 28)}  # 31 Jan + 30, or 14 Feb rounded to month end


def test_minor_units() -> None:
    assert minor_unit("JPY") == Decimal("1")
    assert minor_unit("EUR") == Decimal("0.01")
    assert quantize(Decimal("10.005"), "EUR") == Decimal("10.01")
    assert quantize(Decimal("1234.5"), "JPY") == Decimal("1235")
