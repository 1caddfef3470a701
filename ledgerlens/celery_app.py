"""Celery app for deployments where extraction outgrows the API process (settings.worker = "celery")."""

from __future__ import annotations

from celery import Celery

from core.settings import get_settings
from ledgerlens.services.documents import process_document

celery = Celery("ledgerlens", broker=get_settings().celery_broker_url)
celery.conf.update(task_acks_late=True, worker_prefetch_multiplier=1, task_reject_on_worker_lost=True)


@celery.task(name="ledgerlens.extract_document", autoretry_for=(ConnectionError,), max_retries=3)
def extract_document(document_id: str) -> str:
    return process_document(get_settings(), document_id)
