"""the task library: tasks, their standards, full-text search on PostgreSQL

Revision ID: 0009_tasks
Revises: 0007_sessions
Create Date: 2026-12-01 14:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0009_tasks"
down_revision = "0008_scale_indexes"
branch_labels = None
depends_on = None

SEARCH_INDEX = "ix_tasks_search"
# The expression app/tasks/models.py's search_document() builds, so the planner uses the index.
SEARCH_DOCUMENT = (
    "to_tsvector('english'::regconfig, (((COALESCE(title, ''::character varying)::text"
    " || ' '::text) || COALESCE(big_idea, ''::text)) || ' '::text)"
    " || COALESCE(statement, ''::text))"
)


def upgrade():
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("shared_at", sa.DateTime(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("grade", sa.String(length=2), nullable=False),
        sa.Column("big_idea", sa.Text(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("license", sa.String(length=120), nullable=False),
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
            nullable=False,
        ),
        sa.Column("demand_reason", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(length=64), nullable=True),
        sa.Column("file_type", sa.String(length=40), nullable=True),
        sa.Column("file_label", sa.String(length=200), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_tasks_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name=op.f("fk_tasks_district_id_districts")
        ),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_tasks_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tasks_demand"), ["demand"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasks_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasks_grade"), ["grade"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasks_shared_at"), ["shared_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasks_team_id"), ["team_id"], unique=False)

    op.create_table(
        "task_standards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["tasks.id"],
            name=op.f("fk_task_standards_task_id_tasks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_standards")),
        sa.UniqueConstraint("task_id", "code", name=op.f("uq_task_standards_task_id_code")),
    )
    with op.batch_alter_table("task_standards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_standards_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_standards_task_id"), ["task_id"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {SEARCH_INDEX} ON tasks USING gin ({SEARCH_DOCUMENT})")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
    with op.batch_alter_table("task_standards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_standards_task_id"))
        batch_op.drop_index(batch_op.f("ix_task_standards_code"))
    op.drop_table("task_standards")
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tasks_team_id"))
        batch_op.drop_index(batch_op.f("ix_tasks_shared_at"))
        batch_op.drop_index(batch_op.f("ix_tasks_grade"))
        batch_op.drop_index(batch_op.f("ix_tasks_district_id"))
        batch_op.drop_index(batch_op.f("ix_tasks_demand"))
    op.drop_table("tasks")
