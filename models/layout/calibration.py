"""Confidence that means something: temperature on the tagger's logits, then isotonic maps per kind of value.

The tagger's word probabilities are first softened by one temperature fitted on held-out pages. A value's
raw score (mean probability of its words) then goes through an isotonic map fitted on held-out
documents, one map per kind of value (header field, line) and arithmetic status (``ok``: every
check it takes part in holds, ``bad``: one fails, ``na``: none could be run). So the arithmetic moves
confidence by exactly as much as it predicted correctness on held-out data. Stored as plain JSON.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from sklearn.isotonic import IsotonicRegression

MIN_POINTS = 20  # fewer held-out values than this for one map: fall back to the kind's pooled map


@dataclass
class Calibrator:
    temperature: float = 1.0
    maps: dict[str, tuple[list[float], list[float]]] = field(default_factory=dict)  # key -> (x, y) knots

    def probs(self, logits: np.ndarray) -> np.ndarray:
        scaled = logits / self.temperature
        scaled = scaled - scaled.max(axis=-1, keepdims=True)
        e = np.exp(scaled)
        return e / e.sum(axis=-1, keepdims=True)

    def confidence(self, kind: str, status: str, score: float) -> float:
        for key in (f"{kind}:{status}", f"{kind}:any"):
            if key in self.maps:
                x, y = self.maps[key]
                return float(np.clip(np.interp(score, x, y), 0.0, 1.0))
        return float(score)

    def to_json(self) -> dict[str, Any]:
        return {"temperature": self.temperature, "maps": {k: [list(x), list(y)] for k, (x, y) in self.maps.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Calibrator:
        return cls(float(data.get("temperature", 1.0)), {k: (v[0], v[1]) for k, v in data.get("maps", {}).items()})


def fit_temperature(logits: np.ndarray, labels: np.ndarray, steps: int = 100) -> float:
    """The temperature that minimises the negative log-likelihood of held-out word labels."""
    if len(labels) == 0:
        return 1.0
    x = torch.tensor(logits, dtype=torch.float32)
    y = torch.tensor(labels, dtype=torch.long)
    log_t = torch.zeros(1, requires_grad=True)
    optimiser = torch.optim.LBFGS([log_t], lr=0.1, max_iter=steps)

    def closure() -> torch.Tensor:
        optimiser.zero_grad()
        loss = torch.nn.functional.cross_entropy(x / log_t.exp(), y)
        loss.backward()
        return loss

    optimiser.step(closure)
    return float(np.clip(log_t.exp().item(), 0.05, 20.0))


def fit_maps(records: Iterable[tuple[str, str, float, bool]]) -> dict[str, tuple[list[float], list[float]]]:
    """Isotonic maps from (kind, status, raw score, was right) records of held-out documents."""
    grouped: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for kind, status, score, right in records:
        grouped[f"{kind}:{status}"].append((score, right))
        grouped[f"{kind}:any"].append((score, right))
    maps = {}
    for key, points in grouped.items():
        if len(points) < MIN_POINTS:
            continue
        scores = np.array([p[0] for p in points], dtype=float)
        correct = np.array([p[1] for p in points], dtype=float)
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(scores, correct)
        maps[key] = ([float(v) for v in iso.X_thresholds_], [float(v) for v in iso.y_thresholds_])
    return maps
