"""Scoring extractions against the factory's truth, and the ``ledgerlens evaluate extraction`` job.

Measures, on a held-out generated split whose layout families were never trained on (born-digital and
scanned apart) and on FUNSD's test split: header fields exact, line items F1 (a line counts when every
cell is right), expected calibration error, seconds per page; the layout model, the heuristic
extractor and their per-field combination side by side.
"""

from __future__ import annotations

import json
import logging
import lzma
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment
from tqdm.auto import tqdm

from extraction.loading import load_document
from extraction.result import HEADER_FIELDS, LINE_FIELDS, Extraction, Value
from models.layout.artifact import load_bundle
from models.layout.calibration import fit_maps, fit_temperature
from models.layout.combine import LINES, OCR, SOURCE_OPTIONS, combine, pick_field, pick_lines, sources_for
from models.layout.extractor import SHIPPED_ARTIFACT, LayoutExtractor, _champion_folder
from models.metrics import expected_calibration_error, reliability_table
from training.factory.generate import generate
from training.layout import FUNSD_LAYOUT_LR, TrainConfig, collect, page_windows, token_logits, train_funsd

SCORED_HEADER = [name for name in HEADER_FIELDS if name != "payment_terms_days"]


def decode_truth(kind: str, value: Any) -> Value:
    if value is None or value == "":
        return None
    try:
        if kind == "decimal":
            return Decimal(str(value))
        if kind == "date":
            return value if isinstance(value, date) else date.fromisoformat(str(value))
        if kind == "integer":
            return int(value)
    except (InvalidOperation, ValueError):
        return None
    return str(value)


def _text_key(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip().casefold()


def same(kind: str, predicted: Value, truth: Value, name: str | None = None) -> bool:
    if predicted is None or truth is None:
        return predicted is None and truth is None
    if name == "payment_terms" and _text_key(predicted) != _text_key(truth):
        # 'Net 15' is a faithful rendering of 'within 15 days of the invoice date': compare the net days
        from extraction.terms import net_days

        days = net_days(str(predicted))
        return days is not None and days == net_days(str(truth))
    if kind == "decimal":
        return isinstance(predicted, Decimal) and isinstance(truth, Decimal) and predicted == truth
    if kind in ("date", "integer"):
        return predicted == truth
    return _text_key(predicted) == _text_key(truth)


def truth_fields(truth: dict[str, Any]) -> dict[str, Value]:
    raw = truth.get("fields", {})
    out = {}
    for name, kind in HEADER_FIELDS.items():
        value = raw.get(name)
        if isinstance(value, dict):
            value = value.get("value")
        out[name] = decode_truth(kind, value)
    return out


def truth_lines(truth: dict[str, Any]) -> list[dict[str, Value]]:
    lines = []
    for item in truth.get("line_items", []):
        line = {}
        for name, kind in LINE_FIELDS.items():
            value = item.get(name)
            if isinstance(value, dict):
                value = value.get("value")
            line[name] = decode_truth(kind, value)
        lines.append(line)
    return lines


def line_cells(extraction: Extraction) -> list[dict[str, Value]]:
    return [{name: item.value(name) for name in LINE_FIELDS} for item in extraction.line_items]


def line_right(predicted: dict[str, Value], truth: dict[str, Value]) -> bool:
    return all(same(kind, predicted.get(name), truth.get(name)) for name, kind in LINE_FIELDS.items())


def cells_right(predicted: dict[str, Value], truth: dict[str, Value]) -> int:
    return sum(same(kind, predicted.get(name), truth.get(name)) for name, kind in LINE_FIELDS.items())


def match_lines(predicted: Sequence[dict[str, Value]], truth: Sequence[dict[str, Value]]) -> list[int | None]:
    """For each predicted line, the truth line it stands for (most cells in common, each truth line once)."""
    if not predicted or not truth:
        return [None] * len(predicted)

    score = np.array([[cells_right(p, t) for t in truth] for p in predicted], dtype=float)
    rows, cols = linear_sum_assignment(-score)
    out: list[int | None] = [None] * len(predicted)
    for r, c in zip(rows, cols, strict=True):
        if score[r, c] > 0:
            out[r] = int(c)
    return out


def score_values(extraction: Extraction, truth: dict[str, Any]) -> tuple[dict[str, bool], list[bool], bool]:
    """Per header field shown and per line item shown, whether it is right; and whether the whole document is
    (every field and line right, none missing, none extra)."""
    expected = truth_fields(truth)
    fields = {}
    missing = False
    for name in SCORED_HEADER:
        got = extraction.value(name)
        if got is None:
            missing |= expected[name] is not None
            continue
        fields[name] = same(HEADER_FIELDS[name], got, expected[name], name)
    want, got_lines = truth_lines(truth), line_cells(extraction)
    matches = match_lines(got_lines, want)
    lines = [m is not None and line_right(cells, want[m]) for cells, m in zip(got_lines, matches, strict=True)]
    whole = not missing and all(fields.values()) and all(lines) and len(lines) == len(want)
    return fields, lines, whole


@dataclass
class Tally:
    """Counts that add up over documents."""

    header_right: int = 0
    header_total: int = 0
    lines_right: int = 0
    lines_predicted: int = 0
    lines_truth: int = 0
    docs: int = 0
    docs_all_right: int = 0
    per_field: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    confidences: list[float] = field(default_factory=list)  # every value shown, for the ECE
    outcomes: list[bool] = field(default_factory=list)

    def add(self, extraction: Extraction, truth: dict[str, Any]) -> None:
        fields = truth_fields(truth)
        doc_right = True
        for name in SCORED_HEADER:
            kind = HEADER_FIELDS[name]
            predicted, expected = extraction.value(name), fields[name]
            if predicted is None and expected is None:
                continue
            right = same(kind, predicted, expected, name)
            self.header_total += 1
            self.header_right += right
            self.per_field[name][0] += right
            self.per_field[name][1] += 1
            doc_right &= right
            if predicted is not None:
                self.confidences.append(extraction.fields[name].confidence)
                self.outcomes.append(right)
        predicted_lines, expected_lines = line_cells(extraction), truth_lines(truth)
        matches = match_lines(predicted_lines, expected_lines)
        right_lines = 0
        for item, line, match in zip(extraction.line_items, predicted_lines, matches, strict=True):
            right = match is not None and line_right(line, expected_lines[match])
            right_lines += right
            self.confidences.append(item.confidence)
            self.outcomes.append(right)
        self.lines_right += right_lines
        self.lines_predicted += len(predicted_lines)
        self.lines_truth += len(expected_lines)
        doc_right &= right_lines == len(expected_lines) == len(predicted_lines)
        self.docs += 1
        self.docs_all_right += doc_right

    def summary(self) -> dict[str, Any]:
        precision = self.lines_right / self.lines_predicted if self.lines_predicted else 0.0
        recall = self.lines_right / self.lines_truth if self.lines_truth else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "documents": self.docs,
            "header_exact": round(self.header_right / self.header_total, 4) if self.header_total else None,
            "line_precision": round(precision, 4),
            "line_recall": round(recall, 4),
            "line_f1": round(f1, 4),
            "documents_all_right": round(self.docs_all_right / self.docs, 4) if self.docs else None,
            "ece": round(expected_calibration_error(outcomes=self.outcomes, confidences=self.confidences), 4),
            "values_scored": len(self.outcomes),
            "per_field": {k: round(v[0] / v[1], 4) for k, v in sorted(self.per_field.items()) if v[1]},
        }


def entity_spans(labels: Iterable[str]) -> set[tuple[int, int, str]]:
    """BIO labels -> (start, end, type) spans; an ``I-x`` without an open ``x`` opens one (seqeval's lenient rule)."""
    spans: set[tuple[int, int, str]] = set()
    start, kind = 0, None
    labels = list(labels)
    for i, label in enumerate([*labels, "O"]):
        prefix, name = (label[:1], label[2:]) if label != "O" else ("O", None)
        if kind is not None and (prefix in ("O", "B") or name != kind):
            spans.add((start, i, kind))
            kind = None
        if prefix == "B" or (prefix == "I" and kind is None):
            start, kind = i, name
    return spans


def entity_f1(predicted: Sequence[Sequence[str]], truth: Sequence[Sequence[str]]) -> dict[str, float]:
    tp = n_pred = n_true = 0
    for p, t in zip(predicted, truth, strict=True):
        ps, ts = entity_spans(p), entity_spans(t)
        tp += len(ps & ts)
        n_pred += len(ps)
        n_true += len(ts)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


# ------------------------------------------------------------------ evaluation of the layout model


def heuristic_extractor() -> Any:
    """The heuristic extractor of ``extraction.heuristic``, or None where it is not there."""
    try:
        # optional: None where this build has no heuristic extractor
        from extraction import heuristic
    except ImportError:
        return None
    for name in ("HeuristicExtractor", "Extractor"):
        cls = getattr(heuristic, name, None)
        if cls is not None:
            return cls()
    return None


def safe_extract(extractor: Any, doc: Any) -> Extraction:
    """The rival's extraction, or an empty one where it fails (its failure counts against it, not the job)."""
    try:
        return extractor.extract(doc)
    except Exception as exc:  # another room's bug must not throw away a trained model
        logging.getLogger(__name__).warning("heuristic extractor failed: %r", exc)
        return Extraction("other", max(1, doc.page_count), review_reasons=[f"extractor failed: {exc!r}"])


def _tally(items: Iterable[tuple[Extraction, dict[str, Any]]]) -> dict[str, Any]:
    tally = Tally()
    for extraction, truth in items:
        tally.add(extraction, truth)
    return tally.summary()


MIN_OCR_DOCS = 15  # fewer OCR'd documents than this in the calibration split: they follow the born-digital choice


def calibrate_and_choose(
    bundle: Any, docs: Sequence[Any], progress: bool = True, heuristic: bool = True, read_scans: bool = False
) -> dict[str, Any]:
    """On held-out documents: the temperature, the row-grouping strategy, the confidence maps, and per field
    (born-digital and OCR'd documents apart) which source the combination takes. Sets them on ``bundle``;
    returns the figures. ``read_scans``: scans are read as the service reads them (see ``evaluate_generated``)."""
    label2id = {label: i for i, label in enumerate(bundle.labels)}
    windows = [w for d in docs for w in page_windows(bundle.tokenizer, d, label2id, bundle.max_length, bundle.stride)]
    logits, labels = token_logits(bundle.model, windows)
    bundle.calibrator.temperature = fit_temperature(logits, labels)
    extractor = LayoutExtractor(bundle)
    tagged = []
    for d in tqdm(docs, desc="tag calibration split", disable=not progress):
        doc = served_document(d) if read_scans and d.scanned else d.document()
        tagged.append((d, doc, extractor.tag(doc)))
    by_strategy = {}
    for strategy in ("sequence", "geometry"):
        bundle.strategy = strategy
        by_strategy[strategy] = _tally((extractor.assemble(doc, t), d.truth) for d, doc, t in tagged)
    bundle.strategy = max(by_strategy, key=lambda s: (by_strategy[s]["line_f1"], s == "sequence"))
    records = []
    for d, doc, t in tagged:
        records += value_records(extractor, d, doc, t)
    bundle.calibrator.maps = fit_maps(records)
    choice: dict[str, Any] = {
        "temperature": round(bundle.calibrator.temperature, 4),
        "strategy": bundle.strategy,
        "line_f1_by_strategy": {s: v["line_f1"] for s, v in by_strategy.items()},
        "calibration_values": len(records),
    }
    rival = heuristic_extractor() if heuristic else None
    if rival is not None:
        pairs = [(extractor.assemble(doc, t), safe_extract(rival, doc), d.truth) for d, doc, t in tagged]
        born = [p for p, (d, _, _) in zip(pairs, tagged, strict=True) if not d.scanned] or pairs
        scans = [p for p, (d, _, _) in zip(pairs, tagged, strict=True) if d.scanned]
        sources = choose_sources(born)
        records = combined_records(born, sources)
        if len(scans) >= MIN_OCR_DOCS:
            sources.update({OCR + k: v for k, v in choose_sources(scans).items()})
            records += combined_records(scans, sources_for(sources, True), OCR)
        bundle.field_sources = sources
        bundle.calibrator.maps.update(fit_maps(records))
        choice["field_sources"] = bundle.field_sources
    return choice


def choose_sources(pairs: Sequence[tuple[Extraction, Extraction, dict[str, Any]]]) -> dict[str, str]:
    """Per header field, the source option (``models.layout.combine.SOURCE_OPTIONS``) most often right on
    held-out (model, heuristic, truth) triples; ties go to the simpler option, the heuristic first. For the
    lines, the extractor with the better line F1."""
    sources = {}
    for name in SCORED_HEADER:
        kind = HEADER_FIELDS[name]
        right = dict.fromkeys(SOURCE_OPTIONS, 0)
        for model, rival, truth in pairs:
            expected = truth_fields(truth)[name]
            for option in SOURCE_OPTIONS:
                value, _ = pick_field(name, model, rival, option)
                right[option] += same(kind, value.value if value else None, expected, name)
        sources[name] = max(SOURCE_OPTIONS, key=lambda o: right[o])  # max keeps the first of equals
    model_f1 = _tally((m, t) for m, _, t in pairs)["line_f1"]
    rival_f1 = _tally((h, t) for _, h, t in pairs)["line_f1"]
    sources[LINES] = "heuristic" if rival_f1 >= model_f1 else "model"
    return sources


def combined_records(
    pairs: Sequence[tuple[Extraction, Extraction, dict[str, Any]]], sources: dict[str, str], prefix: str = ""
) -> list[tuple[str, str, float, bool]]:
    """(kind, agreement, confidence, right) of every value the combination would show: its calibration data."""
    records: list[tuple[str, str, float, bool]] = []
    for model, rival, truth in pairs:
        expected = truth_fields(truth)
        for name in SCORED_HEADER:
            value, status = pick_field(name, model, rival, sources.get(name, "heuristic"))
            if value is not None:
                right = same(HEADER_FIELDS[name], value.value, expected[name], name)
                records.append((prefix + "combined-field", status, value.confidence, right))
        picked = pick_lines(model, rival, sources.get(LINES, "heuristic"))
        expected_lines = truth_lines(truth)
        cells = [{name: item.value(name) for name in LINE_FIELDS} for item, _ in picked]
        for (item, status), line, match in zip(picked, cells, match_lines(cells, expected_lines), strict=True):
            right = match is not None and line_right(line, expected_lines[match])
            records.append((prefix + "combined-line", status, item.confidence, right))
    return records


def value_records(extractor: Any, labelled: Any, doc: Any, tagged: Any) -> list[tuple[str, str, float, bool]]:
    """(kind, arithmetic status, raw score, right) for every value the model would show: the calibration data."""
    fields, rows, checks = extractor.raw_values(doc, tagged)
    expected = truth_fields(labelled.truth)
    records = []
    for name, raw in fields.items():
        right = same(HEADER_FIELDS[name], raw.value, expected.get(name), name)
        records.append(("field", checks.field_status.get(name, "na"), raw.score, right))
    expected_lines = truth_lines(labelled.truth)
    predicted = [{name: cell.value for name, cell in row.cells.items()} for row in rows]
    matches = match_lines(predicted, expected_lines)
    for row, cells, match, status in zip(rows, predicted, matches, checks.row_status, strict=True):
        truth_line = expected_lines[match] if match is not None else {}
        records.append(("line", status, row.score, match is not None and line_right(cells, truth_line)))
        for name, cell in row.cells.items():
            records.append(("cell", status, cell.score, same(LINE_FIELDS[name], cell.value, truth_line.get(name))))
    return records


def evaluate_generated(
    bundle: Any,
    docs: Sequence[Any],
    progress: bool = True,
    heuristic: bool = True,
    figures_dir: Any = None,
    read_scans: bool = False,
) -> dict[str, Any]:
    """Held-out families, born-digital and scanned apart: model, heuristic and combined side by side.

    ``read_scans``: a scan is read from its image by the service's own loader and OCR (deskew, its page
    segmentation) rather than from the factory's OCR words in its label: what the service would see."""
    extractor = LayoutExtractor(bundle)
    rival = heuristic_extractor() if heuristic else None
    results: dict[str, Any] = {}
    reliability: tuple[list[float], list[bool]] = ([], [])
    confusion_pairs: list[tuple[str, str]] = []
    for scanned, split in ((False, "born_digital"), (True, "scanned")):
        subset = [d for d in docs if d.scanned == scanned]
        if not subset:
            continue
        systems: dict[str, Tally] = defaultdict(Tally)
        seconds, pages = 0.0, 0
        for labelled in tqdm(subset, desc=f"evaluate {split}", disable=not progress):
            doc = served_document(labelled) if read_scans and scanned else labelled.document()
            start = time.perf_counter()
            tagged = extractor.tag(doc)
            model_extraction = extractor.assemble(doc, tagged)
            seconds += time.perf_counter() - start
            pages += doc.page_count
            systems["model"].add(model_extraction, labelled.truth)
            strategy = bundle.strategy
            for other in ("sequence", "geometry"):
                bundle.strategy = other
                systems[f"model_{other}_rows"].add(extractor.assemble(doc, tagged), labelled.truth)
            bundle.strategy = strategy
            if not (read_scans and scanned):  # the label's tags are for the label's words
                truth_tags = [w.get("tag") or "O" for p in labelled.pages for w in p["words"]]
                pairs = zip(truth_tags, tagged, strict=False)
                confusion_pairs += [(t[2:] or "O", w.label[2:] or "O") for t, w in pairs]
            if rival is not None:
                rival_extraction = safe_extract(rival, doc)
                systems["heuristic"].add(rival_extraction, labelled.truth)
                combined = combine(
                    model_extraction,
                    rival_extraction,
                    bundle.field_sources,
                    extractor.review_threshold,
                    bundle.calibrator,
                    ocr=scanned,
                )
                systems["combined"].add(combined, labelled.truth)
        results[split] = {name: tally.summary() for name, tally in systems.items()}
        results[split]["model"]["seconds_per_page"] = round(seconds / max(1, pages), 4)
        results[split]["model"]["threads"] = __import__("torch").get_num_threads()
        reliability[0].extend(systems["model"].confidences)
        reliability[1].extend(systems["model"].outcomes)
    if figures_dir is not None:
        results["figures"] = [str(p) for p in write_figures(figures_dir, confusion_pairs, *reliability)]
    return results


def served_document(labelled: Any) -> Any:
    """The document as the service reads it: its file through ``extraction.loading`` (OCR for scans)."""
    if labelled.file is None:
        return labelled.document()
    return load_document(labelled.file.read_bytes(), labelled.file.name)


def write_figures(
    folder: Any, pairs: Sequence[tuple[str, str]], confidences: Sequence[float], outcomes: Sequence[bool]
) -> list[Any]:
    """The word-level confusion matrix (entities, B/I merged) and the reliability diagram, as PNG."""
    import matplotlib  # a second to import, and the Agg backend must be chosen first: only when figures are drawn

    matplotlib.use("Agg")
    # pyplot only after the backend is chosen
    import matplotlib.pyplot as plt

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    names = sorted({t for t, _ in pairs} | {p for _, p in pairs}, key=lambda n: (n != "O", n))
    if names:
        index = {n: i for i, n in enumerate(names)}
        matrix = np.zeros((len(names), len(names)))
        for t, p in pairs:
            matrix[index[t], index[p]] += 1
        share = matrix / np.maximum(1, matrix.sum(axis=1, keepdims=True))
        fig, ax = plt.subplots(figsize=(9, 8))
        ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
        ax.set_xticks(range(len(names)), names, rotation=90, fontsize=7)
        ax.set_yticks(range(len(names)), names, fontsize=7)
        ax.set_xlabel("predicted")
        ax.set_ylabel("true")
        ax.set_title("Layout tagger, held-out families: share of each true entity's words")
        fig.tight_layout()
        paths.append(folder / "confusion_matrix.png")
        fig.savefig(paths[-1], dpi=110)
        plt.close(fig)
    fig, ax = plt.subplots(figsize=(5, 5))
    table = reliability_table(outcomes=outcomes, confidences=confidences)
    ax.plot([0, 1], [0, 1], "--", color="grey")
    ax.bar(
        [r["low"] for r in table], [r["accuracy"] for r in table], width=0.1, align="edge", alpha=0.6, label="accuracy"
    )
    ax.plot([r["confidence"] for r in table], [r["accuracy"] for r in table], "o-", label="mean confidence")
    ece = expected_calibration_error(outcomes=outcomes, confidences=confidences)
    ax.set_title(f"Reliability, held-out families (ECE {ece:.3f}, n={len(outcomes)})")
    ax.set_xlabel("confidence")
    ax.set_ylabel("share right")
    ax.legend()
    fig.tight_layout()
    paths.append(folder / "reliability_diagram.png")
    fig.savefig(paths[-1], dpi=110)
    plt.close(fig)
    return paths


# ------------------------------------------------------------------ the `ledgerlens evaluate extraction` job

PAPER_FUNSD = {"BERT-base (LayoutLM paper table)": 0.6026, "LayoutLM-base (LayoutLM paper table)": 0.7866}


def unseen_family_set(
    folder: Any, trained_families: Sequence[str], n_po: int, n_contract: int, scanned_share: float, seed: int
) -> list[Any]:
    """Documents of layout families the model never trained on, born-digital and scanned (generated once)."""
    folder = Path(folder)
    exclude = {f"!{family}" for family in trained_families} or None
    plan: tuple[tuple[Literal["po", "contract"], int, int], ...] = (("po", n_po, 0), ("contract", n_contract, 1))
    for kind, n, offset in plan:
        target = folder / kind
        if n <= 0 or (target.is_dir() and any(target.glob(f"{kind}-*.pdf"))):
            continue
        try:
            generate(kind, n, target, seed=seed + offset, scanned_share=scanned_share, workers=2, families=exclude)
        except ImportError as exc:  # a kind the factory cannot make yet
            print(f"skipping {kind}: {exc}")
    trained = set(trained_families)
    return [d for d in collect(folder) if d.family not in trained] if folder.is_dir() else []


def evaluate_extraction(
    artifact: Any = None,
    data: Any = None,
    n_po: int = 150,
    n_contract: int = 50,
    scanned_share: float = 0.5,
    seed: int = 7001,
    funsd: Any = None,
    funsd_epochs: int = 0,
    out: Any = None,
    progress: bool = True,
    figures_dir: Any = None,
    read_scans: bool = True,
    data_dir: Path | None = None,
) -> dict[str, Any]:
    """Model vs heuristic vs combined on unseen layout families (and FUNSD); prints nothing, returns the figures.

    ``data_dir``: the data folder whose MLflow registry may hold the champion (when no ``artifact`` is given) and
    where the evaluation documents are generated (when no ``data`` is given)."""
    champion = _champion_folder(data_dir) if data_dir and not artifact else None
    folder = Path(artifact) if artifact else (champion or SHIPPED_ARTIFACT)
    bundle = load_bundle(folder)
    if data is None:
        if data_dir is None:
            raise ValueError("give the evaluation documents (data) or a data_dir to generate them in")
        data = data_dir / "datasets" / f"layout-eval-{seed}"
    docs = unseen_family_set(data, bundle.meta.get("trained_families", []), n_po, n_contract, scanned_share, seed)
    report: dict[str, Any] = {
        "model_version": bundle.version,
        "artifact": str(folder),
        "evaluated_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "targets": {
            "header_exact": {"born_digital": 0.99, "scanned": 0.97},
            "line_f1": {"born_digital": 0.97, "scanned": 0.92},
            "ece": 0.03,
            "funsd_entity_f1": 0.80,
            "seconds_per_born_digital_page_1_core": 0.15,
        },
        "scans_read_by": "the service's loader and OCR" if read_scans else "the factory's OCR words in the labels",
        "generated": evaluate_generated(
            bundle, docs, progress=progress, figures_dir=figures_dir or Path(folder) / "figures", read_scans=read_scans
        )
        if docs
        else {},
    }
    if funsd is not None and funsd_epochs > 0:
        config = TrainConfig(epochs=funsd_epochs, batch_size=4, lr=1e-4, fresh_lr=1e-3, layout_lr=FUNSD_LAYOUT_LR)
        # the evaluated model's encoder, its 2-D layout embeddings learned on the factory's documents, as the
        # LayoutLM paper fine-tunes an encoder pre-trained on documents
        result = train_funsd(Path(funsd), config=config, track=False, progress=progress, init_from=folder)
        report["funsd"] = {
            "model_entity": result["entity"],
            "epochs": funsd_epochs,
            "encoder_from": str(folder),
            "published": PAPER_FUNSD,
        }
    if out is not None:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(json.dumps(report, indent=2, default=str))
    return report


# ------------------------------------------------------------------ Kleister-NDA: real contracts, zero-shot


def _party_key(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.replace("_", " ").casefold()).strip()


def evaluate_kleister(bundle: Any, root: Any, n: int = 30, pages: int = 2, progress: bool = True) -> dict[str, Any]:
    """Effective date and parties on real EDGAR NDAs (text layer of the first ``pages`` pages), model vs heuristic.

    The tagger never saw these documents; the NDA's parties are compared with the buyer and vendor names
    (fuzzy ratio >= 90 after dropping punctuation), the effective date exactly.
    """
    root = Path(root)
    rows = [line.rstrip("\n").split("\t") for line in (root / "train" / "expected.tsv").open()]

    with lzma.open(root / "train" / "in.tsv.xz", "rt") as handle:
        names = [line.split("\t", 1)[0] for line in handle]
    systems = {"model": LayoutExtractor(bundle), "heuristic": heuristic_extractor()}
    counts = {name: {"date_right": 0, "date_total": 0, "parties_found": 0, "parties_total": 0} for name in systems}
    done = 0
    for filename, row in tqdm(list(zip(names, rows, strict=False)), desc="kleister", disable=not progress):
        if done >= n:
            break
        gold: dict[str, list[str]] = defaultdict(list)
        for item in row[0].split(" ") if row else []:
            key, _, value = item.partition("=")
            gold[key].append(value)
        try:
            doc = load_document((root / "documents" / filename).read_bytes(), filename)
        except Exception:  # an unreadable PDF is the loader's business, not this figure's
            continue
        doc.pages = doc.pages[:pages]
        done += 1
        for name, system in systems.items():
            if system is None:
                continue
            extraction = safe_extract(system, doc)
            if gold.get("effective_date"):
                counts[name]["date_total"] += 1
                found = extraction.value("effective_date")
                counts[name]["date_right"] += str(found) == gold["effective_date"][0]
            names_found = [_party_key(str(extraction.value(k) or "")) for k in ("buyer_name", "vendor_name")]
            for party in gold.get("party", []):
                counts[name]["parties_total"] += 1
                counts[name]["parties_found"] += any(
                    found and fuzz.ratio(_party_key(party), found) >= 90 for found in names_found
                )
    return {
        "documents": done,
        "pages_read": pages,
        **{
            name: {
                "effective_date_exact": round(c["date_right"] / c["date_total"], 4) if c["date_total"] else None,
                "party_recall": round(c["parties_found"] / c["parties_total"], 4) if c["parties_total"] else None,
            }
            for name, c in counts.items()
            if systems[name] is not None
        },
    }
