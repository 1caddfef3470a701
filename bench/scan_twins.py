"""Scanned documents scored one by one, their loaded pages kept, so that a scan set and its born-digital twins
(the same ``ledgerlens data blind ... --seed S`` with ``--scanned-share 1`` and ``0``) compare document by document.

    python bench/scan_twins.py --data DIR --cache /tmp/x/cache/TAG --out /tmp/x/TAG.json [--limit N]

Each document's ``load_stage`` (rendering, image preparation, OCR) runs once per cache folder and is pickled; the
stages after it run every time. Prints fields and lines per document with the scan condition, and the totals;
writes per document: fields right, lines (true, predicted, right), load CPU (this process and its Tesseract
children; None where the pages came from the cache) and pages. Use a fresh cache folder per code version.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_extraction import score_document  # noqa: E402
from extraction.loading import Limits  # noqa: E402
from extraction.pipeline import PIPELINE, ExtractionJob, load_stage, run  # noqa: E402


def _cpu() -> float:
    return sum(resource.getrusage(who).ru_utime for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def main() -> None:
    from models.layout.combine import best_extractor

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--extractor", default="auto")
    parser.add_argument("--limit", type=int, default=0, help="every n-th document, N in all (both kinds stay)")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    extractor = best_extractor(args.extractor)
    labels = [p for p in sorted(args.data.glob("*.json")) if p.stem.startswith(("po-", "contract-"))]
    if args.limit:
        labels = labels[:: max(1, len(labels) // args.limit)][: args.limit]
    rows, fields, right, true, predicted, correct = {}, 0, 0, 0, 0, 0
    for path in labels:
        label = json.loads(path.read_text())
        job = ExtractionJob((args.data / label["file"]).read_bytes(), label["file"], label.get("doc_type"))
        job.limits, job.extractor = Limits(), extractor
        kept = args.cache / f"{path.stem}.pkl"
        load_cpu = None
        if kept.exists():
            job.document = pickle.loads(kept.read_bytes())
        else:
            before = _cpu()
            job = load_stage(job)
            load_cpu = _cpu() - before
            kept.write_bytes(pickle.dumps(job.document))
        job = run(job, PIPELINE[PIPELINE.index(load_stage) + 1 :])
        assert job.document is not None and job.extraction is not None
        score = score_document(label["truth"], job.extraction)
        condition = (label.get("scan") or {}).get("condition")
        lines = [score["lines_true"], score["lines_pred"], score["lines_correct"]]
        rows[path.stem] = {"fields": score["fields"], "lines": lines, "scan": condition,
                           "load_cpu": load_cpu, "pages": len(job.document.pages)}  # fmt: skip
        fields += len(score["fields"])
        right += sum(score["fields"].values())
        true, predicted, correct = true + lines[0], predicted + lines[1], correct + lines[2]
        wrong = [name for name, ok in score["fields"].items() if not ok]
        print(f"{path.stem} {condition} fields {sum(score['fields'].values())}/{len(score['fields'])} "
              f"lines {lines[2]}/{lines[0]} (pred {lines[1]}) wrong {wrong}", flush=True)  # fmt: skip
    precision, recall = correct / max(1, predicted), correct / max(1, true)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"header {right / max(1, fields):.3f} line F1 {f1:.3f}")
    args.out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
