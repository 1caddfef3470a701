"""The figures AR teams run on, for one period [start, end] (both days included), from plain records.

- ``dso_days``: receivables open at the end / sales invoiced in the period x days in the period;
- ``dispute_rate``: share of the period's invoices disputed (flagged in the history or disputed in LedgerLens);
- ``precheck_block_rate``: share of pre-send checks that failed (the invoice was held back);
- ``exceptions_by_code``: findings of the period's checks by code (warnings and errors);
- ``review_age_p50_hours`` / ``p90``: age of the period's review tasks (resolved: until resolved; open: until the
  end of the period);
- ``sla_breaches``: review tasks resolved after, or still open past, their SLA;
- ``automation_rate``: share of documents and checks that no person touched (no review task);
- ``late_payment_rate``: share of invoices due in the period that were paid late or are unpaid past due.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Invoice:
    invoice_date: date
    due_date: date | None
    amount: Decimal
    settled_date: date | None
    disputed: bool


@dataclass(frozen=True)
class Check:
    created_at: datetime
    verdict: str
    finding_codes: tuple[str, ...]
    reviewed: bool


@dataclass(frozen=True)
class Task:
    created_at: datetime
    resolved_at: datetime | None
    sla_due_at: datetime


@dataclass(frozen=True)
class Document:
    created_at: datetime
    reviewed: bool


def _end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _percentile(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return round(ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo), 2)


def compute(
    start: date,
    end: date,
    invoices: Sequence[Invoice],
    checks: Sequence[Check],
    tasks: Sequence[Task],
    documents: Sequence[Document],
    now: datetime | None = None,
) -> dict[str, Any]:
    """The KPIs of [start, end]; ``now`` (default the current time) bounds what is still open."""
    if end < start:
        raise ValueError("the period ends before it starts")
    t0, t1 = _start_of(start), _end_of(end)
    days = (end - start).days + 1
    now = now or datetime.now(UTC)
    cutoff = min(t1, now)

    issued = [i for i in invoices if start <= i.invoice_date <= end]
    sales = sum((i.amount for i in issued), Decimal(0))
    open_at_end = sum(
        (i.amount for i in invoices if i.invoice_date <= end and (i.settled_date is None or i.settled_date > end)),
        Decimal(0),
    )
    dso = round(float(open_at_end / sales) * days, 1) if sales else None
    due = [i for i in invoices if i.due_date is not None and start <= i.due_date <= end]
    late = [
        i
        for i in due
        if (i.settled_date is not None and i.due_date is not None and i.settled_date > i.due_date)
        or (i.settled_date is None and i.due_date is not None and i.due_date < cutoff.date())
    ]

    period_checks = [c for c in checks if t0 <= c.created_at < t1]
    codes = Counter(code for c in period_checks for code in c.finding_codes)
    period_tasks = [t for t in tasks if t0 <= t.created_at < t1]
    ages = [((t.resolved_at or cutoff) - t.created_at).total_seconds() / 3600 for t in period_tasks]
    breaches = sum(
        1
        for t in period_tasks
        if (t.resolved_at is not None and t.resolved_at > t.sla_due_at)
        or (t.resolved_at is None and t.sla_due_at < cutoff)
    )
    period_docs = [d for d in documents if t0 <= d.created_at < t1]
    untouched = sum(1 for d in period_docs if not d.reviewed) + sum(1 for c in period_checks if not c.reviewed)

    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "dso_days": dso,
        "dispute_rate": _share(sum(1 for i in issued if i.disputed), len(issued)),
        "precheck_block_rate": _share(sum(1 for c in period_checks if c.verdict == "fail"), len(period_checks)),
        "exceptions_by_code": dict(sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))),
        "review_age_p50_hours": _percentile(ages, 0.5),
        "review_age_p90_hours": _percentile(ages, 0.9),
        "sla_breaches": breaches,
        "automation_rate": _share(untouched, len(period_docs) + len(period_checks)),
        "late_payment_rate": _share(len(late), len(due)),
        "counts": {
            "invoices_issued": len(issued),
            "invoices_due": len(due),
            "checks": len(period_checks),
            "documents": len(period_docs),
            "review_tasks": len(period_tasks),
        },
    }


def weeks(start: date, end: date) -> list[tuple[date, date]]:
    """Monday-to-Sunday weeks covering [start, end], clipped to it."""
    out = []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        out.append((max(monday, start), min(monday + timedelta(days=6), end)))
        monday += timedelta(days=7)
    return out
