"""The automation rate: documents and pre-send checks that no person had to touch.

A document is automated when its extraction finished and no review task was ever opened for it; a check when
it never got a review task. Tasks a reviewer opened by hand count as touched too. For ``GET /v1/kpis`` and the
dashboard; the bench measures the same figure offline (``bench/bench_automation.py``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from store.tables import CheckRecord, DocumentRecord, ReviewTask


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def automation_rate(
    session: Session,
    *,
    customer_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> dict[str, Any]:
    """Counts and rates of untouched documents and checks, created in ``[since, until)``, for one customer or all."""
    documents = select(DocumentRecord.id).where(DocumentRecord.status == "done")
    checks = select(CheckRecord.id)
    if customer_id is not None:
        documents = documents.where(DocumentRecord.customer_id == customer_id)
        checks = checks.where(CheckRecord.customer_id == customer_id)
    if since is not None:
        documents = documents.where(DocumentRecord.created_at >= since)
        checks = checks.where(CheckRecord.created_at >= since)
    if until is not None:
        documents = documents.where(DocumentRecord.created_at < until)
        checks = checks.where(CheckRecord.created_at < until)
    doc_touched = exists().where(ReviewTask.kind == "extraction", ReviewTask.document_id == DocumentRecord.id)
    check_touched = exists().where(ReviewTask.kind == "precheck", ReviewTask.check_id == CheckRecord.id)

    def count(query: Any) -> int:
        return int(session.execute(select(func.count()).select_from(query.subquery())).scalar_one())

    n_docs, n_checks = count(documents), count(checks)
    docs_auto = count(documents.where(~doc_touched))
    checks_auto = count(checks.where(~check_touched, CheckRecord.review_task_id.is_(None)))
    return {
        "documents": n_docs,
        "documents_automated": docs_auto,
        "document_automation_rate": _rate(docs_auto, n_docs),
        "checks": n_checks,
        "checks_automated": checks_auto,
        "check_automation_rate": _rate(checks_auto, n_checks),
    }
