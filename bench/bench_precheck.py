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
import time
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
    parser.add_argument(
        "--references",
        choices=["factory", "heldout", "blind-dev", "blind2-dev"],
        default="factory",
        help="heldout / blind-dev / blind2-dev: references of layout families the extractor never saw "
        "(bench/precheck_unseen.py)",
    )
    parser.add_argument("--seeds", default="7,8", help="heldout: dev seeds (7-14 only)")
    parser.add_argument("--docs", type=int, default=16, help="heldout: documents per seed")
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="blind-dev / blind2-dev: the kept folder of that dev half (default /work/keep/blinddev, "
        "/work/keep/blind2dev)",
    )
    parser.add_argument("--cache", type=Path, default=None, help="extractions (and held-out documents) kept here")
    args = parser.parse_args()
    if args.references != "factory":
        unseen(args)
        return

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


def unseen(args: argparse.Namespace) -> None:
    """``--references heldout|blind-dev``: clean pass, recall per code, verdict mix and each false alarm's cause."""
    from collections import Counter

    from bench import precheck_unseen as u
    from matching import precheck

    cache = args.cache or Path(tempfile.mkdtemp(prefix="precheck-unseen-"))
    if args.references == "heldout":
        seeds = [int(s) for s in args.seeds.split(",")]
        if any(not 7 <= s <= 14 for s in seeds):
            raise SystemExit("held-out references: dev seeds 7-14 only")
        paths = u.heldout_labels(seeds, args.docs, args.scanned_share, cache / "docs")
    else:
        default = Path("/work/keep") / args.references.replace("-", "")
        paths = u.kept_labels(args.data or default, dev_only=args.references == "blind2-dev")
    labelled = u.extract_references(paths, cache / f"ext-{args.references}")
    ext_cases, truth_cases, labels = u.build(labelled, args.seed)
    report: dict[str, Any] = {
        "bench": "precheck-unseen",
        "references": args.references,
        "documents": len(labelled),
        "refused_uploads": sum(body is None for _, body in labelled),
    }
    for name, cases in (("truth_reference", truth_cases), ("extracted_reference", ext_cases)):
        started = time.process_time()
        results = [precheck(c.invoice, c.reference, c.earlier, c.policy, failed=c.failed) for c in cases]
        cpu_ms = (time.process_time() - started) * 1000 / max(1, len(cases))
        result = evaluate(cases)
        clean = [(c, r) for c, r in zip(cases, results, strict=True) if not c.expected]
        faulty = [(c, r) for c, r in zip(cases, results, strict=True) if c.expected]
        verdicts = Counter(r.verdict for _, r in clean)
        faulty_verdicts = Counter(r.verdict for _, r in faulty)
        kinds: dict[str, list[int]] = {}
        for c, r in clean:
            kinds.setdefault(c.meta["kind"], [0, 0])[r.verdict == "pass"] += 1
        causes: Counter[str] = Counter()
        alarms = []
        for c, r in clean:
            for f in r.findings:
                why = u.diagnose(f, c, labels[c.meta["doc_id"]])
                causes[f"{f.code} [{f.severity}] {why.split(' (')[0]}"] += 1
                alarms.append({"doc": c.meta["doc_id"], "kind": c.meta["kind"], "code": f.code,
                               "severity": f.severity, "message": f.message, "cause": why})  # fmt: skip
        recall = {code: v["recall"] for code, v in result["per_code"].items() if v["tp"] + v["fn"]}
        caught = sum(r.verdict == "fail" for _, r in faulty)
        result.update(
            clean_pass_rate=verdicts["pass"] / len(clean) if clean else None,
            clean_verdicts=dict(verdicts),
            faulty_verdicts=dict(faulty_verdicts),
            faulty_blocked_rate=caught / len(faulty) if faulty else None,
            clean_by_kind={k: {"pass": v[1], "flagged": v[0]} for k, v in sorted(kinds.items())},
            recall=recall,
            false_alarm_causes=dict(causes.most_common()),
            false_alarms=alarms,
            cpu_ms_per_check=cpu_ms,
        )
        report[name] = result
        print(
            f"\n{name}: {len(cases)} invoices ({len(clean)} clean), clean pass {result['clean_pass_rate']:.3f} "
            f"{dict(verdicts)}; faulty {dict(faulty_verdicts)}; {cpu_ms:.2f} ms CPU/check"
        )
        for code, rec in recall.items():
            v = result["per_code"][code]
            print(f"  {code:28} R {rec:.2f}  (tp {v['tp']}, fn {v['fn']}, fp {v['fp']})")
        for kind, v in result["clean_by_kind"].items():
            if v["flagged"]:
                print(f"  clean {kind:34} flagged {v['flagged']} of {v['pass'] + v['flagged']}")
        for cause, n in causes.most_common(25):
            print(f"  {n:4}  {cause}")
    out = args.out if args.out != OUT else OUT.with_name(f"precheck-{args.references}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
