"""The late-payment model: a calibrated classifier (paid late or not) plus a days-late regressor, with reasons.

Two kinds share one estimator: ``logistic`` (impute, scale, logistic regression; the baseline) and ``hgb``
(HistGradientBoosting, which takes missing values as they are). Probabilities are calibrated with
out-of-fold predictions (``CalibratedClassifierCV(ensemble=False)``), so one base model explains each score.
Reasons are signed occlusion effects in log-odds of the base model: how far the score moves when the feature
is put back to the training median. For the logistic kind that is exactly coefficient x (value - median).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, PoissonRegressor
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, mean_absolute_error, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from models.metrics import expected_calibration_error
from models.registry import champion_version, configure, set_champion
from models.risk_features import FEATURE_NAMES, MODEL_FEATURES, describe

REGISTERED_NAME = "ledgerlens-risk"
SHIPPED_ARTIFACT = Path(__file__).resolve().parents[1] / "artifacts" / "risk"
ARTIFACT_FILE = "model.joblib"
EXPERIMENT_NAME = "ledgerlens-risk"
MIN_TRAINING_ROWS = 30  # below this (or with one class only) the model predicts the observed late share
# Features whose effects only make sense together are moved to the reference together and reported as the first:
# the paperless share of a record only explains how fast it looks next to the invoice's own channel.
REASON_GROUPS: tuple[tuple[str, ...], ...] = (("paperless", "prior_paperless_share"),)
MIN_REASON_EFFECT = 0.05  # log-odds; smaller pushes are noise, not a reason to call a client


def risk_band(probability: float) -> str:
    return "high" if probability >= 0.5 else "medium" if probability >= 0.25 else "low"


class LatePaymentModel(ClassifierMixin, BaseEstimator):
    """Probability that an invoice is paid after its due date, expected days late, and why."""

    def __init__(
        self,
        kind: str = "logistic",
        calibration: str = "sigmoid",
        cv: int = 5,
        max_iter: int = 200,
        learning_rate: float = 0.03,
        max_leaf_nodes: int = 4,
        min_samples_leaf: int = 50,
        l2_regularization: float = 1.0,
        C: float = 0.05,
        features: tuple[str, ...] | None = None,
        random_state: int = 0,
    ) -> None:
        self.kind = kind
        self.calibration = calibration
        self.cv = cv
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.max_leaf_nodes = max_leaf_nodes
        self.min_samples_leaf = min_samples_leaf
        self.l2_regularization = l2_regularization
        self.C = C
        self.features = features
        self.random_state = random_state

    def _classifier(self) -> Any:
        if self.kind == "logistic":
            return make_pipeline(
                SimpleImputer(strategy="median", add_indicator=True, keep_empty_features=True),
                StandardScaler(),
                LogisticRegression(C=self.C, max_iter=2000),
            )
        if self.kind == "hgb":
            return HistGradientBoostingClassifier(
                max_iter=self.max_iter,
                learning_rate=self.learning_rate,
                max_leaf_nodes=self.max_leaf_nodes,
                min_samples_leaf=self.min_samples_leaf,
                l2_regularization=self.l2_regularization,
                random_state=self.random_state,
            )
        raise ValueError(f"unknown model kind {self.kind!r} (use 'logistic' or 'hgb')")

    def _regressor(self) -> Any:
        if self.kind == "logistic":
            return make_pipeline(
                SimpleImputer(strategy="median", add_indicator=True, keep_empty_features=True),
                StandardScaler(),
                PoissonRegressor(alpha=1.0, max_iter=1000),
            )
        return HistGradientBoostingRegressor(
            loss="poisson",
            max_iter=self.max_iter,
            learning_rate=self.learning_rate,
            max_leaf_nodes=self.max_leaf_nodes,
            min_samples_leaf=self.min_samples_leaf,
            random_state=self.random_state,
        )

    def fit(self, X: pd.DataFrame, y: Any, days_late: Any = None) -> LatePaymentModel:
        X = self._frame(X, fitting=True)
        y = np.asarray(y).astype(int)
        self.classes_ = np.array([0, 1])
        self.reference_ = X.median().fillna(0.0)
        self.base_rate_ = float(y.mean()) if y.size else 0.5
        minority = int(min(y.sum(), y.size - y.sum())) if y.size else 0
        self.constant_ = y.size < MIN_TRAINING_ROWS or minority < 2
        self.classifier_: Any = None
        if not self.constant_:
            base = self._classifier()
            cv = max(2, min(self.cv, minority))
            self.classifier_ = CalibratedClassifierCV(base, method=self.calibration, cv=cv, ensemble=False).fit(X, y)
        self.regressor_: Any = None
        self.mean_days_late_ = 0.0
        if days_late is not None:
            days = np.asarray(days_late, dtype=float)
            known = np.isfinite(days)
            self.mean_days_late_ = float(days[known].mean()) if known.any() else 0.0
            if known.sum() >= MIN_TRAINING_ROWS and days[known].max() > 0:
                self.regressor_ = self._regressor().fit(X[known], days[known])
        return self

    def _frame(self, X: pd.DataFrame, fitting: bool = False) -> pd.DataFrame:
        if fitting:
            self.feature_names_in_ = np.array(list(self.features or MODEL_FEATURES), dtype=object)
        return pd.DataFrame(X, columns=list(self.feature_names_in_)).astype(float)

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        X = self._frame(X)
        p = np.full(len(X), self.base_rate_) if self.constant_ else self.classifier_.predict_proba(X)[:, 1]
        p = np.clip(p, 1e-4, 1 - 1e-4)
        return np.column_stack([1 - p, p])

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(int)

    def predict_days_late(self, X: pd.DataFrame) -> np.ndarray:
        X = self._frame(X)
        if self.regressor_ is None:
            return np.full(len(X), self.mean_days_late_)
        return np.clip(self.regressor_.predict(X), 0, None)

    def _base_logit(self, X: pd.DataFrame) -> np.ndarray:
        base = self.classifier_.calibrated_classifiers_[0].estimator
        p = np.clip(base.predict_proba(X)[:, 1], 1e-6, 1 - 1e-6)
        return np.log(p / (1 - p))

    def contributions(self, X: pd.DataFrame) -> pd.DataFrame:
        """Signed effect of each feature on the log-odds: score minus score with the feature at its training median
        (a group of REASON_GROUPS moves together; its effect is reported under its first member, the others 0)."""
        X = self._frame(X)
        names = list(self.feature_names_in_)
        effects = pd.DataFrame(0.0, index=X.index, columns=names)
        if self.constant_:
            return effects
        full = self._base_logit(X)
        grouped = {m: g for g in REASON_GROUPS if g[0] in names for m in g if m in names}
        for name in names:
            members = [m for m in grouped.get(name, (name,)) if m in names]
            if members[0] != name:
                continue  # reported under its group's first member
            moved = X.copy()
            for m in members:
                moved[m] = self.reference_[m]
            effects[name] = full - self._base_logit(moved)
        return effects

    def reasons(self, features: pd.DataFrame, top: int = 3) -> list[list[dict[str, Any]]]:
        """Per row, the features that raise the score most above a typical client's (the training median), each
        with its value, effect and plain words. A client nothing pushes up gets its strongest lowering factor,
        marked ``direction: lowers``, so every score still says why."""
        effects = self.contributions(features)
        out = []
        for idx, row in effects.iterrows():
            detail = features.loc[idx].to_dict()
            raising = row[row >= MIN_REASON_EFFECT].sort_values(ascending=False).index[:top]
            chosen = list(raising) or list(row[row < -1e-9].sort_values().index[:1])
            out.append(
                [
                    {
                        "feature": name,
                        "value": _json_value(detail[name]),
                        "effect": round(float(row[name]), 4),
                        "direction": "raises" if row[name] > 0 else "lowers",
                        "typical": _json_value(float(self.reference_[name])),  # the portfolio's median
                        "text": describe(name, detail),
                    }
                    for name in chosen
                ]
            )
        return out


def _json_value(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float | np.floating):
        return round(float(value), 4)
    return value.item() if isinstance(value, np.generic) else value


def risk_metrics(y: Any, p: Any, days_true: Any = None, days_pred: Any = None) -> dict[str, float]:
    """ROC-AUC, PR-AUC, Brier, ECE, log loss, accuracy at 0.5, base rate, and days-late MAE when given."""
    y, p = np.asarray(y, dtype=int), np.asarray(p, dtype=float)
    two_classes = 0 < y.sum() < y.size
    out = {
        "n": float(y.size),
        "late_share": float(y.mean()) if y.size else math.nan,
        "roc_auc": float(roc_auc_score(y, p)) if two_classes else math.nan,
        "pr_auc": float(average_precision_score(y, p)) if two_classes else math.nan,
        "brier": float(brier_score_loss(y, p)) if y.size else math.nan,
        "ece": expected_calibration_error(outcomes=y, confidences=p) if y.size else math.nan,
        "log_loss": float(log_loss(y, p, labels=[0, 1])) if y.size else math.nan,
        "accuracy": float(((p >= 0.5) == y).mean()) if y.size else math.nan,
    }
    if days_true is not None and days_pred is not None:
        t, d = np.asarray(days_true, dtype=float), np.asarray(days_pred, dtype=float)
        known = np.isfinite(t)
        out["days_late_mae"] = float(mean_absolute_error(t[known], d[known])) if known.any() else math.nan
    return out


# --- MLflow: tracking, registry, champion -------------------------------------------------------------------


@dataclass
class LoggedModel:
    run_id: str
    version: str | None  # registry version when registered


def log_model_run(
    model: LatePaymentModel,
    X_example: pd.DataFrame,
    metrics: dict[str, float],
    data_dir: Path,
    params: dict[str, Any] | None = None,
    register: bool = True,
    champion: bool = True,
    run_name: str | None = None,
) -> LoggedModel:
    """One MLflow run with params, metrics, signature and input example; optionally registered and made champion."""
    # mlflow: ~2 s to import, only when a run is logged or the registry is read
    import mlflow
    from mlflow.models import infer_signature

    configure(data_dir, experiment=EXPERIMENT_NAME)
    example = X_example[FEATURE_NAMES].astype(float).head(5)
    with mlflow.start_run(run_name=run_name or f"risk-{model.kind}") as run:
        mlflow.log_params({**model.get_params(), **(params or {})})
        mlflow.log_metrics({k: float(v) for k, v in metrics.items() if v == v})
        mlflow.sklearn.log_model(
            model,
            name="model",
            signature=infer_signature(example, model.predict_proba(example)[:, 1]),
            input_example=example,
            registered_model_name=REGISTERED_NAME if register else None,
            serialization_format="cloudpickle",
        )
        run_id = run.info.run_id
    version = None
    if register:
        versions = mlflow.MlflowClient().search_model_versions(f"name='{REGISTERED_NAME}' and run_id='{run_id}'")
        version = str(max(int(v.version) for v in versions))
        if champion:
            set_champion(REGISTERED_NAME, version)
    return LoggedModel(run_id=run_id, version=version)


def load_champion(data_dir: Path) -> tuple[LatePaymentModel, str] | None:
    """The registered champion and its version label, or None when nothing is registered."""
    # mlflow: ~2 s to import, only when a run is logged or the registry is read
    import mlflow

    version = champion_version(REGISTERED_NAME, data_dir=data_dir)
    if version is None:
        return None
    model = mlflow.sklearn.load_model(f"models:/{REGISTERED_NAME}/{version.version}")
    return model, f"{REGISTERED_NAME}/{version.version}"


# --- a local artifact: the model that ships with the project (served when no champion is registered) ---------


def _sha256(path: Path) -> str:

    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_artifact(model: LatePaymentModel, folder: Path, version: str, info: dict[str, Any]) -> Path:
    """``model.joblib`` and ``manifest.json`` (version, features, hash, library versions, ``info``) in ``folder``."""

    folder.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, folder / ARTIFACT_FILE, compress=3)
    manifest = {
        "version": version,
        "kind": model.kind,
        "features": list(model.feature_names_in_),
        "file": ARTIFACT_FILE,
        "sha256": _sha256(folder / ARTIFACT_FILE),
        "sklearn": sklearn.__version__,
        **info,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n")
    return folder


def load_artifact(folder: Path = SHIPPED_ARTIFACT) -> tuple[LatePaymentModel, str]:
    """The model saved by ``save_artifact`` and its version label; refuses a file whose hash does not match."""

    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        raise FileNotFoundError(
            f"no risk model in {folder}: register one (`ledgerlens risk train HISTORY`) or restore "
            f"artifacts/risk (`ledgerlens risk train HISTORY --artifact artifacts/risk`)"
        )
    manifest = json.loads(manifest_path.read_text())
    path = folder / manifest["file"]
    if _sha256(path) != manifest["sha256"]:
        raise ValueError(f"{path} does not match the hash in its manifest; train the artifact again")
    return joblib.load(path), str(manifest["version"])
