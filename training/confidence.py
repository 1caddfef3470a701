"""Fit the learned confidence (``models.confidence``) on documents of layout families the extractors never saw.

    python -m training.confidence collect --data var/conf/A --out var/conf/records-A.jsonl
    python -m training.confidence fit --records var/conf/records-A.jsonl --out artifacts/confidence

``collect`` reads every labelled document as the service reads it (its file, OCR for scans), runs both readers
and their combination with the learned confidence switched off, and writes one record per value shown: its
signals, whether it is right, the document's layout family. ``fit`` trains the classifiers and calibrates them
cross-fitted by family (out-of-fold predictions from folds that never saw the family, then isotonic maps on
those), so the chance of error it reports is one for layouts it has not met.

The customer's earlier documents are simulated for half the documents (their confirmed values, one in ten
changed since), so the model learns what agreement with history is worth; the other half have none.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.model_selection import GroupKFold
from tqdm.auto import tqdm

from extraction.pipeline import extract
from models.confidence.model import ENV, ConfidenceModel
from models.confidence.signals import (
    CATEGORICAL_FIELD_FEATURES,
    FIELD_FEATURES,
    FROM_HISTORY,
    LINE_FEATURES,
    Reading,
    document_features,
    field_rows,
    known_words,
    line_rows,
)
from models.layout.combine import CombinedExtractor
from models.layout.extractor import get_extractor
from models.metrics import expected_calibration_error
from training.evaluate_layout import score_values, truth_fields
from training.layout import collect_all

HISTORY_SHARE = 0.5
HISTORY_CHANGED = 0.1


def _history(doc_id: str, truth_fields: dict[str, Any]) -> dict[str, Any]:
    rng = random.Random(doc_id)
    if rng.random() >= HISTORY_SHARE:
        return {}
    return {
        name: (truth_fields[name] if rng.random() >= HISTORY_CHANGED else "(changed since)")
        for name in FROM_HISTORY
        if truth_fields.get(name) is not None
    }


def read(labelled: Any, extractor: Any) -> Reading:
    """The served extractor's reading of the document's file (OCR for scans), learned confidence switched off."""

    hint = "contract" if labelled.doc_type == "contract" else "purchase_order"
    _, extraction = extract(labelled.file.read_bytes(), labelled.file.name, hint, extractor=extractor)
    reading: Reading = extraction.evidence
    reading.doc = replace(reading.doc, pages=[replace(page, image=None) for page in reading.doc.pages])  # memory
    return reading


def collect(data: list[Path], out: Path, progress: bool = True) -> int:
    """One JSON line per value shown: ``kind`` (field | line), ``family``, ``scanned``, ``right``, ``x``."""

    os.environ[ENV] = "none"
    extractor = CombinedExtractor(get_extractor())
    docs = [d for d in collect_all(data) if d.file is not None]
    readings = []
    for labelled in tqdm(docs, desc="read", disable=not progress):
        reading = read(labelled, extractor)
        reading.history = _history(labelled.doc_id, truth_fields(labelled.truth))
        readings.append((labelled, reading))
    vocabulary = known_words(r.doc for _, r in readings)
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w") as handle:
        handle.write(json.dumps({"vocabulary": sorted(vocabulary)}) + "\n")
        for labelled, reading in readings:
            field_right, line_right, whole = score_values(reading.combined, labelled.truth)
            doc_features = document_features(reading, vocabulary)
            base = {"doc": labelled.doc_id, "family": labelled.family, "scanned": labelled.scanned,
                    "history": bool(reading.history), "entirely_right": whole}  # fmt: skip
            for name, row in field_rows(reading, doc_features).items():
                if name in field_right:
                    handle.write(
                        json.dumps({**base, "kind": "field", "name": name, "right": field_right[name], "x": row}) + "\n"
                    )
                    n += 1
            for index, row in enumerate(line_rows(reading, doc_features)):
                handle.write(
                    json.dumps({**base, "kind": "line", "line": index, "right": line_right[index], "x": row}) + "\n"
                )
                n += 1
    return n


# more of these never makes a value less likely right: keeps what is learned on a few families sensible on others
MONOTONE = ("model_agrees", "heuristic_agrees", "other_reader_agrees", "arithmetic", "row_arithmetic",
            "lines_sum_subtotal", "format_valid", "history_agrees")  # fmt: skip


def _classifier(kind: str) -> Any:

    names = FIELD_FEATURES if kind == "field" else LINE_FEATURES
    categorical = [names.index(n) for n in CATEGORICAL_FIELD_FEATURES] if kind == "field" else None
    return HistGradientBoostingClassifier(
        max_iter=150, learning_rate=0.05, max_leaf_nodes=7, min_samples_leaf=20, l2_regularization=1.0,
        categorical_features=categorical, monotonic_cst=[int(n in MONOTONE) for n in names], random_state=0,
    )  # fmt: skip


def _matrix(records: list[dict[str, Any]], names: list[str]) -> np.ndarray:
    return np.array([[r["x"][n] for n in names] for r in records], dtype=float)


def cross_fit(records: list[dict[str, Any]], kind: str, folds: int = 5) -> tuple[Any, Any, np.ndarray]:
    """The classifier on every record, the isotonic map fitted on out-of-fold (other families) predictions, and
    those calibrated out-of-fold predictions."""

    names = FIELD_FEATURES if kind == "field" else LINE_FEATURES
    x, y = _matrix(records, names), np.array([r["right"] for r in records], dtype=int)
    groups = np.array([r["family"] for r in records])
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=min(folds, len(set(groups)))).split(x, y, groups):
        if len(set(y[train])) < 2:
            oof[test] = y[train].mean()
            continue
        oof[test] = _classifier(kind).fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    isotonic = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(oof, y)
    calibrated = isotonic.predict(oof)
    return _classifier(kind).fit(x, y), isotonic, calibrated


def kept_accuracy(p: np.ndarray, right: np.ndarray, thresholds: tuple[float, ...]) -> dict[str, Any]:
    out = {}
    for t in thresholds:
        kept = p >= t
        out[str(t)] = {
            "kept_share": round(float(kept.mean()), 4) if len(p) else None,
            "kept_right": round(float(right[kept].mean()), 4) if kept.any() else None,
        }
    return out


def fit(records_paths: list[Path], out: Path) -> dict[str, Any]:

    vocabulary: frozenset[str] = frozenset()
    records = []
    for path in records_paths:
        lines = path.read_text().splitlines()
        vocabulary |= frozenset(json.loads(lines[0])["vocabulary"])
        records += [json.loads(line) for line in lines[1:]]
    fitted: dict[str, Any] = {}
    metrics: dict[str, Any] = {}
    for kind in ("field", "line"):
        subset = [r for r in records if r["kind"] == kind]
        classifier, isotonic, oof = cross_fit(subset, kind)
        right = np.array([r["right"] for r in subset], dtype=float)
        base = np.array([r["x"]["confidence"] for r in subset])
        no_history = np.array([not r["history"] for r in subset])
        fitted[kind] = (classifier, isotonic)
        thresholds = (0.8, 0.9, 0.95, 0.98, 0.99)
        metrics[kind] = {
            "values": len(subset),
            "wrong": int((right == 0).sum()),
            "ece_out_of_family": round(expected_calibration_error(outcomes=right, confidences=oof), 4),
            "ece_extractor_scores": round(expected_calibration_error(outcomes=right, confidences=base), 4),
            "learned_out_of_family": kept_accuracy(oof, right, thresholds),
            "learned_out_of_family_no_history": kept_accuracy(oof[no_history], right[no_history], thresholds),
            "extractor_scores": kept_accuracy(base, right, thresholds),
        }
    families = sorted({r["family"] for r in records})
    model = ConfidenceModel(
        version=time.strftime("confidence-%Y%m%d-%H%M%S"),
        field_classifier=fitted["field"][0],
        field_isotonic=fitted["field"][1],
        line_classifier=fitted["line"][0],
        line_isotonic=fitted["line"][1],
        vocabulary=vocabulary,
        meta={
            "families": families,
            "documents": len({r["doc"] for r in records}),
            "scanned_documents": len({r["doc"] for r in records if r["scanned"]}),
            "records": [str(p) for p in records_paths],
        },  # fmt: skip
    )
    model.save(out, metrics)
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--data", type=Path, nargs="+", required=True)
    c.add_argument("--out", type=Path, required=True)
    f = sub.add_parser("fit")
    f.add_argument("--records", type=Path, nargs="+", required=True)
    f.add_argument("--out", type=Path, default=Path("artifacts/confidence"))
    args = parser.parse_args()
    if args.command == "collect":
        print(f"{collect(args.data, args.out)} values -> {args.out}")
    else:
        print(json.dumps(fit(args.records, args.out), indent=1))


if __name__ == "__main__":
    main()
