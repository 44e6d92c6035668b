"""Invitation workflows: making, reading a link, renewing, withdrawing and accepting."""

from datetime import timedelta

from itsdangerous import URLSafeSerializer

from app.auth import invitations
from app.auth.invitations import Invitee, LinkProblem
from app.auth.passwords import verify_password
from app.teams.models import Role
from app.timeutil import utcnow
from tests import factories


def new_invite(**fields):
    admin = factories.make_user(is_admin=True)
    district = factories.make_district()
    values = {"email": "  Newcomer@Example.org ", "name": " Nora "}
    return invitations.create_invite(admin, district, Invitee(**{**values, **fields}))


def test_invite_is_pending_with_a_normalised_email_until_it_expires(app):
    invite = new_invite()
    assert (invite.email, invite.name, invite.status) == ("newcomer@example.org", "Nora", "pending")
    assert invite.role == Role.teacher
    expected = utcnow() + timedelta(days=app.config["INVITE_DAYS"])
    assert abs(invite.expires_at - expected) < timedelta(minutes=1)
    invite.expires_at = utcnow() - timedelta(seconds=1)
    assert invite.status == "expired"


def test_invite_token_names_its_invite_and_nothing_else():
    invite = new_invite()
    token = invitations.invite_token(invite)
    assert invitations.check_link(token) == invitations.LinkCheck(invite, None)
    serializer = invitations._serializer()
    for forged, problem in (
        (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), LinkProblem.garbled),
        ("not-a-token", LinkProblem.garbled),
        (serializer.dumps([invite.id, "wrong-nonce"]), LinkProblem.replaced),
        (serializer.dumps([str(invite.id), invite.nonce]), LinkProblem.unknown),
        (serializer.dumps([invite.id + 1, invite.nonce]), LinkProblem.unknown),
        (serializer.dumps("ab"), LinkProblem.unknown),
        (serializer.dumps(7), LinkProblem.garbled),
        (serializer.dumps([invite.id, invite.nonce, "extra"]), LinkProblem.garbled),
        (serializer.dumps(None), LinkProblem.garbled),
    ):
        assert invitations.check_link(forged).problem == problem, forged
        if problem is not LinkProblem.replaced:
            assert invitations.check_link(forged).invite is None


def test_token_signed_with_another_key_is_refused():
    invite = new_invite()
    foreign = URLSafeSerializer("another-key", salt="tandem-invite").dumps(
        [invite.id, invite.nonce]
    )
    assert invitations.check_link(foreign).problem == LinkProblem.garbled


def test_accept_invite_creates_the_account_the_admin_described():
    school = factories.make_school()
    invite = new_invite(school=school, is_admin=True)
    person = invitations.accept_invite(invite, "  Nora Newcomer ", "a fine new passphrase")
    assert (person.email, person.name, person.school_id, person.is_admin) == (
        "newcomer@example.org",
        "Nora Newcomer",
        school.id,
        True,
    )
    assert verify_password(person.password_hash, "a fine new passphrase")
    assert invite.status == "accepted"
    assert person.memberships == []


def test_accept_invite_puts_the_person_on_the_named_team_with_its_role():
    team = factories.make_team("Grade 3 Team")
    invite = new_invite(team=team, role=Role.teacher_leader)
    person = invitations.accept_invite(invite, "Nora Newcomer", "a fine new passphrase")
    assert [(m.team, m.role) for m in person.memberships] == [(team, Role.teacher_leader)]


def test_revoked_invite_is_revoked_and_its_link_says_withdrawn():
    invite = new_invite()
    invitations.revoke_invite(invite)
    assert invite.status == "revoked"
    assert invitations.check_link(invitations.invite_token(invite)).problem == LinkProblem.withdrawn


def test_renewing_gives_a_new_link_and_expiry_and_kills_the_old_link(app):
    invite = new_invite()
    old = invitations.invite_token(invite)
    invite.expires_at = utcnow() - timedelta(days=1)
    invitations.renew_invite(invite)
    new = invitations.invite_token(invite)
    assert new != old
    assert invite.status == "pending"
    assert invite.expires_at > utcnow() + timedelta(days=app.config["INVITE_DAYS"] - 1)
    assert invitations.check_link(old).problem == LinkProblem.replaced
    assert invitations.check_link(new).problem is None
