"""ASGI middleware: a request id, one log line and the metrics per request; bounded request bodies.

Plain ASGI (not BaseHTTPMiddleware) so that streaming bodies pass through untouched and no extra task is spawned.
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import structlog
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import problems
from ledgerlens import metrics

log = structlog.get_logger("ledgerlens.http")
REQUEST_ID_HEADER = "x-request-id"
# A caller's id is kept if it is short and plain (it ends up in logs and headers); otherwise we make one.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")


class RequestContext:
    """Takes X-Request-ID or makes one, echoes it, binds it into every log line; logs and counts the request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(REQUEST_ID_HEADER.encode(), b"").decode("latin-1")
        request_id = given if _SAFE_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        # Each request runs in its own task (its own copy of the context): the id stays bound for the error
        # handler that runs after this middleware, and never leaks into another request.
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != REQUEST_ID_HEADER.encode()]
                message = {**message, "headers": [*headers, (REQUEST_ID_HEADER.encode(), request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            metrics.record_request(scope["method"], route, status, seconds)
            log.info(
                "http_request",
                method=scope["method"],
                path=scope["path"],
                route=route,
                status=status,
                ms=round(seconds * 1000, 1),
                client=(scope.get("client") or ("", 0))[0],
            )


class BodyLimit:
    """Refuses request bodies over a limit with a 413 problem, before or while they are read (nothing is stored:
    the handler fails before it commits). ``limits`` maps (method, path prefix) to bytes; ``default`` for the rest."""

    def __init__(self, app: ASGIApp, default: int, limits: dict[tuple[str, str], int]) -> None:
        self.app = app
        self.default = default
        self.limits = limits

    def limit_for(self, method: str, path: str) -> int:
        for (m, prefix), limit in self.limits.items():
            if method == m and (path == prefix or path.startswith(prefix + "/")):
                return limit
        return self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["method"], scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, limit)
            return
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # An HTTPException: FastAPI re-raises it from body parsing, and the problem handler answers it.
                    raise HTTPException(413, _too_large(limit))
            return message

        await self.app(scope, bounded, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = problems.problem(
            413,
            "Content too large",
            _too_large(limit),
            problems.TYPE_BASE + "too-large",
            request_id=problems.request_id_of(scope),
            extra={"code": "too_large", "limit_bytes": limit},
        )
        await response(scope, receive, send)


def _too_large(limit: int) -> str:
    return f"the request body is larger than the limit of {limit} bytes for this endpoint; send less per request"


def install(app: Any, settings: Any) -> None:
    """Order matters: the request context is outermost so the 413 and every other answer carry the request id."""
    uploads = settings.uploads
    file_limit = uploads.max_bytes + 64 * 1024  # the multipart envelope around the file
    app.add_middleware(
        BodyLimit,
        default=uploads.max_json_bytes,
        limits={("POST", "/v1/documents"): file_limit, ("POST", "/v1/payments"): file_limit},
    )
    if settings.forwarded_allow_ips:
        # uvicorn: only where forwarded headers are trusted (gunicorn deployments need not ship it)
        from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.forwarded_allow_ips)
    app.add_middleware(RequestContext)
