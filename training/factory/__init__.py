"""The document factory: synthetic purchase orders, contracts, scans, draft invoices, with labels by construction.

``generate(kind, n, out, seed)`` writes a data set; ``make_po(seed)`` / ``make_contract(seed)`` build one document
in memory (``.pdf_bytes``, ``.label``, ``.truth``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from training.factory.common import GeneratedDoc

__all__ = ["GeneratedDoc", "generate", "make_contract", "make_po"]


def __getattr__(name: str) -> Any:
    # lazy, so that importing the package does not pull in reportlab and friends
    if name == "generate":
        from training.factory.generate import generate

        return generate
    if name == "make_po":
        from training.factory.po import make_po

        return make_po
    if name == "make_contract":
        from training.factory.contract import make_contract

        return make_contract
    if name == "GeneratedDoc":
        from training.factory.common import GeneratedDoc

        return GeneratedDoc
    raise AttributeError(name)
