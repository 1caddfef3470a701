"""Extraction on a Celery worker (Redis broker), the deployment for more than one process."""

from __future__ import annotations

import time

import pytest

from tests.fixtures_docs import PoSpec, render_po
from tests.services import require_redis


@pytest.mark.slow
def test_document_extracted_by_a_celery_worker(settings, db_url, monkeypatch):
    require_redis()
    from celery.contrib.testing.worker import start_worker

    from ledgerlens import celery_app
    from ledgerlens.services.documents import get_document, store_upload
    from ledgerlens.worker import make_worker
    from store.db import session_scope

    settings.worker = "celery"
    monkeypatch.setattr(celery_app, "get_settings", lambda: settings)
    celery_app.celery.conf.update(broker_url="redis://127.0.0.1:6379/15", result_backend=None)
    with session_scope(db_url) as session:
        stored = store_upload(session, settings, render_po(PoSpec()), "po.pdf", "purchase_order", "NORTHWIND")
    with start_worker(celery_app.celery, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        make_worker(settings).submit(stored.document_id)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with session_scope(db_url) as session:
                status = get_document(session, stored.document_id).status
            if status in ("done", "failed"):
                break
            time.sleep(0.2)
    assert status == "done"
