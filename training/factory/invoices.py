"""Draft invoices (precheck-request.schema.json) against a generated PO or contract, each labelled with the finding
codes it must raise. Clean ones bill partial quantities and word descriptions the way billing systems do; faulty
ones carry one (sometimes two) deliberate faults. Entries list the earlier invoices that count for each one."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Any

from extraction.terms import parse_terms
from training.factory import vocab
from training.factory.values import CURRENCIES, PAYMENT_TERMS, dec_str, q2


@dataclass
class RefLine:
    sku: str | None
    description: str
    quantity: Decimal | None  # None: a rate card line without an ordered quantity
    unit: str | None
    unit_price: Decimal
    tax_rate: Decimal | None


@dataclass
class Reference:
    doc_id: str
    number_field: str  # "po_number" | "contract_number"
    number: str
    customer_id: str
    currency: str
    terms: tuple[str, int]
    start: date
    end: date | None
    tax_rate: Decimal | None
    lines: list[RefLine]


def due_dates(terms_text: str, net_days: int, issue: date) -> set[date]:
    """Every due date AP teams accept for these terms (end-of-month terms are read two ways)."""
    terms = parse_terms(terms_text)
    return terms.due_dates(issue) if terms is not None else {issue + timedelta(days=net_days)}


def due_date(terms_text: str, net_days: int, issue: date) -> date:
    return min(due_dates(terms_text, net_days, issue))


def customer_id_for(buyer_name: str) -> str:
    return "CUST-" + hashlib.sha1(buyer_name.encode()).hexdigest()[:8].upper()


def reference_of(doc: Any) -> Reference:
    m = doc.model
    if doc.kind == "po":
        return Reference(
            doc.doc_id,
            "po_number",
            m.po_number,
            customer_id_for(m.buyer.name),
            m.currency,
            m.terms,
            m.order_date,
            None,
            m.tax_rate,
            [
                RefLine(
                    ln.sku,
                    ln.description,
                    ln.quantity,
                    ln.unit,
                    q2(ln.amount / ln.quantity) if ln.discount_pct else ln.unit_price,
                    ln.tax_rate,
                )
                for ln in m.lines
            ],
        )
    return Reference(
        doc.doc_id,
        "contract_number",
        m.contract_number,
        customer_id_for(m.buyer.name),
        m.currency,
        m.terms,
        m.effective_date,
        m.expiry_date,
        m.tax_rate,
        [RefLine(None, r.service, None, r.unit, r.rate, None) for r in m.rates],
    )


ABBREVIATIONS = {
    "Heavy-duty": "HD",
    "Stainless": "SS",
    "with": "w/",
    "Premium": "Prem.",
    "Standard": "Std",
    "Industrial": "Ind.",
    "Replacement": "Repl.",
    "incl.": "incl",
    "Maintenance": "Maint.",
    "maintenance": "maint.",
    "support": "supp.",
    "services": "svcs",
    "Software": "SW",
    "Galvanized": "Galv.",
    "Aluminium": "Alu",
    "Certified": "Cert.",
}


def paraphrase(rng: random.Random, text: str, sku: str | None) -> str:
    """How a billing system might word the same item: shortened, abbreviated, upper-cased, sku-prefixed."""
    core = text.split(",")[0] if rng.random() < 0.6 else text
    words = [ABBREVIATIONS.get(w, w) if rng.random() < 0.6 else w for w in core.split()]
    out = " ".join(words)
    style = rng.randrange(4)
    if style == 0:
        out = out.upper()
    elif style == 1 and sku:
        out = f"{sku} - {out}"
    elif style == 2:
        out = out[:1].upper() + out[1:].lower()
    return out[:60].rstrip(" -,")


class InvoiceBuilder:
    def __init__(self, rng: random.Random, ref: Reference) -> None:
        self.rng, self.ref = rng, ref
        self.counter = rng.randrange(1000, 90000)
        self.year = ref.start.year

    def number(self) -> str:
        self.counter += self.rng.randrange(1, 40)
        return f"INV-{self.year}-{self.counter:06d}"

    def issue_date(self) -> date:
        ref = self.ref
        if ref.end:
            span = max(1, (ref.end - ref.start).days - 1)
            return ref.start + timedelta(days=self.rng.randrange(1, span))
        return ref.start + timedelta(days=self.rng.randrange(3, 75))

    def build(
        self,
        lines: list[dict[str, Any]],
        issue: date | None = None,
        terms: tuple[str, int] | None = None,
        **overrides: Any,
    ) -> dict[str, Any]:
        ref = self.ref
        issue = issue or self.issue_date()
        terms = terms or ref.terms
        subtotal = sum((Decimal(ln["amount"]) for ln in lines), Decimal("0.00"))
        by_rate: dict[Decimal, Decimal] = {}
        for ln in lines:
            if ln.get("tax_rate") is not None:
                rate = Decimal(ln["tax_rate"])
                by_rate[rate] = by_rate.get(rate, Decimal(0)) + Decimal(ln["amount"])
        tax_total = sum((q2(base * rate / 100) for rate, base in by_rate.items()), Decimal("0.00"))
        invoice: dict[str, Any] = {
            "invoice_number": self.number(),
            "customer_id": ref.customer_id,
            "po_number": ref.number if ref.number_field == "po_number" else None,
            "contract_number": ref.number if ref.number_field == "contract_number" else None,
            "issue_date": issue.isoformat(),
            "due_date": due_date(terms[0], terms[1], issue).isoformat(),
            "currency": ref.currency,
            "payment_terms": terms[0],
            "lines": lines,
            "subtotal": dec_str(subtotal),
            "tax_total": dec_str(tax_total),
            "total": dec_str(subtotal + tax_total),
        }
        invoice.update(overrides)
        return invoice

    def line(self, ref_line: RefLine, quantity: Decimal, paraphrased: bool = True) -> dict[str, Any]:
        rate = ref_line.tax_rate if ref_line.tax_rate is not None else self.ref.tax_rate
        return {
            "sku": ref_line.sku if ref_line.sku and self.rng.random() < 0.8 else None,
            "description": paraphrase(self.rng, ref_line.description, ref_line.sku)
            if paraphrased
            else ref_line.description,
            "quantity": dec_str(quantity),
            "unit": ref_line.unit,
            "unit_price": dec_str(ref_line.unit_price),
            "amount": dec_str(q2(quantity * ref_line.unit_price)),
            "tax_rate": dec_str(rate) if rate is not None else None,
        }

    def billed_quantity(self, ref_line: RefLine, share: float) -> Decimal:
        if ref_line.quantity is None:  # rate card: hours, days, months actually delivered
            return Decimal(self.rng.choice([1, 2, 3, 4, 5, 8, 10, 12, 16, 20, 24, 40]))
        q = ref_line.quantity * Decimal(str(share))
        step = Decimal(1) if ref_line.quantity == ref_line.quantity.to_integral_value() else Decimal("0.1")
        return max(step, q.quantize(step, rounding=ROUND_DOWN))


DUPLICATE_WINDOW_DAYS = 42  # matching.types.Policy.duplicate_window_days: the same content again within it


def _resent(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``a`` repeats ``b``: the same content within the duplicate window (a re-sent invoice, by the matcher's rules)."""
    apart = abs((date.fromisoformat(a["issue_date"]) - date.fromisoformat(b["issue_date"])).days)
    return apart <= DUPLICATE_WINDOW_DAYS and _same_content(a, b)


def _same_content(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same total and the same quantities, prices and amounts line for line."""

    def numbers(inv: dict[str, Any]) -> list[tuple[Decimal, ...]]:
        return sorted(tuple(Decimal(ln[k]) for k in ("quantity", "unit_price", "amount")) for ln in inv["lines"])

    return Decimal(a["total"]) == Decimal(b["total"]) and numbers(a) == numbers(b)


def make_invoices(doc: Any, seed: int, reference: Reference | None = None) -> list[dict[str, Any]]:
    """``reference``: what the invoices bill when ``doc`` has no factory model (a document known by its label's
    truth only); ``doc`` then needs only ``label``."""
    rng = random.Random(seed * 31 + 7)
    ref = reference or reference_of(doc)
    b = InvoiceBuilder(rng, ref)
    entries: list[dict[str, Any]] = []

    def add(invoice: dict[str, Any], codes: list[str], earlier: list[str] | None = None, **extra: Any) -> None:
        entries.append(
            {
                "invoice": invoice,
                "expected_codes": sorted(set(codes)),
                "reference_doc_id": ref.doc_id,
                "earlier_invoice_numbers": earlier or [],
                **extra,
            }
        )

    is_po = ref.number_field == "po_number"
    lines = ref.lines
    # 1. partial deliveries: half now, the rest later; then one that goes over the cumulative quantity
    first_lines = [ln for ln in lines if ln.quantity is None or ln.quantity >= 2] or lines[:1]
    first_lines = rng.sample(first_lines, k=max(1, min(len(first_lines), rng.randrange(1, 6))))
    first = b.build([b.line(ln, b.billed_quantity(ln, 0.5)) for ln in first_lines])
    add(first, [], kind="clean_partial")
    if is_po:
        second_lines = []
        for ln, billed in zip(first_lines, first["lines"], strict=True):
            rest = ln.quantity - Decimal(billed["quantity"])  # type: ignore[operator]
            if rest > 0:
                second_lines.append(b.line(ln, rest))
        if second_lines:
            second = b.build(second_lines)
            # the rest billed exactly as the first half was, within weeks, is the same content again: a duplicate
            same = _resent(second, first)
            add(second, ["DUPLICATE_INVOICE"] if same else [], earlier=[first["invoice_number"]],
                kind="remainder_same_as_first" if same else "clean_remainder")  # fmt: skip
            over_ref = first_lines[0]
            over = b.build(
                [
                    b.line(
                        over_ref,
                        max(Decimal(1), (over_ref.quantity or Decimal(2)) * Decimal("0.5")).quantize(Decimal(1)),
                    )
                ]
            )
            # When it bills exactly what an earlier one did (a single line, an even quantity halved) it is also
            # a look-alike of that invoice under another number: a possible duplicate AP teams want to see.
            # A copy of an earlier one within the window is reported as a duplicate and its goods count once (so
            # the PO is not exceeded); otherwise it bills past the ordered quantities.
            repeated = [e for e in (first, second) if _resent(over, e)]
            add(
                over,
                ["DUPLICATE_INVOICE"] if repeated else ["QUANTITY_EXCEEDS_REFERENCE"],
                earlier=[first["invoice_number"], second["invoice_number"]],
                kind="over_cumulative",
            )
        # a duplicate of the first partial invoice: the same number again
        add(dict(first), ["DUPLICATE_INVOICE"], earlier=[first["invoice_number"]], kind="duplicate")
    # 2. a clean invoice for everything (for a PO: the full order; for a contract: some services)
    full_lines = lines if is_po else rng.sample(lines, k=min(len(lines), rng.randrange(1, 4)))
    full = [b.line(ln, ln.quantity if ln.quantity is not None else b.billed_quantity(ln, 1.0)) for ln in full_lines]
    add(b.build(full), [], kind="clean_full")

    # 3. one fault each (a standalone invoice, no earlier ones)
    def base_lines() -> list[dict[str, Any]]:
        chosen = rng.sample(lines, k=min(len(lines), rng.randrange(1, 4)))
        return [b.line(ln, b.billed_quantity(ln, rng.choice([0.5, 1.0]))) for ln in chosen]

    other_currency = rng.choice([c for c in CURRENCIES if c != ref.currency])
    add(b.build(base_lines(), currency=other_currency), ["CURRENCY_MISMATCH"], kind="fault")
    other_terms = rng.choice([t for t in PAYMENT_TERMS if t[1] != ref.terms[1]])
    # Terms can only contradict a reference that states some; otherwise the invoice's own terms apply.
    if doc.label["features"].get("terms_place") != "none":  # a PO may print no terms; contracts always do
        add(b.build(base_lines(), terms=other_terms), ["PAYMENT_TERMS_MISMATCH"], kind="fault")
    else:
        add(b.build(base_lines(), terms=other_terms), [], kind="clean_terms_unstated_on_reference")
    inv = b.build(base_lines())
    issue = date.fromisoformat(inv["issue_date"])
    allowed = due_dates(ref.terms[0], ref.terms[1], issue)
    offsets = [d for d in (-20, -10, -5, 7, 15, 30) if min(allowed) + timedelta(days=d) not in allowed]
    inv["due_date"] = (min(allowed) + timedelta(days=rng.choice(offsets))).isoformat()
    add(inv, ["DUE_DATE_INCONSISTENT"], kind="fault")
    # The stranger must be an item the reference does not list (under the same name it would be a listed item
    # billed at another price, not an unordered one).
    listed = " | ".join(ln.description.lower() for ln in lines)
    nouns = vocab.PRODUCT_NOUNS if is_po else vocab.SERVICES
    extra_noun, extra_unit = rng.choice([n for n in nouns if n[0].lower() not in listed] or nouns)
    stranger = RefLine(
        None,
        f"{extra_noun} (not ordered)" if rng.random() < 0.3 else extra_noun,
        None,
        extra_unit,
        q2(Decimal(rng.randrange(500, 90000)) / 100),
        ref.tax_rate,
    )
    add(
        b.build(base_lines() + [b.line(stranger, Decimal(rng.randrange(1, 5)), paraphrased=False)]),
        ["LINE_NOT_IN_REFERENCE"],
        kind="fault",
    )
    if is_po:
        ln = rng.choice(lines)
        assert ln.quantity is not None
        add(
            b.build([b.line(ln, ln.quantity + max(Decimal(1), (ln.quantity * Decimal("0.2")).quantize(Decimal(1))))]),
            ["QUANTITY_EXCEEDS_REFERENCE"],
            kind="fault",
        )
    pl = base_lines()
    factor = Decimal(rng.choice(["1.05", "1.1", "1.2", "0.9", "1.5"]))
    pl[0]["unit_price"] = dec_str(q2(Decimal(pl[0]["unit_price"]) * factor + Decimal("0.01")))
    pl[0]["amount"] = dec_str(q2(Decimal(pl[0]["quantity"]) * Decimal(pl[0]["unit_price"])))
    add(b.build(pl), ["PRICE_MISMATCH"], kind="fault")
    tl = base_lines()
    current = Decimal(tl[0]["tax_rate"]) if tl[0]["tax_rate"] is not None else Decimal(0)
    tl[0]["tax_rate"] = dec_str(
        rng.choice(
            [
                r
                for r in (Decimal(0), Decimal(5), Decimal(7), Decimal(10), Decimal(19), Decimal(20), Decimal(25))
                if r != current
            ]
        )
    )
    # A rate can only contradict a reference that states or implies one: a PO's tax column or its totals ("VAT 19%";
    # no tax row means 0 %). A contract says "plus VAT at the statutory rate": there only a line at a rate unlike
    # the invoice's other lines shows, and a one-line invoice shows nothing wrong.
    if is_po or len(tl) > 1:
        add(b.build(tl), ["TAX_MISMATCH"], kind="fault")
    else:
        add(b.build(tl), [], kind="clean_tax_unstated_on_reference")
    al = base_lines()
    al[0]["amount"] = dec_str(Decimal(al[0]["amount"]) + Decimal(rng.choice(["10.00", "1.00", "100.00", "-5.00"])))
    add(b.build(al), ["LINE_AMOUNT_ARITHMETIC"], kind="fault")
    tinv = b.build(base_lines())
    tinv["total"] = dec_str(Decimal(tinv["total"]) + Decimal(rng.choice(["0.10", "1.00", "-12.50", "100.00"])))
    add(tinv, ["TOTALS_ARITHMETIC"], kind="fault")
    unknown = f"{ref.number}9" if rng.random() < 0.5 else f"X{rng.randrange(10**6, 10**7)}"
    wrong_number: dict[str, Any] = {ref.number_field: unknown}
    add(b.build(base_lines(), **wrong_number), ["REFERENCE_NOT_FOUND"], kind="fault")
    if is_po:
        add(
            b.build(base_lines(), po_number=None),
            ["PO_NUMBER_MISSING"],
            kind="fault",
            policy={"require_po_number": True},
        )
    if ref.end is not None:
        late = ref.end + timedelta(days=rng.randrange(5, 200))
        add(b.build(base_lines(), issue=late), ["REFERENCE_EXPIRED"], kind="fault")
    # 4. two faults at once
    pl = base_lines()
    pl[0]["unit_price"] = dec_str(q2(Decimal(pl[0]["unit_price"]) * Decimal("1.15") + Decimal("0.01")))
    pl[0]["amount"] = dec_str(q2(Decimal(pl[0]["quantity"]) * Decimal(pl[0]["unit_price"])))
    add(b.build(pl, currency=other_currency), ["PRICE_MISMATCH", "CURRENCY_MISMATCH"], kind="fault")
    return entries
