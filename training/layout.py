"""``ledgerlens train layout``: fine-tune the layout tagger on the factory's documents, calibrate, register.

Steps: generate (or read) labelled documents; split them by layout family (held-out families for the test,
a share of the rest for calibration); fine-tune LayoutLM-over-MiniLM on the training pages (scans on
their OCR words); fit the temperature and the isotonic confidence maps on the calibration split; choose
the row-grouping strategy and, per field, model or heuristic on it; evaluate on the held-out families;
log params, per-epoch metrics and the PNG figures to MLflow; save the artifact and register it as champion.

mlflow is imported where a run is tracked (seconds to import; tests and untracked runs never need it), and
``training.evaluate_layout`` where it is used (it imports this module).
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import torch
from tqdm.auto import tqdm

from extraction.document import Document, Page, Word
from models.layout.artifact import LayoutBundle, load_bundle, save_bundle
from models.layout.extractor import MODEL_NAME, page_logits
from models.layout.labels import EXTRACTION_LABELS, FUNSD_LABELS
from models.layout.modeling import build_model, load_tokenizer
from models.layout.windowing import IGNORE, Window, collate, encode_page
from models.registry import configure, register
from training.factory.funsd import load_funsd
from training.factory.generate import generate

log = logging.getLogger(__name__)


# ------------------------------------------------------------------ labelled documents


@dataclass
class LabelledDoc:
    doc_id: str
    doc_type: str
    family: str
    scanned: bool
    truth: dict[str, Any]
    pages: list[dict[str, Any]]  # the text layer's words (born-digital) or the OCR's words (scans)
    file: Path | None = None  # the document itself (PDF or scan image), where it lies beside its label

    def document(self) -> Document:
        return Document(
            pages=[
                Page(
                    number=int(p.get("page", i + 1)),
                    width=float(p.get("width", 1000)),
                    height=float(p.get("height", 1000)),
                    words=[Word(w["text"], tuple(v / 1000 for v in w["box"])) for w in p["words"]],  # type: ignore[arg-type]
                    source="ocr" if self.scanned else "text",
                )
                for i, p in enumerate(self.pages)
            ]
        )


def read_label(path: Path) -> LabelledDoc:
    data = json.loads(path.read_text())
    doc = from_label(data, path.stem)
    if data.get("file") and (path.parent / data["file"]).is_file():
        doc.file = path.parent / data["file"]
    return doc


def from_label(data: dict[str, Any], name: str = "doc") -> LabelledDoc:
    """A factory label (scans are read on their OCR words, as the service would see them)."""
    scanned = bool(data.get("scanned")) and bool(data.get("ocr_pages"))
    return LabelledDoc(
        doc_id=str(data.get("doc_id", name)),
        doc_type=str(data.get("doc_type", "other")),
        family=str(data.get("layout_family", "unknown")),
        scanned=scanned,
        truth=data.get("truth", {}),
        pages=data["ocr_pages"] if scanned else data["pages"],
    )


def read_labels(folder: Path) -> list[LabelledDoc]:
    """Every label file of the factory in ``folder`` (draft invoices and the dataset card are skipped)."""
    skip = (".invoices.json", "dataset_card.json")
    return [read_label(p) for p in sorted(folder.glob("*.json")) if not p.name.endswith(skip) and p.name[0] != "_"]


def split_by_family(
    docs: Sequence[LabelledDoc], test_share: float, calibration_share: float, seed: int
) -> tuple[list[LabelledDoc], list[LabelledDoc], list[LabelledDoc]]:
    """(train, calibration, test): the test's layout families never occur in train or calibration."""
    families = sorted({d.family for d in docs})
    random.Random(seed).shuffle(families)
    n_test = max(1, round(len(families) * test_share)) if len(families) > 1 else 0
    test_families = set(families[:n_test])
    rest = [d for d in docs if d.family not in test_families]
    test = [d for d in docs if d.family in test_families]
    order = list(range(len(rest)))
    random.Random(seed + 1).shuffle(order)
    n_cal = round(len(rest) * calibration_share)
    calibration = [rest[i] for i in order[:n_cal]]
    train = [rest[i] for i in order[n_cal:]]
    return train, calibration, test


def page_windows(
    tokenizer: Any, doc: LabelledDoc, label2id: dict[str, int], max_length: int, stride: int
) -> list[Window]:
    windows = []
    for page in doc.pages:
        words = [w["text"] for w in page["words"]]
        boxes = [w["box"] for w in page["words"]]
        labels = [label2id.get(w.get("tag") or "O", 0) for w in page["words"]]
        windows += encode_page(tokenizer, words, boxes, labels, max_length=max_length, stride=stride)
    return windows


# ------------------------------------------------------------------ training loop


def batches(windows: Sequence[Window], size: int, rng: random.Random) -> Iterator[list[Window]]:
    """Batches of windows of similar length (little padding), in random order."""
    order = sorted(range(len(windows)), key=lambda i: (len(windows[i].input_ids), rng.random()))
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    for group in groups:
        yield [windows[i] for i in group]


def _is_fresh(name: str) -> bool:
    return "_position_embeddings" in name and name.split(".")[-2][:1] in "xyhw" or name.startswith("classifier")


@torch.inference_mode()
def token_logits(
    model: torch.nn.Module, windows: Sequence[Window], batch_size: int = 16
) -> tuple[np.ndarray, np.ndarray]:
    """Logits and labels of every labelled first piece."""
    model.eval()
    all_logits, all_labels = [], []
    for i in range(0, len(windows), batch_size):
        inputs = collate(windows[i : i + batch_size])
        labels = inputs.pop("labels")
        logits = model(**inputs).logits
        mask = labels != IGNORE
        all_logits.append(logits[mask].float().numpy())
        all_labels.append(labels[mask].numpy())
    if not all_logits:
        num_labels = int(model.config.num_labels)  # type: ignore[union-attr,arg-type]  # torch types config loosely
        return np.zeros((0, num_labels), dtype=np.float32), np.zeros(0, dtype=np.int64)
    return np.concatenate(all_logits), np.concatenate(all_labels)


def token_metrics(logits: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    if len(labels) == 0:
        return {}
    predicted = logits.argmax(-1)
    tagged = labels != 0
    loss = torch.nn.functional.cross_entropy(torch.tensor(logits), torch.tensor(labels)).item()
    return {
        "loss": loss,
        "word_accuracy": float((predicted == labels).mean()),
        "tagged_word_recall": float((predicted[tagged] == labels[tagged]).mean()) if tagged.any() else 0.0,
    }


@dataclass
class TrainConfig:
    epochs: int = 3
    batch_size: int = 8
    lr: float = 1e-4
    fresh_lr: float = 1e-3  # the classifier (and the 2-D embeddings, unless layout_lr) starts from nothing
    # the 2-D position embeddings: at fresh_lr (None) they learn where each of 149 FUNSD forms puts its
    # entities (train loss 0.33 vs 0.68 text-only, test loss rising from epoch 3)
    layout_lr: float | None = None
    warmup: float = 0.1
    max_length: int = 512
    stride: int = 128
    seed: int = 13
    max_steps: int | None = None
    max_minutes: float | None = None  # stop training when this much time has passed (a budget on a busy CPU)
    threads: int = 1  # on a shared or small CPU one thread beats two that wait on each other
    freeze_word_embeddings: bool = True  # keeps MiniLM's vocabulary as it is; a third less to update


def param_groups(model: torch.nn.Module, config: TrainConfig) -> list[dict[str, Any]]:
    """The trainable weights by learning rate: encoder ``lr``, classifier ``fresh_lr``, 2-D embeddings ``layout_lr``."""
    layout_lr = config.fresh_lr if config.layout_lr is None else config.layout_lr
    groups: dict[float, list[torch.nn.Parameter]] = {}
    for name, weight in model.named_parameters():
        if weight.requires_grad:
            lr = config.lr if not _is_fresh(name) else config.fresh_lr if "classifier" in name else layout_lr
            groups.setdefault(lr, []).append(weight)
    return [{"params": weights, "lr": lr} for lr, weights in groups.items()]


def fit(
    model: torch.nn.Module,
    train: Sequence[Window],
    val: Sequence[Window],
    config: TrainConfig,
    on_epoch: Callable[[int, dict[str, float]], None] | None = None,
    progress: bool = True,
) -> list[dict[str, float]]:
    torch.manual_seed(config.seed)
    rng = random.Random(config.seed)
    steps_per_epoch = math.ceil(len(train) / config.batch_size)
    total = steps_per_epoch * config.epochs
    if config.max_steps:
        total = min(total, config.max_steps)
    if config.freeze_word_embeddings:
        model.get_input_embeddings().weight.requires_grad_(False)  # type: ignore[operator]  # torch stub
    optimiser = torch.optim.AdamW(param_groups(model, config), weight_decay=0.01)
    warmup = max(1, int(total * config.warmup))
    started = time.perf_counter()
    budget = 60 * config.max_minutes if config.max_minutes else math.inf
    deadline = started + budget

    def done(step: int) -> float:
        """Share of the run behind us, by steps or by the time budget, whichever is further on: the learning
        rate decays to zero at the deadline too, not only at the last step."""
        return max(step / total, (time.perf_counter() - started) / budget)

    warmup_share = warmup / total
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (1 - done(s)) / max(1e-9, 1 - warmup_share)))
    )
    history = []
    step = 0
    bar = tqdm(total=total, desc="train layout", unit="step", disable=not progress)
    for epoch in range(1, config.epochs + 1):
        model.train()
        losses = []
        for batch in batches(train, config.batch_size, rng):
            if step >= total or time.perf_counter() > deadline:
                break
            loss = model(**collate(batch)).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            optimiser.zero_grad()
            losses.append(loss.item())
            step += 1
            bar.update(1)
            bar.set_postfix(epoch=epoch, loss=f"{np.mean(losses[-20:]):.3f}")
        metrics = {"train_loss": float(np.mean(losses)) if losses else float("nan")}
        metrics.update({f"val_{k}": v for k, v in token_metrics(*token_logits(model, val)).items()})
        history.append(metrics)
        if on_epoch:
            on_epoch(epoch, metrics)
        if step >= total or time.perf_counter() > deadline:
            break
    bar.close()
    model.eval()
    return history


# ------------------------------------------------------------------ the job


@dataclass
class JobResult:
    artifact: Path
    metrics: dict[str, Any]
    run_id: str | None = None
    version: str | None = None
    history: list[dict[str, float]] = field(default_factory=list)


def generate_data(out: Path, n_po: int, n_contract: int, scanned_share: float, seed: int, workers: int) -> Path:
    """Labelled documents from the factory (kept between runs: same seed, same folder, nothing regenerated)."""
    out.mkdir(parents=True, exist_ok=True)
    plan: tuple[tuple[Literal["po", "contract"], int, int], ...] = (("po", n_po, 0), ("contract", n_contract, 1))
    for kind, n, offset in plan:
        if n <= 0:
            continue
        target = out / kind
        if len(read_labels(target)) >= n if target.is_dir() else False:
            continue
        generate(kind, n, target, seed=seed + offset, scanned_share=scanned_share, workers=workers, progress=True)
    return out


def collect(folder: Path) -> list[LabelledDoc]:
    docs = read_labels(folder)
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []:
        docs += read_labels(sub)
    return docs


def collect_all(data: Path | list[Path]) -> list[LabelledDoc]:
    """The labelled documents of one folder or several (each with its sub-folders)."""
    return [d for folder in (data if isinstance(data, list) else [data]) for d in collect(folder)]


def main(
    data: Path | list[Path] | None = None,
    out: Path | None = None,
    n_po: int = 400,
    n_contract: int = 150,
    scanned_share: float = 0.3,
    config: TrainConfig | None = None,
    test_share: float = 0.25,
    calibration_share: float = 0.2,
    tiny: bool = False,
    track: bool = True,
    register_model: bool = True,
    data_dir: Path | None = None,
    progress: bool = True,
    heuristic: bool = True,
    init_from: Path | None = None,
    corrections: Path | None = None,
) -> JobResult:
    """Train, calibrate, evaluate, save to ``out`` and (with ``track``) log and register in MLflow.

    ``init_from`` continues from an earlier artifact's weights (e.g. a first round on born-digital POs, then
    contracts and scans); the families it trained on stay out of every evaluation.
    """
    config = config or TrainConfig()
    torch.set_num_threads(config.threads)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    started = time.perf_counter()
    if data is None:
        folder = _need(data_dir, "generating the training data") / "datasets" / f"layout-{config.seed}"
        data = generate_data(folder, n_po, n_contract, scanned_share, config.seed, 2)
    out = out or _need(data_dir, "the default output folder") / "models" / "layout"
    docs = collect_all(data)
    if not docs:
        raise ValueError(f"no labelled documents (*.json) in {data}")
    tokenizer = load_tokenizer()
    earlier = None
    if init_from is not None:
        earlier = load_bundle(init_from, tokenizer)
    earlier_families = set(earlier.meta.get("trained_families", [])) if earlier else set()
    train_docs, cal_docs, test_docs = split_by_family(docs, test_share, calibration_share, config.seed)
    # a family the earlier model trained on is not unseen: it trains this round instead of scoring it
    train_docs += [d for d in test_docs if d.family in earlier_families]
    test_docs = [d for d in test_docs if d.family not in earlier_families]
    if corrections is not None and corrections.is_dir():
        train_docs += collect(corrections)  # reviewers' labels train the model; they never score it
    labels = EXTRACTION_LABELS
    label2id = {label: i for i, label in enumerate(labels)}
    overrides: dict[str, Any] = (
        {"tiny": True, "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 128}
        if tiny
        else {}
    )
    model = earlier.model if earlier else build_model(labels, pretrained=not tiny, **overrides)
    windows = lambda ds: [w for d in ds for w in page_windows(tokenizer, d, label2id, config.max_length, config.stride)]  # noqa: E731
    train_windows, cal_windows = windows(train_docs), windows(cal_docs)
    params = {
        "documents": len(docs),
        "train_documents": len(train_docs),
        "calibration_documents": len(cal_docs),
        "test_documents": len(test_docs),
        "test_families": len({d.family for d in test_docs}),
        "train_windows": len(train_windows),
        "tiny": tiny,
        "init_from": str(init_from) if init_from else "minilm",
        **{k: v for k, v in config.__dict__.items()},
    }
    run = _start_run(track, data_dir, params)
    try:
        history = fit(
            model,
            train_windows,
            cal_windows,
            config,
            on_epoch=(lambda epoch, metrics: _log_metrics(run, metrics, epoch)) if run else None,
            progress=progress,
        )
        bundle = LayoutBundle(model, tokenizer, labels, max_length=config.max_length, stride=config.stride)
        bundle.version = f"layout-{time.strftime('%Y%m%d-%H%M%S')}"
        families = sorted({d.family for d in train_docs + cal_docs} | earlier_families)
        stage = {"trained_on": params, "trained_families": families, "stage": "trained, not yet calibrated"}
        save_bundle(bundle, out, extra=stage)  # a run stopped during calibration can be finished by recalibrate()
        result = finish(bundle, cal_docs, test_docs, out, params, families, run, register_model, heuristic, progress)
        result.history = history
        result.metrics["train_seconds"] = round(time.perf_counter() - started, 1)
        return result
    finally:
        if run:
            # mlflow: ~2 s to import, only when a run is logged or the registry is read
            import mlflow

            mlflow.end_run()


def finish(
    bundle: LayoutBundle,
    cal_docs: Sequence[LabelledDoc],
    test_docs: Sequence[LabelledDoc],
    out: Path,
    params: dict[str, Any],
    families: list[str],
    run: Any = None,
    register_model: bool = True,
    heuristic: bool = True,
    progress: bool = True,
    read_scans: bool = True,
) -> JobResult:
    """Calibrate on ``cal_docs``, evaluate on ``test_docs``, save to ``out``; log and register with ``run``.

    Scans are read as the service reads them (``read_scans``) for the choice of sources and the scores."""
    # a cycle: training.evaluate_layout imports this module
    from training.evaluate_layout import calibrate_and_choose, evaluate_generated

    choice = calibrate_and_choose(bundle, cal_docs, progress=progress, heuristic=heuristic, read_scans=read_scans)
    metrics = evaluate_generated(bundle, test_docs, progress, heuristic, out / "figures", read_scans)
    figures = [Path(p) for p in metrics.pop("figures", [])]
    metrics["choice"] = choice
    extra = {"metrics": _flat_headline(metrics), "trained_on": params, "trained_families": families}
    save_bundle(bundle, out, extra=extra)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, default=str))
    run_id = version = None
    if run:
        # mlflow: ~2 s to import, only when a run is logged or the registry is read
        import mlflow

        _log_metrics(run, _flat_headline(metrics), None)
        for figure in figures:
            mlflow.log_artifact(str(figure), artifact_path="figures")
        mlflow.log_artifact(str(out / "metrics.json"))
        mlflow.log_artifacts(str(out), artifact_path="model")
        run_id = run.info.run_id
        if register_model:
            version = register(run_id, MODEL_NAME)
    return JobResult(out, metrics, run_id, version)


def recalibrate(
    artifact: Path,
    data: Path | list[Path],
    out: Path | None = None,
    seed: int = 13,
    test_share: float = 0.25,
    calibration_share: float = 0.2,
    track: bool = True,
    register_model: bool = True,
    data_dir: Path | None = None,
    progress: bool = True,
) -> JobResult:
    """Calibrate, choose and evaluate a trained artifact again (after a change to decoding or grouping).

    The split is the training job's (same data, shares and seed); a test document whose family the
    model trained on, in this round or an earlier one, is left out."""
    bundle = load_bundle(artifact)
    docs = collect_all(data)
    _, cal_docs, test_docs = split_by_family(docs, test_share, calibration_share, seed)
    families = list(bundle.meta.get("trained_families", []))
    trained = set(families)
    test_docs = [d for d in test_docs if d.family not in trained]
    params = {**bundle.meta.get("trained_on", {}), "recalibrated_from": str(artifact)}
    run = _start_run(track, data_dir, params, name="recalibrate-layout")
    try:
        out = out or artifact
        return finish(bundle, cal_docs, test_docs, out, params, families, run, register_model, progress=progress)
    finally:
        if run:
            # mlflow: ~2 s to import, only when a run is logged or the registry is read
            import mlflow

            mlflow.end_run()


def _flat_headline(metrics: dict[str, Any]) -> dict[str, float]:
    flat = {}
    for split, values in metrics.items():
        if isinstance(values, dict):
            for system, figures in values.items():
                if isinstance(figures, dict):
                    for name, value in figures.items():
                        if isinstance(value, int | float) and not isinstance(value, bool):
                            flat[f"{split}.{system}.{name}"] = float(value)
    return flat


def _start_run(
    track: bool, data_dir: Path | None, params: dict[str, Any], experiment: str = "layout", name: str = "train-layout"
) -> Any:
    if not track:
        return None
    # mlflow: ~2 s to import, only when a run is logged or the registry is read
    import mlflow

    configure(_need(data_dir, "MLflow tracking"), experiment=experiment)
    run = mlflow.start_run(run_name=name)
    mlflow.log_params(params)
    return run


def _log_metrics(run: Any, metrics: dict[str, float], step: int | None) -> None:
    # mlflow: ~2 s to import, only when a run is logged or the registry is read
    import mlflow

    clean = {k.replace("@", "_"): v for k, v in metrics.items() if isinstance(v, int | float) and math.isfinite(v)}
    mlflow.log_metrics(clean, step=step)


# ------------------------------------------------------------------ FUNSD (real scanned forms)


# FUNSD entity F1 after 6 epochs from MiniLM: 0.353 with the 2-D embeddings at the classifier's 1e-3, 0.436 at 1e-4
# (text-only 0.439; bench/results/layout-funsd-*.json)
FUNSD_LAYOUT_LR = 1e-4


def train_funsd(
    root: Path = Path("../shared/datasets/funsd"),
    out: Path | None = None,
    config: TrainConfig | None = None,
    data_dir: Path | None = None,
    track: bool = True,
    progress: bool = True,
    max_train_docs: int | None = None,
    init_from: Path | None = None,
    text_only: bool = False,
    layout_init: str = "zero",
) -> dict[str, Any]:
    """Fine-tune the same LayoutLM-over-MiniLM on FUNSD's 149 training forms; entity F1 on its 50 test forms.

    ``init_from``: start from a trained layout artifact's encoder (its 2-D position embeddings learned on
    the factory's documents) instead of MiniLM's; the classifier starts fresh either way. ``text_only``: the
    baseline without layout, through the same code: every word's box is zero and the 2-D embeddings stay as
    they start (with ``layout_init="zero"`` the model is then MiniLM's BERT exactly)."""
    # a cycle: training.evaluate_layout imports this module
    from training.evaluate_layout import entity_f1

    config = config or TrainConfig(epochs=10, batch_size=4, lr=1e-4, fresh_lr=1e-3, layout_lr=FUNSD_LAYOUT_LR)
    torch.set_num_threads(config.threads)
    labels = FUNSD_LABELS
    label2id = {label: i for i, label in enumerate(labels)}
    forms = list(load_funsd(root))
    if not forms:
        raise ValueError(f"FUNSD not found under {root}")
    train = [from_label(f) for f in forms if f["split"] == "train"][:max_train_docs]
    test = [from_label(f) for f in forms if f["split"] == "test"]
    tokenizer = load_tokenizer()
    if init_from is None:
        model = build_model(labels, layout_init=layout_init)
    else:
        model = with_encoder_of(init_from, labels, tokenizer)
    if text_only:  # no word carries where it sits (the special tokens keep their constant boxes)
        for name, weight in model.named_parameters():
            if _is_fresh(name) and not name.startswith("classifier"):
                weight.requires_grad_(False)
        for page in (page for d in train + test for page in d.pages):
            page["words"] = [{**w, "box": [0, 0, 0, 0]} for w in page["words"]]
    windows = lambda ds: [w for d in ds for w in page_windows(tokenizer, d, label2id, config.max_length, config.stride)]  # noqa: E731
    test_windows = windows(test)
    params = {
        "dataset": "funsd",
        "train_documents": len(train),
        "test_documents": len(test),
        "init_from": str(init_from) if init_from else "minilm",
        "text_only": text_only,
        "layout_init": layout_init if init_from is None else "artifact",
        **config.__dict__,
    }
    run = _start_run(track, data_dir, params, experiment="layout-funsd", name="train-funsd")
    try:
        history = fit(
            model,
            windows(train),
            test_windows,
            config,
            on_epoch=(lambda epoch, metrics: _log_metrics(run, metrics, epoch)) if run else None,
            progress=progress,
        )
        bundle = LayoutBundle(model, tokenizer, labels, max_length=config.max_length, stride=config.stride)
        predicted, truth = [], []
        for doc in test:
            for page in doc.pages:
                logits = page_logits(bundle, [w["text"] for w in page["words"]], [w["box"] for w in page["words"]])
                predicted.append([labels[int(k)] for k in logits.argmax(-1)])
                truth.append([w.get("tag") or "O" for w in page["words"]])
        metrics: dict[str, Any] = {"entity": entity_f1(predicted, truth), "epochs": config.epochs, "history": history}
        if run:
            _log_metrics(run, {f"test_entity_{k}": v for k, v in metrics["entity"].items()}, None)
        if out is not None:
            bundle.version = f"layout-funsd-{time.strftime('%Y%m%d-%H%M%S')}"
            save_bundle(bundle, out, extra={"metrics": metrics["entity"]})
        return metrics
    finally:
        if run:
            # mlflow: ~2 s to import, only when a run is logged or the registry is read
            import mlflow

            mlflow.end_run()


def with_encoder_of(artifact: Path, labels: list[str], tokenizer: Any) -> Any:
    """A tagger for ``labels`` whose encoder (text and 2-D layout) is a trained artifact's; a fresh classifier."""
    trained = load_bundle(artifact, tokenizer).model
    model = build_model(labels, pretrained=False, **_shape_of(trained.config))
    model.layoutlm.load_state_dict({k: v.float() for k, v in trained.layoutlm.state_dict().items()})  # type: ignore[union-attr,operator]
    return model


def _shape_of(config: Any) -> dict[str, Any]:
    keys = ("hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size", "vocab_size")
    return {k: getattr(config, k) for k in keys}


def _need(data_dir: Path | None, what: str) -> Path:
    """The data folder a job was given (the CLI passes the service's ``data_dir``); jobs read no global settings."""
    if data_dir is None:
        raise ValueError(f"{what} needs data_dir (the data folder, e.g. the service's LEDGERLENS_DATA_DIR)")
    return data_dir
