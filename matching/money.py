"""Decimal money helpers: every amount is rounded to its currency's minor unit (JPY 0, EUR 2, BHD 3)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import get_currency_precision


@lru_cache(maxsize=64)
def minor_unit(currency: str) -> Decimal:
    """The smallest amount of the currency: Decimal('0.01') for EUR, Decimal('1') for JPY."""
    try:
        digits = get_currency_precision(currency.upper())
    except Exception:  # an unknown code: two decimals is the common case
        digits = 2
    return Decimal(1).scaleb(-digits)


def quantize(amount: Decimal, currency: str) -> Decimal:
    """Round half up to the minor unit, as invoices print amounts."""
    return amount.quantize(minor_unit(currency), rounding=ROUND_HALF_UP)


def fmt(value: object) -> str:
    """Decimals as plain strings ('1234.50', never '1.2345E+3'); anything else via str()."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
