"""cycles: a team's shared-task cycle and its stages; a meeting can belong to a cycle

Revision ID: 0010_cycles
Revises: 0007_sessions
Create Date: 2026-12-01 14:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0010_cycles"
down_revision = "0009_tasks"
branch_labels = None
depends_on = None

STAGE = sa.Enum(
    "select", "design", "teach", "debrief", "done", name="cyclestage", native_enum=False, length=24
)


def upgrade():
    op.create_table(
        "cycles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=160), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("big_idea", sa.Text(), nullable=False),
        sa.Column("standards", sa.String(length=400), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("stage", STAGE, nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_cycles_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_cycles_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycles")),
    )
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cycles_team_id"), ["team_id"], unique=False)
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cycle_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_meetings_cycle_id"), ["cycle_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_meetings_cycle_id_cycles"),
            "cycles",
            ["cycle_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_meetings_cycle_id_cycles"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_meetings_cycle_id"))
        batch_op.drop_column("cycle_id")
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cycles_team_id"))
    op.drop_table("cycles")
