"""lessons: the plan, anticipated responses, the change history

Revision ID: 0012_lessons
Revises: 0011_selection
Create Date: 2026-12-01 18:24:32.276284

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012_lessons"
down_revision = "0011_selection"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "lessons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("revised_from_id", sa.Integer(), nullable=True),
        sa.Column("learning_goal", sa.Text(), nullable=False),
        sa.Column("big_ideas", sa.Text(), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("launch", sa.Text(), nullable=False),
        sa.Column("launch_minutes", sa.Integer(), nullable=True),
        sa.Column("explore", sa.Text(), nullable=False),
        sa.Column("explore_minutes", sa.Integer(), nullable=True),
        sa.Column("discuss", sa.Text(), nullable=False),
        sa.Column("discuss_minutes", sa.Integer(), nullable=True),
        sa.Column("exit_prompt", sa.Text(), nullable=False),
        sa.Column("supports", sa.Text(), nullable=False),
        sa.Column("extensions", sa.Text(), nullable=False),
        sa.Column("field_revisions", sa.JSON(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cycle_id"], ["cycles.id"], name=op.f("fk_lessons_cycle_id_cycles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["revised_from_id"],
            ["lessons.id"],
            name=op.f("fk_lessons_revised_from_id_lessons"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_lessons_task_id_tasks"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lessons")),
        sa.UniqueConstraint("cycle_id", name=op.f("uq_lessons_cycle_id")),
    )
    with op.batch_alter_table("lessons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lessons_task_id"), ["task_id"], unique=False)

    op.create_table(
        "anticipated_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("to_share", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "representation",
            sa.Enum(
                "drawing",
                "number_line",
                "area_model",
                "tape_diagram",
                "array",
                "table",
                "equation",
                "manipulatives",
                "words",
                "other",
                name="representation",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "correctness",
            sa.Enum(
                "correct", "partial", "incorrect", name="correctness", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("misconception", sa.Text(), nullable=False),
        sa.Column("assessing_questions", sa.Text(), nullable=False),
        sa.Column("advancing_questions", sa.Text(), nullable=False),
        sa.Column("connection", sa.Text(), nullable=False),
        sa.Column("sketch_name", sa.String(length=80), nullable=True),
        sa.Column("carried_from_id", sa.Integer(), nullable=True),
        sa.Column("field_revisions", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["carried_from_id"],
            ["anticipated_responses.id"],
            name=op.f("fk_anticipated_responses_carried_from_id_anticipated_responses"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_anticipated_responses_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lesson_id"],
            ["lessons.id"],
            name=op.f("fk_anticipated_responses_lesson_id_lessons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anticipated_responses")),
    )
    with op.batch_alter_table("anticipated_responses", schema=None) as batch_op:
        batch_op.create_index(
            "ix_anticipated_responses_lesson_position", ["lesson_id", "position"], unique=False
        )

    op.create_table(
        "lesson_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "edit",
                "add",
                "remove",
                "bring_back",
                "reorder",
                "restore",
                "start",
                name="changekind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_lesson_changes_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lesson_id"],
            ["lessons.id"],
            name=op.f("fk_lesson_changes_lesson_id_lessons"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["anticipated_responses.id"],
            name=op.f("fk_lesson_changes_response_id_anticipated_responses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson_changes")),
    )
    with op.batch_alter_table("lesson_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_lesson_changes_field",
            ["lesson_id", "response_id", "field", "revision"],
            unique=False,
        )
        batch_op.create_index(
            "ix_lesson_changes_lesson_revision", ["lesson_id", "revision"], unique=False
        )


def downgrade():
    with op.batch_alter_table("lesson_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_lesson_changes_lesson_revision")
        batch_op.drop_index("ix_lesson_changes_field")

    op.drop_table("lesson_changes")
    with op.batch_alter_table("anticipated_responses", schema=None) as batch_op:
        batch_op.drop_index("ix_anticipated_responses_lesson_position")

    op.drop_table("anticipated_responses")
    with op.batch_alter_table("lessons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lessons_task_id"))

    op.drop_table("lessons")
