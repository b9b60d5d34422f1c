"""With GTK, as a person sees it: `--reload` shows the saved script's new output in the same
window, and the window carries the app's title (then the one the script sets) and icon.
Real GTK windows on Xvfb, started through desklaunch's command line (gtk_cli_driver.py)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from windowrun import run_in_window

SHELL = Path(__file__).parents[1] / "e2e" / "console" / "scripts" / "files_shell.py"


def png(width: int, height: int) -> bytes:
    """A small opaque PNG of that size (an icon a test can recognise by its size)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    rows = b"".join(b"\x00" + b"\x20\x80\xc0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_reload_shows_the_saved_script_in_the_same_gtk_window(tmp_path: Path) -> None:
    script = tmp_path / "greeting.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('version one')\n")
    _, proc, _ = run_in_window(script, [
        {"do": "expect", "text": "version one"},
        {"do": "write", "path": str(script),
         "text": "from desklaunch.ui import put_text\nput_text('version two')\n"},
        {"do": "expect", "text": "version two"},
        {"do": "expect_gone", "text": "version one"},
        {"do": "write", "path": str(script), "text": "put_text('broken'\n"},
        {"do": "expect", "text": "SyntaxError"},  # the error shows in the window ...
        {"do": "write", "path": str(script),
         "text": "from desklaunch.ui import put_text\nput_text('version three')\n"},
        {"do": "expect", "text": "version three"},  # ... and the next save recovers
        {"do": "close"},
    ], tmp_path, driver="gtk_cli_driver.py", extra=("--reload",), gui="gtk")
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_the_gtk_window_has_the_apps_title_and_icon(tmp_path: Path) -> None:
    icon = tmp_path / "icon.png"
    icon.write_bytes(png(5, 3))
    script = tmp_path / "titled.py"
    script.write_text(
        "from desklaunch.ui import input, put_text, set_env\n"
        "put_text('Ready')\n"
        "input('Go on')\n"
        "set_env(title='Renamed by the script')\n"
        "put_text('Done')\n"
    )
    result, proc, _ = run_in_window(script, [
        {"do": "expect", "text": "Ready"},
        {"do": "look"},
        {"do": "answer", "label": "Go on", "value": "yes"},
        {"do": "expect", "text": "Done"},
        {"do": "expect_title", "title": "Renamed by the script"},
        {"do": "look"},
        {"do": "close"},
    ], tmp_path, driver="gtk_cli_driver.py",
        extra=("--title", "Start title", "--icon", str(icon)), gui="gtk")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert result["looks"] == [{"title": "Start title", "icon": [5, 3]},
                               {"title": "Renamed by the script", "icon": [5, 3]}]


def test_a_shells_lines_are_entered_and_tab_completes_in_a_gtk_window(tmp_path: Path) -> None:
    """WebKitGTK's own list of the shell's commands opens as the empty field takes the focus;
    taken away as the person types, it stayed open unseen and took the Enter of the line."""
    _result, proc, _ = run_in_window(SHELL, [
        {"do": "expect_focus", "label": "(files)"},  # where a person's keys go
        {"do": "keys", "keys": ["o", "p", "Tab"]},
        {"do": "expect_value", "label": "(files)", "value": "open"},
        {"do": "keys", "keys": ["space", "n", "Tab"]},
        {"do": "expect_value", "label": "(files)", "value": "open notes.md"},
        {"do": "keys", "keys": ["Return"]},
        {"do": "expect", "text": "opened notes.md"},
        {"do": "close"},
    ], tmp_path, driver="gtk_cli_driver.py", gui="gtk")
    assert proc.returncode == 0, proc.stderr[-3000:]
