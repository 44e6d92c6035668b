"""enactments: each classroom's lesson, its tallies and taps, what nobody anticipated

Revision ID: 0013_enactments
Revises: 0012_lessons
Create Date: 2026-12-01 18:31:12.000917

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0013_enactments"
down_revision = "0012_lessons"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "enactments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=True),
        sa.Column("taught_on", sa.Date(), nullable=False),
        sa.Column("class_code", sa.String(length=40), nullable=False),
        sa.Column("students", sa.Integer(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("not_yet", sa.Integer(), nullable=True),
        sa.Column("approaching", sa.Integer(), nullable=True),
        sa.Column("meets", sa.Integer(), nullable=True),
        sa.Column("exceeds", sa.Integer(), nullable=True),
        sa.Column("demand_factors", sa.String(length=200), nullable=False),
        sa.Column("what_worked", sa.Text(), nullable=False),
        sa.Column("surprised", sa.Text(), nullable=False),
        sa.Column("would_change", sa.Text(), nullable=False),
        sa.Column("video_url", sa.String(length=500), nullable=False),
        sa.Column("video_moments", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["cycles.id"],
            name=op.f("fk_enactments_cycle_id_cycles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["users.id"],
            name=op.f("fk_enactments_teacher_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enactments")),
        sa.UniqueConstraint(
            "cycle_id",
            "teacher_id",
            "class_code",
            name=op.f("uq_enactments_cycle_id_teacher_id_class_code"),
        ),
    )
    with op.batch_alter_table("enactments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enactments_cycle_id"), ["cycle_id"], unique=False)

    op.create_table(
        "unanticipated_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enactment_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("promoted_to_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enactment_id"],
            ["enactments.id"],
            name=op.f("fk_unanticipated_responses_enactment_id_enactments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["promoted_to_id"],
            ["anticipated_responses.id"],
            name=op.f("fk_unanticipated_responses_promoted_to_id_anticipated_responses"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unanticipated_responses")),
    )
    with op.batch_alter_table("unanticipated_responses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_unanticipated_responses_enactment_id"), ["enactment_id"], unique=False
        )

    op.create_table(
        "tallies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enactment_id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=True),
        sa.Column("unanticipated_id", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("codes", sa.String(length=400), nullable=False),
        sa.Column("share_order", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(response_id IS NULL) <> (unanticipated_id IS NULL)",
            name=op.f("ck_tallies_one_response"),
        ),
        sa.ForeignKeyConstraint(
            ["enactment_id"],
            ["enactments.id"],
            name=op.f("fk_tallies_enactment_id_enactments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["anticipated_responses.id"],
            name=op.f("fk_tallies_response_id_anticipated_responses"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unanticipated_id"],
            ["unanticipated_responses.id"],
            name=op.f("fk_tallies_unanticipated_id_unanticipated_responses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tallies")),
        sa.UniqueConstraint(
            "enactment_id", "response_id", name=op.f("uq_tallies_enactment_id_response_id")
        ),
        sa.UniqueConstraint(
            "enactment_id",
            "unanticipated_id",
            name=op.f("uq_tallies_enactment_id_unanticipated_id"),
        ),
    )
    with op.batch_alter_table("tallies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tallies_enactment_id"), ["enactment_id"], unique=False)

    op.create_table(
        "taps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enactment_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("tally_id", sa.Integer(), nullable=False),
        sa.Column("by", sa.Integer(), nullable=False),
        sa.Column("tapped_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enactment_id"],
            ["enactments.id"],
            name=op.f("fk_taps_enactment_id_enactments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tally_id"], ["tallies.id"], name=op.f("fk_taps_tally_id_tallies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_taps")),
        sa.UniqueConstraint("enactment_id", "key", name=op.f("uq_taps_enactment_id_key")),
    )


def downgrade():
    op.drop_table("taps")
    with op.batch_alter_table("tallies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tallies_enactment_id"))

    op.drop_table("tallies")
    with op.batch_alter_table("unanticipated_responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unanticipated_responses_enactment_id"))

    op.drop_table("unanticipated_responses")
    with op.batch_alter_table("enactments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enactments_cycle_id"))

    op.drop_table("enactments")
