"""customers.country: the country a customer's documents are printed in (ISO 3166-1 alpha-2), so that their scans
are read in its language first

Revision ID: country_1
Revises: confidence_1
"""

import sqlalchemy as sa
from alembic import op

revision = "country_1"
down_revision = "confidence_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("country", sa.String(length=2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_column("country")
