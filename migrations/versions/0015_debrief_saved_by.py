"""debrief saved by: who saved the team's debrief record last, and when

Revision ID: 0015_debrief_saved_by
Revises: 0014_debrief
Create Date: 2026-12-01 22:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0015_debrief_saved_by"
down_revision = "0014_debrief"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("debrief_saved_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("debrief_saved_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_cycles_debrief_saved_by_id_users"),
            "users",
            ["debrief_saved_by_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_cycles_debrief_saved_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_column("debrief_saved_at")
        batch_op.drop_column("debrief_saved_by_id")
