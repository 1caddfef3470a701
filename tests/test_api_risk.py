"""Client risk through the real app: recording history (JSON, CSV), scores, the worklist, roles."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import auth

DEMO = Path(__file__).resolve().parents[1] / "data" / "payments_demo.csv"


def _load_demo(client, token):
    r = client.post("/v1/payments", content=DEMO.read_bytes(), headers=auth(token) | {"Content-Type": "text/csv"})
    assert r.status_code == 200, r.text
    return r.json()


def test_csv_history_then_client_risk(client, tokens, contract_validator):
    token = tokens["collections"]
    recorded = _load_demo(client, token)
    assert recorded["accepted"] > 100 and recorded["errors"] == []
    customer = DEMO.read_text().splitlines()[1].split(",")[0]
    r = client.get(f"/v1/clients/{customer}/risk", headers=auth(token), params={"as_of": "2026-06-01"})
    assert r.status_code == 200, r.text
    body = r.json()
    contract_validator(body, "risk.schema.json")
    assert 0 <= body["probability_late"] <= 1 and body["reasons"]
    assert all(isinstance(day, int) for day in body["reminder_plan"])


def test_worklist_is_ordered_by_expected_overdue(client, tokens, contract_validator):
    token = tokens["collections"]
    _load_demo(client, token)
    r = client.get("/v1/risk", headers=auth(token), params={"order": "expected_overdue", "as_of": "2026-06-01"})
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert items
    for item in items:
        contract_validator(item, "risk.schema.json")
    exposure = [float(item["expected_overdue_amount"]) for item in items]
    assert exposure == sorted(exposure, reverse=True)
    assert client.get("/v1/risk", headers=auth(token), params={"order": "alphabet"}).status_code == 422


def test_json_rows_with_a_bad_row_are_reported(client, tokens):
    rows = [
        {
            "customer_id": "ZED",
            "invoice_number": "Z-1",
            "invoice_date": "2026-01-05",
            "due_date": "2026-02-04",
            "amount": "1200.00",
        },
        {
            "customer_id": "ZED",
            "invoice_number": "Z-2",
            "invoice_date": "not a date",
            "due_date": "2026-02-04",
            "amount": "5",
        },
    ]
    r = client.post("/v1/payments", json=rows, headers=auth(tokens["collections"]))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["accepted"] == 1 and len(body["errors"]) == 1 and body["errors"][0]["row"] is not None


def test_all_rows_bad_is_422(client, tokens):
    r = client.post("/v1/payments", json=[{"customer_id": "X"}], headers=auth(tokens["collections"]))
    assert r.status_code == 422 and r.json()["errors"]
    r = client.post("/v1/payments", json={"not": "a list"}, headers=auth(tokens["collections"]))
    assert r.status_code == 422


def test_unknown_client_is_404(client, tokens):
    r = client.get("/v1/clients/NOBODY/risk", headers=auth(tokens["collections"]))
    assert r.status_code == 404 and "NOBODY" in r.json()["detail"]


def test_roles_for_risk(client, tokens):
    for role in ("billing", "reviewer"):
        assert client.get("/v1/risk", headers=auth(tokens[role])).status_code == 403
        assert client.post("/v1/payments", json=[], headers=auth(tokens[role])).status_code == 403
    assert client.get("/v1/risk", headers=auth(tokens["admin"])).status_code == 200
