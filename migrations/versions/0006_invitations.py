"""invitations name their district, team and role, and remember the e-mail attempt

Revision ID: 0006_invitations
Revises: 0005_idempotency
Create Date: 2026-12-01 11:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0006_invitations"
down_revision = "0005_idempotency"
branch_labels = None
depends_on = None

ROLE = sa.Enum("mentor", "teacher_leader", "teacher", name="role", native_enum=False, length=20)


def upgrade():
    with op.batch_alter_table("invites", schema=None) as batch_op:
        batch_op.add_column(sa.Column("district_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("role", ROLE, nullable=False, server_default="teacher"))
        batch_op.add_column(sa.Column("emailed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("email_error", sa.String(length=300), nullable=True))

    # Tandem serves one district per installation: earlier invitations belong to it.
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT count(*) FROM invites")).scalar():
        if not conn.execute(sa.text("SELECT count(*) FROM districts")).scalar():
            conn.execute(sa.text("INSERT INTO districts (name) VALUES ('Our district')"))
        conn.execute(sa.text("UPDATE invites SET district_id = (SELECT min(id) FROM districts)"))

    with op.batch_alter_table("invites", schema=None) as batch_op:
        batch_op.alter_column("district_id", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("role", existing_type=ROLE, server_default=None)
        batch_op.create_index(batch_op.f("ix_invites_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invites_team_id"), ["team_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_invites_district_id_districts"), "districts", ["district_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_invites_team_id_teams"), "teams", ["team_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("invites", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_invites_team_id_teams"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_invites_district_id_districts"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_invites_team_id"))
        batch_op.drop_index(batch_op.f("ix_invites_district_id"))
        batch_op.drop_column("email_error")
        batch_op.drop_column("emailed_at")
        batch_op.drop_column("role")
        batch_op.drop_column("team_id")
        batch_op.drop_column("district_id")
