"""Header fields on header stress documents (training/factory/headwide.py): per-field exact accuracy, the header
exact match overall, and both per value of every header factor.

    python bench/bench_headers.py --n 60 --seed 1 --extractor auto
    python bench/bench_headers.py --n 60 --seed 1 --extractor heuristic --keep /tmp/headwide-1
    python bench/bench_headers.py --n 60 --seed 1 --scanned-share 0.25

Seeds 1-499 are STUDY seeds (their documents print the study half of the space's caption and terms pools); seeds
>= 500 are HELD seeds (the held half: caption phrases no study document prints). Each document draws its facts'
arrangement, party blocks and distractor blocks, caption language (sixteen), made-up or no captions, distractor
numbers and dates, date, number and currency formats, the totals block's order and lines, payment terms; the
report gives, for each value of each factor, the share of labelled header fields read exactly and the documents
with every field right, so what breaks the reading shows. Scoring is bench/bench_extraction.py's
(``score_document``: a field is right when its value is exactly the truth's; a field read that the document does
not show is spurious). ``--scanned-share`` prints that share of the documents as scans (training/factory/scan.py)
and reports them apart. Written to bench/results/headwide-<extractor>-<seed>.json unless ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_extraction import score_document  # noqa: E402
from extraction.errors import DocumentError  # noqa: E402
from extraction.pipeline import extract  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def generate(n: int, folder: Path, seed: int, scanned_share: float = 0.0) -> None:
    """The bench's documents: the header space's, that share of them as scans (chosen by the seed)."""
    from training.factory.generate import doc_seed
    from training.factory.headwide import half_of_seed, make_head_po

    folder.mkdir(parents=True, exist_ok=True)
    pick = random.Random(seed * 31 + 7)
    for index in range(n):
        doc = make_head_po(doc_seed(seed, index), half_of_seed(seed), f"po-headwide-{seed}-{index:06d}")
        data, label = doc.pdf_bytes, doc.label
        if pick.random() < scanned_share:
            from training.factory.scan import make_scan

            scan = make_scan(doc, doc_seed(seed, index), with_ocr=False)
            data, label = scan.file_bytes, scan.label
        (folder / label["file"]).write_bytes(data)
        (folder / f"{doc.doc_id}.json").write_text(json.dumps(label, ensure_ascii=False, separators=(",", ":")))


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-field exact accuracy, the header exact match (all labelled fields together), documents all right."""
    per_field: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        for name, ok in row["fields"].items():
            per_field[name].append(ok)
    every = [ok for oks in per_field.values() for ok in oks]
    return {
        "documents": len(rows),
        "header_exact_match": round(sum(every) / len(every), 4) if every else None,
        "documents_all_fields_right": sum(all(r["fields"].values()) for r in rows),
        "spurious_fields_per_doc": round(sum(len(r["spurious_fields"]) for r in rows) / len(rows), 3) if rows else 0,
        "per_field": {name: round(sum(oks) / len(oks), 4) for name, oks in sorted(per_field.items())},
        "per_field_count": {name: len(oks) for name, oks in sorted(per_field.items())},
    }


def run(folder: Path, extractor_kind: str) -> dict[str, Any]:
    """Scores every labelled document in ``folder``: overall, born-digital and scanned apart, per factor value,
    and the worst documents."""
    from models.layout.combine import best_extractor
    from training.factory.headwide import FACTORS

    extractor = best_extractor(extractor_kind)
    rows = []
    for path in sorted(folder.glob("po-headwide-*.json")):
        label = json.loads(path.read_text())
        data = (folder / label["file"]).read_bytes()
        try:
            _, extraction = extract(data, label["file"], doc_type_hint="purchase_order", extractor=extractor)
            row = score_document(label["truth"], extraction)
        except DocumentError as error:
            row = {"fields": {k: False for k in label["truth"]["fields"]}, "spurious_fields": [], "error": error.code}
        row.update(id=path.stem, scanned=bool(label.get("scanned")), features=label["features"])
        rows.append(row)
    by_factor: dict[str, dict[str, Any]] = {}
    for factor in (*FACTORS, "scanned"):
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            groups[str(row["scanned"] if factor == "scanned" else row["features"][factor])].append(row)
        by_factor[factor] = {
            value: {k: v for k, v in summary(group).items() if k != "per_field_count"}
            for value, group in sorted(groups.items())
        }
    worst = sorted(rows, key=lambda r: sum(r["fields"].values()) / max(1, len(r["fields"])))[:8]
    return {
        "extractor": extractor_kind,
        "overall": summary(rows),
        "born_digital": summary([r for r in rows if not r["scanned"]]),
        "scanned": summary([r for r in rows if r["scanned"]]) if any(r["scanned"] for r in rows) else None,
        "by_factor": by_factor,
        "worst_factors": worst_factors(by_factor),
        "worst_documents": [
            {"id": r["id"], "wrong": sorted(k for k, ok in r["fields"].items() if not ok)} for r in worst
        ],
    }


def worst_factors(by_factor: dict[str, dict[str, Any]], floor: int = 3, top: int = 10) -> list[dict[str, Any]]:
    """The factor values with the lowest header exact match, over values seen on at least ``floor`` documents."""
    cells = [
        {"factor": factor, "value": value, "header_exact_match": s["header_exact_match"], "documents": s["documents"]}
        for factor, values in by_factor.items()
        for value, s in values.items()
        if s["documents"] >= floor and s["header_exact_match"] is not None
    ]
    return sorted(cells, key=lambda c: (c["header_exact_match"], -c["documents"]))[:top]


def _print(report: dict[str, Any]) -> None:
    o = report["overall"]
    print(f"headwide seed {report['seed']} ({report['half']}), {o['documents']} documents, extractor "
          f"{report['extractor']}: header exact {o['header_exact_match']}, {o['documents_all_fields_right']} "
          f"documents with every field right, spurious fields per document {o['spurious_fields_per_doc']}")  # fmt: skip
    print("  per field: " + "  ".join(f"{k} {v:.2f} ({o['per_field_count'][k]})" for k, v in o["per_field"].items()))
    if report.get("scanned"):
        print(f"  born-digital {report['born_digital']['header_exact_match']}, "
              f"scanned {report['scanned']['header_exact_match']} ({report['scanned']['documents']})")  # fmt: skip
    for factor, values in report["by_factor"].items():
        cells = "  ".join(f"{value}: {s['header_exact_match']:.2f} ({s['documents']})" for value, s in values.items())
        print(f"  {factor:<15}{cells}")
    print("  worst factor values: " + ", ".join(
        f"{c['factor']}={c['value']} {c['header_exact_match']:.2f} ({c['documents']})" for c in report["worst_factors"]
    ))  # fmt: skip
    print("  worst documents: " + ", ".join(f"{w['id']} {'/'.join(w['wrong'])}" for w in report["worst_documents"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=60, help="documents to generate")
    parser.add_argument("--seed", type=int, default=1, help="1-499 study seeds, >= 500 held seeds")
    parser.add_argument("--extractor", default="auto", choices=["heuristic", "layout", "auto"])
    parser.add_argument("--scanned-share", type=float, default=0.0, help="the share of documents printed as scans")
    parser.add_argument("--keep", type=Path, default=None, help="generate into (or reuse) this folder")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from training.factory.headwide import half_of_seed

    with tempfile.TemporaryDirectory(prefix="bench-headwide-") as tmp:
        folder = args.keep or Path(tmp)
        if not list(folder.glob("po-headwide-*.json")):
            generate(args.n, folder, args.seed, args.scanned_share)
        report = {"space": "headwide", "seed": args.seed, "half": half_of_seed(args.seed), "n": args.n,
                  "scanned_share": args.scanned_share, **run(folder, args.extractor)}  # fmt: skip
    _print(report)
    out = args.out or RESULTS / f"headwide-{args.extractor}-{args.seed}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
