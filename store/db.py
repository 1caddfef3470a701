"""Engine, sessions and migrations. One engine per database URL per process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from core.locks import ALEMBIC_LOCK

MIGRATIONS = Path(__file__).parent / "migrations"


@lru_cache(maxsize=8)
def get_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
            # SQLite's advice for WAL: no fsync per commit, still no corruption (a power cut may lose the last
            # commits); a commit costs microseconds instead of a disk flush.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


@lru_cache(maxsize=8)
def get_sessionmaker(url: str) -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(url), expire_on_commit=False)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    session = get_sessionmaker(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def ping(session: Session) -> None:
    """A round trip to the database (the health check)."""
    session.execute(text("SELECT 1"))


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(url: str) -> None:
    """Bring the database to the newest schema (idempotent)."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    with ALEMBIC_LOCK:
        command.upgrade(alembic_config(url), "head")


def schema_state(url: str) -> tuple[str | None, str | None]:
    """(the database's revision, the newest revision this code knows); equal when the schema is up to date."""

    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    with get_engine(url).connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current, head


def require_current_schema(url: str) -> None:
    """Fail with the fix when the database is behind this code (processes no longer migrate at start)."""
    current, head = schema_state(url)
    if current != head:
        raise RuntimeError(
            f"the database is at revision {current or 'none (empty)'}, this code needs {head}: "
            "run `ledgerlens migrate` first"
        )
