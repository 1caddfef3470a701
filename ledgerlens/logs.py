"""One logging setup for the API, the worker and the CLI: JSON lines on stderr (structlog).

Both structlog loggers and the standard library's (uvicorn, celery, sqlalchemy, ours) go through the same
processors, so every line is one JSON object with a timestamp, level, logger, event and whatever is bound to the
context (the request id of the HTTP request, the document id of a job).
"""

from __future__ import annotations

import logging
import logging.config
import sys
from typing import Any

import structlog

_CONFIGURED: dict[str, Any] = {}
HANDLER_NAME = "ledgerlens-json"

SHARED: list[Any] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    structlog.stdlib.ExtraAdder(),
]


def setup(level: str = "INFO", *, json: bool = True, force: bool = False) -> None:
    """Configure logging once per process (again with ``force``); ``json=False`` prints for a person."""
    if _CONFIGURED and not force:
        return
    renderer: Any = structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    structlog.configure(
        processors=[*SHARED, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        # no caching: a module logger first used before setup() (an import-time line, an earlier test) would keep
        # the default configuration and print plain lines to stdout for the rest of the process
        cache_logger_on_first_use=False,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=SHARED,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer,
        ],
    )
    handler = _StderrHandler()
    handler.setFormatter(formatter)
    handler.name = HANDLER_NAME
    root = logging.getLogger()
    # Replace only our own handler: others (pytest's capture, an embedding application's) stay.
    root.handlers[:] = [h for h in root.handlers if h.name != HANDLER_NAME] + [handler]
    root.setLevel(level.upper())
    # uvicorn's and celery's own handlers would print a second, unstructured line: send them to the root.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "celery", "celery.task", "celery.worker"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)  # our request line replaces it
    # Our own loggers always reach the handler: a library's logging.config call (disable_existing_loggers) or a
    # level set on them earlier in the process must not silence the request and job lines.
    for name, existing in list(logging.root.manager.loggerDict.items()):
        if isinstance(existing, logging.Logger) and name.split(".")[0] in ("ledgerlens", "api"):
            existing.disabled = False
            existing.propagate = True
            existing.setLevel(logging.NOTSET)
    _CONFIGURED.update(level=level, json=json)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (test runners and daemons swap it)."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def bind(**values: Any) -> None:
    structlog.contextvars.bind_contextvars(**values)


def clear() -> None:
    structlog.contextvars.clear_contextvars()
