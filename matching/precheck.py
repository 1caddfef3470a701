"""The pre-send check: a draft invoice against its reference PO or contract and the invoices already checked.

Pure domain logic (no database, no HTTP). ``precheck`` returns a ``CheckResult`` whose verdict follows from
the findings: any error -> fail, else any warning -> review, else pass.

Severity: every code is an error except LOW_CONFIDENCE (warning: a reference value read with low confidence that the
invoice does not state exactly (one it repeats to the cent is confirmed by it), or
invoice terms nobody can read), REFERENCE_NOT_FOUND when the customer has no references on file at all (warning:
nothing to compare with, a person decides), TAX_MISMATCH for lines at different rates under a contract that
states no rate (warning), and LINE_NOT_IN_REFERENCE when the reference's table may have been read badly (no lines,
lines that do not add up to its totals, lines read with low confidence: warning). A finding that rests on a
reference value read with confidence below ``policy.low_confidence`` is downgraded to a warning: a person must
look before the invoice is held back. A low-confidence value the document's own arithmetic bears out (its row's
quantity x price = amount, subtotal + tax = total) or the invoice repeats (the same net days) needs no confirming.
A price or quantity finding is a warning too where the reference may have been read wrong rather than the invoice
billed wrong: a row that does not multiply out, a line that may bill a row the extractor lost from a table read
unsure (``_pairing_doubt``), a reference price that is the billed one without its leading digit groups.

Duplicates (``matching.duplicates``): the same content again under a new number within
``policy.duplicate_window_days``, or the same number with the same content, is DUPLICATE_INVOICE whatever the
earlier check's verdict was; a corrected resubmission (same number, new content) and a recurring schedule are not.
Tax (``matching.tax``): a printed rate beats an implied one; stacked taxes add up, untaxed charges stay out of
the base, tax-inclusive prices hold their tax.

Lines as billing systems write them: a note (nothing billed) or a credit (a discount) needs no reference line; a
line billed per piece against a pack unit ("box of 100", the size printed on either line) is compared per pack;
gross prices are compared net when the invoice's total holds its tax; an amount computed from the reference's
finer price (0.4375 printed as 0.44) adds up; one item on several schedule lines (same SKU, same price) has one
quantity; earlier invoices citing the PO with an item suffix ("4500012345/10") count towards it.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from extraction.normalize import parse_currency
from extraction.result import Charge, FieldValue, LineItem
from extraction.terms import PaymentTerms, parse_terms
from matching.align import (
    LineAligner,
    bills_price,
    description_similarity,
    item_named,
    line_codes,
    normalize_sku,
    pack_factor,
    reference_prices,
    tokens,
)
from matching.duplicates import find_duplicate
from matching.money import fmt, minor_unit, quantize
from matching.references import look_alike_key, norm_id, reference_key, reference_keys
from matching.tax import ReferenceTax, line_tax, reference_tax
from matching.types import (
    CheckResult,
    DraftInvoice,
    Finding,
    FindingCode,
    InvoiceLine,
    LineMatch,
    Policy,
    Reference,
    Severity,
    Verdict,
)

__all__ = ["norm_id", "precheck"]  # norm_id lives in matching.references; callers of old import it from here


def precheck(
    invoice: DraftInvoice,
    reference: Reference | None,
    earlier: Sequence[DraftInvoice],
    policy: Policy,
    known_references_exist: bool = True,
    today: date | None = None,
    aligner: LineAligner | None = None,
    failed: Sequence[DraftInvoice] = (),
) -> CheckResult:
    """Check ``invoice`` before it is sent.

    reference: the PO or contract found for it (None when none was found).
    earlier: invoices already checked for the same customer; those on the same PO/contract count towards
        the ordered quantities, all of them towards duplicate detection.
    known_references_exist: False when the customer has no PO or contract on file at all; a missing
        reference is then a warning rather than an error.
    today: unused by the rules so far; kept so callers can pin the clock (e.g. for future "stale PO" checks).
    aligner: a fitted ``LineAligner``; the default weights otherwise.
    failed: earlier checks of the customer that failed (so were not sent): they count towards duplicates (a
        re-sent invoice is one whatever its first check said), not towards quantities billed.
    """
    checker = _Checker(invoice, reference, earlier, policy, aligner or LineAligner(), failed)
    checker.run(known_references_exist)
    return checker.result()


def _norm_currency(text: object) -> str:
    raw = str(text or "").strip()
    return parse_currency(raw) or raw.upper()


def _corroborated(reference: Reference, slack: Decimal) -> set[int]:
    """Ids of reference cells the document's other numbers bear out, whatever the extractor's confidence in each:
    a line's quantity x price = its amount, subtotal + tax (+ charges) = total. A misreading rarely adds up, so a
    low confidence on them is no reason to hold a clean invoice for review."""
    ext = reference.extraction
    out: set[int] = set()
    for item in ext.line_items:
        cells = [item.cells.get(k) for k in ("quantity", "unit_price", "amount")]
        q, p, a = (_decimal(c.value) if c is not None else None for c in cells)
        if q is not None and p is not None and a is not None and a > 0 and abs(q * p - a) <= slack:
            out.update(id(c) for c in cells)
    sub, tax, total = (ext.fields.get(k) for k in ("subtotal", "tax_total", "total"))
    s, t, g = (_decimal(c.value) if c is not None else None for c in (sub, tax, total))
    if s is not None and t is not None and g is not None and g > 0:
        charges = sum((c.amount for c in ext.charges), Decimal(0))
        if min(abs(s + t - g), abs(s + t + charges - g)) <= slack:
            out.update(id(c) for c in (sub, tax, total))
    return out


def _row_broken(item: LineItem) -> bool:
    """A reference line whose amount is no plausible quantity x price (a discount takes at most half off, a tax in
    a gross amount at most a third on, a price may be per 10, 100 or 1000): cells of other rows or columns were
    read into it, so nothing it says can hold an invoice back."""
    q, p, a = (_decimal(item.value(k)) for k in ("quantity", "unit_price", "amount"))
    if q is None or p is None or a is None or q <= 0 or p <= 0 or a <= 0:
        return False
    ratio = a / (q * p)
    if any(abs(ratio * 10**k - 1) <= Decimal("0.01") for k in (1, 2, 3)):
        return False
    return ratio < Decimal("0.5") or ratio > Decimal("1.35")


def _lost_digits(billed: Decimal, read: Decimal) -> str | None:
    """Why a reference price may be the billed one with its leading digit groups lost ("1 355,27" read as 355.27,
    "14,780" as 780): the two differ by a whole multiple of a thousand that the read price is below. A price
    raised by mistake almost never differs by exactly that."""
    gap = billed - read
    for group in (Decimal(1000), Decimal(1000000)):
        if 0 <= read < group <= gap and gap % group == 0 and gap < group * 1000:
            return f"the reference's {fmt(read)} reads like {fmt(billed)} without its leading digits"
    return None


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return None


class _Checker:
    def __init__(
        self,
        invoice: DraftInvoice,
        reference: Reference | None,
        earlier: Sequence[DraftInvoice],
        policy: Policy,
        aligner: LineAligner,
        failed: Sequence[DraftInvoice] = (),
    ) -> None:
        self.invoice = invoice
        self.reference = reference
        self.earlier = [e for e in earlier if e.customer_id == invoice.customer_id]
        self.failed = [e for e in failed if e.customer_id == invoice.customer_id]
        self.policy = policy
        self.aligner = aligner
        self.findings: list[Finding] = []
        self.matches: list[LineMatch] = []
        # reference cells a finding or a pass relied on: id(cell) -> (cell, field, invoice line)
        self._relied: dict[int, tuple[FieldValue, str, int | None]] = {}
        self.slack = max(policy.amount_tolerance_abs, minor_unit(invoice.currency) / 2)
        self.tax = ReferenceTax()  # what the reference says about tax (see matching.tax)
        self.factors: dict[int, Decimal] = {}  # invoice line -> its units per unit of its reference line
        self.charge_of: dict[int, Charge] = {}  # invoice line -> the reference charge it bills (freight...)
        self.outside: list[Charge] = []  # reference charges the invoice adds between its subtotal and total
        self.totals_add_up = True
        self.repeated: DraftInvoice | None = None  # the earlier invoice this one repeats
        self._doubted: set[int] = set()  # low-confidence cells a finding was softened for
        self._agreeing = _corroborated(reference, self.slack) if reference is not None else set()
        self.unsure: str | None = None  # why the reference's line table may have been read badly (None: sound)

    # --- plumbing --------------------------------------------------------------------------------------------
    def _low(self, cell: FieldValue | None) -> bool:
        return cell is not None and cell.confidence < self.policy.low_confidence

    def _rely(self, cell: FieldValue | None, field: str, line: int | None = None, same: bool = False) -> None:
        """Note a reference value a finding or a pass rests on. One the invoice states exactly (``same``) is
        confirmed by it: a misreading that the billing system repeats to the cent is no real risk, and a warning
        on it is a false alarm on a clean invoice."""
        if cell is not None and cell.value is not None and not same:
            self._relied.setdefault(id(cell), (cell, field, line))

    def _evidence(self, cell: FieldValue | None) -> dict[str, Any] | None:
        if self.reference is None or cell is None:
            return None
        evidence: dict[str, Any] = {"document_id": self.reference.document_id}
        if cell.page is not None and cell.page >= 1:
            evidence["page"] = cell.page
        if cell.bbox is not None:
            evidence["bbox"] = [round(min(1.0, max(0.0, float(v))), 4) for v in cell.bbox]
        return evidence

    def add(
        self,
        code: FindingCode,
        message: str,
        severity: Severity = "error",
        *,
        line: int | None = None,
        field: str | None = None,
        expected: object = None,
        actual: object = None,
        cells: Sequence[FieldValue | None] = (),
    ) -> None:
        """Record a finding; one resting on a low-confidence reference value becomes a warning."""
        used = [c for c in cells if c is not None]
        for cell in used:
            self._rely(cell, field or code.lower(), line)
        confidence = min((c.confidence for c in used), default=None)
        if severity == "error" and any(self._low(c) for c in used):
            self._doubted.update(id(c) for c in used if self._low(c))
            severity = "warning"
            message += " (reference value read with low confidence: confirm against the document)"
        self.findings.append(
            Finding(
                code=code,
                severity=severity,
                message=message,
                line=line,
                field=field,
                expected=None if expected is None else fmt(expected),
                actual=None if actual is None else fmt(actual),
                confidence=confidence,
                evidence=self._evidence(used[0]) if used else None,
            )
        )

    def result(self) -> CheckResult:
        for cell, field, line in self._relied.values():
            # a value the document's own arithmetic bears out needs no confirming, unless a finding rests on it
            if self._low(cell) and (id(cell) not in self._agreeing or id(cell) in self._doubted):
                self.findings.append(
                    Finding(
                        code="LOW_CONFIDENCE",
                        severity="warning",
                        message=f"reference {field} {fmt(cell.value)!r} was read with confidence "
                        f"{cell.confidence:.2f} (below {self.policy.low_confidence}); confirm it",
                        line=line,
                        field=field,
                        actual=fmt(cell.value),
                        confidence=cell.confidence,
                        evidence=self._evidence(cell),
                    )
                )
        severities = {f.severity for f in self.findings}
        verdict: Verdict = "fail" if "error" in severities else "review" if "warning" in severities else "pass"
        return CheckResult(verdict, self.findings, self.matches, self.reference)

    def _cell(self, name: str) -> FieldValue | None:
        if self.reference is None:
            return None
        cell = self.reference.extraction.fields.get(name)
        return cell if cell is not None and cell.value is not None else None

    # --- the checks ------------------------------------------------------------------------------------------
    def run(self, known_references_exist: bool) -> None:
        inv = self.invoice
        if self.policy.requires_po and not (inv.po_number or "").strip():
            self.add(
                "PO_NUMBER_MISSING", "the customer requires a PO number and the invoice has none", field="po_number"
            )
        self.check_duplicates()
        if self.reference is None:
            self.check_line_arithmetic()
            self.check_totals()
            cited = inv.po_number or inv.contract_number
            if known_references_exist:
                what = f"no PO or contract on file matches {cited!r}" if cited else "no PO or contract matches"
                self.add("REFERENCE_NOT_FOUND", what, field="po_number" if inv.po_number else None, actual=cited)
            else:
                self.add(
                    "REFERENCE_NOT_FOUND",
                    "the customer has no PO or contract on file; only arithmetic and duplicates were checked",
                    "warning",
                )
            for i in range(len(inv.lines)):
                self.matches.append(LineMatch(i, None, 0.0))
            return
        self.check_reference_number()
        self.check_currency()
        self.check_period()
        self.check_terms_and_due_date()
        self.check_lines()
        self.check_line_arithmetic()  # after the lines: a reference price may explain an amount
        self.check_totals()
        if self.reference.extraction.line_items:
            self.check_tax_total()

    def check_duplicates(self) -> None:
        ext = self.reference.extraction if self.reference is not None else None
        found = find_duplicate(self.invoice, [*self.earlier, *self.failed], ext, self.policy.duplicate_window_days)
        if found is None:
            return
        other, how = found
        self.repeated = other
        if how == "number":
            message = (
                f"invoice number {self.invoice.invoice_number} with the same lines and total was already checked "
                f"for this customer (issued {other.issue_date.isoformat()})"
            )
            field, expected = "invoice_number", None
        else:
            message = (
                f"same total and lines as invoice {other.invoice_number} of {other.issue_date.isoformat()}, "
                f"{abs((self.invoice.issue_date - other.issue_date).days)} days apart"
            )
            field, expected = "lines", other.invoice_number
        self.add("DUPLICATE_INVOICE", message, field=field, expected=expected, actual=self.invoice.invoice_number)

    def _finer_price(self, i: int) -> Decimal | None:
        """The reference line's price with more decimals that invoice line ``i`` prints rounded (a PO's 7.1262
        printed as 7.13; a box of 200 at 5.67 billed per piece at 0.0284): billing systems compute the amount
        from the exact price."""
        j = next((m.reference_line for m in self.matches if m.invoice_line == i), None)
        if j is None or self.reference is None:
            return None
        line = self.invoice.lines[i]
        exponent = line.unit_price.as_tuple().exponent
        if not isinstance(exponent, int):
            return None
        item = self.reference.extraction.line_items[j]
        factor = self.factors.get(i, Decimal(1))
        printed = Decimal(1).scaleb(exponent)
        for price in (p / factor for p in reference_prices(item)):
            if price != line.unit_price and price.quantize(printed, ROUND_HALF_UP) == line.unit_price:
                return price
        return None

    def check_line_arithmetic(self) -> None:
        cur = self.invoice.currency
        for i, line in enumerate(self.invoice.lines):
            expected = quantize(line.quantity * line.unit_price, cur)
            finer = self._finer_price(i)
            if finer is not None and abs(quantize(line.quantity * finer, cur) - line.amount) <= self.slack:
                continue
            if abs(expected - line.amount) > self.slack:
                self.add(
                    "LINE_AMOUNT_ARITHMETIC",
                    f"{fmt(line.quantity)} x {fmt(line.unit_price)} = {fmt(expected)}, "
                    f"the line says {fmt(line.amount)}",
                    line=i,
                    field="amount",
                    expected=expected,
                    actual=line.amount,
                )

    def _sum_slack(self, terms: int) -> Decimal:
        """Rounding slack of a sum of ``terms`` amounts each rounded on its own."""
        return max(self.slack, minor_unit(self.invoice.currency) / 2 * max(1, terms))

    def check_totals(self) -> None:
        """Subtotal = lines, subtotal + tax = total; a subtotal before the charges the invoice bills as lines,
        a total that adds reference charges billed outside the lines, and tax-inclusive prices (total = lines,
        the tax inside) all add up too."""
        inv = self.invoice
        lines_sum = sum((ln.amount for ln in inv.lines), Decimal(0))
        charge_lines = sum((inv.lines[i].amount for i in self.charge_of), Decimal(0))
        slack = self._sum_slack(len(inv.lines))
        base = lines_sum if inv.subtotal is None else inv.subtotal
        if inv.subtotal is not None and abs(lines_sum - inv.subtotal) > slack:
            if self.charge_of and abs(lines_sum - charge_lines - inv.subtotal) <= slack:
                base = inv.subtotal + charge_lines  # the subtotal of the goods, the charges after it
            else:
                self.add(
                    "TOTALS_ARITHMETIC",
                    f"lines add up to {fmt(lines_sum)}, the subtotal says {fmt(inv.subtotal)}",
                    field="subtotal",
                    expected=lines_sum,
                    actual=inv.subtotal,
                )
        tax = inv.tax_total
        if tax is None:
            rates = [ln.tax_rate for ln in inv.lines]
            known = [r for r in rates if r is not None]
            tax = (
                line_tax([ln.amount for ln in inv.lines], known, inv.currency, False)
                if len(known) == len(rates)
                else Decimal(0)
            )
        expected_total = base + tax
        for outside in self._outside_choices():
            extra = sum((c.amount for c in outside), Decimal(0))
            if abs(inv.total - expected_total - extra) <= slack or (
                tax > 0 and abs(inv.total - base - extra) <= slack and self._inclusive_fits(tax, outside)
            ):  # tax added on top, or inside the prices (the total does not add it)
                self.outside = outside
                return
        self.totals_add_up = False
        what = "subtotal" if inv.subtotal is not None and base == inv.subtotal else "lines"
        self.add(
            "TOTALS_ARITHMETIC",
            f"{what} {fmt(base)} + tax {fmt(tax)} = {fmt(expected_total)}, the total says {fmt(inv.total)}",
            field="total",
            expected=expected_total,
            actual=inv.total,
        )

    def _outside_choices(self) -> list[list[Charge]]:
        """The reference charges the invoice may add after its subtotal: none, or any choice of those it does
        not bill as lines (six at most)."""
        billed = {id(c) for c in self.charge_of.values()}
        free = [c for c in self.tax.charges if id(c) not in billed][:6]
        return [list(chosen) for k in range(len(free) + 1) for chosen in itertools.combinations(free, k)]

    def _inclusive_fits(self, tax: Decimal, outside: list[Charge]) -> bool:
        """A tax total that is the tax inside tax-inclusive amounts, at the lines' or the reference's rates (any,
        when the reference says its prices include the tax: then the tax check judges the amount)."""
        if self.tax.included:
            return True
        before, self.outside = self.outside, outside
        options = self._rate_options()
        self.outside = before
        if options is None:  # no rate known: a share a tax-inclusive price can hold (at most 30 % tax)
            base = sum((ln.amount for ln in self.invoice.lines), Decimal(0)) + sum(
                (c.amount for c in outside), Decimal(0)
            )
            return 0 < tax <= base * 30 / 130
        amounts = [ln.amount for ln in self.invoice.lines] + [c.amount for c in outside]
        slack = self._sum_slack(len(amounts) * self.tax.components)
        return any(abs(line_tax(amounts, rates, self.invoice.currency, True) - tax) <= slack for rates in options)

    def check_reference_number(self) -> None:
        # The reference was found by this number; when it is hard to read the lookup itself is uncertain.
        for name, mine in (("po_number", self.invoice.po_number), ("contract_number", self.invoice.contract_number)):
            cell = self._cell(name)
            if mine and cell is not None and reference_key(str(cell.value)) == reference_key(mine):
                self._rely(cell, name, same=True)
            elif mine and cell is not None and look_alike_key(cell.value) == look_alike_key(mine):
                # found by a look-alike reading (a scan's S for 5): the number or the reference is for a person
                self.add(
                    "LOW_CONFIDENCE",
                    f"the reference's {name.replace('_', ' ')} was read as {cell.value!r}, the invoice cites "
                    f"{mine!r}: characters a scan confuses; confirm it is this document",
                    "warning",
                    field=name,
                    expected=cell.value,
                    actual=mine,
                    cells=[cell],
                )

    def check_currency(self) -> None:
        cell = self._cell("currency")
        if cell is None:
            return
        expected = _norm_currency(cell.value)
        if expected != self.invoice.currency:
            self.add(
                "CURRENCY_MISMATCH",
                f"invoice is in {self.invoice.currency}, the reference in {expected}",
                field="currency",
                expected=expected,
                actual=self.invoice.currency,
                cells=[cell],
            )
        else:
            self._rely(cell, "currency", same=True)

    def check_period(self) -> None:
        assert self.reference is not None
        issue = self.invoice.issue_date
        if self.reference.closed:
            self.add(
                "REFERENCE_EXPIRED", "the customer has closed this PO", field="status", expected="open", actual="closed"
            )
        start, end = self._cell("effective_date"), self._cell("expiry_date")
        if start is not None and isinstance(start.value, date):
            if issue < start.value:
                self.add(
                    "REFERENCE_EXPIRED",
                    f"issued {issue.isoformat()}, before the reference takes effect on {start.value.isoformat()}",
                    field="effective_date",
                    expected=f">= {start.value.isoformat()}",
                    actual=issue.isoformat(),
                    cells=[start],
                )
            else:
                self._rely(start, "effective_date")
        if end is not None and isinstance(end.value, date):
            if issue > end.value:
                self.add(
                    "REFERENCE_EXPIRED",
                    f"issued {issue.isoformat()}, after the reference expired on {end.value.isoformat()}",
                    field="expiry_date",
                    expected=f"<= {end.value.isoformat()}",
                    actual=issue.isoformat(),
                    cells=[end],
                )
            else:
                self._rely(end, "expiry_date")

    def _reference_terms(self) -> tuple[PaymentTerms | None, list[FieldValue]]:
        text, days = self._cell("payment_terms"), self._cell("payment_terms_days")
        terms = parse_terms(str(text.value)) if text is not None else None
        cells = [c for c in (days, text) if c is not None]
        if days is not None and isinstance(days.value, int | Decimal):
            eom = terms.end_of_month if terms else False
            terms = PaymentTerms(int(days.value), eom, terms.discount_pct if terms else None)
        return terms, cells if terms else []

    def check_terms_and_due_date(self) -> None:
        inv = self.invoice
        ref_terms, ref_cells = self._reference_terms()
        mine = parse_terms(inv.payment_terms)
        if inv.payment_terms and mine is None:
            # unreadable is not wrong: a person reads them (a review), no mismatch is claimed
            self.add(
                "LOW_CONFIDENCE",
                f"cannot read the invoice's payment terms {inv.payment_terms!r}; confirm them",
                "warning",
                field="payment_terms",
                expected=None if ref_terms is None else ref_terms.label,
                actual=inv.payment_terms,
            )
        elif mine is not None and ref_terms is not None:
            if mine.net_days != ref_terms.net_days:
                self.add(
                    "PAYMENT_TERMS_MISMATCH",
                    f"invoice terms give {mine.net_days} net days, the reference {ref_terms.net_days}",
                    field="payment_terms",
                    expected=ref_terms.net_days,
                    actual=mine.net_days,
                    cells=ref_cells,
                )
            else:  # the invoice states the same days: it bears the reading out
                for cell in ref_cells:
                    self._rely(cell, "payment_terms", same=True)
        if inv.due_date is None:
            return
        terms, cells = (mine, []) if mine is not None else (ref_terms, ref_cells)
        if inv.due_date < inv.issue_date:
            self.add(
                "DUE_DATE_INCONSISTENT",
                f"due {inv.due_date.isoformat()}, before the issue date {inv.issue_date.isoformat()}",
                field="due_date",
                expected=f">= {inv.issue_date.isoformat()}",
                actual=inv.due_date.isoformat(),
            )
            return
        if terms is None:
            return
        allowed = terms.due_dates(inv.issue_date)
        allowed |= {_next_monday(d) for d in allowed if d.weekday() >= 5}  # billing systems move weekends on
        if inv.due_date not in allowed:
            expected = min(allowed)
            source = "the invoice's terms" if mine is not None else "the reference's terms"
            self.add(
                "DUE_DATE_INCONSISTENT",
                f"issued {inv.issue_date.isoformat()} with {terms.net_days} net days"
                f"{' end of month' if terms.end_of_month else ''} ({source}) gives {expected.isoformat()}, "
                f"the invoice says {inv.due_date.isoformat()}",
                field="due_date",
                expected=expected.isoformat(),
                actual=inv.due_date.isoformat(),
                cells=cells,
            )
        else:
            for cell in cells:
                self._rely(cell, "payment_terms")

    def _table_unsure(self) -> str | None:
        """Why the reference's line table may have been read badly (so an invoice line that aligns with none of
        its lines is for a person to judge), None when it reads sound."""
        assert self.reference is not None
        ext = self.reference.extraction
        items = ext.line_items
        if not items:
            return "the reference shows no line items"
        low = [k + 1 for k, item in enumerate(items) if item.confidence < self.policy.low_confidence]
        if low:
            return f"reference line(s) {', '.join(map(str, low))} were read with low confidence"
        broken = [k + 1 for k, item in enumerate(items) if _row_broken(item)]
        if broken:
            return f"reference line(s) {', '.join(map(str, broken))} do not multiply out (quantity x price, amount)"
        amounts = [item.decimal("amount") for item in items]
        if any(a is None for a in amounts):
            return None
        lines_sum = sum((a for a in amounts if a is not None), Decimal(0))
        slack = self._sum_slack(len(items))
        subtotal, total, tax = ext.decimal("subtotal"), ext.decimal("total"), ext.decimal("tax_total")
        charges = sum((c.amount for c in ext.charges), Decimal(0))
        if subtotal is not None and abs(lines_sum - subtotal) > slack:
            return f"the reference's lines add up to {fmt(lines_sum)}, its subtotal says {fmt(subtotal)}"
        if subtotal is None and total is not None:
            options = {lines_sum + charges + (tax or 0), lines_sum + charges}  # tax added or inside the prices
            if all(abs(total - o) > slack for o in options):
                return f"the reference's lines add up to {fmt(lines_sum)}, short of its total {fmt(total)}"
        return None

    def _pairing_doubt(self, i: int, item: LineItem) -> str | None:
        """Why invoice line ``i`` may bill a line the extractor lost rather than ``item``, the line it was paired
        with, so that a price or quantity it disagrees with is for a person to judge; None when the pairing holds.
        Only on a table read unsure (rows unreadable, lines short of the totals): a code the invoice names that is
        on no line read, or words that fit other lines as well, then pair it with the nearest line of the same kind
        of goods, whose price and quantity are another item's. The paired line's very price confirms the pairing."""
        if self.unsure is None or self.reference is None:
            return None
        line, items = self.invoice.lines[i], self.reference.extraction.line_items
        if item_named(line, item) or bills_price(line, item):  # its code, or its very price, names the line
            return None
        codes = line_codes(line, items)
        if codes and not any(item_named(line, other) for other in items):
            return f"{' / '.join(sorted(codes))} is on no line read from the reference and {self.unsure}"
        if not codes:
            words = tokens(line.description)
            mine = description_similarity(words, tokens(item.value("description")))
            alike = sum(description_similarity(words, tokens(o.value("description"))) >= mine - 0.05 for o in items)
            if alike > 1:
                return f"its description fits {alike} lines of the reference and {self.unsure}"
        return None

    def check_lines(self) -> None:
        assert self.reference is not None
        inv, ext = self.invoice, self.reference.extraction
        items = ext.line_items
        self.tax = reference_tax(ext, inv.currency, self.slack)
        # charges printed below the table (freight, handling) are what an invoice line "Freight" bills
        targets = [*items, *(_charge_item(c) for c in ext.charges)] if items else []
        # a note (bills nothing) or a credit (a discount, in the customer's favour) needs no reference line
        billing = [i for i, ln in enumerate(inv.lines) if ln.amount > 0]
        matches = [LineMatch(i, None, 0.0) for i in range(len(inv.lines))]
        for m in self.aligner.align([inv.lines[i] for i in billing], targets):
            m.invoice_line = billing[m.invoice_line]
            matches[m.invoice_line] = m
        for m in matches:
            if m.reference_line is not None and m.reference_line >= len(items):
                self.charge_of[m.invoice_line] = ext.charges[m.reference_line - len(items)]
                m.reference_line = None  # the contract's reference_line indexes line items only
        self.matches = matches
        self.factors = {  # units of each invoice line per unit of its reference line (a box of 100: 100)
            m.invoice_line: pack_factor(inv.lines[m.invoice_line], items[m.reference_line])
            for m in matches
            if m.reference_line is not None
        }
        unsure = self.unsure = self._table_unsure()
        by_ref: dict[int, list[int]] = defaultdict(list)
        for match in self.matches:
            i, line = match.invoice_line, inv.lines[match.invoice_line]
            if i in self.charge_of:
                self.check_charge(i, self.charge_of[i])
                continue
            if line.amount <= 0:
                continue
            if match.reference_line is None:
                why = f" ({unsure}: confirm against the document)" if unsure else ""
                self.add(
                    "LINE_NOT_IN_REFERENCE",
                    f"{line.description!r} matches no line of the reference (best score {match.score:.2f}){why}",
                    "warning" if unsure else "error",
                    line=i,
                    field="description",
                    actual=line.description,
                )
                continue
            by_ref[match.reference_line].append(i)
            item = items[match.reference_line]
            self.check_price(i, item)
            self.check_tax_rate(i, item)
        self.check_uniform_rates()
        if ext.doc_type != "contract":  # a contract's rate schedule caps no quantity
            self.check_quantities(items, by_ref)

    def check_charge(self, i: int, charge: Charge) -> None:
        """An invoice line billing a reference charge: the amount the reference prints, the tax it applies."""
        line = self.invoice.lines[i]
        billed = quantize(line.quantity * line.unit_price, self.invoice.currency)  # a wrong product is another code
        if abs(billed - charge.amount) > self.slack:
            self.add(
                "PRICE_MISMATCH",
                f"{line.description!r} bills {fmt(billed)}, the reference's {charge.label} is {fmt(charge.amount)}",
                line=i,
                field="unit_price",
                expected=charge.amount,
                actual=billed,
            )
        rates = self.tax.charge_rates(charge)
        if charge.taxed is not False and line.tax_rate is not None and self.tax.fits(line.tax_rate):
            rates.add(line.tax_rate)  # as good a fit to the reference's tax as the rate implied
        if line.tax_rate is not None and rates and line.tax_rate not in rates:
            expected = min(rates) if charge.taxed is False else self.tax.rate
            self.add(
                "TAX_MISMATCH",
                f"tax rate {fmt(line.tax_rate)} % on {charge.label}, which the reference taxes at {fmt(expected)} %",
                line=i,
                field="tax_rate",
                expected=expected,
                actual=line.tax_rate,
                cells=self.tax.cells,
            )

    def check_price(self, i: int, item: LineItem) -> None:
        cell = item.cells.get("unit_price")
        if cell is None or not isinstance(cell.value, Decimal):
            return
        line = self.invoice.lines[i]
        prices = reference_prices(item)
        rate = line.tax_rate if line.tax_rate is not None else self.tax.rate
        if (self.tax.included or self._invoice_inclusive()) and rate:  # net against gross prices, or back
            prices += [p / (1 + rate / 100) for p in prices] + [p * (1 + rate / 100) for p in prices]
        factor = self.factors.get(i, Decimal(1))  # a box of 100 billed per piece is compared per box
        billed = line.unit_price * factor
        # Within either tolerance of any accepted price is fine: the absolute one is rounding slack for cheap
        # items, the percentage one scales with the price.
        for price in prices:
            allowed = max(self.policy.price_tolerance_abs, abs(price) * self.policy.price_tolerance_pct / 100)
            if abs(billed - price) <= allowed + self._price_rounding(line, factor):
                self._rely(cell, "unit_price", i, same=billed == cell.value)
                if price != cell.value:  # the net price rests on the amount and quantity read too
                    self._rely(item.cells.get("amount"), "amount", i)
                    self._rely(item.cells.get("quantity"), "quantity", i)
                return
        expected = cell.value
        allowed = max(self.policy.price_tolerance_abs, abs(expected) * self.policy.price_tolerance_pct / 100)
        net = f" or its net price {fmt(quantize(prices[1], self.invoice.currency))}" if len(prices) > 1 else ""
        per = f" ({fmt(factor.normalize())} x {fmt(line.unit_price)} per reference unit)" if factor != 1 else ""
        doubt = (
            "the reference's line does not multiply out"
            if _row_broken(item)
            else _lost_digits(billed, expected) or self._pairing_doubt(i, item)
        )
        self.add(
            "PRICE_MISMATCH",
            f"unit price {fmt(line.unit_price)}{per} differs from the reference's {fmt(expected)}{net} "
            f"by more than {fmt(allowed.normalize())}" + (f" ({doubt}: confirm against the document)" if doubt else ""),
            "warning" if doubt else "error",
            line=i,
            field="unit_price",
            expected=expected,
            actual=line.unit_price,
            cells=[cell],
        )

    def _price_rounding(self, line: InvoiceLine, factor: Decimal) -> Decimal:
        """How far a per-piece price printed to its decimals may be from the pack price it came from."""
        if factor <= 1:
            return Decimal(0)
        exponent = line.unit_price.as_tuple().exponent
        printed = Decimal(1).scaleb(exponent) if isinstance(exponent, int) else minor_unit(self.invoice.currency)
        return factor * printed / 2

    def _invoice_inclusive(self) -> bool:
        """The invoice's prices include its tax: the total is the lines' sum and a tax is stated inside it."""
        inv = self.invoice
        lines_sum = sum((ln.amount for ln in inv.lines), Decimal(0))
        return bool(inv.tax_total) and abs(inv.total - lines_sum) <= self._sum_slack(len(inv.lines))

    def _rates_for(self, i: int) -> tuple[set[Decimal], list[FieldValue], str]:
        """The tax rates invoice line ``i`` may carry, the reference cells they rest on and where they come from:
        its reference line's own rate, else the reference's (printed or implied) rates."""
        if i in self.charge_of:
            return self.tax.charge_rates(self.charge_of[i]), self.tax.cells, "the reference's charge rate"
        j = next((m.reference_line for m in self.matches if m.invoice_line == i), None)
        if j is not None and self.reference is not None:
            cell = self.reference.extraction.line_items[j].cells.get("tax_rate")
            if cell is not None and isinstance(cell.value, Decimal):
                return {cell.value}, [cell], "the reference's"
        rates = set(self.tax.rates)
        own = self.invoice.lines[i].tax_rate
        if rates and own is not None and self.tax.fits(own):
            rates.add(own)  # as good a fit to the reference's tax as the rates implied
        return rates, self.tax.cells, self.tax.source

    def check_tax_rate(self, i: int, item: LineItem) -> None:
        line = self.invoice.lines[i]
        rates, cells, source = self._rates_for(i)
        if not rates or line.tax_rate is None:
            return
        if line.tax_rate not in rates:
            own = item.cells.get("tax_rate")
            expected = own.value if own is not None and isinstance(own.value, Decimal) else self.tax.rate
            expected = expected if expected is not None else min(rates)
            listed = " or ".join(f"{fmt(r)} %" for r in sorted(rates))
            self.add(
                "TAX_MISMATCH",
                f"tax rate {fmt(line.tax_rate)} % differs from {source} {listed}",
                line=i,
                field="tax_rate",
                expected=expected,
                actual=line.tax_rate,
                cells=cells,
            )
        else:
            for cell in cells:
                self._rely(cell, "tax_rate", i)

    def check_uniform_rates(self) -> None:
        """A contract that states no rate ("plus VAT at the statutory rate") still implies one rate for the
        services it prices: lines of one invoice billed at different rates need a person's look. (A PO of goods
        may mix rates legitimately, food and tools, so this is for contracts only.)"""
        if self.tax.rates or self.reference is None or self.reference.extraction.doc_type != "contract":
            return
        items = self.reference.extraction.line_items
        if any(isinstance(item.value("tax_rate"), Decimal) for item in items):
            return
        rates = [
            (i, ln.tax_rate)
            for i, ln in enumerate(self.invoice.lines)
            if ln.tax_rate is not None and i not in self.charge_of
        ]
        counts = Counter(rate for _, rate in rates)
        if len(counts) < 2:
            return
        (common, n), (_, runner_up) = counts.most_common(2)
        if n > runner_up:  # a clear majority: the odd lines out are the suspects
            for i, rate in rates:
                if rate != common:
                    self.add(
                        "TAX_MISMATCH",
                        f"tax rate {fmt(rate)} % differs from the {fmt(common)} % of the invoice's other lines; "
                        "the reference states no rate",
                        "warning",
                        line=i,
                        field="tax_rate",
                        expected=common,
                        actual=rate,
                    )
        else:
            listed = ", ".join(f"{fmt(r)} %" for r in sorted(counts))
            self.add(
                "TAX_MISMATCH",
                f"the invoice's lines carry different tax rates ({listed}); the reference states no rate",
                "warning",
                field="tax_rate",
                actual=listed,
            )

    def _rate_options(self) -> list[list[Decimal]] | None:
        """Every way to give each invoice line (and each reference charge billed outside the lines) one rate:
        its own printed rate, else the reference's; a charge the reference does not say is taxed goes both ways.
        None when a line's rate cannot be known."""
        per_line: list[set[Decimal]] = []
        for i, line in enumerate(self.invoice.lines):
            if line.amount == 0:  # a note: no tax whatever its rate
                per_line.append({Decimal(0)})
                continue
            if line.tax_rate is None and line.amount < 0 and self.tax.rate is not None:
                per_line.append({self.tax.rate})  # a discount lowers the taxed amount at the reference's rate
                continue
            if line.tax_rate is not None:
                stacked = self.tax.components > 1 and self.tax.rate is not None and line.tax_rate in self.tax.rates
                # a line listing one of stacked taxes (GST of GST + PST) still owes them all
                per_line.append({line.tax_rate, self.tax.rate} if stacked and self.tax.rate else {line.tax_rate})
                continue
            aligned = i in self.charge_of or any(
                m.invoice_line == i and m.reference_line is not None for m in self.matches
            )
            if not aligned:
                return None  # a line the reference does not list, billed without a rate: its tax is unknown
            rates, _, _ = self._rates_for(i)
            if i not in self.charge_of and self.tax.rate is not None and rates == set(self.tax.rates):
                rates = {self.tax.rate}  # the combined rate of stacked taxes, not each component alone
            if not rates or (len(rates) > 1 and i not in self.charge_of):
                return None
            per_line.append(rates)
        per_line += [self.tax.charge_rates(c) or {Decimal(0)} for c in self.outside]
        options = [list(combo) for combo in itertools.islice(itertools.product(*map(sorted, per_line)), 64)]
        return options or None

    def check_tax_total(self) -> None:
        """tax_total against the lines' amounts x rates (the reference's rate where the invoice shows none),
        computed on every reading the reference allows: taxed or untaxed charges, tax added or inside the prices."""
        inv = self.invoice
        if inv.tax_total is None:
            return
        # the charges the totals showed billed after the subtotal; every choice of them when they did not add up
        choices = [self.outside] if self.totals_add_up else self._outside_choices()
        computed: list[Decimal] = []
        primary, totals_choice = self.tax.rate, self.outside
        # an implied rate with close alternatives: the lines without a rate may carry any of them (all alike)
        alternatives = (
            [primary] if self.tax.printed or primary is None else sorted(self.tax.rates, key=lambda r: r != primary)
        )
        for rate in alternatives:
            self.tax.rate = rate
            for outside in choices:
                self.outside = outside
                computed += self._computed_taxes()
        self.tax.rate, self.outside = primary, totals_choice
        if not computed:
            return
        # each line's tax rounded on its own, per tax stacked on it; a rate only implied by the totals may be stacked
        # taxes too (GST 5 % + PST 7 %, each rounded on each line, read as 12 %): two of them at least
        components = self.tax.components if self.tax.printed else max(self.tax.components, 2)
        slack = self._sum_slack((len(inv.lines) + len(self.tax.charges)) * components)
        if any(abs(expected - inv.tax_total) <= slack for expected in computed):
            for cell in self.tax.cells:
                self._rely(cell, "tax_rate")
            return
        self.add(
            "TAX_MISMATCH",
            f"lines' amounts x tax rates give {fmt(computed[0])}, the tax total says {fmt(inv.tax_total)}",
            field="tax_total",
            expected=computed[0],
            actual=inv.tax_total,
            cells=self.tax.cells,
        )

    def _computed_taxes(self) -> list[Decimal]:
        """The tax totals the lines (and ``self.outside``) give under every reading of the reference's tax."""
        inv = self.invoice
        assert inv.tax_total is not None
        options = self._rate_options()
        if options is None:
            return []
        amounts = [ln.amount for ln in inv.lines] + [c.amount for c in self.outside]
        lines_sum = sum((ln.amount for ln in inv.lines), Decimal(0))
        # tax added on top when the total adds it, inside the prices when the total is the lines' sum
        adds = abs(inv.total - lines_sum - inv.tax_total) <= self._sum_slack(len(inv.lines) + 1)
        inside = abs(inv.total - lines_sum) <= self._sum_slack(len(inv.lines))
        inclusive = [False] if adds or not (inside or self.tax.included) else [True] if inside else [False, True]
        return [line_tax(amounts, rates, inv.currency, incl) for rates in options for incl in inclusive]

    def _same_reference(self, other: DraftInvoice) -> bool:
        assert self.reference is not None
        ext = self.reference.extraction
        keys = {
            reference_key(str(v))
            for v in (
                self.invoice.po_number,
                self.invoice.contract_number,
                ext.value("po_number"),
                ext.value("contract_number"),
            )
            if v
        }
        keys.discard("")
        if not keys:  # found by customer alone: earlier invoices that cite nothing either
            return not (other.po_number or other.contract_number)
        cited = [*reference_keys(other.po_number), *reference_keys(other.contract_number)]  # "4500012345/10" too
        return any(key in keys for key in cited)

    def check_quantities(self, items: Sequence[LineItem], by_ref: dict[int, list[int]]) -> None:
        # One item ordered on several schedule lines (the same SKU at the same price, delivered on two dates) may
        # be billed on one line: its quantities are pooled.
        group = _schedule_groups(items)
        billed_before: dict[int, Decimal] = defaultdict(Decimal)
        earlier_numbers: dict[int, list[str]] = defaultdict(list)
        me = norm_id(self.invoice.invoice_number)
        for other in self.earlier:
            # An earlier check of this very invoice (same number: a correction replaces it) and the invoice this
            # one repeats (reported as a duplicate, the same goods once) bill nothing more.
            if norm_id(other.invoice_number) == me or other is self.repeated or not self._same_reference(other):
                continue
            for match in self.aligner.align(other.lines, items):
                if match.reference_line is not None:
                    line = other.lines[match.invoice_line]
                    g = group[match.reference_line]
                    billed_before[g] += line.quantity / pack_factor(line, items[match.reference_line])
                    earlier_numbers[g].append(other.invoice_number)
        by_group: dict[int, list[int]] = defaultdict(list)
        for j, lines in by_ref.items():
            by_group[group[j]] += lines
        tol = 1 + self.policy.quantity_tolerance_pct / 100
        for g, lines in by_group.items():
            members = [j for j in range(len(items)) if group[j] == g]
            cells = [items[j].cells.get("quantity") for j in members]
            ordered = [c for c in cells if c is not None and isinstance(c.value, Decimal)]
            if len(ordered) < len(members):
                continue
            quantity = sum((c.value for c in ordered if isinstance(c.value, Decimal)), Decimal(0))
            allowed = quantity * tol
            before = billed_before[g]
            now = sum((self.invoice.lines[i].quantity / self.factors.get(i, 1) for i in lines), Decimal(0))
            if before + now > allowed:
                remaining = max(allowed - before, Decimal(0))
                prior = ""
                if before:
                    numbers = ", ".join(sorted(set(earlier_numbers[g])))
                    prior = f", {fmt(before.normalize())} already billed on {numbers}"
                which = " and ".join(str(j + 1) for j in members)
                doubt = (
                    "that line does not multiply out"
                    if any(_row_broken(items[j]) for j in members)
                    else next((d for i in lines if (d := self._pairing_doubt(i, items[members[0]]))), None)
                )
                self.add(
                    "QUANTITY_EXCEEDS_REFERENCE",
                    f"bills {fmt(now.normalize())} against reference line {which} which allows {fmt(quantity)}{prior}"
                    + (f" ({doubt}: confirm against the document)" if doubt else ""),
                    "warning" if doubt else "error",
                    line=lines[-1],
                    field="quantity",
                    expected=remaining,
                    actual=now,
                    cells=ordered,
                )
            else:
                for cell in ordered:
                    self._rely(cell, "quantity", lines[-1])


def _schedule_groups(items: Sequence[LineItem]) -> list[int]:
    """For each reference line, the first line of the same item: the same SKU at the same unit price."""
    first: dict[tuple[str, object], int] = {}
    out = []
    for j, item in enumerate(items):
        sku = normalize_sku(item.value("sku"))
        out.append(first.setdefault((sku, item.value("unit_price")), j) if sku else j)
    return out


def _charge_item(charge: Charge) -> LineItem:
    """A reference charge as a line the aligner can match: its label, its amount as the price of one."""
    cells = {
        "description": FieldValue(charge.label, charge.confidence),
        "unit_price": FieldValue(charge.amount, charge.confidence),
    }
    return LineItem(cells, charge.confidence)


def _next_monday(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())
