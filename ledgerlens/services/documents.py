"""Documents: store an upload, queue its extraction, run it, and keep the result."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from core.errors import InvalidInput, NotFound
from core.settings import Settings
from extraction.document import Document
from extraction.errors import DocumentError
from extraction.inspect import inspect_file
from extraction.loading import Limits, render_page_png
from extraction.pipeline import extract
from extraction.result import Extraction
from ledgerlens.services import lookup  # noqa: F401  (keeps documents' reference keys in step with their numbers)
from review import open_task
from store.db import session_scope
from store.tables import DocumentRecord, utcnow

log = logging.getLogger(__name__)

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


def extract_bytes(settings: Settings, data: bytes, filename: str | None, doc_type_hint: str | None = None) -> Any:
    """(document, extraction) of a file, within the upload limits, by the extractor the settings name."""
    extractor = extractor_for(settings.extractor, settings.data_dir)
    return extract(data, filename, doc_type_hint, upload_limits(settings), extractor=extractor)


@lru_cache(maxsize=4)
def extractor_for(kind: str, data_dir: Path) -> Any:
    """The extractor the settings name, built once per process (the layout model loads once)."""
    from models.layout.combine import best_extractor  # torch and transformers: seconds, only when a document is read

    return best_extractor(kind, registry_dir=data_dir)


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
    path.write_bytes(data)
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


def page_png(record: DocumentRecord, page: int) -> bytes:
    if record.page_count is not None and not 1 <= page <= record.page_count:
        raise NotFound(f"document {record.id} has pages 1 to {record.page_count}; there is no page {page}")
    return render_page_png(Path(record.storage_path).read_bytes(), page, dpi=150)  # sharp enough to zoom into


def _pages_json(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "page": p.number,
            "width": p.width,
            "height": p.height,
            "source": p.source,
            "words": [
                {"text": w.text, "bbox": [round(v, 5) for v in w.bbox], "conf": round(w.confidence, 3)} for w in p.words
            ],
        }
        for p in doc.pages
    ]


def process_document(settings: Settings, document_id: str) -> str:
    """Extract one stored document; safe to call again (a crash mid-way leaves it queued for a retry)."""

    url = settings.resolved_database_url
    with session_scope(url) as session:
        record = get_document(session, document_id)
        if record.status == "done":
            return record.status
        if not claim(session, record):
            return "processing"
        path, filename, hint = record.storage_path, record.filename, record.doc_type_hint
    try:
        doc, extraction = extract_bytes(settings, Path(path).read_bytes(), filename, hint)
    except Exception as exc:  # a document that cannot be read must not take the worker down
        log.exception("extraction failed for %s", document_id)
        code = exc.code if isinstance(exc, DocumentError) else "extraction_error"
        with session_scope(url) as session:
            record = get_document(session, document_id)
            record.status = "failed"
            record.error = {"code": code, "detail": str(exc)}
        return "failed"
    with session_scope(url) as session:
        record = get_document(session, document_id)
        _save_extraction(session, settings, record, doc, extraction)
    return "done"


def claim(session: Session, record: DocumentRecord) -> bool:
    """Mark a document as being processed, unless someone changed it since ``record`` was read: each HTTP worker
    process hands the documents pending at its start to its own extraction thread, and only one may go on."""
    result = session.execute(
        update(DocumentRecord)
        .where(DocumentRecord.id == record.id, DocumentRecord.updated_at == record.updated_at)
        .values(status="processing", updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[Any], result).rowcount == 1


def _save_extraction(
    session: Session, settings: Settings, record: DocumentRecord, doc: Document, extraction: Extraction
) -> None:
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
    _open_review_tasks(session, settings, record, extraction)


def _open_review_tasks(session: Session, settings: Settings, record: DocumentRecord, extraction: Extraction) -> None:
    """Route every value the extractor is unsure of to a person, with the page and box to look at."""
    threshold = settings.review.confidence_threshold
    stored = record.extraction or {}
    for name, cell in extraction.fields.items():
        if cell.value is not None and cell.confidence < threshold:
            open_task(
                session,
                kind="extraction",
                document_id=record.id,
                customer_id=record.customer_id,
                field=name,
                page=cell.page,
                bbox=list(cell.bbox) if cell.bbox else None,
                payload={
                    "value": stored["fields"].get(name, {}).get("value"),
                    "confidence": cell.confidence,
                },
                priority=60,
                config=settings.review,
            )
    for index, item in enumerate(extraction.line_items):
        if item.confidence < threshold:
            open_task(
                session,
                kind="extraction",
                document_id=record.id,
                customer_id=record.customer_id,
                field="line_item",
                line=index,
                page=item.page,
                bbox=list(item.bbox) if item.bbox else None,
                payload={"line_item": stored["line_items"][index], "confidence": item.confidence},
                priority=50,
                config=settings.review,
            )


def pending_document_ids(session: Session) -> list[str]:
    """Documents a stopped worker left behind: queued or caught mid-way."""
    rows = session.scalars(
        select(DocumentRecord.id)
        .where(DocumentRecord.status.in_(("queued", "processing")))
        .order_by(DocumentRecord.created_at)
    )
    return list(rows)
