"""Invitations are e-mailed when SMTP is set up; a failing mail server never loses the link."""

import html
import io
import logging
import re
import socket
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from app.auth.models import Invite
from app.extensions import db
from tests.admin.smtp_server import SMTPServer


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def page_link(page: str) -> str:
    return html.unescape(re.search(r'id="invite-link"[^>]*value="([^"]+)"', page).group(1))


@pytest.fixture
def smtp(app):
    """A recording SMTP server, and the app configured to send through it."""
    saved = {key: app.config[key] for key in app.config if key.startswith("SMTP_")}
    with SMTPServer() as server:
        app.config.update(
            SMTP_HOST="127.0.0.1",
            SMTP_PORT=server.port,
            SMTP_STARTTLS=False,
            SMTP_USER=None,
            SMTP_FROM="Tandem <tandem@district.example>",
            SMTP_TIMEOUT=2,
        )
        yield server.mailbox
    app.config.update(saved)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def invite(admin, team_world, email="newcomer@example.org"):
    data = {
        "email": email,
        "name": "Nora Newcomer",
        "school_id": "",
        "team_id": str(team_world.team.id),
        "role": "teacher_leader",
    }
    response = admin.post("/admin/invites", data=data)
    assert response.status_code == 302
    return text(admin.get(response.headers["Location"]))


def test_invitation_is_emailed_in_plain_text_with_its_link_and_team(client_as, team_world, smtp):
    page = invite(client_as("admin"), team_world)
    assert "E-mailed to newcomer@example.org" in page
    [message] = smtp.messages
    assert message["To"] == "newcomer@example.org"
    assert message["From"] == "Tandem <tandem@district.example>"
    assert message["Subject"] == "Join Grade 4 Team on Tandem"
    assert message.get_content_type() == "text/plain"
    body = message.get_content()
    assert page_link(page) in body
    assert "Dana Admin has invited you to join Tandem as teacher leader on Grade 4 Team." in body
    assert "<" not in body


def test_mail_server_that_refuses_the_connection_leaves_the_link_to_copy(
    app, client_as, team_world, smtp
):
    app.config["SMTP_PORT"] = free_port()
    page = invite(client_as("admin"), team_world)
    assert (
        "Not e-mailed: the mail server refused the connection; copy the link and send it to "
        "Nora Newcomer yourself." in page
    )
    assert page_link(page).startswith("http://localhost/invites/")
    stored = db.session.scalar(sa.select(Invite))
    assert (stored.emailed_at, stored.status) == (None, "pending")
    assert "Not e-mailed" in text(client_as("admin").get("/admin/people"))


def test_mail_server_that_never_answers_times_out_without_losing_the_link(
    app, client_as, team_world, smtp
):
    smtp.silent = True
    app.config["SMTP_TIMEOUT"] = 0.3
    page = invite(client_as("admin"), team_world)
    assert "Not e-mailed: the mail server did not answer in time; copy the link" in page
    assert page_link(page)


def test_refused_address_is_reported_for_that_invitation(client_as, team_world, smtp):
    smtp.refuse.add("newcomer@example.org")
    page = invite(client_as("admin"), team_world)
    assert "Not e-mailed: the mail server refused this address; copy the link" in page
    assert smtp.messages == []


def test_without_smtp_the_invitation_is_written_to_the_log(client_as, team_world, caplog):
    with caplog.at_level(logging.WARNING):
        page = invite(client_as("admin"), team_world)
    assert "Send this link to Nora Newcomer" in page
    assert page_link(page) in caplog.text
    assert "SMTP_HOST is not set" in caplog.text


def test_renewed_invitation_is_emailed_again_with_the_new_link(client_as, team_world, smtp):
    admin = client_as("admin")
    first = page_link(invite(admin, team_world))
    stored = db.session.scalar(sa.select(Invite))
    response = admin.post(f"/admin/invites/{stored.id}/renew")
    renewed = page_link(text(admin.get(response.headers["Location"])))
    assert renewed != first
    assert [urlsplit(renewed).path in m.get_content() for m in smtp.messages] == [False, True]


def test_bulk_invitations_go_out_over_one_connection(client_as, team_world, smtp):
    rows = "".join(f"p{n}@example.org,Grade 4 Team\n" for n in range(3))
    upload = (io.BytesIO(f"email,team\n{rows}".encode()), "people.csv")
    response = client_as("admin").post("/admin/invites/bulk", data={"file": upload})
    assert response.status_code == 200
    assert "3 of 3 e-mailed." in text(response)
    assert sorted(m["To"] for m in smtp.messages) == [f"p{n}@example.org" for n in range(3)]
    assert smtp.connections == 1


@pytest.mark.parametrize(
    ("setting", "reason"),
    [
        ({"SMTP_STARTTLS": True}, "the mail server does not offer STARTTLS or sign-in"),
        ({"SMTP_USER": "tandem", "SMTP_PASSWORD": "x"}, "the mail server does not offer STARTTLS"),
        ({"SMTP_HOST": "mail.invalid"}, "the mail server's name (SMTP_HOST) could not be found"),
    ],
    ids=["no-starttls", "no-auth", "unknown-host"],
)
def test_misconfigured_mail_is_explained_and_the_link_kept(
    app, client_as, team_world, smtp, setting, reason
):
    app.config.update(setting)
    page = invite(client_as("admin"), team_world)
    assert f"Not e-mailed: {reason}" in page
    assert page_link(page)


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, (None, 587, True)),
        ({"SMTP_HOST": "smtp.district.org", "SMTP_PORT": "25"}, ("smtp.district.org", 25, False)),
        ({"SMTP_HOST": "m", "SMTP_PORT": "2525", "SMTP_STARTTLS": "yes"}, ("m", 2525, True)),
        ({"SMTP_HOST": "m", "SMTP_STARTTLS": "false"}, ("m", 587, False)),
    ],
)
def test_smtp_settings_come_from_the_environment(monkeypatch, tmp_path, environment, expected):
    from app import config

    for key in ("SMTP_HOST", "SMTP_PORT", "SMTP_STARTTLS"):
        monkeypatch.delenv(key, raising=False)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    settings = config.from_environment(tmp_path)
    assert (settings["SMTP_HOST"], settings["SMTP_PORT"], settings["SMTP_STARTTLS"]) == expected
