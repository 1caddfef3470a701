"""Property-based API fuzzing with schemathesis: requests generated from /openapi.json, every answer checked
(no 5xx; status codes, content types, headers and bodies as the spec documents), with an admin token.

    python bench/bench_api_fuzz.py [--max-examples 50] [--budget 600]

Prints and writes bench/results/api_fuzz.json: operations, cases, server errors, failures (with a reproduction).
The same runner with a small budget is a test (tests/test_api_schemathesis.py).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ADMIN = "schemathesis-admin-token-0123456789abcdef"
RESULTS = Path(__file__).resolve().parent / "results"


def fuzz(app: Any, token: str, *, max_examples: int, budget_s: float, seed: int = 0) -> dict[str, Any]:
    """Run every operation of the app's OpenAPI document for up to ``max_examples`` cases, within ``budget_s``."""
    import schemathesis

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    started = time.monotonic()
    figures: dict[str, Any] = {"operations": 0, "cases": 0, "server_errors": 0, "statuses": Counter(), "failures": []}
    for result in schema.get_all_operations():
        if time.monotonic() - started > budget_s:
            figures["skipped_for_time"] = figures.get("skipped_for_time", 0) + 1
            continue
        figures["operations"] += 1
        _fuzz_operation(result.ok(), {"Authorization": f"Bearer {token}"}, figures, max_examples, seed)
    figures["seconds"] = round(time.monotonic() - started, 1)
    figures["statuses"] = {str(k): v for k, v in sorted(figures["statuses"].items())}
    return figures


def _fuzz_operation(
    operation: Any, headers: dict[str, str], figures: dict[str, Any], max_examples: int, seed: int
) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed
    from schemathesis.checks import positive_data_acceptance

    def fail(status: int, error: str, case: Any) -> None:
        figures["failures"].append(
            {"operation": operation.label, "status": status, "error": error[:600], "curl": _curl(case)}
        )

    @hypothesis_seed(seed)
    @settings(max_examples=max_examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        figures["cases"] += 1
        try:
            # A generous timeout: a cold first call (the risk model loading) is slow, not an error.
            response = case.call(headers=headers, timeout=120)
        except Exception as exc:  # the in-process transport re-raises what the app did not handle: a 500
            figures["statuses"][500] += 1
            figures["server_errors"] += 1
            fail(500, repr(exc), case)
            return
        figures["statuses"][response.status_code] += 1
        figures["server_errors"] += response.status_code >= 500
        try:
            # Requests the schema allows but a business rule refuses (422) are fine: not checked (ST202).
            case.validate_response(response, headers=headers, excluded_checks=[positive_data_acceptance])
        except BaseException as exc:  # recorded, not raised: one run reports every failing operation
            fail(response.status_code, str(exc), case)

    run()


def _curl(case: Any) -> str:
    try:
        return str(case.as_curl_command())[:600]
    except Exception as exc:  # a reproduction is a convenience, never the reason a run fails
        return f"(no curl: {exc})"


def wait_ready(client: Any, timeout: float = 120) -> None:
    """Fuzz a replica that is ready (its extractor loaded): /readyz answers 503 until then, rightly."""
    deadline = time.monotonic() + timeout
    while client.get("/readyz").status_code != 200:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the app is not ready: {client.get('/readyz').json()}")
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=50)
    parser.add_argument("--budget", type=float, default=600)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from api.main import create_app
    from core.settings import Settings
    from store.db import migrate

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp), admin_token=ADMIN, extractor="heuristic", preload_model=False, log_level="WARNING"
        )
        migrate(settings.resolved_database_url)
        app = create_app(settings)
        with TestClient(app) as client:  # the lifespan starts the worker
            wait_ready(client)
            figures = fuzz(app, ADMIN, max_examples=args.max_examples, budget_s=args.budget, seed=args.seed)
    figures["command"] = f"python bench/bench_api_fuzz.py --max-examples {args.max_examples} --budget {args.budget}"
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "api_fuzz.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps({k: v for k, v in figures.items() if k != "failures"}, indent=2))
    for failure in figures["failures"][:20]:
        print(f"- {failure['operation']} -> {failure['status']}: {failure['error'][:300]}")


if __name__ == "__main__":
    main()
