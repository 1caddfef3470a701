"""A customer's country: set through the customers API (checked against ISO 3166), shown back, and passed to the
extraction as the language its scans are read in first (``Limits.language``)."""

from __future__ import annotations

from store.db import session_scope
from tests.conftest import auth
from tests.fixtures_docs import PoSpec, render_po


def test_country_is_stored_upper_case_and_shown(client, tokens):
    r = client.put("/v1/customers/ACME", json={"country": "gn"}, headers=auth(tokens["admin"]))
    assert r.status_code == 200 and r.json()["country"] == "GN"
    assert client.get("/v1/customers/ACME", headers=auth(tokens["billing"])).json()["country"] == "GN"
    # the other rules keep their values when only the country changes
    client.put("/v1/customers/ACME", json={"requires_po": True}, headers=auth(tokens["admin"]))
    assert client.get("/v1/customers/ACME", headers=auth(tokens["billing"])).json()["country"] == "GN"


def test_a_code_no_country_has_is_a_problem_not_stored(client, tokens):
    for code in ("XX", "G1", "GIN"):
        r = client.put("/v1/customers/ACME", json={"country": code}, headers=auth(tokens["admin"]))
        assert r.status_code == 422, code
        assert r.headers["content-type"].startswith("application/problem+json")
    assert client.get("/v1/customers/ACME", headers=auth(tokens["billing"])).json()["country"] is None


def test_the_customers_country_names_the_language_its_document_is_read_in(settings, db_url, monkeypatch):
    from ledgerlens.services import customers, documents

    settings.extractor = "heuristic"
    seen: list[str | None] = []
    real = documents.run

    def spy(job):
        seen.append(job.limits.language)
        return real(job)

    monkeypatch.setattr(documents, "run", spy)
    with session_scope(db_url) as s:
        customers.set_rules(s, settings, "DAKAR", {"country": "sn"})
        for_sn = documents.store_upload(s, settings, render_po(PoSpec()), "po.pdf", "purchase_order", "DAKAR")
        anyone = documents.store_upload(s, settings, render_po(PoSpec(po_number="PO-2")), "po.pdf", None, "NOBODY")
    assert documents.process_document(settings, for_sn.document_id) == "done"
    assert documents.process_document(settings, anyone.document_id) == "done"
    assert seen == ["fra", None]  # Senegal prints French; a customer with no row is read as before
