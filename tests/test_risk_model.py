import numpy as np
import pytest
from sklearn.base import clone
from threadpoolctl import threadpool_limits

from models.metrics import expected_calibration_error
from models.risk import LatePaymentModel, risk_metrics
from models.risk_features import FEATURE_NAMES, history_frame
from tests.risk_fixtures import small_history
from training.risk import build_examples, fit_model


@pytest.fixture(scope="module")
def examples():
    return build_examples(history_frame(small_history(n_customers=16, invoices=12)))


@pytest.mark.parametrize("kind", ["logistic", "hgb"])
def test_fit_predict_and_reasons(examples, kind):
    with threadpool_limits(1):
        model = fit_model(examples, kind, max_iter=30)
        X = examples.features[FEATURE_NAMES]
        p = model.predict_proba(X)[:, 1]
        assert p.shape == (len(X),) and (p > 0).all() and (p < 1).all()
        known = examples.late >= 0
        assert risk_metrics(examples.late[known], p[known])["roc_auc"] > 0.6  # learns the customers' habits
        assert (model.predict_days_late(X) >= 0).all()
        reasons = model.reasons(examples.features.iloc[:5])
    for per_row in reasons:
        assert 1 <= len(per_row) <= 3
        effects = [r["effect"] for r in per_row]
        assert effects == sorted(effects, reverse=True)
        assert all(r["feature"] in FEATURE_NAMES and r["text"] for r in per_row)
        # factors that raise the risk come first and alone; a lowering factor only when none raises it
        assert all(e > 0 for e in effects) or (len(per_row) == 1 and per_row[0]["direction"] == "lowers")


def test_logistic_effects_are_coefficient_times_distance_from_median(examples):
    model = fit_model(examples, "logistic")
    X = examples.features[list(model.feature_names_in_)].iloc[:20]
    effects = model.contributions(X)
    # with the feature at its median the row's effect is zero, and effects add up to the logit difference
    moved = X.copy()
    for name in model.feature_names_in_:
        moved[name] = model.reference_[name]
    total = model._base_logit(X) - model._base_logit(moved)
    complete = X.notna().all(axis=1).to_numpy()  # missing values add an indicator term, not linear in the value
    np.testing.assert_allclose(effects.sum(axis=1).to_numpy()[complete], total[complete], atol=1e-6)


def test_is_a_scikit_learn_estimator():
    model = LatePaymentModel(kind="logistic", C=0.7)
    assert clone(model).get_params()["C"] == 0.7
    assert not hasattr(model, "classifier_")


def test_too_little_data_gives_the_observed_late_share():
    rng = np.random.default_rng(0)
    import pandas as pd

    X = pd.DataFrame(rng.normal(size=(10, len(FEATURE_NAMES))), columns=FEATURE_NAMES)
    model = LatePaymentModel().fit(X, [1, 0, 0, 0, 1, 0, 0, 0, 0, 0])
    np.testing.assert_allclose(model.predict_proba(X)[:, 1], 0.2)
    assert (model.contributions(X) == 0).all().all()


def test_unknown_kind_is_refused(examples):
    with pytest.raises(ValueError, match="unknown model kind"):
        fit_model(examples, "forest")


def test_expected_calibration_error():
    assert expected_calibration_error(outcomes=[0, 1, 0, 1], confidences=[0.5, 0.5, 0.5, 0.5]) == 0.0
    assert expected_calibration_error(outcomes=[1, 1], confidences=[0.0, 0.0]) == pytest.approx(1.0)
    sharp = expected_calibration_error(outcomes=[0, 0, 1, 1], confidences=[0.05, 0.05, 0.95, 0.95])
    assert sharp == pytest.approx(0.05)
