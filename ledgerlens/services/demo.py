"""Demo data for a fresh install: users (tokens printed once), sample POs and contracts, a payment history."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import select

from core.settings import Settings
from ledgerlens.services.auth import create_user
from ledgerlens.services.documents import process_document, store_upload
from ledgerlens.services.risk import record_payments_csv
from store.db import migrate, session_scope
from store.tables import DocumentRecord, User

DATA = Path(__file__).resolve().parents[2] / "data"
DEMO_USERS = {
    "demo-admin": ["admin"],
    "demo-billing": ["billing"],
    "demo-reviewer": ["reviewer"],
    "demo-collections": ["collections"],
}


def demo_documents() -> list[tuple[Path, dict[str, str | None]]]:
    """Sample files with their upload fields (from a sidecar JSON where present)."""
    out = []
    for path in sorted((DATA / "samples").glob("*")):
        if path.suffix.lower() not in {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}:
            continue
        label_path, invoices_path = path.with_suffix(".json"), path.with_suffix(".invoices.json")
        label = json.loads(label_path.read_text()) if label_path.exists() else {}
        invoices = json.loads(invoices_path.read_text()) if invoices_path.exists() else []
        # The demo invoices name the customer; the document is filed under the same one.
        customer = label.get("customer_id") or next((i["invoice"]["customer_id"] for i in invoices), None)
        out.append((path, {"doc_type": label.get("doc_type"), "customer_id": customer}))
    return out


def load_demo(settings: Settings) -> list[str]:
    url = settings.resolved_database_url
    settings.ensure_dirs()
    migrate(url)
    report: list[str] = []
    with session_scope(url) as session:
        for name, roles in DEMO_USERS.items():
            if session.scalar(select(User).where(User.name == name)) is None:
                _, token = create_user(session, name, roles)
                report.append(f"demo user {name} ({', '.join(roles)}): token {token}  (shown once)")
    queued = []
    for path, meta in demo_documents():
        data = path.read_bytes()
        with session_scope(url) as session:
            if session.scalar(
                select(DocumentRecord.id).where(DocumentRecord.sha256 == hashlib.sha256(data).hexdigest())
            ):
                continue
            stored = store_upload(session, settings, data, path.name, meta["doc_type"], meta["customer_id"], "demo")
            queued.append(stored.document_id)
    for document_id in queued:
        process_document(settings, document_id)
    report.append(f"demo documents: {len(queued)} new, {len(demo_documents()) - len(queued)} already there")
    report.extend(_load_payments(settings))
    return report


def _load_payments(settings: Settings) -> list[str]:
    history = DATA / "payments_demo.csv"
    if not history.exists():
        return []
    with session_scope(settings.resolved_database_url) as session:
        result = record_payments_csv(session, history.read_text())
    return [
        f"demo payment history: {result.accepted} new rows, {result.updated} updated, {len(result.errors)} rejected"
    ]
