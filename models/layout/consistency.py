"""Arithmetic cross-checks: quantity x unit price = amount, lines sum to the subtotal, subtotal + tax = total.

Each check that can be run marks the values it used ``ok`` or ``bad``; a value in no check stays ``na``.
The statuses pick the calibration map (so they move confidence), and a failed check is a review reason.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from extraction.checks import line_adds_up, totals_add_up
from models.layout.grouping import Normaliser, RawRow, RawValue, Span, TaggedWord, entity_score, field_runs

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


def check(fields: dict[str, RawValue], rows: list[RawRow], adjustments: Sequence[Decimal] = ()) -> Checks:
    """``adjustments``: charges and discounts the document prints between subtotal and total."""
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
            ok = _close(qty * price, amount, CENT + abs(qty) * Decimal("0.005")) or line_adds_up(qty, price, amount)
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
        ok = totals_add_up(subtotal, tax, total, list(adjustments))
        result._mark(["subtotal", "tax_total", "total"], ok)
        if not ok:
            result.failures.append(f"subtotal {subtotal} + tax {tax} != total {total}")
    elif subtotal is None and tax is None and total is not None and line_sum is not None:
        ok = _close(line_sum, total)
        result._mark(["total"], ok)
        if not ok:
            result.failures.append(f"lines sum to {line_sum}, total is {total}")
    return result


def document_closes(checks: Checks, lines: int) -> bool:
    """The document proves its numbers: every one of its ``lines`` multiplies out, the lines make the subtotal and
    the subtotal, tax and charges the total."""
    rows_ok = lines > 0 and all(status == "ok" for status in checks.row_status)
    tied = all(checks.field_status.get(name) == "ok" for name in ("subtotal", "total"))
    return rows_ok and tied and not checks.failures


TOTALS = ("subtotal", "tax_total", "total")
TOTALS_FLOOR = 0.1  # a number is a candidate total when its words are at least this likely to be one of the three
MAX_CANDIDATES = 12


def _totals_member(word: TaggedWord) -> bool:
    return word.label[2:] in TOTALS or sum(word.entity_prob(name) for name in TOTALS) >= TOTALS_FLOOR


def resolve_totals(
    fields: dict[str, RawValue], rows: list[RawRow], words: Sequence[TaggedWord], normalise: Normaliser
) -> dict[str, RawValue]:
    """Subtotal, tax and total chosen together so that they add up, where the tagger's own picks do not.

    A tagger tells a totals block from the lines far sooner than it tells its three numbers apart, so the
    candidates are the block's numbers (whichever of the three labels won) and the arithmetic decides: the
    most probable assignment with subtotal + tax = total, preferring a subtotal equal to the lines' sum.
    Returns ``fields`` unchanged when the picks already add up or no assignment does."""
    current = check(fields, rows)
    if all(current.field_status.get(name) == "ok" for name in TOTALS if name in fields) and "total" in fields:
        return fields
    candidates: list[tuple[Span, Decimal]] = []
    for span in field_runs(words, "total", _totals_member):
        value = normalise("total", span.text)
        if isinstance(value, Decimal):
            candidates.append((span, value))
    weight = partial(_log_prob_any, names=TOTALS)
    candidates = sorted(candidates, key=lambda c: weight(c[0]), reverse=True)[:MAX_CANDIDATES]
    amounts = [a for row in rows if (a := _dec(row.cells.get("amount"))) is not None]
    line_sum = sum(amounts, Decimal(0)) if rows and len(amounts) == len(rows) else None
    best: tuple[float, tuple[int, ...]] | None = None
    # subtotal, tax, total; then with one more charge in between (shipping, handling), at a cost
    for size, cost in ((3, 0.0), (4, 3.0)):
        for picks in itertools.permutations(range(len(candidates)), size):
            (s_span, sub), (t_span, tax), (g_span, tot) = (candidates[i] for i in picks[:3])
            extra = candidates[picks[3]][1] if size == 4 else Decimal(0)
            if tot <= 0 or not _close(sub + tax + extra, tot):
                continue
            score = _log_prob(s_span, "subtotal") + _log_prob(t_span, "tax_total") + _log_prob(g_span, "total") - cost
            if line_sum is not None and _close(line_sum, sub):
                score += 2.0  # the lines confirm the subtotal
            if best is None or score > best[0]:
                best = (score, picks)
        if best is not None:
            break
    if best is None:
        return fields
    chosen = dict(fields)
    for name, index in zip(TOTALS, best[1][:3], strict=True):
        span, value = candidates[index]
        chosen[name] = RawValue(value, entity_score(span, name), span.page, span.bbox, span.text)
    return chosen


def _log_prob(span: Span, name: str) -> float:
    return math.log(max(entity_score(span, name), 1e-4))


def _log_prob_any(span: Span, names: Sequence[str]) -> float:
    return math.log(max(sum(entity_score(span, name) for name in names), 1e-4))
