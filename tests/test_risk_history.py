from datetime import date
from decimal import Decimal

import pytest

from risk.history import parse_amount, parse_date, parse_records, read_csv_text

IBM_HEADER = (
    "countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,"
    "SettledDate,PaperlessBill,DaysToSettle,DaysLate"
)


def test_ibm_columns_and_us_dates():
    text = IBM_HEADER + "\n406,8976-AMJEO,3/3/2012,0007900770,1/26/2013,2/25/2013,61.74,Yes,3/3/2013,Electronic,36,6\n"
    parsed = read_csv_text(text)
    assert parsed.issues == []
    row = parsed.rows[0]
    assert row.invoice_number == "0007900770"  # leading zeros kept
    assert row.invoice_date == date(2013, 1, 26) and row.settled_date == date(2013, 3, 3)
    assert row.amount == Decimal("61.74") and row.days_late == 6 and row.is_late
    assert row.disputed and row.paperless and row.country == "406"


def test_project_columns_iso_dates_and_open_invoice():
    parsed = parse_records(
        [
            {
                "customer_id": "C1",
                "invoice_number": "A-1",
                "invoice_date": "2026-01-05",
                "due_date": "2026-02-04",
                "amount": "1,234.50",
                "currency": "eur",
                "settled_date": "",
            }
        ]
    )
    row = parsed.rows[0]
    assert row.amount == Decimal("1234.50") and row.currency == "EUR"
    assert row.settled_date is None and row.days_late is None and row.is_late is None


def test_bad_rows_are_reported_not_dropped_silently():
    parsed = parse_records(
        [
            {"customer_id": "C1", "invoice_number": "", "invoice_date": "2026-01-05"},
            {"customer_id": "C1", "invoice_number": "A-2", "invoice_date": "yesterday"},
            {
                "customer_id": "C1",
                "invoice_number": "A-3",
                "invoice_date": "2026-01-05",
                "amount": "abc",
                "due_date": "2026-02-04",
            },
            {
                "customer_id": "C1",
                "invoice_number": "A-4",
                "invoice_date": "2026-01-05",
                "due_date": "2026-02-04",
                "settled_date": "2025-12-01",
            },
        ]
    )
    assert [(i.row, i.field, i.severity) for i in parsed.errors] == [
        (1, "invoice_number", "error"),
        (2, "invoice_date", "error"),
    ]
    assert {(i.row, i.field) for i in parsed.warnings} == {(3, "amount"), (4, "settled_date")}
    assert [r.invoice_number for r in parsed.rows] == ["A-3", "A-4"]
    assert parsed.rows[0].amount is None and parsed.rows[1].settled_date is None


def test_days_late_disagreeing_with_dates_is_reported_and_dates_win():
    parsed = parse_records(
        [
            {
                "customer_id": "C",
                "invoice_number": "1",
                "invoice_date": "1/1/2013",
                "due_date": "1/31/2013",
                "settled_date": "2/5/2013",
                "days_late": "2",
            }
        ]
    )
    assert parsed.rows[0].days_late == 5
    assert parsed.warnings[0].field == "days_late"


def test_repeated_invoice_keeps_last_row_and_says_so():
    base = {"customer_id": "C", "invoice_number": "1", "invoice_date": "2026-01-01", "due_date": "2026-01-31"}
    parsed = parse_records([{**base, "amount": "10"}, {**base, "amount": "12"}])
    assert len(parsed.rows) == 1 and parsed.rows[0].amount == Decimal("12")
    assert "repeats row 1" in parsed.warnings[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2013-05-01", date(2013, 5, 1)),
        ("5/1/2013", date(2013, 5, 1)),
        ("25/12/2013", date(2013, 12, 25)),
        ("2013-05-01 00:00:00", date(2013, 5, 1)),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_parse_amount_formats():
    assert parse_amount("$1,234.50") == Decimal("1234.50")
    assert parse_amount("1.234,50") == Decimal("1234.50")
    with pytest.raises(ValueError):
        parse_amount("12x")
