"""examples/notes.py with desklaunch.testing, in process: read notes, write one in a popup."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "notes.py"


def test_reading_and_writing_notes(desklaunch_app) -> None:
    app = desklaunch_app(EXAMPLE)
    assert app.find("heading", "Welcome")
    app.choose("Note", "Shopping")
    assert app.find("row", "Apples 6")
    app.click("New note")
    assert app.popup is not None and app.popup.name == "New note"
    app.click("Save")
    assert app.toasts == ["Give the note a title"]
    app.fill("Title", "Ideas")
    app.fill("Text (Markdown)", "# Ideas\n\n- a **bold** one")
    app.click("Save")
    assert app.popup is None
    assert app.find("heading", "Ideas")
    assert app.find("strong").text == "bold"


def test_notes_are_read_from_a_folder_and_saved_there(desklaunch_app, tmp_path) -> None:
    (tmp_path / "Plans.md").write_text("# Plans\n\nNothing yet.", encoding="utf-8")
    app = desklaunch_app(EXAMPLE, args=[tmp_path])
    assert app.find("heading", "Plans")
    app.click("New note")
    app.fill("Title", "Later")
    app.fill("Text (Markdown)", "Some *day*")
    app.click("Save")
    assert "Saved Later" in app.toasts
    assert (tmp_path / "Later.md").read_text(encoding="utf-8") == "Some *day*"
