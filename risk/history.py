"""Invoice/payment history rows: parsing from the project's own columns or the IBM accounts-receivable sample.

Bad rows are reported with their line and the reason, never dropped silently. A row is kept when what is wrong
with it is a field the risk model can do without (it is then reported as a warning and the field left empty);
a row without an invoice number, a customer or a readable invoice date cannot be placed and is an error.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from extraction import normalize

# Normalised header (lower case, letters and digits only) -> canonical field.
COLUMN_ALIASES: dict[str, str] = {
    "customerid": "customer_id",
    "customer": "customer_id",
    "clientid": "customer_id",
    "invoicenumber": "invoice_number",
    "invoiceno": "invoice_number",
    "invoiceid": "invoice_number",
    "invoice": "invoice_number",
    "countrycode": "country",
    "country": "country",
    "invoicedate": "invoice_date",
    "issuedate": "invoice_date",
    "duedate": "due_date",
    "invoiceamount": "amount",
    "amount": "amount",
    "total": "amount",
    "currency": "currency",
    "disputed": "disputed",
    "disputeopen": "dispute_open",
    "settleddate": "settled_date",
    "paiddate": "settled_date",
    "paymentdate": "settled_date",
    "paperlessbill": "paperless",
    "paperless": "paperless",
    "paperlessdate": "paperless_date",
    "daystosettle": "days_to_settle",
    "dayslate": "days_late",
    "reminderssent": "reminders_sent",
    "lastreminderat": "last_reminder_at",
}

TRUE_WORDS = {"yes", "y", "true", "t", "1", "electronic", "paperless", "x"}
FALSE_WORDS = {"no", "n", "false", "f", "0", "paper", ""}


@dataclass(frozen=True)
class HistoryRow:
    """One invoice and, once paid, its settlement. ``settled_date`` None means still open (or not known)."""

    customer_id: str
    invoice_number: str
    invoice_date: date
    due_date: date | None = None
    amount: Decimal | None = None
    country: str | None = None
    currency: str | None = None
    disputed: bool = False
    dispute_open: bool = False
    paperless: bool | None = None
    settled_date: date | None = None
    days_late: int | None = None
    reminders_sent: int = 0
    last_reminder_at: date | None = None
    dispute_opened: date | None = None  # a dispute logged in LedgerLens: known from this day on

    @property
    def is_late(self) -> bool | None:
        """Paid after the due date (the label); None while unknown."""
        return None if self.days_late is None else self.days_late > 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RowIssue:
    row: int  # 1-based data row (the header is not counted)
    message: str
    field: str | None = None
    severity: str = "error"  # "error": row not used; "warning": row used, the field left empty

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ParsedHistory:
    rows: list[HistoryRow] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)

    @property
    def errors(self) -> list[RowIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[RowIssue]:
        return [i for i in self.issues if i.severity == "warning"]


_EMPTY = {"nan", "nat", "none", "null"}


def parse_date(value: Any) -> date | None:
    """A history cell as a date: ISO, M/D/YYYY (D/M/YYYY when the first part cannot be a month), D.M.YYYY,
    '02 Jan 2013', the compact '20130102' of some exports, with any time part dropped; None for an empty cell,
    ValueError for one that is no date. The reading itself is ``extraction.normalize.parse_date``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text or text.lower() in _EMPTY:
        return None
    text = re.split(r"[T ](?=\d{1,2}:)", text)[0]  # drop a time part
    if re.fullmatch(r"\d{8}", text):  # an export's compact ISO date (only here: on a document it is a number)
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    parsed = normalize.parse_date(text)
    if parsed is None:
        raise ValueError(f"unreadable date {text!r} (use YYYY-MM-DD or M/D/YYYY)")
    return parsed


def parse_amount(value: Any) -> Decimal | None:
    """A history cell as a Decimal ('1,234.50', '1.234,50', 'USD 55.94', numbers from a spreadsheet); None for an
    empty cell, ValueError for one that is no amount. The reading itself is ``extraction.normalize.parse_amount``."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = str(value).strip()
    if not text or text.lower() in _EMPTY:
        return None
    amount = normalize.parse_amount(text)
    if amount is None:
        raise ValueError(f"unreadable amount {value!r}")
    return amount


def parse_bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    if text in {"nan", "none", "null"}:
        return None
    raise ValueError(f"unreadable yes/no value {value!r}")


def parse_int(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        raise ValueError(f"unreadable number {value!r}") from None
    if number != number:  # NaN
        return None
    if number != int(number):
        raise ValueError(f"not a whole number: {value!r}")
    return int(number)


def canonical_columns(record: Mapping[str, Any]) -> dict[str, Any]:
    """Map whatever headers a row has onto canonical field names (unknown columns are ignored)."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key is None:
            continue
        name = COLUMN_ALIASES.get(re.sub(r"[^a-z0-9]", "", str(key).lower()))
        if name is not None and (name not in out or out[name] in (None, "")):
            out[name] = value.strip() if isinstance(value, str) else value
    return out


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_row(
    record: Mapping[str, Any], line: int, allow_missing_customer: bool = False
) -> tuple[HistoryRow | None, list[RowIssue]]:
    """One raw row -> a HistoryRow (or None) and what was wrong with it. With ``allow_missing_customer`` a row
    without a customer becomes a customer of its own (scored like any unseen customer) and is reported."""
    raw = canonical_columns(record)
    issues: list[RowIssue] = []

    def field_value(name: str, parser: Any) -> Any:
        try:
            return parser(raw.get(name))
        except ValueError as exc:
            issues.append(RowIssue(line, str(exc), name, "warning"))
            return None

    invoice_number = _text(raw.get("invoice_number"))
    customer_id = _text(raw.get("customer_id"))
    try:
        invoice_date = parse_date(raw.get("invoice_date"))
    except ValueError as exc:
        issues.append(RowIssue(line, str(exc), "invoice_date"))
        invoice_date = None
    if customer_id is None and allow_missing_customer and invoice_number is not None:
        customer_id = f"unknown-customer:{invoice_number}"
        issues.append(RowIssue(line, "customer_id is missing; scored as a new customer", "customer_id", "warning"))
    for name, value in (("invoice_number", invoice_number), ("customer_id", customer_id)):
        if value is None:
            issues.append(RowIssue(line, f"{name} is missing", name))
    if invoice_date is None and not any(i.field == "invoice_date" for i in issues):
        issues.append(RowIssue(line, "invoice_date is missing", "invoice_date"))
    if invoice_number is None or customer_id is None or invoice_date is None:
        return None, issues

    due_date = field_value("due_date", parse_date)
    amount = field_value("amount", parse_amount)
    settled_date = field_value("settled_date", parse_date)
    days_late = field_value("days_late", parse_int)
    days_to_settle = field_value("days_to_settle", parse_int)
    paperless = field_value("paperless", parse_bool)
    paperless_date = field_value("paperless_date", parse_date)
    if paperless is None and paperless_date is not None:
        paperless = paperless_date <= invoice_date  # the customer had switched by then

    if due_date is not None and due_date < invoice_date:
        issues.append(RowIssue(line, "due date before invoice date; ignored", "due_date", "warning"))
        due_date = None
    if amount is not None and amount < 0:
        issues.append(RowIssue(line, "negative amount (a credit note?); ignored", "amount", "warning"))
        amount = None
    if settled_date is None and days_to_settle is not None and days_to_settle >= 0:
        settled_date = invoice_date + timedelta(days=days_to_settle)
    if settled_date is not None and settled_date < invoice_date:
        issues.append(RowIssue(line, "settled before it was issued; settlement ignored", "settled_date", "warning"))
        settled_date, days_late = None, None
    if days_late is not None and days_late < 0:
        days_late = 0  # paid early counts as on time
    if settled_date is not None and due_date is not None:
        computed = max(0, (settled_date - due_date).days)
        if days_late is not None and days_late != computed:
            issues.append(
                RowIssue(
                    line,
                    f"DaysLate {days_late} disagrees with the dates ({computed}); dates used",
                    "days_late",
                    "warning",
                )
            )
        days_late = computed
    elif settled_date is None and days_late is not None and due_date is not None:
        settled_date = due_date + timedelta(days=days_late)  # only the delay was given
    elif settled_date is not None and due_date is None:
        days_late = None  # cannot tell late from on time without a due date

    disputed = field_value("disputed", parse_bool)
    dispute_open = field_value("dispute_open", parse_bool)
    reminders = field_value("reminders_sent", parse_int)
    row = HistoryRow(
        customer_id=customer_id,
        invoice_number=invoice_number,
        invoice_date=invoice_date,
        due_date=due_date,
        amount=amount,
        country=_text(raw.get("country")),
        currency=(_text(raw.get("currency")) or "").upper() or None,
        disputed=bool(disputed),
        dispute_open=bool(dispute_open),
        paperless=paperless,
        settled_date=settled_date,
        days_late=days_late,
        reminders_sent=max(0, reminders or 0),
        last_reminder_at=field_value("last_reminder_at", parse_date),
    )
    return row, issues


def parse_records(records: Iterable[Mapping[str, Any]], allow_missing_customer: bool = False) -> ParsedHistory:
    """Parse raw rows; a repeated (customer, invoice number) keeps the last row and says so."""
    result = ParsedHistory()
    seen: dict[tuple[str, str], tuple[int, int]] = {}  # key -> (line, index in rows)
    for line, record in enumerate(records, start=1):
        if not isinstance(record, Mapping):
            result.issues.append(RowIssue(line, "row is not an object with named fields"))
            continue
        row, issues = parse_row(record, line, allow_missing_customer)
        result.issues.extend(issues)
        if row is None:
            continue
        key = (row.customer_id, row.invoice_number)
        if key in seen:
            first_line, index = seen[key]
            result.issues.append(
                RowIssue(
                    line, f"invoice {row.invoice_number} repeats row {first_line}; this row kept", severity="warning"
                )
            )
            result.rows[index] = row
        else:
            result.rows.append(row)
            index = len(result.rows) - 1
        seen[key] = (line, index)
    return result


def read_csv_text(text: str, allow_missing_customer: bool = False) -> ParsedHistory:
    text = text.lstrip("\ufeff")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    return parse_records(csv.DictReader(io.StringIO(text), dialect=dialect), allow_missing_customer)


def read_history_csv(path: str | Path, allow_missing_customer: bool = False) -> ParsedHistory:
    return read_csv_text(Path(path).read_text(encoding="utf-8-sig", errors="replace"), allow_missing_customer)
