"""The append-only, hash-chained audit log.

Every row's hash covers its own content and the previous row's hash, so changing, deleting or reordering a row
breaks the chain at that row. Appends are serialised (a transaction-scoped advisory lock on PostgreSQL, the
database write lock on SQLite) so that two concurrent appends cannot both link to the same predecessor.

``append`` never commits: the caller's unit of work commits the audit row together with the change it describes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from store.tables import AuditEntry

GENESIS = "0" * 64
# Any constant works; it only has to be the same in every process that appends.
_PG_AUDIT_LOCK_KEY = 7_302_114_001


def _jsonable(value: Any) -> Any:
    """Turn Decimals, dates and tuples into plain JSON so that what is hashed is exactly what is stored."""
    if value is None:
        return None

    def default(obj: Any) -> Any:
        if isinstance(obj, Decimal):
            return format(obj, "f")
        if isinstance(obj, datetime):
            return obj.astimezone(UTC).isoformat()
        if isinstance(obj, date):
            return obj.isoformat()
        if isinstance(obj, set | frozenset):
            return sorted(obj)
        raise TypeError(f"audit values must be JSON-serialisable, got {type(obj).__name__}")

    return json.loads(json.dumps(value, default=default))


def _canonical_at(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def compute_hash(
    *,
    prev_hash: str,
    at: datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    before: Any,
    after: Any,
    reason: str | None,
) -> str:
    """sha256 over the canonical JSON (sorted keys, no spaces) of the entry's content and its predecessor's hash."""
    body = {
        "prev_hash": prev_hash,
        "at": _canonical_at(at),
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "before": before,
        "after": after,
        "reason": reason,
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _lock_chain(session: Session) -> None:
    """Take the lock that serialises appends until the caller's transaction ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_AUDIT_LOCK_KEY})
    else:
        # A write statement makes SQLite take its single write lock now, before we read the chain's head;
        # it is held until commit, so nobody can append between our read and our insert.
        session.execute(text("UPDATE audit_log SET id = id WHERE 1 = 0"))


def head_hash(session: Session) -> str:
    last = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar_one_or_none()
    return last or GENESIS


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Add one entry at the head of the chain (flushed, not committed)."""
    session.flush()  # pending changes first, so that the lock below is the transaction's first chain read
    _lock_chain(session)
    prev = head_hash(session)
    at = (at or datetime.now(UTC)).astimezone(UTC)
    before, after = _jsonable(before), _jsonable(after)
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        before=before,
        after=after,
        reason=reason,
        prev_hash=prev,
        hash=compute_hash(
            prev_hash=prev,
            at=at,
            actor=actor,
            action=action,
            entity_type=entity_type,
            entity_id=str(entity_id),
            before=before,
            after=after,
            reason=reason,
        ),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    problem: str | None = None
    head_hash: str = GENESIS

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "first_bad_id": self.first_bad_id,
            "problem": self.problem,
            "head_hash": self.head_hash,
        }


def _rows(session: Session, batch: int = 2000) -> Iterator[AuditEntry]:
    last_id = 0
    while True:
        rows = list(
            session.execute(
                select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
            ).scalars()
        )
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id


def entries(
    session: Session,
    *,
    after_id: int | None = None,
    since: datetime | None = None,
    entity_type: str | None = None,
    entity_id: str | None = None,
    actor: str | None = None,
    mentioning: str | None = None,
    newest_first: bool = False,
    limit: int = 100,
) -> list[AuditEntry]:
    """Entries after an id or at/after a time, filtered; ``mentioning`` matches an entity id, an actor or an action."""
    query = select(AuditEntry)
    if after_id is not None:
        query = query.where(AuditEntry.id > after_id)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    if entity_id:
        query = query.where(AuditEntry.entity_id == entity_id)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if mentioning:
        query = query.where(
            (AuditEntry.entity_id == mentioning) | (AuditEntry.actor == mentioning) | (AuditEntry.action == mentioning)
        )
    order = AuditEntry.id.desc() if newest_first else AuditEntry.id
    return list(session.execute(query.order_by(order).limit(limit)).scalars())


def verify(session: Session, *, expected_head: str | None = None) -> VerifyResult:
    """Walk the chain in id order and recompute every hash.

    A changed row fails its own hash; a deleted or reordered row breaks the link of the row after it. Deleting the
    newest rows leaves a shorter valid chain, which only a head hash recorded elsewhere can reveal: pass it as
    ``expected_head``.
    """
    prev = GENESIS
    checked = 0
    seen_head = False
    for row in _rows(session):
        if row.prev_hash != prev:
            return VerifyResult(
                False, checked, row.id, "prev_hash does not match the previous entry (deleted or reordered)", prev
            )
        recomputed = compute_hash(
            prev_hash=row.prev_hash,
            at=row.at,
            actor=row.actor,
            action=row.action,
            entity_type=row.entity_type,
            entity_id=row.entity_id,
            before=row.before,
            after=row.after,
            reason=row.reason,
        )
        if recomputed != row.hash:
            return VerifyResult(False, checked, row.id, "content does not match its hash (changed)", prev)
        prev = row.hash
        checked += 1
        if expected_head is not None and row.hash == expected_head:
            seen_head = True
    if expected_head is not None and not seen_head and expected_head != GENESIS:
        return VerifyResult(
            False, checked, None, "the expected head hash is not in the chain (newest entries deleted)", prev
        )
    return VerifyResult(True, checked, None, None, prev)


def entry_to_dict(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": _canonical_at(entry.at),
        "actor": entry.actor,
        "action": entry.action,
        "entity_type": entry.entity_type,
        "entity_id": entry.entity_id,
        "before": entry.before,
        "after": entry.after,
        "reason": entry.reason,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }
