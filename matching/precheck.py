"""The pre-send check: a draft invoice against its reference PO or contract and the invoices already checked.

Pure domain logic (no database, no HTTP). ``precheck`` returns a ``CheckResult`` whose verdict follows from
the findings: any error -> fail, else any warning -> review, else pass.

Severity: every code is an error except LOW_CONFIDENCE (warning), REFERENCE_NOT_FOUND when the customer has no
references on file at all (warning: nothing to compare with, a person decides), DUPLICATE_INVOICE by content
under another number on another day (warning: recurring billing repeats lines legitimately; none at all when a
PO's ordered quantities cover both, as equal partial deliveries do), TAX_MISMATCH for lines at different rates
under a contract that states no rate (warning), and LINE_NOT_IN_REFERENCE when the reference shows no lines at
all (warning). A finding that rests on a reference
value read with confidence below ``policy.low_confidence`` is downgraded to a warning: a person must look
before the invoice is held back.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from extraction.normalize import parse_currency
from extraction.result import FieldValue, LineItem
from matching.align import LineAligner, description_similarity, normalize_sku, reference_prices, tokens
from matching.money import fmt, minor_unit, quantize
from matching.terms import PaymentTerms, parse_terms
from matching.types import (
    CheckResult,
    DraftInvoice,
    Finding,
    FindingCode,
    LineMatch,
    Policy,
    Reference,
    Severity,
    Verdict,
)

_ALIKE = 0.5  # description similarity from which two lines with the same numbers bill the same item


def precheck(
    invoice: DraftInvoice,
    reference: Reference | None,
    earlier: Sequence[DraftInvoice],
    policy: Policy,
    known_references_exist: bool = True,
    today: date | None = None,
    aligner: LineAligner | None = None,
) -> CheckResult:
    """Check ``invoice`` before it is sent.

    reference: the PO or contract found for it (None when none was found).
    earlier: invoices already checked for the same customer; those on the same PO/contract count towards
        the ordered quantities, all of them towards duplicate detection.
    known_references_exist: False when the customer has no PO or contract on file at all; a missing
        reference is then a warning rather than an error.
    today: unused by the rules so far; kept so callers can pin the clock (e.g. for future "stale PO" checks).
    aligner: a fitted ``LineAligner``; the default weights otherwise.
    """
    checker = _Checker(invoice, reference, earlier, policy, aligner or LineAligner())
    checker.run(known_references_exist)
    return checker.result()


def norm_id(text: object) -> str:
    """Reference and invoice numbers as AP teams compare them: no spaces, dashes, slashes, dots or case."""
    return re.sub(r"[\s\-_/.#]", "", str(text or "")).casefold()


def _norm_currency(text: object) -> str:
    raw = str(text or "").strip()
    return parse_currency(raw) or raw.upper()


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
    ) -> None:
        self.invoice = invoice
        self.reference = reference
        self.earlier = [e for e in earlier if e.customer_id == invoice.customer_id]
        self.policy = policy
        self.aligner = aligner
        self.findings: list[Finding] = []
        self.matches: list[LineMatch] = []
        # reference cells a finding or a pass relied on: id(cell) -> (cell, field, invoice line)
        self._relied: dict[int, tuple[FieldValue, str, int | None]] = {}
        self.slack = max(policy.amount_tolerance_abs, minor_unit(invoice.currency) / 2)
        # the reference's single tax rate when its lines show none (see _implied_tax_rate)
        self.header_rate: Decimal | None = None
        self.header_rate_cells: list[FieldValue] = []
        self.look_alike: DraftInvoice | None = None  # an earlier invoice on another day with the same content

    # --- plumbing --------------------------------------------------------------------------------------------
    def _low(self, cell: FieldValue | None) -> bool:
        return cell is not None and cell.confidence < self.policy.low_confidence

    def _rely(self, cell: FieldValue | None, field: str, line: int | None = None) -> None:
        if cell is not None and cell.value is not None:
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
            if self._low(cell):
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
        self.check_line_arithmetic()
        self.check_totals()
        if self.reference is None:
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
            self.check_look_alike()
            return
        self.check_reference_number()
        self.check_currency()
        self.check_period()
        self.check_terms_and_due_date()
        self.check_lines()
        self.check_look_alike()

    def check_duplicates(self) -> None:
        inv = self.invoice
        number = norm_id(inv.invoice_number)
        for other in self.earlier:
            if norm_id(other.invoice_number) == number:
                self.add(
                    "DUPLICATE_INVOICE",
                    f"invoice number {inv.invoice_number} was already checked for this customer "
                    f"(issued {other.issue_date.isoformat()})",
                    field="invoice_number",
                    actual=inv.invoice_number,
                )
                return
        for other in self.earlier:
            if _look_alike(inv, other):
                if other.issue_date == inv.issue_date:
                    self._add_look_alike(other, "error")
                else:  # decided once the quantities are known (see check_look_alike)
                    self.look_alike = other
                return

    def _add_look_alike(self, other: DraftInvoice, severity: Severity) -> None:
        self.add(
            "DUPLICATE_INVOICE",
            f"same total and lines as invoice {other.invoice_number} of {other.issue_date.isoformat()}",
            severity,
            field="lines",
            expected=other.invoice_number,
            actual=self.invoice.invoice_number,
        )

    def check_look_alike(self) -> None:
        """A look-alike of an earlier invoice on another day is a possible duplicate (a warning: recurring billing
        repeats lines), unless a PO's ordered quantities cover both: a PO delivered in equal parts is billed in
        equal parts."""
        if self.look_alike is None:
            return
        items = self.reference.extraction.line_items if self.reference is not None else []
        covered = (
            self.reference is not None
            and self.reference.extraction.doc_type != "contract"
            and bool(self.matches)
            and all(
                m.reference_line is not None and isinstance(items[m.reference_line].value("quantity"), Decimal)
                for m in self.matches
            )
            and not any(f.code == "QUANTITY_EXCEEDS_REFERENCE" for f in self.findings)
        )
        if not covered:
            self._add_look_alike(self.look_alike, "warning")

    def check_line_arithmetic(self) -> None:
        cur = self.invoice.currency
        for i, line in enumerate(self.invoice.lines):
            expected = quantize(line.quantity * line.unit_price, cur)
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

    def _line_tax(self, rates: Sequence[Decimal | None]) -> Decimal | None:
        """Tax from the lines' amounts and rates, None when a rate is unknown."""
        known = [r for r in rates if r is not None]
        if len(known) != len(rates):
            return None
        cur = self.invoice.currency
        return quantize(
            sum((ln.amount * r / 100 for ln, r in zip(self.invoice.lines, known, strict=True)), Decimal(0)), cur
        )

    def check_totals(self) -> None:
        inv = self.invoice
        lines_sum = sum((ln.amount for ln in inv.lines), Decimal(0))
        # Slack grows with the number of lines: each printed amount may be rounded on its own.
        slack = max(self.slack, minor_unit(inv.currency) / 2 * len(inv.lines))
        if inv.subtotal is not None:
            if abs(lines_sum - inv.subtotal) > slack:
                self.add(
                    "TOTALS_ARITHMETIC",
                    f"lines add up to {fmt(lines_sum)}, the subtotal says {fmt(inv.subtotal)}",
                    field="subtotal",
                    expected=lines_sum,
                    actual=inv.subtotal,
                )
            base = inv.subtotal
        else:
            base = lines_sum
        tax = inv.tax_total
        if tax is None:
            tax = self._line_tax([ln.tax_rate for ln in inv.lines]) or Decimal(0)
        expected_total = base + tax
        if abs(expected_total - inv.total) > slack:
            what = "subtotal" if inv.subtotal is not None else "lines"
            self.add(
                "TOTALS_ARITHMETIC",
                f"{what} {fmt(base)} + tax {fmt(tax)} = {fmt(expected_total)}, the total says {fmt(inv.total)}",
                field="total",
                expected=expected_total,
                actual=inv.total,
            )

    def check_reference_number(self) -> None:
        # The reference was found by this number; when it is hard to read the lookup itself is uncertain.
        for name, mine in (("po_number", self.invoice.po_number), ("contract_number", self.invoice.contract_number)):
            cell = self._cell(name)
            if mine and cell is not None and norm_id(cell.value) == norm_id(mine):
                self._rely(cell, name)

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
            self._rely(cell, "currency")

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
            self.add(
                "PAYMENT_TERMS_MISMATCH",
                f"cannot read the invoice's payment terms {inv.payment_terms!r}",
                "warning",
                field="payment_terms",
                expected=None if ref_terms is None else f"Net {ref_terms.net_days}",
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
            else:
                for cell in ref_cells:
                    self._rely(cell, "payment_terms")
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

    def check_lines(self) -> None:
        assert self.reference is not None
        inv, items = self.invoice, self.reference.extraction.line_items
        self.matches = self.aligner.align(inv.lines, items)
        if not items:
            for i, line in enumerate(inv.lines):
                self.add(
                    "LINE_NOT_IN_REFERENCE",
                    f"the reference shows no line items to match {line.description!r} against",
                    "warning",
                    line=i,
                    field="description",
                    actual=line.description,
                )
            return
        self.header_rate, self.header_rate_cells = self._implied_tax_rate(items)
        by_ref: dict[int, list[int]] = defaultdict(list)
        for match in self.matches:
            line = inv.lines[match.invoice_line]
            if match.reference_line is None:
                self.add(
                    "LINE_NOT_IN_REFERENCE",
                    f"{line.description!r} matches no line of the reference (best score {match.score:.2f})",
                    line=match.invoice_line,
                    field="description",
                    actual=line.description,
                )
                continue
            by_ref[match.reference_line].append(match.invoice_line)
            item = items[match.reference_line]
            self.check_price(match.invoice_line, item)
            self.check_tax_rate(match.invoice_line, item)
        self.check_tax_total(items)
        self.check_uniform_rates()
        if self.reference.extraction.doc_type != "contract":  # a contract's rate schedule caps no quantity
            self.check_quantities(items, by_ref)

    def check_price(self, i: int, item: LineItem) -> None:
        cell = item.cells.get("unit_price")
        if cell is None or not isinstance(cell.value, Decimal):
            return
        line = self.invoice.lines[i]
        prices = reference_prices(item)
        # Within either tolerance of any accepted price is fine: the absolute one is rounding slack for cheap
        # items, the percentage one scales with the price.
        for price in prices:
            allowed = max(self.policy.price_tolerance_abs, abs(price) * self.policy.price_tolerance_pct / 100)
            if abs(line.unit_price - price) <= allowed:
                self._rely(cell, "unit_price", i)
                if price != cell.value:  # the net price rests on the amount and quantity read too
                    self._rely(item.cells.get("amount"), "amount", i)
                    self._rely(item.cells.get("quantity"), "quantity", i)
                return
        expected = cell.value
        allowed = max(self.policy.price_tolerance_abs, abs(expected) * self.policy.price_tolerance_pct / 100)
        net = f" or its net price {fmt(quantize(prices[1], self.invoice.currency))}" if len(prices) > 1 else ""
        self.add(
            "PRICE_MISMATCH",
            f"unit price {fmt(line.unit_price)} differs from the reference's {fmt(expected)}{net} "
            f"by more than {fmt(allowed.normalize())}",
            line=i,
            field="unit_price",
            expected=expected,
            actual=line.unit_price,
            cells=[cell],
        )

    def _implied_tax_rate(self, items: Sequence[LineItem]) -> tuple[Decimal | None, list[FieldValue]]:
        """The single tax rate of a reference whose lines show none, as its totals state it: tax total over the
        net total (total - tax), when a rate of at most 3 decimals reproduces the tax total; 0 when the totals
        show a 0 tax or a total equal to the subtotal with no tax at all."""
        if any(isinstance(item.value("tax_rate"), Decimal) for item in items):
            return None, []
        tax, total, subtotal = self._cell("tax_total"), self._cell("total"), self._cell("subtotal")
        if tax is None:
            if total is not None and subtotal is not None and total.value == subtotal.value:
                return Decimal(0), [total, subtotal]
            return None, []
        if not isinstance(tax.value, Decimal):
            return None, []
        if tax.value == 0:
            return Decimal(0), [tax]
        if total is None or not isinstance(total.value, Decimal) or total.value - tax.value <= 0:
            return None, []
        base = total.value - tax.value
        exact = tax.value / base * 100
        for digits in range(4):  # the coarsest rate that gives the printed tax: 19, 8.1, 8.25, 8.875
            rate = exact.quantize(Decimal(1).scaleb(-digits))
            if abs(quantize(base * rate / 100, self.invoice.currency) - tax.value) <= self.slack:
                return rate, [tax, total]
        return None, []

    def _rate_of(self, item: LineItem) -> tuple[Decimal | None, list[FieldValue], str]:
        """The tax rate a reference line asks for, the cells it rests on and where it comes from."""
        cell = item.cells.get("tax_rate")
        if cell is not None and isinstance(cell.value, Decimal):
            return cell.value, [cell], "the reference's"
        return self.header_rate, self.header_rate_cells, "the rate the reference's totals imply,"

    def check_tax_rate(self, i: int, item: LineItem) -> None:
        line = self.invoice.lines[i]
        expected, cells, source = self._rate_of(item)
        if expected is None or line.tax_rate is None:
            return
        if line.tax_rate != expected:
            self.add(
                "TAX_MISMATCH",
                f"tax rate {fmt(line.tax_rate)} % differs from {source} {fmt(expected)} %",
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
        if self.header_rate is not None or self.reference is None or self.reference.extraction.doc_type != "contract":
            return
        items = self.reference.extraction.line_items
        if any(isinstance(item.value("tax_rate"), Decimal) for item in items):
            return
        rates = [(i, ln.tax_rate) for i, ln in enumerate(self.invoice.lines) if ln.tax_rate is not None]
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

    def check_tax_total(self, items: Sequence[LineItem]) -> None:
        """tax_total against the lines' amounts x rates (the reference's rate where the invoice shows none)."""
        inv = self.invoice
        if inv.tax_total is None:
            return
        ref_of = {m.invoice_line: m.reference_line for m in self.matches}
        rates: list[Decimal | None] = []
        cells: list[FieldValue] = []
        for i, line in enumerate(inv.lines):
            rate = line.tax_rate
            j = ref_of.get(i)
            if rate is None and j is not None:
                rate, used, _ = self._rate_of(items[j])
                cells += used
            rates.append(rate)
        expected = self._line_tax(rates)
        if expected is None:
            return
        slack = max(self.slack, minor_unit(inv.currency) / 2 * len(inv.lines))
        if abs(expected - inv.tax_total) > slack:
            self.add(
                "TAX_MISMATCH",
                f"lines' amounts x tax rates give {fmt(expected)}, the tax total says {fmt(inv.tax_total)}",
                field="tax_total",
                expected=expected,
                actual=inv.tax_total,
                cells=cells,
            )

    def _same_reference(self, other: DraftInvoice) -> bool:
        assert self.reference is not None
        ext = self.reference.extraction
        keys = {
            norm_id(v)
            for v in (
                self.invoice.po_number,
                self.invoice.contract_number,
                ext.value("po_number"),
                ext.value("contract_number"),
            )
            if v
        }
        if not keys:  # found by customer alone: earlier invoices that cite nothing either
            return not (other.po_number or other.contract_number)
        return norm_id(other.po_number) in keys or norm_id(other.contract_number) in keys

    def check_quantities(self, items: Sequence[LineItem], by_ref: dict[int, list[int]]) -> None:
        billed_before: dict[int, Decimal] = defaultdict(Decimal)
        earlier_numbers: dict[int, list[str]] = defaultdict(list)
        me = norm_id(self.invoice.invoice_number)
        for other in self.earlier:
            # An earlier check of this very invoice bills nothing more; a look-alike under another number does
            # (if both go out, both are billed), so it counts besides being reported as a possible duplicate.
            if norm_id(other.invoice_number) == me or not self._same_reference(other):
                continue
            for match in self.aligner.align(other.lines, items):
                if match.reference_line is not None:
                    billed_before[match.reference_line] += other.lines[match.invoice_line].quantity
                    earlier_numbers[match.reference_line].append(other.invoice_number)
        tol = 1 + self.policy.quantity_tolerance_pct / 100
        for j, lines in by_ref.items():
            cell = items[j].cells.get("quantity")
            if cell is None or not isinstance(cell.value, Decimal):
                continue
            allowed = cell.value * tol
            before = billed_before[j]
            now = sum((self.invoice.lines[i].quantity for i in lines), Decimal(0))
            if before + now > allowed:
                remaining = max(allowed - before, Decimal(0))
                prior = ""
                if before:
                    prior = f", {fmt(before)} already billed on {', '.join(sorted(set(earlier_numbers[j])))}"
                self.add(
                    "QUANTITY_EXCEEDS_REFERENCE",
                    f"bills {fmt(now)} against reference line {j + 1} which allows {fmt(cell.value)}{prior}",
                    line=lines[-1],
                    field="quantity",
                    expected=remaining,
                    actual=now,
                    cells=[cell],
                )
            else:
                self._rely(cell, "quantity", lines[-1])


def _look_alike(a: DraftInvoice, b: DraftInvoice) -> bool:
    """The same customer, currency and total, and line for line the same quantity, price and amount for items
    described alike (billing systems reword descriptions, so the words need only be similar)."""
    if (a.customer_id, a.currency, a.total) != (b.customer_id, b.currency, b.total) or len(a.lines) != len(b.lines):
        return False

    def keyed(invoice: DraftInvoice) -> list[tuple[tuple[Decimal, ...], list[str], str | None]]:
        rows = [
            ((ln.quantity, ln.unit_price, ln.amount), tokens(ln.description), normalize_sku(ln.sku))
            for ln in invoice.lines
        ]
        return sorted(rows, key=lambda row: (row[0], " ".join(row[1])))

    return all(
        x[0] == y[0] and ((x[2] is not None and x[2] == y[2]) or description_similarity(x[1], y[1]) >= _ALIKE)
        for x, y in zip(keyed(a), keyed(b), strict=True)
    )


def _next_monday(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())
