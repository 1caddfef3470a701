"""One settings object for the service and every command (prefix ``LEDGERLENS_``)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class UploadLimits(BaseModel):
    max_bytes: int = Field(20 * 1024 * 1024, description="largest accepted upload")
    max_pages: int = Field(50, description="most pages in one document")
    max_pixels: int = Field(60_000_000, description="largest image (Pillow's decompression-bomb guard)")
    max_json_bytes: int = Field(1024 * 1024, description="largest JSON or form body of any other request")


class ReviewSettings(BaseModel):
    lease_seconds: int = Field(900, description="how long a claim lasts before the task is open again")
    sla_hours_extraction: int = Field(24, description="time to resolve an extraction task")
    sla_hours_precheck: int = Field(4, description="time to resolve a pre-send check task (an invoice is waiting)")
    # 0.97: on held-out layout families the learned confidence lets 99.9% right values through at this level
    # (bench_automation); a customer's review_max_error overrides it
    confidence_threshold: float = Field(
        0.97, description="extracted values less sure than this (chance of being right) open a review task"
    )


class CollectionsSettings(BaseModel):
    credit_memo_approval_above: Decimal = Field(
        Decimal("1000"), description="a credit memo above this amount needs an admin's approval"
    )


class DefaultPolicy(BaseModel):
    """Tolerances used for a customer that has none of its own."""

    requires_po: bool = False
    price_tolerance_pct: Decimal = Decimal("0.5")
    price_tolerance_abs: Decimal = Decimal("0.01")
    quantity_tolerance_pct: Decimal = Decimal("0")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEDGERLENS_", env_nested_delimiter="__", extra="ignore")

    environment: str = Field("development", description="development, test or production")
    data_dir: Path = Field(Path("var"), description="stored files, the default SQLite database, model artifacts")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default a SQLite file in the data dir")
    admin_token: str | None = Field(None, description="an admin bearer token accepted from start")
    worker: str = Field("inprocess", description="'inprocess' (default) or 'celery'")
    celery_broker_url: str = Field("redis://127.0.0.1:6379/0", description="broker when worker=celery")
    extractor: str = Field("auto", description="'auto' (best available), 'heuristic' or 'layout'")
    document_lease_seconds: int = Field(
        120, description="a worker's hold on a document it extracts; renewed while it runs, taken over once expired"
    )
    worker_metrics_port: int | None = Field(None, description="a Celery worker serves Prometheus metrics here")
    celery_queue: str = Field("ledgerlens", description="the Celery queue extraction jobs go to")
    celery_visibility_timeout: int = Field(
        3600, description="seconds before Redis hands an unacknowledged job (its worker died) to another worker"
    )
    session_hours: int = Field(12, description="how long a review-UI sign-in lasts")
    forwarded_allow_ips: str | None = Field(
        None,
        description="proxies trusted for X-Forwarded-Proto/For (comma-separated IPs or '*'); "
        "behind a TLS proxy this makes cookies Secure",
    )
    encryption_key: SecretStr | None = Field(
        None,
        description="Fernet key(s) for stored documents, comma-separated, newest first; unset: files are stored plain",
    )
    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING or ERROR")
    preload_model: bool = Field(True, description="load the extractor in the background at start (readiness waits)")
    uploads: UploadLimits = UploadLimits()
    review: ReviewSettings = ReviewSettings()
    policy: DefaultPolicy = DefaultPolicy()
    collections: CollectionsSettings = CollectionsSettings()

    @model_validator(mode="after")
    def _refuse_weak_admin_token_in_production(self) -> Settings:
        if self.environment == "production" and self.admin_token is not None and len(self.admin_token) < 24:
            raise ValueError("LEDGERLENS_ADMIN_TOKEN must be at least 24 characters in production")
        return self

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'ledgerlens.db').resolve()}"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    def ensure_dirs(self) -> None:
        self.files_dir.mkdir(parents=True, exist_ok=True)


@lru_cache
def get_settings() -> Settings:
    return Settings()
