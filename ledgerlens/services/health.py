"""Readiness: what a replica needs before it takes traffic, each check saying what is wrong and the fix."""

from __future__ import annotations

import shutil
import tempfile
import threading
from dataclasses import dataclass
from typing import Any

from core.settings import Settings
from store.db import schema_state


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "detail": self.detail}


def database(settings: Settings) -> Check:

    try:
        current, head = schema_state(settings.resolved_database_url)
    except Exception as exc:  # any failure to reach the database is the answer
        return Check(False, f"cannot reach the database ({type(exc).__name__}: {exc})")
    if current != head:
        return Check(False, f"schema at {current or 'none'}, code needs {head}: run `ledgerlens migrate`")
    return Check(True, f"reachable, schema at head {head}")


def data_dir(settings: Settings) -> Check:
    try:
        settings.ensure_dirs()
        with tempfile.NamedTemporaryFile(dir=settings.files_dir, prefix=".ready-"):
            pass
    except OSError as exc:
        return Check(False, f"{settings.files_dir} is not writable ({exc.strerror or exc})")
    return Check(True, f"{settings.files_dir} is writable")


def tesseract() -> Check:
    path = shutil.which("tesseract")
    if path is None:
        return Check(False, "tesseract is not on PATH: scans cannot be read (apt-get install tesseract-ocr)")
    return Check(True, path)


class ModelLoader:
    """Loads the extractor (the layout model) once, in the background, so readiness can say 'loading'."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._thread: threading.Thread | None = None
        self._error: str | None = None
        self._loaded: str | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._load, name="model-loader", daemon=True)
                self._thread.start()

    def _load(self) -> None:
        # documents loads scikit-learn and SciPy (seconds): only in the model-loading thread
        from ledgerlens.services.documents import extractor_for

        try:
            self._loaded = type(extractor_for(self.settings.extractor, self.settings.data_dir)).__name__
        except Exception as exc:  # reported by readiness, not raised in a background thread
            self._error = f"{type(exc).__name__}: {exc}"

    def check(self) -> Check:
        if self._loaded:
            return Check(True, f"{self._loaded} loaded")
        if self._error:
            return Check(False, f"the extractor failed to load ({self._error})")
        self.start()
        return Check(False, "the extractor is loading")


_LOADERS: dict[str, ModelLoader] = {}
_LOADERS_LOCK = threading.Lock()


def model_loader(settings: Settings) -> ModelLoader:
    """The process's loader for the configured extractor (the model is loaded once per process, like the cache)."""
    with _LOADERS_LOCK:
        return _LOADERS.setdefault(settings.extractor, ModelLoader(settings))


def readiness(settings: Settings, worker: Any, model: ModelLoader | None) -> dict[str, Check]:
    checks = {
        "database": database(settings),
        "worker": worker_check(worker),
        "tesseract": tesseract(),
        "data_dir": data_dir(settings),
    }
    if model is not None:  # with Celery the workers hold the model, not this process
        checks["model"] = model.check()
    return checks


def worker_check(worker: Any) -> Check:
    try:
        ok, detail = worker.health()
    except Exception as exc:  # a broker that does not answer
        return Check(False, f"the worker did not answer ({type(exc).__name__}: {exc})")
    return Check(ok, detail)
