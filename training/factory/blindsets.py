"""The blind sets by number: where each set's generator lives, imported only when asked for (the generators pull in
reportlab). The CLI (``ledgerlens data blind --set N``) and ``bench/bench_extraction.py --blind-set N`` both read
this registry, so a new set is one line here."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

# set number -> (module, generator): generator(n, out, seed, scanned_share=..., split=...) -> the label paths
BLIND_SETS: dict[int, tuple[str, str]] = {
    1: ("training.factory.blind", "generate_blind"),
    2: ("training.factory.blind2", "generate_blind2"),
    3: ("training.factory.blind3", "generate_blind3"),
    4: ("training.factory.blind4", "generate_blind4"),
    5: ("training.factory.blind5", "generate_blind5"),
    6: ("training.factory.blind6", "generate_blind6"),
    7: ("training.factory.blind7", "generate_blind7"),
    8: ("training.factory.blind8", "generate_blind8"),
    9: ("training.factory.blind9", "generate_blind9"),
    10: ("training.factory.blind10", "generate_blind10"),
    11: ("training.factory.blind11", "generate_blind11"),
    12: ("training.factory.blind12", "generate_blind12"),
    13: ("training.factory.blind13", "generate_blind13"),
    14: ("training.factory.blind14", "generate_blind14"),
    15: ("training.factory.blind15", "generate_blind15"),
    16: ("training.factory.blind16", "generate_blind16"),
    17: ("training.factory.blind17", "generate_blind17"),
    18: ("training.factory.blind18", "generate_blind18"),
    19: ("training.factory.blind19", "generate_blind19"),
    20: ("training.factory.blind20", "generate_blind20"),
}

BlindGenerator = Callable[..., list[Path]]


def blind_set_generator(number: int) -> BlindGenerator:
    """The generator of blind set ``number``; a number with no set says which there are."""
    if number not in BLIND_SETS:
        raise ValueError(f"no blind set {number}: the sets are {sorted(BLIND_SETS)}")
    module, name = BLIND_SETS[number]
    generator: BlindGenerator = getattr(importlib.import_module(module), name)
    return generator


def blind_set_help() -> str:
    """'1: blind.py, 2: blind2.py, ...' for the command lines' help."""
    return ", ".join(f"{k}: {module.rsplit('.', 1)[1]}.py" for k, (module, _name) in sorted(BLIND_SETS.items()))


__all__ = ["BLIND_SETS", "blind_set_generator", "blind_set_help"]
