"""examples/file_renamer.py with desklaunch.testing, in process: files sent, a pattern,
a preview, and renamed copies offered to save (what a browser gets)."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "file_renamer.py"


def test_files_are_previewed_with_their_new_names_and_offered_as_copies(
        desklaunch_app, tmp_path) -> None:
    for name, data in (("IMG_7.JPG", b"seven"), ("IMG_9.JPG", b"nine")):
        (tmp_path / name).write_bytes(data)
    app = desklaunch_app(EXAMPLE)
    app.upload("Files to rename", tmp_path / "IMG_7.JPG", tmp_path / "IMG_9.JPG")
    app.submit()
    app.fill("Prefix", "trip/")
    app.submit()
    assert "A file name cannot contain" in app.find("alert").text
    app.fill("Prefix", "trip-")
    app.fill("First number", "9")
    app.submit()
    rows = app.find("table").find_all("row")
    assert [row.text.split()[-1] for row in rows[1:]] == ["trip-09.jpg", "trip-10.jpg"]
    app.click("Rename")
    app.click("Save trip-10.jpg")
    assert app.downloads[-1].name == "trip-10.jpg"
    assert app.downloads[-1].content == b"nine"
