"""A collections person works the worklist with the keyboard, acts on a client and reads the KPIs, in real
headless Chromium. Saves the screenshots under docs/collections/ when LEDGERLENS_SAVE_SCREENSHOTS=1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from store.db import session_scope
from tests.browser.test_review_ui_browser import (  # noqa: F401  (fixtures)
    CHROMIUM,
    SAVE_SCREENSHOTS,
    _login,
    browser,
    server,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "collections"
DEMO = Path(__file__).resolve().parents[2] / "data" / "payments_demo.csv"
AS_OF = "2026-06-01"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"),
]


@pytest.fixture
def collector(server, settings) -> str:  # noqa: F811
    from ledgerlens.services.auth import create_user
    from ledgerlens.services.risk import record_payments_csv

    with session_scope(settings.resolved_database_url) as s:
        record_payments_csv(s, DEMO.read_text())
        _, token = create_user(s, "dana.collector", ["collections"])
    return token


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = DOCS if SAVE_SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_worklist_client_actions_and_kpis(server, collector, browser, shots):  # noqa: F811
    page = _login(browser, server, collector)
    page.wait_for_url(re.compile(r"/ui/collections$"))  # collections people land on their worklist
    page.goto(f"{server}/ui/collections?as_of={AS_OF}")
    rows = page.locator("#worklist tbody tr")
    assert rows.count() > 5
    assert "selected" in (rows.nth(0).get_attribute("class") or "")
    page.screenshot(path=str(shots / "worklist.png"), full_page=True)

    # j moves down, Enter opens that client
    second = rows.nth(1).locator("strong").first.inner_text()
    page.keyboard.press("j")
    assert "selected" in (rows.nth(1).get_attribute("class") or "")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/ui/collections/clients/{second}"))
    chart = page.locator("#payment-chart")
    assert chart.is_visible() and chart.locator("circle").count() >= 3

    # o focuses the owner; assign, then log a promise and pause the reminders
    page.keyboard.press("o")
    page.keyboard.type("dana")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"done=owner"))
    assert "Owner saved." in page.locator(".alert-ok").inner_text()
    page.select_option("#kind", "promise")
    page.fill("input[name=promise_date]", "2026-06-20")
    page.fill("input[name=promise_amount]", "1500.00")
    page.fill("#event-form textarea", "CFO promised after the audit")
    page.click("#event-form button[type=submit]")
    page.wait_for_url(re.compile(r"done=promise"))
    assert "1500.00 by 2026-06-20" in page.locator("#events").inner_text()
    page.fill("#pause-note", "payment plan agreed")
    page.click("#pause-toggle")
    page.wait_for_url(re.compile(r"done=pause"))
    assert page.locator("#pause-toggle").inner_text() == "Resume reminders"
    assert "paused" in page.locator("#open-invoices").inner_text()
    page.goto(page.url.split("?")[0] + f"?as_of={AS_OF}")
    page.screenshot(path=str(shots / "client.png"), full_page=True)

    # the owner filter finds the client again; g goes back from a client
    page.keyboard.press("g")
    page.wait_for_url(re.compile(r"/ui/collections$"))
    page.goto(f"{server}/ui/collections?as_of={AS_OF}&owner=dana")
    assert page.locator("#worklist tbody tr").count() == 1

    page.goto(f"{server}/ui/kpis?start=2026-01-05&end=2026-05-31")
    assert page.locator(".kpi").count() == 8 and page.locator(".kpi polyline").count() >= 2
    page.screenshot(path=str(shots / "kpis.png"), full_page=True)
