"""examples/log_viewer.py with desklaunch.testing, in process: the log, its summary, filters."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "log_viewer.py"


def test_the_sample_log_streams_in_and_the_errors_can_be_shown_and_saved(desklaunch_app
                                                                        ) -> None:
    app = desklaunch_app(EXAMPLE)
    bar = app.find("progressbar", "read")
    assert (bar.value, bar.text) == (100, "400 of 400 lines")
    log = app.find("region", "Scrollable area")
    assert len(log.find_all("paragraph")) == 400
    table = app.find("table")
    assert [cell.text for cell in table.find_all("columnheader")] == ["Level", "Lines"]
    error_row = next(row for row in table.find_all("row") if "ERROR" in row.text)
    errors = int(error_row.find_all("cell")[-1].text)
    app.click("Errors only")
    shown = app.find("region", "Scrollable area").find_all("paragraph")
    assert len(shown) == errors and all(" ERROR " in line.text for line in shown)
    app.click(f"Save the {errors} errors")
    saved = app.downloads[-1].content.decode().splitlines()
    assert len(saved) == errors and all(" ERROR " in line for line in saved)
    app.click("Everything")
    assert len(app.find("region", "Scrollable area").find_all("paragraph")) == 400


def test_a_log_file_given_on_the_command_line_is_read(desklaunch_app, tmp_path) -> None:
    log = tmp_path / "service.log"
    log.write_text("2026-03-01 10:00:00 INFO started\n2026-03-01 10:00:01 ERROR boom\n")
    app = desklaunch_app(EXAMPLE, args=[log])
    assert app.find("heading", "service.log")
    assert app.find("progressbar", "read").text == "2 of 2 lines"
    assert "2026-03-01 10:00:01 ERROR boom" in app.text
    assert app.find("button", "Save the 1 errors")
