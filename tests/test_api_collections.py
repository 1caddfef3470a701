"""Collections actions, the worklist CSV and the KPIs through the real app, per role."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from risk import kpis as figures
from tests.conftest import auth

TODAY = date.today()
ROWS = [
    {
        "customer_id": "ACME",
        "invoice_number": f"A-{n}",
        "invoice_date": (TODAY - timedelta(days=70 - 10 * n)).isoformat(),
        "due_date": (TODAY - timedelta(days=40 - 10 * n)).isoformat(),
        "amount": "1000.00",
        "settled_date": (TODAY - timedelta(days=30 - 10 * n)).isoformat() if n < 2 else "",
    }
    for n in range(4)
]


@pytest.fixture
def history(client, tokens):
    r = client.post("/v1/payments", json=ROWS, headers=auth(tokens["collections"]))
    assert r.status_code == 200 and not r.json()["errors"], r.text


def test_owner_events_and_paused_reminders(client, tokens, history):
    token = tokens["collections"]
    r = client.put("/v1/clients/ACME/owner", json={"owner": "dana"}, headers=auth(token))
    assert r.status_code == 200 and r.json()["owner"] == "dana"
    promise = {"kind": "promise", "note": "CFO promised", "promise_date": TODAY.isoformat(), "promise_amount": "2000"}
    r = client.post("/v1/clients/ACME/events", json=promise, headers=auth(token))
    assert r.status_code == 201 and r.json()["promise_amount"] == "2000.00"
    assert client.post("/v1/clients/ACME/events", json={"kind": "promise"}, headers=auth(token)).status_code == 422
    assert client.post("/v1/clients/ACME/events", json={"kind": "visit"}, headers=auth(token)).status_code == 422
    assert client.post("/v1/clients/ACME/events", json={"kind": "contact"}, headers=auth(token)).status_code == 422
    r = client.post("/v1/clients/ACME/events", json={"kind": "broken_promise"}, headers=auth(token))
    assert r.status_code == 201
    assert client.put("/v1/clients/ACME/reminders", json={"paused": True}, headers=auth(token)).status_code == 422
    r = client.put("/v1/clients/ACME/reminders", json={"paused": True, "note": "talks"}, headers=auth(token))
    assert r.status_code == 200 and r.json()["reminders_paused"]
    risk = client.get("/v1/clients/ACME/risk", headers=auth(token)).json()
    assert risk["owner"] == "dana" and risk["reminders_paused"]
    assert risk["invoices"] and all(i["paused"] and i["next_reminder"] is None for i in risk["invoices"])
    kinds = [e["kind"] for e in client.get("/v1/clients/ACME/events", headers=auth(token)).json()["items"]]
    assert kinds == ["pause", "broken_promise", "promise", "assign"]
    client.put("/v1/clients/ACME/reminders", json={"paused": False}, headers=auth(token))
    assert not client.get("/v1/clients/ACME/risk", headers=auth(token)).json()["reminders_paused"]
    audit = client.get("/v1/audit", headers=auth(tokens["admin"]), params={"entity_type": "client"}).json()
    assert {"collections.assign", "collections.pause", "collections.resume"} <= {e["action"] for e in audit["entries"]}
    assert client.get("/v1/audit/verify", headers=auth(tokens["admin"])).json()["ok"]
    assert client.put("/v1/clients/NOPE/owner", json={"owner": "x"}, headers=auth(token)).status_code == 404


def test_worklist_csv(client, tokens, history):
    r = client.get("/v1/risk.csv", headers=auth(tokens["collections"]))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["customer_id"] for row in rows] == ["ACME"]
    assert Decimal(rows[0]["open_amount"]) == Decimal("2000.00") and 0 < float(rows[0]["probability_late"]) < 1


def test_kpis_from_the_history(client, tokens, history):
    r = client.get(
        "/v1/kpis",
        params={"from": (TODAY - timedelta(days=80)).isoformat(), "to": TODAY.isoformat(), "by_week": "true"},
        headers=auth(tokens["reviewer"]),
    )
    assert r.status_code == 200, r.text
    body = r.json()
    for key in ("dso_days", "dispute_rate", "precheck_block_rate", "exceptions_by_code", "review_age_p50_hours",
                "review_age_p90_hours", "sla_breaches", "automation_rate", "late_payment_rate"):  # fmt: skip
        assert key in body
    assert body["counts"]["invoices_issued"] == 4 and body["dispute_rate"] == 0
    # paid 10 days late, A-2 and A-3 unpaid past due
    assert body["late_payment_rate"] == 1.0 and body["counts"]["invoices_due"] == 4
    assert body["dso_days"] == pytest.approx(2000 / 4000 * 81, abs=0.1)
    assert len(body["weeks"]) >= 12
    bad = client.get("/v1/kpis", params={"from": "2026-02-01", "to": "2026-01-01"}, headers=auth(tokens["reviewer"]))
    assert bad.status_code == 422


def test_kpi_figures_on_checks_and_review_tasks():
    t = datetime(2026, 3, 2, 9, tzinfo=UTC)
    checks = [
        figures.Check(t, "fail", ("price_mismatch",), True),
        figures.Check(t, "pass", (), False),
        figures.Check(t, "review", ("price_mismatch", "missing_po"), True),
    ]
    tasks = [
        figures.Task(t, t + timedelta(hours=2), t + timedelta(hours=4)),
        figures.Task(t, t + timedelta(hours=10), t + timedelta(hours=4)),  # breached
    ]
    docs = [figures.Document(t, False), figures.Document(t, True)]
    out = figures.compute(date(2026, 3, 2), date(2026, 3, 8), [], checks, tasks, docs, now=t + timedelta(days=30))
    assert out["precheck_block_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert out["exceptions_by_code"] == {"price_mismatch": 2, "missing_po": 1}
    assert out["review_age_p50_hours"] == 6.0 and out["sla_breaches"] == 1
    assert out["automation_rate"] == 0.4  # one document and one check of five untouched
    assert out["dso_days"] is None and out["late_payment_rate"] is None


@pytest.mark.parametrize(
    ("method", "path", "wrong"),
    [
        ("put", "/v1/clients/ACME/owner", "reviewer"),
        ("post", "/v1/clients/ACME/events", "billing"),
        ("get", "/v1/clients/ACME/events", "reviewer"),
        ("put", "/v1/clients/ACME/reminders", "billing"),
        ("get", "/v1/risk.csv", "reviewer"),
        ("get", "/v1/kpis", "billing"),
    ],
)
def test_roles(client, tokens, method, path, wrong):
    kwargs = {"json": {}} if method in ("put", "post") else {}
    assert getattr(client, method)(path, **kwargs).status_code == 401
    assert getattr(client, method)(path, headers=auth(tokens[wrong]), **kwargs).status_code == 403
