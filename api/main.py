"""The FastAPI app: routers, problem responses, the worker's life cycle."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import problems
from api.routes import (
    audit,
    collections,
    collections_ui,
    customers,
    disputes,
    documents,
    health,
    precheck,
    review,
    risk,
    ui,
    users,
)
from core.settings import Settings, get_settings
from ledgerlens import __version__
from ledgerlens.services.documents import pending_document_ids
from ledgerlens.worker import make_worker
from matching.semantic import warm_up
from store.db import migrate, session_scope

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.ensure_dirs()
        migrate(settings.resolved_database_url)
        app.state.worker = make_worker(settings)
        _resume_pending(app, settings)
        warm_up()  # the pre-send check's sentence encoder loads in the background, not on the first check
        yield
        app.state.worker.shutdown()

    app = FastAPI(
        title="LedgerLens",
        version=__version__,
        description="Catch invoice rejections before the invoice is sent; chase the right clients first.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    problems.install(app)
    app.add_exception_handler(ui.LoginRequired, ui.to_login)
    for module in (health, documents, precheck, customers, users, review, audit, risk, ui):
        app.include_router(module.router)
    for module in (disputes, collections, collections_ui):
        app.include_router(module.router)
    return app


def _resume_pending(app: FastAPI, settings: Settings) -> None:
    """Documents queued before a restart are not lost: hand them to the worker again."""
    with session_scope(settings.resolved_database_url) as session:
        pending = pending_document_ids(session)
    for document_id in pending:
        app.state.worker.submit(document_id)
    if pending:
        log.info("resumed %d queued documents", len(pending))
