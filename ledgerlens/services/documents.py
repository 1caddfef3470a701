"""Documents: store an upload, queue its extraction, run it, and keep the result."""

from __future__ import annotations

import gc
import hashlib
import os
import socket
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from core.errors import InvalidInput, NotFound
from core.locks import HEAVY_IMPORT_LOCK
from core.settings import Settings
from extraction.clauserates import local_symbols
from extraction.document import Document
from extraction.errors import DocumentError
from extraction.inspect import inspect_file
from extraction.loading import Limits, render_page_png
from extraction.normalize import normalize_tax_id
from extraction.ocr import country_language
from extraction.pipeline import ExtractionJob, run
from extraction.recogniser import load_second_reader
from extraction.result import Extraction
from ledgerlens import metrics
from ledgerlens.services import lookup  # noqa: F401  (keeps documents' reference keys in step with their numbers)
from review import open_task
from review.routing import document_problems, unsure_values
from store.db import session_scope
from store.files import FileVault, parse_keys
from store.tables import Customer, DocumentRecord, utcnow

log = structlog.get_logger(__name__)

DOC_TYPES = ("purchase_order", "contract", "invoice", "other")


@dataclass(frozen=True)
class StoredDocument:
    document_id: str
    status: str


def upload_limits(settings: Settings) -> Limits:
    return Limits(
        max_bytes=settings.uploads.max_bytes,
        max_pages=settings.uploads.max_pages,
        max_pixels=settings.uploads.max_pixels,
    )


def vault(settings: Settings) -> FileVault:
    """Stored files, encrypted when LEDGERLENS_ENCRYPTION_KEY is set."""
    key = settings.encryption_key.get_secret_value() if settings.encryption_key else None
    return _vault(key)


@lru_cache(maxsize=4)
def _vault(key: str | None) -> FileVault:
    return FileVault(parse_keys(key))


def rotate_files(settings: Settings) -> dict[str, int]:
    """Re-encrypt every stored document under the newest key (encrypting plain ones): after a new key is put first
    in LEDGERLENS_ENCRYPTION_KEY, run this, then drop the old key. Safe to run again or while serving."""
    store = vault(settings)
    counts = {"rotated": 0, "missing": 0}
    with session_scope(settings.resolved_database_url) as session:
        paths = [p for p in session.scalars(select(DocumentRecord.storage_path)) if p]
    for path in map(Path, paths):
        if not path.exists():
            counts["missing"] += 1
            continue
        store.rotate(path)
        counts["rotated"] += 1
    log.info("files_rotated", **counts)
    return counts


def extract_bytes(settings: Settings, data: bytes, filename: str | None, doc_type_hint: str | None = None) -> Any:
    """(document, extraction) of a file, within the upload limits, by the extractor the settings name."""
    job = _extract_job(settings, data, filename, doc_type_hint)
    return job.document, job.extraction


def _extract_job(
    settings: Settings, data: bytes, filename: str | None, doc_type_hint: str | None, country: str | None = None
) -> ExtractionJob:
    extractor = extractor_for(settings.extractor, settings.data_dir)
    # the customer's country names the language its scans are read in first (no whole reading only to find it)
    limits = replace(upload_limits(settings), language=country_language(country))
    return run(ExtractionJob(data, filename, doc_type_hint, limits, extractor))


@lru_cache(maxsize=4)
def extractor_for(kind: str, data_dir: Path) -> Any:
    """The extractor the settings name, built once per process (the layout model loads once)."""
    with HEAVY_IMPORT_LOCK:  # torch and transformers: seconds, only when a document is read
        from models.layout.combine import best_extractor

    extractor = best_extractor(kind, registry_dir=data_dir)
    local_symbols()  # Babel's table of local currency letters (under a second) with the model, not on a document
    load_second_reader()  # PP-OCR's recogniser of doubtful scanned cells (about a second) likewise
    # the models' objects, kept for the process, out of the cyclic collector's reach: each full collection walked
    # them (0.3 CPU s, falling on whatever page was being read)
    gc.freeze()
    return extractor


def store_upload(
    session: Session,
    settings: Settings,
    data: bytes,
    filename: str | None,
    doc_type: str | None = None,
    customer_id: str | None = None,
    created_by: str | None = None,
) -> StoredDocument:
    """Check the file cheaply (type, size, pages, encryption, corruption), keep it, and queue its extraction."""

    if doc_type is not None and doc_type not in DOC_TYPES:
        raise InvalidInput(f"doc_type must be one of {', '.join(DOC_TYPES)}; got {doc_type!r}")
    info = inspect_file(data, filename, upload_limits(settings))
    sha256 = hashlib.sha256(data).hexdigest()
    record = DocumentRecord(
        customer_id=customer_id,
        doc_type_hint=doc_type,
        filename=filename,
        media_type=info.media_type,
        sha256=sha256,
        size_bytes=len(data),
        page_count=info.page_count,
        storage_path="",
        status="queued",
        created_by=created_by,
    )
    session.add(record)
    session.flush()
    settings.ensure_dirs()
    path = settings.files_dir / f"{record.id}{info.extension}"
    vault(settings).write(path, data)
    record.storage_path = str(path.resolve())
    return StoredDocument(record.id, record.status)


def get_document(session: Session, document_id: str) -> DocumentRecord:
    record = session.get(DocumentRecord, document_id)
    if record is None:
        raise NotFound(f"no document {document_id!r}")
    return record


def document_view(record: DocumentRecord) -> dict[str, Any]:
    """The GET /v1/documents/{id} body: status, and the extraction when done."""
    body: dict[str, Any] = {
        "document_id": record.id,
        "status": record.status,
        "filename": record.filename,
        "media_type": record.media_type,
        "customer_id": record.customer_id,
        "page_count": record.page_count,
        "created_at": record.created_at.isoformat(),
    }
    if record.status == "done" and record.extraction is not None:
        # The extraction's members at the top level (the body is then itself an extraction.schema.json
        # document) and, for clients that prefer it, the same object under "extraction".
        body.update(record.extraction)
        body["extraction"] = record.extraction
    if record.error is not None:
        body["error"] = record.error
    return body


def page_png(settings: Settings, record: DocumentRecord, page: int) -> bytes:
    """A page as PNG, rendered in memory from the stored file (page images are never written to disk)."""

    if record.page_count is not None and not 1 <= page <= record.page_count:
        raise NotFound(f"document {record.id} has pages 1 to {record.page_count}; there is no page {page}")
    data = vault(settings).read(Path(record.storage_path))
    # a scan is shown turned the way it was read (upside down turned round, levelled), so that the boxes of its
    # values, fractions of the page as read, land on them
    entry = next((p for p in record.words or [] if isinstance(p, dict) and p.get("page") == page), {})
    rotation, skew = int(entry.get("rotation", 0)), float(entry.get("skew", 0.0))
    corners = tuple((float(x), float(y)) for x, y in entry["corners"]) if entry.get("corners") else None
    # sharp enough to zoom into
    return render_page_png(data, page, dpi=150, rotation=rotation, skew=skew, corners=corners)


def _pages_json(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "page": p.number,
            "width": p.width,
            "height": p.height,
            "source": p.source,
            "rotation": p.rotation,
            "skew": round(p.skew, 3),
            "corners": [[round(x, 5), round(y, 5)] for x, y in p.corners] if p.corners else None,
            "words": [
                {"text": w.text, "bbox": [round(v, 5) for v in w.bbox], "conf": round(w.confidence, 3)} for w in p.words
            ],
        }
        for p in doc.pages
    ]


def process_document(settings: Settings, document_id: str) -> str:
    """Extract one stored document under a lease; safe to call again and from several replicas at once.

    Returns the document's status afterwards, or "leased" when another worker holds it (the caller may retry
    after the lease runs out: a worker that died mid-way leaves an expiring lease, not a stuck document).
    """
    with structlog.contextvars.bound_contextvars(document_id=document_id):
        return _process(settings, document_id)


def _process(settings: Settings, document_id: str) -> str:
    url = settings.resolved_database_url
    owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    with session_scope(url) as session:
        record = get_document(session, document_id)
        if record.status in ("done", "failed"):
            return record.status
        if not claim(session, settings, document_id, owner):
            log.info("document_leased_elsewhere", document_id=document_id, holder=record.lease_owner)
            return "leased"
        path, filename, hint = record.storage_path, record.filename, record.doc_type_hint
        customer = session.get(Customer, record.customer_id) if record.customer_id else None
        country = customer.country if customer is not None else None
    log.info("extraction_started", document_id=document_id, lease_owner=owner)
    started = time.perf_counter()
    with _LeaseKeeper(settings, document_id, owner):
        try:
            job = _extract_job(settings, vault(settings).read(Path(path)), filename, hint, country)
        except Exception as exc:  # a document that cannot be read must not take the worker down
            log.exception("extraction_failed", document_id=document_id)
            code = exc.code if isinstance(exc, DocumentError) else "extraction_error"
            with session_scope(url) as session:
                held = _held(session, document_id, owner)
                if held is None:
                    return "leased"
                held.status, held.error = "failed", {"code": code, "detail": str(exc)}
                held.lease_owner = held.lease_expires_at = None
            metrics.record_extraction("failed", "none", {"total": time.perf_counter() - started}, automated=False)
            return "failed"
        saved = time.perf_counter()
        with session_scope(url) as session:
            held = _held(session, document_id, owner)
            if held is None:
                return "leased"
            assert job.document is not None and job.extraction is not None  # the pipeline ran to its end
            automated = _save_extraction(session, settings, held, job.document, job.extraction)
            held.lease_owner = held.lease_expires_at = None
    seconds = {**job.seconds, "save": time.perf_counter() - saved, "total": time.perf_counter() - started}
    metrics.record_extraction("done", _source(job.document), seconds, automated=automated)
    log.info("extraction_done", document_id=document_id, seconds=round(seconds["total"], 3), automated=automated)
    return "done"


def claim(session: Session, settings: Settings, document_id: str, owner: str) -> bool:
    """Take a document's lease in one atomic UPDATE: it is ours only if nobody holds an unexpired lease on it
    (each replica and HTTP worker process hands pending documents to its own thread; only one may go on)."""
    now = utcnow()
    taken = session.execute(
        update(DocumentRecord)
        .where(
            DocumentRecord.id == document_id,
            DocumentRecord.status.in_(("queued", "processing")),
            or_(DocumentRecord.lease_expires_at.is_(None), DocumentRecord.lease_expires_at < now),
        )
        .values(
            status="processing",
            lease_owner=owner,
            lease_expires_at=now + timedelta(seconds=settings.document_lease_seconds),
        )
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(taken, "rowcount", 0))


def _held(session: Session, document_id: str, owner: str) -> DocumentRecord | None:
    """The document, locked, if this worker still holds its lease (else another took over: drop our result)."""
    record = session.get(DocumentRecord, document_id, with_for_update=True, populate_existing=True)
    if record is None or record.lease_owner != owner:
        log.warning("lease_lost", document_id=document_id, lease_owner=owner)
        return None
    return record


class _LeaseKeeper:
    """Renews a document lease every third of its length while the extraction runs."""

    def __init__(self, settings: Settings, document_id: str, owner: str) -> None:
        self.settings, self.document_id, self.owner = settings, document_id, owner
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-{document_id[:8]}", daemon=True)

    def __enter__(self) -> _LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        seconds = self.settings.document_lease_seconds
        while not self._stop.wait(max(seconds / 3, 0.5)):
            with session_scope(self.settings.resolved_database_url) as session:
                session.execute(
                    update(DocumentRecord)
                    .where(DocumentRecord.id == self.document_id, DocumentRecord.lease_owner == self.owner)
                    .values(lease_expires_at=utcnow() + timedelta(seconds=seconds))
                    .execution_options(synchronize_session=False)
                )


def _source(doc: Document | None) -> str:
    sources = {page.source for page in doc.pages} if doc is not None else set()
    return "mixed" if len(sources) > 1 else (sources.pop() if sources else "none")


def _save_extraction(
    session: Session, settings: Settings, record: DocumentRecord, doc: Document, extraction: Extraction
) -> bool:
    """Keep the extraction and open review tasks; True when nothing went to review (automated)."""
    _rescore_with_history(session, record, extraction)
    record.extraction = extraction.to_contract(record.id)
    record.words = _pages_json(doc)
    record.page_count = doc.page_count
    record.doc_type = extraction.doc_type
    record.model_version = extraction.model_version
    po, contract = extraction.value("po_number"), extraction.value("contract_number")
    record.po_number = None if po is None else str(po)
    record.contract_number = None if contract is None else str(contract)
    record.status = "done"
    record.error = None
    return _open_review_tasks(session, settings, record, extraction) == 0


def customer_history(session: Session, customer_id: str | None, before: str | None = None) -> dict[str, Any]:
    """Per party, tax-id, currency and terms field, the value the customer's earlier documents agree on (the most
    common among the last ten); empty for a customer without earlier documents."""

    # models.confidence loads torch and transformers (seconds): only when a document is read
    from models.confidence.signals import FROM_HISTORY

    if not customer_id:
        return {}
    rows = session.scalars(
        select(DocumentRecord.extraction)
        .where(DocumentRecord.customer_id == customer_id, DocumentRecord.status == "done", DocumentRecord.id != before)
        .order_by(DocumentRecord.created_at.desc())
        .limit(10)
    )
    seen: dict[str, Counter[str]] = {name: Counter() for name in FROM_HISTORY}
    for stored in rows:
        for name in FROM_HISTORY:
            value = ((stored or {}).get("fields", {}).get(name) or {}).get("value")
            if value is not None:
                seen[name][str(value)] += 1
    return {name: counts.most_common(1)[0][0] for name, counts in seen.items() if counts}


def _rescore_with_history(session: Session, record: DocumentRecord, extraction: Extraction) -> None:
    """The learned confidence again, now that the customer is known: agreement with their earlier documents."""
    # models.confidence loads torch and transformers (seconds): only when a document is read
    from models.confidence import get_confidence_model

    model = get_confidence_model()
    if model is None or extraction.evidence is None:
        return
    history = customer_history(session, record.customer_id, before=record.id)
    if history:
        typed = {k: normalize_tax_id(v) if k.endswith("_tax_id") else v for k, v in history.items()}
        extraction.evidence.history = typed
        model.apply(extraction.evidence)


def _open_review_tasks(session: Session, settings: Settings, record: DocumentRecord, extraction: Extraction) -> int:
    """One review task per document holding every value the extractor is unsure of (each with its page and box),
    and why the document as a whole needs a look (a required field or the line items missing); how many (0 or 1)."""

    threshold = review_threshold(session, settings, record.customer_id)
    unsure = unsure_values(extraction, threshold)
    problems = document_problems(extraction)
    if not unsure and not problems:
        return 0
    stored = record.extraction or {}
    values = []
    for item in unsure:
        shown = stored["fields"].get(item.field, {}) if item.line is None else stored["line_items"][item.line]
        values.append(
            {
                "field": item.field,
                "line": item.line,
                "value": shown.get("value") if item.line is None else shown,
                "confidence": round(item.confidence, 4),
                "page": item.page,
                "bbox": list(item.bbox) if item.bbox else None,
            }
        )
    first = next((v for v in values if v["page"] is not None), None)
    open_task(
        session,
        kind="extraction",
        document_id=record.id,
        customer_id=record.customer_id,
        page=first["page"] if first else None,
        payload={"scope": "document", "values": values, "problems": problems, "threshold": threshold},
        # the less sure its least sure value, the sooner a document is looked at
        priority=60 if problems else max(10, min(90, round(100 * (1 - min(v["confidence"] for v in values))))),
        config=settings.review,
    )
    return 1


def review_threshold(session: Session, settings: Settings, customer_id: str | None) -> float:
    """The confidence below which a value goes to review: 1 - the customer's largest accepted chance of error
    (``review_max_error`` on the customer), else the service's ``review.confidence_threshold``."""

    row = session.get(Customer, customer_id) if customer_id else None
    max_error = row.review_max_error if row is not None else None
    return settings.review.confidence_threshold if max_error is None else 1.0 - float(max_error)


def pending_document_ids(session: Session, older_than_s: float = 0) -> list[str]:
    """Documents a stopped worker left behind: queued (for ``older_than_s`` at least: a live worker may be about
    to start them), or caught mid-way with a lease that ran out."""
    now = utcnow()
    rows = session.scalars(
        select(DocumentRecord.id)
        .where(
            or_(
                and_(
                    DocumentRecord.status == "queued",
                    DocumentRecord.created_at <= now - timedelta(seconds=older_than_s),
                    or_(DocumentRecord.lease_expires_at.is_(None), DocumentRecord.lease_expires_at < now),
                ),
                and_(DocumentRecord.status == "processing", DocumentRecord.lease_expires_at < now),
                and_(DocumentRecord.status == "processing", DocumentRecord.lease_expires_at.is_(None)),
            )
        )
        .order_by(DocumentRecord.created_at)
    )
    return list(rows)
