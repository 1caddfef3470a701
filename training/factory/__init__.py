"""The document factory: synthetic purchase orders, contracts, scans, draft invoices, with labels by construction.

``generate(kind, n, out, seed)`` writes a data set; ``make_po(seed)`` / ``make_contract(seed)`` build one document
in memory (``.pdf_bytes``, ``.label``, ``.truth``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from training.factory.common import GeneratedDoc

__all__ = ["GeneratedDoc", "generate", "make_contract", "make_po"]


# lazy, so that importing the package does not pull in reportlab and friends
_LAZY = {
    "generate": "training.factory.generate",
    "make_po": "training.factory.po",
    "make_contract": "training.factory.contract",
    "GeneratedDoc": "training.factory.common",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
