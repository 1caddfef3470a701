"""Several HTTP worker processes: a sensible default per database, and one extraction per pending document."""

from __future__ import annotations

from ledgerlens.cli import default_workers
from tests.api_fixtures import store_reference


def test_default_workers_per_database(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 16)
    assert default_workers("sqlite:////tmp/x.db") == 2
    assert default_workers("postgresql+psycopg://postgres@127.0.0.1/x") == 4
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert default_workers("postgresql+psycopg://postgres@127.0.0.1/x") == 1


def test_serve_passes_the_worker_count_and_leaves_migrating_to_its_step(settings, monkeypatch):
    from typer.testing import CliRunner

    from ledgerlens.cli import app

    calls = {}
    monkeypatch.setattr("uvicorn.run", lambda *a, **kw: calls.update(kw))
    result = CliRunner().invoke(app, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls["workers"] == 2 and calls["port"] == 8123
    assert not (settings.data_dir / "ledgerlens.db").exists()  # `ledgerlens migrate` is a step of its own
    assert CliRunner().invoke(app, ["serve", "--workers", "0"]).exit_code == 2


def _claim_twice(url: str) -> tuple[bool, bool, str]:
    from core.settings import Settings
    from ledgerlens.services.documents import claim
    from store.db import session_scope
    from store.tables import DocumentRecord

    settings = Settings(database_url=url)
    doc_id = store_reference(url)
    with session_scope(url) as s:
        s.get(DocumentRecord, doc_id).status = "queued"
    # Two processes read the pending document at their start, then both try to take its lease.
    with session_scope(url) as a, session_scope(url) as b:
        a.get(DocumentRecord, doc_id), b.get(DocumentRecord, doc_id)
        first = claim(a, settings, doc_id, "host-a:1:x")
        a.commit()
        second = claim(b, settings, doc_id, "host-b:2:y")
    with session_scope(url) as s:
        status = s.get(DocumentRecord, doc_id).status
    return first, second, status


def test_only_one_process_claims_a_pending_document(db_url):
    assert _claim_twice(db_url) == (True, False, "processing")


def test_only_one_process_claims_a_pending_document_on_postgresql(pg_url):
    assert _claim_twice(pg_url) == (True, False, "processing")
