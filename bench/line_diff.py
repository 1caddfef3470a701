"""Per document, the truth's line items beside the extracted ones, for finding why tables fail.

    python bench/line_diff.py --data /work/keep/blinddev [--only ID-substring] [--failing]

Loaded documents (OCR included) are cached under /tmp/line-diff-cache so rereading a folder is quick; the
extraction itself (the heuristic extractor and every stage after it, which is where the served extractor takes
its lines from) runs afresh each time.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_extraction import _encoded, _numeric_truth, _same, score_document  # noqa: E402
from extraction.heuristic import HeuristicExtractor  # noqa: E402
from extraction.loading import Limits, load_document  # noqa: E402
from extraction.pipeline import AFTER_EXTRACTION, ExtractionJob, extract_stage, run  # noqa: E402

CACHE = Path("/tmp/line-diff-cache")
COLUMNS = ("sku", "description", "quantity", "unit_price", "amount")


def _cell(line: dict[str, Any], name: str, width: int) -> str:
    value = line.get(name)
    text = "-" if value is None else str(value)
    return text[:width].ljust(width)


def _row(line: dict[str, Any]) -> str:
    widths = {"sku": 14, "description": 46, "quantity": 8, "unit_price": 10, "amount": 11}
    return " ".join(_cell(line, name, widths[name]) for name in COLUMNS)


def _document(path: Path, label: dict[str, Any]) -> Any:
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"{path.parent.name}-{path.stem}.pkl"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    document = load_document((path.parent / label["file"]).read_bytes(), label["file"], Limits())
    cached.write_bytes(pickle.dumps(document))
    return document


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--only", default="")
    parser.add_argument("--failing", action="store_true", help="only documents with a wrong or missing line")
    args = parser.parse_args()
    extractor = HeuristicExtractor()
    totals = {"true": 0, "pred": 0, "correct": 0}
    for path in sorted(args.data.glob("*.json")):
        if args.only not in path.stem:
            continue
        label = json.loads(path.read_text())
        if "truth" not in label:
            continue
        document = _document(path, label)
        job = ExtractionJob(b"", label["file"], label.get("doc_type"), extractor=extractor, document=document)
        job = run(job, [extract_stage, *AFTER_EXTRACTION])
        assert job.extraction is not None
        score = score_document(label["truth"], job.extraction)
        for key in totals:
            totals[key] += score[f"lines_{key}"]
        if args.failing and score["lines_correct"] == score["lines_true"] == score["lines_pred"]:
            continue
        family = label.get("features", {}).get("blind2") or label.get("layout_family")
        scanned = "scan" if label.get("scanned") else "digital"
        print(
            f"=== {path.stem} [{family}, {scanned}] {score['lines_correct']}/{score['lines_true']} "
            f"right, {score['lines_pred']} read"
        )
        _, got = _encoded(job.extraction)
        want = [_numeric_truth(line) for line in label["truth"].get("line_items", [])]
        unmatched = list(range(len(got)))
        for line in want:
            hit = next(
                (i for i in unmatched if all(_same(v, got[i].get(k)) for k, v in line.items() if v is not None)),
                None,
            )
            if hit is not None:
                unmatched.remove(hit)
                print("  ok   " + _row(line))
            else:
                print("  WANT " + _row(line))
        for index in unmatched:
            print("  GOT  " + _row(got[index]))
    precision = totals["correct"] / totals["pred"] if totals["pred"] else 0.0
    recall = totals["correct"] / totals["true"] if totals["true"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"lines: {totals} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
