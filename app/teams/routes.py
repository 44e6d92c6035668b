from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app.cycles.queries import team_cycles
from app.meetings.access import can_plan
from app.teams.access import role_in, team_for
from app.teams.queries import team_with_members

bp = Blueprint("teams", __name__, url_prefix="/teams")


@bp.get("/<int:team_id>")
@login_required
def show(team_id: int):
    team_for(current_user, team_id)
    return render_template(
        "teams/show.html",
        team=team_with_members(team_id),
        my_role=role_in(current_user, team_id),
        cycles=team_cycles(team_id),
        can_plan=can_plan(current_user, team_id),
    )
