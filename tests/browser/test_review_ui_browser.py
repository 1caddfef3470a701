"""Log in, claim, correct a value and find the audit entry, in real headless Chromium (Debian's package).

Also saves the screenshots under docs/review/ that show what a reviewer sees.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.db import session_scope
from tests.browser.demo_queue import seed_queue

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
# Screenshots go to docs/review/ only when asked (LEDGERLENS_SAVE_SCREENSHOTS=1); a test run writes nothing there.
SAVE_SCREENSHOTS = os.environ.get("LEDGERLENS_SAVE_SCREENSHOTS") == "1"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "review"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(settings, db_url) -> Iterator[str]:
    import uvicorn

    from api.main import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def people(server, settings) -> dict[str, str]:
    from ledgerlens.services.auth import create_user

    with session_scope(settings.resolved_database_url) as s:
        _, reviewer = create_user(s, "maria.keller", ["reviewer"])
        _, admin = create_user(s, "ops-admin", ["admin"])
        _, billing = create_user(s, "billing-bot", ["billing"])
    return {"reviewer": reviewer, "admin": admin, "billing": billing}


@pytest.fixture
def queue(server, settings) -> dict[str, str]:
    with session_scope(settings.resolved_database_url) as s:
        return seed_queue(s, settings.files_dir)


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


def _login(browser, server: str, token: str):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.goto(f"{server}/")
    assert "/ui/login" in page.url  # not signed in: the root sends people to the login form
    page.fill("#token", token)
    page.click("button[type=submit]")
    return page


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = DOCS if SAVE_SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshot_switch_is_off_in_ci():
    assert not (SAVE_SCREENSHOTS and os.environ.get("CI")), "CI must not rewrite docs/review/"


def test_reviewer_claims_corrects_and_admin_finds_the_audit_entry(server, people, queue, browser, shots):
    page = _login(browser, server, people["reviewer"])
    page.wait_for_selector("table.tasks")
    assert page.locator("table.tasks tbody tr").count() == 4
    assert page.locator(".stat-danger .stat-n").inner_text() == "2"  # two tasks past their SLA
    page.screenshot(path=str(shots / "queue.png"))

    # Claim the most urgent task with the keyboard, as a reviewer would.
    page.keyboard.press("n")
    page.wait_for_url(re.compile(rf"/ui/tasks/{queue['po']}"))
    image = page.locator("#page-image")
    page.wait_for_function("document.querySelector('#page-image').naturalWidth > 0")
    assert page.locator("#extracted-value").inner_text() == "PO-2026-O4711"
    # The highlight sits over the value's box on the rendered image.
    img_box, hl_box = image.bounding_box(), page.locator("#highlight").bounding_box()
    assert hl_box["x"] > img_box["x"] and hl_box["x"] + hl_box["width"] < img_box["x"] + img_box["width"]
    page.wait_for_timeout(400)
    page.screenshot(path=str(shots / "task_view.png"))

    # Zoom changes the page's rendered width and the highlight follows.
    before = image.bounding_box()["width"]
    page.click("[data-zoom=in]")
    assert image.bounding_box()["width"] > before * 1.2

    # Correct: "e" opens the typed input; the browser refuses a value that is not valid, the server too.
    page.keyboard.press("e")
    value = page.locator("#value")
    value.fill("")
    value.type("PO-2026-04711")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ui/tasks/(?!" + queue["po"] + ")"))  # next task flow: straight to the next one
    assert "Decision saved" in page.locator(".notice").inner_text()
    assert page.url.endswith(f"/ui/tasks/{queue['check']}?notice=resolved")  # priority 70 comes next
    assert page.locator(".finding code").first.inner_text() == "PRICE_MISMATCH"
    page.screenshot(path=str(shots / "precheck_view.png"))

    # The admin finds the change in the audit log.
    admin = _login(browser, server, people["admin"])
    admin.goto(f"{server}/ui/audit?q={queue['document_id']}")
    row = admin.locator("tr.audit-row[data-action='extraction.value_changed']")
    assert row.count() == 1
    text = row.inner_text()
    assert "maria.keller" in text and "PO-2026-O4711" in text and "PO-2026-04711" in text
    assert "Chain intact" in admin.locator("#chain-status").inner_text()


def test_typed_validation_and_reject_with_reason(server, people, queue, browser):
    page = _login(browser, server, people["reviewer"])
    page.goto(f"{server}/ui")
    page.locator(f"tr[data-task-id='{queue['date']}'] button").click()
    page.wait_for_url(re.compile(rf"/ui/tasks/{queue['date']}"))
    page.keyboard.press("e")
    page.locator("#value").fill("2026-02-30")
    page.click("#save-correction")
    assert "real date" in page.locator("#value-error").inner_text()
    assert page.url.endswith(f"/ui/tasks/{queue['date']}")  # nothing was sent

    page.keyboard.press("Escape")
    page.keyboard.press("r")
    page.click("#save-reject")
    assert "Choose a reason" in page.locator("#reject-error").inner_text()
    page.select_option("#reason", "not_on_document")
    page.click("#save-reject")
    page.wait_for_url(re.compile(r"notice=resolved|notice=empty"))


def test_billing_token_cannot_use_the_review_ui(server, people, browser):
    page = _login(browser, server, people["billing"])
    assert "no reviewer role" in page.locator(".alert").inner_text()
