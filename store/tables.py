"""ORM tables. Rows are persistence only: API schemas and domain types live elsewhere."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return uuid.uuid4().hex


class Money(TypeDecorator[Decimal]):
    """Exact decimals everywhere: NUMERIC on PostgreSQL, text on SQLite (which would round-trip through float)."""

    impl = Numeric(20, 6)
    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(20, 6))

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> Any:
        if value is None:
            return None
        value = Decimal(value)
        return format(value, "f") if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return Decimal(str(value)).normalize() if not isinstance(value, Decimal) else value.normalize()


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both databases (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> Any:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def keyed_index(name: str, *columns: str) -> Index:
    """An index for look-ups by a key that most rows may lack (contract_key on a PO, say), over the rows that
    have it: SQLite's planner, once ANALYZE has counted one distinct value (NULL) in the column, scans the
    table rather than use a full index on it."""
    key = next(c for c in columns if c != "customer_id")
    where = text(f"{key} IS NOT NULL")
    return Index(name, *columns, sqlite_where=where, postgresql_where=where)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex; the token itself is never stored
    prefix: Mapped[str] = mapped_column(String(12))  # shown to operators to tell tokens apart
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class UiSession(Base):
    """A review-UI sign-in: the cookie carries a random id whose hash is the key; logout or revocation deletes it."""

    __tablename__ = "ui_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    principal_id: Mapped[str] = mapped_column(String(32), index=True)  # a user id, or the env admin's id
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Customer(Base):
    """A customer's rules for the pre-send check; customers without a row get the default policy."""

    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(300), nullable=True)
    requires_po: Mapped[bool] = mapped_column(Boolean, default=False)
    price_tolerance_pct: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    price_tolerance_abs: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    quantity_tolerance_pct: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    # the largest chance of error an extracted value may have and not be sent to review (0.005: 0.5%)
    review_max_error: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    # ISO 3166-1 alpha-2: the country the customer's documents are printed in; their scans are read in its language
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DocumentRecord(Base):
    __tablename__ = "documents"
    __table_args__ = (
        keyed_index("ix_documents_customer_po_key", "customer_id", "po_key", "created_at"),
        keyed_index("ix_documents_customer_contract_key", "customer_id", "contract_key", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    customer_id: Mapped[str | None] = mapped_column(String(100), index=True, nullable=True)
    doc_type_hint: Mapped[str | None] = mapped_column(String(30), nullable=True)
    filename: Mapped[str | None] = mapped_column(String(300), nullable=True)
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    storage_path: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    page_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    doc_type: Mapped[str | None] = mapped_column(String(30), nullable=True)
    # Reference numbers copied out of the extraction so that a pre-send check finds its PO or contract fast.
    po_number: Mapped[str | None] = mapped_column(String(100), index=True, nullable=True)
    contract_number: Mapped[str | None] = mapped_column(String(100), index=True, nullable=True)
    # The numbers as people type them (matching.references.reference_key), looked up by (customer, key).
    po_key: Mapped[str | None] = mapped_column(String(100), nullable=True)
    contract_key: Mapped[str | None] = mapped_column(String(100), nullable=True)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    extraction: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    words: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)  # pages of words, for review and training
    model_version: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # The worker extracting it (host:pid:attempt) and until when; another takes over only once this expires.
    lease_owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CheckRecord(Base):
    """One pre-send check: the draft invoice, its result, and what duplicate detection needs."""

    __tablename__ = "checks"
    __table_args__ = (
        Index("ix_checks_customer_fingerprint", "customer_id", "fingerprint"),
        keyed_index("ix_checks_customer_invoice_key", "customer_id", "invoice_key", "created_at"),
        keyed_index("ix_checks_customer_po_key", "customer_id", "po_key", "created_at"),
        keyed_index("ix_checks_customer_contract_key", "customer_id", "contract_key", "created_at"),
        keyed_index("ix_checks_customer_amount_key", "customer_id", "amount_key", "created_at"),
        keyed_index("ix_checks_reference_document", "reference_document_id", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    invoice_number: Mapped[str] = mapped_column(String(100), index=True)
    customer_id: Mapped[str] = mapped_column(String(100), index=True)
    po_number: Mapped[str | None] = mapped_column(String(100), index=True, nullable=True)
    contract_number: Mapped[str | None] = mapped_column(String(100), index=True, nullable=True)
    reference_document_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    total: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3))
    issue_date: Mapped[date] = mapped_column(Date)
    fingerprint: Mapped[str] = mapped_column(String(64))  # customer + amount + lines, for duplicates under a new number
    # What the earlier-check look-ups use (indexed with customer_id): the invoice number as compared for
    # duplicates, the cited PO/contract as reference keys, and "CUR:total" with the total normalised.
    invoice_key: Mapped[str | None] = mapped_column(String(100), nullable=True)
    po_key: Mapped[str | None] = mapped_column(String(100), nullable=True)
    contract_key: Mapped[str | None] = mapped_column(String(100), nullable=True)
    amount_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    verdict: Mapped[str] = mapped_column(String(10))
    request: Mapped[dict[str, Any]] = mapped_column(JSON)
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    review_task_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("principal", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    principal: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    check_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReviewTask(Base):
    __tablename__ = "review_tasks"
    __table_args__ = (Index("ix_review_tasks_queue", "status", "priority", "created_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(20))  # extraction | precheck
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | claimed | resolved | escalated
    priority: Mapped[int] = mapped_column(Integer, default=50)
    customer_id: Mapped[str | None] = mapped_column(String(100), index=True, nullable=True)
    document_id: Mapped[str | None] = mapped_column(String(32), index=True, nullable=True)
    check_id: Mapped[str | None] = mapped_column(String(32), index=True, nullable=True)
    field: Mapped[str | None] = mapped_column(String(100), nullable=True)
    line: Mapped[int | None] = mapped_column(Integer, nullable=True)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    bbox: Mapped[list[float] | None] = mapped_column(JSON, nullable=True)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # what the system saw and why
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sla_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    corrections: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class AuditEntry(Base):
    """Append-only and hash-chained: each row's hash covers its content and the previous row's hash."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    entity_type: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(100))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class WordLabel(Base):
    """A reviewer's correction turned into a training label on the document's words."""

    __tablename__ = "word_labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(32), index=True)
    page: Mapped[int] = mapped_column(Integer)
    word_indices: Mapped[list[int]] = mapped_column(JSON)
    field: Mapped[str] = mapped_column(String(100))
    line: Mapped[int | None] = mapped_column(Integer, nullable=True)
    value: Mapped[str | None] = mapped_column(Text, nullable=True)
    task_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PaymentRecord(Base):
    """One invoice of a client's payment history (open while settled_date is null)."""

    __tablename__ = "payment_records"
    __table_args__ = (UniqueConstraint("customer_id", "invoice_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(String(100), index=True)
    invoice_number: Mapped[str] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(10), nullable=True)
    invoice_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str | None] = mapped_column(String(3), nullable=True)
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    dispute_open: Mapped[bool] = mapped_column(Boolean, default=False)
    paperless: Mapped[bool] = mapped_column(Boolean, default=False)
    settled_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    days_late: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reminders_sent: Mapped[int] = mapped_column(Integer, default=0)
    last_reminder_at: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Dispute(Base):
    """A client's dispute of one invoice; its history (who, when, why) is in the audit chain."""

    __tablename__ = "disputes"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(String(100), index=True)
    invoice_number: Mapped[str] = mapped_column(String(100), index=True)
    reason: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(Money)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open | in_review | resolved
    resolution: Mapped[str | None] = mapped_column(String(20), nullable=True)  # credit_memo | rejected
    credit_amount: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    proposed: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # a credit memo awaiting an admin
    reference_document_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    reference_page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    check_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    opened_by: Mapped[str] = mapped_column(String(200))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CollectionAccount(Base):
    """Collections' own state of a client: who chases it and whether reminders are paused."""

    __tablename__ = "collection_accounts"

    customer_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    reminders_paused: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class CollectionEvent(Base):
    """A contact, a promise to pay, a broken promise, an assignment or a pause, as logged by collections."""

    __tablename__ = "collection_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    promise_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    promise_amount: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
