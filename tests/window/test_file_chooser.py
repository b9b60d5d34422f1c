"""file_upload in a real window opens the system's file chooser and returns the file's path.

Only pywebview's `create_file_dialog` is stubbed (dialog_driver.py); the window, the page,
the server and the script are real.
"""

from __future__ import annotations

import json
from pathlib import Path

from windowrun import run_in_window, run_with_dialogs


def test_the_system_chooser_picks_files_and_the_script_gets_their_paths(tmp_path: Path) -> None:
    photo = tmp_path / "pics" / "cat.png"
    photo.parent.mkdir()
    photo.write_bytes(b"\x89PNG-cat")
    notes = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in notes:
        path.write_text(path.stem * 3)
    script = tmp_path / "chooser.py"
    script.write_text(
        "from desklaunch.ui import file_upload, put_text\n"
        "f = file_upload('Photo', accept='.png', required=True)\n"
        "put_text(f\"Photo {f['filename']} {f['mime_type']} {len(f['content'])} at {f['path']}\")\n"
        "files = file_upload('Notes', multiple=True)\n"
        "put_text('Notes ' + ' '.join(x['content'].decode() for x in files))\n"
    )
    result = run_with_dialogs(script, [
        {"do": "click", "text": "Choose file"},  # cancelled: the field stays empty
        {"do": "click", "text": "Submit"},
        {"do": "expect", "text": "Please choose a file"},
        {"do": "click", "text": "Choose file"},
        {"do": "expect", "text": "cat.png"},
        {"do": "click", "text": "Submit"},
        {"do": "expect", "text": f"Photo cat.png image/png 8 at {photo}"},
        {"do": "click", "text": "Choose file"},
        {"do": "expect", "text": "b.txt"},
        {"do": "click", "text": "Submit"},
        {"do": "expect", "text": "Notes aaa bbb"},
        {"do": "close"},
    ], [None, [str(photo)], [str(p) for p in notes]], tmp_path)
    dialogs = result["dialogs"]
    assert [d["allow_multiple"] for d in dialogs] == [False, False, True]
    assert any("*.png" in kind for kind in dialogs[0]["file_types"])
    assert dialogs[2]["file_types"] == []


def test_the_file_renamer_example_renames_the_chosen_files_on_disk(tmp_path: Path) -> None:
    example = Path(__file__).parents[2] / "examples" / "file_renamer.py"
    folder = tmp_path / "shots"
    folder.mkdir()
    chosen = [folder / "IMG_1.JPG", folder / "IMG_2.JPG"]
    for path in chosen:
        path.write_text(path.stem)
    (folder / "new-2.jpg").write_text("already here")
    run_with_dialogs(example, [
        {"do": "click", "text": "Choose file"},
        {"do": "expect", "text": "IMG_2.JPG"},
        {"do": "click", "text": "Submit"},
        {"do": "answer", "label": "Prefix", "value": "new-"},
        {"do": "expect", "text": "Becomes"},
        {"do": "click", "text": "Rename"},
        {"do": "expect", "text": "Renamed 1 of 2 files."},
        {"do": "close"},
    ], [[str(p) for p in chosen]], tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["IMG_2.JPG", "new-1.jpg", "new-2.jpg"]
    assert (folder / "new-1.jpg").read_text() == "IMG_1"
    assert (folder / "new-2.jpg").read_text() == "already here"


def test_console_mode_browse_buttons_open_the_folder_and_file_dialogs(tmp_path: Path) -> None:
    """`desklaunch unpack.py`: an argparse program's folder and file arguments get choosers."""
    script = tmp_path / "unpack.py"
    script.write_text(
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        "parser.add_argument('archive', help='the archive to unpack')\n"
        "parser.add_argument('--output-dir', help='where the files go')\n"
        "args = parser.parse_args()\n"
        "print(f'unpack {args.archive} into {args.output_dir}')\n"
    )
    result, proc, _ = run_in_window(script, [
        {"do": "click", "text": "Browse for Output dir"},
        {"do": "expect_value", "label": "Output dir", "value": "/chosen/folder"},
        {"do": "click", "text": "Browse for Archive"},
        {"do": "expect_value", "label": "Archive", "value": "/chosen/a.zip"},
        {"do": "click", "text": "Run"},
        {"do": "expect", "text": "unpack /chosen/a.zip into /chosen/folder"},
        {"do": "close"},
    ], tmp_path, driver="cli_dialog_driver.py",
        extra=(json.dumps(["/chosen/folder", ["/chosen/a.zip"]]),))
    assert [d["dialog_type"] for d in result["dialogs"]] == [20, 10]  # FOLDER, then OPEN
    assert proc.returncode == 0
