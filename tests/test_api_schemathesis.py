"""Property-based contract test: schemathesis generates requests from /openapi.json for every operation and checks
every answer (no 5xx; status codes, content types, headers and bodies as the spec documents), with an admin token.
The runner is bench/bench_api_fuzz.py's; the bench runs it longer."""

from __future__ import annotations

import pytest

from bench.bench_api_fuzz import ADMIN, fuzz, wait_ready


@pytest.mark.slow
def test_api_matches_its_schema(settings, db_url):
    from fastapi.testclient import TestClient

    from api.main import create_app

    settings.admin_token = ADMIN
    settings.extractor = "heuristic"
    app = create_app(settings)
    with TestClient(app) as client:
        wait_ready(client)
        figures = fuzz(app, ADMIN, max_examples=8, budget_s=150)  # the budget only bites on a loaded machine
    assert figures["operations"] >= 25 and "skipped_for_time" not in figures, figures
    assert figures["cases"] >= 150
    assert figures["server_errors"] == 0, figures["failures"]
    assert figures["failures"] == []
