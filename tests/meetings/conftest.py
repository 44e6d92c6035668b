"""A meeting of team_world's team, and clients signed in as anyone."""

import pytest

from tests import factories
from tests.conftest import Auth


@pytest.fixture
def client_for(app):
    """client_for(user) -> a test client signed in as any user."""

    def make(user):
        client = app.test_client()
        Auth(client).login(user)
        return client

    return make


@pytest.fixture
def meeting(team_world):
    """Three segments; the mentor facilitates the first and last, the leader the middle one."""
    return factories.make_meeting(
        team_world.team,
        title="Fractions planning",
        segments=[
            {"title": "Check-in", "planned_minutes": 5, "facilitator": team_world.mentor},
            {"title": "Do the math", "planned_minutes": 20, "facilitator": team_world.leader},
            {"title": "Next steps", "planned_minutes": 10, "facilitator": team_world.mentor},
        ],
    )


@pytest.fixture
def running_meeting(team_world):
    return factories.make_meeting(
        team_world.team,
        title="Fractions planning",
        running=True,
        segments=[
            {"title": "Check-in", "planned_minutes": 5, "facilitator": team_world.mentor},
            {"title": "Do the math", "planned_minutes": 20, "facilitator": team_world.leader},
            {"title": "Next steps", "planned_minutes": 10, "facilitator": team_world.mentor},
        ],
    )
