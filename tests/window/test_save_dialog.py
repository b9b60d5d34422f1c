"""put_file and download in a real window save through the system's save dialog.

Only pywebview's dialog call is stubbed (dialog_driver.py); the window, the page, the
server and the script are real.
"""

from __future__ import annotations

from pathlib import Path

import webview
from windowrun import run_with_dialogs


def test_put_file_and_download_save_where_the_person_chose(tmp_path: Path) -> None:
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
    result = run_with_dialogs(script, [
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
    save = int(webview.FileDialog.SAVE)
    assert [(d["dialog_type"], d["save_filename"]) for d in result["dialogs"]] == [
        (save, "report.csv"), (save, "report.csv"), (save, "notes.txt")]
    assert "Could not save" not in result["text"]


def test_a_file_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    script = tmp_path / "saver.py"
    script.write_text(
        "from desklaunch.ui import put_file\n"
        "put_file('data.bin', b'123')\n"
    )
    missing = tmp_path / "no such folder" / "data.bin"
    result = run_with_dialogs(script, [
        {"do": "click", "text": "data.bin"},
        {"do": "expect", "text": "Could not save data.bin"},
        {"do": "read"},
        {"do": "close"},
    ], [str(missing)], tmp_path)
    assert "No such file or directory" in result["text"]
    assert not missing.exists()
