"""Pages of words -> overlapping 512-token windows for LayoutLM, and window predictions back to words.

Each word becomes one or more word pieces that share the word's box (0..1000). Only a word's first
piece is labelled in training and read in inference. A page longer than one window is cut into windows
that overlap by ``stride`` pieces; a word seen in several windows is read from the one where it sits
farthest from a window edge (the most context on both sides).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from transformers import PreTrainedTokenizerBase

Box = tuple[int, int, int, int] | list[int]
CLS_BOX = [0, 0, 0, 0]
SEP_BOX = [1000, 1000, 1000, 1000]
IGNORE = -100


@dataclass
class Window:
    input_ids: list[int]
    bbox: list[list[int]]
    labels: list[int]  # IGNORE except on a word's first piece (IGNORE everywhere when unlabelled)
    word_index: list[int]  # for each token, the index of its word in the page, -1 for specials/other pieces
    start: int  # first piece of the page inside this window (for choosing the best window per word)


def _clip(box: Box) -> list[int]:
    x0, y0, x1, y1 = (min(1000, max(0, int(v))) for v in box)
    return [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]


def encode_page(
    tokenizer: PreTrainedTokenizerBase,
    words: Sequence[str],
    boxes: Sequence[Box],
    labels: Sequence[int] | None = None,
    max_length: int = 512,
    stride: int = 128,
) -> list[Window]:
    """The windows of one page. ``labels`` are label ids per word (or None for inference)."""
    if not words:
        return []
    pieces = tokenizer(list(words), is_split_into_words=True, add_special_tokens=False)
    ids: list[int] = pieces["input_ids"]
    word_ids = pieces.word_ids()
    # a word that tokenizes to nothing (stray control characters) still needs a token to be read
    seen = {w for w in word_ids if w is not None}
    if len(seen) < len(words):
        ids, word_ids = _with_unk_for_empty(tokenizer, words, ids, word_ids)
    token_box, token_label, token_word = [], [], []
    previous = None
    for word in word_ids:
        first = word != previous
        previous = word
        token_box.append(_clip(boxes[word]))
        token_word.append(word if first else -1)
        token_label.append(labels[word] if (labels is not None and first) else IGNORE)
    room = max_length - 2
    step = max(1, room - stride)
    windows = []
    start = 0
    while True:
        end = min(start + room, len(ids))
        windows.append(
            Window(
                input_ids=[tokenizer.cls_token_id, *ids[start:end], tokenizer.sep_token_id],
                bbox=[CLS_BOX, *token_box[start:end], SEP_BOX],
                labels=[IGNORE, *token_label[start:end], IGNORE],
                word_index=[-1, *token_word[start:end], -1],
                start=start,
            )
        )
        if end >= len(ids):
            break
        start += step
    return windows


def _with_unk_for_empty(
    tokenizer: PreTrainedTokenizerBase, words: Sequence[str], ids: list[int], word_ids: list[int | None]
) -> tuple[list[int], list[int | None]]:
    by_word: dict[int, list[int]] = {}
    for token, word in zip(ids, word_ids, strict=True):
        if word is not None:
            by_word.setdefault(word, []).append(token)
    new_ids: list[int] = []
    new_words: list[int | None] = []
    for index in range(len(words)):
        tokens = by_word.get(index) or [tokenizer.unk_token_id]
        new_ids += tokens
        new_words += [index] * len(tokens)
    return new_ids, new_words


def collate(windows: Sequence[Window], pad_id: int = 0) -> dict[str, torch.Tensor]:
    """Pad a batch of windows to its longest one (dynamic padding keeps short pages cheap)."""
    length = max(len(w.input_ids) for w in windows)
    n = len(windows)
    input_ids = torch.full((n, length), pad_id, dtype=torch.long)
    bbox = torch.zeros((n, length, 4), dtype=torch.long)
    attention = torch.zeros((n, length), dtype=torch.long)
    labels = torch.full((n, length), IGNORE, dtype=torch.long)
    for i, w in enumerate(windows):
        k = len(w.input_ids)
        input_ids[i, :k] = torch.tensor(w.input_ids)
        bbox[i, :k] = torch.tensor(w.bbox)
        attention[i, :k] = 1
        labels[i, :k] = torch.tensor(w.labels)
    return {"input_ids": input_ids, "bbox": bbox, "attention_mask": attention, "labels": labels}


def word_logits(windows: Sequence[Window], logits: Sequence[np.ndarray], n_words: int) -> np.ndarray:
    """Per word of the page, the logits of its first piece from the window where it has most context."""
    if not windows:
        return np.zeros((0, 0), dtype=np.float32)
    out = np.zeros((n_words, logits[0].shape[-1]), dtype=np.float32)
    best = np.full(n_words, -1, dtype=np.int64)
    for window, window_logits in zip(windows, logits, strict=True):
        inner = len(window.input_ids) - 2
        for position, word in enumerate(window.word_index):
            if word < 0:
                continue
            margin = min(position - 1, inner - position)  # distance to the nearer window edge
            if margin > best[word]:
                best[word] = margin
                out[word] = window_logits[position]
    return out
