"""Every endpoint bounds what it reads: over the limit is a 413 problem and nothing is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.tables import CheckRecord, DocumentRecord, PaymentRecord
from tests.api_fixtures import clean_invoice, store_reference
from tests.conftest import auth

DEMO = Path(__file__).resolve().parents[1] / "data" / "payments_demo.csv"
LIMIT = 4096


@pytest.fixture
def small_limits(settings):
    settings.uploads.max_bytes = LIMIT
    settings.uploads.max_json_bytes = 2048
    return settings


def _count(session, table) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(table))


def _assert_413(r) -> None:
    assert r.status_code == 413, r.text
    body = r.json()
    assert r.headers["content-type"] == "application/problem+json"
    assert body["status"] == 413 and body["code"] == "too_large" and body["request_id"] == r.headers["x-request-id"]


def test_json_body_over_the_limit(small_limits, client, tokens, db_url, session):
    store_reference(db_url)
    invoice = clean_invoice()
    invoice["lines"] = invoice["lines"] * 20  # about 5 kB of JSON
    assert len(json.dumps(invoice)) > 2048
    _assert_413(client.post("/v1/precheck", json=invoice, headers=auth(tokens["billing"])))

    def chunks():  # no Content-Length: counted while it streams in
        body = json.dumps(invoice).encode()
        for i in range(0, len(body), 512):
            yield body[i : i + 512]

    streamed = client.post(
        "/v1/precheck", content=chunks(), headers=auth(tokens["billing"]) | {"Content-Type": "application/json"}
    )
    _assert_413(streamed)
    assert "content-length" not in {k.lower() for k in streamed.request.headers}
    assert _count(session, CheckRecord) == 0
    assert client.post("/v1/precheck", json=clean_invoice(), headers=auth(tokens["billing"])).status_code == 200


@pytest.mark.parametrize("how", ["text/csv", "multipart"])
def test_payments_over_the_limit_store_nothing(small_limits, client, tokens, session, how):
    data = DEMO.read_bytes()
    assert len(data) > LIMIT  # it used to be cut at the limit and the cut last row stored
    headers = auth(tokens["collections"])
    if how == "text/csv":
        r = client.post("/v1/payments", content=data, headers=headers | {"Content-Type": "text/csv"})
    else:
        r = client.post("/v1/payments", files={"file": ("h.csv", data, "text/csv")}, headers=headers)
    _assert_413(r)
    assert _count(session, PaymentRecord) == 0

    fits = b"\n".join(data.splitlines()[:20]) + b"\n"
    assert len(fits) < LIMIT
    ok = client.post("/v1/payments", content=fits, headers=headers | {"Content-Type": "text/csv"})
    assert ok.status_code == 200 and ok.json()["accepted"] == 19


def test_multipart_file_over_the_limit_inside_a_small_envelope(small_limits, client, tokens, session):
    """The file alone is over the limit though the whole body passes the middleware's envelope allowance."""
    data = DEMO.read_bytes()[: LIMIT + 100]
    r = client.post("/v1/payments", files={"file": ("h.csv", data, "text/csv")}, headers=auth(tokens["collections"]))
    _assert_413(r)
    assert _count(session, PaymentRecord) == 0


def test_payments_csv_not_utf8_is_422(client, tokens, session):
    data = DEMO.read_bytes().splitlines()
    data[3] = data[3].replace(b"C000", b"C\xe9\xe9")
    r = client.post(
        "/v1/payments", content=b"\n".join(data), headers=auth(tokens["collections"]) | {"Content-Type": "text/csv"}
    )
    assert r.status_code == 422 and "UTF-8" in r.json()["detail"]
    assert _count(session, PaymentRecord) == 0


def test_document_over_the_limit_stores_nothing(small_limits, client, tokens, session, settings):
    r = client.post(
        "/v1/documents",
        files={"file": ("po.pdf", b"%PDF-1.4\n" + b"0" * (LIMIT * 2), "application/pdf")},
        headers=auth(tokens["billing"]),
    )
    _assert_413(r)
    assert _count(session, DocumentRecord) == 0 and not any(settings.files_dir.iterdir())


def test_ui_form_body_is_bounded(small_limits, client):
    r = client.post("/ui/login", data={"token": "x" * 5000})
    _assert_413(r)


def test_absurd_amounts_and_dates_are_422_not_500(client, tokens):
    """Found by schemathesis: a quantity of 1e64 overflowed Decimal arithmetic, a date near year 1 the KPI weeks."""
    invoice = clean_invoice()
    invoice["lines"][0]["quantity"] = "-13322806620601505000000000000000000000000000000000000000000000000"
    r = client.post("/v1/precheck", json=invoice, headers=auth(tokens["billing"]))
    assert r.status_code == 422 and "10^15" in r.text
    kpis = client.get("/v1/kpis", params={"to": "0001-02-01"}, headers=auth(tokens["admin"]))
    assert kpis.status_code == 422 and "between" in kpis.json()["detail"]
