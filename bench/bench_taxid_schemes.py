"""Tax ids of every company-number scheme python-stdnum knows, in party blocks (training/factory/taxidblocks.py):
how many the readers find and give the right party, by caption kind, and which they give the wrong one.

    python bench/bench_taxid_schemes.py [--seed 16] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction.result import Extraction, FieldValue  # noqa: E402
from extraction.roles import read_roles  # noqa: E402
from extraction.taxids import read_tax_ids  # noqa: E402
from extraction.taxsuffix import complete_tax_ids  # noqa: E402
from training.factory.taxidblocks import Case, cases  # noqa: E402


def read(case: Case) -> dict[str, str | None]:
    """The tax ids the readers after the extractor give each party, the names known (as the extractor reads them)."""
    fields = {f"{role}_name": FieldValue(name, 0.99) for role, name in case.names.items()}
    ext = Extraction("purchase_order", 1, fields)
    read_tax_ids(case.doc, ext)
    read_roles(case.doc, ext)
    complete_tax_ids(case.doc, ext)
    return {role: (str(c.value) if (c := ext.fields.get(f"{role}_tax_id")) else None) for role in ("buyer", "vendor")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--show", action="store_true", help="list every id missed or misplaced")
    args = parser.parse_args()
    right: dict[str, list[int]] = defaultdict(list)
    wrong: dict[str, int] = defaultdict(int)
    for case in cases(args.seed):
        got = read(case)
        for role, want in case.expected.items():
            ok = got[role] == want
            right[case.caption].append(ok)
            if got[role] is not None and not ok:
                wrong[case.caption] += 1  # a value where the label holds another: worse than none
            if args.show and not ok:
                print(f"{case.scheme:28} {case.caption:8} {role:7} want {want!r:28} got {got[role]!r}")
    for caption, oks in right.items():
        print(f"{caption:8} {sum(oks)}/{len(oks)} right ({sum(oks) / len(oks):.3f}), {wrong[caption]} wrong values")


if __name__ == "__main__":
    main()
