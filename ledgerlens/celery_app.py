"""Celery app for deployments where extraction outgrows the API process (settings.worker = "celery").

Late acknowledgement: a job is acknowledged when it finished, not when it started, so a worker killed mid-way
(OOM, node lost) leaves the job in Redis, which hands it to another worker after the visibility timeout. The
document's lease (see services.documents.process_document) makes the redelivered copy wait rather than extract
the document twice while the first worker may still be alive.
"""

from __future__ import annotations

from typing import Any

import structlog
from celery import Celery, Task
from celery.signals import setup_logging, worker_ready

from core.settings import get_settings
from ledgerlens import logs, metrics
from ledgerlens.services.documents import process_document

_settings = get_settings()
celery = Celery("ledgerlens", broker=_settings.celery_broker_url)
celery.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,  # a pool child that dies puts its job back at once
    worker_prefetch_multiplier=1,  # a worker reserves no more than the job it runs
    task_default_queue=_settings.celery_queue,
    broker_transport_options={
        "visibility_timeout": _settings.celery_visibility_timeout,
        # Look for jobs of dead workers often enough that a short visibility timeout is honoured.
        "unacked_restore_interval": max(1, min(10, _settings.celery_visibility_timeout // 6)),
        "unacked_restore_throttle": 1,
    },
    broker_connection_retry_on_startup=True,
)


@setup_logging.connect
def _logging(**_: Any) -> None:
    """Celery's own log setup is replaced by the service's JSON lines."""
    logs.setup(get_settings().log_level)


@worker_ready.connect
def _metrics(**_: Any) -> None:
    """Workers have no HTTP API: with LEDGERLENS_WORKER_METRICS_PORT they serve /metrics on that port
    (with a prefork pool, set PROMETHEUS_MULTIPROC_DIR so the children's counts add up)."""
    port = get_settings().worker_metrics_port
    if port:
        metrics.serve(port)


@celery.task(
    name="ledgerlens.extract_document",
    bind=True,
    autoretry_for=(ConnectionError,),
    retry_kwargs={"max_retries": 3},
    max_retries=None,  # waiting out another worker's lease may take several rounds
)
def extract_document(self: Task, document_id: str) -> str:
    settings = get_settings()
    with structlog.contextvars.bound_contextvars(document_id=document_id, task_id=self.request.id):
        status = process_document(settings, document_id)
    if status == "leased":
        # Another worker holds it: look again once its lease may have run out (it renews while alive).
        raise self.retry(countdown=max(1, settings.document_lease_seconds // 2), max_retries=None)
    return status
