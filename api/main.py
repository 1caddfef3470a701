"""The FastAPI app: routers, problem responses, the worker's life cycle."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI

from api import middleware, problems
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
from ledgerlens import __version__, logs
from ledgerlens.services.health import model_loader
from ledgerlens.worker import InProcessWorker, make_worker, resume_pending
from matching.semantic import warm_up
from store.db import schema_state

log = structlog.get_logger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    logs.setup(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # No migration here: `ledgerlens migrate` runs once per deployment, before the replicas start.
        settings.ensure_dirs()
        app.state.worker = make_worker(settings)
        app.state.model = None if settings.worker == "celery" else model_loader(settings)
        if settings.preload_model and app.state.model is not None:
            app.state.model.start()
        current, head = schema_state(settings.resolved_database_url)
        if current == head:
            resume_pending(settings, app.state.worker)
            if isinstance(app.state.worker, InProcessWorker):
                app.state.worker.start_sweeping()
        else:
            log.error("database_schema_behind", current=current, head=head, fix="run `ledgerlens migrate`")
        warm_up()  # the pre-send check's sentence encoder loads in the background, not on the first check
        yield
        app.state.worker.shutdown()

    app = FastAPI(
        title="LedgerLens",
        version=__version__,
        description="Catch invoice rejections before the invoice is sent; chase the right clients first.",
        lifespan=lifespan,
        responses=problems.COMMON_PROBLEMS,
    )
    app.state.settings = settings
    problems.install(app)
    app.add_exception_handler(ui.LoginRequired, ui.to_login)
    app.add_exception_handler(ui.RoleRequired, ui.to_forbidden)
    middleware.install(app, settings)
    for module in (health, documents, precheck, customers, users, review, audit, risk, ui):
        app.include_router(module.router)
    for module in (disputes, collections, collections_ui):
        app.include_router(module.router)
    return app
