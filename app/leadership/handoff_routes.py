"""A teacher leader's handoff: segment-minutes, release levels and moves across sessions."""

from flask import Blueprint, abort, render_template
from flask_login import current_user, login_required

from app.leadership.access import leader_of, may_see_leader
from app.leadership.figures import handoff
from app.teams.access import team_for
from app.teams.queries import team_with_members

bp = Blueprint("handoff", __name__, url_prefix="/teams/<int:team_id>/leaders/<int:user_id>")


def _leader(team_id: int, user_id: int):
    team = team_for(current_user, team_id)
    team = team_with_members(team.id)
    leader = leader_of(team, user_id)
    if not may_see_leader(current_user, team, leader):
        abort(403)
    return team, leader


@bp.get("/handoff")
@login_required
def show(team_id: int, user_id: int):
    team, leader = _leader(team_id, user_id)
    return render_template("leadership/handoff.html", team=team, handoff=handoff(team, leader))
