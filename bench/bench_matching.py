"""Pre-send check bench: per-code precision/recall, false alarms on clean invoices, line-alignment accuracy and
in-process latency of ``matching.precheck`` on synthetic (reference, invoice, expected codes) cases.

    python bench/bench_matching.py [--cases 300] [--seed 7] [--set classic|billing|both] [--from-jsonl FILE]

Two generated sets. ``classic``: random perturbations (paraphrased, abbreviated and reordered lines, partial
quantities, SKUs present or not, earlier invoices on the same PO) and 0-2 injected faults, one per finding code.
``billing`` (tests/matching_cases.py, the property tests' generator): references with charges and several taxes
(US sales tax without the freight, VAT with it, GST + PST, tax-inclusive prices, printed or implied rates),
invoices reworded and abbreviated as billing systems write them (terms too), re-sent duplicates (some whose first
check failed), corrected resubmissions and recurring monthly fees; a third clean, the rest one fault each.
The document factory (training/) can feed its own cases with ``--from-jsonl``: one JSON object a line,
``{"reference": <extraction.schema.json body or null>, "reference_closed": false,
"invoice": <precheck-request body>, "earlier": [<precheck-request body>, ...], "policy": {"requires_po": true, ...},
"expected_codes": ["PRICE_MISMATCH", ...], "expected_alignment": [0, null, ...]}`` (alignment optional).
Prints a table and writes bench/results/matching.json.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction.result import Extraction  # noqa: E402
from extraction.terms import parse_terms  # noqa: E402
from matching import precheck  # noqa: E402
from matching.money import quantize  # noqa: E402
from matching.types import DraftInvoice, FindingCode, InvoiceLine, Policy, Reference  # noqa: E402
from tests.matching_cases import FAULTS, Case, build_case  # noqa: E402
from tests.matching_fixtures import make_reference  # noqa: E402

CODES: tuple[str, ...] = get_args(FindingCode)
OUT = Path(__file__).resolve().parent / "results" / "matching.json"

# (description, unit, price low, price high)
CATALOG = [
    ("Senior consulting services", "hour", 120, 220),
    ("Junior consulting services", "hour", 60, 110),
    ("Project management", "hour", 90, 160),
    ("Software license, standard edition", "each", 300, 1500),
    ("Software license, premium edition", "each", 1600, 4000),
    ("Annual maintenance and support", "year", 500, 5000),
    ("On-site training day", "day", 600, 1400),
    ("Cloud hosting, monthly subscription", "month", 200, 900),
    ("Laptop Dell Latitude 5440", "each", 900, 1600),
    ("Docking station USB-C", "each", 120, 260),
    ("Monitor 27 inch 4K", "each", 250, 600),
    ("Installation and configuration", "hour", 80, 140),
    ("Data migration service", "hour", 100, 180),
    ("Network switch 48 port managed", "each", 700, 2400),
    ("Ethernet cable Cat6 3m", "piece", 3, 9),
    ("Printer toner cartridge black", "piece", 40, 120),
    ("Office chair ergonomic", "each", 180, 650),
    ("Security audit", "day", 1200, 2500),
    ("Technical documentation writing", "hour", 70, 120),
    ("Helpdesk support, standard tier", "month", 400, 2000),
    ("Backup storage 1 TB", "month", 10, 40),
    ("Firewall appliance", "each", 1500, 6000),
    ("Development services, backend", "hour", 95, 170),
    ("Quality assurance testing", "hour", 70, 130),
]
FOREIGN = [
    "Travel expenses Munich",
    "Expedited shipping surcharge",
    "Catering for workshop",
    "Rush order fee",
    "Parking and mileage",
    "Hardware recycling fee",
]
ABBREVIATIONS = {
    "services": "svcs",
    "service": "svc",
    "management": "mgmt",
    "senior": "Sr.",
    "junior": "Jr.",
    "license": "lic.",
    "standard": "std",
    "premium": "prem.",
    "maintenance": "maint.",
    "installation": "install",
    "configuration": "config",
    "development": "dev.",
    "subscription": "sub.",
    "technical": "tech.",
    "support": "supp.",
    "monthly": "mthly",
    "documentation": "doc.",
    "and": "&",
}
TERMS = [
    ("Net 30", 30),
    ("Net 45", 45),
    ("2/10 Net 30", 30),
    ("Net 60", 60),
    ("Due on receipt", 0),
    ("payable within forty-five (45) days", 45),
    ("Net 14", 14),
]
CURRENCIES = ["EUR", "EUR", "USD", "GBP", "JPY"]


def paraphrase(rng: random.Random, text: str) -> str:
    words = text.replace(",", "").split()
    if rng.random() < 0.6:
        words = [ABBREVIATIONS.get(w.lower(), w) if rng.random() < 0.7 else w for w in words]
    if rng.random() < 0.3:  # truncate a long word as ERPs do ("Documentation" -> "Docum.")
        k = rng.randrange(len(words))
        if len(words[k]) > 6:
            words[k] = words[k][: rng.randint(3, 5)] + "."
    if rng.random() < 0.2:  # a typo: two letters swapped
        k = rng.randrange(len(words))
        if len(words[k]) > 4:
            i = rng.randrange(1, len(words[k]) - 2)
            words[k] = words[k][:i] + words[k][i + 1] + words[k][i] + words[k][i + 2 :]
    if rng.random() < 0.4:
        rng.shuffle(words)
    if rng.random() < 0.3 and len(words) > 3:
        words.pop(rng.randrange(len(words)))
    out = " ".join(words)
    out = rng.choice([out, out.upper(), out.lower(), out.title()])
    if rng.random() < 0.2:
        out += rng.choice([" - Nov 2026", " (per PO)", ", phase 2", " (hrs)", " / month", " ea."])
    return out


def _invoice_line(
    desc: str, qty: Decimal, price: Decimal, tax: Decimal | None, cur: str, sku: str | None
) -> InvoiceLine:
    return InvoiceLine(
        sku=sku, description=desc, quantity=qty, unit_price=price, amount=quantize(qty * price, cur), tax_rate=tax
    )


def _totals(lines: list[InvoiceLine], cur: str) -> dict[str, Decimal]:
    sub = sum((ln.amount for ln in lines), Decimal(0))
    tax = quantize(sum((ln.amount * (ln.tax_rate or 0) / 100 for ln in lines), Decimal(0)), cur)
    return {"subtotal": sub, "tax_total": tax, "total": sub + tax}


def generate(rng: random.Random, index: int) -> Case:
    cur = rng.choice(CURRENCIES)
    scale = Decimal(150) if cur == "JPY" else Decimal(1)
    doc_type = "contract" if rng.random() < 0.2 else "purchase_order"
    terms_text, terms_days = rng.choice(TERMS)
    items = rng.sample(CATALOG, rng.randint(2, 7))
    tax = Decimal(rng.choice(["19", "7", "20", "0", "10"]))
    ref_lines = []
    for k, (desc, unit, lo, hi) in enumerate(items):
        price = quantize(Decimal(rng.randint(lo * 100, hi * 100)) / 100 * scale, cur)
        qty = Decimal(rng.choice([1, 2, 5, 10, 20, 40, 100, 200]))
        ref_lines.append(
            {
                "sku": f"{chr(65 + k)}{rng.randint(100, 999)}-{index}",
                "description": desc,
                "unit": unit,
                "quantity": None if doc_type == "contract" else qty,
                "unit_price": price,
                "amount": None if doc_type == "contract" else quantize(qty * price, cur),
                "tax_rate": tax,
            }
        )
    number = f"PO-{index:05d}" if doc_type == "purchase_order" else f"CTR-{index:05d}"
    header = {
        "po_number" if doc_type == "purchase_order" else "contract_number": number,
        "currency": cur,
        "payment_terms": terms_text,
        "payment_terms_days": terms_days,
        "effective_date": "2026-01-01",
        "expiry_date": "2026-12-31",
    }
    issue = date(2026, 1, 15) + timedelta(days=rng.randint(0, 330))
    invoice_fields: dict[str, Any] = {
        "invoice_number": f"INV-{index:05d}",
        "customer_id": f"C{index % 40}",
        "issue_date": issue,
        "due_date": issue + timedelta(days=terms_days),
        "currency": cur,
        "payment_terms": terms_text,
        "po_number": number if doc_type == "purchase_order" else None,
        "contract_number": number if doc_type == "contract" else None,
    }
    billed = rng.sample(range(len(ref_lines)), rng.randint(1, len(ref_lines)))
    earlier: list[DraftInvoice] = []
    used_before: dict[int, Decimal] = {}
    if doc_type == "purchase_order" and rng.random() < 0.3:  # an earlier partial delivery on the same PO
        j = billed[0]
        before = (ref_lines[j]["quantity"] / 2).to_integral_value()
        if before > 0:
            used_before[j] = before
            old = [
                _invoice_line(
                    paraphrase(rng, ref_lines[j]["description"]), before, ref_lines[j]["unit_price"], tax, cur, None
                )
            ]
            earlier.append(
                DraftInvoice(
                    **{
                        **invoice_fields,
                        "invoice_number": f"INV-{index:05d}-0",
                        "issue_date": issue - timedelta(days=20),
                        "due_date": issue - timedelta(days=20) + timedelta(days=terms_days),
                        "lines": old,
                        **_totals(old, cur),
                    }
                )
            )
    lines, alignment = [], []
    for j in billed:
        ref = ref_lines[j]
        cap = ref["quantity"] - used_before.get(j, Decimal(0)) if ref["quantity"] is not None else Decimal(30)
        qty = Decimal(rng.randint(1, max(1, int(cap))))
        if j in used_before and qty == used_before[j]:  # not a copy of the earlier partial delivery: without
            qty += 1 if cap > qty else -1 if qty > 1 else 0  # the PO to tell, that is a (warned) possible duplicate
        sku = ref["sku"] if rng.random() < 0.5 else None
        lines.append(_invoice_line(paraphrase(rng, ref["description"]), qty, ref["unit_price"], tax, cur, sku))
        alignment.append(j)
    policy = Policy()
    expected: set[str] = set()
    closed = False
    ref_low: dict[int, dict[str, float]] = {}
    # --- injected faults -------------------------------------------------------------------------------------
    faults = rng.sample(_FAULTS, rng.choices([0, 1, 2], [3, 5, 2])[0])
    faults.sort(key=_FAULTS.index)  # line rewrites first, arithmetic faults on top of them
    if "REFERENCE_NOT_FOUND" in faults:
        faults = ["REFERENCE_NOT_FOUND"] + [f for f in faults if f in ("LINE_AMOUNT_ARITHMETIC", "TOTALS_ARITHMETIC")]
    for fault in faults:
        if fault == "CURRENCY_MISMATCH":
            other = {"EUR": "USD", "USD": "GBP", "GBP": "EUR", "JPY": None}[cur]
            if other is None:
                continue
            invoice_fields["currency"] = other
        elif fault == "PAYMENT_TERMS_MISMATCH":
            new_days = rng.choice([d for d in (14, 21, 30, 45, 60, 90) if d != terms_days])
            invoice_fields["payment_terms"] = f"Net {new_days}"
            invoice_fields["due_date"] = issue + timedelta(days=new_days)
        elif fault == "DUE_DATE_INCONSISTENT":
            invoice_fields["due_date"] = issue + timedelta(days=terms_days + rng.choice([-10, 9, 15]))
            if invoice_fields["due_date"] < issue:
                invoice_fields["due_date"] = issue + timedelta(days=terms_days + 12)
        elif fault == "LINE_NOT_IN_REFERENCE":
            price = quantize(Decimal(rng.randint(2000, 90000)) / 100 * scale, cur)
            lines.insert(
                rng.randrange(len(lines) + 1), _invoice_line(rng.choice(FOREIGN), Decimal(1), price, tax, cur, None)
            )
            alignment.insert(next(i for i, ln in enumerate(lines) if ln.description in FOREIGN), None)
        elif fault == "QUANTITY_EXCEEDS_REFERENCE":
            if doc_type == "contract":
                continue
            k = rng.randrange(len(lines))
            j = alignment[k]
            if j is None:
                continue
            over = ref_lines[j]["quantity"] - used_before.get(j, Decimal(0)) + rng.randint(1, 5)
            lines[k] = _invoice_line(lines[k].description, over, lines[k].unit_price, tax, cur, lines[k].sku)
        elif fault == "PRICE_MISMATCH":
            k = next(i for i, a in enumerate(alignment) if a is not None)
            bump = Decimal(1) + Decimal(rng.choice([3, 5, 8, 12])) / 100 * rng.choice([1, -1])
            lines[k] = _invoice_line(
                lines[k].description,
                lines[k].quantity,
                quantize(lines[k].unit_price * bump, cur),
                tax,
                cur,
                lines[k].sku,
            )
        elif fault == "TAX_MISMATCH":
            k = next(i for i, a in enumerate(alignment) if a is not None)
            lines[k] = lines[k].model_copy(update={"tax_rate": tax + 3})
        elif fault == "LINE_AMOUNT_ARITHMETIC":
            k = rng.randrange(len(lines))
            lines[k] = lines[k].model_copy(
                update={"amount": lines[k].amount + quantize(Decimal(rng.choice([1, 10, 100])) * scale, cur)}
            )
        elif fault == "REFERENCE_EXPIRED":
            if rng.random() < 0.5:
                closed = True
            else:
                issue = date(2027, 1, 1) + timedelta(days=rng.randint(0, 60))
                invoice_fields["issue_date"] = issue
                invoice_fields["due_date"] = issue + timedelta(days=terms_days)
                if parse_terms(str(invoice_fields["payment_terms"])).net_days != terms_days:  # type: ignore[union-attr]
                    invoice_fields["due_date"] = issue + timedelta(
                        days=parse_terms(str(invoice_fields["payment_terms"])).net_days
                    )  # type: ignore[union-attr]
        elif fault == "PO_NUMBER_MISSING":
            policy = Policy(requires_po=True)
            invoice_fields["po_number"] = None
        elif fault == "LOW_CONFIDENCE":
            k = next(i for i, a in enumerate(alignment) if a is not None)
            ref_low[alignment[k]] = {"unit_price": round(rng.uniform(0.2, 0.55), 2)}  # type: ignore[index]
        elif fault not in ("DUPLICATE_INVOICE", "TOTALS_ARITHMETIC", "REFERENCE_NOT_FOUND"):
            raise AssertionError(fault)
        expected.add(fault)
    totals = _totals(lines, invoice_fields["currency"])
    if "TOTALS_ARITHMETIC" in faults:
        totals["total"] += quantize(Decimal(rng.choice([1, 5, 50])) * scale, cur)
    invoice = DraftInvoice(**invoice_fields, lines=lines, **totals)
    if "DUPLICATE_INVOICE" in faults:
        days = rng.randint(1, 21)  # re-sent days to three weeks later, under a new number or the same one
        number = invoice.invoice_number + "-A" if rng.random() < 0.7 else invoice.invoice_number
        original = invoice.model_copy(
            update={"invoice_number": number, "issue_date": issue - timedelta(days=days),
                    "due_date": (invoice.due_date or issue) - timedelta(days=days)}
        )  # fmt: skip
        earlier.append(original)
    if "LOW_CONFIDENCE" in expected:
        for j, low in ref_low.items():
            ref_lines[j] = {**ref_lines[j], "_low": low}
    numbers = sorted((ln.quantity, ln.unit_price, ln.amount) for ln in invoice.lines)
    if any(
        e.total == invoice.total and sorted((ln.quantity, ln.unit_price, ln.amount) for ln in e.lines) == numbers
        for e in earlier
    ):  # an unavoidable copy of the earlier partial delivery weeks before: the same content again is a duplicate
        expected.add("DUPLICATE_INVOICE")
    reference = None
    if "REFERENCE_NOT_FOUND" not in expected:
        reference = make_reference(ref_lines, doc_type=doc_type, document_id=f"doc-{index}", closed=closed, **header)
        if "PO_NUMBER_MISSING" in expected and doc_type == "purchase_order":
            pass  # found by customer: the PO still applies
    return Case(
        reference,
        invoice,
        earlier,
        policy,
        expected,
        alignment if reference is not None else None,
        meta={"doc_type": doc_type, "currency": cur},
    )


_FAULTS = [c for c in CODES if c != "LINE_AMOUNT_ARITHMETIC"] + ["LINE_AMOUNT_ARITHMETIC"]


def load_jsonl(path: Path) -> list[Case]:
    """Cases from the document factory (see the module docstring for the shape)."""
    cases = []
    for raw in path.read_text().splitlines():
        if not raw.strip():
            continue
        row = json.loads(raw)
        ref = None
        if row.get("reference"):
            body = row["reference"]
            ref = Reference(
                body.get("document_id", "ref"), Extraction.from_contract(body), bool(row.get("reference_closed"))
            )
        cases.append(
            Case(
                ref,
                DraftInvoice.model_validate(row["invoice"]),
                [DraftInvoice.model_validate(e) for e in row.get("earlier", [])],
                Policy(
                    **{
                        k: (Decimal(str(v)) if k.endswith(("_pct", "_abs")) else v)
                        for k, v in row.get("policy", {}).items()
                    }
                ),
                set(row["expected_codes"]),
                row.get("expected_alignment"),
            )
        )
    return cases


def evaluate(cases: list[Case]) -> dict[str, Any]:
    counts = {code: {"tp": 0, "fp": 0, "fn": 0} for code in CODES}
    latencies, aligned, aligned_total, exact = [], 0, 0, 0
    clean = false_alarms = 0
    verdict_ok = 0
    for case in cases:
        start = time.perf_counter()
        result = precheck(case.invoice, case.reference, case.earlier, case.policy, failed=case.failed)
        latencies.append((time.perf_counter() - start) * 1000)
        got = {f.code for f in result.findings}
        exact += got == case.expected
        if not case.expected:
            clean += 1
            false_alarms += bool(got)
        verdict_ok += (result.verdict == "pass") == (not case.expected)
        for code in CODES:
            if code in got and code in case.expected:
                counts[code]["tp"] += 1
            elif code in got:
                counts[code]["fp"] += 1
            elif code in case.expected:
                counts[code]["fn"] += 1
        if case.alignment is not None:
            pairs = list(zip([m.reference_line for m in result.matched_lines], case.alignment, strict=True))
            aligned += sum(g == e for g, e in pairs)
            aligned_total += len(pairs)
    per_code = {}
    for code, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
        per_code[code] = {**c, "precision": precision, "recall": recall}
    lat = sorted(latencies)
    return {
        "cases": len(cases),
        "per_code": per_code,
        "exact_code_set_rate": exact / len(cases),
        "clean_invoices": clean,
        "clean_invoices_with_an_alarm": false_alarms,
        "pass_vs_flagged_accuracy": verdict_ok / len(cases),
        "alignment_accuracy": aligned / aligned_total if aligned_total else None,
        "aligned_lines": aligned_total,
        "latency_ms": {
            "p50": statistics.median(lat),
            "p99": lat[min(len(lat) - 1, int(0.99 * len(lat)))],
            "mean": statistics.fmean(lat),
        },
    }


def billing_cases(rng: random.Random, n: int) -> list[Case]:
    """A third clean, the rest one fault each, in turn (tests/matching_cases.py)."""
    return [build_case(rng, None if i % 3 == 0 else FAULTS[i % len(FAULTS)], i) for i in range(n)]


def _slices(cases: list[Case]) -> dict[str, Any]:
    """Duplicates and their look-alikes: re-sent invoices found, recurring fees and corrections left alone."""

    def dup(case: Case) -> bool:
        result = precheck(case.invoice, case.reference, case.earlier, case.policy, failed=case.failed)
        return any(f.code == "DUPLICATE_INVOICE" for f in result.findings)

    resent = [c for c in cases if "DUPLICATE_INVOICE" in c.expected]
    recurring = [c for c in cases if c.meta.get("recurring")]
    corrected = [c for c in cases if c.meta.get("corrected")]
    return {
        "resent_found": f"{sum(map(dup, resent))}/{len(resent)}",
        "resent_whose_first_check_failed_found": f"{sum(dup(c) for c in resent if c.failed)}/"
        f"{sum(bool(c.failed) for c in resent)}",
        "recurring_fees_flagged": f"{sum(map(dup, recurring))}/{len(recurring)}",
        "corrected_resubmissions_flagged": f"{sum(map(dup, corrected))}/{len(corrected)}",
    }


def _print(name: str, report: dict[str, Any]) -> None:
    print(f"\n{name}: {report['cases']} cases")
    print(f"{'code':28} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for code, c in report["per_code"].items():
        p = "-" if c["precision"] is None else f"{c['precision']:.3f}"
        r = "-" if c["recall"] is None else f"{c['recall']:.3f}"
        print(f"{code:28} {c['tp']:4d} {c['fp']:4d} {c['fn']:4d} {p:>9} {r:>7}")
    alignment = report["alignment_accuracy"]
    print(
        f"exact code set {report['exact_code_set_rate']:.3f}  clean invoices with an alarm "
        f"{report['clean_invoices_with_an_alarm']}/{report['clean_invoices']}  alignment accuracy "
        f"{'-' if alignment is None else f'{alignment:.3f}'} over {report['aligned_lines']} lines"
    )
    lat = report["latency_ms"]
    print(f"precheck latency p50 {lat['p50']:.2f} ms  p99 {lat['p99']:.2f} ms")
    for key, value in report.get("slices", {}).items():
        print(f"  {key}: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--set", choices=["classic", "billing", "both"], default="both")
    parser.add_argument("--from-jsonl", type=Path, default=None, help="cases from the document factory")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    sets: dict[str, list[Case]] = {}
    if args.from_jsonl:
        sets[str(args.from_jsonl)] = load_jsonl(args.from_jsonl)
    else:
        if args.set in ("classic", "both"):
            rng = random.Random(args.seed)
            sets["classic"] = [generate(rng, i) for i in range(args.cases)]
        if args.set in ("billing", "both"):
            sets["billing"] = billing_cases(random.Random(args.seed), args.cases)
    from matching.semantic import encoder

    encoder()  # the sentence encoder loads once per process, before the clock starts
    report: dict[str, Any] = {"bench": "matching", "seed": args.seed, "sets": {}}
    for name, cases in sets.items():
        result = evaluate(cases)
        if name == "billing":
            result["slices"] = _slices(cases)
        report["sets"][name] = result
        _print(name, result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
