"""Two teachers co-edit one lesson in real Chromium, each in their own browser: each sees the
other's saves without a reload and who is editing what; a simultaneous edit of the same field
shows both versions side by side and the merge keeps every word; a save made offline waits and
lands when the connection returns; a draft left unsaved is offered back."""

import pytest
from playwright.sync_api import Page, expect

from app.extensions import db
from app.lessons import writing
from app.lessons.models import Lesson
from tests.browser.conftest import screenshot, sign_in, sign_out
from tests.browser.test_accessibility import AXE, describe
from tests.factories import PASSWORD, make_world
from tests.lessons.helpers import make_lesson

pytestmark = pytest.mark.browser


def field(page: Page, key: str):
    return page.locator(f"#field-{key}")


def open_lesson(page: Page, email: str, url: str) -> None:
    sign_in(page, email, PASSWORD)
    # Signing in hashes a password: slow on a busy machine.
    expect(page.get_by_role("navigation", name="Main")).to_be_visible(timeout=30_000)
    page.goto(url)
    expect(page.get_by_role("heading", name="The plan", exact=True)).to_be_visible()
    # The live stream is open before anyone saves.
    page.wait_for_function(
        "() => { const e = document.querySelector('[sse-connect]');"
        " return e && e['htmx-internal-data'] && e['htmx-internal-data'].sseEventSource &&"
        " e['htmx-internal-data'].sseEventSource.readyState === 1; }"
    )


def saved_value(lesson_id: int, name: str) -> str:
    db.session.expire_all()
    return getattr(db.session.get(Lesson, lesson_id), name)


def test_two_teachers_co_edit_a_lesson_without_losing_a_word(new_context):
    world = make_world()
    lesson = make_lesson(world.team)
    writing.add_response(world.leader, lesson, {"name": "Halves then quarters"})
    url = f"/cycles/{lesson.cycle_id}/lesson"

    priya = new_context().new_page()  # world.teacher
    open_lesson(priya, world.teacher.email, url)
    jordan = new_context().new_page()  # world.leader
    open_lesson(jordan, world.leader.email, url)

    # Priya saves the goal; Jordan sees it without a reload.
    priya.get_by_role("link", name="Edit Mathematical learning goal").click()
    priya.get_by_label("Mathematical learning goal", exact=True).fill(
        "Equal shares can be named as fractions."
    )
    priya.get_by_role("button", name="Save", exact=True).click()
    expect(field(priya, "plan-learning_goal")).to_contain_text("Equal shares can be named")
    expect(field(jordan, "plan-learning_goal")).to_contain_text(
        "Equal shares can be named", timeout=1_500
    )

    # Jordan opens Launch (by clicking its text); Priya sees who is editing it.
    field(jordan, "plan-launch").get_by_text("Not written yet.").click()
    launch_box = jordan.get_by_label("Launch", exact=True)
    expect(launch_box).to_be_focused()
    expect(field(priya, "plan-launch")).to_contain_text("Jordan Leader is editing")
    screenshot(priya, "lesson-coedit-presence")

    # Both edit Launch; Priya saves first, Jordan second: Jordan is told, sees both, merges.
    priya.get_by_role("link", name="Edit Launch", exact=True).click()
    priya.get_by_label("Launch", exact=True).fill("Show three brownies on the board.")
    launch_box.fill("Ask who has shared food fairly.")
    priya.get_by_role("button", name="Save", exact=True).click()
    expect(field(priya, "plan-launch")).to_contain_text("Show three brownies")
    expect(field(jordan, "plan-launch")).to_contain_text(
        "Priya Teacher saved a new version while you were editing"
    )
    expect(launch_box).to_have_value("Ask who has shared food fairly.")  # kept, not clobbered
    field(jordan, "plan-launch").get_by_role("button", name="Save", exact=True).click()
    conflict = field(jordan, "plan-launch")
    expect(conflict.get_by_role("heading", name="Theirs — saved by Priya Teacher")).to_be_visible()
    expect(conflict.get_by_role("heading", name="Yours")).to_be_visible()
    expect(conflict).to_contain_text("Show three brownies on the board.")
    expect(conflict).to_contain_text("Ask who has shared food fairly.")
    screenshot(jordan, "lesson-coedit-conflict")
    found = AXE.run(jordan).response["violations"]
    assert not found, describe(found)
    merge = conflict.get_by_label("Merge: edit both into one")
    expect(merge).to_have_value(
        "Show three brownies on the board.\n\nAsk who has shared food fairly."
    )
    merge.fill("Ask who has shared food fairly, then show three brownies on the board.")
    conflict.get_by_role("button", name="Save the merge").click()
    merged = "Ask who has shared food fairly, then show three brownies on the board."
    expect(field(jordan, "plan-launch")).to_contain_text(merged)
    expect(field(priya, "plan-launch")).to_contain_text(merged, timeout=1_500)
    assert saved_value(lesson.id, "launch") == merged
    assert jordan.evaluate("localStorage.length") == 0  # the merge saved: no draft left
    expect(field(priya, "plan-launch")).not_to_contain_text("is editing")

    # Jordan loses the connection mid-edit: the save waits, says so, and lands once back.
    jordan.get_by_role("link", name="Edit Explore", exact=True).click()
    jordan.get_by_label("Explore", exact=True).fill("Pairs share with paper brownies.")
    jordan.context.set_offline(True)
    jordan.get_by_role("button", name="Save", exact=True).click()
    expect(field(jordan, "plan-explore")).to_contain_text("Not saved — you're offline")
    screenshot(jordan, "lesson-coedit-offline", full_page=False)
    assert saved_value(lesson.id, "explore") == ""
    jordan.context.set_offline(False)
    expect(field(jordan, "plan-explore").get_by_role("link", name="Edit Explore")).to_be_visible(
        timeout=10_000
    )
    expect(field(priya, "plan-explore")).to_contain_text("Pairs share with paper brownies.")
    assert saved_value(lesson.id, "explore") == "Pairs share with paper brownies."


def test_an_unsaved_draft_is_offered_back_and_escape_cancels(new_context):
    world = make_world()
    lesson = make_lesson(world.team)
    url = f"/cycles/{lesson.cycle_id}/lesson"
    page = new_context().new_page()
    open_lesson(page, world.teacher.email, url)

    page.get_by_role("link", name="Edit Materials").click()
    page.get_by_label("Materials", exact=True).fill("Paper brownies, scissors")
    page.reload()  # the tab closes before the save
    offer = field(page, "plan-materials")
    expect(offer).to_contain_text("Your unsaved text from")
    screenshot(page, "lesson-coedit-draft", full_page=False)
    offer.get_by_role("button", name="Put your unsaved text back in Materials").click()
    expect(page.get_by_label("Materials", exact=True)).to_have_value("Paper brownies, scissors")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(field(page, "plan-materials")).to_contain_text("Paper brownies, scissors")
    assert saved_value(lesson.id, "materials") == "Paper brownies, scissors"
    page.reload()
    expect(field(page, "plan-materials")).not_to_contain_text("Your unsaved text")

    page.get_by_role("link", name="Edit Supports for access").click()
    page.get_by_label("Supports for access", exact=True).fill("Fraction strips")
    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="Edit Supports for access")).to_be_focused()
    assert saved_value(lesson.id, "supports") == ""

    # Too long: said beside the field, every character kept.
    page.get_by_role("link", name="Edit Big ideas").click()
    page.get_by_label("Big ideas", exact=True).fill("Fair shares. " * 308)
    page.get_by_role("button", name="Save", exact=True).click()
    big_ideas = field(page, "plan-big_ideas")
    expect(big_ideas).to_contain_text("Keep this to 4,000 characters (it has 4,003).")
    expect(page.get_by_label("Big ideas", exact=True)).to_have_value(
        ("Fair shares. " * 308).strip()
    )
    screenshot(page, "lesson-coedit-too-long", full_page=False)
    page.keyboard.press("Escape")

    # The server fails once: the editor stays with the text, and the save is tried again.
    def busy(route):
        if route.request.method == "POST":
            route.fulfill(status=503, body="Busy")
        else:
            route.continue_()

    page.route("**/fields/exit_prompt", busy)
    page.get_by_role("link", name="Edit Exit prompt").click()
    page.get_by_label("Exit prompt", exact=True).fill("Name one share as a fraction.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(field(page, "plan-exit_prompt")).to_contain_text("Tandem could not save just now")
    expect(page.get_by_label("Exit prompt", exact=True)).to_have_value(
        "Name one share as a fraction."
    )
    page.unroute("**/fields/exit_prompt")
    expect(
        field(page, "plan-exit_prompt").get_by_role("link", name="Edit Exit prompt")
    ).to_be_visible(timeout=10_000)
    assert saved_value(lesson.id, "exit_prompt") == "Name one share as a fraction."

    # A shared school computer: signing out forgets what was left unsaved.
    page.get_by_role("link", name="Edit Extensions").click()
    page.get_by_label("Extensions", exact=True).fill("Share among five")
    assert page.evaluate("localStorage.length") == 1
    sign_out(page, world.teacher.name)
    assert page.evaluate("localStorage.length") == 0


def test_a_save_sent_again_after_a_dropped_connection_shows_a_teammates_save_meanwhile(
    new_context,
):
    world = make_world()
    lesson = make_lesson(world.team)
    url = f"/cycles/{lesson.cycle_id}/lesson"
    priya = new_context().new_page()
    open_lesson(priya, world.teacher.email, url)
    jordan = new_context().new_page()
    open_lesson(jordan, world.leader.email, url)

    jordan.get_by_role("link", name="Edit Exit prompt").click()
    jordan.get_by_label("Exit prompt", exact=True).fill("Explain in words how you shared.")
    jordan.context.set_offline(True)
    jordan.get_by_role("button", name="Save", exact=True).click()
    expect(field(jordan, "plan-exit_prompt")).to_contain_text("Not saved — you're offline")

    priya.get_by_role("link", name="Edit Exit prompt").click()
    priya.get_by_label("Exit prompt", exact=True).fill("Draw how you shared.")
    priya.get_by_role("button", name="Save", exact=True).click()
    expect(field(priya, "plan-exit_prompt")).to_contain_text("Draw how you shared.")

    jordan.context.set_offline(False)
    conflict = field(jordan, "plan-exit_prompt")
    expect(conflict.get_by_role("heading", name="Theirs — saved by Priya Teacher")).to_be_visible(
        timeout=10_000
    )
    expect(conflict).to_contain_text("Explain in words how you shared.")
    conflict.get_by_role("button", name="Keep mine").click()
    expect(field(priya, "plan-exit_prompt")).to_contain_text("Explain in words how you shared.")
    assert saved_value(lesson.id, "exit_prompt") == "Explain in words how you shared."
    # Jordan's own page has settled (the conflict closed) before he opens the next field.
    expect(conflict.get_by_role("heading", name="Theirs — saved by Priya Teacher")).to_have_count(0)

    # Leaving the lesson by a link while editing takes the name off the field.
    jordan.get_by_role("link", name="Edit Discuss (consolidation)").click()
    expect(field(jordan, "plan-discuss").get_by_role("textbox")).to_be_visible()
    expect(field(priya, "plan-discuss")).to_contain_text("Jordan Leader is editing")
    jordan.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Sharing brownies, January"
    ).click()
    expect(jordan.get_by_role("heading", name="Sharing brownies, January")).to_be_visible()
    expect(field(priya, "plan-discuss")).not_to_contain_text("is editing")
