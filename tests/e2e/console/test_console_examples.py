"""The realistic command-line tools in examples/console, run unmodified in console mode."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "console"


def test_the_renamer_is_filled_in_and_renames_with_logging(console, tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    for name in ("beach.JPG", "dunes.JPG"):
        (photos / name).write_text("x")
    app = console(EXAMPLES / "renamer.py")
    app.fill("Folder", str(photos))
    app.fill("Prefix", "trip_")
    app.choose("Case", "lower")
    app.field("Number").check()
    app.click("Run")
    expect(app.line("beach.JPG -> trip_001_beach.JPG")).to_be_visible()
    expect(app.line(re.compile(r"INFO +done: 2 renamed$"))).to_have_class(
        re.compile("dl-log-info"))
    app.expect_exit(0)
    assert sorted(p.name for p in photos.iterdir()) == ["trip_001_beach.JPG",
                                                        "trip_002_dunes.JPG"]


def test_the_csv_summariser_runs_the_subcommand_of_the_chosen_tab(console, tmp_path):
    data = tmp_path / "sales.csv"
    data.write_text("region,amount\nnorth,10\nsouth,30\nnorth,5\n")
    app = console(EXAMPLES / "csvsummary.py")
    app.page.get_by_role("tab", name="group").click()
    panel = app.page.get_by_role("tabpanel", name="group")
    panel.get_by_label("File", exact=True).fill(str(data))
    panel.get_by_label("By", exact=True).fill("region")
    panel.get_by_label("Column", exact=True).fill("amount")
    app.click("Run")
    expect(app.line(re.compile(r"^south +30\.00$"))).to_be_visible()
    expect(app.line(re.compile(r"^north +15\.00$"))).to_be_visible()
    app.expect_exit(0)


def test_the_downloader_shows_its_progress_bar_and_retries(console, tmp_path):
    (tmp_path / "readme.txt").write_text("hello")
    urls = tmp_path / "urls.txt"
    urls.write_text("local:readme.txt\ngen:1000\ngen:64\nlocal:missing.txt\ngen:5\n")
    app = console(EXAMPLES / "fetchloop.py", [str(urls), "--source", str(tmp_path),
                                              "--out", str(tmp_path / "out"), "--flaky", "0.4"])
    expect(app.line(re.compile(r"^fetched 4 of 5 files"))).to_be_visible()
    expect(app.page.get_by_role("progressbar", name="Downloading")).to_have_attribute(
        "value", "100")
    expect(app.line(re.compile(r"^attempt 1/3 failed")).first).to_have_class(re.compile("dl-err"))
    expect(app.line(re.compile(r"^giving up on local:missing.txt"))).to_be_visible()
    app.expect_exit(1)
