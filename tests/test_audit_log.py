"""The audit log's hash chain: tampering is detected, concurrent appends never fork it, the CLI reports it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import delete, select, text, update
from typer.testing import CliRunner

from review import audit
from store.db import get_sessionmaker
from store.tables import AuditEntry


def _fill(session, n=5):
    for i in range(n):
        audit.append(
            session,
            actor="alice",
            action="extraction.value_changed",
            entity_type="document",
            entity_id=f"d{i}",
            before={"value": Decimal("1.50"), "i": i},
            after={"value": "2.00", "on": datetime(2026, 1, 2, tzinfo=UTC)},
            reason="typo",
        )
    session.commit()


def test_chain_links_each_entry_to_the_previous_one(session):
    _fill(session)
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
    assert rows[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    assert rows[0].before == {"value": "1.50", "i": 0}  # Decimals stored as the strings that were hashed
    result = audit.verify(session)
    assert result.ok and result.checked == 5 and result.head_hash == rows[-1].hash


def test_changed_row_is_detected(session):
    _fill(session)
    session.execute(update(AuditEntry).where(AuditEntry.id == 3).values(reason="nothing to see"))
    session.commit()
    result = audit.verify(session)
    assert (result.ok, result.first_bad_id, result.checked) == (False, 3, 2)
    assert "changed" in result.problem


def test_changed_timestamp_is_detected(session):
    _fill(session)
    session.execute(update(AuditEntry).where(AuditEntry.id == 2).values(at=datetime(2020, 1, 1, tzinfo=UTC)))
    session.commit()
    assert audit.verify(session).first_bad_id == 2


def test_deleted_row_is_detected(session):
    _fill(session)
    session.execute(delete(AuditEntry).where(AuditEntry.id == 2))
    session.commit()
    result = audit.verify(session)
    assert (result.ok, result.first_bad_id) == (False, 3)
    assert "deleted or reordered" in result.problem


def test_reordered_rows_are_detected(session):
    _fill(session)
    rows = session.execute(select(AuditEntry).where(AuditEntry.id.in_((2, 3))).order_by(AuditEntry.id)).scalars().all()
    second, third = ({c: getattr(r, c) for c in ("entity_id", "before", "prev_hash", "hash")} for r in rows)
    session.execute(update(AuditEntry).where(AuditEntry.id == 2).values(hash="tmp"))
    session.execute(update(AuditEntry).where(AuditEntry.id == 3).values(**second))
    session.execute(update(AuditEntry).where(AuditEntry.id == 2).values(**third))
    session.commit()
    assert audit.verify(session).first_bad_id == 2


def test_deleting_the_newest_rows_is_detected_with_a_recorded_head(session):
    _fill(session)
    head = audit.verify(session).head_hash
    session.execute(delete(AuditEntry).where(AuditEntry.id == 5))
    session.commit()
    assert audit.verify(session).ok  # a shorter chain is still a valid chain...
    assert not audit.verify(session, expected_head=head).ok  # ...but it no longer contains the recorded head


def _append_concurrently(url: str, threads: int, per_thread: int) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(threads)

    def work(n: int) -> None:
        maker = get_sessionmaker(url)
        try:
            start.wait()
            for i in range(per_thread):
                with maker() as s:
                    s.execute(select(AuditEntry.id).limit(1)).all()  # a read first, as real callers do
                    audit.append(s, actor=f"t{n}", action="test", entity_type="t", entity_id=str(i))
                    s.commit()
        except BaseException as exc:  # reported to the test below
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return errors


def test_concurrent_appends_do_not_fork_the_chain_on_sqlite(db_url):
    assert _append_concurrently(db_url, threads=6, per_thread=15) == []
    with get_sessionmaker(db_url)() as s:
        result = audit.verify(s)
        assert result.ok and result.checked == 90


@pytest.mark.postgres
def test_concurrent_appends_do_not_fork_the_chain_on_postgres(pg_url):
    assert _append_concurrently(pg_url, threads=8, per_thread=20) == []
    with get_sessionmaker(pg_url)() as s:
        result = audit.verify(s)
        assert result.ok and result.checked == 160
        assert s.execute(text("SELECT count(DISTINCT prev_hash) FROM audit_log")).scalar_one() == 160


def test_cli_verify_reports_ok_and_tampering(session, settings, monkeypatch):
    from ledgerlens.cli import app

    _fill(session, n=3)
    runner = CliRunner()
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0, ok.output
    assert "intact: 3 entries" in ok.output
    session.execute(update(AuditEntry).where(AuditEntry.id == 1).values(actor="mallory"))
    session.commit()
    bad = runner.invoke(app, ["audit", "verify", "--json"])
    assert bad.exit_code == 1
    assert '"first_bad_id": 1' in bad.output
