"""disputes, collection accounts and collection events

Revision ID: collections_1
Revises: precheck_svc_1
"""

import sqlalchemy as sa
from alembic import op

import store.tables

revision = "collections_1"
down_revision = "precheck_svc_1"  # chained after the merged precheck-svc migration
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "disputes",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.String(length=100), nullable=False),
        sa.Column("invoice_number", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("amount", store.tables.Money(precision=20, scale=6), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.Column("credit_amount", store.tables.Money(precision=20, scale=6), nullable=True),
        sa.Column("proposed", sa.JSON(), nullable=True),
        sa.Column("reference_document_id", sa.String(length=32), nullable=True),
        sa.Column("reference_page", sa.Integer(), nullable=True),
        sa.Column("check_id", sa.String(length=32), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("opened_by", sa.String(length=200), nullable=False),
        sa.Column("opened_at", store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", store.tables.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_disputes_customer_id", "disputes", ["customer_id"])
    op.create_index("ix_disputes_invoice_number", "disputes", ["invoice_number"])
    op.create_index("ix_disputes_status", "disputes", ["status"])
    op.create_index("ix_disputes_opened_at", "disputes", ["opened_at"])
    op.create_table(
        "collection_accounts",
        sa.Column("customer_id", sa.String(length=100), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.Column("reminders_paused", sa.Boolean(), nullable=False),
        sa.Column("updated_at", store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("customer_id"),
    )
    op.create_index("ix_collection_accounts_owner", "collection_accounts", ["owner"])
    op.create_table(
        "collection_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("customer_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("promise_date", sa.Date(), nullable=True),
        sa.Column("promise_amount", store.tables.Money(precision=20, scale=6), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", store.tables.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_collection_events_customer_id", "collection_events", ["customer_id"])
    op.create_index("ix_collection_events_created_at", "collection_events", ["created_at"])


def downgrade() -> None:
    op.drop_table("collection_events")
    op.drop_table("collection_accounts")
    op.drop_table("disputes")
