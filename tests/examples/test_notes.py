"""examples/notes.py: read the notes rendered, and write a new one in a popup."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

EXAMPLE = Path(__file__).parents[2] / "examples" / "notes.py"


def test_reading_and_writing_notes(pilot, monkeypatch) -> None:
    monkeypatch.setattr("sys.argv", [str(EXAMPLE)])  # as `desklaunch examples/notes.py` sets it
    app = pilot(EXAMPLE)
    page = app.page
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
    app.choose("Note", "Shopping")
    expect(page.get_by_role("row", name="Apples 6")).to_be_visible()
    app.click("New note")
    dialog = page.get_by_role("dialog", name="New note")
    dialog.get_by_label("Title").fill("Ideas")
    dialog.get_by_label("Text (Markdown)").fill("# Ideas\n\n- a **bold** one")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_role("heading", name="Ideas")).to_be_visible()
    expect(page.locator("strong", has_text="bold")).to_be_visible()
    expect(app.field("Note")).to_have_value("3")  # the new note is chosen in the list


def test_notes_are_read_from_a_folder_and_saved_there(pilot, monkeypatch, tmp_path) -> None:
    (tmp_path / "Plans.md").write_text("# Plans\n\nNothing yet.", encoding="utf-8")
    monkeypatch.setattr("sys.argv", [str(EXAMPLE), str(tmp_path)])
    app = pilot(EXAMPLE)
    expect(app.page.get_by_role("heading", name="Plans")).to_be_visible()
    app.click("New note")
    dialog = app.page.get_by_role("dialog", name="New note")
    dialog.get_by_label("Title").fill("Later")
    dialog.get_by_label("Text (Markdown)").fill("Some *day*")
    dialog.get_by_role("button", name="Save").click()
    expect(app.toast("Saved Later")).to_be_visible()
    assert (tmp_path / "Later.md").read_text(encoding="utf-8") == "Some *day*"
