"""Does one pre-send check cost the same whatever the customer's history? In-process, SQLite and PostgreSQL.

For each history size (earlier checks of the same customer, spread over other POs and totals, as a year of
billing is) a fresh database gets 20 reference POs and the history, then checks are run one by one through the
service (`run_check`, a session and a commit each, as the API runs them) on those POs, a quarter of them faulty.

    python bench/bench_precheck_history.py --sizes 0,10000,100000 --checks 200
    python bench/bench_precheck_history.py --sizes 0 --databases sqlite --workload service   # bench_service's drafts

Writes bench/results/precheck_history.json (per database and size: p50/p95/mean ms, earlier checks loaded).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "results" / "precheck_history.json"
CUSTOMER = "BENCH"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def _reference(po_number: str, seed: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """An extraction body as the service stores it, and the truth's lines, from a factory PO."""
    from training.factory import make_po

    truth = make_po(seed).truth

    def cell(value: Any) -> dict[str, Any]:
        return {"value": value, "confidence": 0.99, "page": 1}

    fields = {k: cell(v) for k, v in truth["fields"].items() if v is not None}
    fields["po_number"] = cell(po_number)
    items = [{**{k: cell(v) for k, v in it.items() if v is not None}, "confidence": 0.98} for it in truth["line_items"]]
    body = {"doc_type": "purchase_order", "page_count": 1, "fields": fields, "line_items": items}
    return body, truth


def _history_row(i: int, rng: random.Random) -> dict[str, Any]:
    from ledgerlens.services import lookup
    from ledgerlens.services.precheck import fingerprint
    from matching.types import DraftInvoice

    qty, price = Decimal(rng.randint(1, 50)), Decimal(rng.randint(100, 90000)) / 100
    amount = qty * price
    invoice = DraftInvoice.model_validate(
        {
            "invoice_number": f"H-{i:07d}",
            "customer_id": CUSTOMER,
            "po_number": f"PO-{1000000 + i // 20}",  # 20 invoices per PO
            "issue_date": (date(2025, 1, 1) + timedelta(days=i % 330)).isoformat(),
            "currency": "EUR",
            "lines": [{"description": f"Item {i % 997}", "quantity": qty, "unit_price": price, "amount": amount}],
            "total": amount,
        }
    )
    return {
        "id": uuid.uuid4().hex,
        "invoice_number": invoice.invoice_number,
        "customer_id": CUSTOMER,
        "po_number": invoice.po_number,
        "contract_number": None,
        "reference_document_id": None,
        "total": invoice.total,
        "currency": "EUR",
        "issue_date": invoice.issue_date,
        "fingerprint": fingerprint(invoice),
        "verdict": "pass",
        "request": invoice.model_dump(mode="json"),
        "response": {},
        **lookup.check_keys(invoice),
    }


def _fill(url: str, size: int, seed: int) -> list[tuple[str, str, list[dict[str, Any]]]]:
    from sqlalchemy import insert

    from store.db import get_engine, session_scope
    from store.tables import CheckRecord, DocumentRecord

    rng = random.Random(seed)
    pos = []
    with session_scope(url) as s:
        for k in range(20):
            number = f"PO-{seed}-{k:03d}"
            body, truth = _reference(number, seed + k)
            record = DocumentRecord(
                customer_id=CUSTOMER,
                media_type="application/pdf",
                sha256="0" * 64,
                size_bytes=1,
                storage_path="",
                status="done",
                doc_type="purchase_order",
                po_number=number,
                extraction=body,
            )
            s.add(record)
            pos.append((number, truth["fields"].get("currency") or "EUR", truth["line_items"]))
    with session_scope(url) as s:
        for start in range(0, size, 5000):
            rows = [_history_row(i, rng) for i in range(start, min(size, start + 5000))]
            s.execute(insert(CheckRecord), rows)
    # A year of history has planner statistics and a checkpointed log; a bulk load just now has neither.
    with get_engine(url).connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")
        if url.startswith("sqlite"):
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return pos


def _service_drafts(pos: list[tuple[str, str, list[dict[str, Any]]]], n: int) -> list[dict[str, Any]]:
    """bench_service's workload: every draft bills all of one PO's lines on one day, a quarter with the first line's
    price one unit up (so most are over the ordered quantity or duplicates of an earlier one)."""
    number, currency, lines = pos[0]
    keep = ("sku", "description", "quantity", "unit_price", "amount")
    chosen = [{k: line[k] for k in keep if line.get(k) is not None} for line in lines]
    drafts = []
    for i in range(n):
        billed = [dict(line) for line in chosen]
        if i % 4 == 1:
            billed[0]["unit_price"] = str(Decimal(billed[0]["unit_price"]) + 1)
        drafts.append(
            {"invoice_number": f"S-{i:05d}", "customer_id": CUSTOMER, "po_number": number, "issue_date": "2026-11-20",
             "currency": currency, "lines": billed, "total": str(sum(Decimal(ln["amount"]) for ln in chosen))}
        )  # fmt: skip
    return drafts


def _drafts(pos: list[tuple[str, str, list[dict[str, Any]]]], n: int, size: int) -> list[dict[str, Any]]:
    drafts = []
    for i in range(n):
        number, currency, lines = pos[i % len(pos)]
        large = [line for line in lines if Decimal(line["quantity"]) >= 10] or lines[:1]
        chosen = [
            {k: line[k] for k in ("description", "quantity", "unit_price", "amount") if line.get(k) is not None}
            for line in large[:4]
        ]
        for line in chosen:  # a tenth of the ordered quantity each time: ten checks per PO stay within it
            qty = max(Decimal(1), Decimal(line["quantity"]) // 10)
            line.update(quantity=str(qty), amount=str(qty * Decimal(line["unit_price"])))
        if i % 4 == 1:  # faulty: a price off by 7 %
            price = (Decimal(chosen[0]["unit_price"]) * Decimal("1.07")).quantize(Decimal("0.01"))
            chosen[0].update(unit_price=str(price), amount=str(price * Decimal(chosen[0]["quantity"])))
        total = sum(Decimal(line["amount"]) for line in chosen)
        drafts.append(
            {
                "invoice_number": f"N-{size}-{i:05d}",
                "customer_id": CUSTOMER,
                "po_number": number,
                # a round every 45 days: the same partial delivery again, not within the duplicate window
                "issue_date": (date(2025, 1, 1) + timedelta(days=45 * (i // len(pos)))).isoformat(),
                "currency": currency,
                "lines": chosen,
                "total": str(total),
            }
        )
    return drafts


def _measure(
    url: str, size: int, checks: int, seed: int, profile: bool = False, workload: str = "history"
) -> dict[str, Any]:
    from core.settings import Settings
    from ledgerlens.services import lookup
    from ledgerlens.services.precheck import run_check
    from matching.types import DraftInvoice
    from store.db import migrate, session_scope

    migrate(url)
    start = time.perf_counter()
    pos = _fill(url, size, seed)
    fill_s = time.perf_counter() - start
    settings = Settings(database_url=url)
    drafts = _service_drafts(pos, checks) if workload == "service" else _drafts(pos, checks, size)
    latencies, cpu, loaded, verdicts = [], [], [], {}
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    for body in drafts:
        start, start_cpu = time.perf_counter(), time.process_time()
        with session_scope(url) as s:
            result = run_check(s, settings, body, principal_id="bench")
        latencies.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        verdicts[result["verdict"]] = verdicts.get(result["verdict"], 0) + 1
    if profiler is not None:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False), flush=True)
    with session_scope(url) as s:  # how many earlier checks the last check's look-ups load
        invoice = DraftInvoice.model_validate(drafts[-1])
        from ledgerlens.services.precheck import fingerprint

        sent, failed = lookup.earlier_checks(s, invoice, fingerprint(invoice), None, [invoice.po_number])
        loaded.append(len(sent) + len(failed))
    latencies, cpu = latencies[10:], cpu[10:]  # the first few warm caches and the connection pool
    q = statistics.quantiles(latencies, n=100)
    return {
        "history": size,
        "checks_timed": len(latencies),
        "p50_ms": round(q[49] * 1000, 2),
        "p95_ms": round(q[94] * 1000, 2),
        "mean_ms": round(statistics.mean(latencies) * 1000, 2),
        # this process's CPU per check: what the check costs, whatever else the machine is running
        "cpu_mean_ms": round(statistics.mean(cpu) * 1000, 2),
        "earlier_loaded_last_check": loaded[0],
        "verdicts": verdicts,
        "fill_seconds": round(fill_s, 1),
    }


def _sqlite(size: int, checks: int, seed: int, profile: bool, workload: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        try:
            return _measure(url, size, checks, seed, profile, workload)
        finally:
            from store.db import get_engine

            get_engine(url).dispose()


def _postgresql(size: int, checks: int, seed: int, profile: bool, workload: str) -> dict[str, Any]:
    import psycopg

    from store.db import get_engine

    name = f"ledgerlens_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        return _measure(url, size, checks, seed, profile, workload)
    finally:
        get_engine(url).dispose()
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,10000,100000")
    parser.add_argument("--checks", type=int, default=200)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile of each timed run")
    parser.add_argument(
        "--workload", choices=("history", "service"), default="history",
        help="service: bench_service's drafts (all of one PO's lines, again and again) in process",
    )  # fmt: skip
    args = parser.parse_args()

    report: dict[str, Any] = {
        "bench": "precheck_history", "checks": args.checks, "seed": args.seed, "workload": args.workload
    }  # fmt: skip
    for database in args.databases.split(","):
        run = {"sqlite": _sqlite, "postgresql": _postgresql}[database]
        report[database] = []
        for size in (int(s) for s in args.sizes.split(",")):
            row = run(size, args.checks, args.seed, args.profile, args.workload)
            report[database].append(row)
            print(
                f"{database:10} history {size:>7}: p50 {row['p50_ms']:6.2f} ms  p95 {row['p95_ms']:6.2f} ms  "
                f"mean {row['mean_ms']:6.2f} ms  cpu {row['cpu_mean_ms']:6.2f} ms  "
                f"(earlier loaded {row['earlier_loaded_last_check']}, {row['verdicts']})",
                flush=True,
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
