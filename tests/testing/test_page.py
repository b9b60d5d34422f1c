"""Pieces of the simulated page on their own: the console's line rules, HTML read as text."""

from __future__ import annotations

from desklaunch.testing.console import ConsoleView
from desklaunch.testing.htmltext import html_elements


def test_the_console_keeps_lines_rewrites_progress_and_drops_escape_codes() -> None:
    console = ConsoleView(lambda event: None)
    console.write([["out", "start\n"], ["out", "\x1b[32m10%\x1b[0m"], ["out", "\r50%"],
                   ["err", "warning\n"], ["out", "\r100%\n"], ["out", "done\r\n"]])
    assert console.log.text.splitlines() == ["start", "100%", "warning", "done"]


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
