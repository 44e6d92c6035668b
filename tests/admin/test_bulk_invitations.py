"""Bulk invitations from a CSV file: every line checked first, nothing half done."""

import html
import io
import re

import pytest
import sqlalchemy as sa

from app.admin.bulk_invites import MAX_BYTES, MAX_ROWS
from app.auth import invitations
from app.auth.models import Invite, User
from app.extensions import db
from app.teams.models import Membership, Role
from tests import factories


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def upload(admin, content: bytes | str, filename: str = "people.csv"):
    data = content.encode() if isinstance(content, str) else content
    return admin.post("/admin/invites/bulk", data={"file": (io.BytesIO(data), filename)})


def invites() -> list[Invite]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Invite).order_by(Invite.email)))


def line_problems(response) -> list[str]:
    page = text(response)
    return [re.sub(r"\s+", " ", li) for li in re.findall(r"<li>(Line \d+: .*?)</li>", page, re.S)]


def file_error(response) -> str | None:
    match = re.search(r'<p class="field-error" id="file-error">(.*?)</p>', text(response), re.S)
    return match.group(1) if match else None


@pytest.fixture
def admin(client_as):
    return client_as("admin")


GOOD = (
    "email,name,school,team,role\n"
    "ana@example.org,Ana Ruiz,Maple Street,Grade 4 Team,teacher\n"
    "ben@example.org,Ben Okafor,,Grade 2 Team,Teacher leader\n"
    "cy@example.org,Cy Lam,maple street,,\n"
    "dee@example.org,Dée Ñúñez,,grade 4 team,MENTOR\n"
)


def test_a_good_file_invites_everyone_with_their_team_and_role(app, admin, client, team_world):
    response = upload(admin, GOOD)
    assert response.status_code == 200
    page = text(response)
    assert "4 invitations made" in page
    made = {i.email: i for i in invites()}
    assert sorted(made) == [f"{n}@example.org" for n in ("ana", "ben", "cy", "dee")]
    assert (made["ana@example.org"].team, made["ana@example.org"].role) == (
        team_world.team,
        Role.teacher,
    )
    assert made["ana@example.org"].school.name == "Maple Street"
    assert made["ben@example.org"].role == Role.teacher_leader
    assert (made["cy@example.org"].team, made["cy@example.org"].role) == (None, Role.teacher)
    assert made["dee@example.org"].name == "Dée Ñúñez"
    assert made["dee@example.org"].role == Role.mentor
    with app.test_request_context():
        links = {email: invitations.invite_url(invite) for email, invite in made.items()}
    assert all(link in page for link in links.values())
    path = links["dee@example.org"].removeprefix("http://localhost")
    password = "a brand new passphrase"
    client.post(path, data={"name": "Dée Ñúñez", "password": password, "confirm": password})
    person = db.session.scalar(sa.select(User).where(User.email == "dee@example.org"))
    membership = db.session.scalar(sa.select(Membership).where(Membership.user_id == person.id))
    assert (membership.team_id, membership.role) == (team_world.team.id, Role.mentor)


def test_columns_are_found_by_their_header_in_any_order_with_a_bom_and_crlf(admin, team_world):
    content = "\ufeffTeam, Email ,role\r\nGrade 4 Team,Zed@Example.org,mentor\r\n\r\n"
    response = upload(admin, content.encode("utf-8"))
    assert response.status_code == 200
    [made] = invites()
    assert (made.email, made.team, made.role) == ("zed@example.org", team_world.team, Role.mentor)


def test_a_bad_row_on_line_7_is_reported_and_nothing_is_created(admin, team_world):
    rows = [f"p{n}@example.org,Person {n},,Grade 4 Team,teacher" for n in range(2, 7)]
    rows.insert(5, "p7@example.org,Person 7,,Grade 9 Team,teacher")
    response = upload(admin, "email,name,school,team,role\n" + "\n".join(rows) + "\n")
    assert response.status_code == 422
    assert line_problems(response) == [
        "Line 7: there is no team called “Grade 9 Team” in this district."
    ]
    assert file_error(response) == (
        "1 line has a problem, so nobody was invited. Fix the file and upload it again."
    )
    assert invites() == []


def test_every_bad_line_is_reported_with_its_reason(admin, team_world):
    factories.make_team("Elsewhere Team")  # another district
    content = (
        "email,name,school,team,role\n"
        "good@example.org,Good,,,\n"
        "not-an-email,Bad,,,\n"
        ",No Email,,,\n"
        "teacher@example.org,Has Account,,,\n"
        "good@example.org,Twice,,,\n"
        "far@example.org,Far,,Elsewhere Team,\n"
        "nosch@example.org,No School,Atlantis Elementary,,\n"
        "role@example.org,Role,,,principal\n"
        "=cmd@example.org,Formula,,,\n"
        'sum@example.org,"=SUM(A1:A9)",,,\n'
        "plus@example.org,+1 Name,,,\n"
        "at@example.org,@Name,,,\n"
        "extra@example.org,Extra,,,,surprise\n"
    )
    response = upload(admin, content)
    assert response.status_code == 422
    problems = line_problems(response)
    assert problems == [
        "Line 3: “not-an-email” is not an email address like name@school.org.",
        "Line 4: the email is missing.",
        "Line 5: teacher@example.org already has an account.",
        "Line 6: good@example.org is also on line 2.",
        "Line 7: there is no team called “Elsewhere Team” in this district.",
        "Line 8: there is no school called “Atlantis Elementary” in this district.",
        "Line 9: the role “principal” is not one of teacher, teacher leader, mentor.",
        "Line 10: the email starts with “=”, which a spreadsheet would run as a formula; "
        "remove it.",
        "Line 11: the name starts with “=”, which a spreadsheet would run as a formula; remove it.",
        "Line 12: the name starts with “+”, which a spreadsheet would run as a formula; remove it.",
        "Line 13: the name starts with “@”, which a spreadsheet would run as a formula; remove it.",
        "Line 14: it has 6 cells but the first line names 5.",
    ]
    assert "12 lines have problems, so nobody was invited" in file_error(response)
    assert invites() == []


def test_an_email_already_invited_is_refused(admin, team_world):
    assert upload(admin, "email\nwaiting@example.org\n").status_code == 200
    response = upload(admin, "email\nnew@example.org\nWaiting@Example.org\n")
    assert response.status_code == 422
    assert line_problems(response) == [
        "Line 3: waiting@example.org already has an invitation waiting."
    ]
    assert [i.email for i in invites()] == ["waiting@example.org"]


def test_two_teams_with_the_same_name_are_ambiguous(admin, team_world):
    factories.make_team("Grade 4 Team", district=team_world.team.district)
    response = upload(admin, "email,team\nx@example.org,Grade 4 Team\n")
    assert line_problems(response) == [
        "Line 2: 2 teams are called “Grade 4 Team”; rename one first."
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"\n\n  \n", "The file is empty."),
        (b"email,name\n", "The file names its columns but has nobody to invite."),
        (b"ana@example.org,Ana\n", "The first line must name the columns"),
        (b"email,nickname\nana@example.org,A\n", "Unknown column: “nickname”."),
        (b"email,name,Email\nana@example.org,A,b\n", "names the column “email” twice"),
        (b"email,name\nana@example.org,An\x00a\n", "The file contains NUL bytes"),
        ("email,name\nana@example.org,Zoë\n".encode("utf-16"), "The file contains NUL bytes"),
        ("email,name\nana@example.org,Zoë\n".encode("latin-1"), "The file is not UTF-8 text."),
        (b"email\n" + b"x" * (MAX_BYTES + 1), "The file is larger than 256 KB."),
        (
            ("email\n" + "".join(f"p{n}@example.org\n" for n in range(MAX_ROWS + 1))).encode(),
            f"The file has {MAX_ROWS + 1} people; invite at most {MAX_ROWS} at a time.",
        ),
    ],
    ids=[
        "empty",
        "blank-lines",
        "header-only",
        "no-header",
        "unknown-column",
        "repeated-column",
        "nul-byte",
        "utf-16",
        "latin-1",
        "too-large",
        "too-many-rows",
    ],
)
def test_a_file_that_cannot_be_read_says_why_next_to_the_upload(
    admin, team_world, content, message
):
    response = upload(admin, content)
    assert response.status_code == 422
    error = file_error(response)
    assert error is not None and message in html.unescape(error), error
    assert 'aria-invalid="true"' in text(response)
    assert invites() == []


def test_no_file_at_all_is_explained(admin, team_world):
    response = admin.post("/admin/invites/bulk", data={})
    assert response.status_code == 422
    assert "The file is empty." in file_error(response)


def test_a_file_just_under_the_row_limit_is_accepted(admin, team_world):
    rows = "".join(f"p{n}@example.org\n" for n in range(MAX_ROWS))
    response = upload(admin, "email\n" + rows)
    assert response.status_code == 200
    assert len(invites()) == MAX_ROWS


def test_an_upload_over_the_request_limit_is_refused_without_a_crash(app, admin, team_world):
    limit = app.config["MAX_CONTENT_LENGTH"]
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    try:
        response = upload(admin, b"email\n" + b"x" * (2 * 1024 * 1024))
    finally:
        app.config["MAX_CONTENT_LENGTH"] = limit
    assert response.status_code == 413
    assert "That upload is too large" in text(response)
    assert invites() == []


def test_bulk_page_statement_count_does_not_grow_with_rows(admin, team_world, count_statements):
    def statements(rows: int) -> int:
        content = "email,school,team\n" + "".join(
            f"r{rows}-{n}@example.org,Maple Street,Grade 4 Team\n" for n in range(rows)
        )
        with count_statements() as counter:
            assert upload(admin, content).status_code == 200
        return counter.count

    assert statements(2) == statements(20)
