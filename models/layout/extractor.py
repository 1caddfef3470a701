"""``LayoutExtractor.extract(doc) -> Extraction``: the layout tagger, grouping, calibration and review flags.

The model is loaded once per process (``get_extractor``): from the MLflow registry's champion when
there is one, else from the artifact that ships in ``artifacts/layout/``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch

from extraction import normalize
from extraction.checks import UNCONFIRMED
from extraction.countries import page_date_order
from extraction.document import Document, Page, union_bbox
from extraction.result import Extraction, FieldValue, LineItem, Value
from extraction.terms import net_days
from models.layout.artifact import LayoutBundle, load_bundle
from models.layout.consistency import Checks, check, resolve_totals
from models.layout.grouping import (
    RawRow,
    RawValue,
    TaggedWord,
    entity_probs,
    header_fields,
    line_items,
    spans_from_words,
)
from models.layout.windowing import Box, collate, encode_page, word_logits
from models.registry import load_champion

log = logging.getLogger(__name__)

MODEL_NAME = "ledgerlens-layout"
SHIPPED_ARTIFACT = Path(__file__).resolve().parents[2] / "artifacts" / "layout"
DEFAULT_REVIEW_THRESHOLD = 0.8
DATE_FIELDS = {"order_date", "effective_date", "expiry_date"}
EDGE_JUNK = " \t|[]{}()<>;:,_!'\"=~`"
AMOUNT_FIELDS = {"subtotal", "tax_total", "total", "quantity", "unit_price", "amount"}


@torch.inference_mode()
def page_logits(bundle: LayoutBundle, words: Sequence[str], boxes: Sequence[Box], batch: int = 8) -> np.ndarray:
    """Per word, the tagger's logits (n_words x n_labels); long pages go through overlapping windows."""
    windows = encode_page(bundle.tokenizer, words, boxes, max_length=bundle.max_length, stride=bundle.stride)
    if not windows:
        return np.zeros((0, len(bundle.labels)), dtype=np.float32)
    outputs: list[np.ndarray] = []
    for i in range(0, len(windows), batch):
        chunk = windows[i : i + batch]
        inputs = collate(chunk)
        inputs.pop("labels")
        logits = bundle.model(**inputs).logits.float().numpy()
        outputs += [logits[j, : len(w.input_ids)] for j, w in enumerate(chunk)]
    return word_logits(windows, outputs, len(words))


class Normaliser:
    """Turns a tagged span's text into its typed value, with the document's number and date conventions."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.number_hint = normalize.number_format_of(texts)
        # the heuristic's one rule: as its dates tell, else as the countries it names write them (a Peruvian
        # '07/11/2027' is day first), else as its money is set
        self.date_hint = page_date_order(list(texts))

    def __call__(self, name: str, text: str) -> Value:
        # OCR and layout leave table rules, brackets and sentence punctuation on a value's edges
        text = text.strip().strip(EDGE_JUNK)
        if not text:
            return None
        if name in DATE_FIELDS:
            return normalize.parse_date(text, self.date_hint)
        if name in AMOUNT_FIELDS:
            return normalize.parse_amount(text, self.number_hint)
        if name == "tax_rate":
            return normalize.parse_amount(text.replace("%", "").strip(EDGE_JUNK), self.number_hint)
        if name == "currency":
            return normalize.parse_currency(text)
        if name in ("buyer_tax_id", "vendor_tax_id"):
            return normalize.normalize_tax_id(text)
        if name == "payment_terms":
            return text.rstrip(".") or None  # as printed; the days come from parse_terms
        return text.lstrip("#").strip() or None


def _doc_type(fields: dict[str, RawValue]) -> str:
    if "contract_number" in fields or "effective_date" in fields:
        return "contract"
    if "po_number" in fields or "order_date" in fields:
        return "purchase_order"
    return "other"


class LayoutExtractor:
    def __init__(self, bundle: LayoutBundle, review_threshold: float = DEFAULT_REVIEW_THRESHOLD) -> None:
        self.bundle = bundle
        self.review_threshold = review_threshold

    @property
    def version(self) -> str:
        return self.bundle.version

    def tag(self, doc: Document) -> list[TaggedWord]:
        """Every word of the document with its most probable (calibrated) label, in page order."""
        tagged: list[TaggedWord] = []
        for page in doc.pages:
            tagged += self.tag_page(page)
        return tagged

    def tag_page(self, page: Page) -> list[TaggedWord]:
        if not page.words:
            return []
        logits = page_logits(self.bundle, [w.text for w in page.words], [w.box_1000() for w in page.words])
        probs = self.bundle.calibrator.probs(logits)
        best = probs.argmax(axis=-1)
        labels = self.bundle.labels
        return [
            TaggedWord(word, page.number, labels[int(k)], float(probs[i, k]), entity_probs(probs[i], labels))
            for i, (word, k) in enumerate(zip(page.words, best, strict=True))
        ]

    def extract(self, doc: Document, doc_type_hint: str | None = None) -> Extraction:
        tagged = self.tag(doc)  # the model reads the type from the page; the pipeline applies the caller's
        return self.assemble(doc, tagged)

    def raw_values(self, doc: Document, tagged: list[TaggedWord]) -> tuple[dict[str, RawValue], list[RawRow], Checks]:
        normaliser = Normaliser([w.text for p in doc.pages for w in p.words])
        rows = line_items(spans_from_words(tagged), normaliser, self.bundle.strategy)  # type: ignore[arg-type]
        fields = resolve_totals(header_fields(tagged, normaliser), rows, tagged, normaliser)
        return fields, rows, check(fields, rows)

    def assemble(self, doc: Document, tagged: list[TaggedWord]) -> Extraction:
        fields, rows, checks = self.raw_values(doc, tagged)
        calibrate = self.bundle.calibrator.confidence
        out_fields: dict[str, FieldValue] = {}
        for name, raw in fields.items():
            confidence = calibrate("field", checks.field_status.get(name, "na"), raw.score)
            out_fields[name] = FieldValue(raw.value, confidence, raw.page, raw.bbox, raw.raw)
        terms = out_fields.get("payment_terms")
        if terms is not None and terms.raw:
            days = net_days(terms.raw)
            if days is not None:
                out_fields["payment_terms_days"] = FieldValue(days, terms.confidence, terms.page, terms.bbox, terms.raw)
        items = []
        for raw_row, status in zip(rows, checks.row_status, strict=True):
            line_conf = calibrate("line", status, raw_row.score)
            cells = {
                name: FieldValue(
                    cell.value, min(line_conf, calibrate("cell", status, cell.score)), cell.page, cell.bbox, cell.raw
                )
                for name, cell in raw_row.cells.items()
            }
            first = next(iter(raw_row.cells.values()))
            boxes = [c.bbox for c in raw_row.cells.values() if c.page == first.page]
            items.append(LineItem(cells, line_conf, first.page, union_bbox(boxes)))
        extraction = Extraction(
            doc_type=_doc_type(fields),  # type: ignore[arg-type]
            page_count=max(1, doc.page_count),
            fields=out_fields,
            line_items=items,
            model_version=self.version,
        )
        flag_for_review(extraction, checks.failures, self.review_threshold)
        return extraction


def flag_for_review(extraction: Extraction, failures: list[str], threshold: float) -> None:
    """``needs_review`` with reasons: low confidence values, failed arithmetic, no total or no lines."""
    reasons = [f"arithmetic: {failure}" for failure in failures]
    for name, cell in extraction.fields.items():
        if cell.value is not None and cell.confidence < threshold:
            reasons.append(f"low confidence: {name} ({cell.confidence:.2f})")
    for number, item in enumerate(extraction.line_items, start=1):
        if item.confidence < threshold:
            reasons.append(f"low confidence: line {number} ({item.confidence:.2f})")
    if extraction.doc_type == "purchase_order" and extraction.value("total") is None:
        reasons.append("missing: total")
    # the learned confidence's: values nothing confirms go to review whatever their score
    reasons += [reason for reason in extraction.review_reasons if reason.startswith(UNCONFIRMED)]
    extraction.review_reasons = reasons
    extraction.needs_review = bool(reasons)


_lock = threading.Lock()
_cached: LayoutExtractor | None = None


def get_extractor(
    artifact: Path | None = None, review_threshold: float | None = None, registry_dir: Path | None = None
) -> LayoutExtractor:
    """The process-wide extractor, loaded once: ``artifact``, else the champion of the MLflow registry kept in
    ``registry_dir`` (the service's data folder), else the shipped artifact."""
    global _cached
    with _lock:
        if _cached is None:
            torch.set_num_threads(int(os.environ.get("LEDGERLENS_TORCH_THREADS", "1")))
            folder = artifact or (_champion_folder(registry_dir) if registry_dir else None) or SHIPPED_ARTIFACT
            bundle = load_bundle(folder)
            log.info("layout model %s loaded from %s", bundle.version, folder)
            threshold = DEFAULT_REVIEW_THRESHOLD if review_threshold is None else review_threshold
            _cached = LayoutExtractor(bundle, threshold)
        return _cached


def _champion_folder(data_dir: Path) -> Path | None:
    try:
        return load_champion(MODEL_NAME, data_dir)
    except Exception as exc:  # the registry is optional at serving time: fall back to the shipped artifact
        log.info("no champion layout model in the registry (%s); using the shipped artifact", exc)
        return None
