"""Reminder plans: when to nudge a client, in days relative to the due date (negative = before)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

DEFAULT_OFFSETS = (-7, 0, 7, 14)
HIGH_RISK_OFFSETS = (-14, -7, -3, 0, 3, 7, 10, 14)  # earlier and more often
HIGH_RISK_FROM = 0.5  # same threshold as the "high" risk band
ESCALATE_AFTER_UNANSWERED = 4


@dataclass(frozen=True)
class ReminderPlan:
    offsets: list[int] = field(default_factory=list)  # the contract's reminder_plan
    paused: bool = False  # a dispute is open: no nudges until it is settled
    escalate_to_person: bool = False  # reminders went unanswered: a person takes over
    reason: str = ""

    def dates(self, due_date: date) -> list[date]:
        return [due_date + timedelta(days=d) for d in self.offsets]

    def next_date(self, due_date: date, today: date) -> date | None:
        return next((d for d in self.dates(due_date) if d >= today), None)


def reminder_plan(probability_late: float, dispute_open: bool = False, unanswered_reminders: int = 0) -> ReminderPlan:
    """The default -7/0/+7/+14 plan; earlier and more frequent for high risk; paused while a dispute is open;
    handed to a person after four unanswered reminders (which wins over a pause: someone must look)."""
    if unanswered_reminders >= ESCALATE_AFTER_UNANSWERED:
        return ReminderPlan(
            [], paused=dispute_open, escalate_to_person=True, reason=f"{unanswered_reminders} reminders unanswered"
        )
    if dispute_open:
        return ReminderPlan([], paused=True, reason="dispute open")
    if probability_late >= HIGH_RISK_FROM:
        return ReminderPlan(list(HIGH_RISK_OFFSETS), reason="high risk of paying late")
    return ReminderPlan(list(DEFAULT_OFFSETS), reason="standard plan")


def invoice_reminders(
    plan: ReminderPlan,
    invoices: Iterable[tuple[str, date | None]],
    today: date,
    disputed: set[str] | frozenset[str] = frozenset(),
    client_paused: bool = False,
) -> list[dict[str, Any]]:
    """Per open invoice (number, due date): its next reminder date under ``plan``, or why it has none. An invoice
    with an open dispute is paused on its own; a client paused by collections pauses all of its invoices."""
    out = []
    for number, due in invoices:
        paused = client_paused or number in disputed
        why = "dispute open" if number in disputed else "paused by collections" if client_paused else None
        next_date = None if paused or due is None else plan.next_date(due, today)
        if not paused and next_date is None:
            why = plan.reason if not plan.offsets else "no reminder left in the plan"
        out.append(
            {
                "invoice_number": number,
                "due_date": due.isoformat() if due else None,
                "next_reminder": next_date.isoformat() if next_date else None,
                "paused": paused,
                "note": why,
            }
        )
    return out
