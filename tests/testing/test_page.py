"""Pieces of the simulated page on their own: the console's line rules, HTML read as text."""

from __future__ import annotations

from desklaunch.testing.console import ConsoleView
from desklaunch.testing.htmltext import html_elements


def test_the_console_keeps_lines_rewrites_progress_and_drops_escape_codes() -> None:
    console = ConsoleView(lambda event: None)
    console.write([["out", "start\n"], ["out", "\x1b[32m10%\x1b[0m"], ["out", "\r50%"],
                   ["err", "warning\n"], ["out", "\r100%\n"], ["out", "done\r\n"]])
    assert console.log.text.splitlines() == ["start", "100%", "warning", "done"]


def test_a_line_written_where_the_other_stream_blanked_its_bar_takes_that_line() -> None:
    """tqdm.write: the bar (stderr) is erased, the line (stdout) goes where it was, the bar
    is drawn again below, as with a terminal's one cursor. A bar not erased keeps its line."""
    console = ConsoleView(lambda event: None)
    console.write([["err", "\rFiles 0%"], ["err", "\r        \r"], ["out", "file 1\n"],
                   ["err", "\rFiles 50%"], ["out", "not over the bar\n"],
                   ["err", "\rFiles 100%\n"], ["out", "finished\n"]])
    assert console.log.text.splitlines() == ["file 1", "Files 100%", "not over the bar",
                                             "finished"]


def test_html_reads_with_its_spaces_headings_links_and_rows() -> None:
    root = html_elements("<h2>Plan</h2><p>one <b>bold</b>\n  move</p>"
                         "<table><tr><th>Item</th> <th>Count</th></tr>"
                         "<tr><td>Apples</td><td>6</td></tr></table>"
                         "<script>hidden()</script><a href='/x'>More</a>")
    assert root.text.splitlines() == ["Plan", "one bold move", "Item\tCount", "Apples\t6",
                                      "More"]
    assert [e.name for e in root.find_all("heading")] == ["Plan"]
    assert [e.name for e in root.find_all("row")] == ["Item Count", "Apples 6"]
    assert root.find_all("link")[0].name == "More"
