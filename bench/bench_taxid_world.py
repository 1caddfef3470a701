"""Tax ids and party names of every country python-stdnum knows and some it does not (training/factory/taxidworld.py),
read by the served extractor and every reader after it: right per field and per factor (caption kind, the number's
layout, its country prefix, the form's spelling and place), wrong values counted apart.

    python bench/bench_taxid_world.py [--seed 17] [--show] [--out bench/results/x.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_extraction import _encoded, _same  # noqa: E402
from extraction.pipeline import PIPELINE, ExtractionJob, load_stage, run  # noqa: E402
from training.factory.taxidworld import cases  # noqa: E402

FIELDS = ["buyer_tax_id", "vendor_tax_id", "buyer_name", "vendor_name"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--show", action="store_true", help="list every value missed or wrong")
    parser.add_argument("--others", action="store_true", help="another number in each party block (phone, account)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    from models.layout.combine import best_extractor

    extractor = best_extractor("auto")
    stages = [s for s in PIPELINE if s is not load_stage]
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # right, wrong value, of
    rows = []
    for case in cases(args.seed, others=args.others):
        job = ExtractionJob(b"", "case.pdf", "purchase_order", extractor=extractor, document=case.doc)
        extraction = run(job, stages).extraction
        assert extraction is not None
        got, _ = _encoded(extraction)
        row: dict[str, object] = {"country": case.country, "scheme": case.scheme, **case.factors}
        for field, want in case.expected.items():
            value = got.get(field)
            ok = _same(want, value)
            role, kind = field.split("_", 1)
            keys = [field, f"{kind}|known={case.factors['known']}"]
            if kind == "tax_id":
                keys += [
                    f"tax_id|{k}={case.factors[k]}"
                    for k in ("caption", "layout", "prefix", "other")
                    if k in case.factors
                ]
            else:
                keys += [f"name|{k}={case.factors[f'{role}_{k}']}" for k in ("form", "place")]
            for key in keys:
                tally[key][0] += ok
                tally[key][1] += value is not None and not ok
                tally[key][2] += 1
            row[field] = [want, value, ok]
            if args.show and not ok:
                print(f"{case.country} {case.scheme:22} {field:14} want {want!r:34} got {value!r}  {case.factors}")
        rows.append(row)
    for key in sorted(tally):
        right, wrong, of = tally[key]
        print(f"{key:32} {right:4}/{of:<4} {right / of:.3f}  wrong {wrong}")
    if args.out:
        args.out.write_text(json.dumps({"seed": args.seed, "tally": tally, "rows": rows}, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main()
