"""The collections UI's server side (no browser): pages per role, forms, the SVG chart, CSV, KPIs."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import auth

DEMO = Path(__file__).resolve().parents[1] / "data" / "payments_demo.csv"
AS_OF = "2026-06-01"


@pytest.fixture
def loaded(client, tokens):
    r = client.post(
        "/v1/payments", content=DEMO.read_bytes(), headers=auth(tokens["collections"]) | {"Content-Type": "text/csv"}
    )
    assert r.status_code == 200, r.text


def _signed_in(client, token):
    """Sign in; later form posts send the session's CSRF token (the X-CSRF-Token header, as a script would)."""
    r = client.post("/ui/login", data={"token": token, "next": "/ui"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    client.headers["X-CSRF-Token"] = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    return client


@pytest.mark.parametrize("path", ["/ui/collections", "/ui/collections/clients/C000", "/ui/kpis"])
def test_pages_need_a_login(client, path):
    r = client.get(path, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/ui/login")


def test_worklist_is_for_collections(client, tokens, loaded):
    _signed_in(client, tokens["reviewer"])
    assert client.get("/ui/collections").status_code == 403
    assert client.get("/ui/collections/export.csv").status_code == 403
    assert client.get("/ui/kpis").status_code == 200  # reviewers see the KPIs
    _signed_in(client, tokens["collections"])
    page = client.get("/ui/collections", params={"as_of": AS_OF})
    assert page.status_code == 200
    amounts = [
        float(a.replace(",", "")) for a in re.findall(r'<td class="money"><strong>([\d,.]+)</strong>', page.text)
    ]
    assert len(amounts) > 5 and amounts == sorted(amounts, reverse=True)  # riskiest exposure first
    probabilities = set(re.findall(r'<td class="num prob">(\d+%)</td>', page.text))
    assert len(probabilities) > 3  # a trained model, not one figure for everybody
    high = client.get("/ui/collections", params={"as_of": AS_OF, "band": "high"}).text
    assert "band band-low" not in high.split("<tbody>")[1]
    rows = list(csv.DictReader(io.StringIO(client.get("/ui/collections/export.csv", params={"as_of": AS_OF}).text)))
    assert len(rows) == len(amounts) and rows[0]["customer_id"]


def test_client_page_chart_and_actions(client, tokens, loaded):
    _signed_in(client, tokens["collections"])
    page = client.get("/ui/collections/clients/C000", params={"as_of": AS_OF})
    assert page.status_code == 200
    svg = page.text.split('<svg class="chart"')[1].split("</svg>")[0]
    assert svg.count("<circle") >= 5 and "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "Why the risk is up" in page.text and 'id="open-invoices"' in page.text

    base = "/ui/collections/clients/C000"
    r = client.post(f"{base}/owner", data={"owner": "dana"}, follow_redirects=False)
    assert r.status_code == 303 and "done=owner" in r.headers["location"]
    promise = {"kind": "promise", "promise_date": "2026-06-15", "promise_amount": "1200.00", "note": "after the audit"}
    assert "done=promise" in client.post(f"{base}/events", data=promise, follow_redirects=False).headers["location"]
    bad = client.post(f"{base}/events", data={"kind": "promise", "promise_amount": "x"}, follow_redirects=False)
    assert "error=" in bad.headers["location"]
    r = client.post(f"{base}/reminders", data={"paused": "1", "note": "in talks"}, follow_redirects=False)
    assert "done=pause" in r.headers["location"]
    page = client.get(base, params={"as_of": AS_OF, "done": "pause"}).text
    assert "Reminders paused." in page and "Resume reminders" in page and "1200.00 by 2026-06-15" in page
    assert "Owner: <strong>dana</strong>" in page
    worklist = client.get("/ui/collections", params={"as_of": AS_OF, "owner": "dana"}).text
    assert worklist.count("<tr data-href") == 1 and "paused" in worklist


def test_kpi_dashboard(client, tokens, loaded):
    _signed_in(client, tokens["collections"])
    page = client.get("/ui/kpis", params={"start": "2026-01-05", "end": "2026-05-31"})
    assert page.status_code == 200
    assert page.text.count('class="kpi"') == 8 and "<polyline" in page.text
    assert date(2026, 1, 5).weekday() == 0 and (date(2026, 5, 31) - date(2026, 1, 5)).days + 1 == 21 * 7
    assert page.text.count('<tr><td class="nowrap">') == 21  # a row per Monday-to-Sunday week
    assert client.get("/ui/kpis", params={"start": "2026-05-01", "end": "2026-01-01"}).status_code == 422


def test_open_and_resolve_a_dispute_from_the_client_page(client, tokens, loaded):
    _signed_in(client, tokens["collections"])
    base = "/ui/collections/clients/C019"
    page = client.get(base, params={"as_of": AS_OF}).text
    invoice = re.search(r'<select id="dispute-invoice" name="invoice_number"><option value="([^"]+)"', page)[1]
    bad = client.post(f"{base}/disputes", data={"invoice_number": invoice, "reason": "price", "amount": "abc"})
    assert "must be an amount" in bad.text
    r = client.post(
        f"{base}/disputes",
        data={"invoice_number": invoice, "reason": "damaged", "amount": "100.00", "note": "two crates broken"},
        follow_redirects=False,
    )
    assert "done=dispute" in r.headers["location"]
    dispute = client.get("/v1/disputes", params={"customer_id": "C019"}, headers=auth(tokens["collections"])).json()
    dispute_id = dispute["items"][0]["dispute_id"]
    risk = client.get("/v1/clients/C019/risk", params={"as_of": AS_OF}, headers=auth(tokens["collections"])).json()
    assert next(i for i in risk["invoices"] if i["invoice_number"] == invoice)["note"] == "dispute open"
    step = f"/ui/collections/disputes/{dispute_id}"
    assert "error=" in client.post(step, data={"step": "review"}, follow_redirects=False).headers["location"]
    r = client.post(step, data={"step": "review", "note": "asked the warehouse"}, follow_redirects=False)
    assert "done=dispute_step" in r.headers["location"], r.headers["location"]
    client.post(step, data={"step": "credit_memo", "credit_amount": "100.00", "note": "photos confirm"})
    detail = client.get(f"/v1/disputes/{dispute_id}", headers=auth(tokens["collections"])).json()
    assert detail["status"] == "resolved" and detail["credit_amount"] == "100.00"
    assert [h["action"] for h in detail["history"]] == ["dispute.open", "dispute.review", "dispute.resolve"]
