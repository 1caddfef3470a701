"""The parties' fields (tax ids and names) of study sets' born-digital documents, value by value: how many are right
per set and field, and every value read and labelled, written to a JSON file to compare two versions (`taxids16`).

    python bench/bench_party_fields.py blind10-dev blind9-dev --out bench/results/taxids16-fields-after.json
    python bench/bench_party_fields.py blind7-dev --scans     # scans too (slow: OCR)

Sets are folders under /work/wt/data (or ``--root``); the labels' type hint is passed as the bench passes it. The CPU
seconds a born-digital page are this process's, the first set's including the models' loading.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_extraction import _encoded, _same, label_files  # noqa: E402
from extraction.pipeline import extract  # noqa: E402

FIELDS = ["buyer_tax_id", "vendor_tax_id", "buyer_name", "vendor_name"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--root", type=Path, default=Path("/work/wt/data"))
    parser.add_argument("--scans", action="store_true")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    from extraction.recogniser import load_second_reader
    from models.layout.combine import best_extractor

    extractor = best_extractor("auto")
    load_second_reader()
    out: dict[str, list[dict[str, Any]]] = {}
    for name in args.sets:
        folder = args.root / name
        rows: list[dict[str, Any]] = []
        cpu, pages = 0.0, 0
        for path in label_files(folder):
            label = json.loads(path.read_text())
            if "truth" not in label or (label.get("scanned") and not args.scans):
                continue
            started = time.process_time()
            data, hint = (folder / label["file"]).read_bytes(), label.get("doc_type")
            doc, extraction = extract(data, label["file"], doc_type_hint=hint, extractor=extractor)
            if not label.get("scanned"):
                cpu, pages = cpu + time.process_time() - started, pages + doc.page_count
            got, _ = _encoded(extraction)
            want = label["truth"]["fields"]
            row: dict[str, Any] = {"id": path.stem, "scanned": bool(label.get("scanned"))}
            for field in FIELDS:
                if want.get(field) is not None:
                    row[field] = [want[field], got.get(field), _same(want[field], got.get(field))]
            rows.append(row)
        out[name] = rows
        counts = " ".join(f"{f}={sum(r[f][2] for r in rows if f in r)}/{sum(f in r for r in rows)}" for f in FIELDS)
        print(f"{name:14} {counts} cpu/page(born-digital)={cpu / max(pages, 1):.3f}", flush=True)
    args.out.write_text(json.dumps(out, indent=0, ensure_ascii=False))


if __name__ == "__main__":
    main()
