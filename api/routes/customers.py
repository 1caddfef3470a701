from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from api.deps import SessionDep, SettingsDep, require_roles
from ledgerlens.services import customers
from ledgerlens.services.auth import Principal

router = APIRouter(prefix="/v1/customers", tags=["customers"])

Billing = Annotated[Principal, Depends(require_roles("billing"))]
Admin = Annotated[Principal, Depends(require_roles())]


class CustomerRules(BaseModel):
    """Pre-send rules for one customer; omitted fields keep their value."""

    name: str | None = Field(None, max_length=300)
    requires_po: bool | None = Field(None, description="the customer's AP rejects invoices without a PO number")
    price_tolerance_pct: Decimal | None = Field(None, ge=0, le=100, description="unit price may differ by this percent")
    price_tolerance_abs: Decimal | None = Field(None, ge=0, description="... or by this amount per unit")
    quantity_tolerance_pct: Decimal | None = Field(None, ge=0, le=100, description="over-delivery allowed, percent")
    review_max_error: Decimal | None = Field(
        None, ge=0, le=Decimal("0.5"), description="an extracted value more likely wrong than this goes to review"
    )
    country: str | None = Field(
        None,
        pattern="^[A-Za-z]{2}$",
        description="ISO 3166-1 alpha-2 country the customer's documents are printed in: their scans are read in its "
        "language first",
    )


@router.get("/{customer_id}")
def read_customer(customer_id: str, session: SessionDep, settings: SettingsDep, user: Billing) -> dict[str, Any]:
    return customers.customer_view(session, settings, customer_id)


@router.put("/{customer_id}")
def set_customer_rules(
    customer_id: str, body: CustomerRules, session: SessionDep, settings: SettingsDep, user: Admin
) -> dict[str, Any]:
    return customers.set_rules(session, settings, customer_id, body.model_dump(exclude_none=True))
