"""What the reference says about tax, as one object: the rate a line without its own should carry, the rates a
line may carry, whether the prices include the tax and which charges are taxed.

A printed rate beats an implied one: "State Sales Tax 6.25%" + "County Tax 2%" on the subtotal is 8.25 % for every
line, whatever the freight does to tax / (total - tax). Without a printed rate the rate is implied by the totals:
the tax over each base it may have been computed on (the subtotal, with the charges said taxed and with or
without those left open, or the total less the tax and the charges said untaxed), the coarsest rate that
reproduces the printed tax wins (8.25 beats 7.684). Stacked taxes (state + county, GST + PST on one base) add up
to one rate; rates on parts of the lines (VAT 21 % and 9 %) leave each line to its own. A "tax" whose amount is
not below the subtotal and the charges it may cover is the total read with its "incl. GST" caption: its rate
counts, its amount and the inclusion it claims do not.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from extraction.charges import subtotal_of, tax_fits
from extraction.result import Charge, Extraction, FieldValue, TaxLine
from matching.money import minor_unit, quantize


@dataclass(slots=True)
class ReferenceTax:
    rate: Decimal | None = None  # the one rate a line without its own carries (stacked taxes summed)
    rates: frozenset[Decimal] = frozenset()  # every rate a line may carry (the sum and each printed component)
    components: int = 1  # taxes stacked on one base: each rounded on its own
    included: bool = False  # the prices include the tax
    printed: bool = False  # the rate is printed, not implied by the totals
    charges: list[Charge] = field(default_factory=list)
    cells: list[FieldValue] = field(default_factory=list)
    implied_tax: Decimal | None = None  # the tax amount an implied rate rests on
    implied_on: tuple[Decimal, ...] = ()  # the bases the accepted implied rates were found on
    slack: Decimal = Decimal(0)

    def fits(self, rate: Decimal) -> bool:
        """Whether ``rate`` gives the tax an implied rate rests on, on a base an accepted rate was found on, within
        the rounding slack of several taxes or lines: state 6.25 % + county 2 % on 53.16, each rounded, are 4.38,
        which 8.24 % gives to the cent and 8.25 % within the slack (the implied rates, rounded to 0-3 decimals,
        never try 8.25). False where the rate is printed or not known."""
        tax = self.implied_tax
        return tax is not None and any(tax_fits(b, rate, tax, self.included, self.slack) for b in self.implied_on)

    @property
    def source(self) -> str:
        return "the reference's printed" if self.printed else "the rate the reference's totals imply,"

    def charge_rates(self, charge: Charge) -> set[Decimal]:
        """Rates a line billing this charge may carry: none when the reference leaves it untaxed, the
        reference's rate when taxed, either when it does not say."""
        if self.rate is None:
            return set()
        if charge.taxed is None:
            return {Decimal(0), self.rate}
        return {self.rate} if charge.taxed else {Decimal(0)}


def _bases(subtotal: Decimal, charges: Sequence[Charge]) -> list[Decimal]:
    """Amounts a document's tax may have been computed on: the subtotal plus the charges the reference says are
    taxed, plus any choice of those it leaves open (a discount lowers it, a freight the tax covers raises it). A
    charge said to be taxed is always in, one said to be untaxed never: else a base without a taxed freight can fit
    a spurious rate to the cent (GST 5 % + PST 7 %, each rounded, on goods and freight: 12 % within the rounding,
    14 % of the goods alone exactly) and the freight billed at the true rate would look wrongly taxed."""
    base = subtotal + sum((c.amount for c in charges if c.taxed), Decimal(0))
    open_ = [c for c in charges if c.taxed is None]
    out = [base, base + sum((c.amount for c in open_), Decimal(0))]
    for k in range(1, len(open_)):
        for chosen in itertools.combinations(open_, k):
            out.append(base + sum((c.amount for c in chosen), Decimal(0)))
    return list(dict.fromkeys(out))


def _subtotal(ext: Extraction) -> tuple[Decimal | None, list[FieldValue]]:
    cell = ext.fields.get("subtotal")
    return subtotal_of(ext), [cell] if cell is not None and isinstance(cell.value, Decimal) else []


def _as_tax(line: TaxLine, subtotal: Decimal | None, total: object, charges: Sequence[Charge]) -> TaxLine:
    """A tax line whose amount cannot be a tax, as its rate alone: an amount not below the subtotal and the charges
    it may tax (or the total) is no tax on them (a rate of 100 % or more) but the total read with its "incl. GST"
    caption, which says nothing of prices holding the tax. The charges count: VAT 86.45 inside goods 62.86 and
    delivery 478.62 is a tax, though above the goods alone."""
    taxable = sum((c.amount for c in charges if c.taxed is not False and c.amount > 0), Decimal(0))
    base = subtotal + taxable if subtotal is not None else total if isinstance(total, Decimal) else None
    if line.amount is None or base is None or line.amount < base:
        return line
    return replace(line, amount=None, included=False)


def reference_tax(ext: Extraction, currency: str, slack: Decimal) -> ReferenceTax:
    """The reference's tax; an empty ``ReferenceTax`` (no rate) when neither print nor totals tell it."""
    subtotal, sub_cells = _subtotal(ext)
    tax_lines = [_as_tax(t, subtotal, ext.value("total"), ext.charges) for t in ext.tax_lines]
    tax_lines = [t for t in tax_lines if t.rate is not None or t.amount is not None]
    out = ReferenceTax(charges=list(ext.charges), included=any(t.included for t in tax_lines))
    rated = [t for t in tax_lines if t.rate is not None]
    if rated:
        return _printed(out, rated, subtotal, slack)
    tax, total = ext.fields.get("tax_total"), ext.fields.get("total")
    tax_value = tax.value if tax is not None and isinstance(tax.value, Decimal) else None
    if tax_value is None and tax_lines:  # amounts printed without a rate
        amounts = [t.amount for t in tax_lines if t.amount is not None]
        tax_value = sum(amounts, Decimal(0)) if amounts else None
    if tax_value is None:  # no tax printed: none charged, when the total is the subtotal and its charges
        charges = sum((c.amount for c in ext.charges), Decimal(0))
        if total is not None and subtotal is not None and total.value == subtotal + charges:
            return _found(out, Decimal(0), [total, *sub_cells])
        return out
    cells = [tax] if tax is not None else []
    if tax_value == 0:
        return _found(out, Decimal(0), cells)
    bases = _bases(subtotal, ext.charges) if subtotal is not None else []
    if total is not None and isinstance(total.value, Decimal):
        untaxed = sum((c.amount for c in ext.charges if c.taxed is False), Decimal(0))
        bases.append(total.value - tax_value - untaxed)  # a charge said untaxed is no part of it either
        cells.append(total)
    ranked = _likely_rates(bases, tax_value, out.included, minor_unit(currency) / 2, slack)
    if not ranked:
        return out
    out = _found(out, ranked[0][1], cells + sub_cells)
    # a small base with large charges fits more than one rate: those nearly as likely are accepted too
    out.rates = frozenset(rate for score, rate in ranked if score <= ranked[0][0] + _CLOSE)
    out.implied_tax, out.slack = tax_value, slack
    out.implied_on = tuple(
        b for b in bases if b > 0 and any(tax_fits(b, r, tax_value, out.included, slack) for r in out.rates)
    )
    return out


_CLOSE = 1.0  # score distance within which another implied rate is accepted as well


def _likely_rates(
    bases: list[Decimal], tax: Decimal, included: bool, exact: Decimal, slack: Decimal
) -> list[tuple[float, Decimal]]:
    """(score, rate) of the rates the printed tax may have been computed at, likeliest (lowest score) first.
    A rate of few decimals is likelier (19, 8.1 before 8.25, 8.25 before 8.875: a spurious fit gets ten times
    likelier with each decimal), a fit to the cent likelier than one within the rounding slack of several taxes
    or lines, the usual bases likelier than the rest (``bases`` lists the goods, the goods with every charge, then
    other choices of charges, the total less the tax)."""
    found: dict[Decimal, float] = {}
    last = len(bases) - 1
    for k, base in enumerate(bases):
        if base <= 0 or (included and base <= tax):
            continue
        implied = (base * 100 / (base - tax) - 100) if included else tax / base * 100
        unusual = 0.0 if k <= 1 else 0.2 if k == last else 0.5
        for loose, tolerance in ((0.0, exact), (0.6, slack)):
            for digits in range(4):
                rate = implied.quantize(Decimal(1).scaleb(-digits))
                if rate > 0 and tax_fits(base, rate, tax, included, tolerance):
                    score = max(digits, 1) + loose + unusual
                    found[rate] = min(score, found.get(rate, score))
                    break
    return sorted(((score, rate) for rate, score in found.items()), key=lambda pair: pair[0])


def _found(out: ReferenceTax, rate: Decimal, cells: list[FieldValue]) -> ReferenceTax:
    out.rate, out.rates, out.cells = rate, frozenset({rate}), cells
    return out


def _printed(out: ReferenceTax, rated: list[TaxLine], subtotal: Decimal | None, slack: Decimal) -> ReferenceTax:
    """Printed rates: stacked on one base they add up; on parts of the lines each is one line's rate."""
    out.printed = True
    rates = [t.rate for t in rated if t.rate is not None]
    # one tax, or taxes printed without amounts ("plus GST 5% and PST 7%"), apply to the whole price
    stacked = len(rated) == 1 or all(t.amount is None for t in rated)
    if not stacked and subtotal is not None:
        for base in _bases(subtotal, out.charges):
            if all(t.amount is None or tax_fits(base, t.rate, t.amount, t.included, slack) for t in rated if t.rate):
                stacked = True
                break
        # printed bases equal to one another say so too
        printed_bases = {t.base for t in rated if t.base is not None}
        stacked = stacked or (len(printed_bases) == 1 and all(t.base is not None for t in rated))
    if stacked:
        total_rate = sum(rates, Decimal(0))
        out.rate, out.rates, out.components = total_rate, frozenset({total_rate, *rates}), len(rates)
    else:
        out.rates = frozenset(rates)
    return out


def line_tax(amounts: Sequence[Decimal], rates: Sequence[Decimal], currency: str, included: bool) -> Decimal:
    """Tax of lines at their rates, rounded once on the total (the slack covers rounding per line or rate)."""
    if included:
        parts = (a * r / (100 + r) for a, r in zip(amounts, rates, strict=True))
    else:
        parts = (a * r / 100 for a, r in zip(amounts, rates, strict=True))
    return quantize(sum(parts, Decimal(0)), currency)
