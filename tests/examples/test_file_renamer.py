"""examples/file_renamer.py in a browser: files uploaded, a pattern, a preview, copies saved.

(The window path, with the system's chooser and renaming on disk, is
tests/window/test_file_chooser.py's subject for file_upload; here the example's browser
fallback is what a person gets.)
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

EXAMPLE = Path(__file__).parents[2] / "examples" / "file_renamer.py"


def test_files_are_previewed_with_their_new_names_and_offered_as_copies(pilot) -> None:
    app = pilot(EXAMPLE)
    app.field("Files to rename").set_input_files(files=[
        {"name": "IMG_7.JPG", "mimeType": "image/jpeg", "buffer": b"seven"},
        {"name": "IMG_9.JPG", "mimeType": "image/jpeg", "buffer": b"nine"},
    ])
    expect(app.page.get_by_role("listitem")).to_have_count(2)
    app.submit()
    app.fill("Prefix", "trip/")
    app.submit()
    expect(app.alert()).to_contain_text("A file name cannot contain")
    app.fill("Prefix", "trip-")
    app.fill("First number", "9")
    app.submit()
    rows = app.page.get_by_role("table").get_by_role("row")
    expect(rows.nth(1)).to_contain_text("trip-09.jpg")
    expect(rows.nth(2)).to_contain_text("trip-10.jpg")
    app.click("Rename")
    with app.page.expect_download() as info:
        app.click("Save trip-10.jpg")
    assert info.value.suggested_filename == "trip-10.jpg"
    assert Path(info.value.path()).read_bytes() == b"nine"
