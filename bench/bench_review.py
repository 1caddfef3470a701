"""Review queue throughput: reviewers claiming and resolving concurrently, on SQLite and (if reachable) PostgreSQL.

    nice -n 10 python bench/bench_review.py --tasks 1000 --reviewers 20

Prints a table and writes bench/results/review.json: claims+resolves per second, claim latency percentiles, and the
correctness checks (no task claimed twice, none left, audit chain intact).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

import review  # noqa: E402
from core.settings import ReviewSettings  # noqa: E402
from review.audit import verify  # noqa: E402
from store.db import get_engine, get_sessionmaker, migrate  # noqa: E402
from store.tables import ReviewTask, new_id  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "review.json"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


@dataclass(frozen=True)
class Reviewer:
    id: str
    name: str
    roles: frozenset[str] = frozenset({"reviewer"})


def seed(url: str, n: int) -> None:
    now = datetime.now(UTC)
    rows = [
        {
            "id": new_id(),
            "kind": "extraction" if i % 3 else "precheck",
            "status": "open",
            "priority": i % 7,
            "created_at": now - timedelta(seconds=n - i),
            "sla_due_at": now + timedelta(hours=4),
        }
        for i in range(n)
    ]
    with get_sessionmaker(url)() as s:
        s.execute(insert(ReviewTask), rows)
        s.commit()


def run(url: str, tasks: int, reviewers: int) -> dict[str, Any]:
    seed(url, tasks)
    config = ReviewSettings()
    claims: list[tuple[str, str]] = []
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(reviewers)

    def work(n: int) -> None:
        me = Reviewer(f"r{n}", f"reviewer-{n}")
        maker = get_sessionmaker(url)
        barrier.wait()
        try:
            while True:
                t0 = time.perf_counter()
                with maker() as s:
                    task = review.claim_next(s, me, config=config)
                    s.commit()
                elapsed = time.perf_counter() - t0
                if task is None:
                    return
                with maker() as s:
                    review.resolve(s, task.id, me, decision="confirm")
                    s.commit()
                with lock:
                    claims.append((me.id, task.id))
                    latencies.append(elapsed)
        except Exception as exc:  # recorded in the figures: a bench must not hide failures
            errors.append(f"{type(exc).__name__}: {exc}")

    start = time.perf_counter()
    pool = [threading.Thread(target=work, args=(i,)) for i in range(reviewers)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall = time.perf_counter() - start
    per_task = Counter(task for _, task in claims)
    with get_sessionmaker(url)() as s:
        left = s.execute(select(func.count()).where(ReviewTask.status != "resolved")).scalar_one()
        chain = verify(s)
    latencies.sort()
    return {
        "tasks": tasks,
        "reviewers": reviewers,
        "wall_seconds": round(wall, 3),
        "tasks_per_second": round(len(claims) / wall, 1),
        "claim_latency_ms_p50": round(statistics.median(latencies) * 1000, 2) if latencies else None,
        "claim_latency_ms_p95": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 2) if latencies else None,
        "claimed_twice": sum(1 for c in per_task.values() if c > 1),
        "never_claimed": tasks - len(per_task),
        "left_unresolved": left,
        "audit_chain_ok": chain.ok,
        "audit_entries": chain.checked,
        "errors": errors[:5],
    }


def postgres_url() -> str | None:
    try:
        import psycopg

        name = f"ledgerlens_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=2) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    except Exception:
        return None


def drop_postgres(url: str) -> None:
    import psycopg

    get_engine(url).dispose()
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--reviewers", type=int, default=20)
    args = parser.parse_args()
    figures: dict[str, Any] = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = f"sqlite:///{tmp}/bench.db"
        migrate(sqlite)
        figures["sqlite"] = run(sqlite, args.tasks, args.reviewers)
        get_engine(sqlite).dispose()
    pg = postgres_url()
    if pg:
        try:
            migrate(pg)
            figures["postgresql"] = run(pg, args.tasks, args.reviewers)
        finally:
            drop_postgres(pg)
    else:
        figures["postgresql"] = {"skipped": f"PostgreSQL not reachable at {PG_ADMIN}"}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    for db in ("sqlite", "postgresql"):
        f = figures[db]
        if "skipped" in f:
            print(f"{db:<11} skipped: {f['skipped']}")
            continue
        print(
            f"{db:<11} {f['tasks']} tasks, {f['reviewers']} reviewers: {f['tasks_per_second']} claim+resolve/s, "
            f"claim p50 {f['claim_latency_ms_p50']} ms p95 {f['claim_latency_ms_p95']} ms; "
            f"claimed twice {f['claimed_twice']}, never claimed {f['never_claimed']}, chain ok {f['audit_chain_ok']}"
        )
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
