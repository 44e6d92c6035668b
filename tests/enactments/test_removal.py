"""Removing a lesson record: its teacher or a planner, after a page that says what goes; every
row of it and its photo files go, only once the database has committed; a retry of the same
removal lands on the cycle's enactments; another team's record is a 404."""

import pytest
import sqlalchemy as sa

from app import live
from app.cycles.models import live_channel
from app.enactments import counting, removing
from app.enactments.models import Enactment, Tally, Tap, Unanticipated, WorkSample
from app.extensions import db
from tests.enactments.helpers import make_enactment, make_teaching_lesson, responses, url
from tests.enactments.sample_helpers import image_bytes, upload

KEY = "removal-key-0000000001"


@pytest.fixture(autouse=True)
def upload_folder(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return tmp_path / "uploads"


@pytest.fixture
def lesson(team_world):
    return make_teaching_lesson(team_world.team, team_world.leader)


@pytest.fixture
def enactment(lesson, team_world):
    return make_enactment(lesson.cycle, team_world.leader, "4L")


def fill(client, enactment, lesson, photos: int = 2, taps: int = 3) -> None:
    """Taps on the first response, one response nobody anticipated, `photos` photos."""
    first = responses(lesson)[0]
    for i in range(taps):
        counting.tap(enactment, f"tap-{enactment.id}-{i}".ljust(20, "x"), 1, response_id=first.id)
    counting.add_unanticipated(None, enactment, "Counted on by ones")
    for _ in range(photos):
        assert (
            upload(client, enactment, image_bytes(kind="JPEG"), f"r{first.id}").status_code == 302
        )


def files(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def rows_of(enactment_id: int) -> dict[str, int]:
    db.session.expire_all()
    counted = {}
    for model in (Tap, WorkSample, Tally, Unanticipated):
        where = model.enactment_id == enactment_id
        counted[model.__tablename__] = db.session.scalar(
            sa.select(sa.func.count()).select_from(model).where(where)
        )
    counted["enactments"] = db.session.scalar(
        sa.select(sa.func.count()).select_from(Enactment).where(Enactment.id == enactment_id)
    )
    return counted


def remove(client, enactment, key: str = KEY):
    return client.post(url(enactment, "remove"), data={"confirmed": "yes", "idempotency_key": key})


def test_the_confirmation_page_says_plainly_what_goes(client_as, enactment, lesson):
    leader = client_as("leader")
    fill(leader, enactment, lesson)
    record = leader.get(url(enactment)).get_data(as_text=True)
    assert "Remove this record…" in record
    page = leader.get(url(enactment, "remove")).get_data(as_text=True)
    assert "lesson with class 4L?" in page
    assert "3 students counted on 1 response" in page
    assert "3 taps from tap-to-count" in page
    assert "1 response nobody anticipated" in page
    assert "2 photos of student work, deleted from the server" in page
    assert "This cannot be undone." in page


def test_removing_deletes_every_row_and_the_photo_files(
    client_as, team_world, enactment, lesson, upload_folder
):
    leader = client_as("leader")
    fill(leader, enactment, lesson)
    before = set(files(upload_folder))
    assert len(before) == 4  # two photos, two thumbnails
    other = make_enactment(lesson.cycle, team_world.mentor, "4M")
    upload(client_as("mentor"), other, image_bytes(kind="JPEG"), f"r{responses(lesson)[0].id}")
    others = set(files(upload_folder)) - before
    gone = enactment.id

    answer = remove(leader, enactment)

    assert answer.status_code == 302
    assert answer.headers["Location"].endswith(f"/cycles/{lesson.cycle_id}/enactments")
    assert set(rows_of(gone).values()) == {0}
    assert set(files(upload_folder)) == others, "only the other record's photo stays"
    assert rows_of(other.id)["work_samples"] == 1
    page = leader.get(answer.headers["Location"]).get_data(as_text=True)
    assert "The lesson record (class 4L" in page and "was removed" in page
    assert f'href="/enactments/{gone}"' not in page
    assert f'href="/enactments/{other.id}"' in page


def test_a_removal_whose_commit_fails_keeps_the_photo_files(
    client_as, enactment, lesson, upload_folder, monkeypatch
):
    leader = client_as("leader")
    fill(leader, enactment, lesson, taps=0)
    before = files(upload_folder)

    def refuse():
        raise sa.exc.OperationalError("COMMIT", {}, Exception("the disk is full"))

    monkeypatch.setattr(db.session, "commit", refuse)
    with pytest.raises(sa.exc.OperationalError):
        removing.remove_enactment(enactment)
    monkeypatch.undo()
    db.session.rollback()

    assert files(upload_folder) == before
    assert rows_of(enactment.id)["enactments"] == 1


def test_the_same_removal_sent_again_lands_on_the_cycles_enactments(client_as, enactment, lesson):
    leader = client_as("leader")
    record = url(enactment)
    assert remove(leader, enactment).status_code == 302
    again = leader.post(f"{record}/remove", data={"confirmed": "yes", "idempotency_key": KEY})
    assert again.status_code == 302
    assert again.headers["Location"].endswith(f"/cycles/{lesson.cycle_id}/enactments")
    assert leader.get(record).status_code == 404
    other_key = leader.post(f"{record}/remove", data={"confirmed": "yes"})
    assert other_key.status_code == 404, "another removal of a record that is gone"


def test_a_post_without_confirming_shows_the_confirmation(client_as, enactment):
    answer = client_as("leader").post(url(enactment, "remove"), data={})
    assert answer.status_code == 200
    assert "This cannot be undone." in answer.get_data(as_text=True)
    assert rows_of(enactment.id)["enactments"] == 1


@pytest.mark.parametrize(("role", "status"), [("mentor", 302), ("teacher", 403), ("outsider", 404)])
def test_who_may_remove_a_record(client_as, enactment, role, status):
    """Its teacher (the leader here) and the team's planners; not another teammate; another
    team's record is a 404 and never names it."""
    client, record_id = client_as(role), enactment.id
    assert client.get(url(enactment, "remove")).status_code == (200 if status == 302 else status)
    assert remove(client, enactment).status_code == status
    assert rows_of(record_id)["enactments"] == (0 if status == 302 else 1)


def test_the_teacher_who_taught_it_removes_it_and_the_link_shows_only_to_them(
    client_as, team_world, lesson
):
    mine = make_enactment(lesson.cycle, team_world.teacher, "4T")
    assert "Remove this record…" in client_as("teacher").get(url(mine)).get_data(as_text=True)
    theirs = make_enactment(lesson.cycle, team_world.leader, "4L")
    assert "Remove this record…" not in client_as("teacher").get(url(theirs)).get_data(as_text=True)
    assert remove(client_as("teacher"), mine).status_code == 302


def test_removal_tells_the_cycles_channel_and_leaves_the_debrief(client_as, enactment, lesson):
    leader = client_as("leader")
    fill(leader, enactment, lesson, photos=0)
    debrief = f"/cycles/{lesson.cycle_id}/debrief"
    assert "4L" in leader.get(debrief).get_data(as_text=True)
    channel = live_channel(enactment.cycle_id)
    before = live.latest_id(channel)
    listed = leader.get(remove(leader, enactment).headers["Location"])  # shows the flash
    assert "was removed" in listed.get_data(as_text=True)
    events = live.broker().read(channel, before, timeout=0.1)
    assert [event.name for event in events] == ["enactment"]
    assert "4L" not in leader.get(debrief).get_data(as_text=True)


def test_confirming_and_removing_run_the_same_statements_with_one_or_twenty_of_everything(
    client_as, team_world, lesson, count_statements
):
    leader = client_as("leader")

    def statements(n: int) -> tuple[int, int]:
        enactment = make_enactment(lesson.cycle, team_world.leader, f"R{n}")
        fill(leader, enactment, lesson, photos=n, taps=n)
        with count_statements() as confirming:
            assert leader.get(url(enactment, "remove")).status_code == 200
        with count_statements() as removing_it:
            assert remove(leader, enactment, key=f"statements-key-{n:08d}").status_code == 302
        return confirming.count, removing_it.count

    assert statements(1) == statements(20)
