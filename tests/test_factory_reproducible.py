"""A blind set's documents follow the seed, not Python's hash seed: set 4-6 drew their captions in a set's order, so
two runs of the same command wrote different documents and a bench's figures could not be re-measured. Sets 7, 8,
9 and 10 are held to the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_LABELS = """
import hashlib, json
from training.factory import blind4, blind5, blind6, blind7, blind8, blind9, blind10
digest = hashlib.sha256()
for families, make in ((blind4.blind4_families(), blind4.make_blind4), (blind5.blind5_families(), blind5.make_blind5),
                       (blind6.blind6_families(), blind6.make_blind6), (blind7.blind7_families(), blind7.make_blind7),
                       (blind8.blind8_families(), blind8.make_blind8), (blind9.blind9_families(), blind9.make_blind9),
                       (blind10.blind10_families(), blind10.make_blind10)):
    for k, fam in enumerate(families[::4]):
        digest.update(json.dumps(make(100 + k, fam).label, sort_keys=True, default=str).encode())
print(digest.hexdigest())
"""


def _labels_digest(hash_seed: str) -> str:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)}
    run = subprocess.run([sys.executable, "-c", _LABELS], env=env, cwd=root, capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_blind_sets_write_the_same_documents_whatever_the_hash_seed() -> None:
    assert _labels_digest("0") == _labels_digest("1")
