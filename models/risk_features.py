"""Point-in-time features for the late-payment model.

An invoice issued on day D is described only by what was known on D:
- the customer's earlier invoices *settled before D* (their delays and disputes),
- the customer's invoices issued before D and not settled before D (open at D),
- the invoice's own issue-time facts (amount, terms, paperless billing, calendar).
Settlement fields of the invoice itself (settled date, days late) are labels, never inputs. ``Disputed`` carries no
date, so a dispute only counts once the disputed invoice was settled before D.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from risk.history import HistoryRow

FEATURE_NAMES: list[str] = [
    "n_prior_invoices",
    "n_settled",
    "share_late",
    "share_late_last5",
    "smoothed_share_late",
    "recent_late",
    "recent_days_late",
    "last_days_late",
    "mean_days_late",
    "max_days_late",
    "days_late_trend",
    "mean_days_to_settle",
    "disputed_share",
    "open_count",
    "overdue_count",
    "max_days_overdue",
    "open_amount_ratio",
    "amount_log",
    "amount_ratio",
    "terms_days",
    "paperless",
    "tenure_days",
    "days_since_last_invoice",
    "country_share_late",
    "invoice_month",
    "due_on_weekend",
    "settle_margin",
    "prior_paperless_share",
    "dispute_propensity",
]

# The served model's inputs: chosen on a time split and a customer split of the IBM history (bench/bench_risk.py);
# the other features stay computed for the reasons' words and for experiments.
MODEL_FEATURES: tuple[str, ...] = (
    "smoothed_share_late",
    "settle_margin",
    "prior_paperless_share",
    "paperless",
    "dispute_propensity",
    "n_settled",
    "amount_ratio",
    "overdue_count",
    "country_share_late",
)

# Counts kept beside the features so that reasons can be said in plain words.
DETAIL_NAMES = ["n_late", "n_last5", "n_late_last5", "n_disputed", "amount", "country"]

HISTORY_COLUMNS = [
    "customer_id",
    "invoice_number",
    "country",
    "invoice_date",
    "due_date",
    "amount",
    "disputed",
    "paperless",
    "settled_date",
    "days_late",
    "dispute_opened",
]

_EPOCH = date(1970, 1, 1)
RECENCY_DECAY = 0.7  # weight of each older settled invoice relative to the next newer one
PRIOR_WEIGHT = 2.0  # a new customer's late share starts at the country's, worth this many invoices
DEFAULT_LATE_SHARE = 0.35  # when even the country has no history
DEFAULT_DISPUTE_SHARE = 0.2  # a new customer's dispute propensity starts here, worth PRIOR_WEIGHT invoices


def _day(value: date | None) -> float:
    return float((value - _EPOCH).days) if value is not None else math.nan


def history_frame(rows: Iterable[HistoryRow]) -> pd.DataFrame:
    """History rows as a frame: dates as day numbers (float, NaN when unknown), amounts as float (model input only)."""
    records = [
        {
            "customer_id": r.customer_id,
            "invoice_number": r.invoice_number,
            "country": r.country or "",
            "invoice_date": _day(r.invoice_date),
            "due_date": _day(r.due_date),
            "amount": float(r.amount) if r.amount is not None else math.nan,
            "disputed": bool(r.disputed),
            "paperless": math.nan if r.paperless is None else float(r.paperless),
            "settled_date": _day(r.settled_date),
            "days_late": math.nan if r.days_late is None else float(r.days_late),
            "dispute_opened": _day(r.dispute_opened),
        }
        for r in rows
    ]
    frame = pd.DataFrame.from_records(records, columns=HISTORY_COLUMNS)
    return frame.sort_values(["invoice_date", "invoice_number"], kind="stable").reset_index(drop=True)


def day_to_date(day: float) -> date:
    return date.fromordinal(_EPOCH.toordinal() + int(day))


def _nanmean(values: np.ndarray) -> float:
    return float(values.mean()) if values.size else math.nan


def _country_index(history: pd.DataFrame) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per country: settled days (sorted) and the running count of late ones, for 'late share before D' look-ups."""
    known = history[history["settled_date"].notna() & history["days_late"].notna()]
    index = {}
    for country, group in known.groupby("country"):
        if not country:
            continue  # an unknown country is no group
        order = np.argsort(group["settled_date"].to_numpy(), kind="stable")
        settled = group["settled_date"].to_numpy()[order]
        late = (group["days_late"].to_numpy()[order] > 0).cumsum()
        index[str(country)] = (settled, late)
    return index


def point_in_time_features(
    history: pd.DataFrame, invoices: pd.DataFrame, as_of: Sequence[float] | None = None
) -> pd.DataFrame:
    """Features of each invoice as of its issue date (or ``as_of``, day numbers), from ``history`` (a history_frame).

    ``invoices`` has the history columns (settlement columns are ignored); it may be a subset of ``history``.
    Returns FEATURE_NAMES + DETAIL_NAMES columns, one row per invoice, same index.
    """
    by_customer = {str(c): g for c, g in history.groupby("customer_id", sort=False)}
    arrays = {
        c: {
            name: g[name].to_numpy()
            for name in (
                "invoice_number",
                "invoice_date",
                "due_date",
                "amount",
                "disputed",
                "paperless",
                "settled_date",
                "days_late",
                "dispute_opened",
            )
        }
        for c, g in by_customer.items()
    }
    countries = _country_index(history)
    days = invoices["invoice_date"].to_numpy(dtype=float) if as_of is None else np.asarray(as_of, dtype=float)
    out: list[dict[str, Any]] = []
    for (_, inv), day in zip(invoices.iterrows(), days, strict=True):
        out.append(_features_of(inv, day, arrays.get(str(inv["customer_id"])), countries.get(str(inv["country"]))))
    return pd.DataFrame(out, index=invoices.index, columns=FEATURE_NAMES + DETAIL_NAMES)


def _features_of(inv: pd.Series, day: float, cust: dict[str, np.ndarray] | None, country: Any) -> dict[str, Any]:
    amount = float(inv["amount"])
    due = float(inv["due_date"])
    f: dict[str, Any] = {name: math.nan for name in FEATURE_NAMES}
    f.update(n_late=0, n_last5=0, n_late_last5=0, n_disputed=0, amount=amount, country=str(inv["country"]))
    f["amount_log"] = math.log1p(amount) if amount == amount and amount >= 0 else math.nan
    f["terms_days"] = due - float(inv["invoice_date"]) if due == due else math.nan
    f["paperless"] = float(inv["paperless"])
    issued = day_to_date(float(inv["invoice_date"]))
    f["invoice_month"] = float(issued.month)
    f["due_on_weekend"] = float(day_to_date(due).weekday() >= 5) if due == due else math.nan
    if country is not None:
        settled_days, late_cum = country
        k = int(np.searchsorted(settled_days, day, side="left"))  # settled strictly before D
        f["country_share_late"] = late_cum[k - 1] / k if k else math.nan

    prior_share = f["country_share_late"] if f["country_share_late"] == f["country_share_late"] else DEFAULT_LATE_SHARE
    f["smoothed_share_late"] = prior_share  # no history: the country's share; shrunk towards it below
    f["dispute_propensity"] = DEFAULT_DISPUTE_SHARE
    f["n_prior_invoices"] = f["n_settled"] = f["open_count"] = f["overdue_count"] = 0.0
    f["max_days_overdue"] = 0.0
    if cust is None:
        return f
    prior = (cust["invoice_date"] < day) & (cust["invoice_number"] != inv["invoice_number"])
    if not prior.any():
        return f
    f["n_prior_invoices"] = float(prior.sum())
    issued_days = cust["invoice_date"][prior]
    f["tenure_days"] = day - issued_days.min()
    f["days_since_last_invoice"] = day - issued_days.max()
    amounts = cust["amount"][prior]
    usual = float(np.nanmedian(amounts)) if np.isfinite(amounts).any() else math.nan
    if usual == usual and usual > 0:
        f["amount_ratio"] = amount / usual

    settled_before = prior & (cust["settled_date"] < day)  # NaN (open) compares False
    known = settled_before & np.isfinite(cust["days_late"])
    open_at_d = prior & ~settled_before
    f["open_count"] = float(open_at_d.sum())
    overdue = open_at_d & (cust["due_date"] < day)
    f["overdue_count"] = float(overdue.sum())
    if overdue.any():
        f["max_days_overdue"] = float((day - cust["due_date"][overdue]).max())
    if usual == usual and usual > 0:
        f["open_amount_ratio"] = float(np.nansum(cust["amount"][open_at_d])) / usual

    n = int(known.sum())
    f["n_settled"] = float(n)
    if n:
        delays = cust["days_late"][known]  # already in invoice-date order
        late = delays > 0
        last5 = late[-5:]
        f["n_late"], f["n_last5"], f["n_late_last5"] = int(late.sum()), int(last5.size), int(last5.sum())
        f["share_late"] = late.mean()
        f["smoothed_share_late"] = (late.sum() + PRIOR_WEIGHT * prior_share) / (n + PRIOR_WEIGHT)
        f["share_late_last5"] = last5.mean()
        f["mean_days_late"] = delays.mean()
        f["max_days_late"] = delays.max()
        weights = RECENCY_DECAY ** np.arange(n)[::-1]  # the latest settled invoice weighs most
        f["recent_late"] = float((weights * late).sum() / weights.sum())
        f["recent_days_late"] = float((weights * delays).sum() / weights.sum())
        f["last_days_late"] = float(delays[-1])
        f["days_late_trend"] = delays[-3:].mean() - delays.mean() if n >= 4 else math.nan
        to_settle = cust["settled_date"][known] - cust["invoice_date"][known]
        f["mean_days_to_settle"] = _nanmean(to_settle)
        # how far past its terms the customer usually settles (negative: early); with the share of earlier
        # invoices billed paperless beside the invoice's own channel, a linear model learns the channel's effect
        terms = f["terms_days"]
        if terms != terms:  # the invoice's terms unknown: the customer's usual ones
            terms = _nanmean(cust["due_date"][known] - cust["invoice_date"][known])
        f["settle_margin"] = f["mean_days_to_settle"] - terms
        channel = cust["paperless"][known]
        f["prior_paperless_share"] = float(np.nanmean(channel)) if np.isfinite(channel).any() else math.nan
        # a dispute counts once its invoice was settled (the history's flag has no date) or from the day it was
        # opened in LedgerLens
        disputes = cust["disputed"][known].astype(bool) | (cust["dispute_opened"][known] < day)
        f["n_disputed"] = int(disputes.sum())
        f["disputed_share"] = disputes.mean()
        open_disputed = float((open_at_d & (cust["dispute_opened"] < day)).sum())  # disputed before it is paid
        f["dispute_propensity"] = (disputes.sum() + open_disputed + PRIOR_WEIGHT * DEFAULT_DISPUTE_SHARE) / (
            n + open_disputed + PRIOR_WEIGHT
        )
    return f


def next_invoice_frame(history: pd.DataFrame, customer_id: str, today: date) -> pd.DataFrame:
    """A hypothetical invoice issued today, on the customer's usual terms and amount (the 'next invoice')."""
    own = history[history["customer_id"] == customer_id]
    if own.empty:
        raise LookupError(customer_id)
    day = _day(today)
    terms = (own["due_date"] - own["invoice_date"]).median()
    amount = own["amount"].median()
    last = own.sort_values("invoice_date").iloc[-1]
    row = {
        "customer_id": customer_id,
        "invoice_number": "__next__",
        "country": last["country"],
        "invoice_date": day,
        "due_date": day + (terms if terms == terms else 30.0),
        "amount": amount,
        "disputed": False,
        "paperless": last["paperless"],
        "settled_date": math.nan,
        "days_late": math.nan,
    }
    return pd.DataFrame([row], columns=HISTORY_COLUMNS)


def _count(value: float) -> int:
    return int(round(value))


def _plural(value: float, noun: str) -> str:
    n = _count(value)
    return f"{n} {noun}{'' if n == 1 else 's'}"


def describe(feature: str, f: dict[str, Any]) -> str:
    """One feature of one invoice in plain words, e.g. 'paid 4 of the last 5 invoices late'."""
    v: Any = f.get(feature)
    missing = v is None or (isinstance(v, float) and math.isnan(v))
    no_history = "no settled invoices before this one"
    match feature:
        case "n_prior_invoices":
            return f"{_count(v)} earlier invoices" if v else "first invoice of this customer"
        case "n_settled":
            return f"{_count(v)} earlier invoices settled" if v else no_history
        case "share_late":
            return no_history if missing else f"paid {f['n_late']} of {_count(f['n_settled'])} earlier invoices late"
        case "smoothed_share_late":
            if not f.get("n_settled"):
                return "no history yet: typical share late in its country"
            return f"paid {f['n_late']} of {_count(f['n_settled'])} earlier invoices late"
        case "recent_late":
            return no_history if missing else f"paid {f['n_late_last5']} of the last {f['n_last5']} invoices late"
        case "recent_days_late":
            return no_history if missing else f"recent invoices paid {v:.1f} days late (weighted to the latest)"
        case "last_days_late":
            return (
                no_history
                if missing
                else (f"last invoice paid {_count(v)} days late" if v else "last invoice paid on time")
            )
        case "share_late_last5":
            return no_history if missing else f"paid {f['n_late_last5']} of the last {f['n_last5']} invoices late"
        case "mean_days_late":
            return no_history if missing else f"paid {v:.1f} days late on average"
        case "max_days_late":
            return no_history if missing else f"longest delay so far {_count(v)} days"
        case "days_late_trend":
            if missing:
                return "too few settled invoices to see a trend"
            return f"recent delays {'longer' if v > 0 else 'shorter'} than usual ({v:+.1f} days)"
        case "mean_days_to_settle":
            return no_history if missing else f"settled {v:.0f} days after issue on average"
        case "settle_margin":
            if missing:
                return no_history
            days = round(abs(v))
            if days == 0:
                return "usually pays on the due date"
            return f"usually pays {days} day{'s' if days != 1 else ''} {'after' if v > 0 else 'before'} the due date"
        case "prior_paperless_share":
            return no_history if missing else f"{v:.0%} of its record billed paperless"
        case "dispute_propensity":
            if not f.get("n_settled"):
                return "no history yet: typical dispute rate"
            return f"disputed {f['n_disputed']} of {_count(f['n_settled'])} earlier invoices"
        case "disputed_share":
            return no_history if missing else f"disputed {f['n_disputed']} of {_count(f['n_settled'])} earlier invoices"
        case "open_count":
            return f"{_plural(v, 'other invoice')} open" if v else "no other invoice open"
        case "overdue_count":
            return f"{_plural(v, 'open invoice')} already overdue" if v else "nothing overdue"
        case "max_days_overdue":
            return f"oldest overdue invoice {_count(v)} days past due" if v else "nothing overdue"
        case "open_amount_ratio":
            return "no usual amount yet" if missing else f"open amount {v:.1f}x the customer's usual invoice"
        case "amount_log":
            return "amount unknown" if missing else f"invoice amount {f['amount']:,.2f}"
        case "amount_ratio":
            return "no usual amount yet" if missing else f"amount {v:.1f}x the customer's usual"
        case "terms_days":
            return "terms unknown" if missing else f"{_count(v)}-day payment terms"
        case "paperless":
            if missing:
                return "billing channel unknown"
            if f.get("prior_paperless_share") == f.get("prior_paperless_share") and f.get("n_settled"):
                share = f["prior_paperless_share"]
                record = "paperless" if share >= 0.5 else "paper"
                return f"billed {'paperless' if v else 'on paper'}; its record so far mostly {record}"
            return "paperless billing" if v else "paper billing"
        case "tenure_days":
            return "new customer" if missing else f"customer for {_count(v)} days"
        case "days_since_last_invoice":
            return "first invoice" if missing else f"{_count(v)} days since the previous invoice"
        case "country_share_late":
            return (
                "no history in this country" if missing else f"{v:.0%} of invoices in country {f['country']} paid late"
            )
        case "invoice_month":
            return "issue month unknown" if missing else f"issued in {calendar.month_name[_count(v)]}"
        case "due_on_weekend":
            return "due date unknown" if missing else ("due on a weekend" if v else "due on a weekday")
    return f"{feature} = {v}"
