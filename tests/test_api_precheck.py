"""The pre-send check through the real app: verdicts, earlier invoices, duplicates, idempotency, roles."""

from __future__ import annotations

from tests.api_fixtures import clean_invoice, store_reference
from tests.conftest import auth


def _check(client, token, invoice, key: str | None = None):
    headers = auth(token) | ({"Idempotency-Key": key} if key else {})
    return client.post("/v1/precheck", json=invoice, headers=headers)


def _codes(body) -> set[str]:
    return {f["code"] for f in body["findings"]}


def test_clean_invoice_passes_and_matches_lines(client, tokens, db_url, contract_validator):
    ref_id = store_reference(db_url)
    r = _check(client, tokens["billing"], clean_invoice())
    assert r.status_code == 200, r.text
    body = r.json()
    contract_validator(body, "precheck-response.schema.json")
    assert body["verdict"] == "pass", body["findings"]
    assert body["reference"]["document_id"] == ref_id and body["reference"]["number"] == "PO-4711"
    assert {(m["invoice_line"], m["reference_line"]) for m in body["matched_lines"]} == {(0, 1), (1, 0)}


def test_unknown_po_is_reference_not_found(client, tokens, db_url, contract_validator):
    store_reference(db_url)
    body = _check(client, tokens["billing"], clean_invoice(po_number="PO-9999")).json()
    contract_validator(body, "precheck-response.schema.json")
    assert body["verdict"] == "fail" and "REFERENCE_NOT_FOUND" in _codes(body)


def test_quantity_counts_earlier_invoices_on_the_same_po(client, tokens, db_url):
    store_reference(db_url)
    assert _check(client, tokens["billing"], clean_invoice("INV-1")).json()["verdict"] == "pass"
    # 60 widgets billed already; 60 more exceed the 100 ordered (weeks later, not the same invoice re-sent).
    second = _check(
        client, tokens["billing"], clean_invoice("INV-2", issue_date="2026-12-30", due_date="2027-01-29")
    ).json()
    assert _codes(second) == {"QUANTITY_EXCEEDS_REFERENCE"}
    assert second["verdict"] == "fail"
    # the same content re-sent under a new number days later is a duplicate, its goods not billed twice
    resent = _check(
        client, tokens["billing"], clean_invoice("INV-3", issue_date="2026-11-05", due_date="2026-12-05")
    ).json()
    assert _codes(resent) == {"DUPLICATE_INVOICE"}


def test_same_number_is_a_duplicate(client, tokens, db_url):
    store_reference(db_url)
    _check(client, tokens["billing"], clean_invoice("INV-7"))
    body = _check(client, tokens["billing"], clean_invoice("INV-7")).json()
    assert "DUPLICATE_INVOICE" in _codes(body)


def test_idempotency_key_replays_the_same_result(client, tokens, db_url):
    store_reference(db_url)
    first = _check(client, tokens["billing"], clean_invoice("INV-9"), key="k-1")
    again = _check(client, tokens["billing"], clean_invoice("INV-9"), key="k-1")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert "DUPLICATE_INVOICE" not in _codes(again.json())
    other = _check(client, tokens["billing"], clean_invoice("INV-10"), key="k-1")
    assert other.status_code == 409 and "Idempotency-Key" in other.json()["detail"]


def test_check_can_be_read_back(client, tokens, db_url):
    store_reference(db_url)
    body = _check(client, tokens["billing"], clean_invoice()).json()
    again = client.get(f"/v1/precheck/{body['check_id']}", headers=auth(tokens["billing"]))
    assert again.status_code == 200 and again.json() == body
    assert client.get("/v1/precheck/nope", headers=auth(tokens["billing"])).status_code == 404


def test_invalid_invoice_is_422_with_location(client, tokens):
    bad = clean_invoice()
    bad["lines"][0]["quantity"] = "lots"
    r = _check(client, tokens["billing"], bad)
    assert r.status_code == 422
    assert "lines.0.quantity" in r.json()["detail"]
    r = _check(client, tokens["billing"], clean_invoice(currency="euro"))
    assert r.status_code == 422 and "currency" in r.json()["detail"]


def test_roles_for_precheck(client, tokens, db_url):
    for role in ("reviewer", "collections"):
        assert _check(client, tokens[role], clean_invoice()).status_code == 403
    assert client.post("/v1/precheck", json=clean_invoice()).status_code == 401


def test_customer_rules_apply(client, tokens, db_url):
    store_reference(db_url)
    r = client.put("/v1/customers/ACME", json={"requires_po": True}, headers=auth(tokens["admin"]))
    assert r.status_code == 200 and r.json()["requires_po"] is True
    assert (
        client.put("/v1/customers/ACME", json={"requires_po": True}, headers=auth(tokens["billing"])).status_code == 403
    )
    body = _check(client, tokens["billing"], clean_invoice(po_number=None)).json()
    assert "PO_NUMBER_MISSING" in _codes(body)


def test_review_verdict_opens_one_task(client, tokens, db_url, session):
    from store.tables import ReviewTask

    store_reference(db_url, price_confidence=0.3)  # the reference's prices were read with little confidence
    invoice = clean_invoice("INV-20")
    invoice["lines"][1].update(unit_price="13.00", amount="780.00")
    invoice.update(subtotal="940.00", tax_total="178.60", total="1118.60")
    first = _check(client, tokens["billing"], invoice, key="review-1").json()
    assert first["verdict"] == "review", first["findings"]
    assert "LOW_CONFIDENCE" in _codes(first)
    task = session.get(ReviewTask, first["review_task_id"])
    assert task is not None and task.kind == "precheck" and task.check_id == first["check_id"]
    again = _check(client, tokens["billing"], invoice, key="review-1").json()
    assert again["review_task_id"] == first["review_task_id"]
    assert session.query(ReviewTask).filter_by(kind="precheck").count() == 1
