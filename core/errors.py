"""Typed errors that carry data; ``api/problems.py`` maps them to RFC 9457 responses in one place."""

from __future__ import annotations


class LedgerLensError(Exception):
    """Something the caller can fix. ``status`` is the HTTP status the API answers with."""

    status = 400
    title = "Bad request"
    type = "about:blank"

    def __init__(self, detail: str, **extra: object) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class NotFound(LedgerLensError):
    status = 404
    title = "Not found"


class Conflict(LedgerLensError):
    status = 409
    title = "Conflict"


class InvalidInput(LedgerLensError):
    status = 422
    title = "Invalid input"


class Forbidden(LedgerLensError):
    status = 403
    title = "Forbidden"


class ContentTooLarge(LedgerLensError):
    status = 413
    title = "Content too large"

    def __init__(self, detail: str, **extra: object) -> None:
        super().__init__(detail, **{"code": "too_large", **extra})
