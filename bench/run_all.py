"""Run every benchmark in turn (each prints its figures and writes bench/results/<name>.json).

    python bench/run_all.py [--only extraction,precheck] [--quick]

Benchmarks time themselves: run them on an otherwise idle machine for speed figures you report.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent

# name -> (full arguments, quick arguments)
SUITE: dict[str, tuple[list[str], list[str]]] = {
    "factory": (["--n", "400", "--scanned-n", "6"], ["--n", "60", "--scanned-n", "2"]),
    "extraction": (
        ["--generate", "80", "--scanned-share", "0.25", "--seed", "301"],
        ["--generate", "12", "--seed", "301"],
    ),
    "matching": (["--cases", "500", "--seed", "7"], ["--cases", "100", "--seed", "7"]),
    "precheck": (
        ["--pos", "30", "--contracts", "10", "--seed", "202"],
        ["--pos", "6", "--contracts", "2", "--seed", "202"],
    ),
    "precheck_variations": (["--cases", "40", "--seed", "5", "--cpu", "3"], ["--cases", "5", "--seed", "5"]),
    "precheck_cpu": (["--checks", "300", "--batch", "300"], ["--checks", "50"]),
    "risk": ([], []),
    "review": (["--tasks", "1000", "--reviewers", "20"], ["--tasks", "200", "--reviewers", "10"]),
    "automation": (
        ["--generate-po", "60", "--generate-contracts", "15", "--generate-scans", "30", "--seed", "9201"],
        ["--generate-po", "8", "--generate-contracts", "2", "--generate-scans", "2", "--seed", "9201"],
    ),
    "layout": ([], ["--n-po", "20", "--n-contract", "5", "--funsd-epochs", "0"]),
    "funsd": (["--epochs", "20"], ["--epochs", "1"]),
    "service": (["--requests", "2000", "--concurrency", "50"], ["--requests", "300", "--concurrency", "50"]),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated names: " + ", ".join(SUITE))
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(SUITE)
    failed = []
    for name in names:
        full, quick = SUITE[name]
        command = [sys.executable, str(BENCH / f"bench_{name}.py"), *(quick if args.quick else full)]
        print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
        start = time.monotonic()
        if subprocess.run(command, cwd=BENCH.parent).returncode != 0:
            failed.append(name)
        print(f"=== {name} took {time.monotonic() - start:.0f} s", flush=True)
    if failed:
        sys.exit(f"benchmarks failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
