"""examples/quiz.py with desklaunch.testing, in process: one form, a group check, a score."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "quiz.py"


def test_the_quiz_checks_the_whole_form_then_scores_it(desklaunch_app) -> None:
    app = desklaunch_app(EXAMPLE)
    app.choose("What is the capital of Australia?", "Canberra")
    app.submit()
    assert [e.text for e in app.find_all("alert")] == ["Tick at least one planet"]
    app.check("Which planets are closer to the Sun than Jupiter?", "Mars", "Venus")
    app.fill("At what temperature does water boil at sea level (°C)?", 100)
    app.fill("Who wrote Frankenstein?", "Bram Stoker")
    app.choose("How sure are you?", "Very")
    app.submit()
    assert len(app.find("table").find_all("row")) == 5
    assert "Score: 3 of 4 (you were very sure)" in app.text
    assert app.exit_code == 0


def test_the_quiz_can_be_cancelled(desklaunch_app) -> None:
    app = desklaunch_app(EXAMPLE)
    app.click("Cancel")
    assert "Maybe another time." in app.text
