"""RFC 9457 problem responses, in one place: domain errors, validation errors and HTTP errors."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import LedgerLensError
from extraction.errors import DocumentError

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"
TYPE_BASE = "https://ledgerlens.dev/problems/"
# A file the caller sent that cannot be read: 413 and 415 where they fit, 422 otherwise.
RESERVED = frozenset({"type", "title", "status", "detail", "instance", "request_id"})
DOCUMENT_STATUS = {"too_large": 413, "unsupported_type": 415, "page_not_found": 404, "ocr_unavailable": 503}


class Problem(BaseModel):
    """RFC 9457 problem details; some problems add members (code, errors, request_id...)."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str
    request_id: str | None = None


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for problem answers (for ``responses=``), so clients and schemathesis know them."""
    schema = {"$ref": "#/components/schemas/Problem"}
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM: {"schema": schema}},
        }
        for status in statuses
    }


# What any route may answer: no or a bad token, a wrong role, an unknown id, a conflict, a body over the limit,
# input that does not validate.
COMMON_PROBLEMS = problem_responses(401, 403, 404, 409, 413, 422)


def request_id_of(scope: Any) -> str | None:
    """The id api.middleware.RequestContext gave this request (None outside a request)."""
    return (scope.get("state") or {}).get("request_id")


def problem(
    status: int,
    title: str,
    detail: str,
    type_: str = "about:blank",
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
    request_id: str | None = None,
) -> JSONResponse:
    # Extra members never override the standard ones (RFC 9457 section 3.2).
    body = {
        **{k: v for k, v in (extra or {}).items() if k not in RESERVED},
        "type": type_,
        "title": title,
        "status": status,
        "detail": detail,
    }
    if request_id:
        # Quoting it to support finds the log lines of the failed request.
        body["request_id"] = request_id
        headers = {**(headers or {}), "X-Request-ID": request_id}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _slug(text: str) -> str:
    return TYPE_BASE + text.lower().replace(" ", "-")


def install(app: FastAPI) -> None:
    @app.exception_handler(LedgerLensError)
    async def _domain(request: Request, exc: LedgerLensError) -> JSONResponse:
        code = exc.extra.get("code")
        type_ = TYPE_BASE + str(code).replace("_", "-") if code else _slug(exc.title)
        extra = {k: v for k, v in exc.extra.items() if v is not None}
        return problem(exc.status, exc.title, exc.detail, type_, extra=extra, request_id=request_id_of(request.scope))

    @app.exception_handler(DocumentError)
    async def _document(request: Request, exc: DocumentError) -> JSONResponse:
        status = DOCUMENT_STATUS.get(exc.code, 422)
        return problem(
            status,
            exc.title,
            exc.detail,
            TYPE_BASE + exc.code.replace("_", "-"),
            extra={"code": exc.code, **exc.data},
            request_id=request_id_of(request.scope),
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in err.get("loc", ())], "msg": err.get("msg", ""), "type": err.get("type", "")}
            for err in exc.errors()
        ]
        where = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
        return problem(
            422,
            "Invalid request",
            f"the request does not match the schema: {where}",
            _slug("invalid request"),
            extra={"errors": errors},
            request_id=request_id_of(request.scope),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {
            401: "Unauthorized",
            403: "Forbidden",
            404: "Not found",
            405: "Method not allowed",
            413: "Content too large",
        }
        title = titles.get(exc.status_code, "Error")
        extra = {"code": "too_large"} if exc.status_code == 413 else None
        return problem(
            exc.status_code,
            title,
            str(exc.detail),
            _slug(title),
            headers=getattr(exc, "headers", None),
            extra=extra,
            request_id=request_id_of(request.scope),
        )

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(
            500,
            "Internal error",
            "an unexpected error occurred; it has been logged under this request id",
            _slug("internal error"),
            request_id=request_id_of(request.scope),
        )
