"""The collections UI beside the review UI: worklist, client page (payment chart as server-rendered SVG), KPIs.

Same login cookie, look and keyboard habits as the review pages (api/routes/ui.py); forms post back here and
redirect (post/redirect/get) with a notice. Nothing is loaded from outside the app.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.deps import CsrfChecked, SessionDep, SettingsDep
from api.routes.collections import worklist_csv
from api.routes.ui import _render, role_page
from core.errors import InvalidInput, LedgerLensError
from ledgerlens.services import collections, risk
from ledgerlens.services.auth import Principal
from risk.disputes import REASONS

router = APIRouter(include_in_schema=False)

BANDS = ("high", "medium", "low")
KPI_LABELS = {
    "dso_days": ("DSO", "d"),
    "late_payment_rate": ("Paid late", "%"),
    "dispute_rate": ("Disputed", "%"),
    "precheck_block_rate": ("Pre-send blocked", "%"),
    "automation_rate": ("No person touched", "%"),
    "review_age_p50_hours": ("Review age p50", "h"),
    "review_age_p90_hours": ("Review age p90", "h"),
    "sla_breaches": ("SLA breaches", ""),
}
NOTICES = {
    "owner": "Owner saved.",
    "contact": "Contact logged.",
    "promise": "Promise to pay logged.",
    "broken_promise": "Broken promise logged.",
    "pause": "Reminders paused.",
    "resume": "Reminders resumed.",
    "dispute": "Dispute opened: the invoice's reminders pause until it is resolved.",
    "dispute_step": "Dispute updated.",
}


Collector = Annotated[Principal, Depends(role_page("collections"))]
KpiViewer = Annotated[Principal, Depends(role_page("collections", "reviewer"))]


def _as_of(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        return date.today()


def _notice_url(path: str, notice: str | None = None, error: str | None = None) -> str:
    query = {k: v for k, v in (("done", notice), ("error", error)) if v}
    return path + (f"?{urlencode(query)}" if query else "")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


# ----------------------------------------------------------------------------------------------------- worklist


@router.get("/ui/collections", response_class=HTMLResponse)
def worklist_page(
    request: Request,
    session: SessionDep,
    user: Collector,
    band: str = "",
    owner: str = "",
    as_of: str | None = None,
) -> Response:
    today = _as_of(as_of)
    items = risk.worklist(session, today, limit=1000)
    owners = sorted({i["owner"] for i in items if i.get("owner")})
    shown = [
        i
        for i in items
        if (not band or i["risk_band"] == band)
        and (not owner or (i.get("owner") or "") == ("" if owner == "-" else owner))
    ]
    totals = {
        "clients": len(shown),
        "open": sum((Decimal(i["open_amount"]) for i in shown), Decimal(0)),
        "overdue": sum((Decimal(i["overdue_amount"]) for i in shown), Decimal(0)),
        "expected": sum((Decimal(i["expected_overdue_amount"]) for i in shown), Decimal(0)),
        "high": sum(1 for i in shown if i["risk_band"] == "high"),
    }
    query = urlencode({k: v for k, v in (("band", band), ("owner", owner), ("as_of", as_of)) if v})
    return _render(
        request,
        "collections.html",
        user,
        rows=shown,
        totals=totals,
        owners=owners,
        bands=BANDS,
        filters={"band": band, "owner": owner, "as_of": as_of or ""},
        today=today,
        export_query=query,
        collections_page="worklist",
    )


@router.get("/ui/collections/export.csv")
def export(session: SessionDep, user: Collector, as_of: str | None = None) -> Response:
    items = risk.worklist(session, _as_of(as_of), limit=10000)
    return Response(
        worklist_csv(items),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="worklist.csv"'},
    )


# ------------------------------------------------------------------------------------------------------ client


def payment_chart(history: list[dict[str, Any]], today: date, width: int = 760, height: int = 220) -> dict[str, Any]:
    """Coordinates for an SVG scatter of days paid after the due date (negative: early) over the issue date;
    invoices still open are drawn hollow at the days they are overdue today."""
    pad_l, pad_r, pad_t, pad_b = 44, 12, 12, 28
    points = []
    for h in history:
        if h["due_date"] is None or h["invoice_date"] > today:
            continue  # not issued yet on the day the page is about
        settled = h["settled_date"] is not None and h["settled_date"] <= today
        end = h["settled_date"] if settled else today
        points.append(
            {
                "x_day": h["invoice_date"],
                "days": (end - h["due_date"]).days,
                "open": not settled,
                "label": h["invoice_number"],
                "disputed": h["disputed"],
            }
        )
    if not points:
        return {"width": width, "height": height, "points": [], "ticks": [], "x_ticks": []}
    first = min(p["x_day"] for p in points)
    last = max(max(p["x_day"] for p in points), first + timedelta(days=1))
    lo = min(-10, *(p["days"] for p in points))
    hi = max(10, *(p["days"] for p in points))
    span_x, span_y = (last - first).days, hi - lo

    def x(day: date) -> float:
        return round(pad_l + (day - first).days / span_x * (width - pad_l - pad_r), 1)

    def y(days: float) -> float:
        return round(pad_t + (hi - days) / span_y * (height - pad_t - pad_b), 1)

    for p in points:
        p["x"], p["y"] = x(p["x_day"]), y(p["days"])
        p["css"] = "open" if p["open"] else ("late" if p["days"] > 0 else "ontime")
    step = max(1, round(span_y / 4 / 5) * 5)
    ticks = [{"y": y(v), "label": v} for v in range(int(lo // step * step), int(hi) + 1, step) if lo <= v <= hi]
    months, cursor = [], date(first.year, first.month, 1)
    while cursor <= last:
        if cursor >= first:
            months.append({"x": x(cursor), "label": cursor.strftime("%b %y")})
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    every = max(1, len(months) // 8)
    return {
        "width": width,
        "height": height,
        "points": points,
        "ticks": ticks,
        "x_ticks": months[::every],
        "zero": y(0),
        "left": pad_l,
        "right": width - pad_r,
        "bottom": height - pad_b,
    }


@router.get("/ui/collections/clients/{customer_id}", response_class=HTMLResponse)
def client_page(
    customer_id: str, request: Request, session: SessionDep, user: Collector, as_of: str | None = None
) -> Response:
    today = _as_of(as_of)
    try:
        score = risk.client_risk(session, customer_id, today)
        history = risk.client_history(session, customer_id)
    except LedgerLensError as exc:
        return _render(request, "forbidden.html", user, exc.status, message=exc.detail)
    errors = request.query_params.get("error")
    return _render(
        request,
        "collections_client.html",
        user,
        c=score,
        raising=[r for r in score["reasons"] if r.get("direction") == "raises"],
        chart=payment_chart(history, today),
        history=[h for h in reversed(history) if h["invoice_date"] <= today][:24],
        events=collections.events(session, customer_id),
        disputes=collections.list_disputes(session, customer_id=customer_id),
        reasons=REASONS,
        done=NOTICES.get(request.query_params.get("done", "")),
        error=errors,
        today=today,
        collections_page="client",
    )


def _act(session: SessionDep, customer_id: str, action: Any, notice: str) -> Response:
    """Run a form's action; a refused one changes nothing (rolled back) and comes back as the page's error."""
    target = f"/ui/collections/clients/{customer_id}"
    try:
        action()
    except LedgerLensError as exc:
        session.rollback()
        return RedirectResponse(_notice_url(target, error=exc.detail), status_code=303)
    return RedirectResponse(_notice_url(target, notice=notice), status_code=303)


@router.post("/ui/collections/clients/{customer_id}/owner", dependencies=[CsrfChecked])
def post_owner(customer_id: str, session: SessionDep, user: Collector, owner: str = Form("")) -> Response:
    return _act(session, customer_id, lambda: collections.assign_owner(session, user, customer_id, owner), "owner")


@router.post("/ui/collections/clients/{customer_id}/events", dependencies=[CsrfChecked])
def post_event(
    customer_id: str,
    session: SessionDep,
    user: Collector,
    kind: str = Form(...),
    note: str = Form(""),
    promise_date: str = Form(""),
    promise_amount: str = Form(""),
) -> Response:

    def log() -> None:
        try:
            day = date.fromisoformat(promise_date) if promise_date else None
        except ValueError:
            raise InvalidInput("the promised date must be YYYY-MM-DD") from None
        amount = _decimal(promise_amount, "the promised amount") if promise_amount.strip() else None
        collections.log_event(session, user, customer_id, kind, note.strip() or None, day, amount)

    return _act(session, customer_id, log, kind)


@router.post("/ui/collections/clients/{customer_id}/reminders", dependencies=[CsrfChecked])
def post_reminders(
    customer_id: str,
    session: SessionDep,
    user: Collector,
    paused: str = Form(...),
    note: str = Form(""),
) -> Response:
    pause = paused == "1"
    return _act(
        session,
        customer_id,
        lambda: collections.set_reminders_paused(session, user, customer_id, pause, note.strip() or None),
        "pause" if pause else "resume",
    )


@router.post("/ui/collections/clients/{customer_id}/disputes", dependencies=[CsrfChecked])
def post_dispute(
    customer_id: str,
    session: SessionDep,
    settings: SettingsDep,
    user: Collector,
    invoice_number: str = Form(...),
    reason: str = Form(...),
    amount: str = Form(""),
    note: str = Form(""),
) -> Response:
    """Open a dispute on one of the client's invoices (the API's rules; evidence files go through the API)."""

    def open_it() -> None:
        collections.open_dispute(
            session,
            user,
            settings.files_dir,
            customer_id=customer_id,
            invoice_number=invoice_number,
            reason=reason,
            amount=_decimal(amount, "the disputed amount"),
            note=note.strip() or None,
        )

    return _act(session, customer_id, open_it, "dispute")


@router.post("/ui/collections/disputes/{dispute_id}", dependencies=[CsrfChecked])
def post_dispute_step(
    dispute_id: str,
    session: SessionDep,
    settings: SettingsDep,
    user: Collector,
    step: str = Form(...),
    credit_amount: str = Form(""),
    note: str = Form(""),
) -> Response:
    """Move a dispute: review, resolve with a credit memo or a rejection, or (admins) approve a large credit."""
    dispute = collections.get_dispute(session, dispute_id)

    def move() -> None:
        if step == "review":
            collections.review_dispute(session, user, dispute_id, note)
        elif step in ("credit_memo", "rejected"):
            credit = _decimal(credit_amount, "the credit") if step == "credit_memo" else None
            collections.resolve_dispute(
                session,
                user,
                dispute_id,
                outcome=step,
                credit_amount=credit,
                note=note,
                approval_above=settings.collections.credit_memo_approval_above,
            )
        elif step == "approve":
            collections.approve_credit(session, user, dispute_id, note)
        else:
            raise InvalidInput(f"unknown step {step!r}")

    return _act(session, dispute.customer_id, move, "dispute_step")


def _decimal(text: str, what: str) -> Decimal:
    try:
        return Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        raise InvalidInput(f"{what} must be an amount like 1250.00") from None


# -------------------------------------------------------------------------------------------------------- KPIs


def trend(weeks: list[dict[str, Any]], key: str, width: int = 220, height: int = 48) -> dict[str, Any]:
    """A sparkline's points for one KPI over the weeks (weeks without a value are skipped)."""
    values = [(i, w[key]) for i, w in enumerate(weeks) if isinstance(w.get(key), int | float)]
    if not values:
        return {"points": "", "dots": [], "width": width, "height": height}
    lo, hi = min(v for _, v in values), max(v for _, v in values)
    span = (hi - lo) or 1
    step = (width - 8) / max(1, len(weeks) - 1)
    dots = [
        {"x": round(4 + i * step, 1), "y": round(height - 4 - (v - lo) / span * (height - 8), 1)} for i, v in values
    ]
    return {
        "points": " ".join(f"{d['x']},{d['y']}" for d in dots),
        "dots": dots,
        "width": width,
        "height": height,
        "min": lo,
        "max": hi,
    }


def show(key: str, value: Any) -> str:
    if value is None:
        return "—"
    unit = KPI_LABELS[key][1]
    if unit == "%":
        return percent(value)
    return f"{value:g} {unit}".strip()


@router.get("/ui/kpis", response_class=HTMLResponse)
def kpi_page(
    request: Request,
    session: SessionDep,
    user: KpiViewer,
    start: str | None = None,
    end: str | None = None,
) -> Response:
    last = _as_of(end)
    first = _as_of(start) if start else last - timedelta(weeks=12) + timedelta(days=1)
    try:
        figures = collections.kpis(session, first, last, by_week=True)
    except LedgerLensError as exc:
        return _render(request, "forbidden.html", user, exc.status, message=exc.detail)
    cards = [
        {"key": k, "label": label, "value": show(k, figures[k]), "trend": trend(figures["weeks"], k)}
        for k, (label, _) in KPI_LABELS.items()
    ]
    return _render(
        request,
        "kpis.html",
        user,
        figures=figures,
        cards=cards,
        keys=list(KPI_LABELS),
        show=show,
        labels=KPI_LABELS,
        period={"start": first.isoformat(), "end": last.isoformat()},
        collections_page="kpis",
    )
