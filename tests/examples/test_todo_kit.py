"""examples/todo.py with desklaunch.testing, in process: add, tick off, remove, clear."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "todo.py"


def test_a_day_of_tasks(desklaunch_app) -> None:
    app = desklaunch_app(EXAMPLE)
    assert "Nothing to do." in app.text
    app.click("Add")
    assert app.toasts == ["Type a task first"]
    for task in ("Buy milk", "Call Ada", "Water plants"):
        app.fill("New task", task)
        app.click("Add")
        assert f"• {task}" in app.text
        assert app.find("textbox", "New task").value == ""  # emptied by the script
    assert "3 of 3 left" in app.text
    app.click("Done", index=0)  # each task's buttons sit beside it, in order
    assert "✓ Buy milk" in app.text
    assert "2 of 3 left" in app.text
    app.click("Remove", index=1)
    assert "• Call Ada" not in app.text
    assert "1 of 2 left" in app.text
    app.click("Clear finished")
    assert "✓ Buy milk" not in app.text
    assert "Cleared 1 finished task(s)" in app.toasts
    assert app.text.splitlines()[-6:] == ["• Water plants", "Done", "Remove", "1 of 1 left",
                                          "Clear finished", "Finished"]
