"""Markdown written in indented triple-quoted strings reads as PyWebIO shows it."""

from __future__ import annotations

import pytest

from desklaunch.ui.outputs import _markdown, strip_indentation


@pytest.mark.parametrize(("given", "expected"), [
    ("# Title\n    text\n\n    more", "# Title\ntext\n\nmore"),          # first line unindented
    ("\n    # Title\n    text\n    ", "\n# Title\ntext\n"),               # all indented
    ("# Title\n    a\n      b", "# Title\na\n  b"),                      # nested indent kept
    ("# Title\n\ttab\n\tmore", "# Title\ntab\nmore"),
    ("one line", "one line"),
    ("# Title\ntext", "# Title\ntext"),
])
def test_strip_indentation(given: str, expected: str) -> None:
    assert strip_indentation(given) == expected


def test_the_common_style_renders_a_heading_and_a_paragraph_not_code() -> None:
    html = _markdown(html=False).render(strip_indentation("""# Report
        Done in **3** steps.
        Next line.
        """))
    assert html.startswith("<h1>Report</h1>")
    assert "<pre>" not in html
    assert "<strong>3</strong> steps.<br />\nNext line." in html  # a line break, as PyWebIO
