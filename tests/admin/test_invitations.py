"""Invitations that name a team and role, renewing them, the district boundary, broken links."""

import html
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from app.auth import invitations
from app.auth.invitations import Invitee
from app.auth.models import Invite, User
from app.extensions import db
from app.teams.models import Membership, Role
from app.timeutil import utcnow
from tests import factories

PASSWORD = "a brand new passphrase"


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def words(response) -> str:
    """The page's text without tags, as a screen reader reads it."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text(response)))


def invite(admin, email="newcomer@example.org", **fields):
    data = {"email": email, "name": "", "school_id": "", "team_id": "", "role": "teacher"}
    return admin.post("/admin/invites", data={**data, **fields})


def link_on(page: str) -> str:
    link = re.search(r'id="invite-link"[^>]*value="([^"]+)"', page).group(1)
    return urlsplit(html.unescape(link)).path


def the_invite(email="newcomer@example.org") -> Invite:
    db.session.expire_all()
    return db.session.scalar(sa.select(Invite).where(Invite.email == email))


def accept(client, path, name="Nora Newcomer"):
    return client.post(path, data={"name": name, "password": PASSWORD, "confirm": PASSWORD})


@pytest.fixture
def admin(client_as):
    return client_as("admin")


def test_invite_form_offers_the_districts_teams_and_preselects_teacher(admin, team_world):
    page = text(admin.get("/admin/invites/new"))
    assert f'<option value="{team_world.team.id}">Grade 4 Team</option>' in page
    assert '<option selected value="teacher">Teacher</option>' in page
    other_district_team = factories.make_team("Elsewhere Grade 4")
    assert "Elsewhere Grade 4" not in text(admin.get("/admin/invites/new"))
    assert other_district_team.district_id != team_world.team.district_id


def test_invitation_names_its_team_and_role_on_its_page_the_list_and_the_link(
    admin, client, team_world
):
    response = invite(admin, team_id=str(team_world.team.id), role="teacher_leader")
    assert response.status_code == 302
    page = text(admin.get(response.headers["Location"]))
    assert "Grade 4 Team, as teacher leader" in page
    people = text(admin.get("/admin/people"))
    assert "Grade 4 Team, teacher leader" in people
    assert "to join Grade 4 Team as teacher leader" in words(client.get(link_on(page)))


def test_accepting_makes_the_membership_and_lands_on_the_team_page(admin, client, team_world):
    page = text(admin.get(invite(admin, team_id=str(team_world.team.id)).headers["Location"]))
    response = accept(client, link_on(page))
    assert response.headers["Location"] == f"/teams/{team_world.team.id}"
    person = db.session.scalar(sa.select(User).where(User.email == "newcomer@example.org"))
    membership = db.session.scalar(sa.select(Membership).where(Membership.user_id == person.id))
    assert (membership.team_id, membership.role) == (team_world.team.id, Role.teacher)
    assert "Nora Newcomer" in text(client.get(f"/teams/{team_world.team.id}"))


def test_invitation_without_a_team_makes_no_membership(admin, client, team_world):
    page = text(admin.get(invite(admin).headers["Location"]))
    assert accept(client, link_on(page)).headers["Location"] == "/"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Membership)) == 4


@pytest.mark.parametrize("field", ["team_id", "role"])
def test_invitation_refuses_a_team_or_role_that_is_not_offered(admin, team_world, field):
    other = factories.make_team("Elsewhere Grade 4")
    bad = {"team_id": str(other.id), "role": "principal"}[field]
    response = invite(admin, **{field: bad})
    assert response.status_code == 422
    assert "Not a valid choice" in text(response)
    assert the_invite() is None


# Renewing


def expire(email="newcomer@example.org"):
    found = the_invite(email)
    found.expires_at = utcnow() - timedelta(days=1)
    db.session.commit()
    return found


def test_expired_invitation_is_renewed_from_the_list_with_a_new_link(admin, client, team_world):
    old = link_on(text(admin.get(invite(admin).headers["Location"])))
    expired = expire()
    assert "Renew the invitation for newcomer@example.org" in words(admin.get("/admin/people"))
    response = admin.post(f"/admin/invites/{expired.id}/renew")
    assert response.headers["Location"] == f"/admin/invites/{expired.id}"
    page = text(admin.get(response.headers["Location"]))
    assert "A new link is ready; the old link no longer works." in page
    new = link_on(page)
    assert new != old
    assert the_invite().status == "pending"
    assert client.get(old).status_code == 410
    assert "This invitation link has been replaced" in text(client.get(old))
    assert client.get(new).status_code == 200


def test_renewing_an_accepted_invitation_is_refused(admin, client, team_world):
    path = link_on(text(admin.get(invite(admin).headers["Location"])))
    accept(client, path)
    found = the_invite()
    nonce = found.nonce
    response = admin.post(f"/admin/invites/{found.id}/renew")
    assert "has already accepted this invitation" in text(admin.get(response.headers["Location"]))
    assert the_invite().nonce == nonce


def test_renewing_is_refused_when_a_newer_invitation_waits(admin, team_world):
    invite(admin)
    first = expire()
    assert invite(admin).status_code == 302
    response = admin.post(f"/admin/invites/{first.id}/renew")
    assert "already has a newer invitation waiting" in text(admin.get(response.headers["Location"]))
    assert db.session.get(Invite, first.id).status == "expired"


def other_districts_invite(team_world) -> Invite:
    elsewhere = factories.make_team("Elsewhere Grade 4")
    return invitations.create_invite(
        team_world.admin, elsewhere.district, Invitee("far@example.org", team=elsewhere)
    )


@pytest.mark.parametrize(
    ("method", "action"), [("get", ""), ("post", "/renew"), ("post", "/revoke")]
)
def test_another_districts_invitation_is_not_found(admin, team_world, method, action):
    far = other_districts_invite(team_world)
    nonce = far.nonce
    response = getattr(admin, method)(f"/admin/invites/{far.id}{action}")
    assert response.status_code == 404
    assert "Elsewhere Grade 4" not in text(response)
    db.session.expire_all()
    assert (far.nonce, far.status) == (nonce, "pending")
    assert "far@example.org" not in text(admin.get("/admin/people"))


# Broken links


def test_accepting_twice_gives_a_gone_page_that_says_sign_in(app, admin, client, team_world):
    path = link_on(text(admin.get(invite(admin).headers["Location"])))
    assert accept(client, path).status_code == 302
    again = accept(app.test_client(), path, name="Someone Else")
    assert again.status_code == 410
    page = text(again)
    assert "This invitation has been used" in page
    assert 'href="/sign-in"' in page
    assert "belongs to another team" not in page
    accounts = sa.select(sa.func.count()).where(User.email == "newcomer@example.org")
    assert db.session.scalar(accounts) == 1


@pytest.mark.parametrize(
    ("token", "status", "heading"),
    [
        ("not-a-real-token", 404, "This invitation link is not complete"),
        ("WzEsIm", 404, "This invitation link is not complete"),
        ("%00%ff", 404, "This invitation link is not complete"),
        ("x" * 3000, 404, "This invitation link is not complete"),
    ],
)
def test_garbled_link_explains_what_to_do(client, team_world, token, status, heading):
    for response in (client.get(f"/invites/{token}"), accept(client, f"/invites/{token}")):
        assert response.status_code == status
        page = text(response)
        assert heading in page
        assert "ask your administrator for a new invitation" in page
        assert "belongs to another team" not in page


def test_cut_short_link_explains_what_to_do(admin, client, team_world):
    path = link_on(text(admin.get(invite(admin).headers["Location"])))
    response = client.get(path[:-5])
    assert response.status_code == 404
    assert "This invitation link is not complete" in text(response)


def test_link_to_a_removed_invitation_is_not_found_with_advice(client, team_world):
    gone = invitations._serializer().dumps([987654, "whatever"])
    response = client.get(f"/invites/{gone}")
    assert response.status_code == 404
    assert "We could not find this invitation" in text(response)


def test_expired_link_asks_for_a_renewal(admin, client, team_world):
    path = link_on(text(admin.get(invite(admin).headers["Location"])))
    expire()
    response = client.get(path)
    assert response.status_code == 410
    assert "Ask your administrator to renew it" in text(response)


# Default role and the members table


def test_add_a_member_preselects_teacher(admin, team_world):
    page = text(admin.get(f"/admin/teams/{team_world.team.id}/edit?q=otto"))
    add_form = page[page.index("Add a member") :]
    assert '<option selected value="teacher">Teacher</option>' in add_form
    assert "selected" not in add_form.split('value="mentor"')[0].rsplit("<option", 1)[-1]


# Statement counts


def test_people_page_statements_do_not_grow_with_invitations(admin, team_world, count_statements):
    def statements() -> int:
        with count_statements() as counter:
            assert admin.get("/admin/people").status_code == 200
        return counter.count

    def add_invites(start: int, count: int) -> None:
        invitees = [
            Invitee(f"p{n}@example.org", school=team_world.leader.school, team=team_world.team)
            for n in range(start, start + count)
        ]
        invitations.create_invites(team_world.admin, team_world.team.district, invitees)

    add_invites(0, 1)
    few = statements()
    add_invites(1, 15)
    assert statements() == few
