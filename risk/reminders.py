"""Reminder plans: when to nudge a client, in days relative to the due date (negative = before)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

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
