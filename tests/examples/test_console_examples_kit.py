"""examples/console/ with desklaunch.testing, in process: unmodified command-line tools,
their argument forms filled in and their output read."""

from __future__ import annotations

import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "console"


def output_lines(app) -> list[str]:
    return app.find("log", "Output").text.splitlines()


def test_the_renamer_is_filled_in_and_renames_with_logging(desklaunch_app, tmp_path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    for name in ("beach.JPG", "dunes.JPG"):
        (photos / name).write_text("x")
    app = desklaunch_app(EXAMPLES / "renamer.py")
    app.fill("Folder", str(photos))
    app.fill("Prefix", "trip_")
    app.choose("Case", "lower")
    app.check("Number")
    app.click("Run")
    app.wait_for("Exited with code 0")
    lines = output_lines(app)
    assert "beach.JPG -> trip_001_beach.JPG" in lines
    assert any(re.search(r"INFO +done: 2 renamed$", line) for line in lines)
    assert app.exit_code == 0
    assert sorted(p.name for p in photos.iterdir()) == ["trip_001_beach.JPG",
                                                        "trip_002_dunes.JPG"]


def test_the_csv_summariser_runs_the_subcommand_of_the_chosen_tab(desklaunch_app,
                                                                 tmp_path) -> None:
    data = tmp_path / "sales.csv"
    data.write_text("region,amount\nnorth,10\nsouth,30\nnorth,5\n")
    app = desklaunch_app(EXAMPLES / "csvsummary.py")
    app.click("group")
    app.fill("File", str(data))
    app.fill("By", "region")
    app.fill("Column", "amount")
    app.click("Run")
    app.wait_for("Exited with code 0")
    lines = output_lines(app)
    assert any(re.fullmatch(r"south +30\.00", line) for line in lines)
    assert any(re.fullmatch(r"north +15\.00", line) for line in lines)


def test_the_downloader_retries_and_gives_up(desklaunch_app, tmp_path) -> None:
    (tmp_path / "readme.txt").write_text("hello")
    urls = tmp_path / "urls.txt"
    urls.write_text("local:readme.txt\ngen:1000\ngen:64\nlocal:missing.txt\ngen:5\n")
    app = desklaunch_app(EXAMPLES / "fetchloop.py", args=[
        urls, "--source", tmp_path, "--out", tmp_path / "out", "--flaky", "0.4"])
    app.wait_for("Exited with code 1")
    lines = output_lines(app)
    assert any(line.startswith("fetched 4 of 5 files") for line in lines)
    assert any(line.startswith("attempt 1/3 failed") for line in lines)
    assert any(line.startswith("giving up on local:missing.txt") for line in lines)
    assert app.exit_code == 1
