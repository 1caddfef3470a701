"""Payment terms as text ("Net 30", "2/10 Net 30", "Due on receipt", "60 days end of month",
"payable within forty-five (45) days") -> net days, end-of-month flag and early-payment discount.

The contract defines ``payment_terms_days`` as the net days, so the discount part never changes them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_NUMBER_WORDS = re.compile(
    r"\b(?:(?P<tens>"
    + "|".join(_TENS)
    + r")(?:[\s-]+(?P<unit>"
    + "|".join(k for k, v in _UNITS.items() if 0 < v < 10)
    + r"))?|(?P<single>"
    + "|".join(_UNITS)
    + r"))\b"
)
_RECEIPT = re.compile(
    r"\b(?:on|upon|at)\s+receipt\b|\bimmediate(?:ly)?\b|\bcash on delivery\b|\bc\.?o\.?d\b|\bprepaid\b"
)
_EOM = re.compile(r"\b(?:end of (?:the )?month|month[\s-]end|eom|fin de mois|monatsende)\b")
# "2/10 Net 30", "2% 10 days", "2 % within 10 days"
_DISCOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%\s*(?:within\s+)?|/\s*)(\d+)(?:\s*days?)?")
_NET = re.compile(r"\bnet\s*(\d+)|\bn\s*/\s*(\d+)|(\d+)\s*(?:calendar\s+)?days?\b")


@dataclass(frozen=True, slots=True)
class PaymentTerms:
    net_days: int
    end_of_month: bool = False
    discount_pct: Decimal | None = None
    discount_days: int | None = None

    def due_dates(self, issue: date) -> set[date]:
        """Due dates that follow from these terms; end-of-month terms are read both ways AP teams read them
        (end of the issue month + N days, or issue + N days rounded to that month's end)."""
        if not self.end_of_month:
            return {issue + timedelta(days=self.net_days)}
        plus = issue + timedelta(days=self.net_days)
        return {_month_end(issue) + timedelta(days=self.net_days), _month_end(plus)}


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _words_to_digits(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group("single"):
            return str(_UNITS[m.group("single")])
        return str(_TENS[m.group("tens")] + (_UNITS[m.group("unit")] if m.group("unit") else 0))

    text = _NUMBER_WORDS.sub(repl, text)
    return re.sub(r"\b(\d+)\s*\(\s*\1\s*\)", r"\1", text)  # "45 (45)" as legal texts write it


def parse_terms(text: str | None) -> PaymentTerms | None:
    """Read payment terms; None when the text says nothing we can read as net days."""
    if not text or not text.strip():
        return None
    low = _words_to_digits(text.lower())
    eom = bool(_EOM.search(low))
    if _RECEIPT.search(low) and not _NET.search(low):
        return PaymentTerms(0, eom)
    discount_pct = discount_days = None
    discount = _DISCOUNT.search(low)
    if discount:
        discount_pct, discount_days = Decimal(discount.group(1)), int(discount.group(2))
        low = low[: discount.start()] + " " + low[discount.end() :]
    days = [int(next(g for g in m.groups() if g)) for m in _NET.finditer(low)]
    if not days and re.fullmatch(r"\s*\d+\s*", low):
        days = [int(low)]  # a bare "30" in a terms column
    if not days:
        return None
    return PaymentTerms(max(days), eom, discount_pct, discount_days)
