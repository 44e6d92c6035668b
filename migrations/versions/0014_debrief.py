"""debrief: the team's debrief record on the cycle, student work samples

Revision ID: 0014_debrief
Revises: 0013_enactments
Create Date: 2026-12-01 19:12:09.069068

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0014_debrief"
down_revision = "0013_enactments"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "work_samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enactment_id", sa.Integer(), nullable=False),
        sa.Column("tally_id", sa.Integer(), nullable=True),
        sa.Column("caption", sa.String(length=300), nullable=False),
        sa.Column("image_name", sa.String(length=80), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("in_report", sa.Boolean(), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enactment_id"],
            ["enactments.id"],
            name=op.f("fk_work_samples_enactment_id_enactments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tally_id"],
            ["tallies.id"],
            name=op.f("fk_work_samples_tally_id_tallies"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["users.id"],
            name=op.f("fk_work_samples_uploaded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_samples")),
    )
    with op.batch_alter_table("work_samples", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_work_samples_enactment_id"), ["enactment_id"], unique=False
        )

    with op.batch_alter_table("cycles", schema=None) as batch_op:
        for name in ("debrief_worked", "debrief_learned"):
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
    # The default only fills the cycles that already exist; the model writes its own after.
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        for name in ("debrief_worked", "debrief_learned"):
            batch_op.alter_column(name, server_default=None)


def downgrade():
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        batch_op.drop_column("debrief_learned")
        batch_op.drop_column("debrief_worked")

    with op.batch_alter_table("work_samples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_samples_enactment_id"))

    op.drop_table("work_samples")
