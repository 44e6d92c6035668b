"""indexes for district scale: a team's meetings by date, and open action items

Revision ID: 0008_scale_indexes
Revises: 0007_sessions
Create Date: 2026-12-01 14:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0008_scale_indexes"
down_revision = "0007_sessions"
branch_labels = None
depends_on = None

OPEN_ACTION = "kind = 'action' AND done_at IS NULL AND removed_at IS NULL"


def upgrade():
    op.create_index("ix_meetings_team_id_starts_at", "meetings", ["team_id", "starts_at"])
    op.create_index(
        "ix_contributions_open_actions",
        "contributions",
        ["owner_id", "meeting_id"],
        postgresql_where=sa.text(OPEN_ACTION),
        sqlite_where=sa.text(OPEN_ACTION),
    )


def downgrade():
    op.drop_index("ix_contributions_open_actions", table_name="contributions")
    op.drop_index("ix_meetings_team_id_starts_at", table_name="meetings")
