"""Shared fixtures: an isolated data dir and database per test, the real app, tokens per role, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# A shared CI machine stalls now and then: a property that holds must not fail on the default 200 ms deadline.
hypothesis_settings.register_profile("ledgerlens", deadline=None)
hypothesis_settings.load_profile("ledgerlens")

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("MLFLOW_TRACKING_URI", "")  # never a remote tracking server in tests

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT.parent / "shared" / "contract"
PG_ADMIN_URL = os.environ.get("LEDGERLENS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from core import settings as settings_module

    monkeypatch.setenv("LEDGERLENS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LEDGERLENS_ENVIRONMENT", "test")
    monkeypatch.setenv("LEDGERLENS_PRELOAD_MODEL", "false")  # tests load the model when they need it
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path / 'mlflow.db'}")
    monkeypatch.delenv("LEDGERLENS_DATABASE_URL", raising=False)
    monkeypatch.delenv("LEDGERLENS_ADMIN_TOKEN", raising=False)
    settings_module.get_settings.cache_clear()
    s = settings_module.Settings()
    s.ensure_dirs()
    yield s
    settings_module.get_settings.cache_clear()


@pytest.fixture
def db_url(settings) -> str:
    from store.db import migrate

    url = settings.resolved_database_url
    migrate(url)
    return url


@pytest.fixture
def session(db_url):
    from store.db import get_sessionmaker

    s = get_sessionmaker(db_url)()
    yield s
    s.rollback()
    s.close()


@pytest.fixture
def app(settings, db_url):
    from api.main import create_app

    return create_app(settings)


@pytest.fixture
def client(app) -> Iterator:
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture
def tokens(client, settings) -> dict[str, str]:
    """A token per role."""
    from ledgerlens.services.auth import ROLES, create_user
    from store.db import session_scope

    out = {}
    with session_scope(settings.resolved_database_url) as s:
        for role in ROLES:
            _, out[role] = create_user(s, f"test-{role}", [role])
    return out


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def contract_validator():
    """Validate a body against one of ../shared/contract/*.schema.json."""
    import json

    import jsonschema

    def validate(body: object, schema_name: str) -> None:
        schema = json.loads((CONTRACT / schema_name).read_text())
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(body)

    return validate


def _pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=2):
            return None
    except Exception as exc:  # any failure means: no server to test against
        return f"PostgreSQL not reachable at {PG_ADMIN_URL} ({type(exc).__name__}); start it to run these tests"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for one test, dropped afterwards."""
    from tests.services import require

    require(_pg_available())
    import psycopg

    from store.db import get_engine, migrate

    name = f"ledgerlens_test_{uuid.uuid4().hex[:10]}"
    admin = PG_ADMIN_URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    migrate(url)
    yield url
    get_engine(url).dispose()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
