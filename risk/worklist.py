"""Collections worklist: open exposure per client and the order to work it in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from risk.history import HistoryRow

ORDERS = ("expected_overdue", "probability", "open_amount", "overdue_amount")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Exposure:
    open_amount: Decimal  # unpaid invoices
    overdue_amount: Decimal  # unpaid and past due today: late already, whatever the model says
    open_invoices: int
    overdue_invoices: int
    dispute_open: bool  # every open invoice is disputed: the client's reminders pause
    unanswered_reminders: int  # most reminders sent on one still-open invoice

    def expected_overdue(self, probability_late: float) -> Decimal:
        """Past-due money counts in full; money not yet due is weighted by the probability of paying it late."""
        not_due = self.open_amount - self.overdue_amount
        expected = self.overdue_amount + not_due * Decimal(str(round(probability_late, 6)))
        return expected.quantize(CENT)


def exposure(rows: Iterable[HistoryRow], today: date) -> Exposure:
    open_rows = [r for r in rows if r.settled_date is None or r.settled_date > today]
    open_rows = [r for r in open_rows if r.invoice_date <= today]
    overdue = [r for r in open_rows if r.due_date is not None and r.due_date < today]
    return Exposure(
        open_amount=sum((r.amount or Decimal(0) for r in open_rows), Decimal(0)).quantize(CENT),
        overdue_amount=sum((r.amount or Decimal(0) for r in overdue), Decimal(0)).quantize(CENT),
        open_invoices=len(open_rows),
        overdue_invoices=len(overdue),
        dispute_open=bool(open_rows) and all(r.dispute_open for r in open_rows),  # one dispute pauses one invoice
        unanswered_reminders=max((r.reminders_sent for r in open_rows), default=0),
    )


def order_worklist(items: Sequence[dict[str, Any]], order: str = "expected_overdue") -> list[dict[str, Any]]:
    """Riskiest exposure first; ties broken by probability, then customer id (a stable, repeatable order)."""
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
    key_field = {"expected_overdue": "expected_overdue_amount", "probability": "probability_late"}.get(order, order)

    def key(item: dict[str, Any]) -> tuple[Decimal, float, str]:
        value = item.get(key_field)
        return (-Decimal(str(value or 0)), -float(item["probability_late"]), str(item["customer_id"]))

    return sorted(items, key=key)
