"""examples/log_viewer.py: a log streams into a view that follows its end, then a summary."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import expect

EXAMPLE = Path(__file__).parents[2] / "examples" / "log_viewer.py"


def test_the_sample_log_streams_in_and_the_errors_can_be_shown_and_saved(pilot,
                                                                       monkeypatch) -> None:
    monkeypatch.setattr(sys, "argv", [str(EXAMPLE)])
    app = pilot(EXAMPLE)
    bar = app.page.get_by_role("progressbar", name="read")
    expect(bar).to_have_attribute("aria-valuenow", "100")
    expect(bar).to_contain_text("400 of 400 lines")
    app.expect_finished()
    log = app.page.get_by_role("region", name="Scrollable area")
    expect(log.get_by_role("paragraph")).to_have_count(400)
    expect(log.get_by_role("paragraph").last).to_be_in_viewport()  # it followed the end
    table = app.page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_text(["Level", "Lines"])
    error_row = table.get_by_role("row").filter(has_text="ERROR")
    errors = int(error_row.get_by_role("cell").last.inner_text())
    assert errors > 0
    app.click("Errors only")
    expect(log.get_by_role("paragraph")).to_have_count(errors)
    expect(log.get_by_role("paragraph").filter(has_not_text=re.compile(" ERROR "))
           ).to_have_count(0)
    with app.page.expect_download() as info:
        app.click(f"Save the {errors} errors")
    saved = Path(info.value.path()).read_text().splitlines()
    assert len(saved) == errors and all(" ERROR " in line for line in saved)
    app.click("Everything")
    expect(log.get_by_role("paragraph")).to_have_count(400)


def test_a_log_file_given_on_the_command_line_is_read(pilot, tmp_path: Path,
                                                      monkeypatch) -> None:
    log = tmp_path / "service.log"
    log.write_text("2026-03-01 10:00:00 INFO started\n2026-03-01 10:00:01 ERROR boom\n")
    monkeypatch.setattr(sys, "argv", [str(EXAMPLE), str(log)])
    app = pilot(EXAMPLE)
    expect(app.page.get_by_role("heading", name="service.log")).to_be_visible()
    expect(app.page.get_by_role("progressbar", name="read")).to_contain_text("2 of 2 lines")
    app.expect_text("2026-03-01 10:00:01 ERROR boom")
    expect(app.button("Save the 1 errors")).to_be_visible()
