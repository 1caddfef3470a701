"""Calibration metrics shared by the learned models (the layout tagger's confidences, the late-payment risk).

One binning for both: equal-width bins over [0, 1], a probability ``p`` in bin ``floor(p * bins)`` (1.0 in the
last bin). Keyword arguments only, so outcomes and probabilities cannot be swapped by position.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def _bin_of(confidences: np.ndarray, bins: int) -> np.ndarray:
    return np.clip((confidences * bins).astype(int), 0, bins - 1)


def reliability_table(
    *, outcomes: Sequence[float] | Any, confidences: Sequence[float] | Any, bins: int = 10
) -> list[dict[str, float]]:
    """Per non-empty bin: its edges, the mean confidence, the observed rate (share right or late) and the count."""
    conf = np.asarray(confidences, dtype=float)
    observed = np.asarray(outcomes, dtype=float)
    which = _bin_of(conf, bins)
    rows = []
    for b in range(bins):
        mask = which == b
        if mask.any():
            rows.append(
                {
                    "low": b / bins,
                    "high": (b + 1) / bins,
                    "confidence": float(conf[mask].mean()),
                    "accuracy": float(observed[mask].mean()),
                    "count": int(mask.sum()),
                }
            )
    return rows


def expected_calibration_error(
    *, outcomes: Sequence[float] | Any, confidences: Sequence[float] | Any, bins: int = 10
) -> float:
    """ECE: the gap between mean confidence and observed rate in each bin, weighted by the bin's share; 0 if empty.

    ``outcomes``: 1/True where the value was right (or the invoice paid late), 0/False otherwise;
    ``confidences``: the predicted probability of that outcome."""
    rows = reliability_table(outcomes=outcomes, confidences=confidences, bins=bins)
    total = sum(row["count"] for row in rows)
    return float(sum(row["count"] * abs(row["confidence"] - row["accuracy"]) for row in rows) / total) if total else 0.0
