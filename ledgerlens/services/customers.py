"""A customer's rules: PO required, price and quantity tolerances for the pre-send check (the default policy
otherwise), and the largest chance of error an extracted value may have and not be sent to review."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from typing import Any

from babel import Locale
from sqlalchemy.orm import Session

from core.errors import InvalidInput
from core.settings import Settings
from ledgerlens.services.documents import review_threshold
from ledgerlens.services.precheck import policy_for
from store.tables import Customer

RULES = ("requires_po", "price_tolerance_pct", "price_tolerance_abs", "quantity_tolerance_pct")


def customer_view(session: Session, settings: Settings, customer_id: str) -> dict[str, Any]:
    row = session.get(Customer, customer_id)
    policy = asdict(policy_for(session, settings, customer_id))
    return {
        "customer_id": customer_id,
        "name": row.name if row else None,
        "uses_default_policy": row is None,
        **{k: (format(v, "f") if isinstance(v, Decimal) else v) for k, v in policy.items() if k in RULES},
        "review_max_error": format(row.review_max_error, "f")
        if row is not None and row.review_max_error is not None
        else None,
        "review_threshold": review_threshold(session, settings, customer_id),
        "country": row.country if row else None,
    }


def _country(code: str) -> str:
    # CLDR's territories (Babel): a code no country has would silently read every scan the old way
    country = code.upper()
    if not (len(country) == 2 and country.isalpha() and country in Locale("en").territories):
        raise InvalidInput(f"country {code!r} is not an ISO 3166-1 alpha-2 code", field="country")
    return country


def set_rules(session: Session, settings: Settings, customer_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Set some of the rules; the rest keep their current (or default) values."""
    row = session.get(Customer, customer_id)
    if row is None:
        row = Customer(id=customer_id)
        session.add(row)
    if "country" in changes:
        changes = changes | {"country": _country(changes["country"])}
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    return customer_view(session, settings, customer_id)
