"""Per field, the better of the layout model and the heuristic extractor (chosen on held-out documents)."""

from __future__ import annotations

from extraction.result import Extraction
from models.layout.consistency import check
from models.layout.extractor import flag_for_review

LINES = "line_items"


def combine(model: Extraction, heuristic: Extraction | None, sources: dict[str, str], threshold: float) -> Extraction:
    """The model's extraction with each field (and the lines) taken from the source ``sources`` names."""
    if heuristic is None or not sources:
        return model
    fields = {}
    for name in {*model.fields, *heuristic.fields}:
        chosen = heuristic if sources.get(name) == "heuristic" else model
        if name in chosen.fields:
            fields[name] = chosen.fields[name]
    lines = heuristic.line_items if sources.get(LINES) == "heuristic" else model.line_items
    doc_type = model.doc_type if model.doc_type != "other" else heuristic.doc_type
    out = Extraction(doc_type, model.page_count, fields, list(lines), model_version=f"{model.model_version}+heuristic")
    flag_for_review(out, check(fields, lines).failures, threshold)  # type: ignore[arg-type]
    return out
