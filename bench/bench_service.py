"""Pre-send check latency against the running server: 50 concurrent clients from a second process.

Starts `ledgerlens serve` on 127.0.0.1 with a fresh data dir, uploads a generated PO, waits for its
extraction, then a separate load process sends pre-send checks (clean and faulty invoices, no
idempotency key, so every request does the full work) and reports p50/p90/p99 and throughput.

    python bench/bench_service.py --requests 2000 --concurrency 50
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
    statuses: dict[int, int] = {}
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
                r = await http.post("/v1/precheck", json=inv)
                latencies.append(time.perf_counter() - start)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    wall = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100)
    return {
        "requests": total,
        "concurrency": concurrency,
        "statuses": statuses,
        "p50_ms": round(q[49] * 1000, 1),
        "p90_ms": round(q[89] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
        "mean_ms": round(statistics.mean(latencies) * 1000, 1),
        "throughput_rps": round(total / wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp data dir")
    parser.add_argument("--load-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    token = secrets.token_urlsafe(32)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, LEDGERLENS_DATA_DIR=tmp, LEDGERLENS_ADMIN_TOKEN=token, OMP_THREAD_LIMIT="1")
        if args.database_url:
            env["LEDGERLENS_DATABASE_URL"] = args.database_url
        server = subprocess.Popen(
            [sys.executable, "-m", "ledgerlens", "serve", "--host", "127.0.0.1", "--port", str(port)],
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
            payload = json.dumps({"base": base, "headers": headers, "invoices": invoices})
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--load-only",
                    "--requests",
                    str(args.requests),
                    "--concurrency",
                    str(args.concurrency),
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
    result["machine"] = f"{os.cpu_count()} cores"
    print(json.dumps(result, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"service_{result['database']}.json").write_text(json.dumps(result, indent=2) + "\n")


def _load_only() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--load-only", action="store_true")
    args.add_argument("--requests", type=int)
    args.add_argument("--concurrency", type=int)
    ns = args.parse_args()
    spec = json.loads(sys.stdin.read())
    result = asyncio.run(_load(spec["base"], spec["headers"], spec["invoices"], ns.requests, ns.concurrency))
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    if "--load-only" in sys.argv:
        _load_only()
    else:
        sys.path.insert(0, str(ROOT))
        main()
