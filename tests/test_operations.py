"""Operations: Prometheus metrics, JSON logs with request ids, liveness and readiness."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.api_fixtures import clean_invoice, store_reference
from tests.conftest import ROOT, auth
from tests.fixtures_docs import PoSpec, render_po


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def _value(samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_count_documents_prechecks_and_queues(client, tokens, settings, db_url):
    from ledgerlens.services.documents import process_document, store_upload
    from review import open_task
    from store.db import session_scope

    settings.extractor = "heuristic"
    before = _samples(client.get("/metrics").text)
    with session_scope(db_url) as s:
        doc_id = store_upload(s, settings, render_po(PoSpec()), "po.pdf", "purchase_order", "ACME").document_id
    assert process_document(settings, doc_id) == "done"
    store_reference(db_url)
    first = client.post("/v1/precheck", json=clean_invoice(), headers=auth(tokens["billing"]))
    assert first.status_code == 200
    bad = clean_invoice("INV-2", total="9999.00")
    findings = client.post("/v1/precheck", json=bad, headers=auth(tokens["billing"])).json()["findings"]
    with session_scope(db_url) as s:
        open_task(s, kind="extraction", document_id=doc_id, field="total", payload={"value": "1"})
        late = open_task(s, kind="precheck", check_id=first.json()["check_id"], payload={})
        late.sla_due_at = datetime.now(UTC) - timedelta(hours=1)

    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    after = _samples(response.text)

    def grew(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    assert grew("ledgerlens_documents_processed_total", status="done", source="text") == 1
    assert grew("ledgerlens_extraction_seconds_count", stage="extract") == 1
    assert grew("ledgerlens_extraction_seconds_count", stage="total") == 1
    assert grew("ledgerlens_precheck_seconds_count") == 2
    assert grew("ledgerlens_precheck_findings_total", code=findings[0]["code"]) >= 1
    assert _value(after, "ledgerlens_review_tasks_open", kind="extraction") >= 1
    assert _value(after, "ledgerlens_review_tasks_open", kind="precheck") == 1
    assert _value(after, "ledgerlens_review_sla_breached") == 1
    assert _value(after, "ledgerlens_documents", status="done") == 2
    assert 0 <= _value(after, "ledgerlens_automation_rate") <= 1
    assert grew("ledgerlens_http_requests_total", method="POST", route="/v1/precheck", status="200") == 2


def test_metrics_add_up_across_processes(tmp_path):
    """Multiprocess mode: two processes count, a third one's scrape sees both."""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    count = "from ledgerlens import metrics; metrics.record_precheck({'verdict': 'pass', 'findings': []}, 0.2)"
    for _ in range(2):
        subprocess.run([sys.executable, "-c", count], env=env, check=True, cwd=ROOT)
    scrape = "import sys; from ledgerlens import metrics; sys.stdout.write(metrics.render(None)[0].decode())"
    text = subprocess.run(
        [sys.executable, "-c", scrape], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout
    samples = _samples(text)
    assert _value(samples, "ledgerlens_precheck_seconds_count") == 2
    assert _value(samples, "ledgerlens_precheck_verdicts_total", verdict="pass") == 2


@pytest.fixture
def json_logs():
    """The service's logging, whatever earlier tests in this process did to the root logger."""
    from ledgerlens import logs

    logs.setup("INFO", force=True)


def test_request_id_is_echoed_logged_and_in_problems(json_logs, client, tokens, capsys):
    r = client.get("/v1/documents/nope", headers={**auth(tokens["billing"]), "X-Request-ID": "req-42.a"})
    assert r.status_code == 404
    assert r.headers["x-request-id"] == "req-42.a" and r.json()["request_id"] == "req-42.a"
    made = client.get("/healthz")
    assert len(made.headers["x-request-id"]) == 32  # none given: one is made
    unsafe = client.get("/healthz", headers={"X-Request-ID": "evil\tvalue" + "x" * 300})
    assert unsafe.headers["x-request-id"] != "evil\tvalue" + "x" * 300
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    mine = [line for line in lines if line.get("request_id") == "req-42.a"]
    http = logging.getLogger("ledgerlens.http")
    assert any(line["event"] == "http_request" and line["status"] == 404 for line in mine), (
        len(lines),
        http.disabled,
        http.getEffectiveLevel(),
        [h.name for h in logging.getLogger().handlers],
    )
    assert all({"timestamp", "level", "logger"} <= set(line) for line in lines)


def test_unhandled_error_is_a_problem_with_the_request_id(json_logs, app, capsys):
    from fastapi.testclient import TestClient

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("kaboom")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/boom", headers={"X-Request-ID": "req-500"})
    assert r.status_code == 500 and r.json()["request_id"] == "req-500"
    assert r.headers["x-request-id"] == "req-500"
    err = capsys.readouterr().err
    logged = [json.loads(line) for line in err.splitlines() if line.startswith("{") and "kaboom" in line]
    assert logged and logged[0]["request_id"] == "req-500" and logged[0]["level"] == "error"


def test_liveness_and_readiness(client, app, settings, monkeypatch):
    assert client.get("/healthz").json() == {"status": "ok"}
    # The loader is process-wide; loading the real model is the model tests' business.
    monkeypatch.setattr(app.state.model, "_loaded", "HeuristicExtractor")
    ready = client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert set(ready.json()["checks"]) == {"database", "worker", "tesseract", "data_dir", "model"}

    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setattr(app.state.model, "_loaded", None)
    monkeypatch.setattr(app.state.model, "_error", "ArtifactError: no model")
    missing = client.get("/readyz")
    assert missing.status_code == 503 and missing.headers["content-type"] == "application/problem+json"
    assert set(missing.json()["missing"]) == {"tesseract", "model"}
    assert "tesseract" in missing.json()["detail"]


def test_readiness_names_a_database_behind_the_code(settings, monkeypatch):
    from fastapi.testclient import TestClient

    from api.main import create_app
    from store.db import alembic_config, migrate

    migrate(settings.resolved_database_url)
    from alembic import command

    command.downgrade(alembic_config(settings.resolved_database_url), "0001")
    with TestClient(create_app(settings)) as c:
        r = c.get("/readyz")
    assert r.status_code == 503 and "database" in r.json()["missing"]
    assert "ledgerlens migrate" in r.json()["checks"]["database"]["detail"]


def test_the_app_does_not_migrate_at_start(settings):
    from fastapi.testclient import TestClient

    from api.main import create_app
    from store.db import schema_state

    with TestClient(create_app(settings)) as c:
        assert c.get("/healthz").status_code == 200
    assert schema_state(settings.resolved_database_url)[0] is None


def test_migrate_command(settings):
    from typer.testing import CliRunner

    from ledgerlens.cli import app
    from store.db import schema_state

    result = CliRunner().invoke(app, ["migrate"])
    assert result.exit_code == 0, result.output
    current, head = schema_state(settings.resolved_database_url)
    assert current == head is not None


@pytest.mark.parametrize("worker", ["inprocess"])
def test_worker_health(settings, worker):
    from ledgerlens.worker import make_worker

    w = make_worker(settings)
    assert w.health()[0] is True
    w.shutdown()
    assert w.health() == (False, "in-process, stopped")
