"""lookup keys: reference numbers as people type them, and the keys earlier checks are found by

Documents get po_key/contract_key (matching.references.reference_key), checks get invoice_key, po_key,
contract_key and amount_key, each indexed with customer_id, so that a pre-send check finds its reference and the
earlier checks it needs by index, within the invoice's own customer. Existing rows are keyed here.

Revision ID: precheck_svc_1 (Alembic allows no "-" in an id)
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "precheck_svc_1"
down_revision = "0001"
branch_labels = None
depends_on = None

_DOCUMENT_INDEXES = {
    "ix_documents_customer_po_key": ["customer_id", "po_key", "created_at"],
    "ix_documents_customer_contract_key": ["customer_id", "contract_key", "created_at"],
}
_CHECK_INDEXES = {
    "ix_checks_customer_invoice_key": ["customer_id", "invoice_key", "created_at"],
    "ix_checks_customer_po_key": ["customer_id", "po_key", "created_at"],
    "ix_checks_customer_contract_key": ["customer_id", "contract_key", "created_at"],
    "ix_checks_customer_amount_key": ["customer_id", "amount_key", "created_at"],
    "ix_checks_reference_document": ["reference_document_id", "created_at"],
}


def _create(batch_op, name: str, columns: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Over the rows that have the key (see store.tables.keyed_index)."""
    where = sa.text(f"{columns[1] if columns[0] == 'customer_id' else columns[0]} IS NOT NULL")
    batch_op.create_index(name, columns, unique=False, sqlite_where=where, postgresql_where=where)


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("po_key", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("contract_key", sa.String(length=100), nullable=True))
        for name, columns in _DOCUMENT_INDEXES.items():
            _create(batch_op, name, columns)
    with op.batch_alter_table("checks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("invoice_key", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("po_key", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("contract_key", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("amount_key", sa.String(length=64), nullable=True))
        for name, columns in _CHECK_INDEXES.items():
            _create(batch_op, name, columns)
    # the service and scikit-learn under it: only when this migration runs
    from ledgerlens.services.lookup import rekey

    rekey(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("checks", schema=None) as batch_op:
        for name in _CHECK_INDEXES:
            batch_op.drop_index(name)
        for column in ("amount_key", "contract_key", "po_key", "invoice_key"):
            batch_op.drop_column(column)
    with op.batch_alter_table("documents", schema=None) as batch_op:
        for name in _DOCUMENT_INDEXES:
            batch_op.drop_index(name)
        for column in ("contract_key", "po_key"):
            batch_op.drop_column(column)
