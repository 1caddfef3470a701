"""Line items on table stress documents (training/factory/tablefuzz.py): line F1 overall and per table factor.

    python bench/bench_tables.py --n 60 --seed 31 --extractor auto
    python bench/bench_tables.py --n 60 --seed 31 --extractor heuristic --keep /tmp/tablefuzz-31
    python bench/bench_tables.py --space wide --n 60 --seed 41 --extractor heuristic

Every document draws its table's column set and order, captions (unseen words, made-up words, none), number format,
currency marks, wrapped descriptions, sub-lines, style, font size, orientation, pages and totals block; the report
gives line precision, recall and F1 for each value of each factor, so what breaks the reading shows, and the share
of sub-lines (a delivery date, a note under an item) found in the item's ``extra`` (a description holding one is
a wrong line already). Born-digital only (scans are the OCR bench's).
Written to bench/results/tablefuzz-<extractor>-<seed>.json.

``--space wide`` draws the documents from the wide space (training/factory/tablewide.py: cards, sections with
subtotals, price units, discounts and net prices, tax per line and gross amounts, free and credit lines, line
numbers, part number columns, leaders, two-line captions, cell rules, alignment, currency column, one-row and long
tables over pages, captions in ten languages) and reports by its factors; written to
bench/results/tablefuzz-wide-<extractor>-<seed>.json.

``--space unheard`` draws the wide space's grids under captions no reader of this project knows (words of ten
other languages, their abbreviations, column letters, made-up words, none) with the columns shuffled
(training/factory/tableunheard.py), reported by the wide factors plus ``order`` and ``foreign``.

``--space stress`` draws the wide space's grids with the structures no other space prints
(training/factory/tablestress.py): numbers on the middle, last or a line of their own under a wrapped description,
Indian and space-grouped numbers, unit prices of 3 or 4 decimals, all-digit article numbers, a column no pricing
rule uses (delivery date, tariff number, weight, cost centre), grouped large numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_extraction import score_document  # noqa: E402
from extraction.pipeline import extract  # noqa: E402
from extraction.result import Extraction  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
FACTORS = ["captions", "order", "column_count", "numbers", "currency", "unit_in_quantity", "wrapped", "sub_lines"]
FACTORS += ["sub_line_style", "style", "font_size", "landscape", "two_pages", "totals"]


def _f1(rows: list[dict[str, Any]]) -> dict[str, Any]:
    true = sum(r["lines_true"] for r in rows)
    pred = sum(r["lines_pred"] for r in rows)
    correct = sum(r["lines_correct"] for r in rows)
    precision, recall = (correct / pred if pred else 0.0), (correct / true if true else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    perfect = sum(r["lines_correct"] == r["lines_true"] == r["lines_pred"] for r in rows)
    subs = sum(r.get("sub_lines_printed", 0) for r in rows)
    kept = sum(r.get("sub_lines_in_extra", 0) for r in rows)
    return {"documents": len(rows), "line_precision": round(precision, 3), "line_recall": round(recall, 3),
            "line_f1": round(f1, 3), "documents_all_lines_right": perfect,
            "sub_lines_in_extra": round(kept / subs, 3) if subs else None}  # fmt: skip


def _sub_lines_kept(label: dict[str, Any], extraction: Extraction) -> dict[str, int]:
    """Sub-lines printed under items (a delivery date, a note) and how many of them the item with that description
    carries in its ``extra``, its value text whole."""
    printed = kept = 0
    items = {" ".join(str(i.value("description") or "").split()): i for i in extraction.line_items}
    for truth, subs in zip(label["truth"]["line_items"], label.get("sub_lines", []), strict=False):
        item = items.get(truth["description"])
        extra = " ".join(item.extra.values()) if item is not None else ""
        printed += len(subs)
        kept += sum(sub.rpartition(": ")[2] in extra for sub in subs)
    return {"sub_lines_printed": printed, "sub_lines_in_extra": kept}


def run(folder: Path, extractor_kind: str, factors: list[str] | None = None) -> dict[str, Any]:
    """Scores every labelled document in ``folder``: overall, per factor value (``factors``, the default space's
    unless given), and the worst documents."""
    from models.layout.combine import best_extractor

    extractor = best_extractor(extractor_kind)
    rows = []
    for path in sorted(folder.glob("po-tablefuzz-*.json")):
        label = json.loads(path.read_text())
        data = (folder / label["file"]).read_bytes()
        _, extraction = extract(data, label["file"], doc_type_hint="purchase_order", extractor=extractor)
        row = score_document(label["truth"], extraction)
        row.update(id=path.stem, features=label["features"], **_sub_lines_kept(label, extraction))
        rows.append(row)
    by_factor: dict[str, dict[str, Any]] = {}
    for factor in factors or FACTORS:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            groups[str(row["features"][factor])].append(row)
        by_factor[factor] = {value: _f1(group) for value, group in sorted(groups.items())}
    worst = sorted(rows, key=lambda r: r["lines_correct"] / max(1, r["lines_true"], r["lines_pred"]))[:8]
    return {
        "extractor": extractor_kind,
        "overall": _f1(rows),
        "by_factor": by_factor,
        "worst_documents": [
            {"id": r["id"], "true": r["lines_true"], "pred": r["lines_pred"], "correct": r["lines_correct"]}
            for r in worst
        ],
    }


def _print(report: dict[str, Any]) -> None:
    o = report["overall"]
    space = "" if report.get("space", "default") == "default" else f"{report['space']} "
    print(f"tablefuzz {space}seed {report['seed']}, {o['documents']} documents, extractor {report['extractor']}: "
          f"line P {o['line_precision']:.3f} R {o['line_recall']:.3f} F1 {o['line_f1']:.3f}, "
          f"{o['documents_all_lines_right']} documents with every line right, "
          f"sub-lines in the item's extra {o['sub_lines_in_extra']}")  # fmt: skip
    for factor, values in report["by_factor"].items():
        cells = "  ".join(f"{value}: {s['line_f1']:.2f} ({s['documents']})" for value, s in values.items())
        print(f"  {factor:<17}{cells}")
    print(
        "  worst: "
        + ", ".join(f"{w['id']} {w['correct']}/{w['true']} ({w['pred']})" for w in report["worst_documents"])
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=60, help="documents to generate")
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--extractor", default="auto", choices=["heuristic", "layout", "auto"])
    parser.add_argument(
        "--space", default="default", choices=["default", "wide", "unheard", "stress"], help="the generator's space"
    )
    parser.add_argument("--keep", type=Path, default=None, help="generate into (or reuse) this folder")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from training.factory.tablefuzz import generate_tablefuzz
    from training.factory.tablestress import FACTORS as STRESS_FACTORS
    from training.factory.tableunheard import FACTORS as UNHEARD_FACTORS
    from training.factory.tablewide import FACTORS as WIDE_FACTORS

    spaces = {"wide": WIDE_FACTORS, "unheard": UNHEARD_FACTORS, "stress": STRESS_FACTORS}
    factors = list(spaces.get(args.space, FACTORS))
    with tempfile.TemporaryDirectory(prefix="bench-tablefuzz-") as tmp:
        folder = args.keep or Path(tmp)
        if not list(folder.glob("po-tablefuzz-*.json")):
            generate_tablefuzz(args.n, folder, args.seed, args.space)
        report = {"space": args.space, "seed": args.seed, "n": args.n, **run(folder, args.extractor, factors)}
    _print(report)
    name = "tablefuzz" if args.space == "default" else f"tablefuzz-{args.space}"
    out = args.out or RESULTS / f"{name}-{args.extractor}-{args.seed}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
