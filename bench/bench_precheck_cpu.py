"""CPU one pre-send check costs through the whole app (middleware, auth, route, service, matcher, SQLite), in one
process and one thread, so the figure does not depend on what else the machine runs.

    python bench/bench_precheck_cpu.py [--checks 300] [--profile]

bench_service's workload (every draft bills all of one factory PO's lines, a quarter with a price one unit up)
sent through the ASGI app in process (httpx ASGITransport); sync routes and dependencies run inline instead of
in the thread pool, so ``--profile`` (pyinstrument) sees them. Writes bench/results/precheck-cpu.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "results" / "precheck-cpu.json"


async def _inline(func: Any, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


async def _run(checks: int, profile: bool, batch: int) -> dict[str, Any]:
    import fastapi.dependencies.utils
    import fastapi.routing
    import httpx

    from api.main import create_app
    from bench.bench_precheck_history import _reference, _service_drafts
    from core.settings import Settings
    from ledgerlens.services.auth import create_user
    from store.db import migrate, session_scope
    from store.tables import DocumentRecord

    fastapi.routing.run_in_threadpool = _inline  # type: ignore[attr-defined]
    fastapi.dependencies.utils.run_in_threadpool = _inline  # type: ignore[attr-defined]
    settings = Settings()
    settings.ensure_dirs()
    url = settings.resolved_database_url
    migrate(url)
    body, truth = _reference("PO-7-000", 7)
    with session_scope(url) as s:
        s.add(
            DocumentRecord(customer_id="BENCH", media_type="application/pdf", sha256="0" * 64, size_bytes=1,
                           storage_path="", status="done", doc_type="purchase_order", po_number="PO-7-000",
                           extraction=body)
        )  # fmt: skip
        _, token = create_user(s, "bench", ["billing"])
    currency = truth["fields"].get("currency") or "USD"
    drafts = _service_drafts([("PO-7-000", currency, truth["line_items"])], checks + 20)
    headers = {"Authorization": f"Bearer {token}"}
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for draft in drafts[:20]:  # warm: caches, the connection pool
            await client.post("/v1/precheck", json=draft, headers=headers)
        profiler = None
        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005, async_mode="disabled")
            profiler.start()
        start = time.process_time()
        for draft in drafts[20:]:
            response = await client.post("/v1/precheck", json=draft, headers=headers)
            response.raise_for_status()
        cpu_ms = (time.process_time() - start) * 1000 / checks
        batch_ms = None
        if batch:  # the same drafts again as one POST /v1/precheck/batch (new numbers: no idempotent replays)
            again = [{**d, "invoice_number": f"{d['invoice_number']}-B"} for d in drafts[20 : 20 + batch]]
            start = time.process_time()
            response = await client.post("/v1/precheck/batch", json={"invoices": again}, headers=headers)
            response.raise_for_status()
            batch_ms = round((time.process_time() - start) * 1000 / len(again), 2)
        if profiler is not None:
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False), file=sys.stderr)
    return {
        "checks": checks, "lines_per_draft": len(truth["line_items"]), "cpu_ms_per_check": round(cpu_ms, 2),
        "batch": batch, "batch_cpu_ms_per_check": batch_ms,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--batch", type=int, default=0, help="then time one batch of this many drafts")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(LEDGERLENS_DATA_DIR=tmp, LEDGERLENS_PRELOAD_MODEL="false")
        os.environ.pop("LEDGERLENS_DATABASE_URL", None)
        report = {"bench": "precheck-cpu", **asyncio.run(_run(args.checks, args.profile, args.batch))}
    print(f"CPU per check through the app, one process: {report['cpu_ms_per_check']} ms ({report['checks']} checks)")
    if report["batch_cpu_ms_per_check"] is not None:
        print(f"CPU per check in one batch of {report['batch']}: {report['batch_cpu_ms_per_check']} ms")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
