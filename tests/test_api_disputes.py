"""Disputes and credit memos through the real app: states, approval, evidence, reminders, audit, roles."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import auth

TODAY = date.today()
INVOICE = {
    "customer_id": "ACME",
    "invoice_number": "INV-1",
    "invoice_date": (TODAY - timedelta(days=40)).isoformat(),
    "due_date": (TODAY + timedelta(days=5)).isoformat(),
    "amount": "5000.00",
}
OTHER = {**INVOICE, "invoice_number": "INV-2"}


@pytest.fixture
def history(client, tokens):
    r = client.post("/v1/payments", json=[INVOICE, OTHER], headers=auth(tokens["collections"]))
    assert r.status_code == 200, r.text


def _open(client, token, **extra):
    body = {"customer_id": "ACME", "invoice_number": "INV-1", "reason": "price", "amount": "2500.00", **extra}
    return client.post("/v1/disputes", json=body, headers=auth(token))


def _reminders(client, token):
    r = client.get("/v1/clients/ACME/risk", headers=auth(token))
    assert r.status_code == 200, r.text
    return {i["invoice_number"]: i for i in r.json()["invoices"]}


def test_open_review_resolve_with_a_small_credit_memo(client, tokens, history):
    token = tokens["collections"]
    r = _open(client, token, note="unit price 12.50 agreed, billed 13.00")
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "open" and body["dispute_id"] and body["amount"] == "2500.00"
    dispute = body["dispute_id"]
    paused = _reminders(client, token)
    assert paused["INV-1"]["paused"] and paused["INV-1"]["next_reminder"] is None  # the disputed invoice only
    assert not paused["INV-2"]["paused"] and paused["INV-2"]["next_reminder"]

    r = client.post(f"/v1/disputes/{dispute}/review", json={"note": "asked sales"}, headers=auth(token))
    assert r.status_code == 200 and r.json()["status"] == "in_review"
    r = client.post(
        f"/v1/disputes/{dispute}/resolve",
        json={"resolution": "credit_memo", "credit_amount": "250.00", "note": "price was wrong"},
        headers=auth(token),
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "resolved" and r.json()["resolution"] == "credit_memo"
    assert r.json()["credit_amount"] == "250.00"
    assert not _reminders(client, token)["INV-1"]["paused"]  # resolved: reminders again

    detail = client.get(f"/v1/disputes/{dispute}", headers=auth(token)).json()
    actions = [(h["action"], h["reason"]) for h in detail["history"]]
    assert actions == [
        ("dispute.open", "unit price 12.50 agreed, billed 13.00"),
        ("dispute.review", "asked sales"),
        ("dispute.resolve", "price was wrong"),
    ]
    assert all("test-collections" in h["actor"] for h in detail["history"])
    # resolved is final
    r = client.post(f"/v1/disputes/{dispute}/review", json={"note": "again"}, headers=auth(token))
    assert r.status_code == 409 and "resolved" in r.json()["detail"]


def test_a_large_credit_memo_waits_for_an_admin(client, tokens, history):
    dispute = _open(client, tokens["collections"]).json()["dispute_id"]
    big = {"resolution": "credit_memo", "credit_amount": "2000.00", "note": "whole line wrong"}
    r = client.post(f"/v1/disputes/{dispute}/resolve", json=big, headers=auth(tokens["collections"]))
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "in_review" and r.json()["awaiting_approval"]["credit_amount"] == "2000.00"
    r = client.post(f"/v1/disputes/{dispute}/approve", json={"note": "ok"}, headers=auth(tokens["collections"]))
    assert r.status_code == 403
    r = client.post(f"/v1/disputes/{dispute}/approve", json={"note": "checked the PO"}, headers=auth(tokens["admin"]))
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "resolved" and r.json()["credit_amount"] == "2000.00"
    assert r.json()["awaiting_approval"] is None


def test_rejection_and_bad_input(client, tokens, history):
    token = tokens["collections"]
    assert _open(client, token, reason="because").status_code == 422
    assert _open(client, token, amount="6000.00").status_code == 422  # more than the invoice
    assert _open(client, token, amount="-1").status_code == 422
    assert _open(client, token, invoice_number="NOPE").status_code == 404
    assert client.post("/v1/disputes", content=b"{", headers=auth(token)).status_code == 422
    dispute = _open(client, token).json()["dispute_id"]
    resolve = f"/v1/disputes/{dispute}/resolve"
    assert client.post(resolve, json={"resolution": "rejected", "note": ""}, headers=auth(token)).status_code == 422
    credit_on_reject = {"resolution": "rejected", "credit_amount": "1", "note": "x"}
    assert client.post(resolve, json=credit_on_reject, headers=auth(token)).status_code == 422
    r = client.post(resolve, json={"resolution": "rejected", "note": "price as agreed"}, headers=auth(token))
    assert r.status_code == 200 and r.json()["resolution"] == "rejected" and r.json()["credit_amount"] is None
    assert client.get("/v1/disputes/unknown", headers=auth(token)).status_code == 404
    listed = client.get("/v1/disputes", params={"status": "resolved"}, headers=auth(token)).json()
    assert [d["dispute_id"] for d in listed["items"]] == [dispute]


def test_evidence_files_and_the_precheck_link(client, tokens, history, settings):
    from tests.api_fixtures import store_reference

    store_reference(settings.resolved_database_url)
    draft = {
        "invoice_number": "INV-1", "customer_id": "ACME", "po_number": "PO-4711", "currency": "EUR",
        "issue_date": TODAY.isoformat(), "subtotal": "2500.00", "tax_total": "0", "total": "2500.00",
        "lines": [{"description": "Stainless steel widget, 40 mm", "quantity": "100", "unit_price": "13.00",
                   "amount": "1300.00"}],
    }  # fmt: skip
    client.post("/v1/precheck", json=draft, headers=auth(tokens["billing"]))
    r = client.post(
        "/v1/disputes",
        data={"customer_id": "ACME", "invoice_number": "INV-1", "reason": "price", "amount": "100"},
        files=[("evidence", ("email.txt", b"we agreed 12.50", "text/plain"))],
        headers=auth(tokens["collections"]),
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["evidence"][0]["filename"] == "email.txt" and body["evidence"][0]["size_bytes"] == 15
    # the pre-send check found the PO: the reference document, the page its findings point at, the findings
    assert body["reference"]["check_id"] and body["reference"]["document_id"], body
    assert body["precheck_findings"], body


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/v1/disputes"),
        ("get", "/v1/disputes"),
        ("get", "/v1/disputes/reasons"),
        ("get", "/v1/disputes/x"),
        ("post", "/v1/disputes/x/review"),
        ("post", "/v1/disputes/x/resolve"),
        ("post", "/v1/disputes/x/approve"),
    ],
)
def test_roles(client, tokens, method, path):
    assert getattr(client, method)(path).status_code == 401
    wrong = tokens["billing"] if not path.endswith("approve") else tokens["collections"]
    kwargs = {"json": {}} if method == "post" else {}
    assert getattr(client, method)(path, headers=auth(wrong), **kwargs).status_code == 403
    assert getattr(client, method)(path, headers=auth(tokens["reviewer"]), **kwargs).status_code == 403
