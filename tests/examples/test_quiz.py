"""examples/quiz.py: one input_group of questions, a group check, then the score table."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

EXAMPLE = Path(__file__).parents[2] / "examples" / "quiz.py"


def test_the_quiz_checks_the_whole_form_then_scores_it(pilot) -> None:
    app = pilot(EXAMPLE)
    page = app.page
    page.get_by_role("radio", name="Canberra").check()
    app.submit()
    expect(app.alert()).to_have_text("Tick at least one planet")
    page.get_by_role("checkbox", name="Mars").check()
    page.get_by_role("checkbox", name="Venus").check()
    page.get_by_role("slider").fill("100")
    app.fill("Who wrote Frankenstein?", "Bram Stoker")
    app.choose("How sure are you?", "Very")
    app.submit()
    table = page.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(5)
    app.expect_text("Score: 3 of 4 (you were very sure)")
    app.expect_finished()


def test_the_quiz_can_be_cancelled(pilot) -> None:
    app = pilot(EXAMPLE)
    app.click("Cancel")
    app.expect_text("Maybe another time.")
