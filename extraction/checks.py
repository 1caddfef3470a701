"""Checks every extractor's output gets: arithmetic, required fields, low confidence -> review reasons.

Reasons are "<code>: <detail>" strings; the review queue routes on ``needs_review``.
"""

from __future__ import annotations

from decimal import Decimal

from extraction.result import PRICED, Extraction

CENT = Decimal("0.01")
REQUIRED_PREFIXES = ("missing_field:", "missing_line_items:")


def cross_check(extraction: Extraction) -> None:
    """Arithmetic cross-checks move confidences and add review reasons; then required fields."""
    check_arithmetic(extraction)
    extraction.review_reasons.extend(required_field_reasons(extraction))
    low = [name for name, cell in extraction.fields.items() if cell.confidence < 0.5]
    if low:
        extraction.review_reasons.append("low_confidence: " + ", ".join(sorted(low)))
    extraction.needs_review = bool(extraction.review_reasons)


def line_adds_up(quantity: Decimal, unit_price: Decimal, amount: Decimal) -> bool:
    """Quantity x unit price = amount, to the rounding of the amount, or less a whole-percent line discount
    (a 'Disc. %' column the line items do not carry): 4,808.59 for 67.4 x 72.80 less 2%."""
    gross = quantity * unit_price
    tolerance = max(CENT, abs(amount) * Decimal("0.005"))
    if abs(gross - amount) <= tolerance:
        return True
    if gross <= 0 or not 0 < amount < gross:
        return False
    percent = (1 - amount / gross) * 100
    whole = percent.to_integral_value()
    return 0 < whole <= 50 and abs(gross * (1 - whole / 100) - amount) <= CENT


# the units a price may be quoted for ('per 100'): quantity x price / units = amount
PRICE_UNITS = (Decimal(10), Decimal(100), Decimal(1000))


def row_adds_up(quantity: Decimal, unit_price: Decimal, amount: Decimal) -> bool:
    """Quantity x unit price = amount (``line_adds_up``: to the cent, or less a whole-percent discount; or the price
    less such a discount, rounded to the cent, times the quantity), or so for a price quoted per 10, 100 or 1000
    units where the price was printed with its decimals (a price whose decimal mark the reading lost, 478418 for
    4 784,18, would otherwise pass as a price per 100)."""
    if line_adds_up(quantity, unit_price, amount) or _net_price_adds_up(quantity, unit_price, amount):
        return True
    exponent = unit_price.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return False
    return any(abs(quantity * unit_price / units - amount) <= CENT for units in PRICE_UNITS)


def _net_price_adds_up(quantity: Decimal, unit_price: Decimal, amount: Decimal) -> bool:
    """Quantity x the price less a whole-percent discount, that net price rounded to the cent, = amount (1 628,06
    a unit for 1 808,96 less 10%, x 24 = 39 073,44, where the discounted gross would give 39 073,54)."""
    gross = quantity * unit_price
    if gross <= 0 or not 0 < amount < gross:
        return False
    whole = ((1 - amount / gross) * 100).to_integral_value()
    if not 0 < whole <= 50:
        return False
    net = (unit_price * (1 - whole / 100)).quantize(CENT)
    return abs(quantity * net - amount) <= CENT


def totals_add_up(subtotal: Decimal, tax: Decimal, total: Decimal, adjustments: list[Decimal] | None = None) -> bool:
    """Subtotal + tax = total, or with the document's printed charges and discounts in between."""
    if abs(subtotal + tax - total) <= CENT:
        return True
    return bool(adjustments) and abs(subtotal + tax + sum(adjustments or [], Decimal(0)) - total) <= CENT


def check_arithmetic(extraction: Extraction) -> None:
    reasons = extraction.review_reasons
    for i, item in enumerate(extraction.line_items, start=1):
        qty, price, amount = item.decimal("quantity"), item.decimal("unit_price"), item.decimal("amount")
        if qty is not None and price is not None and amount is not None:
            if line_adds_up(qty, price, amount):
                for name in PRICED:
                    if item.cells[name].raw is not None:  # a value inferred from the other two proves nothing
                        item.cells[name].confidence = max(item.cells[name].confidence, 0.97)
                item.confidence = min(0.97, min(c.confidence for c in item.cells.values()) + 0.1)
            else:
                item.confidence = min(item.confidence, 0.5)
                expected = qty * price
                reasons.append(f"line_arithmetic: line {i} quantity x unit price = {expected} but amount = {amount}")
        if item.value("description") in (None, ""):
            reasons.append(f"missing_description: line {i}")
    fields = extraction.fields
    sub, tax, total = (extraction.decimal(n) for n in ("subtotal", "tax_total", "total"))
    amounts = [item.decimal("amount") for item in extraction.line_items]
    if extraction.line_items and all(a is not None for a in amounts):
        lines_sum = sum((a for a in amounts if a is not None), Decimal("0"))
        if sub is not None:
            if abs(lines_sum - sub) <= CENT:
                fields["subtotal"].confidence = max(fields["subtotal"].confidence, 0.98)
            else:
                fields["subtotal"].confidence = min(fields["subtotal"].confidence, 0.6)
                reasons.append(f"totals_arithmetic: lines add up to {lines_sum} but subtotal = {sub}")
        elif total is not None and abs(lines_sum + (tax or 0) - total) <= CENT:
            fields["total"].confidence = max(fields["total"].confidence, 0.97)
    if sub is not None and tax is not None and total is not None:
        if totals_add_up(sub, tax, total, extraction.adjustments):
            for name in ("subtotal", "tax_total", "total"):
                fields[name].confidence = max(fields[name].confidence, 0.97)
        else:
            for name in ("tax_total", "total"):
                fields[name].confidence = min(fields[name].confidence, 0.6)
            reasons.append(f"totals_arithmetic: subtotal {sub} + tax {tax} != total {total}")
    elif sub is not None and total is not None and "tax_total" not in fields and sub == total:
        fields["total"].confidence = max(fields["total"].confidence, 0.95)


def required_field_reasons(extraction: Extraction) -> list[str]:
    reasons: list[str] = []
    required = ["po_number", "total"] if extraction.doc_type == "purchase_order" else []
    if extraction.doc_type == "contract":
        required = ["effective_date", "buyer_name", "vendor_name"]
    for name in required:
        if extraction.value(name) is None:
            reasons.append(f"missing_field: {name}")
    if extraction.doc_type == "purchase_order" and not extraction.line_items:
        reasons.append("missing_line_items: no line-item table found")
    return reasons


def recheck_required(extraction: Extraction) -> None:
    """After the doc type changed (a caller's hint): recompute the missing-field reasons."""
    kept = [r for r in extraction.review_reasons if not r.startswith(REQUIRED_PREFIXES)]
    extraction.review_reasons[:] = kept + required_field_reasons(extraction)
    extraction.needs_review = bool(extraction.review_reasons)


# values nothing but their own reader vouches for (``models.confidence``: no second reader alike, no history, no
# arithmetic, no caption the readers know): their confidence stays the calibrated chance of being right, and the
# review routing sends them to a person whatever it is. One reason per value: "unconfirmed: buyer_name",
# "unconfirmed: line 3" (1-based, as the other reasons count lines)
UNCONFIRMED = "unconfirmed:"


def mark_unconfirmed(extraction: Extraction, names: list[str], lines: list[int]) -> None:
    """The review reasons of the values nothing confirms (``lines`` 0-based), replacing any of an earlier scoring;
    the names sorted, so two runs over one document give the same reasons in the same order."""
    kept = [r for r in extraction.review_reasons if not r.startswith(UNCONFIRMED)]
    new = [f"{UNCONFIRMED} {name}" for name in sorted(names)] + [f"{UNCONFIRMED} line {index + 1}" for index in lines]
    extraction.review_reasons[:] = kept + new
    extraction.needs_review = bool(extraction.review_reasons)


def unconfirmed(extraction: Extraction) -> tuple[set[str], set[int]]:
    """The header fields and the line items (0-based) ``mark_unconfirmed`` named."""
    names, lines = set(), set()
    for reason in extraction.review_reasons:
        if reason.startswith(UNCONFIRMED):
            what = reason[len(UNCONFIRMED) :].strip()
            if what.startswith("line ") and what[5:].isdigit():
                lines.add(int(what[5:]) - 1)
            else:
                names.add(what)
    return names, lines
