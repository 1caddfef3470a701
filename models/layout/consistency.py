"""Arithmetic cross-checks: quantity x unit price = amount, lines sum to the subtotal, subtotal + tax = total.

Each check that can be run marks the values it used ``ok`` or ``bad``; a value in no check stays ``na``.
The statuses pick the calibration map (so they move confidence), and a failed check is a review reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from models.layout.grouping import RawRow, RawValue

CENT = Decimal("0.01")


def _dec(cell: RawValue | None) -> Decimal | None:
    return cell.value if cell is not None and isinstance(cell.value, Decimal) else None


def _close(a: Decimal, b: Decimal, tolerance: Decimal = CENT) -> bool:
    return abs(a - b) <= tolerance


@dataclass
class Checks:
    field_status: dict[str, str] = field(default_factory=dict)  # header field -> ok | bad | na
    row_status: list[str] = field(default_factory=list)  # per line -> ok | bad | na
    failures: list[str] = field(default_factory=list)

    def _mark(self, names: list[str], ok: bool) -> None:
        for name in names:
            if not ok:
                self.field_status[name] = "bad"
            elif self.field_status.get(name) != "bad":
                self.field_status[name] = "ok"


def check(fields: dict[str, RawValue], rows: list[RawRow]) -> Checks:
    result = Checks()
    line_sum: Decimal | None = Decimal(0) if rows else None
    for number, row in enumerate(rows, start=1):
        qty, price, amount = (
            _dec(row.cells.get("quantity")),
            _dec(row.cells.get("unit_price")),
            _dec(row.cells.get("amount")),
        )
        status = "na"
        if qty is not None and price is not None and amount is not None:
            # unit prices may carry more decimals than the amount: allow the rounding of the product
            ok = _close(qty * price, amount, CENT + abs(qty) * Decimal("0.005"))
            status = "ok" if ok else "bad"
            if not ok:
                result.failures.append(f"line {number}: quantity x unit price ({qty} x {price}) != amount {amount}")
        result.row_status.append(status)
        if line_sum is not None:
            line_sum = line_sum + amount if amount is not None else None
    subtotal, tax, total = _dec(fields.get("subtotal")), _dec(fields.get("tax_total")), _dec(fields.get("total"))
    if line_sum is not None and subtotal is not None:
        ok = _close(line_sum, subtotal)
        result._mark(["subtotal"], ok)
        if not ok:
            result.failures.append(f"lines sum to {line_sum}, subtotal is {subtotal}")
    if subtotal is not None and tax is not None and total is not None:
        ok = _close(subtotal + tax, total)
        result._mark(["subtotal", "tax_total", "total"], ok)
        if not ok:
            result.failures.append(f"subtotal {subtotal} + tax {tax} != total {total}")
    elif subtotal is None and tax is None and total is not None and line_sum is not None:
        ok = _close(line_sum, total)
        result._mark(["total"], ok)
        if not ok:
            result.failures.append(f"lines sum to {line_sum}, total is {total}")
    return result
