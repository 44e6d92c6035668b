from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app.cycles.queries import team_cycles
from app.meetings.access import PLANNER_ROLES
from app.teams.access import team_for
from app.teams.queries import with_members

bp = Blueprint("teams", __name__, url_prefix="/teams")


@bp.get("/<int:team_id>")
@login_required
def show(team_id: int):
    team = team_for(current_user, team_id, with_members())
    # From the members just loaded, not one more statement each.
    my_role = next((m.role for m in team.memberships if m.user_id == current_user.id), None)
    return render_template(
        "teams/show.html",
        team=team,
        my_role=my_role,
        cycles=team_cycles(team_id),
        can_plan=current_user.is_admin or my_role in PLANNER_ROLES,
    )
