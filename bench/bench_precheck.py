"""The pre-send check as the product runs it: factory POs and contracts, extracted by the pipeline, then
their draft invoices checked against what was extracted. The same invoices are also checked against the
labels' truth, so the gap between the two rows is what extraction costs.

    python bench/bench_precheck.py --pos 20 --contracts 6 --seed 101

Writes bench/results/precheck.json (per-code precision/recall, exact code sets, clean-invoice pass rate).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_matching import Case, evaluate  # noqa: E402
from extraction.result import HEADER_FIELDS, LINE_FIELDS, Extraction  # noqa: E402
from matching.types import DraftInvoice, Policy, Reference  # noqa: E402

OUT = ROOT / "bench" / "results" / "precheck.json"


def truth_extraction(label: dict[str, Any]) -> Extraction:
    """The label's ground truth as an extraction read with full confidence."""
    truth = label["truth"]

    def cell(value: Any) -> dict[str, Any]:
        return {"value": value, "confidence": 1.0, "page": 1}

    body = {
        "doc_type": label["doc_type"],
        "page_count": len(label["pages"]),
        "fields": {k: cell(v) for k, v in truth["fields"].items() if k in HEADER_FIELDS and v is not None},
        "line_items": [
            {**{k: cell(v) for k, v in item.items() if k in LINE_FIELDS and v is not None}, "confidence": 1.0}
            for item in truth["line_items"]
        ],
        "needs_review": False,
    }
    return Extraction.from_contract(body)


def _policy(entry: dict[str, Any]) -> Policy:
    raw = entry.get("policy") or {}
    return Policy(requires_po=bool(raw.get("require_po_number") or raw.get("requires_po")))


def cases_for(label_path: Path, reference: Extraction) -> list[Case]:
    entries = json.loads(label_path.with_suffix(".invoices.json").read_text())
    by_number: dict[str, dict[str, Any]] = {}
    cases = []
    for entry in entries:
        invoice = entry["invoice"]
        earlier = [by_number[n] for n in entry.get("earlier_invoice_numbers", []) if n in by_number]
        by_number.setdefault(invoice["invoice_number"], invoice)
        ref = None if "REFERENCE_NOT_FOUND" in entry["expected_codes"] else Reference(label_path.stem, reference)
        cases.append(
            Case(
                ref,
                DraftInvoice.model_validate(invoice),
                [DraftInvoice.model_validate(e) for e in earlier],
                _policy(entry),
                set(entry["expected_codes"]),
                None,
            )
        )
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pos", type=int, default=20)
    parser.add_argument("--contracts", type=int, default=6)
    parser.add_argument("--seed", type=int, default=101)
    parser.add_argument("--scanned-share", type=float, default=0.0)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    from extraction.pipeline import extract
    from training.factory.generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        labels = generate("po", args.pos, Path(tmp), args.seed, scanned_share=args.scanned_share, progress=False)
        labels += generate("contract", args.contracts, Path(tmp), args.seed, progress=False)
        truth_cases, extracted_cases = [], []
        for path in tqdm(labels, desc="extract references"):
            label = json.loads(path.read_text())
            _, extracted = extract((path.parent / label["file"]).read_bytes(), label["file"])
            truth_cases += cases_for(path, truth_extraction(label))
            extracted_cases += cases_for(path, extracted)

    report: dict[str, Any] = {"bench": "precheck", "seed": args.seed, "pos": args.pos, "contracts": args.contracts}
    for name, cases in (("truth_reference", truth_cases), ("extracted_reference", extracted_cases)):
        result = evaluate(cases)
        clean = [c for c in cases if not c.expected]
        from matching import precheck

        passed = sum(precheck(c.invoice, c.reference, c.earlier, c.policy).verdict == "pass" for c in clean)
        result["clean_pass_rate"] = passed / len(clean) if clean else None
        report[name] = result
        codes = result["per_code"]
        print(
            f"\n{name}: {result['cases']} invoices, exact code set {result['exact_code_set_rate']:.3f}, "
            f"clean invoices passed {result['clean_pass_rate']:.3f}"
        )
        for code, c in codes.items():
            if c["tp"] + c["fp"] + c["fn"]:
                p = "-" if c["precision"] is None else f"{c['precision']:.2f}"
                r = "-" if c["recall"] is None else f"{c['recall']:.2f}"
                print(f"  {code:28} P {p:>5}  R {r:>5}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
