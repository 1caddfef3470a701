"""POST /v1/precheck/batch and `ledgerlens precheck --batch`: one result per draft, in order, as one by one."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.api_fixtures import clean_invoice, store_reference
from tests.conftest import auth


def _batch(client, token, invoices, key: str | None = None):
    headers = auth(token) | ({"Idempotency-Key": key} if key else {})
    return client.post("/v1/precheck/batch", json={"invoices": invoices}, headers=headers)


def _codes(body) -> set[str]:
    return {f["code"] for f in body["findings"]}


def test_batch_gives_one_result_per_draft_in_order_as_one_by_one(client, tokens, db_url, contract_validator):
    store_reference(db_url)
    drafts = [
        clean_invoice("INV-1"),
        clean_invoice("INV-2", issue_date="2027-01-04", due_date="2027-02-03"),  # 120 widgets of 100 ordered
        clean_invoice("INV-1"),  # the first one again
        clean_invoice("INV-3", customer_id="GLOBEX"),  # another customer: no PO of its own
    ]
    r = _batch(client, tokens["billing"], drafts)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert len(results) == 4
    for result in results:
        contract_validator(result, "precheck-response.schema.json")
    assert results[0]["verdict"] == "pass"
    assert "QUANTITY_EXCEEDS_REFERENCE" in _codes(results[1])
    assert "DUPLICATE_INVOICE" in _codes(results[2])
    assert results[3]["reference"] is None and "REFERENCE_NOT_FOUND" in _codes(results[3])
    # Each result is stored like a single check's, and later single checks see the batch.
    again = client.get(f"/v1/precheck/{results[0]['check_id']}", headers=auth(tokens["billing"]))
    assert again.json() == results[0]
    single = client.post("/v1/precheck", json=clean_invoice("INV-2"), headers=auth(tokens["billing"])).json()
    assert "DUPLICATE_INVOICE" in _codes(single)


def test_invalid_drafts_get_their_own_problem_and_the_rest_are_checked(client, tokens, db_url, contract_validator):
    store_reference(db_url)
    bad = clean_invoice("INV-BAD")
    bad["lines"][0]["quantity"] = "lots"
    r = _batch(client, tokens["billing"], [bad, clean_invoice("INV-1"), clean_invoice("INV-4", currency="euro")])
    assert r.status_code == 200, r.text
    first, second, third = r.json()["results"]
    assert first["error"]["status"] == 422 and "lines.0.quantity" in first["error"]["detail"]
    assert first["error"]["title"] and first["error"]["type"].startswith("https://")
    contract_validator(second, "precheck-response.schema.json")
    assert second["verdict"] == "pass"
    assert third["error"]["status"] == 422 and "currency" in third["error"]["detail"]


def test_a_draft_that_is_not_an_object_is_its_own_error(client, tokens, db_url):
    r = client.post(
        "/v1/precheck/batch", json={"invoices": [{"x": 1}, clean_invoice()]}, headers=auth(tokens["billing"])
    )
    assert r.status_code == 200
    assert r.json()["results"][0]["error"]["status"] == 422
    r = client.post("/v1/precheck/batch", json={"invoices": [7]}, headers=auth(tokens["billing"]))
    assert r.status_code == 422 and "invoices.0" in r.json()["detail"]


def test_more_than_a_thousand_drafts_is_413(client, tokens, db_url, session):
    from store.tables import CheckRecord

    r = _batch(client, tokens["billing"], [clean_invoice(f"INV-{i}") for i in range(1001)])
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "at most 1000" in r.json()["detail"]
    assert session.query(CheckRecord).count() == 0


def test_empty_or_missing_batch_is_422(client, tokens):
    assert _batch(client, tokens["billing"], []).status_code == 422
    r = client.post("/v1/precheck/batch", json={"drafts": []}, headers=auth(tokens["billing"]))
    assert r.status_code == 422 and "invoices" in r.json()["detail"]


def test_batch_idempotency_replays_and_refuses_changed_drafts(client, tokens, db_url, session):
    from store.tables import CheckRecord

    store_reference(db_url)
    drafts = [clean_invoice("INV-1"), clean_invoice("INV-2", issue_date="2026-11-03", due_date="2026-12-03")]
    first = _batch(client, tokens["billing"], drafts, key="run-11").json()["results"]
    again = _batch(client, tokens["billing"], drafts, key="run-11").json()["results"]
    assert again == first and session.query(CheckRecord).count() == 2
    changed = [drafts[0], clean_invoice("INV-9")]
    mixed = _batch(client, tokens["billing"], changed, key="run-11").json()["results"]
    assert mixed[0] == first[0]
    assert mixed[1]["error"]["status"] == 409 and "Idempotency-Key" in mixed[1]["error"]["detail"]
    # A single check with the derived key of draft 0 replays it too: one idempotency, batch or not.
    single = client.post(
        "/v1/precheck", json=drafts[0], headers=auth(tokens["billing"]) | {"Idempotency-Key": "run-11/0"}
    )
    assert single.json() == first[0]


def test_batch_idempotency_key_too_long_is_422(client, tokens):
    assert _batch(client, tokens["billing"], [clean_invoice()], key="k" * 196).status_code == 422


def test_batch_roles(client, tokens):
    for role in ("reviewer", "collections"):
        assert _batch(client, tokens[role], [clean_invoice()]).status_code == 403
    assert client.post("/v1/precheck/batch", json={"invoices": [clean_invoice()]}).status_code == 401


def test_cli_batch_prints_one_json_line_per_draft(settings, db_url, tmp_path, contract_validator):
    from ledgerlens.cli import app

    store_reference(db_url)
    drafts = tmp_path / "drafts.jsonl"
    lines = [json.dumps(clean_invoice("INV-1")), "{not json", "", json.dumps(clean_invoice("INV-1"))]
    drafts.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(app, ["precheck", "--batch", str(drafts)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 3
    contract_validator(out[0], "precheck-response.schema.json")
    assert out[0]["verdict"] == "pass"
    assert out[1]["error"]["status"] == 422 and "draft 2 is not JSON" in out[1]["error"]["detail"]
    assert "DUPLICATE_INVOICE" in _codes(out[2])


def test_cli_batch_refuses_an_invoice_beside_it(settings, tmp_path):
    from ledgerlens.cli import app

    drafts = tmp_path / "drafts.jsonl"
    drafts.write_text(json.dumps(clean_invoice()) + "\n")
    result = CliRunner().invoke(app, ["precheck", str(drafts), "--batch", str(drafts)])
    assert result.exit_code == 2 and "--batch" in result.output
    assert CliRunner().invoke(app, ["precheck"]).exit_code == 2


def test_batch_on_postgresql_sees_the_drafts_before_it(pg_url, monkeypatch, tmp_path):
    from core.settings import Settings
    from ledgerlens.services.precheck import run_batch
    from store.db import session_scope

    monkeypatch.setenv("LEDGERLENS_DATA_DIR", str(tmp_path))
    settings = Settings(database_url=pg_url)
    store_reference(pg_url)
    drafts = [
        clean_invoice("INV-1"),
        clean_invoice("INV-2", issue_date="2027-01-04", due_date="2027-02-03"),
        clean_invoice("INV-1"),
        "not an object",
    ]
    with session_scope(pg_url) as s:
        results = run_batch(s, settings, drafts, "billing-user", idempotency_key="run-1")
    assert results[0]["verdict"] == "pass"
    assert "QUANTITY_EXCEEDS_REFERENCE" in _codes(results[1])
    assert "DUPLICATE_INVOICE" in _codes(results[2])
    assert results[3]["error"]["status"] == 422
    with session_scope(pg_url) as s:  # the same run again replays every stored result
        again = run_batch(s, settings, drafts, "billing-user", idempotency_key="run-1")
    assert again[:3] == results[:3]


def test_cli_batch_checks_a_long_file_in_parts_in_order(settings, db_url, tmp_path, monkeypatch):
    from ledgerlens.cli import app

    monkeypatch.setattr("ledgerlens.services.precheck.BATCH_LIMIT", 2)
    store_reference(db_url)
    drafts = tmp_path / "drafts.jsonl"
    lines = [json.dumps(clean_invoice(f"INV-{i}")) for i in range(3)] + ["[]", json.dumps(clean_invoice("INV-0"))]
    drafts.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(app, ["precheck", "--batch", str(drafts)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("verdict") or o["error"]["status"] for o in out][3] == 422
    assert len(out) == 5 and "DUPLICATE_INVOICE" in _codes(out[4])  # seen across parts: each part is committed
