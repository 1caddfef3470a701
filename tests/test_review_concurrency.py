"""Many reviewers claiming at once: no task is ever held by two of them, and none is lost."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

import review
from core.settings import ReviewSettings
from review.audit import verify
from store.db import get_sessionmaker
from store.tables import AuditEntry, ReviewTask, new_id
from tests.test_review_support import Person

CONFIG = ReviewSettings(lease_seconds=600)


def _seed(url: str, n: int) -> None:
    now = datetime.now(UTC)
    rows = [
        {
            "id": new_id(),
            "kind": "precheck",
            "status": "open",
            "priority": i % 5,
            "check_id": f"c{i}",
            "created_at": now - timedelta(seconds=n - i),
            "sla_due_at": now + timedelta(hours=4),
        }
        for i in range(n)
    ]
    with get_sessionmaker(url)() as s:
        s.execute(insert(ReviewTask), rows)
        s.commit()


def _work_the_queue(url: str, reviewers: int) -> tuple[list[tuple[str, str]], list[BaseException]]:
    """Each reviewer claims and resolves until the queue is empty; returns (reviewer, task) per claim."""
    claims: list[tuple[str, str]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(reviewers)

    def work(n: int) -> None:
        me = Person(f"u{n}", f"reviewer-{n}")
        maker = get_sessionmaker(url)
        try:
            start.wait()
            while True:
                with maker() as s:
                    task = review.claim_next(s, me, config=CONFIG)
                    s.commit()
                if task is None:
                    return
                with lock:
                    claims.append((me.id, task.id))
                with maker() as s:
                    review.resolve(s, task.id, me, decision="confirm")
                    s.commit()
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(n,)) for n in range(reviewers)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return claims, errors


def _assert_each_task_claimed_once(url: str, claims: list[tuple[str, str]], n: int) -> None:
    per_task = Counter(task_id for _, task_id in claims)
    assert len(per_task) == n, "some tasks were never claimed"
    assert per_task.most_common(1)[0][1] == 1, "a task was claimed twice"
    with get_sessionmaker(url)() as s:
        assert s.execute(select(func.count()).where(ReviewTask.status != "resolved")).scalar_one() == 0
        resolved_by = dict(s.execute(select(ReviewTask.id, ReviewTask.resolved_by)).all())
        assert all(resolved_by[task_id] == who for who, task_id in claims)
        assert s.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == n
        assert verify(s).ok


@pytest.mark.postgres
@pytest.mark.slow
def test_twenty_reviewers_claim_a_thousand_tasks_on_postgres(pg_url):
    _seed(pg_url, 1000)
    claims, errors = _work_the_queue(pg_url, reviewers=20)
    assert errors == []
    _assert_each_task_claimed_once(pg_url, claims, 1000)
    assert len({who for who, _ in claims}) > 1  # the work really was shared


def test_concurrent_reviewers_on_sqlite(db_url):
    _seed(db_url, 120)
    claims, errors = _work_the_queue(db_url, reviewers=6)
    assert errors == []
    _assert_each_task_claimed_once(db_url, claims, 120)


@pytest.mark.postgres
def test_expired_leases_are_taken_over_on_postgres(pg_url):
    """Reviewers who vanish leave nothing locked: after the lease, others take the tasks over."""
    _seed(pg_url, 3)
    short = ReviewSettings(lease_seconds=1)
    t0 = datetime.now(UTC)
    maker = get_sessionmaker(pg_url)
    with maker() as s:
        gone = [review.claim_next(s, Person(f"gone{i}", f"gone{i}"), now=t0, config=short) for i in range(3)]
        s.commit()
    later = t0 + timedelta(seconds=2)
    with maker() as s:
        taken = [review.claim_next(s, Person(f"new{i}", f"new{i}"), now=later, config=short) for i in range(3)]
        s.commit()
    assert {t.id for t in gone} == {t.id for t in taken}
    with maker() as s, pytest.raises(review.LeaseConflict):
        review.resolve(s, gone[0].id, Person("gone0", "gone0"), decision="confirm", now=later)
