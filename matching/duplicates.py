"""Invoices sent twice, as people send them: the same content again under a new number within a few weeks, or
the same number again with the same content. Not duplicates: a corrected resubmission (same number, other
content) and a recurring schedule (a contract's monthly fee, a subscription), told apart by the billing period the
lines name ("Hosting Nov 2026" then "Hosting Dec 2026") or, when they name none, by the reference's schedule and
the period each invoice falls in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from babel.dates import get_month_names

from extraction.result import Extraction
from matching.align import description_similarity, normalize_sku, tokens
from matching.references import norm_id
from matching.types import DraftInvoice

ALIKE = 0.5  # description similarity from which two lines with the same numbers bill the same item

# How often a line recurs, from its unit or its words: "month", "per month", "monthly fee", "subscription".
_SCHEDULE_WORDS = {
    "month": "month", "monthly": "month", "mo": "month", "mth": "month", "subscription": "month", "retainer": "month",
    "recurring": "month", "monatlich": "month", "mensuel": "month", "mensual": "month", "abo": "month",
    "quarter": "quarter", "quarterly": "quarter", "qtr": "quarter", "vierteljährlich": "quarter",
    "trimestriel": "quarter", "year": "year", "annual": "year", "yearly": "year", "annually": "year",
    "jährlich": "year", "annuel": "year", "anual": "year", "week": "week", "weekly": "week",
}  # fmt: skip
_ORDER = {"week": 0, "month": 1, "quarter": 2, "year": 3}
_DAYS = {"week": 7, "month": 30, "quarter": 91, "year": 365}
_RECURS_AFTER = 0.75  # share of a period after which the same content is the next period's bill


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for locale in ("en", "de", "fr", "es", "it", "nl"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                key = name.lower().rstrip(".")
                if len(key) >= 3:
                    lookup.setdefault(key, number)
    lookup.update({"sept": 9})
    return lookup


_MONTH_WORD = re.compile(r"\b([a-zà-ÿ]{3,10})\.?\s*[-'’/]?\s*(\d{4}|\d{2})\b", re.IGNORECASE)
_NUMERIC_MONTH = re.compile(r"(?<![\d/.-])(\d{4})[-/.](\d{1,2})(?![\d])|(?<![\d/.-])(\d{1,2})[-/.](\d{4})(?![\d])")
_QUARTER = re.compile(r"\bq([1-4])\s*[-/']?\s*(\d{4}|\d{2})\b|\b(\d{4})\s*[-/]?\s*q([1-4])\b", re.IGNORECASE)
_FULL_DATE = re.compile(r"\b(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})\b")


def billing_periods(invoice: DraftInvoice) -> frozenset[str]:
    """The billing periods the lines name: 'Nov 2026', '2026-11', '11/2026', 'Q3 2026', '01.11.2026 - 30.11.2026'
    -> {'2026-11'}, {'2026-Q3'}; full dates count as written (a service date, a period's bounds)."""
    found: set[str] = set()
    months = _months()
    for line in invoice.lines:
        text = line.description
        for match in _FULL_DATE.finditer(text):
            found.add("-".join(sorted(match.groups())))
        text = _FULL_DATE.sub(" ", text)
        for match in _MONTH_WORD.finditer(text):
            month = months.get(match.group(1).lower())
            if month is not None:
                found.add(f"{_year(match.group(2))}-{month:02d}")
        for match in _NUMERIC_MONTH.finditer(text):
            year_text, month_text = match.group(1, 2) if match.group(1) else match.group(4, 3)
            if 1 <= int(month_text) <= 12:
                found.add(f"{year_text}-{int(month_text):02d}")
        for match in _QUARTER.finditer(text):
            quarter, year = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
            found.add(f"{_year(year)}-Q{quarter}")
    return frozenset(found)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def schedule_of(invoice: DraftInvoice, reference: Extraction | None) -> str | None:
    """How often what the invoice bills recurs ('week', 'month', 'quarter', 'year'), None for a one-off: every
    line's unit or words, or the reference's lines and header, must name a period."""
    found: list[str] = []
    for line in invoice.lines:
        words = [*tokens(line.unit or ""), *tokens(line.description)]
        period = next((_SCHEDULE_WORDS[w] for w in words if w in _SCHEDULE_WORDS), None)
        if period is None and reference is not None:
            period = _reference_schedule(reference)
        if period is None:
            return None
        found.append(period)
    return min(found, key=_ORDER.__getitem__) if found else None


def _reference_schedule(reference: Extraction) -> str | None:
    """A reference that bills on a schedule: every line priced per period, or a header field naming one
    ('billing_frequency': 'monthly', as an extraction extra)."""
    for name in ("billing_frequency", "billing_period", "schedule", "frequency"):
        value = reference.value(name)
        if value is not None:
            period = next((_SCHEDULE_WORDS[w] for w in tokens(value) if w in _SCHEDULE_WORDS), None)
            if period is not None:
                return period
    periods = set()
    for item in reference.line_items:
        words = [*tokens(item.value("unit") or ""), *tokens(item.value("description") or "")]
        period = next((_SCHEDULE_WORDS[w] for w in words if w in _SCHEDULE_WORDS), None)
        if period is None:
            return None
        periods.add(period)
    return min(periods, key=_ORDER.__getitem__) if periods else None


def same_content(a: DraftInvoice, b: DraftInvoice) -> bool:
    """The same customer, currency and total, and line for line the same quantity, price and amount for items
    described alike (billing systems reword descriptions, so the words need only be similar)."""
    if (a.customer_id, a.currency, a.total) != (b.customer_id, b.currency, b.total) or len(a.lines) != len(b.lines):
        return False

    def keyed(invoice: DraftInvoice) -> list[tuple[tuple[Decimal, ...], list[str], str | None]]:
        rows = [
            ((ln.quantity, ln.unit_price, ln.amount), tokens(ln.description), normalize_sku(ln.sku))
            for ln in invoice.lines
        ]
        return sorted(rows, key=lambda row: (row[0], " ".join(row[1])))

    return all(
        x[0] == y[0] and ((x[2] is not None and x[2] == y[2]) or description_similarity(x[1], y[1]) >= ALIKE)
        for x, y in zip(keyed(a), keyed(b), strict=True)
    )


def recurs(invoice: DraftInvoice, other: DraftInvoice, reference: Extraction | None) -> bool:
    """Two invoices of the same content that bill different periods of a schedule, not the same thing twice."""
    mine, theirs = billing_periods(invoice), billing_periods(other)
    if mine and theirs:
        return mine != theirs
    schedule = schedule_of(invoice, reference)
    if schedule is None:
        return False
    # most of a period apart (a monthly fee billed on the 3rd, then on the 31st); a re-sent copy comes sooner
    return abs((invoice.issue_date - other.issue_date).days) >= _RECURS_AFTER * _DAYS[schedule]


def find_duplicate(
    invoice: DraftInvoice, earlier: Sequence[DraftInvoice], reference: Extraction | None, window_days: int
) -> tuple[DraftInvoice, str] | None:
    """The earlier invoice this one repeats and how ('number' or 'content'), None when it repeats none."""
    number = norm_id(invoice.invoice_number)
    for other in earlier:
        if norm_id(other.invoice_number) == number and same_content(invoice, other):
            return other, "number"  # a corrected resubmission under the same number differs in content
    for other in earlier:
        if norm_id(other.invoice_number) == number or abs((invoice.issue_date - other.issue_date).days) > window_days:
            continue
        if same_content(invoice, other) and not recurs(invoice, other, reference):
            return other, "content"
    return None
