"""FUNSD (scanned forms, Jaume et al. 2019) in the factory's label format, for pre-training the layout tagger.

Tags are BIO over FUNSD's own entity labels (question, answer, header); ``other`` becomes O. Where the folder is
absent (it lives in ../shared/datasets/funsd on the build machine) the loader yields nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PIL import Image


def _splits(root: Path) -> list[tuple[str, Path]]:
    base = root / "dataset" if (root / "dataset").is_dir() else root
    return [
        (name, base / folder)
        for name, folder in (("train", "training_data"), ("test", "testing_data"))
        if (base / folder / "annotations").is_dir()
    ]


def load_funsd(root: Path) -> Iterator[dict[str, Any]]:
    """One label dict per form: same shape as a generated document's label (``kind`` = "funsd")."""
    for split, folder in _splits(Path(root)):
        for ann_path in sorted((folder / "annotations").glob("*.json")):
            image_path = folder / "images" / (ann_path.stem + ".png")
            with Image.open(image_path) as img:
                w, h = img.size
            form = json.loads(ann_path.read_text())["form"]
            words: list[dict[str, Any]] = []
            for entity in form:
                label = entity.get("label", "other")
                for k, word in enumerate(entity.get("words", [])):
                    text = word["text"].strip()
                    if not text:
                        continue
                    x0, y0, x1, y1 = word["box"]
                    tag = "O" if label == "other" else ("B-" if k == 0 else "I-") + label
                    words.append(
                        {
                            "text": text,
                            "box": [_n(x0, w), _n(y0, h), _n(x1, w), _n(y1, h)],
                            "tag": tag,
                            "row": None,
                            "entity_id": entity["id"],
                        }
                    )
            _fix_leading_inside(words)
            yield {
                "doc_id": f"funsd-{split}-{ann_path.stem}",
                "kind": "funsd",
                "doc_type": "other",
                "split": split,
                "layout_family": f"funsd-{split}",
                "features": {},
                "scanned": True,
                "file": str(image_path),
                "truth": {"fields": {}, "line_items": []},
                "pages": [{"page": 1, "width": w, "height": h, "words": words}],
                "links": [link for entity in form for link in entity.get("linking", [])],
            }


def _n(v: float, size: float) -> int:
    return max(0, min(1000, round(v / size * 1000)))


def _fix_leading_inside(words: list[dict[str, Any]]) -> None:
    """An entity whose first word was blank starts with I-: make it B-."""
    seen: set[int] = set()
    for word in words:
        if word["tag"].startswith("I-") and word["entity_id"] not in seen:
            word["tag"] = "B-" + word["tag"][2:]
        seen.add(word["entity_id"])


def convert_funsd(root: Path, out: Path) -> int:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for label in load_funsd(root):
        (out / f"{label['doc_id']}.json").write_text(json.dumps(label, ensure_ascii=False, separators=(",", ":")))
        n += 1
    return n
