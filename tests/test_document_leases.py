"""Several replicas: a document is extracted under a lease, so two workers never extract the same one."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest

from store.db import session_scope
from store.tables import DocumentRecord, utcnow
from tests.fixtures_docs import PoSpec, render_po


@pytest.fixture
def stored(settings, db_url) -> str:
    from ledgerlens.services.documents import store_upload

    settings.extractor = "heuristic"
    with session_scope(db_url) as s:
        return store_upload(s, settings, render_po(PoSpec()), "po.pdf", "purchase_order", "ACME").document_id


@pytest.fixture
def slow_extraction(monkeypatch):
    """The real extraction after a pause, counting how often it ran (the lease, not OCR, is under test)."""
    from ledgerlens.services import documents

    real = documents._extract_job
    calls: list[str] = []

    def slow(settings, data, filename, hint, country=None):
        calls.append(threading.current_thread().name)
        time.sleep(2.5)
        return real(settings, data, filename, hint, country)

    monkeypatch.setattr(documents, "_extract_job", slow)
    return calls


def _row(db_url: str, doc_id: str) -> DocumentRecord:
    with session_scope(db_url) as s:
        record = s.get(DocumentRecord, doc_id)
        assert record is not None
        return record


def test_two_replicas_extract_a_document_once(settings, db_url, stored, slow_extraction):
    from ledgerlens.services.documents import process_document

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(process_document(settings, stored))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["done", "leased"]
    assert len(slow_extraction) == 1
    record = _row(db_url, stored)
    assert record.status == "done" and record.lease_owner is None and record.lease_expires_at is None


def test_a_dead_workers_lease_runs_out_and_another_takes_over(settings, db_url, stored):
    from ledgerlens.services.documents import pending_document_ids, process_document

    with session_scope(db_url) as s:
        record = s.get(DocumentRecord, stored)
        record.status, record.lease_owner = "processing", "dead-host:1:abc"
        record.lease_expires_at = utcnow() + timedelta(minutes=5)
    with session_scope(db_url) as s:
        assert stored not in pending_document_ids(s)  # held: no replica resumes it
    assert process_document(settings, stored) == "leased"

    with session_scope(db_url) as s:
        s.get(DocumentRecord, stored).lease_expires_at = utcnow() - timedelta(seconds=1)
    with session_scope(db_url) as s:
        assert stored in pending_document_ids(s)
    assert process_document(settings, stored) == "done"
    assert _row(db_url, stored).lease_owner is None


def test_the_lease_is_renewed_while_extraction_runs(settings, db_url, stored, slow_extraction):
    from ledgerlens.services.documents import process_document

    settings.document_lease_seconds = 1  # shorter than the 2.5 s extraction: only renewal keeps it
    first = threading.Thread(target=process_document, args=(settings, stored))
    first.start()
    time.sleep(1.8)
    assert _row(db_url, stored).lease_expires_at > utcnow()
    assert process_document(settings, stored) == "leased"
    first.join()
    assert _row(db_url, stored).status == "done" and len(slow_extraction) == 1


def test_a_worker_that_lost_its_lease_drops_its_result(settings, db_url, stored, monkeypatch):
    from ledgerlens.services import documents

    real = documents._extract_job

    def taken_over_meanwhile(settings_, data, filename, hint, country=None):
        with session_scope(db_url) as s:
            s.get(DocumentRecord, stored).lease_owner = "other-host:2:def"
        return real(settings_, data, filename, hint, country)

    monkeypatch.setattr(documents, "_extract_job", taken_over_meanwhile)
    assert documents.process_document(settings, stored) == "leased"
    record = _row(db_url, stored)
    assert record.status == "processing" and record.extraction is None


def test_a_replica_sweeps_up_what_a_dead_one_left(settings, db_url, stored):
    """In-process workers look for expired leases every lease length, not only when they start."""
    from ledgerlens.worker import InProcessWorker

    settings.document_lease_seconds = 1
    with session_scope(db_url) as s:
        record = s.get(DocumentRecord, stored)
        record.status, record.lease_owner = "processing", "dead-host:1:abc"
        record.lease_expires_at = utcnow() + timedelta(seconds=1)
    worker = InProcessWorker(settings)
    worker.start_sweeping()
    try:
        deadline = time.monotonic() + 90
        while _row(db_url, stored).status != "done" and time.monotonic() < deadline:
            time.sleep(0.3)
    finally:
        worker.shutdown()
    assert _row(db_url, stored).status == "done"


def test_leases_on_postgresql(settings, pg_url, slow_extraction):
    from ledgerlens.services.documents import process_document, store_upload

    settings.database_url = pg_url
    settings.extractor = "heuristic"
    with session_scope(pg_url) as s:
        doc_id = store_upload(s, settings, render_po(PoSpec()), "po.pdf", "purchase_order", "ACME").document_id
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(process_document(settings, doc_id))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["done", "leased"] and len(slow_extraction) == 1
