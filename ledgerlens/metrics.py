"""Prometheus metrics: every name the service exports, in one place (prometheus-client).

Counters and histograms are recorded where the work happens (services, worker, HTTP middleware). With several
processes (uvicorn workers, Celery workers) set ``PROMETHEUS_MULTIPROC_DIR`` to an empty folder shared by them,
before they start: prometheus-client then keeps the values in files there and ``render`` adds them up.
Queue sizes (open review tasks, breached SLAs, queued documents, the automation rate) are read from the database
when scraped, so every replica reports the same truth and no gauge goes stale when a process dies.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
    start_http_server,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import case, func, select

import review
from store.db import session_scope
from store.tables import DocumentRecord, ReviewTask

# Extraction runs from well under a second (a born-digital PDF) to minutes (a long scan).
SLOW_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)
FAST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

DOCUMENTS_PROCESSED = Counter(
    "ledgerlens_documents_processed",
    "Documents whose extraction finished, by outcome (done, failed) and source (text layer, ocr, mixed, none)",
    ["status", "source"],
)
DOCUMENTS_AUTOMATED = Counter(
    "ledgerlens_documents_automated",
    "Documents extracted without any value sent to review (automation rate = this / processed{status=done})",
    ["source"],
)
EXTRACTION_SECONDS = Histogram(
    "ledgerlens_extraction_seconds",
    "Time spent per extraction stage (load, extract, doc_type_hint, save, total)",
    ["stage"],
    buckets=SLOW_BUCKETS,
)
PRECHECK_SECONDS = Histogram("ledgerlens_precheck_seconds", "Time to run one pre-send check", buckets=FAST_BUCKETS)
PRECHECK_VERDICTS = Counter("ledgerlens_precheck_verdicts", "Pre-send checks by verdict", ["verdict"])
PRECHECK_FINDINGS = Counter("ledgerlens_precheck_findings", "Findings of pre-send checks, by code", ["code"])
HTTP_REQUESTS = Counter(
    "ledgerlens_http_requests", "HTTP requests by method, route template and status", ["method", "route", "status"]
)
HTTP_SECONDS = Histogram(
    "ledgerlens_http_request_seconds", "HTTP request latency by method and route", ["method", "route"]
)


@contextmanager
def timed(histogram: Histogram, **labels: str) -> Iterator[None]:
    """Observe the duration of a block (labels only for labelled histograms)."""
    with (histogram.labels(**labels) if labels else histogram).time():
        yield


def record_extraction(status: str, source: str, stage_seconds: dict[str, float], *, automated: bool) -> None:
    for stage, seconds in stage_seconds.items():
        EXTRACTION_SECONDS.labels(stage=stage.removesuffix("_stage")).observe(seconds)
    DOCUMENTS_PROCESSED.labels(status=status, source=source).inc()
    if status == "done" and automated:
        DOCUMENTS_AUTOMATED.labels(source=source).inc()


def record_precheck(response: dict[str, Any], seconds: float) -> None:
    PRECHECK_SECONDS.observe(seconds)
    PRECHECK_VERDICTS.labels(verdict=str(response.get("verdict"))).inc()
    for finding in response.get("findings", ()):
        PRECHECK_FINDINGS.labels(code=str(finding.get("code"))).inc()


def record_request(method: str, route: str, status: int, seconds: float) -> None:
    HTTP_REQUESTS.labels(method=method, route=route, status=str(status)).inc()
    HTTP_SECONDS.labels(method=method, route=route).observe(seconds)


class DatabaseCollector(Collector):
    """Gauges read from the database at scrape time: the queues an operator watches."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url

    def collect(self) -> Iterable[GaugeMetricFamily]:

        with session_scope(self.database_url) as session:
            counts = review.counts(session)
            by_status = dict(
                session.execute(select(DocumentRecord.status, func.count()).group_by(DocumentRecord.status)).all()
            )
            reviewed = select(ReviewTask.document_id).where(ReviewTask.kind == "extraction").distinct()
            done, automated = session.execute(
                select(
                    func.count(),
                    func.coalesce(func.sum(case((DocumentRecord.id.not_in(reviewed), 1), else_=0)), 0),
                ).where(DocumentRecord.status == "done")
            ).one()
        open_tasks = GaugeMetricFamily(
            "ledgerlens_review_tasks_open",
            "Unresolved review tasks (open, claimed, escalated) by kind",
            labels=["kind"],
        )
        for kind in review.KINDS:
            open_tasks.add_metric([kind], counts.get(kind, 0))
        yield open_tasks
        yield GaugeMetricFamily(
            "ledgerlens_review_sla_breached", "Unresolved review tasks past their SLA", value=counts["sla_breached"]
        )
        documents = GaugeMetricFamily("ledgerlens_documents", "Stored documents by status", labels=["status"])
        for status in ("queued", "processing", "done", "failed"):
            documents.add_metric([status], by_status.get(status, 0))
        yield documents
        yield GaugeMetricFamily(
            "ledgerlens_automation_rate",
            "Share of extracted documents with no value sent to review (all stored documents)",
            value=(automated / done) if done else 0.0,
        )


def _registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return registry
    return REGISTRY


def render(database_url: str | None) -> tuple[bytes, str]:
    """The text a Prometheus scrape gets: this process's (or all processes') metrics plus the database gauges."""
    body = generate_latest(_registry())
    if database_url:
        database = CollectorRegistry()
        database.register(DatabaseCollector(database_url))
        body += generate_latest(database)
    return body, CONTENT_TYPE_LATEST


def serve(port: int) -> None:
    """Serve this host's metrics on a port of its own (Celery workers, which have no HTTP API)."""
    start_http_server(port, registry=_registry())
