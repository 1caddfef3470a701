"""Liveness, readiness and metrics: for the orchestrator and Prometheus, so no token is asked."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from api.deps import SettingsDep
from api.problems import problem, problem_responses, request_id_of
from ledgerlens import metrics
from ledgerlens.services.health import readiness

router = APIRouter(tags=["health"])


@router.get("/healthz")
def health() -> dict[str, Any]:
    """Liveness: the process answers. Nothing external is checked (a database outage must not restart it)."""
    return {"status": "ok"}


@router.get("/readyz", responses=problem_responses(503))
def ready(request: Request, settings: SettingsDep) -> JSONResponse:
    """Readiness: the database at the migration head, the worker, the model loaded, Tesseract, the data dir."""
    checks = readiness(settings, request.app.state.worker, request.app.state.model)
    body = {name: check.as_dict() for name, check in checks.items()}
    failed = [name for name, check in checks.items() if not check.ok]
    if failed:
        detail = "; ".join(f"{name}: {checks[name].detail}" for name in failed)
        return problem(
            503,
            "Not ready",
            detail,
            "https://ledgerlens.dev/problems/not-ready",
            extra={"missing": failed, "checks": body},
            request_id=request_id_of(request.scope),
        )
    return JSONResponse({"status": "ready", "checks": body})


@router.get("/metrics", response_class=Response, responses={200: {"content": {"text/plain": {}}}})
def prometheus_metrics(settings: SettingsDep) -> Response:
    """Prometheus text format (all processes' counters in multiprocess mode)."""
    body, content_type = metrics.render(settings.resolved_database_url)
    return Response(body, media_type=content_type)
