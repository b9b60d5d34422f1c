"""The error box names the log file, when the app keeps one (frozen apps, launch())."""

from __future__ import annotations

from pathlib import Path

from desklaunch.core import logs


def test_the_error_box_says_where_the_log_file_is(pilot, monkeypatch, tmp_path: Path) -> None:
    log_file = tmp_path / "my app ü" / "desklaunch.log"
    monkeypatch.setattr(logs, "_path", log_file)

    def script() -> None:
        raise RuntimeError("the disk is full")

    app = pilot(script, expect_error=True)
    assert "RuntimeError: the disk is full" in app.expect_crash()
    app.expect_text(f"Details are saved in the log file: {log_file}")


def test_without_a_log_file_the_error_box_names_none(pilot) -> None:
    def script() -> None:
        raise RuntimeError("the disk is full")

    app = pilot(script, expect_error=True)
    app.expect_crash()
    app.expect_no_text("log file")
