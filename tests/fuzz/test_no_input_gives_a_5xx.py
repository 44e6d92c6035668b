"""Property: whatever is posted or asked for, on any route, the answer is 2xx, 3xx or 4xx.

Every route of app.url_map is called as the person who may use it, with random and nasty
text (NUL bytes, lone surrogates, ², ١٢, huge and negative numbers, strings past every
limit, nothing) in its form fields, its query string and its id/version URL values, on
whichever database the suite runs against (SQLite, or PostgreSQL through DATABASE_URL).

`TANDEM_FUZZ=thorough` runs 1,000 cases per route (see README, Development); the default
quick profile runs TANDEM_FUZZ_EXAMPLES (20) per route within `make test`.
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from app.auth import invitations
from tests.conftest import Auth
from tests.fuzz.targets import FIELD_NAMES, VALUES, encode, route_fields, targets

settings.register_profile(
    "quick",
    max_examples=int(os.environ.get("TANDEM_FUZZ_EXAMPLES", 20)),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.register_profile(
    "thorough",
    max_examples=int(os.environ.get("TANDEM_FUZZ_EXAMPLES", 1000)),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
FUZZ = settings.get_profile(os.environ.get("TANDEM_FUZZ", "quick"))

TARGETS = targets(create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "fuzz"}))


def _extra_values(endpoint: str, world) -> dict:
    """URL values the authorization matrix does not give (routes it exempts)."""
    if endpoint.startswith("auth.accept_invite"):
        invitee = invitations.Invitee("invitee@example.org", team=world.team)
        invite = invitations.create_invite(world.admin, world.team.district, invitee)
        return {"token": invitations.invite_token(invite)}
    return {}


def _pairs(form: dict) -> list[tuple[str, str]]:
    pairs = []
    for name, value in form.items():
        for one in value if isinstance(value, list) else [value]:
            pairs.append((name, str(one)))
    return pairs


def test_every_route_is_fuzzed_or_skipped_with_a_reason(app):
    fuzzed = {t.endpoint for t in TARGETS}
    assert fuzzed, "no route found to fuzz"
    assert "auth.login_post" in fuzzed and "run.present" in fuzzed


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: f"{t.method} {t.endpoint}")
def test_no_input_gives_a_server_error(app, team_world, target):
    world = team_world
    values = target.values(world) | _extra_values(target.endpoint, world)
    valid = target.valid_form(world)
    person = getattr(world, target.role) if target.role else None
    client = app.test_client()

    def sign_in():
        if person is not None:
            assert Auth(client).login(person).status_code == 302

    sign_in()
    own = sorted(set(valid) | route_fields(app, target.endpoint)) or FIELD_NAMES
    # Mostly the route's own fields, now and then any field of the app.
    names = st.one_of(st.sampled_from(own), st.sampled_from(own), st.sampled_from(FIELD_NAMES))
    path_names = sorted(values)
    fuzz_path = (
        st.sampled_from(path_names).flatmap(lambda n: st.fixed_dictionaries({n: VALUES}))
        if path_names
        else st.just({})
    )

    @FUZZ
    @given(
        form=st.dictionaries(names, st.lists(VALUES, min_size=1, max_size=2), max_size=4),
        query=st.dictionaries(names, VALUES, max_size=2),
        path=st.one_of(st.just({}), fuzz_path),
        htmx=st.booleans(),
    )
    def probe(form, query, path, htmx):
        url = target.path(values, path)
        if query:
            url += "?" + encode(list(query.items())).decode()
        body = encode(_pairs(valid | form)) if target.method == "POST" else None
        response = client.open(
            url,
            method=target.method,
            data=body,
            content_type="application/x-www-form-urlencoded" if body is not None else None,
            headers={"HX-Request": "true"} if htmx else {},
        )
        status = response.status_code
        response.close()
        assert status < 500, f"{target.method} {url[:300]} with {str(form)[:500]}: {status}"
        if target.endpoint == "auth.logout" or "/sign-in" in response.headers.get("Location", ""):
            sign_in()

    probe()
