"""The system file dialogs with GTK: file_upload, put_file/download and console mode's
Browse… buttons reach a real `Gtk.FileChooserDialog` made by pywebview's GTK backend.

Only the person at the dialog is stood in for (gtk_dialog_driver.py replaces the dialog's
`run()` and the files picked); desklaunch, pywebview's GTK backend, the dialog it builds,
the page, the server and the script are real, on Xvfb.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from windowrun import run_in_window


def with_gtk_dialogs(script: Path, actions: list[dict[str, Any]], answers: list[Any],
                     tmp_path: Path, *, console: bool = False) -> dict[str, Any]:
    extra = (json.dumps(answers), "console") if console else (json.dumps(answers),)
    result, proc, _ = run_in_window(script, actions, tmp_path, driver="gtk_dialog_driver.py",
                                    extra=extra, gui="gtk")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert all(d["on_gtk_thread"] for d in result["dialogs"])  # GTK's own loop showed it
    return result


def test_the_gtk_chooser_picks_files_and_the_script_gets_them(tmp_path: Path) -> None:
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
        "put_text(f\"Photo {f['filename']} {len(f['content'])} at {f['path']}\")\n"
        "files = file_upload('Notes', multiple=True)\n"
        "put_text('Notes ' + ' '.join(x['content'].decode() for x in files))\n"
    )
    result = with_gtk_dialogs(script, [
        {"do": "click", "text": "Choose file"},  # cancelled: the field stays empty
        {"do": "click", "text": "Submit"},
        {"do": "expect", "text": "Please choose a file"},
        {"do": "click", "text": "Choose file"},
        {"do": "expect", "text": "cat.png"},
        {"do": "click", "text": "Submit"},
        {"do": "expect", "text": f"Photo cat.png 8 at {photo}"},
        {"do": "click", "text": "Choose file"},
        {"do": "expect", "text": "b.txt"},
        {"do": "click", "text": "Submit"},
        {"do": "expect", "text": "Notes aaa bbb"},
        {"do": "close"},
    ], [None, [str(photo)], [str(p) for p in notes]], tmp_path)
    dialogs = result["dialogs"]
    assert [d["action"] for d in dialogs] == ["open"] * 3
    assert [d["select_multiple"] for d in dialogs] == [False, False, True]
    # the accepted type became a real GTK filter (the one shown first), "all files" after it
    assert [f["shows"] for f in dialogs[0]["filters"]] == [["cat.png"], ["cat.png", "notes.txt"]]
    assert dialogs[0]["filters"][0]["name"] == "Accepted files"
    assert dialogs[2]["filters"] == []


def test_put_file_and_download_save_where_the_person_chose_in_the_gtk_dialog(
        tmp_path: Path) -> None:
    chosen = tmp_path / "out" / "my report.csv"
    chosen.parent.mkdir()
    again = tmp_path / "notes.txt"
    script = tmp_path / "saver.py"
    script.write_text(
        "from desklaunch.ui import download, put_buttons, put_file, put_text\n"
        "put_file('report.csv', 'a,b\\n1,2\\n', label='Save the report')\n"
        "put_buttons(['Export notes'], onclick=lambda _: (download('notes.txt', b'hi'),\n"
        "                                              put_text('export returned')))\n"
    )
    result = with_gtk_dialogs(script, [
        {"do": "click", "text": "Save the report"},
        {"do": "expect", "text": f"Saved to {chosen}"},
        {"do": "click", "text": "Save the report"},  # cancelled: nothing written, no notice
        {"do": "click", "text": "Export notes"},
        {"do": "expect", "text": "export returned"},
        {"do": "expect", "text": f"Saved to {again}"},
        {"do": "read"},
        {"do": "close"},
    ], [str(chosen), None, str(again)], tmp_path)
    assert chosen.read_text() == "a,b\n1,2\n"
    assert again.read_bytes() == b"hi"
    # the dialog suggested the file's own name
    assert [(d["action"], d["current_name"]) for d in result["dialogs"]] == [
        ("save", "report.csv"), ("save", "report.csv"), ("save", "notes.txt")]
    assert "Could not save" not in result["text"]


def test_console_mode_browse_buttons_open_the_gtk_folder_and_file_choosers(
        tmp_path: Path) -> None:
    script = tmp_path / "unpack.py"
    script.write_text(
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        "parser.add_argument('archive', help='the archive to unpack')\n"
        "parser.add_argument('--output-dir', help='where the files go')\n"
        "args = parser.parse_args()\n"
        "print(f'unpack {args.archive} into {args.output_dir}')\n"
    )
    result = with_gtk_dialogs(script, [
        {"do": "click", "text": "Browse for Output dir"},
        {"do": "expect_value", "label": "Output dir", "value": "/chosen/folder"},
        {"do": "click", "text": "Browse for Archive"},
        {"do": "expect_value", "label": "Archive", "value": "/chosen/a.zip"},
        {"do": "click", "text": "Run"},
        {"do": "expect", "text": "unpack /chosen/a.zip into /chosen/folder"},
        {"do": "close"},
    ], ["/chosen/folder", ["/chosen/a.zip"]], tmp_path, console=True)
    assert [d["action"] for d in result["dialogs"]] == ["select-folder", "open"]


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_ctrl_c_or_sigterm_while_a_gtk_file_chooser_is_open_ends_the_app(
        signal_name: str, tmp_path: Path) -> None:
    """The chooser runs a loop of its own inside GTK's: closed from outside, the window
    answers it Cancel, as the person would, instead of waiting for them."""
    script = tmp_path / "upload.py"
    script.write_text(
        "from desklaunch.ui import file_upload, put_text\n"
        "try:\n"
        "    file_upload('Photo')\n"
        "finally:\n"
        "    print('script ended')\n"
    )
    result, proc, _ = run_in_window(
        script, [{"do": "click", "text": "Choose file"},
                 {"do": "signal", "signal": signal_name}],
        tmp_path, driver="gtk_dialog_driver.py", extra=(json.dumps(["stay"]),), gui="gtk")
    assert result["dialogs"][0]["action"] == "open"  # the real chooser was open
    assert (result["code"], proc.returncode) == (130, 130), proc.stderr[-3000:]
    assert "script ended" in proc.stdout  # stopped in order: its `finally` ran
    assert "Traceback" not in proc.stderr
