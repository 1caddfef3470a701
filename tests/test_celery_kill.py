"""A Celery worker killed mid-extraction (SIGKILL, as the OOM killer or a lost node would) loses no job: Redis hands
the unacknowledged job to another worker, which waits out the dead worker's document lease and extracts it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.fixtures_docs import PoSpec, render_po
from tests.services import require_redis

BROKER = "redis://127.0.0.1:6379/13"


def _start_worker(name: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "ledgerlens.celery_app",
        "worker",
        "--pool=solo",  # the job runs in the worker process itself: killing it kills the job
        "-n",
        f"{name}@%h",
        "--without-gossip",
        "--without-mingle",
        "--loglevel=INFO",
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(what: str, predicate, timeout: float):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.mark.slow
def test_a_worker_killed_mid_extraction_loses_no_job(settings, db_url, tmp_path):
    require_redis()
    from celery import Celery

    from ledgerlens.services.documents import store_upload
    from store.db import session_scope
    from store.tables import DocumentRecord

    queue = f"ledgerlens-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "LEDGERLENS_DATA_DIR": str(settings.data_dir),
        "LEDGERLENS_DATABASE_URL": db_url,
        "LEDGERLENS_CELERY_BROKER_URL": BROKER,
        "LEDGERLENS_CELERY_QUEUE": queue,
        "LEDGERLENS_CELERY_VISIBILITY_TIMEOUT": "6",
        "LEDGERLENS_DOCUMENT_LEASE_SECONDS": "4",
        "LEDGERLENS_EXTRACTOR": "heuristic",
    }
    settings.extractor = "heuristic"
    with session_scope(db_url) as s:
        doc_id = store_upload(s, settings, render_po(PoSpec()), "po.pdf", "purchase_order", "ACME").document_id

    def row() -> DocumentRecord:
        with session_scope(db_url) as s:
            record = s.get(DocumentRecord, doc_id)
            assert record is not None
            return record

    first = _start_worker("first", env, tmp_path / "first.log")
    second = None
    try:
        Celery(broker=BROKER).send_task("ledgerlens.extract_document", args=[doc_id], queue=queue)
        holder = _wait("the first worker to take the document", lambda: row().lease_owner, 90)
        assert holder.split(":")[1] == str(first.pid) and row().status == "processing"
        port = _free_port()
        second = _start_worker("second", {**env, "LEDGERLENS_WORKER_METRICS_PORT": str(port)}, tmp_path / "second.log")
        os.kill(first.pid, signal.SIGKILL)  # mid-extraction, no chance to clean up or acknowledge
        killed_at = time.monotonic()
        first.wait(10)

        _wait("the document to be extracted by the second worker", lambda: row().status == "done", 120)
        print(f"killed mid-extraction; done by the second worker {time.monotonic() - killed_at:.1f} s later")
        scraped = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
        assert 'ledgerlens_documents_processed_total{source="text",status="done"} 1.0' in scraped
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                worker.wait(20)
    record = row()
    assert record.status == "done" and record.extraction and record.lease_owner is None
    second_log = [json.loads(line) for line in (tmp_path / "second.log").read_text().splitlines() if line[:1] == "{"]
    assert any(line["event"] == "extraction_done" and line.get("document_id") == doc_id for line in second_log)
    first_log = (tmp_path / "first.log").read_text()
    assert "extraction_started" in first_log and "extraction_done" not in first_log
