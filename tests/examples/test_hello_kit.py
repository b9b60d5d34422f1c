"""examples/hello.py with desklaunch.testing, in process: ask, greet, a button that still works."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "hello.py"


def test_greets_by_name_and_keeps_its_button(desklaunch_app) -> None:
    app = desklaunch_app(EXAMPLE)
    assert app.title == "Hello"
    app.fill("Your name", "Ada")
    app.submit()
    assert app.text.splitlines() == ["Hello, Ada!", "Again", "Finished"]
    assert app.exit_code == 0
    app.click("Again")
    assert "Clicked Again" in app.text
