"""The review queue and audit log over HTTP: every endpoint x role, leases, validation, audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from store.db import session_scope
from store.tables import AuditEntry
from tests.conftest import auth
from tests.test_review_support import make_check, make_document

ROLES = ("admin", "billing", "reviewer", "collections")


@pytest.fixture
def seeded(client, settings, tokens):
    """One document with two uncertain values and one pre-send check, each with an open task."""
    import review

    with session_scope(settings.resolved_database_url) as s:
        document = make_document(s)
        check = make_check(s)
        tasks = {
            "po": review.open_task(s, kind="extraction", document_id=document.id, field="po_number", priority=60).id,
            "date": review.open_task(s, kind="extraction", document_id=document.id, field="order_date").id,
            "check": review.open_task(s, kind="precheck", check_id=check.id, priority=10).id,
        }
        return {"document_id": document.id, "check_id": check.id, "tasks": tasks}


def _call(client, name, seeded, headers):
    task = seeded["tasks"]["date"]
    calls = {
        "list": lambda: client.get("/v1/review/tasks", headers=headers),
        "get": lambda: client.get(f"/v1/review/tasks/{task}", headers=headers),
        "open": lambda: client.post(
            "/v1/review/tasks",
            json={"kind": "extraction", "document_id": seeded["document_id"], "field": "total", "note": "looks off"},
            headers=headers,
        ),
        "claim": lambda: client.post("/v1/review/tasks/claim", headers=headers),
        "claim_one": lambda: client.post(f"/v1/review/tasks/{task}/claim", headers=headers),
        "resolve": lambda: client.post(
            f"/v1/review/tasks/{task}/resolve", json={"decision": "confirm"}, headers=headers
        ),
        "release": lambda: client.post(f"/v1/review/tasks/{task}/release", headers=headers),
        "escalate": lambda: client.post(f"/v1/review/tasks/{task}/escalate", json={"reason": "x"}, headers=headers),
        "reasons": lambda: client.get("/v1/review/reasons", headers=headers),
        "audit": lambda: client.get("/v1/audit", headers=headers),
        "audit_verify": lambda: client.get("/v1/audit/verify", headers=headers),
    }
    return calls[name]()


ALLOWED = {
    "list": {"admin", "reviewer"},
    "get": {"admin", "reviewer"},
    "open": {"admin", "billing"},
    "claim": {"admin", "reviewer"},
    "claim_one": {"admin", "reviewer"},
    "resolve": {"admin", "reviewer"},
    "release": {"admin", "reviewer"},
    "escalate": {"admin", "reviewer"},
    "reasons": {"admin", "reviewer"},
    "audit": {"admin"},
    "audit_verify": {"admin"},
}


@pytest.mark.parametrize("endpoint", sorted(ALLOWED))
def test_every_endpoint_and_role(client, tokens, seeded, endpoint):
    """Each endpoint with each role (one app per endpoint keeps this fast): refused roles first, state-free."""
    for role in (None, *sorted(set(ROLES) - ALLOWED[endpoint]), *sorted(ALLOWED[endpoint])):
        headers = auth(tokens[role]) if role else {}
        response = _call(client, endpoint, seeded, headers)
        if role is None:
            assert response.status_code == 401, endpoint
        elif role in ALLOWED[endpoint]:
            # Allowed callers get past authorisation; lease rules may still answer 409 (resolve without a claim).
            assert response.status_code not in (401, 403), (endpoint, role, response.text)
        else:
            assert response.status_code == 403, (endpoint, role)
            assert response.headers["content-type"] == "application/problem+json"


def test_claim_resolve_correct_and_find_the_audit_entry(client, tokens, seeded):
    reviewer = auth(tokens["reviewer"])
    claimed = client.post("/v1/review/tasks/claim", headers=reviewer)
    assert claimed.status_code == 200
    body = claimed.json()
    assert body["task_id"] == seeded["tasks"]["po"]  # highest priority first
    assert body["status"] == "claimed" and body["lease_expires_at"]
    assert body["context"]["value"]["value"] == "PO-4T11"
    assert body["page_url"] == f"/v1/documents/{seeded['document_id']}/pages/1.png"

    resolved = client.post(
        f"/v1/review/tasks/{body['task_id']}/resolve",
        json={"decision": "correct", "corrections": {"value": "PO-4711"}, "reason": "O read as 0"},
        headers=reviewer,
    )
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["status"] == "resolved"
    assert resolved.json()["context"]["value"]["value"] == "PO-4711"

    entries = client.get("/v1/audit", params={"entity_id": seeded["document_id"]}, headers=auth(tokens["admin"]))
    change = [e for e in entries.json()["entries"] if e["action"] == "extraction.value_changed"]
    assert change[0]["before"]["cell"]["value"] == "PO-4T11" and change[0]["after"]["cell"]["value"] == "PO-4711"
    assert change[0]["actor"] == "test-reviewer" and change[0]["reason"] == "O read as 0"
    assert client.get("/v1/audit/verify", headers=auth(tokens["admin"])).json()["ok"] is True


def test_resolve_by_someone_other_than_the_holder_is_409(client, tokens, seeded):
    task = client.post("/v1/review/tasks/claim", headers=auth(tokens["reviewer"])).json()["task_id"]
    other = client.post(f"/v1/review/tasks/{task}/resolve", json={"decision": "confirm"}, headers=auth(tokens["admin"]))
    assert other.status_code == 409
    assert other.headers["content-type"] == "application/problem+json"
    assert "not claimed by you" in other.json()["detail"]


def test_claim_returns_204_when_the_queue_is_empty(client, tokens, seeded):
    for who in ("reviewer", "admin"):
        task = client.post("/v1/review/tasks/claim", headers=auth(tokens[who])).json()["task_id"]
        client.post(f"/v1/review/tasks/{task}/resolve", json={"decision": "confirm"}, headers=auth(tokens[who]))
    client.post("/v1/review/tasks/claim", headers=auth(tokens["reviewer"]))  # the last one
    empty = client.post("/v1/review/tasks/claim", params={"kind": "extraction"}, headers=auth(tokens["admin"]))
    assert empty.status_code == 204 and empty.content == b""


def test_invalid_correction_is_422_with_the_reason(client, tokens, seeded):
    reviewer = auth(tokens["reviewer"])
    task = seeded["tasks"]["date"]
    assert client.post(f"/v1/review/tasks/{task}/claim", headers=reviewer).status_code == 200
    bad = client.post(
        f"/v1/review/tasks/{task}/resolve",
        json={"decision": "correct", "corrections": {"order_date": "31.03.2026"}},
        headers=reviewer,
    )
    assert bad.status_code == 422
    assert "is not a date" in bad.json()["detail"]
    unknown = client.post(f"/v1/review/tasks/{task}/resolve", json={"decision": "approve"}, headers=reviewer)
    assert unknown.status_code == 422


def test_open_task_by_billing_is_201_and_listed_with_filters(client, tokens, seeded):
    created = client.post(
        "/v1/review/tasks",
        json={"kind": "precheck", "check_id": seeded["check_id"], "priority": 80, "note": "customer called"},
        headers=auth(tokens["billing"]),
    )
    assert created.status_code == 201
    # the check already had an unresolved task: the same task comes back
    assert created.json()["task_id"] == seeded["tasks"]["check"]
    listed = client.get("/v1/review/tasks", params={"kind": "precheck"}, headers=auth(tokens["reviewer"])).json()
    assert [t["task_id"] for t in listed["tasks"]] == [seeded["tasks"]["check"]]
    assert listed["counts"]["open"] == 3 and listed["counts"]["precheck"] == 1
    missing = client.post(
        "/v1/review/tasks", json={"kind": "extraction", "document_id": "nope"}, headers=auth(tokens["billing"])
    )
    assert missing.status_code == 404


def test_unknown_task_is_404(client, tokens, seeded):
    assert client.get("/v1/review/tasks/nope", headers=auth(tokens["reviewer"])).status_code == 404


def test_precheck_task_shows_findings(client, tokens, seeded):
    body = client.get(f"/v1/review/tasks/{seeded['tasks']['check']}", headers=auth(tokens["reviewer"])).json()
    finding = body["context"]["findings"][0]
    assert (finding["code"], finding["expected"], finding["actual"]) == ("PRICE_MISMATCH", "10.00", "10.50")


def test_audit_since_and_tamper_detection_over_http(client, tokens, seeded, settings):
    admin = auth(tokens["admin"])
    first = client.get("/v1/audit", params={"limit": 1}, headers=admin).json()
    assert first["next_since"] == first["entries"][0]["id"]
    rest = client.get("/v1/audit", params={"since": first["next_since"]}, headers=admin).json()["entries"]
    assert len(rest) == 2 and all(e["id"] > first["next_since"] for e in rest)
    by_time = client.get("/v1/audit", params={"since": "2000-01-01T00:00:00Z"}, headers=admin).json()["entries"]
    assert len(by_time) == 3
    assert client.get("/v1/audit", params={"since": "yesterday"}, headers=admin).status_code == 422
    with session_scope(settings.resolved_database_url) as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == 2).values(actor="mallory"))
    verdict = client.get("/v1/audit/verify", headers=admin).json()
    assert verdict["ok"] is False and verdict["first_bad_id"] == 2
