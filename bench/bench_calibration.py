"""Calibration on layout families and words no model was fitted on: the held-out protocol of the learned confidence.

    python -m training.confidence collect --data DIR --out var/calib/NAME.pkl      # each document read once
    python bench/bench_calibration.py --test var/calib/test-8.pkl --model artifacts/confidence --out ...
    python bench/bench_calibration.py --test var/calib/test-8.pkl --fit var/calib/cal-7.pkl var/calib/in-*.pkl \\
        --known var/calib/in-*.pkl                                                   # fit here, then test
    python -m training.confidence collect --data var/calib/data/blind-test-2222 --blind 30 --split test \
        --seed 2222 --out var/calib/blind-test-2222.pkl                              # the blind test half
    python bench/bench_calibration.py --test var/calib/blind-test-2222.pkl --name blind-2222

The held-out families are split once (``training.factory.heldout.split_families``): the confidence model may be
fitted on in-family documents and on the ``calibration`` half, and is reported here on documents of the ``test``
half only (other caption languages and contract schedules: words and layouts it never met), or on the blind
families' test half (``training.factory.blind``: layouts and captions written without reading the extractor; its dev
half may be fitted on). Each document is
replayed as the service serves it (``training.confidence.replay``: the heuristic first, the layout model only where
the gate says, the learned confidence, the review routing) and reports, born-digital and scanned apart: ECE of the
per-value confidence, how often the values at or above the auto-accept threshold are right, the share of documents
auto-accepted whole (``bench_automation``), how often values are right at all, and the layout model's share of
pages. Writes bench/results/calib-<name>.json.

The same figures out of fold on the served pool, each generator left out (born-digital and scanned, header fields and
lines apart, with the mean and worst generator's ECE), without reading a document:

    python bench/bench_confidence_lofo.py --pool artifacts/confidence/pool.json.gz --variant --maps served \
        --name NAME                                   # bench/results/NAME.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_automation import Scored, run  # noqa: E402
from models.metrics import expected_calibration_error  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
THRESHOLD = 0.97  # the service's default auto-accept threshold (review.confidence_threshold)
TARGETS = {"ece": 0.03, "auto_accepted_values_right": 0.995, "born_digital_auto_accepted": 0.5}


def evaluate(reads: list[Any], model: Any, gate: bool, threshold: float = THRESHOLD) -> dict[str, Any]:
    """Per split (born-digital, scanned): calibration of the learned confidence and automation at ``threshold``."""
    from extraction.checks import unconfirmed
    from models.confidence.model import ENV
    from models.layout.combine import CombinedExtractor, apply_confidence
    from models.layout.extractor import get_extractor
    from training.confidence import replay
    from training.evaluate_layout import score_values

    os.environ[ENV] = "none"  # the learned model is applied below, the one under test
    extractor = CombinedExtractor(get_extractor(), gate=gate)
    # per value: its confidence, whether it is right, whether the routing sends it to review whatever its score
    values: dict[str, list[tuple[float, bool, bool]]] = {"born_digital": [], "scanned": []}
    docs, pages, model_pages, seconds = [], {"born_digital": 0, "scanned": 0}, dict.fromkeys(values, 0), {}
    for r in reads:
        split = "scanned" if r.scanned else "born_digital"
        extraction = replay(r, extractor)
        if model is not None:
            apply_confidence(model, extraction, extractor.layout.review_threshold)
        extraction.evidence = None
        field_right, line_right, whole = score_values(extraction, r.truth)
        names, lines = unconfirmed(extraction)
        values[split] += [(extraction.fields[n].confidence, ok, n in names) for n, ok in field_right.items()]
        pairs = enumerate(zip(extraction.line_items, line_right, strict=True))
        values[split] += [(item.confidence, ok, i in lines) for i, (item, ok) in pairs]
        docs.append(Scored(r.doc_id, r.scanned, extraction, field_right, line_right, whole))
        skipped = extractor.skips_model(r.heuristic, r.doc)
        pages[split] += r.doc.page_count
        model_pages[split] += 0 if skipped else r.doc.page_count
        # the served path's time, from the readers' timings when the documents were read (one core)
        spent = r.seconds["load"] + r.seconds["heuristic"] + (0.0 if skipped else r.seconds["layout"])
        seconds[split] = seconds.get(split, 0.0) + spent
    routed = run(docs, threshold, "document")
    report: dict[str, Any] = {}
    for split, pairs in values.items():
        if not pairs:
            continue
        p, right = np.array([c for c, _, _ in pairs]), np.array([ok for _, ok, _ in pairs], dtype=float)
        kept = (p >= threshold) & ~np.array([held for _, _, held in pairs], dtype=bool)
        report[split] = {
            "documents": routed[split]["documents"],
            "values": len(pairs),
            "values_right": round(float(right.mean()), 4),
            "ece": round(expected_calibration_error(outcomes=right, confidences=p), 4),
            "auto_accepted_values_share": round(float(kept.mean()), 4),
            "auto_accepted_values_right": round(float(right[kept].mean()), 4) if kept.any() else None,
            "auto_accepted_wrong_values": int((right[kept] == 0).sum()),
            "documents_auto_accepted_share": routed[split]["auto_accepted_share"],
            "documents_auto_accepted_entirely_right": routed[split]["auto_accepted_entirely_right"],
            "documents_entirely_right": routed[split]["documents_entirely_right"],
            "layout_model_page_share": round(model_pages[split] / pages[split], 4),
            "estimated_seconds_per_page": round(seconds[split] / pages[split], 4),
        }
    report["sweep"] = {
        t: {s: {k: row[k] for k in ("auto_accepted_share", "auto_accepted_entirely_right", "values_not_reviewed_right")}
            for s, row in by_split.items() if row.get("documents")}
        for t, by_split in routed["sweep"].items()
    }  # fmt: skip
    return report


def main() -> None:
    from models.confidence.model import SHIPPED_ARTIFACT, load_model
    from models.confidence.signals import known_words
    from training.confidence import CALIBRATION, fit_model, load_reads, records

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--test", type=Path, nargs="+", required=True, help="reads of the held-out test half")
    parser.add_argument("--model", type=Path, default=SHIPPED_ARTIFACT, help="a fitted confidence model")
    parser.add_argument("--fit", type=Path, nargs="*", help="fit a model on these reads instead of --model")
    parser.add_argument("--known", type=Path, nargs="*", help="with --fit: in-family reads, the known vocabulary")
    parser.add_argument("--calibration", choices=["beta", "isotonic", "beta-text"], default=None,
                        help="the maps of every kind (default: per kind, training.confidence.CALIBRATION)")  # fmt: skip
    parser.add_argument("--no-gate", action="store_true", help="the layout model reads every document")
    parser.add_argument("--name", default="dev")
    parser.add_argument("--out", type=Path, default=None, help="the report's path (default results/calib-NAME.json)")
    args = parser.parse_args()
    started = time.perf_counter()
    fitted: dict[str, Any] = {}
    if args.fit:
        vocabulary = known_words(r.doc for r in load_reads(args.known or []))
        model, fitted = fit_model(records(load_reads(args.fit), vocabulary, gate=not args.no_gate), vocabulary,
                                  args.calibration or CALIBRATION)  # fmt: skip
        fitted["fit"] = [str(p) for p in args.fit]
    else:
        model = load_model(args.model)
    reads = load_reads(args.test)
    families = {r.family for r in reads} & set(model.meta.get("families", []))
    assert not families, f"tested on families the model was fitted on: {sorted(families)[:5]}"
    report = {
        "test": [str(p) for p in args.test],
        "model": model.version if not args.fit else "fitted here",
        "gate": not args.no_gate,
        "threshold": THRESHOLD,
        "targets": TARGETS,
        **evaluate(reads, model, gate=not args.no_gate),
        "fitted": fitted,
        "seconds": round(time.perf_counter() - started, 1),
    }
    for split in ("born_digital", "scanned"):
        if split in report:
            print(split, json.dumps(report[split]))
    out = args.out or RESULTS / f"calib-{args.name}.json"
    out.write_text(json.dumps(report, indent=1, default=str))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
