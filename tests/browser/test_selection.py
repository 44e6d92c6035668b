"""Selecting a shared task in real Chromium with three screens: the projector shows the board,
two teachers propose, do the math, calibrate and vote; a planner reveals and decides. Every
screen follows without a reload, and the projector never shows unrevealed work."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in
from tests.factories import PASSWORD, make_cycle, make_world
from tests.tasks.factories import make_task

pytestmark = pytest.mark.browser

SOLUTION = "Cut each fourth in two: 3/4 = 6/8."


def my_work(page: Page, title: str):
    return page.locator("details.my-work").filter(has=page.locator("summary", has_text=title))


def test_three_screens_run_a_selection_from_proposal_to_decision(new_context, app):
    world = make_world()
    cycle = make_cycle(world.team, title="Grade 4 — equivalent fractions")
    make_task(world.team, title="Garden Plots")
    board_url, cycle_url = f"/cycles/{cycle.id}/board", f"/cycles/{cycle.id}"

    projector = new_context().new_page()
    sign_in(projector, world.mentor.email, PASSWORD)
    expect(projector.get_by_role("navigation", name="Main")).to_be_visible()
    projector.goto(board_url)
    expect(projector.get_by_text("No candidate yet.")).to_be_visible()

    teacher = new_context().new_page()
    sign_in(teacher, world.teacher.email, PASSWORD)
    expect(teacher.get_by_role("navigation", name="Main")).to_be_visible()
    teacher.goto(cycle_url)
    teacher.get_by_label("Find a task in the library").fill("garden")
    teacher.get_by_role("button", name="Search").click()
    teacher.get_by_role("button", name="Propose Garden Plots").click()
    expect(teacher.get_by_text("“Garden Plots” is a candidate.")).to_be_visible()
    expect(projector.get_by_role("heading", name="Garden Plots")).to_be_visible()

    leader = new_context().new_page()
    sign_in(leader, world.leader.email, PASSWORD)
    expect(leader.get_by_role("navigation", name="Main")).to_be_visible()
    leader.goto(cycle_url)
    leader.get_by_role("link", name="Write a new task").click()
    leader.get_by_label("Title").fill("Sharing Brownies")
    leader.get_by_label("Task statement").fill("Four friends share three brownies equally.")
    leader.get_by_label("Level of cognitive demand").select_option("doing_mathematics")
    leader.get_by_label("Why this level").fill("Students choose how to share.")
    leader.get_by_role("button", name="Propose this task").click()
    expect(leader.get_by_text("Your task is a draft of the team and a candidate.")).to_be_visible()
    expect(projector.get_by_role("heading", name="Sharing Brownies")).to_be_visible()
    expect(teacher.locator("#selection-board").get_by_text("Sharing Brownies")).to_be_visible()

    teacher.reload()
    garden = my_work(teacher, "Garden Plots")
    garden.locator("summary").click()
    garden.get_by_label("My solution").fill(SOLUTION)
    garden.get_by_label("The demand I see").select_option("doing_mathematics")
    garden.get_by_role("button", name="Save my work on Garden Plots").click()
    expect(teacher.get_by_text("Only you see it until the facilitator reveals.")).to_be_visible()
    expect(projector.get_by_text("1 of 3 solved it").first).to_be_visible()
    expect(projector.get_by_text(SOLUTION)).to_have_count(0)

    leader.reload()
    garden = my_work(leader, "Garden Plots")
    garden.locator("summary").click()
    expect(garden.get_by_label("My solution")).to_have_value("")
    garden.get_by_label("The demand I see").select_option("procedures_with_connections")
    garden.get_by_role("button", name="Save my work on Garden Plots").click()
    expect(projector.get_by_text("2 of 3 classified its demand").first).to_be_visible()

    garden = my_work(teacher, "Garden Plots")
    expect(garden).to_have_attribute("open", "")  # back on the candidate just worked on
    garden.get_by_label("My dots for Garden Plots").fill("2")
    garden.get_by_role("button", name="Place my dots on Garden Plots").click()
    expect(teacher.get_by_text("You have 1 of 3 dots left.")).to_be_visible()
    garden_on_board = projector.locator(".board-candidate").filter(
        has=projector.get_by_role("heading", name="Garden Plots")
    )
    expect(garden_on_board.locator(".dots-count")).to_have_text("2")
    screenshot(projector, "selection-projector-before-reveal")

    leader.get_by_role("button", name="Reveal everyone's solutions and calibrations").click()
    expect(projector.get_by_text(SOLUTION)).to_be_visible()
    expect(projector.get_by_text("Demand calibration: neighbouring levels")).to_be_visible()
    expect(teacher.locator("#selection-board").get_by_text(SOLUTION)).to_be_visible()
    screenshot(projector, "selection-projector-revealed")
    screenshot(teacher, "selection-teacher-revealed")

    leader.get_by_role("link", name="Close the vote…").click()
    expect(leader.get_by_text("Closing is final")).to_be_visible()
    leader.get_by_label("Shared task").select_option(label="Garden Plots (2 dots)")
    leader.get_by_label("Why this task").fill("Everyone found an entry point.")
    leader.get_by_role("button", name="Close the vote and choose this task").click()
    expect(leader.get_by_text("“Garden Plots” is the shared task.")).to_be_visible()
    expect(projector.get_by_text("Everyone found an entry point.")).to_be_visible()
    expect(garden_on_board.get_by_text("Shared task")).to_be_visible()
    expect(teacher.get_by_text("The vote is closed")).to_be_visible()
    expect(leader.get_by_text("Dots from Priya Teacher (2)")).to_be_visible()
    screenshot(projector, "selection-projector-decided")
    screenshot(leader, "selection-cycle-record")
