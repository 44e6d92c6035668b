"""enactment part savers: who saved each part of an enactment's record last, so a conflict
names them

Revision ID: 0016_enactremove
Revises: 0015_debrief_saved_by
Create Date: 2026-12-01 22:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0016_enactremove"
down_revision = "0015_debrief_saved_by"
branch_labels = None
depends_on = None

PARTS = ("facts", "exit", "factors", "reflection")


def upgrade():
    with op.batch_alter_table("enactments", schema=None) as batch_op:
        for part in PARTS:
            batch_op.add_column(sa.Column(f"{part}_saved_by_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                batch_op.f(f"fk_enactments_{part}_saved_by_id_users"),
                "users",
                [f"{part}_saved_by_id"],
                ["id"],
                ondelete="SET NULL",
            )


def downgrade():
    with op.batch_alter_table("enactments", schema=None) as batch_op:
        for part in PARTS:
            batch_op.drop_constraint(
                batch_op.f(f"fk_enactments_{part}_saved_by_id_users"), type_="foreignkey"
            )
            batch_op.drop_column(f"{part}_saved_by_id")
