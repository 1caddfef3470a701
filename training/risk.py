"""Training, back-testing and evaluation jobs for the late-payment model.

Honesty rules kept here:
- features of an invoice are computed as of its own issue date (models/risk_features.py);
- a model trained "until" a cut date learns only from labels known on that date: invoices settled before the cut,
  plus invoices already past due and unpaid at the cut (they are late whatever happens next). Days late are
  learned only from invoices settled before the cut;
- the split by customer groups whole customers into folds, so no customer is on both sides.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupKFold

from models.registry import tracking_uri
from models.risk import LatePaymentModel, log_model_run, risk_metrics, save_artifact
from models.risk_features import FEATURE_NAMES, history_frame, point_in_time_features
from risk.history import HistoryRow

KINDS = ("logistic", "hgb")


def _day(value: date) -> float:
    return float((value - date(1970, 1, 1)).days)


@dataclass
class Examples:
    """Invoices with their point-in-time features and (where known) labels."""

    frame: pd.DataFrame  # history columns of the invoices
    features: pd.DataFrame  # FEATURE_NAMES + DETAIL_NAMES
    late: np.ndarray  # 1 late, 0 on time, -1 unknown
    days_late: np.ndarray  # NaN when unknown

    def subset(self, mask: np.ndarray) -> Examples:
        return Examples(self.frame[mask], self.features[mask], self.late[mask], self.days_late[mask])


def build_examples(
    history: pd.DataFrame, invoices: pd.DataFrame | None = None, known_at: date | None = None
) -> Examples:
    """Features of ``invoices`` (default: all of history) and the labels as known on ``known_at`` (default: all)."""
    invoices = history if invoices is None else invoices
    features = point_in_time_features(history, invoices)
    settled = invoices["settled_date"].to_numpy(dtype=float)
    due = invoices["due_date"].to_numpy(dtype=float)
    days = invoices["days_late"].to_numpy(dtype=float).copy()
    cut = math.inf if known_at is None else _day(known_at)
    settled_known = np.isfinite(days) & (settled < cut)
    late = np.full(len(invoices), -1)
    late[settled_known] = (days[settled_known] > 0).astype(int)
    unpaid_past_due = ~settled_known & (due < cut) & ~(settled < cut) & np.isfinite(cut)
    late[unpaid_past_due] = 1
    # An invoice not yet due at the cut has a label only if it was already paid (on time): keeping those and not
    # the unpaid ones would teach the model that recent invoices are paid on time. Left out instead.
    if np.isfinite(cut):
        late[~(due < cut)] = -1
    days[~settled_known] = math.nan
    return Examples(invoices, features, late, days)


def fit_model(examples: Examples, kind: str = "hgb", **params: Any) -> LatePaymentModel:
    known = examples.late >= 0
    return LatePaymentModel(kind=kind, **params).fit(
        examples.features.loc[known, FEATURE_NAMES], examples.late[known], days_late=examples.days_late[known]
    )


@dataclass
class BacktestResult:
    predictions: (
        pd.DataFrame
    )  # invoice_number, customer_id, invoice_date, probability_late, expected_days_late, late, days_late
    model: LatePaymentModel
    n_train: int
    metrics: dict[str, float] = field(default_factory=dict)  # when the scored invoices carry labels
    labels_withheld: bool = False  # no later invoice had a settlement: history after the cut was not used


def backtest(rows: Sequence[HistoryRow], train_until: date, kind: str = "hgb", **params: Any) -> BacktestResult:
    """Train on invoices issued before ``train_until`` (labels known then); score every later invoice as of its
    own issue date from what was known that day (earlier invoices of any period settled before it)."""
    history = history_frame(rows)
    cut = _day(train_until)
    train_part = history[history["invoice_date"] < cut]
    train = build_examples(history, train_part, known_at=train_until)
    model = fit_model(train, kind, **params)
    scored = history[history["invoice_date"] >= cut]
    # A file whose later invoices carry no settlement at all has its labels withheld: their settlement is unknown,
    # not "still open", so they are left out of each other's history (else they would all look overdue).
    labels_withheld = len(scored) > 0 and not scored["settled_date"].notna().any()
    test = build_examples(train_part if labels_withheld else history, scored)
    p = model.predict_proba(test.features[FEATURE_NAMES])[:, 1] if len(scored) else np.array([])
    d = model.predict_days_late(test.features[FEATURE_NAMES]) if len(scored) else np.array([])
    predictions = pd.DataFrame(
        {
            "invoice_number": scored["invoice_number"].to_numpy(),
            "customer_id": scored["customer_id"].to_numpy(),
            "invoice_date": [date.fromordinal(date(1970, 1, 1).toordinal() + int(x)) for x in scored["invoice_date"]],
            "probability_late": p,
            "expected_days_late": d,
            "late": test.late,
            "days_late": test.days_late,
        }
    )
    labelled = test.late >= 0
    metrics = (
        risk_metrics(test.late[labelled], p[labelled], test.days_late[labelled], d[labelled]) if labelled.any() else {}
    )
    return BacktestResult(predictions, model, int((train.late >= 0).sum()), metrics, labels_withheld)


def customer_split(rows: Sequence[HistoryRow], kind: str = "hgb", folds: int = 5, **params: Any) -> BacktestResult:
    """Out-of-fold scores where each fold's customers are unseen in training (GroupKFold by customer)."""
    history = history_frame(rows)
    examples = build_examples(history)
    groups = history["customer_id"].to_numpy()
    p = np.full(len(history), math.nan)
    d = np.full(len(history), math.nan)
    model = None
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(history, groups=groups):
        mask = np.zeros(len(history), dtype=bool)
        mask[train_idx] = True
        model = fit_model(examples.subset(mask), kind, **params)
        X_test = examples.features.iloc[test_idx][FEATURE_NAMES]
        p[test_idx] = model.predict_proba(X_test)[:, 1]
        d[test_idx] = model.predict_days_late(X_test)
    predictions = pd.DataFrame(
        {
            "invoice_number": history["invoice_number"],
            "customer_id": history["customer_id"],
            "probability_late": p,
            "expected_days_late": d,
            "late": examples.late,
            "days_late": examples.days_late,
        }
    )
    known = examples.late >= 0
    metrics = risk_metrics(examples.late[known], p[known], examples.days_late[known], d[known])
    assert model is not None
    return BacktestResult(predictions, model, int(known.sum() * (folds - 1) / folds), metrics)


def naive_predictions(result: BacktestResult, rows: Sequence[HistoryRow]) -> tuple[np.ndarray, np.ndarray]:
    """The reference a model must beat: the customer's own late share so far (the late share of the scored
    invoices for customers without history) and its mean days late (0 without history), per scored invoice."""
    history = history_frame(rows)
    feats = point_in_time_features(history, history).set_index(history["invoice_number"])
    pred = result.predictions
    base = float(pred["late"][pred["late"] >= 0].mean())
    share = feats.loc[pred["invoice_number"], "share_late"].to_numpy(dtype=float)
    p = np.clip(np.where(np.isfinite(share), share, base), 0.02, 0.98)
    mean_days = feats.loc[pred["invoice_number"], "mean_days_late"].to_numpy(dtype=float)
    return p, np.where(np.isfinite(mean_days), mean_days, 0.0)


def naive_metrics(result: BacktestResult, rows: Sequence[HistoryRow]) -> dict[str, float]:
    p, d = naive_predictions(result, rows)
    pred = result.predictions
    known = pred["late"].to_numpy() >= 0
    return risk_metrics(pred["late"].to_numpy()[known], p[known], pred["days_late"].to_numpy()[known], d[known])


def bootstrap_intervals(
    late: np.ndarray, scores: dict[str, np.ndarray], reference: str, n: int = 1000, seed: int = 0
) -> dict[str, dict[str, list[float]]]:
    """95% intervals of ROC-AUC and Brier per model, and of each model's difference from ``reference``
    (resampling invoices; the same resamples for every model, so the differences are paired)."""

    rng = np.random.default_rng(seed)
    draws: dict[str, dict[str, list[float]]] = {name: {"roc_auc": [], "brier": []} for name in scores}
    for name in scores:
        if name != reference:
            draws[name].update({"roc_auc_minus_reference": [], "brier_minus_reference": []})
    for _ in range(n):
        idx = rng.integers(0, len(late), len(late))
        y = late[idx]
        if y.min() == y.max():
            continue
        ref_auc, ref_brier = roc_auc_score(y, scores[reference][idx]), brier_score_loss(y, scores[reference][idx])
        for name, p in scores.items():
            auc, brier = roc_auc_score(y, p[idx]), brier_score_loss(y, p[idx])
            draws[name]["roc_auc"].append(auc)
            draws[name]["brier"].append(brier)
            if name != reference:
                draws[name]["roc_auc_minus_reference"].append(auc - ref_auc)
                draws[name]["brier_minus_reference"].append(brier - ref_brier)
    return {
        name: {
            k: [round(float(np.percentile(v, 2.5)), 4), round(float(np.percentile(v, 97.5)), 4)] for k, v in d.items()
        }
        for name, d in draws.items()
    }


def holdout_then_fit(rows: Sequence[HistoryRow], kind: str = "hgb", holdout_share: float = 0.2, **params: Any):
    """Metrics on the latest ``holdout_share`` of invoices (trained on the earlier ones), then a model on all rows."""
    dates = sorted(r.invoice_date for r in rows)
    metrics: dict[str, float] = {}
    if len(dates) >= 50:
        cut = dates[int(len(dates) * (1 - holdout_share))]
        result = backtest(rows, cut, kind, **params)
        metrics = {f"holdout_{k}": v for k, v in result.metrics.items()}
        metrics["holdout_cut_ordinal"] = float(cut.toordinal())
    history = history_frame(rows)
    examples = build_examples(history)
    return fit_model(examples, kind, **params), examples, metrics


# --- plots -------------------------------------------------------------------------------------------------


def reliability_plot(results: dict[str, pd.DataFrame], path: Path, title: str, bins: int = 10) -> Path:
    """Reliability diagram: mean predicted vs observed late share per probability bin, one line per model."""
    # matplotlib: a second to import, only when figures are drawn
    import matplotlib

    matplotlib.use("Agg")
    # pyplot and sklearn's plot helpers only after the backend is chosen
    import matplotlib.pyplot as plt
    from sklearn.calibration import calibration_curve

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], linestyle=":", color="grey", label="perfect")
    for name, pred in results.items():
        known = pred["late"] >= 0
        observed, predicted = calibration_curve(pred["late"][known], pred["probability_late"][known], n_bins=bins)
        ax.plot(predicted, observed, marker="o", label=name)
    ax.set_xlabel("predicted probability of paying late")
    ax.set_ylabel("observed share paid late")
    ax.set_title(title)
    ax.legend(loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def feature_effect_plot(model: LatePaymentModel, features: pd.DataFrame, path: Path, title: str, top: int = 6) -> Path:
    """Partial dependence of the calibrated probability on the features with the largest mean |effect|."""
    # matplotlib: a second to import, only when figures are drawn
    import matplotlib

    matplotlib.use("Agg")
    # pyplot and sklearn's plot helpers only after the backend is chosen
    import matplotlib.pyplot as plt
    from sklearn.inspection import PartialDependenceDisplay

    X = features[FEATURE_NAMES].astype(float)
    # strength on rows where the feature has a value: a missing history is its own (flat) story
    strength = model.contributions(X).where(X.notna()).abs().mean().sort_values(ascending=False)
    chosen = [name for name in strength.index[:top] if X[name].nunique() > 1]
    fig, ax = plt.subplots(figsize=(11, 6))
    PartialDependenceDisplay.from_estimator(
        model, X.fillna(X.median()), chosen, ax=ax, n_cols=3, grid_resolution=20, response_method="predict_proba"
    )
    fig.suptitle(title)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


# --- synthetic history (demo data and tests) ---------------------------------------------------------------


def synthetic_history(
    n_customers: int = 20, invoices_per_customer: int = 15, start: date = date(2025, 6, 1), seed: int = 0
) -> list[dict[str, str]]:
    """Rows in the project's own CSV columns. Each customer has a lateness habit; disputes and big invoices make it
    worse; invoices whose settlement would lie after the last issue date stay open."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    end = start + timedelta(days=invoices_per_customer * 25)
    for c in range(n_customers):
        habit = rng.random()
        paperless = rng.random() < 0.4
        usual = rng.uniform(200, 5000)
        country = rng.choice(["DE", "FR", "US"])
        issued = start + timedelta(days=rng.randint(0, 20))
        for i in range(invoices_per_customer):
            amount = round(usual * rng.uniform(0.5, 1.8), 2)
            terms = rng.choice([14, 30, 30, 30, 45])
            due = issued + timedelta(days=terms)
            disputed = rng.random() < 0.05 + 0.15 * habit
            p_late = min(0.95, 0.1 + 0.7 * habit + (0.25 if disputed else 0) + (0.1 if amount > 1.4 * usual else 0))
            late_days = rng.randint(1, 30) if rng.random() < p_late else 0
            settled = due + timedelta(days=late_days) if late_days else due - timedelta(days=rng.randint(0, terms // 2))
            is_open = settled > end
            rows.append(
                {
                    "customer_id": f"C{c:03d}",
                    "invoice_number": f"INV-{c:03d}-{i:03d}",
                    "country": country,
                    "invoice_date": issued.isoformat(),
                    "due_date": due.isoformat(),
                    "amount": f"{amount:.2f}",
                    "currency": "EUR" if country != "US" else "USD",
                    "disputed": "yes" if disputed else "no",
                    "dispute_open": "yes" if disputed and is_open else "no",
                    "paperless": "yes" if paperless else "no",
                    "settled_date": "" if is_open else settled.isoformat(),
                    "reminders_sent": str(min(5, (end - due).days // 7)) if is_open and due < end else "0",
                }
            )
            issued += timedelta(days=rng.randint(10, 40))
    return rows


# --- the `ledgerlens risk train` job -----------------------------------------------------------------------


def train_and_register(
    rows: Sequence[HistoryRow],
    data_dir: Path,
    kinds: Sequence[str] = KINDS,
    register: bool = True,
    seed: int = 0,
    artifact: Path | None = None,
) -> dict[str, Any]:
    """One MLflow run per model kind (hold-out metrics on the latest 20%, then fitted on everything); the kind with
    the lowest hold-out log loss is registered as ``ledgerlens-risk`` and gets the ``champion`` alias."""

    Path(data_dir).mkdir(parents=True, exist_ok=True)
    trained = []
    for kind in kinds:
        model, examples, metrics = holdout_then_fit(rows, kind, random_state=seed)
        trained.append((kind, model, examples, metrics))
    best = min(trained, key=lambda t: t[3].get("holdout_log_loss", math.inf))[0] if trained else None
    runs = []
    champion = None
    for kind, model, examples, metrics in trained:
        is_best = register and kind == best
        logged = log_model_run(
            model,
            examples.features,
            metrics,
            data_dir=data_dir,
            params={"n_rows": len(rows), "n_labelled": int((examples.late >= 0).sum())},
            register=is_best,
            champion=is_best,
        )
        runs.append({"kind": kind, "run_id": logged.run_id, "version": logged.version, "metrics": metrics})
        if is_best:
            champion = f"{kind} (ledgerlens-risk/{logged.version})"
        if artifact is not None and kind == best:
            first, last = min(r.invoice_date for r in rows), max(r.invoice_date for r in rows)
            save_artifact(
                model,
                artifact,
                version=f"risk-{kind}-{last:%Y%m%d}",
                info={
                    "trained_on": int((examples.late >= 0).sum()),
                    "history": {"rows": len(rows), "first_invoice": first, "last_invoice": last},
                    "holdout_metrics": metrics,
                    "run_id": logged.run_id,
                },
            )
    return {"tracking_uri": tracking_uri(data_dir), "runs": runs, "champion": champion, "artifact": artifact}
