"""Generated pre-send check cases as billing meets them: references with charges and several taxes (US sales tax
that leaves the freight out, VAT that taxes it, GST + PST, tax-inclusive prices), invoices that are clean by
construction (partial quantities, reworded descriptions, terms as billing systems abbreviate them, rounding per
line or per total, charges billed as lines or after the subtotal, re-sent corrections, recurring monthly fees),
and one injected fault per finding code that must raise exactly that code.

``build_case(rng, fault)`` is shared by the property tests (tests/test_matching_properties.py, hypothesis draws
the seed and the fault) and the bench (bench/bench_matching.py --set billing).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, get_args

from extraction.result import Charge, TaxLine
from extraction.terms import parse_terms
from matching.money import quantize
from matching.types import DraftInvoice, FindingCode, InvoiceLine, Policy, Reference
from tests.matching_fixtures import make_reference

D = Decimal
FAULTS = get_args(FindingCode)  # each code the matcher can raise is injected on its own

# (reference description, how billing systems reword it, unit, price range)
CATALOG = [
    ("Laptop Dell Latitude 5440", ["Notebook computer Dell 14in", "DELL LATITUDE 5440 LAPTOP"], "each", (900, 1600)),
    ("Docking station USB-C", ["USB-C dock", "Dock USB C"], "each", (120, 260)),
    ("Monitor 27 inch 4K", ['27" 4K display', "MONITOR 27IN 4K"], "each", (250, 600)),
    ("Ethernet cable Cat6 3m", ["Network patch cord Cat 6, 3 m", "CAT6 CABLE 3M"], "piece", (3, 9)),
    ("Office chair ergonomic", ["Ergonomic desk chair", "Chair, office (ergo)"], "each", (180, 650)),
    ("Printer toner cartridge black", ["Black toner for printer", "TONER CART BLK"], "piece", (40, 120)),
    ("Senior consulting services", ["Sr. consultant hours", "Consulting svcs - senior"], "hour", (120, 220)),
    ("Project management", ["Project mgmt hours", "Proj. mgmt"], "hour", (90, 160)),
    ("On-site training day", ["Training on site (day)", "Onsite workshop day"], "day", (600, 1400)),
    ("Network switch 48 port managed", ["Managed switch, 48 ports", "SWITCH 48P MGD"], "each", (700, 2400)),
    ("Firewall appliance", ["Firewall (hardware appliance)", "FW appliance"], "each", (1500, 6000)),
    ("Stainless steel hex bolt M8x40", ["SS bolt hex M8 x 40", "Hex bolt M8x40 stainless"], "piece", (1, 3)),
    ("Safety gloves nitrile, size L", ["Nitrile gloves L", "GLOVES NITRILE LARGE"], "box", (8, 25)),
    ("Pallet wrap film 500mm", ["Stretch film 500 mm", "Wrap film, pallet 500mm"], "roll", (12, 40)),
]
FOREIGN = ["Travel expenses Munich", "Catering for workshop", "Parking and mileage", "Hardware recycling fee"]
# net days -> (as the reference prints them, as billing systems abbreviate them)
TERMS = {
    30: (
        ["Net 30", "30 days net", "Payable within thirty (30) days"],
        ["N30", "NET30", "Net 30 days", "30 Tage netto"],
    ),
    45: (["Net 45", "45 days from invoice date"], ["N45", "NET 45", "45 jours"]),
    60: (["Net 60", "60 days"], ["N60", "N/60", "60 días"]),
    0: (["Due on receipt", "Payable upon receipt"], ["COD", "CIA", "Due on receipt", "PIA"]),
}
EOM_TERMS = (["Net 30 EOM", "30 days end of month"], ["EOM 30", "30 EOM", "30 jours fin de mois"])
DISCOUNT_TERMS = (["2/10 Net 30", "2% 10 days, net 30"], ["2/10 N30", "2% 10 Net 30"])
# tax regimes: currency, printed taxes (label, rate), whether charges are taxed, whether prices include the tax
REGIMES: dict[str, tuple[str, list[tuple[str, str]], bool, bool]] = {
    "us_state": ("USD", [("State Sales Tax", "6.25")], False, False),
    "us_state_county": ("USD", [("State Sales Tax", "6.25"), ("County Tax", "2")], False, False),
    "vat": ("EUR", [("VAT", "19")], True, False),
    "uk_vat": ("GBP", [("VAT", "20")], True, False),
    "gst_pst": ("CAD", [("GST", "5"), ("PST", "7")], True, False),
    "vat_included": ("EUR", [("incl. VAT", "19")], True, True),
    "none": ("USD", [], False, False),
}
CHARGE_LABELS = {"shipping": ["Shipping", "Delivery charges"], "freight": ["Freight"], "handling": ["Handling"]}


@dataclass
class Case:
    reference: Reference | None
    invoice: DraftInvoice
    earlier: list[DraftInvoice]
    policy: Policy
    expected: set[str]
    alignment: list[int | None] | None = None
    failed: list[DraftInvoice] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def _q(value: Decimal, currency: str = "USD") -> Decimal:
    return quantize(value, currency)


def _round_each(values: list[Decimal]) -> Decimal:
    return sum((v.quantize(D("0.01"), rounding=ROUND_HALF_UP) for v in values), D(0))


@dataclass
class _Ref:
    """The truth of a generated reference."""

    regime: str
    currency: str
    taxes: list[tuple[str, Decimal]]
    charges_taxed: bool
    included: bool
    items: list[dict[str, Any]]
    charges: list[Charge]
    terms_days: int
    terms_eom: bool
    terms_pair: tuple[list[str], list[str]]
    number: str
    doc_type: str
    expiry: date | None

    @property
    def rate(self) -> Decimal:
        return sum((r for _, r in self.taxes), D(0))


def _reference(rng: random.Random, index: int, recurring: bool) -> tuple[_Ref, Reference]:
    regime = rng.choice(list(REGIMES))
    currency, taxes_raw, charges_taxed, included = REGIMES[regime]
    taxes = [(label, D(rate)) for label, rate in taxes_raw]
    doc_type = "contract" if recurring else "purchase_order"
    if recurring:
        fee = _q(D(rng.randint(200_00, 2_000_00)) / 100)
        items = [{"description": rng.choice(["Managed hosting, monthly fee", "Software subscription, monthly"]),
                  "unit": "month", "quantity": None, "unit_price": fee, "amount": None}]  # fmt: skip
        charges: list[Charge] = []
    else:
        items = []
        for k, (desc, _, unit, (lo, hi)) in enumerate(rng.sample(CATALOG, rng.randint(2, 6))):
            price = _q(D(rng.randint(lo * 100, hi * 100)) / 100)
            qty = D(rng.choice([2, 4, 5, 10, 12, 20, 40, 100]))
            items.append({"sku": f"{chr(65 + k)}{rng.randint(100, 999)}", "description": desc, "unit": unit,
                          "quantity": qty, "unit_price": price, "amount": _q(qty * price)})  # fmt: skip
        charges = []
        for kind in rng.sample(list(CHARGE_LABELS), rng.choice([0, 1, 1, 2])):
            amount = _q(D(rng.randint(15_00, 450_00)) / 100)
            charges.append(Charge(kind, rng.choice(CHARGE_LABELS[kind]), amount, charges_taxed))  # type: ignore[arg-type]
    if rng.random() < 0.2:
        days, eom, pair = 30, True, EOM_TERMS
    elif rng.random() < 0.2:
        days, eom, pair = 30, False, DISCOUNT_TERMS
    else:
        days, eom = rng.choice(list(TERMS)), False
        pair = TERMS[days]
    number = f"PO-{rng.randint(100, 999)}-{index:06d}" if not recurring else f"MSA-{2026}-{index:04d}"
    expiry = date(2026, 12, 31) if recurring or rng.random() < 0.5 else None
    truth = _Ref(regime, currency, taxes, charges_taxed, included, items, charges, days, eom, pair, number,
                 doc_type, expiry)  # fmt: skip
    subtotal = sum((it["amount"] for it in items if it["amount"] is not None), D(0))
    base = subtotal + sum((c.amount for c in charges if c.taxed), D(0))
    tax_lines = [
        TaxLine(f"{label} {rate}%", rate, _q(base * rate / (100 + truth.rate) if included else base * rate / 100),
                included=included)
        for label, rate in taxes
    ]  # fmt: skip
    tax_total = sum((t.amount for t in tax_lines if t.amount is not None), D(0))
    untaxed = sum((c.amount for c in charges), D(0))
    header: dict[str, Any] = {
        "po_number" if doc_type == "purchase_order" else "contract_number": number,
        "currency": currency,
        "payment_terms": rng.choice(pair[0]),
        "payment_terms_days": days,
        "effective_date": "2026-01-01",
        "expiry_date": expiry.isoformat() if expiry else None,
    }
    if not recurring:
        total = subtotal + untaxed + (D(0) if included else tax_total)
        header |= {"subtotal": subtotal, "tax_total": tax_total, "total": total}
    ref = make_reference(items, doc_type=doc_type, document_id=f"doc-{index}", confidence=0.97, **header)
    if recurring:  # a contract prints the rate ("plus VAT 19%"), no amounts
        tax_lines = [TaxLine(t.label, t.rate, None, included=included) for t in tax_lines]
    if recurring or rng.random() < 0.75 or not taxes:  # the extraction read the tax lines; else only the totals
        ref.extraction.tax_lines = tax_lines
    elif included:
        ref.extraction.tax_lines = [TaxLine(t.label, None, t.amount, included=True) for t in tax_lines]
    ref.extraction.charges = list(charges)
    return truth, ref


def _describe(rng: random.Random, item: dict[str, Any]) -> str:
    desc = str(item["description"])
    reworded = next((alts for d, alts, _, _ in CATALOG if d == desc), None)
    roll = rng.random()
    if reworded and roll < 0.45:
        return rng.choice(reworded)
    if roll < 0.7:
        return desc.upper() if rng.random() < 0.5 else desc.lower()
    return desc.replace(",", "")


def _tax_of(amounts: list[Decimal], rates: list[Decimal], included: bool, per_line: bool) -> Decimal:
    parts = [a * r / (100 + r) if included else a * r / 100 for a, r in zip(amounts, rates, strict=True)]
    return _round_each(parts) if per_line else _q(sum(parts, D(0)))


def _effective_rates(lines: list[InvoiceLine], truth: _Ref) -> list[Decimal]:
    """The rate each line is taxed at: its own, else the reference's (a charge's only where charges are taxed)."""
    labels = {c.label for c in truth.charges}
    out = []
    for ln in lines:
        if ln.tax_rate is not None:
            out.append(ln.tax_rate)
        elif ln.description in labels:
            out.append(truth.rate if truth.charges_taxed else D(0))
        else:
            out.append(truth.rate)
    return out


def _tax(lines: list[InvoiceLine], outside: list[Charge], truth: _Ref, per_line: bool) -> Decimal:
    """The invoice's tax total: lines (and charges billed after the subtotal) at their rates, each printed tax
    rounded on its own where the lines carry no combined rate."""
    if not truth.taxes:
        return D(0)
    amounts = [ln.amount for ln in lines] + [c.amount for c in outside if c.taxed]
    rates = _effective_rates(lines, truth) + [truth.rate for c in outside if c.taxed]
    if len(truth.taxes) > 1 and all(r in (0, truth.rate) for r in rates):
        return sum((_tax_of(amounts, [t if r else D(0) for r in rates], truth.included, per_line)
                    for _, t in truth.taxes), D(0))  # fmt: skip
    return _tax_of(amounts, rates, truth.included, per_line)


def _totals(lines: list[InvoiceLine], outside: list[Charge], truth: _Ref, per_line: bool) -> dict[str, Decimal]:
    tax = _tax(lines, outside, truth, per_line)
    subtotal = sum((ln.amount for ln in lines), D(0))
    extra = sum((c.amount for c in outside), D(0))
    return {"subtotal": subtotal, "tax_total": tax, "total": subtotal + extra + (D(0) if truth.included else tax)}


def _invoice(
    rng: random.Random,
    truth: _Ref,
    number: str,
    issue: date,
    chosen: list[tuple[int, Decimal]],
    *,
    charges_mode: str,
    rates_on_lines: bool,
    per_line: bool,
    terms: str | None = None,
) -> tuple[DraftInvoice, list[int | None]]:
    """A clean invoice for ``chosen`` (reference line, quantity), the charges billed per ``charges_mode``
    ('lines', 'outside' or 'none')."""
    cur, rate = truth.currency, truth.rate
    lines: list[InvoiceLine] = []
    alignment: list[int | None] = []
    for j, qty in chosen:
        item = truth.items[j]
        price = item["unit_price"]
        sku = item.get("sku") if rng.random() < 0.4 else None
        lines.append(
            InvoiceLine(
                sku=sku,
                description=_describe(rng, item),
                quantity=qty,
                unit_price=price,
                amount=_q(qty * price),
                tax_rate=rate if rates_on_lines and truth.taxes else None,
            )
        )
        alignment.append(j)
    outside: list[Charge] = []
    if charges_mode == "lines":
        for c in truth.charges:
            taxed_rate = rate if c.taxed else D(0)
            lines.append(InvoiceLine(description=c.label, quantity=D(1), unit_price=c.amount, amount=c.amount,
                                     tax_rate=taxed_rate if rates_on_lines and truth.taxes else None))  # fmt: skip
            alignment.append(None)
    elif charges_mode == "outside":
        outside = list(truth.charges)
    text = terms or rng.choice(truth.terms_pair[1])
    parsed = parse_terms(text)
    assert parsed is not None, text
    invoice = DraftInvoice(
        invoice_number=number,
        customer_id="CUST-7",
        po_number=truth.number if truth.doc_type == "purchase_order" else None,
        contract_number=truth.number if truth.doc_type == "contract" else None,
        issue_date=issue,
        due_date=min(parsed.due_dates(issue)),
        currency=cur,
        payment_terms=text,
        lines=lines,
        **_totals(lines, outside, truth, per_line),
    )
    return invoice, alignment


def build_case(rng: random.Random, fault: str | None, index: int = 0) -> Case:
    """A reference, an invoice clean by construction, its earlier invoices, and ``fault`` injected (None: clean)."""
    recurring = fault is None and rng.random() < 0.15
    truth, ref = _reference(rng, index, recurring)
    issue = date(2026, 2, 1) + timedelta(days=rng.randint(0, 240))
    policy = Policy()
    mode = rng.choice(["lines", "outside", "none"]) if truth.charges else "none"
    if fault == "REFERENCE_NOT_FOUND" and mode == "outside":
        mode = "lines"  # without the reference nobody can tell a charge after the subtotal from a wrong total
    rates_on_lines, per_line = rng.random() < 0.6, rng.random() < 0.5
    earlier: list[DraftInvoice] = []
    failed: list[DraftInvoice] = []
    if recurring:
        fee_inv, _ = _invoice(rng, truth, f"INV-{index}-1", issue, [(0, D(1))], charges_mode="none",
                              rates_on_lines=rates_on_lines, per_line=per_line)  # fmt: skip
        earlier.append(fee_inv)
        issue = issue + timedelta(days=rng.choice([28, 30, 31]))  # next month's fee
        chosen = [(0, D(1))]
    else:
        billed = rng.sample(range(len(truth.items)), rng.randint(1, len(truth.items)))
        chosen = []
        for j in billed:
            ordered = truth.items[j]["quantity"]
            chosen.append((j, D(rng.randint(1, int(ordered)))))
        if rng.random() < 0.3:  # an earlier partial delivery on the same PO, for other quantities
            j, qty = chosen[0]
            room = truth.items[j]["quantity"] - qty
            if room >= 1:
                before = D(rng.randint(1, int(room)))
                if before != qty:
                    old, _ = _invoice(rng, truth, f"INV-{index}-0", issue - timedelta(days=40), [(j, before)],
                                      charges_mode="none", rates_on_lines=True, per_line=per_line)  # fmt: skip
                    earlier.append(old)
    number = f"INV-{index}-2"
    invoice, alignment = _invoice(rng, truth, number, issue, chosen, charges_mode=mode,
                                  rates_on_lines=rates_on_lines, per_line=per_line)  # fmt: skip
    if fault is None and not recurring and rng.random() < 0.25:
        # a corrected resubmission: the same number was checked before with a wrong price, and failed
        bad = invoice.lines[0].model_copy(update={"unit_price": invoice.lines[0].unit_price + 1})
        bad = bad.model_copy(update={"amount": _q(bad.quantity * bad.unit_price)})
        failed.append(invoice.model_copy(update={"lines": [bad, *invoice.lines[1:]], "total": invoice.total + 1}))
    meta = {"regime": truth.regime, "mode": mode, "outside": list(truth.charges) if mode == "outside" else [],
            "recurring": recurring, "corrected": bool(failed)}  # fmt: skip
    case = Case(ref, invoice, earlier, policy, set(), alignment, failed, meta)
    if fault is not None:
        _inject(rng, case, truth, fault, rates_on_lines, per_line)
    return case


def _with_totals(case: Case, lines: list[InvoiceLine], truth: _Ref, per_line: bool) -> DraftInvoice:
    """The invoice with new lines and totals that add up as the billing system adds them."""
    return case.invoice.model_copy(update={"lines": lines, **_totals(lines, case.meta["outside"], truth, per_line)})


def _inject(rng: random.Random, case: Case, truth: _Ref, fault: str, rates_on_lines: bool, per_line: bool) -> None:
    inv = case.invoice
    case.expected = {fault}
    goods = [k for k, a in enumerate(case.alignment or []) if a is not None]
    if fault == "CURRENCY_MISMATCH":
        case.invoice = inv.model_copy(update={"currency": {"USD": "EUR", "EUR": "USD", "GBP": "EUR", "CAD": "USD"}[
            inv.currency]})  # fmt: skip
    elif fault == "PAYMENT_TERMS_MISMATCH":
        days = rng.choice([d for d in (14, 21, 45, 60, 90) if d != truth.terms_days])
        case.invoice = inv.model_copy(update={"payment_terms": f"Net {days}",
                                              "due_date": inv.issue_date + timedelta(days=days)})  # fmt: skip
    elif fault == "DUE_DATE_INCONSISTENT":
        allowed = parse_terms(inv.payment_terms).due_dates(inv.issue_date)  # type: ignore[union-attr]
        due = min(allowed) + timedelta(days=rng.choice([9, 15, 20]))
        case.invoice = inv.model_copy(update={"due_date": due})
    elif fault == "LINE_NOT_IN_REFERENCE":
        price = _q(D(rng.randint(20_00, 900_00)) / 100)
        # a stranger billing a reference price or charge to the cent bills that line (the matcher pairs it so)
        while price in {it["unit_price"] for it in truth.items} | {c.amount for c in truth.charges}:
            price += D("0.01")
        rate = inv.lines[goods[0]].tax_rate
        stranger = InvoiceLine(description=rng.choice(FOREIGN), quantity=D(1), unit_price=price, amount=price,
                               tax_rate=rate)  # fmt: skip
        case.invoice = _with_totals(case, [*inv.lines, stranger], truth, per_line)
        case.alignment = [*(case.alignment or []), None]
    elif fault == "QUANTITY_EXCEEDS_REFERENCE":
        k = goods[0]
        j = (case.alignment or [])[k]
        assert j is not None
        ordered = truth.items[j]["quantity"]
        if ordered is None:  # a rate card caps nothing: bill beyond a PO instead
            case.expected = set()
            return
        billed_before = sum((ln.quantity for e in case.earlier for ln in e.lines), D(0))
        over = ordered - billed_before + rng.randint(1, 5)
        if any(ln.quantity == over for e in case.earlier for ln in e.lines):
            over += 1  # not a copy of the earlier delivery (that would be a re-sent invoice too)
        line = inv.lines[k]
        lines = list(inv.lines)
        lines[k] = line.model_copy(update={"quantity": over, "amount": _q(over * line.unit_price)})
        case.invoice = _with_totals(case, lines, truth, per_line)
    elif fault == "PRICE_MISMATCH":
        k = goods[0]
        line = inv.lines[k]
        price = _q(line.unit_price * (1 + D(rng.choice([4, 7, 12])) / 100 * rng.choice([1, -1])))
        lines = list(inv.lines)
        lines[k] = line.model_copy(update={"unit_price": price, "amount": _q(line.quantity * price)})
        case.invoice = _with_totals(case, lines, truth, per_line)
    elif fault == "TAX_MISMATCH":
        if not truth.taxes or truth.rate == 0:
            case.expected = set()
            return
        k = goods[0]
        lines = list(inv.lines)
        lines[k] = lines[k].model_copy(update={"tax_rate": truth.rate + 3})
        if not rates_on_lines:  # the invoice shows no rates: a tax total on every line at another rate
            wrong = [ln.model_copy(update={"tax_rate": truth.rate + 3}) for ln in inv.lines]
            tax = _totals(wrong, case.meta["outside"], truth, per_line)["tax_total"]
            total = inv.total + (D(0) if truth.included else tax - (inv.tax_total or D(0)))
            case.invoice = inv.model_copy(update={"tax_total": tax, "total": total})
        else:
            case.invoice = _with_totals(case, lines, truth, per_line)
    elif fault == "LINE_AMOUNT_ARITHMETIC":
        k = rng.randrange(len(inv.lines))
        lines = list(inv.lines)
        lines[k] = lines[k].model_copy(update={"amount": lines[k].amount + rng.choice([D(1), D(10), D(100)])})
        case.invoice = _with_totals(case, lines, truth, per_line)
    elif fault == "TOTALS_ARITHMETIC":
        case.invoice = inv.model_copy(update={"total": inv.total + rng.choice([D("0.50"), D(5), D(50)])})
    elif fault == "DUPLICATE_INVOICE":
        # the same invoice re-sent under a new number, days to three weeks after the original
        days = rng.randint(1, 21)
        original = inv.model_copy(
            update={
                "invoice_number": inv.invoice_number + "-A",
                "issue_date": inv.issue_date - timedelta(days=days),
                "due_date": (inv.due_date or inv.issue_date) - timedelta(days=days),
            }
        )
        if rng.random() < 0.3:
            case.failed.append(original)  # its first check failed: a re-sent invoice all the same
        else:
            case.earlier.append(original)
    elif fault == "REFERENCE_EXPIRED":
        issue = date(2027, 1, 10) + timedelta(days=rng.randint(0, 60))
        if truth.expiry is None:
            case.reference.closed = True  # type: ignore[union-attr]
            return
        allowed = parse_terms(inv.payment_terms).due_dates(issue)  # type: ignore[union-attr]
        case.invoice = inv.model_copy(update={"issue_date": issue, "due_date": min(allowed)})
    elif fault == "REFERENCE_NOT_FOUND":
        case.reference, case.alignment = None, None
    elif fault == "PO_NUMBER_MISSING":
        case.policy = Policy(requires_po=True)
        case.invoice = inv.model_copy(update={"po_number": None, "contract_number": None})
    elif fault == "LOW_CONFIDENCE":
        j = (case.alignment or [])[goods[0]]
        assert j is not None and case.reference is not None
        # a value the check relies on without the invoice stating it (the quantity allowed), read unsurely, and no
        # amount on its row that would bear it out (quantity x price = amount)
        cells = case.reference.extraction.line_items[j].cells
        cells["quantity"].confidence = round(rng.uniform(0.2, 0.55), 2)
        cells.pop("amount", None)
    else:
        raise ValueError(fault)
