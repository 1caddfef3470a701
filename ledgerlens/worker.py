"""Where extraction runs: in this process by default, on Celery workers when configured."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

import structlog

from core.settings import Settings
from ledgerlens.services.documents import pending_document_ids, process_document
from store.db import session_scope

log = structlog.get_logger(__name__)


class Worker(Protocol):
    def submit(self, document_id: str) -> None: ...
    def health(self) -> tuple[bool, str]: ...
    def shutdown(self) -> None: ...


class InProcessWorker:
    """One background thread: extraction is CPU-bound, and the API must stay responsive on two cores."""

    def __init__(self, settings: Settings, threads: int = 1) -> None:
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ledgerlens-worker")
        self._futures: list[Future[str]] = []
        self._queued: set[str] = set()
        self._running = True
        self._stop = threading.Event()
        self._sweeper: threading.Thread | None = None

    def start_sweeping(self) -> None:
        """Every lease length, pick up documents another replica left behind (it died: its lease ran out)."""
        self._sweeper = threading.Thread(target=self._sweep, name="ledgerlens-sweeper", daemon=True)
        self._sweeper.start()

    def _sweep(self) -> None:
        while not self._stop.wait(self.settings.document_lease_seconds):
            try:
                resume_pending(self.settings, self, older_than_s=self.settings.document_lease_seconds)
            except Exception:  # a database hiccup must not end the sweeping
                log.exception("sweep_failed")

    def submit(self, document_id: str) -> None:
        self._futures = [f for f in self._futures if not f.done()]
        if document_id in self._queued:  # the sweep found one still waiting here: it is not lost
            return
        self._queued.add(document_id)
        future = self._pool.submit(process_document, self.settings, document_id)
        future.add_done_callback(lambda _: self._queued.discard(document_id))
        self._futures.append(future)

    def drain(self, timeout: float | None = None) -> None:
        """Wait for everything submitted so far (tests and the CLI use this)."""
        for future in list(self._futures):
            future.result(timeout=timeout)

    def health(self) -> tuple[bool, str]:
        pending = sum(not f.done() for f in self._futures)
        return self._running, f"in-process, {pending} job(s) pending" if self._running else "in-process, stopped"

    def shutdown(self) -> None:
        self._running = False
        self._stop.set()
        self._pool.shutdown(wait=False, cancel_futures=True)


class CeleryWorker:
    """Hands documents to Celery (Redis broker); run workers with `celery -A ledgerlens.celery_app worker`."""

    def __init__(self, settings: Settings) -> None:
        from ledgerlens.celery_app import celery, extract_document  # builds the Celery app: only for this backend

        self._celery = celery
        self._task = extract_document

    def submit(self, document_id: str) -> None:
        self._task.delay(document_id)

    def health(self) -> tuple[bool, str]:
        replies = self._celery.control.ping(timeout=1.0)
        if not replies:
            return False, "no Celery worker answered a ping within 1 s: start `celery -A ledgerlens.celery_app worker`"
        return True, f"{len(replies)} Celery worker(s) answering"

    def shutdown(self) -> None:
        pass


def make_worker(settings: Settings) -> Worker:
    if settings.worker == "celery":
        return CeleryWorker(settings)
    return InProcessWorker(settings)


def resume_pending(settings: Settings, worker: Worker, older_than_s: float = 0) -> int:
    """Documents queued before a restart, or left by a worker that died (its lease ran out): hand them on again.
    Safe with several replicas: each document's lease lets only one of them extract it."""

    with session_scope(settings.resolved_database_url) as session:
        pending = pending_document_ids(session, older_than_s=older_than_s)
    for document_id in pending:
        worker.submit(document_id)
    if pending:
        log.info("resumed_queued_documents", count=len(pending))
    return len(pending)
