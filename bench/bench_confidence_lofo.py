"""The learned confidence on layout families it never saw: the pool's values scored by models fitted without them.

    python bench/bench_confidence_lofo.py --reads var/confidence/{blind1-dev,...,infam}.pkl \\
        --known var/confidence/infam.pkl --name calib5-lofo
    python bench/bench_confidence_lofo.py --pool artifacts/confidence/pool.json.gz --name ...   # the served pool

Each value of the pool (``training.confidence.records``, plus the frozen records of ``artifacts/confidence-pool``)
is scored twice: by a model fitted without its family (5 groups of families: sibling families of the same
generator were seen) and by one fitted without its family's whole generator (one fold per blind set, the held-out
factory, the in-family one: what a new blind set meets). Reported per generator and per set, born-digital and
scanned apart (``training.confidence.routing_report``): ECE, values at or above the served threshold and the wrong
ones among them, documents whose every value passes. ``--variant`` picks the fitting options compared
(``VARIANTS``; ``before``: the method as it was, maps as fitted). ``--model`` adds the served artefact as it is.
Writes bench/results/<name>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.confidence.model import confirmed, load_model, value_class  # noqa: E402
from models.confidence.signals import FIELD_FEATURES, LINE_FEATURES, known_words  # noqa: E402
from training.confidence import (  # noqa: E402
    ACCEPT,
    CALIBRATION,
    NOT_FITTED,
    PAGE_NOVELTY,
    _classifier,
    calibration_maps,
    frozen_pool,
    generator,
    held_out_judgements,
    judge,
    load_reads,
    load_records,
    out_of_fold,
    pool_records,
    report_by_generator,
    routing_report,
    save_records,
)

RESULTS = Path(__file__).resolve().parent / "results"
# the lines' signals before calib10 added how much of the table confirms itself
CALIB9_LINE_FEATURES = [name for name in LINE_FEATURES if name != "rows_confirmed_share"]
# the lines' signals before calib15 added how sure the OCR was of a scanned line's text cells
CALIB11_LINE_FEATURES = [name for name in LINE_FEATURES if name != "text_ocr_least"]
# every signal fitted, as before calib16 left out the layout model's doubt over the page (``PAGE_NOVELTY``)
CALIB15_FEATURES = {"field": [name for name in FIELD_FEATURES if name != "field"], "line": list(LINE_FEATURES)}
VARIANTS: dict[str, dict[str, Any]] = {
    "before": {"guard": False, "confirm": False, "class_maps": False, "calibration": "isotonic"},  # calib4's method
    "calib5": {
        "confirm": False,
        "class_maps": False,
        "calibration": "isotonic",
    },  # the values their own evidence contradicts capped
    # and a line nothing confirms (row arithmetic and the table's sum) kept under the threshold (calib7)
    "calib7": {"confirm": ("line",), "class_maps": False, "calibration": "isotonic"},
    # and a header field nothing confirms (a second reader, history, arithmetic, a caption the readers know) sent to
    # review, its score as calibrated (calib8 kept it just under the threshold: reported beside as ``calib8/<by>``,
    # the same predictions so capped)
    "routed": {"class_maps": False, "calibration": "isotonic"},
    # and a calibration map per class of value on text-layer pages: confirmed or not, a header field's group (calib9)
    "calib9": {"calibration": "isotonic", "features": {"line": CALIB9_LINE_FEATURES}},
    # and beta maps on text-layer pages, isotonic ones on scans, and lines' ``rows_confirmed_share`` (calib10)
    "after": {},
    "beta-text": {"features": {"line": CALIB9_LINE_FEATURES}},  # calib10's maps alone
    "calib11": {"features": {"line": CALIB11_LINE_FEATURES}},  # the method before calib15's text signals
    # the method before calib16: beta maps for every text-layer value, the layout model's doubt over the page fitted
    "calib15": {"calibration": "beta-text", "features": CALIB15_FEATURES},
    "line-maps": {"features": CALIB15_FEATURES},  # calib16's isotonic line maps alone
    "rows-share": {"calibration": "isotonic"},  # calib10's signal alone
    "cutoff": {"max_wrong": 0.01},  # and the maps reach the threshold only where 1% were wrong out of generator
    "cutoff-only": {
        "guard": False,
        "confirm": False,
        "class_maps": False,
        "max_wrong": 0.01,
        "calibration": "isotonic",
    },
    "maps-by-family": {"by": "family"},
    "balanced": {"balance": True},
    "beta": {"calibration": "beta"},
}


# calibration maps compared by ``--maps`` (``training.confidence.calibration_maps``' options), each over the same
# classifiers: "served", the maps as ``fit_model`` fits them now
MAP_VARIANTS: dict[str, dict[str, Any]] = {
    "served": {},
    "scan-isotonic": {"calibration": "beta-text"},  # isotonic maps on OCR'd pages: served before calib25
    "scan-balanced": {"calibration": "beta-text", "balance": True},  # and each generator weighing alike
    # and a map per class of value on OCR'd pages, drawn towards the scans' map by that many values
    "scan-shrink-30": {"calibration": "beta-text", "scan_shrink": 30.0},
    "scan-shrink-100": {"calibration": "beta-text", "scan_shrink": 100.0},
    "scan-shrink-300": {"calibration": "beta-text", "scan_shrink": 300.0},
}


def map_variants(values: list[dict[str, Any]], variants: list[str]) -> dict[str, tuple[Any, Any]]:
    """Each value judged, leaving its generator out, by classifiers fitted once per fold and the calibration maps of
    each of ``variants`` (``MAP_VARIANTS``) fitted on the fold's out-of-fold scores: the maps compared alone."""
    from models.confidence.model import CONFIRMATIONS, ConfidenceModel, contradicted

    groups = np.array([generator(r["family"]) for r in values])
    out = {v: (np.zeros(len(values)), np.zeros(len(values), dtype=bool)) for v in variants}
    names = {"field": [n for n in FIELD_FEATURES if n not in NOT_FITTED + PAGE_NOVELTY],
             "line": [n for n in LINE_FEATURES if n not in PAGE_NOVELTY]}  # fmt: skip
    for left_out in sorted(set(groups)):
        train = [r for r, g in zip(values, groups, strict=True) if g != left_out]
        test_rows = np.flatnonzero(groups == left_out)
        test = [values[i] for i in test_rows]
        fitted: dict[str, tuple[Any, np.ndarray, list[dict[str, Any]]]] = {}
        for kind in ("field", "line"):
            mine = [r for r in train if r["kind"] == kind]
            x, y, oof = out_of_fold(mine, kind, names[kind])
            fitted[kind] = (_classifier(kind, names[kind]).fit(x, y), oof, mine)
        against = {kind: [r["right"] for r in train if r["kind"] == kind and contradicted(kind, r["x"])]
                   for kind in ("field", "line")}  # fmt: skip
        for variant in variants:
            options = [{"calibration": CALIBRATION[kind], **MAP_VARIANTS[variant]} for kind in fitted]
            maps = {
                kind: calibration_maps(mine, kind, oof, **option)[0]
                for (kind, (_, oof, mine)), option in zip(fitted.items(), options, strict=True)
            }
            model = ConfidenceModel(
                version=variant, field_classifier=fitted["field"][0], line_classifier=fitted["line"][0],
                field_isotonic=maps["field"], line_isotonic=maps["line"], field_features=names["field"],
                line_features=names["line"], review_unconfirmed=tuple(CONFIRMATIONS),
                contradicted_right={kind: (sum(v) + 1) / (len(v) + 2) for kind, v in against.items()},
            )  # fmt: skip
            p, held = judge(model, test)
            out[variant][0][test_rows], out[variant][1][test_rows] = p, held
        print(left_out, "done", flush=True)
    return out


def pool(reads: list[Path], known: list[Path], frozen: list[Path], cache: Path | None) -> list[dict[str, Any]]:
    """The pool's records (``pool_records``), cached in ``cache``."""
    if cache is not None and cache.is_file():
        return load_records(cache)
    out = pool_records(reads, known_words(r.doc for r in load_reads(known)), frozen)
    if cache is not None:
        save_records(out, cache, {"reads": [str(p) for p in reads], "frozen": [str(p) for p in frozen]})
    return out


def by_set(pool: list[dict[str, Any]], p: Any, held: Any = None) -> dict[str, Any]:
    out = {}
    for name in sorted({r["set"] for r in pool}):
        rows = [i for i, r in enumerate(pool) if r["set"] == name]
        out[name] = routing_report([pool[i] for i in rows], p[rows], ACCEPT, None if held is None else held[rows])
    return out


def by_class(pool: list[dict[str, Any]], p: Any) -> dict[str, Any]:
    """Per generator, page split and class of value (``value_class``): values, mean confidence, share right: where
    the model is over- or under-confident on a generator it never saw."""
    out: dict[str, list[float]] = {}
    for i, r in enumerate(pool):
        split = "scanned" if r["scanned"] else "born_digital"
        key = f"{generator(r['family'])}|{split}|{r['kind']}:{value_class(r['kind'], r['x'])}"
        row = out.setdefault(key, [0, 0.0, 0])
        row[0] += 1
        row[1] += float(p[i])
        row[2] += int(r["right"])
    return {
        key: {"values": int(n), "confidence": round(c / n, 4), "right": round(w / n, 4)}
        for key, (n, c, w) in sorted(out.items())
    }


def generator_spread(by_generator: dict[str, Any]) -> dict[str, Any]:
    """Per split, the mean and worst ECE of the generators left out one at a time: what one new generator meets
    (the pooled ECE averages their over- and under-confidence away)."""
    out = {}
    for split in ("born_digital", "scanned"):
        eces = [row[split]["ece"] for name, row in by_generator.items() if name != "all" and split in row]
        if eces:
            out[split] = {"ece_mean": round(float(np.mean(eces)), 4), "ece_worst": round(float(max(eces)), 4)}
    return out


def kept_wrong(pool: list[dict[str, Any]], p: Any, held: Any) -> list[dict[str, Any]]:
    """The wrong values the routing lets through (at or above the threshold, not held), with their class and the
    signals that confirmed them: what a change must catch."""
    return [
        {"set": r["set"], "doc": r["doc"], "kind": r["kind"], "name": r.get("name", r.get("line")),
         "scanned": r["scanned"], "p": round(float(p[i]), 4), "class": value_class(r["kind"], r["x"]),
         "x": {n: v for n, v in r["x"].items() if n in KEPT_WRONG_SIGNALS}}
        for i, r in enumerate(pool)
        if p[i] >= ACCEPT and not held[i] and not r["right"]
    ]  # fmt: skip


KEPT_WRONG_SIGNALS = ("model_agrees", "heuristic_agrees", "history_agrees", "arithmetic", "caption_known",
                      "word_ocr_confidence", "text_ocr_least", "row_arithmetic", "lines_sum_subtotal")  # fmt: skip


def capped(pool: list[dict[str, Any]], p: Any) -> Any:
    """``calib8``'s way: the values nothing confirms kept just under the threshold instead of routed to review."""
    below = float(np.nextafter(ACCEPT, 0.0)) - 1e-4
    alone = np.array([not confirmed(r["kind"], r["x"]) for r in pool])
    return np.where(alone, np.minimum(p, below), p)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reads", type=Path, nargs="*", default=[], help="training.confidence collect's files")
    parser.add_argument("--known", type=Path, nargs="*", default=[], help="in-family reads: the known vocabulary")
    parser.add_argument("--frozen", type=Path, nargs="*", default=None, help="records files (default: the pool's)")
    parser.add_argument("--cache", type=Path, default=None, help="records of the pool, written once (gzipped JSON)")
    parser.add_argument(
        "--pool", type=Path, default=None, help="a saved pool instead (artifacts/confidence/pool.json.gz)"
    )
    parser.add_argument("--variant", nargs="*", default=["before", "after"], choices=sorted(VARIANTS))
    parser.add_argument("--maps", nargs="*", default=[], choices=sorted(MAP_VARIANTS),
                        help="maps compared over the same classifiers, leaving each generator out")  # fmt: skip
    parser.add_argument("--by", nargs="+", default=["family", "generator"], choices=["family", "generator"])
    parser.add_argument("--model", type=Path, default=None, help="also score the pool with this artefact as it is")
    parser.add_argument("--add", type=Path, nargs="*", default=[], help="records files added to the pool (records)")
    parser.add_argument("--name", default="lofo")
    args = parser.parse_args()
    frozen = frozen_pool() if args.frozen is None else args.frozen
    values = load_records(args.pool) if args.pool else pool(args.reads, args.known, frozen, args.cache)
    for path in args.add:
        name = path.name.split(".")[0]
        values += [{**r, "set": name, "doc": f"{name}/{r['doc']}"} for r in load_records(path)]
    report: dict[str, Any] = {"threshold": ACCEPT, "values": len(values), "variants": {}}
    if args.model:
        p, held = judge(load_model(args.model), values)
        report["artefact"] = {"by_generator": report_by_generator(values, p, ACCEPT, held),
                              "by_set": by_set(values, p, held)}  # fmt: skip
    if args.maps:
        started = time.perf_counter()
        for name, (q, sent) in map_variants(values, args.maps).items():
            report["variants"][f"maps:{name}/generator"] = {
                "by_generator": report_by_generator(values, q, ACCEPT, sent),
                "by_set": by_set(values, q, sent),
                "by_class": by_class(values, q),
                "kept_wrong": kept_wrong(values, q, sent),
                "seconds": round(time.perf_counter() - started),
            }
            shown = report["variants"][f"maps:{name}/generator"]
            shown["generator_spread"] = generator_spread(shown["by_generator"])
            print(name, json.dumps(shown["by_generator"]["all"]), json.dumps(shown["generator_spread"]), flush=True)
    for variant in args.variant:
        for by in args.by:
            started = time.perf_counter()
            p, held = held_out_judgements(values, by, **VARIANTS[variant])
            seconds = round(time.perf_counter() - started)
            shown = {f"{variant}/{by}": (p, held)}
            if variant == "routed":
                shown[f"calib8/{by}"] = (capped(values, p), None)
            for name, (q, sent) in shown.items():
                report["variants"][name] = {
                    "by_generator": report_by_generator(values, q, ACCEPT, sent),
                    "by_set": by_set(values, q, sent),
                    "by_class": by_class(values, q),
                    "seconds": seconds,
                }
                print(name, json.dumps(report["variants"][name]["by_generator"]), flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
