"""A customer's pre-send rules: PO required, price and quantity tolerances (the default policy otherwise)."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from core.settings import Settings
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
    }


def set_rules(session: Session, settings: Settings, customer_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Set some of the rules; the rest keep their current (or default) values."""
    row = session.get(Customer, customer_id)
    if row is None:
        row = Customer(id=customer_id)
        session.add(row)
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    return customer_view(session, settings, customer_id)
