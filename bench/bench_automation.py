"""Automation on layouts the models never met: what is not sent to review must be right.

    python bench/bench_automation.py --data DIR                 # labelled factory output (sub-folders too)
    python bench/bench_automation.py --generate-po 60 --generate-contracts 15 --generate-scans 30 --seed 9201

Every document is read as the service reads it (its file through ``extraction.pipeline`` with the served
extractor) and routed as the service routes it (``review.routing``). Reports, born-digital and scanned apart:
the share of documents auto-accepted (no review task), how often those are entirely right, how often the values
not sent to review are right (header fields, line items, both), review tasks per document and the share of
wrong values that review catches; and the same at other thresholds (the trade-off). Generated documents come
from layout families that neither the layout model nor the confidence model was fitted on.
Writes bench/results/automation.json.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction.result import Extraction  # noqa: E402
from review.routing import Grouping, document_problems, review_task_count, unsure_values  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "automation.json"
SWEEP = (0.5, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995)
TARGETS = {"values_not_reviewed_right": 0.995, "auto_accepted_entirely_right": 0.98,
           "born_digital_auto_accepted": 0.5, "scanned_tasks_per_document": 2.0}  # fmt: skip


@dataclass
class Scored:
    """One read document: its extraction and, per value shown, whether it is right."""

    doc_id: str
    scanned: bool
    extraction: Extraction
    field_right: dict[str, bool]  # header fields shown
    line_right: list[bool]  # line items shown, in order
    entirely_right: bool  # every field and line right, none missing, none extra


def route(doc: Scored, threshold: float, grouping: Grouping) -> dict[str, Any]:
    unsure = unsure_values(doc.extraction, threshold)
    sent_fields = {u.field for u in unsure if u.line is None}
    sent_lines = {u.line for u in unsure if u.line is not None}
    kept = [ok for name, ok in doc.field_right.items() if name not in sent_fields]
    kept_lines = [ok for i, ok in enumerate(doc.line_right) if i not in sent_lines]
    wrong = [name for name, ok in doc.field_right.items() if not ok] + [
        i for i, ok in enumerate(doc.line_right) if not ok
    ]
    caught = [name for name in wrong if name in sent_fields or name in sent_lines]
    return {
        "tasks": review_task_count(doc.extraction, threshold, grouping),
        "fields_kept": kept,
        "lines_kept": kept_lines,
        "values_sent": len(unsure),
        "values_shown": len(doc.field_right) + len(doc.line_right),
        "wrong": len(wrong),
        "caught": len(caught),
        "problems": bool(document_problems(doc.extraction)),
    }


def _share(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def summarise(docs: list[Scored], threshold: float, grouping: Grouping) -> dict[str, Any]:
    if not docs:
        return {"documents": 0}
    routed = [route(d, threshold, grouping) for d in docs]
    accepted = [d for d, r in zip(docs, routed, strict=True) if r["tasks"] == 0]
    fields = [ok for r in routed for ok in r["fields_kept"]]
    lines = [ok for r in routed for ok in r["lines_kept"]]
    wrong = sum(r["wrong"] for r in routed)
    return {
        "documents": len(docs),
        "auto_accepted": len(accepted),
        "auto_accepted_share": _share(len(accepted), len(docs)),
        "auto_accepted_entirely_right": _share(sum(d.entirely_right for d in accepted), len(accepted)),
        "values_not_reviewed_right": _share(sum(fields) + sum(lines), len(fields) + len(lines)),
        "header_not_reviewed_right": _share(sum(fields), len(fields)),
        "lines_not_reviewed_right": _share(sum(lines), len(lines)),
        "tasks_per_document": _share(sum(r["tasks"] for r in routed), len(docs)),
        "values_sent_share": _share(sum(r["values_sent"] for r in routed), sum(r["values_shown"] for r in routed)),
        "wrong_values_caught": _share(sum(r["caught"] for r in routed), wrong),
        "documents_entirely_right": _share(sum(d.entirely_right for d in docs), len(docs)),
        "documents_flagged_for_missing_values": sum(r["problems"] for r in routed),
    }


def read_all(data: Path, limit: int | None) -> tuple[list[Scored], list[Scored], str | None]:
    """Each document read once by the served extractor: scored with the extractor's own confidences (before
    issue 17) and with the learned ones (after), and the learned model's version (None without one)."""
    from extraction.errors import DocumentError
    from extraction.pipeline import extract
    from models.confidence.model import ENV, get_confidence_model
    from models.layout.combine import apply_confidence, best_extractor
    from training.confidence import scanned_file
    from training.evaluate_layout import score_values
    from training.layout import collect

    confidence = get_confidence_model()
    os.environ[ENV] = "none"  # the extractor keeps its own scores; the learned ones are applied below
    extractor = best_extractor("auto")
    threshold = getattr(getattr(extractor, "layout", None), "review_threshold", 0.8)
    before, after = [], []
    for labelled in collect(data)[:limit]:
        if labelled.file is None:
            continue
        scanned = labelled.scanned or labelled.file.suffix.lower() != ".pdf"  # held-out labels: the file says it
        try:
            hint = "contract" if labelled.doc_type == "contract" else "purchase_order"
            doc, extraction = extract(labelled.file.read_bytes(), labelled.file.name, hint, extractor=extractor)
            scanned |= scanned_file(doc)  # a scan in a PDF
        except DocumentError as error:
            extraction = Extraction("other", 1, review_reasons=[f"missing: unreadable ({error.code})"])
        own = copy.deepcopy(replace(extraction, evidence=None))
        before.append(Scored(labelled.doc_id, scanned, own, *score_values(own, labelled.truth)))
        if confidence is not None and extraction.evidence is not None:
            apply_confidence(confidence, extraction, threshold)
        extraction.evidence = None  # the page images of scans: not kept for the whole set
        after.append(Scored(labelled.doc_id, scanned, extraction, *score_values(extraction, labelled.truth)))
    return before, after, confidence.version if confidence else None


def run(docs: list[Scored], threshold: float, grouping: Grouping) -> dict[str, Any]:
    splits = {"born_digital": [d for d in docs if not d.scanned], "scanned": [d for d in docs if d.scanned]}
    report: dict[str, Any] = {name: summarise(group, threshold, grouping) for name, group in splits.items()}
    report["all"] = summarise(docs, threshold, grouping)
    report["sweep"] = {str(t): {name: summarise(group, t, grouping) for name, group in splits.items()} for t in SWEEP}
    born, scanned = report["born_digital"], report["scanned"]
    shown = [report[s] for s in ("born_digital", "scanned") if report[s].get("documents")]
    report["targets"] = {
        "values_not_reviewed_right": [s["values_not_reviewed_right"] for s in shown],
        "auto_accepted_entirely_right": [s["auto_accepted_entirely_right"] for s in shown],
        "born_digital_auto_accepted": born.get("auto_accepted_share"),
        "scanned_tasks_per_document": scanned.get("tasks_per_document"),
        "aims": TARGETS,
    }
    return report


def generate_unseen(folder: Path, n_po: int, n_contract: int, n_scans: int, seed: int) -> None:
    """Documents of layout families neither the layout model nor the confidence model was fitted on (contracts:
    the layout model's only; the factory has few contract families and the confidence model saw the rest)."""
    from models.confidence import fitted_families
    from models.layout.extractor import get_extractor
    from training.factory.generate import generate

    layout_seen = {f"!{family}" for family in get_extractor().bundle.meta.get("trained_families", [])}
    both_seen = layout_seen | {f"!{family}" for family in fitted_families()}
    plan = (("po", n_po, 0.0, "po", both_seen), ("contract", n_contract, 0.0, "contract", layout_seen),
            ("po", n_scans, 1.0, "po_scan", both_seen))  # fmt: skip
    for offset, (kind, n, scanned, name, families) in enumerate(plan):
        if n > 0:
            generate(kind, n, folder / name, seed=seed + offset, scanned_share=scanned, workers=1,  # type: ignore[arg-type]
                     families=families or None, progress=False)  # fmt: skip


def _print(name: str, report: dict[str, Any]) -> None:
    cols = (
        "documents",
        "auto_accepted_share",
        "auto_accepted_entirely_right",
        "values_not_reviewed_right",
        "header_not_reviewed_right",
        "lines_not_reviewed_right",
        "tasks_per_document",
        "wrong_values_caught",
    )
    print(f"{name}: threshold {report['threshold']}, one task per {report['grouping']}, {report['confidence']}")
    print(f"{'split':<14}" + "".join(f"{c[:22]:>24}" for c in cols))
    for split in ("born_digital", "scanned", "all"):
        row = report[split]
        if row.get("documents"):
            print(f"{split:<14}" + "".join(f"{'-' if row.get(c) is None else row[c]:>24}" for c in cols))
    print("sweep: threshold -> born-digital (auto share, auto right, kept right) | scanned (tasks/doc, kept right)")
    for t, row in report["sweep"].items():
        b, s = row["born_digital"], row["scanned"]
        born = (b.get("auto_accepted_share"), b.get("auto_accepted_entirely_right"), b.get("values_not_reviewed_right"))
        scanned = (s.get("tasks_per_document"), s.get("values_not_reviewed_right"))
        print(f"  {t:>6}  {born} | {scanned}")


def main() -> None:
    from core.settings import get_settings

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="labelled factory output (sub-folders are read too)")
    parser.add_argument("--generate-po", type=int, default=0)
    parser.add_argument("--generate-contracts", type=int, default=0)
    parser.add_argument("--generate-scans", type=int, default=0, help="scanned POs")
    parser.add_argument("--seed", type=int, default=9201)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--threshold", type=float, default=None, help="after: default the service's review threshold")
    parser.add_argument("--before-threshold", type=float, default=0.8, help="the service's threshold before issue 17")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    threshold = args.threshold if args.threshold is not None else get_settings().review.confidence_threshold
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-automation-") as tmp:
        data = args.data
        if data is None:
            data = Path(tmp)
            generate_unseen(data, args.generate_po, args.generate_contracts, args.generate_scans, args.seed)
        before, after, version = read_all(data, args.limit)
    report: dict[str, Any] = {
        "before": {**run(before, args.before_threshold, "value"), "threshold": args.before_threshold,
                   "grouping": "value", "confidence": "the extractor's own calibrated scores"},
        "after": {**run(after, threshold, "document"), "threshold": threshold, "grouping": "document",
                  "confidence": version or "none (no learned model: the extractor's own scores)"},
        "data": str(args.data),
        "params": {k: str(v) for k, v in vars(args).items()},
        "seconds": round(time.perf_counter() - started, 1),
    }  # fmt: skip
    for name in ("before", "after"):
        _print(name, report[name])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
