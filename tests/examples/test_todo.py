"""examples/todo.py: add tasks, tick one off, remove one, clear the finished ones."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

EXAMPLE = Path(__file__).parents[2] / "examples" / "todo.py"


def test_a_day_of_tasks(pilot) -> None:
    app = pilot(EXAMPLE)
    app.expect_text("Nothing to do.")
    app.click("Add")
    expect(app.toast("Type a task first")).to_be_visible()
    for task in ("Buy milk", "Call Ada", "Water plants"):
        app.fill("New task", task)
        app.click("Add")
        app.expect_text(f"• {task}")
        expect(app.field("New task")).to_have_value("")  # emptied by the script
    app.expect_text("3 of 3 left")
    # Each task's buttons sit beside it, in the order the tasks were added.
    app.page.get_by_role("button", name="Done").first.click()
    app.expect_text("✓ Buy milk")
    app.expect_text("2 of 3 left")
    app.page.get_by_role("button", name="Remove").nth(1).click()
    app.expect_no_text("• Call Ada")
    app.expect_text("1 of 2 left")
    app.click("Clear finished")
    app.expect_no_text("✓ Buy milk")
    app.expect_text("1 of 1 left")
    app.expect_text("• Water plants")
