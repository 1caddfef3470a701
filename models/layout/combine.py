"""The layout model and the heuristic extractor together, per field, as chosen on held-out documents.

``field_sources`` (in the artifact's manifest) names, per header field and for the line items, the
source whose value is taken: ``heuristic`` or ``model``, optionally followed by ``+`` and the other,
whose value then fills in where the first found none (``heuristic+model``). Whether the other source
agrees, disagrees or has nothing is evidence too: a confidence map per agreement status, fitted on the
same held-out documents, turns the chosen value's confidence into a calibrated one.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from extraction.charges import charges_that_close, printed_amounts
from extraction.companies import LEGAL_FORM, bare_legal_form
from extraction.document import Document
from extraction.heuristic import HeuristicExtractor
from extraction.result import LINE_FIELDS, Extraction, FieldValue, LineItem, Value
from models.layout.artifact import ArtifactError
from models.layout.calibration import Calibrator
from models.layout.consistency import check, document_closes
from models.layout.extractor import LayoutExtractor, flag_for_review, get_extractor

log = logging.getLogger(__name__)

LINES = "line_items"
DERIVED_FROM = {"payment_terms_days": "payment_terms"}
SOURCE_OPTIONS = ("heuristic", "model", "heuristic+model", "model+heuristic")
OCR = "ocr:"  # prefixes the sources and confidence maps chosen on OCR'd documents (scans, photos)


def sources_for(field_sources: dict[str, str], ocr: bool) -> dict[str, str]:
    """The sources for a born-digital or an OCR'd document: on OCR words the two extractors rank differently."""
    plain = {k: v for k, v in field_sources.items() if not k.startswith(OCR)}
    if not ocr:
        return plain
    return {**plain, **{k.removeprefix(OCR): v for k, v in field_sources.items() if k.startswith(OCR)}}


Agreement = Literal["agree", "disagree", "single"]


def same_value(a: Value, b: Value) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return re.sub(r"\s+", " ", a).strip().casefold() == re.sub(r"\s+", " ", b).strip().casefold()
    return a == b


def pick_field(name: str, model: Extraction, heuristic: Extraction, source: str) -> tuple[FieldValue | None, Agreement]:
    """The value ``source`` takes for header field ``name``, and whether the other extractor agrees."""
    order = source.split("+")
    systems = {"model": model, "heuristic": heuristic}
    first = systems[order[0]].fields.get(name)
    other_name = "heuristic" if order[0] == "model" else "model"
    other = systems[other_name].fields.get(name)
    chosen = first if first is not None and first.value is not None else None
    if chosen is None and len(order) > 1:
        chosen, other = (other if other is not None and other.value is not None else None), first
    if chosen is None:
        return None, "single"
    if other is None or other.value is None:
        return chosen, "single"
    return chosen, "agree" if same_value(chosen.value, other.value) else "disagree"


def _line_key(item: LineItem) -> tuple[str, ...]:
    return tuple(str(item.value(name)).strip().casefold() for name in LINE_FIELDS if item.value(name) is not None)


def pick_lines(model: Extraction, heuristic: Extraction, source: str) -> list[tuple[LineItem, Agreement]]:
    chosen, other = (model, heuristic) if source.split("+")[0] == "model" else (heuristic, model)
    if not chosen.line_items and "+" in source:
        chosen, other = other, chosen
    others = {_line_key(item) for item in other.line_items}
    status: Agreement = "single" if not others else "disagree"
    return [(item, "agree" if _line_key(item) in others else status) for item in chosen.line_items]


def combine(
    model: Extraction,
    heuristic: Extraction | None,
    sources: dict[str, str],
    threshold: float,
    calibrator: Calibrator | None = None,
    ocr: bool = False,
) -> Extraction:
    """One extraction from both: per field the source ``sources`` names (for an OCR'd document with ``ocr``),
    with calibrated confidence."""
    if heuristic is None or not sources:
        return model
    sources = sources_for(sources, ocr)

    def calibrated(kind: str, status: Agreement, confidence: float) -> float:
        if calibrator is None:
            return confidence
        if ocr and any(key.startswith(OCR + kind) for key in calibrator.maps):
            kind = OCR + kind
        return calibrator.confidence(kind, status, confidence)

    fields = {}
    for name in {*model.fields, *heuristic.fields}:
        # a derived field follows the field it is read from; a field never measured stays with the heuristic
        value, status = pick_field(name, model, heuristic, sources.get(DERIVED_FROM.get(name, name), "heuristic"))
        if value is not None:
            fields[name] = replace(value, confidence=calibrated("combined-field", status, value.confidence))
    lines = [
        replace(item, confidence=calibrated("combined-line", status, item.confidence))
        for item, status in pick_lines(model, heuristic, sources.get(LINES, "heuristic"))
    ]
    keep_heuristic_roles(fields, model, heuristic)
    company_names(fields, heuristic)
    one_party_per_tax_id(fields)
    doc_type = model.doc_type if model.doc_type != "other" else heuristic.doc_type
    out = Extraction(doc_type, model.page_count, fields, lines, model_version=f"{model.model_version}+heuristic")
    out.adjustments = list(heuristic.adjustments)
    flag_for_review(out, check(fields, lines, out.adjustments).failures, threshold)  # type: ignore[arg-type]
    return out


PARTIES = {"buyer": "vendor", "vendor": "buyer"}


def keep_heuristic_roles(fields: dict[str, FieldValue], model: Extraction, heuristic: Extraction) -> None:
    """The parties as the heuristic placed them where the layout model read the same names in the other roles.

    A model's name for one role that is the heuristic's name for the other is a swap: both readers saw the same
    party, and only the roles differ. The heuristic places roles by their captions and the page's structure; the
    model by the words it learned around names, which say little on layouts it never met. So the names and the tax
    ids (which follow their party) stay with the heuristic's roles; where the heuristic read no tax id for a role,
    the model's tax id of the other role is taken if the model swapped both names, else none."""
    swapped = {
        role
        for role, other in PARTIES.items()
        if (mine := heuristic.fields.get(f"{other}_name")) is not None
        and (theirs := model.fields.get(f"{role}_name")) is not None
        and mine.value is not None
        and theirs.value is not None
        and same_value(mine.value, theirs.value)
        and not same_value(mine.value, _value(heuristic.fields.get(f"{role}_name")))
    }
    if not swapped:
        return
    for role, other in PARTIES.items():
        for kind in ("name", "tax_id"):
            own = heuristic.fields.get(f"{role}_{kind}")
            if own is not None and own.value is not None:
                fields[f"{role}_{kind}"] = replace(own, confidence=fields.get(f"{role}_{kind}", own).confidence)
                continue
            crossed = model.fields.get(f"{other}_{kind}")
            if swapped == set(PARTIES) and crossed is not None and crossed.value is not None:
                fields[f"{role}_{kind}"] = crossed
            else:
                fields.pop(f"{role}_{kind}", None)


def company_names(fields: dict[str, FieldValue], heuristic: Extraction) -> None:
    """The heuristic's name of a party where it ends in a legal form and the one taken does not: the model tags word
    by word and on a scan stops inside a name or tags other words ('gjelder fra 02.01.2024'); a company's name
    printed whole ends in its form. (A bare form the model tagged, 'Lda.', is left to ``roles``, which knows the
    page's companies.)"""
    for name in ("buyer_name", "vendor_name"):
        chosen, mine = fields.get(name), heuristic.fields.get(name)
        if chosen is None or mine is None or not isinstance(mine.value, str) or chosen.value == mine.value:
            continue
        has_form = bool(LEGAL_FORM.search(mine.value.rstrip(" ,."))) and not bare_legal_form(mine.value)
        # a bare form the model tagged ('Co.', the other party's 'Inc.'), where the heuristic read a whole name
        if has_form and (not LEGAL_FORM.search(str(chosen.value).rstrip(" ,.")) or bare_legal_form(str(chosen.value))):
            fields[name] = replace(mine, confidence=chosen.confidence)


def _value(field: FieldValue | None) -> Value:
    return None if field is None else field.value


def _centre(box: tuple[float, float, float, float]) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def one_party_per_tax_id(fields: dict[str, FieldValue]) -> None:
    """One printed tax id read as both parties' (a page that prints only one): it stays with the party whose name is
    printed nearest to it, and the other party's is dropped."""
    buyer, vendor = fields.get("buyer_tax_id"), fields.get("vendor_tax_id")
    if buyer is None or vendor is None or buyer.value is None or not same_value(buyer.value, vendor.value):
        return
    names = [fields.get("buyer_name"), fields.get("vendor_name")]
    if buyer.bbox is None or any(n is None or n.bbox is None or n.page != buyer.page for n in names):
        return
    x, y = _centre(buyer.bbox)
    distance = [math.dist((x, y), _centre(n.bbox)) for n in names if n is not None and n.bbox is not None]
    del fields["buyer_tax_id" if distance[1] < distance[0] else "vendor_tax_id"]


class CombinedExtractor:
    """The layout model and the heuristic extractor, each field from the one that was better on held-out data.

    The heuristic reads first; the layout model reads only where it can decide something (``model_decides``: an
    OCR'd document whose heuristic reading does not prove itself), so a born-digital document costs the heuristic's
    time alone. ``gate=False`` runs both on every document."""

    def __init__(self, layout: LayoutExtractor | None = None, heuristic: Any = None, gate: bool = True) -> None:
        self.layout = layout or get_extractor()
        if heuristic is None:
            heuristic = HeuristicExtractor()
        self.heuristic = heuristic
        self.gate = gate

    def read_heuristic(self, doc: Document, doc_type_hint: str | None = None) -> Extraction | None:
        if not any("heuristic" in v for v in self.layout.bundle.field_sources.values()):
            return None
        try:
            return self.heuristic.extract(doc, doc_type_hint)  # type: ignore[no-any-return]
        except Exception as exc:  # the model's extraction still stands
            log.warning("heuristic extractor failed, keeping the layout model's values: %r", exc)
            return None

    def read_layout(self, doc: Document) -> tuple[Extraction, list[float]]:
        """The layout model's extraction and, per word, the probability of its label."""
        tagged = self.layout.tag(doc)
        return self.layout.assemble(doc, tagged), [w.prob for w in tagged]

    def extract(self, doc: Document, doc_type_hint: str | None = None) -> Extraction:
        rival = self.read_heuristic(doc, doc_type_hint)
        return self.join(doc, None if self.skips_model(rival, doc) else self.read_layout(doc), rival)

    def skips_model(self, rival: Extraction | None, doc: Document) -> bool:
        """Whether the served gate keeps the layout model from reading ``doc`` (``rival``: the heuristic's reading)."""
        return self.gate and rival is not None and not model_decides(rival, doc)

    def join(
        self, doc: Document, layout: tuple[Extraction, list[float]] | None, rival: Extraction | None
    ) -> Extraction:
        """The two readings (``layout`` None: the model did not read) combined, with learned confidence."""
        from models.confidence import (  # a cycle: models.confidence.signals imports this module
            Reading,
            get_confidence_model,
        )

        sources = self.layout.bundle.field_sources
        probs: list[float] = []
        if layout is None:
            assert rival is not None, "the layout model is skipped only after the heuristic has read"
            # every field from the heuristic, calibrated as a value no other reader confirmed
            model = Extraction(rival.doc_type, rival.page_count, model_version=self.layout.version)
            sources = dict.fromkeys(sources, "heuristic")
        else:
            model, probs = layout
        ocr = any(page.source == "ocr" for page in doc.pages)
        threshold = self.layout.review_threshold
        out = combine(model, rival, sources, threshold, self.layout.bundle.calibrator, ocr)
        if out is model:
            return out
        out.evidence = Reading(doc, out, None if layout is None else model, rival, probs)
        confidence = get_confidence_model()
        if confidence is not None:
            # the chance each value is right, from the two readers, the arithmetic, formats and the page
            apply_confidence(confidence, out, threshold)
        else:
            flag_unread_rates(doc, out)
        return out


# what a document prints whenever it is read whole (a purchase order's fields of the routing's ``EXPECTED``, the
# parties; a contract's required fields)
SELF_EVIDENT = {
    "purchase_order": ("po_number", "order_date", "currency", "buyer_name", "vendor_name", "subtotal", "total"),
    "contract": ("contract_number", "effective_date", "buyer_name", "vendor_name"),
}


def model_decides(extraction: Extraction, doc: Document) -> bool:
    """Whether the layout model's reading can change the answer for the better, given the heuristic's reading.

    Not on a document read from its text layer: there the model's values (taken first only for the buyer's name and
    a contract's number and expiry, else filling what the heuristic left empty) made 2 of 1,055 values right and 3
    wrong on six dev sets (blind set 1 and 2 dev halves, held-out and in-family seeds 7 and 8), and no line item
    (docs/BENCHMARKS.md, `speed`). On an OCR'd document it reads where the heuristic's reading does not prove itself
    (``heuristic_suffices``): there its reading also keeps the learned confidence of scans calibrated. And it reads
    wherever the heuristic found nothing."""
    if not extraction.fields and not extraction.line_items:
        return True
    if not any(page.source == "ocr" for page in doc.pages):
        return False
    return not heuristic_suffices(extraction, doc)


def heuristic_suffices(extraction: Extraction, doc: Document | None = None) -> bool:
    """Whether the heuristic's reading proves itself, so that the layout model has nothing to decide: every field
    the document always prints found and, on a purchase order, the numbers tied together (every line multiplies
    out, the lines make the subtotal, subtotal, tax and charges the total). On layouts and words neither reader
    was built on, the model then changed values for the worse, never for the better (docs/BENCHMARKS.md)."""
    expected = SELF_EVIDENT.get(extraction.doc_type)
    if expected is None or any(extraction.value(name) is None for name in expected):
        return False
    if extraction.doc_type != "purchase_order":
        return True
    # charges whose captions the heuristic does not know still close the totals when their amounts do
    adjustments = extraction.adjustments or (charges_that_close(doc, extraction) if doc is not None else [])
    checks = check(extraction.fields, extraction.line_items, adjustments)  # type: ignore[arg-type]
    return document_closes(checks, len(extraction.line_items))


def apply_confidence(confidence: Any, extraction: Extraction, threshold: float) -> None:
    """Learned confidences on ``extraction`` (which carries its ``evidence``), and its review flags again."""
    confidence.apply(extraction.evidence)
    if "+confidence" not in extraction.model_version:
        extraction.model_version += f"+{confidence.version}"
    failures = check(extraction.fields, extraction.line_items, extraction.adjustments).failures  # type: ignore[arg-type]
    flag_for_review(extraction, failures, threshold)
    flag_unread_rates(extraction.evidence.doc, extraction)


def flag_unread_rates(doc: Document, extraction: Extraction) -> None:
    """A contract read without rate lines that prints money amounts: its schedule was missed (no value can say so
    by its confidence), so the document goes to a person."""
    if extraction.doc_type == "contract" and not extraction.line_items and printed_amounts(doc):
        extraction.review_reasons.append("missing: rate lines (the contract prints amounts)")
        extraction.needs_review = True


def best_extractor(kind: str = "auto", registry_dir: Path | None = None) -> Any:
    """``auto``: the combined extractor when a layout model loads, else the heuristic one; or exactly ``layout``
    or ``heuristic``. For ``extraction.pipeline`` (``extractor=``) and the ``LEDGERLENS_EXTRACTOR`` setting.
    ``registry_dir``: the data folder whose MLflow registry may hold a champion layout model."""
    if kind == "heuristic":
        return HeuristicExtractor()
    if kind == "layout":
        return get_extractor(registry_dir=registry_dir)
    try:
        return CombinedExtractor(get_extractor(registry_dir=registry_dir))
    except (ArtifactError, OSError) as exc:
        log.warning("layout model unavailable (%s); extracting with the heuristic extractor", exc)
        return HeuristicExtractor()
