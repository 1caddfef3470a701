"""Where extraction runs: in this process by default, on Celery workers when configured."""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from core.settings import Settings
from ledgerlens.services.documents import process_document

log = logging.getLogger(__name__)


class Worker(Protocol):
    def submit(self, document_id: str) -> None: ...
    def shutdown(self) -> None: ...


class InProcessWorker:
    """One background thread: extraction is CPU-bound, and the API must stay responsive on two cores."""

    def __init__(self, settings: Settings, threads: int = 1) -> None:
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ledgerlens-worker")
        self._futures: list[Future[str]] = []

    def submit(self, document_id: str) -> None:
        self._futures = [f for f in self._futures if not f.done()]
        self._futures.append(self._pool.submit(process_document, self.settings, document_id))

    def drain(self, timeout: float | None = None) -> None:
        """Wait for everything submitted so far (tests and the CLI use this)."""
        for future in list(self._futures):
            future.result(timeout=timeout)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class CeleryWorker:
    """Hands documents to Celery (Redis broker); run workers with `celery -A ledgerlens.celery_app worker`."""

    def __init__(self, settings: Settings) -> None:
        from ledgerlens.celery_app import extract_document  # builds the Celery app: only for this backend

        self._task = extract_document

    def submit(self, document_id: str) -> None:
        self._task.delay(document_id)

    def shutdown(self) -> None:
        pass


def make_worker(settings: Settings) -> Worker:
    if settings.worker == "celery":
        return CeleryWorker(settings)
    return InProcessWorker(settings)
