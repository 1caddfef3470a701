"""Per field, the better of the layout model and the heuristic extractor (chosen on held-out documents)."""

from __future__ import annotations

import logging
from typing import Any

from extraction.document import Document
from extraction.result import Extraction
from models.layout.artifact import ArtifactError
from models.layout.consistency import check
from models.layout.extractor import LayoutExtractor, flag_for_review, get_extractor

log = logging.getLogger(__name__)

LINES = "line_items"
DERIVED_FROM = {"payment_terms_days": "payment_terms"}


def combine(model: Extraction, heuristic: Extraction | None, sources: dict[str, str], threshold: float) -> Extraction:
    """The model's extraction with each field (and the lines) taken from the source ``sources`` names."""
    if heuristic is None or not sources:
        return model
    fields = {}
    for name in {*model.fields, *heuristic.fields}:
        # A derived field follows the field it is read from; a field never measured stays with the heuristic.
        chosen = model if sources.get(DERIVED_FROM.get(name, name), "heuristic") == "model" else heuristic
        if name in chosen.fields:
            fields[name] = chosen.fields[name]
    lines = model.line_items if sources.get(LINES) == "model" else heuristic.line_items
    doc_type = model.doc_type if model.doc_type != "other" else heuristic.doc_type
    out = Extraction(doc_type, model.page_count, fields, list(lines), model_version=f"{model.model_version}+heuristic")
    flag_for_review(out, check(fields, lines).failures, threshold)  # type: ignore[arg-type]
    return out


class CombinedExtractor:
    """The layout model and the heuristic extractor, each field from the one that was better on held-out data."""

    def __init__(self, layout: LayoutExtractor | None = None, heuristic: Any = None) -> None:
        self.layout = layout or get_extractor()
        if heuristic is None:
            from extraction.heuristic import HeuristicExtractor

            heuristic = HeuristicExtractor()
        self.heuristic = heuristic

    def extract(self, doc: Document) -> Extraction:
        model = self.layout.extract(doc)
        sources = self.layout.bundle.field_sources
        rival = None
        if any(v == "heuristic" for v in sources.values()):
            try:
                rival = self.heuristic.extract(doc)
            except Exception as exc:  # the model's extraction still stands
                log.warning("heuristic extractor failed, keeping the layout model's values: %r", exc)
        return combine(model, rival, sources, self.layout.review_threshold)


def best_extractor(kind: str = "auto") -> Any:
    """``auto``: the combined extractor when a layout model loads, else the heuristic one; or exactly ``layout``
    or ``heuristic``. For ``extraction.pipeline`` (``extractor=``) and the ``LEDGERLENS_EXTRACTOR`` setting."""
    from extraction.heuristic import HeuristicExtractor

    if kind == "heuristic":
        return HeuristicExtractor()
    if kind == "layout":
        return get_extractor()
    try:
        return CombinedExtractor(get_extractor())
    except (ArtifactError, OSError) as exc:
        log.warning("layout model unavailable (%s); extracting with the heuristic extractor", exc)
        return HeuristicExtractor()
