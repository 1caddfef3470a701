"""Pre-send check latency against the running server: 50 concurrent clients from a second process.

Starts `ledgerlens serve` on 127.0.0.1 with a fresh data dir (as `make run` does: its default worker count
unless --workers says otherwise), uploads a generated PO, waits for its extraction, then a separate load
process sends pre-send checks (clean and faulty invoices, no idempotency key, so every request does the full
work) and reports p50/p90/p99, errors and throughput; then the same drafts through POST /v1/precheck/batch
(--batches of --batch-size) for the batch path's checks/s.

    python bench/bench_service.py --requests 2000 --concurrency 50
    python bench/bench_service.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_cpu_seconds(pid: int) -> float:
    """CPU the server and its worker processes have used: what a check costs, whatever else the machine runs."""
    import psutil

    root = psutil.Process(pid)
    total = 0.0
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def _wait_ready(base: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError("server did not become ready")


def _prepare(base: str, headers: dict[str, str], seed: int) -> list[dict]:
    """Upload one generated PO and return draft invoices against it."""
    from training.factory import make_po

    doc = make_po(seed)
    r = httpx.post(
        f"{base}/v1/documents",
        files={"file": ("po.pdf", doc.pdf_bytes)},
        data={"customer_id": "BENCH", "doc_type": "purchase_order"},
        headers=headers,
        timeout=60,
    )
    r.raise_for_status()
    doc_id = r.json()["document_id"]
    for _ in range(240):
        body = httpx.get(f"{base}/v1/documents/{doc_id}", headers=headers, timeout=30).json()
        if body["status"] in ("done", "failed"):
            break
        time.sleep(0.5)
    truth = doc.truth
    lines = [
        {
            "sku": item.get("sku"),
            "description": item["description"],
            "quantity": item["quantity"],
            "unit_price": item["unit_price"],
            "amount": item["amount"],
        }
        for item in truth["line_items"]
    ]
    total = truth["fields"].get("subtotal") or truth["fields"]["total"]
    invoices = []
    for n in range(200):
        inv = {
            "invoice_number": f"B-{n}-{secrets.token_hex(3)}",
            "customer_id": "BENCH",
            "po_number": truth["fields"].get("po_number"),
            "issue_date": "2026-11-20",
            "currency": truth["fields"].get("currency", "USD"),
            "lines": lines,
            "total": total,
        }
        if n % 4 == 1:  # a faulty one: wrong price on the first line
            inv["lines"] = [dict(lines[0], unit_price=str(float(lines[0]["unit_price"]) + 1.0))] + lines[1:]
        invoices.append(inv)
    return invoices


async def _load(base: str, headers: dict[str, str], invoices: list[dict], total: int, concurrency: int) -> dict:
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    verdicts: dict[str, int] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(i)

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as http:
            while True:
                try:
                    i = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                inv = dict(invoices[i % len(invoices)], invoice_number=f"L-{i}-{secrets.token_hex(4)}")
                start = time.perf_counter()
                try:
                    r = await http.post("/v1/precheck", json=inv)
                except httpx.HTTPError as exc:  # counted as an error, not a crash of the bench
                    status = type(exc).__name__
                else:
                    status = str(r.status_code)
                    if r.status_code == 200:
                        verdict = r.json()["verdict"]
                        verdicts[verdict] = verdicts.get(verdict, 0) + 1
                latencies.append(time.perf_counter() - start)
                statuses[status] = statuses.get(status, 0) + 1

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    wall = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100)
    return {
        "requests": total,
        "concurrency": concurrency,
        "statuses": statuses,
        "errors": sum(n for status, n in statuses.items() if status != "200"),
        "verdicts": verdicts,
        "p50_ms": round(q[49] * 1000, 1),
        "p90_ms": round(q[89] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
        "mean_ms": round(statistics.mean(latencies) * 1000, 1),
        "throughput_rps": round(total / wall, 1),
    }


async def _batches(base: str, headers: dict[str, str], invoices: list[dict], size: int, count: int) -> dict:
    """Billing runs through POST /v1/precheck/batch, one after another: checks/s of the batch path."""
    seconds, statuses = [], {}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=600) as http:
        for b in range(count):
            drafts = [
                dict(invoices[i % len(invoices)], invoice_number=f"BATCH-{b}-{i}-{secrets.token_hex(3)}")
                for i in range(size)
            ]
            start = time.perf_counter()
            r = await http.post("/v1/precheck/batch", json={"invoices": drafts})
            seconds.append(time.perf_counter() - start)
            statuses[str(r.status_code)] = statuses.get(str(r.status_code), 0) + 1
            if r.status_code == 200:
                assert len(r.json()["results"]) == size
    return {
        "batches": count,
        "batch_size": size,
        "statuses": statuses,
        "seconds_per_batch": [round(x, 2) for x in seconds],
        "checks_per_s": round(size * count / sum(seconds), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp data dir")
    parser.add_argument("--workers", type=int, default=None, help="serve --workers (default: serve's own default)")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--batches", type=int, default=2, help="0 skips the batch path")
    parser.add_argument("--load-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    token = secrets.token_urlsafe(32)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, LEDGERLENS_DATA_DIR=tmp, LEDGERLENS_ADMIN_TOKEN=token, OMP_THREAD_LIMIT="1")
        if args.database_url:
            env["LEDGERLENS_DATABASE_URL"] = args.database_url
        # as `make run` does: the migration is a step of its own, then the server
        migrate = [sys.executable, "-m", "ledgerlens", "migrate"]
        subprocess.run(migrate, env=env, cwd=ROOT, check=True, capture_output=True)
        command = [sys.executable, "-m", "ledgerlens", "serve", "--host", "127.0.0.1", "--port", str(port)]
        if args.workers:
            command += ["--workers", str(args.workers)]
        server = subprocess.Popen(
            command,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_ready(base)
            headers = {"Authorization": f"Bearer {token}"}
            invoices = _prepare(base, headers, args.seed)
            # The load comes from a second process, as a billing system's would.
            payload = json.dumps({"base": base, "headers": headers, "invoices": invoices, "server_pid": server.pid})
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--load-only",
                    "--requests",
                    str(args.requests),
                    "--concurrency",
                    str(args.concurrency),
                    "--batch-size",
                    str(args.batch_size),
                    "--batches",
                    str(args.batches),
                ],
                input=payload,
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            result = json.loads(out.stdout)
        finally:
            server.terminate()
            server.wait(timeout=30)
    result["database"] = "postgresql" if args.database_url else "sqlite"
    result["workers"] = args.workers or "serve default"
    result["machine"] = f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end"
    print(json.dumps(result, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"service_{result['database']}" + (f"_w{args.workers}" if args.workers else "")
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")


def _load_only() -> None:  # the second process: the clients
    args = argparse.ArgumentParser()
    args.add_argument("--load-only", action="store_true")
    args.add_argument("--requests", type=int)
    args.add_argument("--concurrency", type=int)
    args.add_argument("--batch-size", type=int)
    args.add_argument("--batches", type=int)
    ns = args.parse_args()
    spec = json.loads(sys.stdin.read())
    before = _server_cpu_seconds(spec["server_pid"])
    result = asyncio.run(_load(spec["base"], spec["headers"], spec["invoices"], ns.requests, ns.concurrency))
    after = _server_cpu_seconds(spec["server_pid"])
    result["server_cpu_ms_per_check"] = round((after - before) * 1000 / ns.requests, 2)
    if ns.batches:
        result["batch"] = asyncio.run(
            _batches(spec["base"], spec["headers"], spec["invoices"], ns.batch_size, ns.batches)
        )
        used = _server_cpu_seconds(spec["server_pid"]) - after
        result["batch"]["server_cpu_ms_per_check"] = round(used * 1000 / (ns.batch_size * ns.batches), 2)
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    if "--load-only" in sys.argv:
        _load_only()
    else:
        sys.path.insert(0, str(ROOT))
        main()
