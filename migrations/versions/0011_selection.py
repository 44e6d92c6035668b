"""selection: candidates, members' work on them, ratings; the cycle's shared task

Revision ID: 0011_selection
Revises: 0010_cycles
Create Date: 2026-12-01 15:04:22.779927

"""

import sqlalchemy as sa
from alembic import op

CRITERIA = "\n".join(
    (
        "Fit to the goal",
        "Cognitive demand",
        "Entry points for every learner",
        "Representations it invites",
        "Time it needs",
    )
)


# revision identifiers, used by Alembic.
revision = "0011_selection"
down_revision = "0010_cycles"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("proposed_by_id", sa.Integer(), nullable=True),
        sa.Column("proposed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["cycles.id"],
            name=op.f("fk_candidates_cycle_id_cycles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proposed_by_id"],
            ["users.id"],
            name=op.f("fk_candidates_proposed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_candidates_task_id_tasks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidates")),
        sa.UniqueConstraint("cycle_id", "task_id", name=op.f("uq_candidates_cycle_id_task_id")),
    )
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidates_cycle_id"), ["cycle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_candidates_task_id"), ["task_id"], unique=False)

    op.create_table(
        "candidate_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=120), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_candidate_ratings_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_candidate_ratings_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_ratings")),
        sa.UniqueConstraint(
            "candidate_id",
            "user_id",
            "criterion",
            name=op.f("uq_candidate_ratings_candidate_id_user_id_criterion"),
        ),
    )
    with op.batch_alter_table("candidate_ratings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_candidate_ratings_candidate_id"), ["candidate_id"], unique=False
        )

    op.create_table(
        "candidate_work",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("solution", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "demand",
            sa.Enum(
                "memorization",
                "procedures_without_connections",
                "procedures_with_connections",
                "doing_mathematics",
                name="demand",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("dots", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_candidate_work_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_candidate_work_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_work")),
        sa.UniqueConstraint(
            "candidate_id", "user_id", name=op.f("uq_candidate_work_candidate_id_user_id")
        ),
    )
    with op.batch_alter_table("candidate_work", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_candidate_work_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_candidate_work_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("cycles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shared_task_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("decision_rationale", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("revealed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("vote_closed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("dot_budget", sa.Integer(), nullable=False, server_default="3")
        )
        batch_op.add_column(
            sa.Column("criteria", sa.Text(), nullable=False, server_default=CRITERIA)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_cycles_shared_task_id_tasks"),
            "tasks",
            ["shared_task_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # The defaults only fill the cycles that already exist; the model writes its own after.
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        for name in ("decision_rationale", "dot_budget", "criteria"):
            batch_op.alter_column(name, server_default=None)


def downgrade():
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_cycles_shared_task_id_tasks"), type_="foreignkey")
        batch_op.drop_column("criteria")
        batch_op.drop_column("dot_budget")
        batch_op.drop_column("vote_closed_at")
        batch_op.drop_column("revealed_at")
        batch_op.drop_column("decision_rationale")
        batch_op.drop_column("shared_task_id")

    with op.batch_alter_table("candidate_work", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_work_user_id"))
        batch_op.drop_index(batch_op.f("ix_candidate_work_candidate_id"))

    op.drop_table("candidate_work")
    with op.batch_alter_table("candidate_ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_ratings_candidate_id"))

    op.drop_table("candidate_ratings")
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidates_task_id"))
        batch_op.drop_index(batch_op.f("ix_candidates_cycle_id"))

    op.drop_table("candidates")
