"""Small payment histories for the risk tests (synthetic, a few hundred rows at most)."""

from __future__ import annotations

from datetime import date

from risk.history import HistoryRow, parse_records
from training.risk import synthetic_history


def small_history(n_customers: int = 12, invoices: int = 10, seed: int = 1) -> list[HistoryRow]:
    parsed = parse_records(synthetic_history(n_customers, invoices, start=date(2024, 1, 1), seed=seed))
    assert not parsed.errors
    return parsed.rows
