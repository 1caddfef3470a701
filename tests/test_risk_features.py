"""Point-in-time features: nothing dated after the issue day may change the features of that day."""

import math
import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from models.risk_features import FEATURE_NAMES, describe, history_frame, point_in_time_features
from risk.history import HistoryRow
from tests.risk_fixtures import small_history


def _features_of(rows: list[HistoryRow], number: str) -> pd.Series:
    history = history_frame(rows)
    target = history[history["invoice_number"] == number]
    return point_in_time_features(history, target).iloc[0]


def _future_changed(rows: list[HistoryRow], target: HistoryRow, rng: random.Random) -> list[HistoryRow]:
    """Change everything not known on the target's issue day D."""
    d = target.invoice_date
    out = []
    for r in rows:
        if r.invoice_number == target.invoice_number:  # its own settlement and dispute are labels
            r = replace(
                r,
                settled_date=d + timedelta(days=rng.randint(0, 90)),
                days_late=rng.randint(0, 40),
                disputed=not r.disputed,
            )
        elif r.invoice_date >= d:  # issued on or after D: unknown on D
            r = replace(
                r,
                amount=Decimal(rng.randint(1, 9999)),
                disputed=rng.random() < 0.5,
                settled_date=None if rng.random() < 0.3 else r.invoice_date + timedelta(days=rng.randint(0, 80)),
                days_late=rng.randint(0, 30),
                due_date=r.invoice_date + timedelta(days=rng.choice([7, 30, 60])),
            )
        elif r.settled_date is None or r.settled_date >= d:  # open on D: its settlement and dispute come later
            r = replace(
                r,
                settled_date=d + timedelta(days=rng.randint(0, 60)) if rng.random() < 0.7 else None,
                days_late=rng.randint(0, 30),
                disputed=rng.random() < 0.5,
            )
        out.append(r)
    # and a few invoices that only appear later
    for k in range(3):
        out.append(
            replace(
                target,
                invoice_number=f"LATER-{k}",
                invoice_date=d + timedelta(days=k + 1),
                due_date=d + timedelta(days=k + 31),
                settled_date=d + timedelta(days=k + 2),
                days_late=0,
            )
        )
    return out


def test_changing_anything_after_issue_day_leaves_features_unchanged():
    rows = small_history()
    rng = random.Random(5)
    targets = [r for r in rows if r.invoice_date > rows[0].invoice_date + timedelta(days=120)]
    assert len(targets) > 20
    for target in rng.sample(targets, 25):
        before = _features_of(rows, target.invoice_number)
        after = _features_of(_future_changed(rows, target, rng), target.invoice_number)
        pd.testing.assert_series_equal(before, after, check_names=False)


def test_changing_the_past_does_change_features():
    """The invariance test above can fail: features do react to what was known on D."""
    rows = small_history()
    target = rows[9]  # the 10th invoice of the first customer, with history before it
    before = _features_of(rows, target.invoice_number)
    earlier = [
        r
        for r in rows
        if r.customer_id == target.customer_id and r.settled_date and r.settled_date < target.invoice_date
    ]
    changed = [replace(r, days_late=40, disputed=True) if r in earlier else r for r in rows]
    after = _features_of(changed, target.invoice_number)
    assert after["mean_days_late"] == 40 and after["share_late"] == 1.0 and after["disputed_share"] == 1.0
    assert not before.equals(after)


def _row(
    n: str, issued: date, settled: date | None, days_late: int | None, disputed: bool = False, amount: str = "100"
):
    return HistoryRow(
        "C",
        n,
        issued,
        issued + timedelta(days=30),
        Decimal(amount),
        "DE",
        None,
        disputed,
        False,
        True,
        settled,
        days_late,
    )


def test_counts_open_overdue_and_disputes_as_of_the_day():
    d = date(2024, 6, 1)
    rows = [
        _row("1", date(2024, 1, 1), date(2024, 2, 10), 10, disputed=True),  # settled late before D
        _row("2", date(2024, 2, 1), date(2024, 3, 1), 0),  # on time before D
        _row("3", date(2024, 3, 1), date(2024, 7, 1), 61, disputed=True),  # open on D, overdue since 3/31
        _row("4", date(2024, 5, 20), None, None),  # open, not due
        _row("5", d, None, None, amount="300"),  # the target
    ]
    f = _features_of(rows, "5")
    assert f["n_prior_invoices"] == 4 and f["n_settled"] == 2
    assert f["share_late"] == 0.5 and f["mean_days_late"] == 5 and f["max_days_late"] == 10
    assert f["disputed_share"] == 0.5  # the open invoice's dispute is not known yet
    assert f["open_count"] == 2 and f["overdue_count"] == 1 and f["max_days_overdue"] == (d - date(2024, 3, 31)).days
    assert f["amount_ratio"] == 3.0 and f["terms_days"] == 30 and f["paperless"] == 1.0
    assert describe("share_late_last5", f.to_dict()) == "paid 1 of the last 2 invoices late"


def test_unseen_customer_has_empty_history_not_an_error():
    rows = [_row("1", date(2024, 1, 1), date(2024, 2, 1), 0)]
    history = history_frame(rows)
    new = history.assign(customer_id="NEW", invoice_number="X")
    f = point_in_time_features(history, new).iloc[0]
    assert f["n_settled"] == 0 and math.isnan(f["share_late"])
    assert np.isfinite(f[["amount_log", "terms_days", "open_count"]].astype(float)).all()
    assert list(point_in_time_features(history, new).columns[: len(FEATURE_NAMES)]) == FEATURE_NAMES


def test_recency_and_smoothed_late_share():
    d = date(2024, 6, 1)
    rows = [
        _row("1", date(2024, 1, 1), date(2024, 1, 20), 0),
        _row("2", date(2024, 2, 1), date(2024, 3, 10), 8),  # the latest settled invoice was late
        _row("3", d, None, None),
    ]
    f = _features_of(rows, "3")
    assert f["last_days_late"] == 8
    assert f["recent_late"] > f["share_late"] == 0.5  # the latest invoice weighs more
    # shrunk towards the country's late share (here the same two invoices: 0.5) with weight 2
    assert f["smoothed_share_late"] == pytest.approx((1 + 2 * 0.5) / (2 + 2))
    assert describe("last_days_late", f.to_dict()) == "last invoice paid 8 days late"


def test_a_dispute_logged_in_ledgerlens_counts_from_its_opening_day():
    d = date(2024, 6, 1)
    base = [
        _row("1", date(2024, 1, 1), date(2024, 2, 1), 0),
        _row("2", date(2024, 4, 1), None, None),  # open on D
        _row("5", d, None, None),
    ]
    plain = _features_of(base, "5")["dispute_propensity"]
    opened_before = [replace(r, dispute_opened=date(2024, 5, 2)) if r.invoice_number == "2" else r for r in base]
    opened_after = [replace(r, dispute_opened=d) if r.invoice_number == "2" else r for r in base]
    assert _features_of(opened_before, "5")["dispute_propensity"] > plain  # known on D: counts, though unpaid
    assert _features_of(opened_after, "5")["dispute_propensity"] == plain  # opened on D itself: not known yet
