"""Tests that need PostgreSQL, Redis or the shared contract skip when it is absent, except in CI: there
LEDGERLENS_REQUIRE_SERVICES=1 (set by .ci/run) turns the skip into a failure, so a green CI has run them."""

from __future__ import annotations

import os
import socket

import pytest


def require(reason: str | None) -> None:
    if reason is None:
        return
    if os.environ.get("LEDGERLENS_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (LEDGERLENS_REQUIRE_SERVICES=1: services must run here)", pytrace=False)
    pytest.skip(reason)


def redis_reason(host: str = "127.0.0.1", port: int = 6379) -> str | None:
    try:
        with socket.create_connection((host, port), timeout=1):
            return None
    except OSError as exc:
        return f"Redis not reachable on {host}:{port} ({exc}); start it to run this test"


def require_redis() -> None:
    require(redis_reason())
