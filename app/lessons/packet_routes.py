"""What teachers take to class: the monitoring chart page and the lesson packet PDF. A cycle
without a lesson yet gets a page that says so (404 for the PDF: there is nothing to print)."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app.cycles.access import cycle_for
from app.lessons.packet import monitoring_chart, packet_pdf
from app.lessons.queries import lesson_view

bp = Blueprint("lesson_packet", __name__)


@bp.get("/cycles/<int:cycle_id>/lesson/monitoring")
@login_required
def monitoring(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    view = lesson_view(cycle)
    chart = monitoring_chart(view) if view.lesson else None
    return render_template(
        "lessons/monitoring.html", cycle=cycle, team=cycle.team, view=view, chart=chart
    )


@bp.get("/cycles/<int:cycle_id>/lesson/packet.pdf")
@login_required
def packet(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    pdf = packet_pdf(cycle)
    if pdf is None:
        page = render_template(
            "lessons/monitoring.html", cycle=cycle, team=cycle.team, view=None, chart=None
        )
        return page, 404
    return pdf
