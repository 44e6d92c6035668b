"""The debrief report as a PDF, a document a team hands to its principal: the comparison of
its classrooms with the same SVG charts as the page (each followed by its table), the team's
debrief record and the student work it chose for the report, grouped by response.

A fixed number of statements however many classrooms and photos: the comparison's four, the
chosen samples' one, and the cycle's team and shared task."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask import Response
from markupsafe import Markup

from app.cycles.models import Cycle
from app.debriefs import charts
from app.debriefs.queries import LOWERING, Comparison, comparison
from app.enactments.models import EXIT_LEVELS, KEEPING
from app.enactments.samples import SAMPLES, SampleCard, samples_by_response
from app.pdf import render_pdf
from app.timeutil import local_now

# From this many classrooms the heat map gets a landscape page of its own, drawn wider so
# each classroom's column keeps its code readable.
WIDE_FROM = 7
WIDE_WIDTH = 960


@dataclass(frozen=True)
class Photo:
    card: SampleCard
    path: Path


@dataclass
class PhotoGroup:
    """The chosen photos of one response, across the classrooms."""

    name: str
    anticipated: bool
    photos: list[Photo]


@dataclass
class Report:
    cycle: Cycle
    comparison: Comparison
    heat_map: Markup
    exit_bars: Markup
    groups: list[PhotoGroup]
    wide: bool

    @property
    def taught(self) -> tuple[date, date] | None:
        """The first and the last day a classroom taught the task."""
        days = [room.enactment.taught_on for room in self.comparison.rooms]
        return (min(days), max(days)) if days else None

    @property
    def photos(self) -> list[tuple[PhotoGroup, Photo]]:
        """Every photo with its group, in the groups' order: printed two to a row, each
        under its response's name, so a group of one does not take a row alone."""
        return [(group, photo) for group in self.groups for photo in group.photos]

    @property
    def images(self) -> list[Path]:
        return [photo.path for _group, photo in self.photos]


def _photo_groups(cycle: Cycle) -> list[PhotoGroup]:
    """The samples chosen for the report whose file is there; a lost file is left out rather
    than failing the report."""
    groups = []
    for group in samples_by_response(cycle, in_report_only=True):
        photos = [
            Photo(card, path.resolve())
            for card in group.samples
            if (path := SAMPLES.path_of(card.image_name))
        ]
        if photos:
            groups.append(PhotoGroup(group.name, group.anticipated, photos))
    return groups


def report(cycle: Cycle) -> Report:
    found = comparison(cycle)
    wide = len(found.rooms) >= WIDE_FROM
    return Report(
        cycle,
        found,
        charts.heat_map(found, chart_id="report-heat", width=WIDE_WIDTH if wide else charts.WIDTH),
        charts.exit_bars(found, chart_id="report-exit"),
        _photo_groups(cycle),
        wide,
    )


def filename(cycle: Cycle) -> str:
    return f"cycle-{cycle.id}-debrief-report.pdf"


def report_pdf(cycle: Cycle) -> Response:
    contents = report(cycle)
    return render_pdf(
        "debriefs/report_pdf.html",
        filename(cycle),
        files=contents.images,
        report=contents,
        cycle=cycle,
        team=cycle.team,
        task=cycle.shared_task,
        comparison=contents.comparison,
        keeping=KEEPING,
        lowering=LOWERING,
        exit_levels=EXIT_LEVELS,
        pct=charts.pct,
        prepared_on=local_now().date(),
    )
