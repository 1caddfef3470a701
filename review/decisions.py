"""The effects of a reviewer's decision: confirm, correct or reject a task, and what that does to the stored values.

A decision on an extraction task changes the document's stored extraction (with an audit entry per changed value)
and labels the words that show the value as training data; a decision on a pre-send check task is recorded on the
check's response. The lease rules (who may decide) live in ``review.leases``.
"""

from __future__ import annotations

import copy
import re
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from core.errors import Forbidden, InvalidInput
from review import audit
from review.labels import label_words
from review.leases import (
    Actor,
    LeaseConflict,
    get_task,
    guarded_update,
    held_task,
    holds_live_lease,
    is_admin,
    task_snapshot,
    utc_now,
)
from review.values import extraction_cell, parse_value
from store.tables import CheckRecord, DocumentRecord, ReviewTask

DECISIONS: tuple[str, ...] = ("confirm", "correct", "reject")

# Why a reviewer rejects a task (closed set, shown in the UI).
REJECT_REASONS: dict[str, str] = {
    "not_on_document": "The document does not show this value",
    "illegible": "The page cannot be read",
    "wrong_document": "The task points at the wrong document or page",
    "invoice_must_change": "The invoice is wrong and must be fixed before sending",
    "duplicate": "Another task covers this already",
    "other": "Other (explain in the note)",
}
# Reject reasons after which the extracted value is removed (a field the document does not show is null).
_CLEARS_VALUE = {"not_on_document", "illegible"}


def resolve(
    session: Session,
    task_id: str,
    actor: Actor,
    *,
    decision: str,
    corrections: dict[str, Any] | None = None,
    reason: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> ReviewTask:
    """Record the decision of the lease holder (or of an admin on an escalated task) and apply it."""
    now = utc_now(now)
    if decision not in DECISIONS:
        raise InvalidInput(f"decision must be one of {', '.join(DECISIONS)}, not '{decision}'", field="decision")
    task = get_task(session, task_id)
    if task.status == "resolved":
        raise LeaseConflict(f"task {task_id} is already resolved", task_id=task_id)
    escalated = task.status == "escalated"
    if escalated and not is_admin(actor):
        raise Forbidden(f"task {task_id} is escalated; an admin resolves it", task_id=task_id)
    if not escalated:
        held_task(session, task_id, actor, now)

    if decision == "reject":
        if reason not in REJECT_REASONS:
            raise InvalidInput(f"a rejection needs a reason code: one of {', '.join(REJECT_REASONS)}", field="reason")
        if reason == "other" and not (note and note.strip()):
            raise InvalidInput("reason 'other' needs a note that explains it", field="note")
    clean = _validate_corrections(task, decision, corrections)
    full_reason = reason if not note else (f"{reason}: {note}" if reason else note)
    before = task_snapshot(task)

    # The guard makes the decision atomic against a lease running out and being re-claimed meanwhile.
    guard = ReviewTask.status == "escalated" if escalated else holds_live_lease(actor, now)
    done = guarded_update(
        session,
        task_id,
        guard,
        {
            "status": "resolved",
            "resolved_by": actor.id,
            "resolved_at": now,
            "decision": decision,
            "corrections": clean or None,
            "reason": full_reason,
            "lease_expires_at": None,
        },
    )
    if not done:
        raise LeaseConflict(f"your claim on task {task_id} ran out; claim it again", task_id=task_id)
    task = get_task(session, task_id)
    audit.append(
        session,
        actor=actor.name,
        action=f"task.{decision}",
        entity_type="review_task",
        entity_id=task.id,
        before=before,
        after=task_snapshot(task),
        reason=full_reason,
        at=now,
    )
    if task.kind == "extraction":
        _apply_to_extraction(session, task, actor, decision, clean, reason, full_reason, now)
    else:
        _apply_to_check(session, task, actor, decision, clean, full_reason, now)
    return task


LINE_CELL = re.compile(r"line_items\.(\d+)\.(\w+)")


def correction_target(task: ReviewTask, name: str) -> tuple[str, int | None]:
    """The (field, line) a correction's key names: ``value`` is the task's own value; on a document task a
    header field by its name and a line-item cell as ``line_items.<line>.<column>`` (0-based line)."""
    if name == "value" and task.field:
        return task.field, task.line
    cell = LINE_CELL.fullmatch(name)
    if cell:
        return cell.group(2), int(cell.group(1))
    return name, task.line


def _validate_corrections(task: ReviewTask, decision: str, corrections: dict[str, Any] | None) -> dict[str, Any]:
    if decision != "correct":
        return {}
    if not corrections:
        raise InvalidInput("a correction needs the corrected value(s) in 'corrections'", field="corrections")
    clean: dict[str, Any] = {}
    for name, raw in corrections.items():
        if task.kind == "extraction":
            field, line = correction_target(task, name)
            key = field if line == task.line else name
            clean[key] = parse_value(field, raw, line=line)
            if clean[key] is None:
                raise InvalidInput(
                    f"{field}: type the correct value; if the document does not show it, reject with 'not_on_document'",
                    field=field,
                )
        else:
            clean[name] = None if raw is None else str(raw).strip()
    return clean


def current_value(session: Session, task: ReviewTask) -> dict[str, Any] | None:
    """The stored extraction cell the task points at (value, confidence, page, bbox, raw)."""
    if task.kind != "extraction" or not task.document_id or not task.field:
        return None
    document = session.get(DocumentRecord, task.document_id)
    return extraction_cell(document.extraction if document else None, task.field, task.line)


def document_values(session: Session, task: ReviewTask) -> list[dict[str, Any]]:
    """The values a document task holds, as stored now: per header field its cell, per line item its cells; each
    with the confidence that sent it to review, its page and box, and the correction keys that change it."""
    if task.kind != "extraction" or task.field or not task.document_id:
        return []
    document = session.get(DocumentRecord, task.document_id)
    extraction = (document.extraction if document else None) or {}
    items = extraction.get("line_items", [])
    out = []
    for shown in (task.payload or {}).get("values", []):
        line = shown.get("line")
        if line is None:
            cells = {shown["field"]: extraction_cell(extraction, shown["field"], None) or {}}
            keys = {shown["field"]: shown["field"]}
        else:
            row = items[line] if 0 <= line < len(items) else {}
            cells = {column: cell for column, cell in row.items() if isinstance(cell, dict)}
            keys = {column: f"line_items.{line}.{column}" for column in cells}
        out.append({**shown, "cells": cells, "keys": keys})
    return out


def task_check(session: Session, task: ReviewTask) -> CheckRecord | None:
    """The stored pre-send check a precheck task is about."""
    return session.get(CheckRecord, task.check_id) if task.check_id else None


def _apply_to_extraction(
    session: Session,
    task: ReviewTask,
    actor: Actor,
    decision: str,
    clean: dict[str, Any],
    reason_code: str | None,
    full_reason: str | None,
    now: datetime,
) -> None:
    document = session.get(DocumentRecord, task.document_id) if task.document_id else None
    if document is None or document.extraction is None:
        return
    extraction = copy.deepcopy(document.extraction)  # a new object, so the JSON column is seen as changed
    changes: dict[str, Any] = {}
    if decision == "correct":
        changes = clean
    elif decision == "reject" and reason_code in _CLEARS_VALUE and task.field:
        changes = {task.field: None}

    for key, value in changes.items():
        field, line = correction_target(task, key)
        before = extraction_cell(extraction, field, line)
        after = _set_cell(extraction, field, line, value, before, task)
        if before == after:
            continue
        audit.append(
            session,
            actor=actor.name,
            action="extraction.value_changed",
            entity_type="document",
            entity_id=document.id,
            before={"field": field, "line": line, "cell": before},
            after={"field": field, "line": line, "cell": after, "task_id": task.id},
            reason=full_reason,
            at=now,
        )
        if line is None and field in ("po_number", "contract_number"):
            setattr(document, field, value)
    if changes:
        document.extraction = extraction

    # Confirmed and corrected values become training labels on the words that show them.
    if decision not in ("confirm", "correct"):
        return
    if task.field:
        labelled = changes or {task.field: (extraction_cell(extraction, task.field, task.line) or {}).get("value")}
    else:  # a document task: every value it showed, as confirmed or corrected
        labelled = {**_shown_values(task, extraction), **changes}
    for key, value in labelled.items():
        field, line = correction_target(task, key)
        cell = extraction_cell(extraction, field, line) or {}
        label_words(
            session,
            document,
            page=cell.get("page") or task.page if not task.field else task.page or cell.get("page"),
            bbox=cell.get("bbox") if not task.field else task.bbox or cell.get("bbox"),
            field=field,
            line=line,
            value=None if value is None else str(value),
            raw=cell.get("raw") if decision == "confirm" or key not in changes else None,
            task_id=task.id,
            created_by=actor.id,
        )


def _shown_values(task: ReviewTask, extraction: dict[str, Any]) -> dict[str, Any]:
    """The values a document task showed, keyed as corrections are (header field; ``line_items.i.column``)."""
    out: dict[str, Any] = {}
    for shown in (task.payload or {}).get("values", []):
        line = shown.get("line")
        if line is None:
            out[shown["field"]] = (extraction_cell(extraction, shown["field"], None) or {}).get("value")
            continue
        items = extraction.get("line_items", [])
        row = items[line] if 0 <= line < len(items) else {}
        for column, cell in row.items():
            if isinstance(cell, dict) and cell.get("value") is not None:
                out[f"line_items.{line}.{column}"] = cell["value"]
    return out


def _set_cell(
    extraction: dict[str, Any],
    field: str,
    line: int | None,
    value: Any,
    before: dict[str, Any] | None,
    task: ReviewTask,
) -> dict[str, Any] | None:
    if value is None:
        cell = None
    else:
        cell = {"value": value, "confidence": 1.0, "source": "review"}
        page = (before or {}).get("page") or task.page
        bbox = (before or {}).get("bbox") or task.bbox
        if page is not None:
            cell["page"] = page
        if bbox is not None:
            cell["bbox"] = bbox
    if line is None:
        fields = extraction.setdefault("fields", {})
        if cell is None:
            fields.pop(field, None)
        else:
            fields[field] = cell
    else:
        items = extraction.setdefault("line_items", [])
        if not 0 <= line < len(items):
            raise InvalidInput(f"line {line} does not exist in the extraction", field="line")
        if cell is None:
            items[line].pop(field, None)
        else:
            items[line][field] = cell
    return cell


def _apply_to_check(
    session: Session,
    task: ReviewTask,
    actor: Actor,
    decision: str,
    clean: dict[str, Any],
    full_reason: str | None,
    now: datetime,
) -> None:
    check = session.get(CheckRecord, task.check_id) if task.check_id else None
    if check is None:
        return
    response = copy.deepcopy(check.response or {})
    before = response.get("review")
    after = {
        "task_id": task.id,
        "decision": decision,
        "corrections": clean or None,
        "reason": full_reason,
        "resolved_by": actor.name,
        "resolved_at": now.isoformat(),
    }
    response["review"] = after
    check.response = response
    audit.append(
        session,
        actor=actor.name,
        action="check.review_decision",
        entity_type="check",
        entity_id=check.id,
        before=before,
        after=after,
        reason=full_reason,
        at=now,
    )
