"""Document factory throughput: born-digital and scanned documents per second with 2 workers.

Run: nice -n 10 python bench/bench_factory.py [--n 200]  -> prints and writes bench/results/factory.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training.factory.generate import generate  # noqa: E402


def run(kind: str, n: int, workers: int, scanned_share: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        paths = generate(kind, n, Path(tmp), seed=1234, scanned_share=scanned_share, workers=workers, progress=False)
        seconds = time.perf_counter() - start
        size = sum(f.stat().st_size for f in Path(tmp).iterdir())
    return {
        "documents": len(paths),
        "seconds": round(seconds, 2),
        "docs_per_second": round(len(paths) / seconds, 2),
        "mb_per_document": round(size / len(paths) / 1e6, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--scanned-n", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    results = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "workers": args.workers},
        "po_born_digital": run("po", args.n, args.workers, 0.0),
        "contract_born_digital": run("contract", max(10, args.n // 4), args.workers, 0.0),
        "po_scanned_with_ocr": run("po", args.scanned_n, args.workers, 1.0),
    }
    print(json.dumps(results, indent=2))
    out = Path(__file__).resolve().parent / "results" / "factory.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
