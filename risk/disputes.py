"""Disputes and credit memos: the reason catalogue, the states a dispute moves through, and who may close it how.

    open ──► in_review ──► resolved (credit_memo with an amount | rejected)

A credit memo above the approval limit is only *proposed* by collections; it takes effect when an admin approves
it. An open or in-review dispute pauses the reminders of its invoice, and it counts in the client's risk features
from the day it was opened (never before: nobody knew of it).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.errors import Conflict, InvalidInput

REASONS: dict[str, str] = {
    "price": "price differs from the agreed one",
    "quantity": "quantity billed differs from the quantity delivered",
    "not_received": "goods or services not received",
    "damaged": "goods damaged or defective",
    "duplicate": "invoice billed twice",
    "terms": "payment terms or discount differ from the agreement",
    "tax": "tax wrongly charged",
    "missing_po": "purchase order number missing or wrong",
    "other": "other (say why in the note)",
}

OPEN, IN_REVIEW, RESOLVED = "open", "in_review", "resolved"
CREDIT_MEMO, REJECTED = "credit_memo", "rejected"
ACTIVE = (OPEN, IN_REVIEW)  # a dispute in these states pauses its invoice's reminders
NEXT = {OPEN: (IN_REVIEW, RESOLVED), IN_REVIEW: (RESOLVED,), RESOLVED: ()}


def check_reason(reason: str) -> str:
    if reason not in REASONS:
        raise InvalidInput(f"unknown reason {reason!r}; use one of {', '.join(REASONS)}")
    return reason


def check_amount(amount: Decimal, invoice_amount: Decimal | None = None) -> Decimal:
    if amount <= 0:
        raise InvalidInput("the disputed amount must be above zero")
    if invoice_amount is not None and amount > invoice_amount:
        raise InvalidInput(f"the disputed amount {amount} is more than the invoice's {invoice_amount}")
    return amount


def check_move(current: str, target: str) -> None:
    if target not in NEXT.get(current, ()):
        allowed = ", ".join(NEXT.get(current, ())) or "nothing (it is resolved)"
        raise Conflict(f"a dispute that is {current} can move to {allowed}, not {target}")


@dataclass(frozen=True)
class Resolution:
    outcome: str  # credit_memo | rejected
    credit_amount: Decimal | None
    needs_approval: bool  # a credit memo above the limit proposed by someone who is not an admin


def resolution(
    outcome: str, credit_amount: Decimal | None, disputed: Decimal, approval_above: Decimal, by_admin: bool
) -> Resolution:
    """Check a resolution: a credit memo needs an amount above zero and at most the disputed amount; above
    ``approval_above`` it waits for an admin unless an admin gives it."""
    if outcome == REJECTED:
        if credit_amount is not None:
            raise InvalidInput("a rejected dispute has no credit amount")
        return Resolution(REJECTED, None, False)
    if outcome != CREDIT_MEMO:
        raise InvalidInput(f"resolve with {CREDIT_MEMO!r} (and a credit_amount) or {REJECTED!r}, not {outcome!r}")
    if credit_amount is None or credit_amount <= 0:
        raise InvalidInput("a credit memo needs a credit_amount above zero")
    if credit_amount > disputed:
        raise InvalidInput(f"the credit {credit_amount} is more than the disputed {disputed}")
    return Resolution(CREDIT_MEMO, credit_amount, credit_amount > approval_above and not by_admin)
