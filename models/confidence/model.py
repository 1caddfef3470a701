"""A learned chance that each extracted value is right, from the signals of ``models.confidence.signals``.

Two gradient-boosted classifiers (header fields, line items) with monotone calibration maps (per page source and, on
text-layer pages, per class of value: ``value_class``; smooth beta maps tabulated as isotonic ones), fitted by
``training/confidence.py`` on documents of layout families the extractors never saw and calibrated on generators the
classifiers never saw (cross-fitted). A value nothing confirms independently of its reader keeps its calibrated
score and is named in the extraction's review reasons, which send it to review (``apply``, ``review.routing``).
Stored as a versioned artifact (``manifest.json`` + the estimators in skops format, which loads without unpickling
arbitrary code) and loaded once per process.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import sklearn

from extraction.checks import mark_unconfirmed
from models.confidence.signals import (
    FIELD_CODES,
    FIELD_FEATURES,
    LINE_FEATURES,
    Reading,
    document_features,
    field_rows,
    line_rows,
    own_scores,
)

log = logging.getLogger(__name__)

SHIPPED_ARTIFACT = Path(__file__).resolve().parents[2] / "artifacts" / "confidence"
ESTIMATORS = "estimators.skops"
ENV = "LEDGERLENS_CONFIDENCE_MODEL"  # a folder, or "none" to keep the extractors' own calibrated scores


@dataclass
class ConfidenceModel:
    version: str
    field_classifier: Any  # predict_proba over FIELD_FEATURES -> [wrong, right]
    line_classifier: Any
    # raw P(right) -> calibrated P(right): one map, or one per page source ({"text": map, "ocr": map}: the same raw
    # score means less on OCR words), and within a source one per class of value ("text/confirmed": ``value_class``)
    # where the pool held enough of that class (artifacts before this: per source only)
    field_isotonic: Any
    line_isotonic: Any
    vocabulary: frozenset[str] = frozenset()
    meta: dict[str, Any] = field(default_factory=dict)
    # the signals the classifiers were fitted on, in order (an artifact fitted on fewer than this code computes loads)
    field_features: list[str] = field(default_factory=lambda: list(FIELD_FEATURES))
    line_features: list[str] = field(default_factory=lambda: list(LINE_FEATURES))
    # the classifiers were fitted with missing evidence (-1) as NaN (artifacts before this: as -1)
    missing_nan: bool = True
    # per kind (field, line): the chance of being right of a value its own evidence contradicts (``contradicted``),
    # which no score of it exceeds; the trees meet too few of them to learn it (artifacts before this: none)
    contradicted_right: dict[str, float] = field(default_factory=dict)
    # the kinds (field, line) whose values nothing confirms independently (``confirmed``) go to review whatever their
    # score: named in the extraction's review reasons (``extraction.checks.mark_unconfirmed``), their confidence left
    # as calibrated (artifacts before this capped them just under the threshold, ``unconfirmed_below``: read as this)
    review_unconfirmed: tuple[str, ...] = ()
    # the service's auto-accept threshold when fitted: a value its class's map (``value_class``) puts at or above it
    # while the map of every value of its page source does not goes to review as well (``judge``)
    accept: float = 0.97

    def judge(
        self,
        classifier: Any,
        isotonic: Any,
        names: list[str],
        rows: list[dict[str, float]],
        ocr: bool,
        kind: str | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each value's chance of being right (its class's calibration map, else its page source's), and whether it
        goes to review whatever that chance: nothing confirms it independently (``confirmed``; for the kinds
        ``review_unconfirmed`` names), or only its class's map, not its page source's, reaches ``accept``. Leaving
        each generator out, requiring both maps kept the class maps' calibration and let fewer wrong values through
        than either map alone (docs/BENCHMARKS.md, `calib9`)."""
        if not rows:
            return np.zeros(0), np.zeros(0, dtype=bool)
        x = np.array([[row[name] for name in names] for row in rows], dtype=float)
        if self.missing_nan:
            x = missing_as_nan(x)
        raw = classifier.predict_proba(x)[:, 1]
        if not isinstance(isotonic, dict):
            p = pooled = isotonic.predict(raw)
        else:
            p = np.zeros(len(rows))
            source = "ocr" if ocr else "text"
            pooled = isotonic[source].predict(raw)
            keys = [f"{source}/{value_class(kind, row)}" for row in rows]
            for key in set(keys):
                mine = np.array([k == key for k in keys])
                p[mine] = isotonic[key].predict(raw[mine]) if key in isotonic else pooled[mine]
        p, pooled = np.clip(p, 0.0, 1.0), np.clip(pooled, 0.0, 1.0)
        if kind in self.contradicted_right:
            against = np.array([contradicted(kind, row) for row in rows])
            p[against] = np.minimum(p[against], self.contradicted_right[kind])
        held = (pooled < self.accept) & (p >= self.accept)
        if kind in self.review_unconfirmed:
            held |= np.array([not confirmed(kind, row) for row in rows])
        return p, held

    def _judge(self, reading: Reading) -> tuple[dict[str, float], list[float], list[str], list[int]]:
        """P(right) per header field shown and per line item, and those (0-based for lines) nothing confirms
        independently of their reader (``confirmed``) of the kinds ``review_unconfirmed`` names."""
        doc = document_features(reading, self.vocabulary)
        fields, lines = field_rows(reading, doc, self.vocabulary), line_rows(reading, doc)
        names = list(fields)
        rows = [fields[n] for n in names]
        ocr = reading.ocr
        field_p, field_held = self.judge(
            self.field_classifier, self.field_isotonic, self.field_features, rows, ocr, "field"
        )
        line_p, line_held = self.judge(self.line_classifier, self.line_isotonic, self.line_features, lines, ocr, "line")
        alone = [n for n, held in zip(names, field_held, strict=True) if held]
        return (dict(zip(names, map(float, field_p), strict=True)), [float(p) for p in line_p], alone,
                [int(i) for i in np.flatnonzero(line_held)])  # fmt: skip

    def score(self, reading: Reading) -> tuple[dict[str, float], list[float]]:
        """P(right) per header field shown and per line item, for one document."""
        fields, lines, _, _ = self._judge(reading)
        return fields, lines

    def apply(self, reading: Reading) -> None:
        """Replace the confidences of ``reading.combined`` with the learned chance of being right, and name the
        values nothing confirms in its review reasons (``extraction.checks.mark_unconfirmed``)."""
        extraction = reading.combined
        if reading.own is None:
            reading.own = own_scores(extraction)
        fields, lines, alone, alone_lines = self._judge(reading)
        mark_unconfirmed(extraction, alone, alone_lines)
        for name, p in fields.items():
            extraction.fields[name] = replace(extraction.fields[name], confidence=p)
        for index, p in enumerate(lines):
            item = extraction.line_items[index]
            # a line is reviewed as a whole: its cells are as sure as the line
            cells = {name: replace(cell, confidence=min(cell.confidence, p)) for name, cell in item.cells.items()}
            extraction.line_items[index] = replace(item, cells=cells, confidence=p)

    def save(self, folder: Path, metrics: dict[str, Any] | None = None) -> Path:
        # skops: only when a model is saved or loaded
        import skops.io as sio

        folder.mkdir(parents=True, exist_ok=True)
        estimators = {
            "field_classifier": self.field_classifier,
            "line_classifier": self.line_classifier,
            "field_isotonic": self.field_isotonic,
            "line_isotonic": self.line_isotonic,
        }
        sio.dump(estimators, folder / ESTIMATORS)
        manifest = {
            "version": self.version,
            "field_features": self.field_features,
            "line_features": self.line_features,
            "sklearn_version": sklearn.__version__,
            "missing_nan": self.missing_nan,
            "contradicted_right": self.contradicted_right,
            "review_unconfirmed": list(self.review_unconfirmed),
            "accept": self.accept,
            "vocabulary": sorted(self.vocabulary),
            "meta": self.meta,
            "metrics": metrics or {},
        }
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, default=str))
        return folder


# evidence against the value itself, whatever its layout: a shape its check rejects (check digits, a date that does
# not exist, terms that do not parse), a field only the other type of document prints, a party's name the page prints
# with a legal form right after it (the end of the company's name left off: blind8's '(Pty) Ltd'), a line that does
# not multiply
CONTRADICTIONS = {
    "field": {"format_valid": 0.0, "other_type_field": 1.0, "name_form_cut": 1.0},
    "line": {"row_arithmetic": 0.0},
}


# header fields by the shape of their value, each with its own calibration map where the pool holds enough of it:
# a party's name, a tax id, a date, an amount, the rest (document numbers, currency, payment terms)
FIELD_GROUPS = {"_name": "party", "_tax_id": "tax_id", "_date": "date", "total": "amount"}
FIELD_NAMES = {code: name for name, code in FIELD_CODES.items()}


def field_group(code: float) -> str:
    name = FIELD_NAMES.get(int(code), "")
    return next((group for end, group in FIELD_GROUPS.items() if name.endswith(end)), "other")


def value_class(kind: str | None, row: dict[str, float]) -> str:
    """The class of a value for its calibration map: whether something confirms it independently of its reader
    (``CONFIRMATIONS``), and for a header field its group (``field_group``: "party/confirmed"); the kind itself for
    a kind without confirmations. Confirmed lines are right about as often on every generator, those without it
    anywhere from a quarter to all of the time, and one map for both scored the confirmed ones far below their rate
    on a generator it never met; so did one map for every header field."""
    if kind not in CONFIRMATIONS:
        return str(kind)
    confirmation = "confirmed" if confirmed(kind, row) else "unconfirmed"
    return f"{field_group(row.get('field', -1.0))}/{confirmation}" if kind == "field" else confirmation


def contradicted(kind: str, row: dict[str, float]) -> bool:
    return any(row.get(name) == value for name, value in CONTRADICTIONS[kind].items())


# what confirms a value independently of the reader that read it, per kind: any one of the alternatives, each
# signals at their least. A line whose row multiplies out and whose table's amounts make the printed subtotal: out of
# generator, lines without it were wrong where the table was read incompletely or misread (blind set 4's dev half: 40
# of 84 lines of tables that do not sum, kept at 0.97+ before). A header field the second reader read alike, the
# customer's history, the document's arithmetic, or a caption at least half of whose words the readers know: out of
# generator, fields with none of these were the wrong ones kept (a party or tax id given to the other party under a
# caption in a language never met, a number or date under an unknown caption: blind set 5's dev half 7 of 8)
CONFIRMATIONS: dict[str, tuple[dict[str, float], ...]] = {
    "line": ({"row_arithmetic": 1.0, "lines_sum_subtotal": 1.0},),
    "field": ({"model_agrees": 1.0}, {"history_agrees": 1.0}, {"arithmetic": 1.0}, {"caption_known": 0.5}),
}


# evidence that another reading is as likely, which no confirmation outweighs, per kind: signals at their least. A
# party whose block's caption another company's block shares ('invoice to' and 'sold to' over two companies): the
# caption confirms the role, not which of the two holds it (blind8's four-block orders, the buyer read off the
# other block at 0.99); a party's name that is none of the page's companies while one of them is neither party's (a
# contact under a 'buyer' caption, the company heading the page passed over). Over blind sets 1-8, the held-out
# factory and the in-family documents: right 3 of 16 and 3 of 23 times (docs/BENCHMARKS.md, `calib11`)
DOUBTS: dict[str, dict[str, float]] = {"field": {"role_rivals": 1.0, "company_passed_over": 1.0}}


def confirmed(kind: str, row: dict[str, float]) -> bool:
    if any(row.get(name, -1.0) >= least for name, least in DOUBTS.get(kind, {}).items()):
        return False
    alternatives = CONFIRMATIONS.get(kind)
    return not alternatives or any(
        all(row.get(name, -1.0) >= least for name, least in alternative.items()) for alternative in alternatives
    )


def missing_as_nan(x: np.ndarray) -> np.ndarray:
    """Signals' "no evidence" (-1) as NaN, which the gradient-boosted trees route as missing."""
    return np.where(x == -1.0, np.nan, x)


class ConfidenceArtifactError(RuntimeError):
    pass


def load_model(folder: Path) -> ConfidenceModel:
    # skops: only when a model is saved or loaded
    import skops.io as sio

    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        raise ConfidenceArtifactError(f"no confidence model in {folder}")
    manifest = json.loads(manifest_path.read_text())
    field_features, line_features = manifest.get("field_features") or [], manifest.get("line_features") or []
    if not set(field_features) <= set(FIELD_FEATURES) or not set(line_features) <= set(LINE_FEATURES):
        raise ConfidenceArtifactError(f"{folder}: fitted on signals this code does not compute; refit it")
    untrusted = sio.get_untrusted_types(file=folder / ESTIMATORS)
    # scikit-learn and numpy types only (HistGradientBoosting keeps its loss as a functools.partial)
    unexpected = [t for t in untrusted if not t.startswith(("sklearn.", "numpy.")) and t != "functools.partial"]
    if unexpected:
        raise ConfidenceArtifactError(f"{folder}: unexpected types in the estimators: {unexpected}")
    estimators = sio.load(folder / ESTIMATORS, trusted=untrusted)
    return ConfidenceModel(
        version=manifest["version"],
        vocabulary=frozenset(manifest.get("vocabulary", [])),
        meta=manifest.get("meta", {}),
        field_features=field_features,
        line_features=line_features,
        missing_nan=bool(manifest.get("missing_nan", False)),
        contradicted_right=manifest.get("contradicted_right", {}),
        # an artefact of before: the kinds it kept under the threshold now go to review with their score as fitted
        review_unconfirmed=tuple(manifest.get("review_unconfirmed", sorted(manifest.get("unconfirmed_below", {})))),
        accept=float(manifest.get("accept", 0.97)),
        **estimators,
    )


_lock = threading.Lock()
_cached: dict[str, ConfidenceModel | None] = {}


def get_confidence_model() -> ConfidenceModel | None:
    """The process-wide model (``LEDGERLENS_CONFIDENCE_MODEL`` or the shipped artifact), loaded once; None when
    switched off or absent (the extractors' own calibrated scores then stand)."""
    setting = os.environ.get(ENV, "")
    with _lock:
        if setting not in _cached:
            model = None
            if setting.lower() != "none":
                folder = Path(setting) if setting else SHIPPED_ARTIFACT
                try:
                    model = load_model(folder)
                    log.info("confidence model %s loaded from %s", model.version, folder)
                except (ConfidenceArtifactError, OSError, ValueError) as exc:
                    log.warning("no learned confidence (%s); the extractors' own scores stand", exc)
            _cached[setting] = model
        return _cached[setting]


def fitted_families() -> set[str]:
    """The layout families the shipped confidence model was fitted on (a bench must test on others)."""
    manifest = SHIPPED_ARTIFACT / "manifest.json"
    if not manifest.is_file():
        return set()
    return set(json.loads(manifest.read_text()).get("meta", {}).get("families", []))
