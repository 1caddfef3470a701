"""customers.review_max_error: the largest chance of error a value may have and not be sent to review

Revision ID: confidence_1
Revises: ops_1
"""

import sqlalchemy as sa
from alembic import op

import store.tables

revision = "confidence_1"
down_revision = "ops_1"  # chained after the merged ops migration
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_max_error", store.tables.Money(precision=20, scale=6), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_column("review_max_error")
