"""A PyWebIO script's own JavaScript and CSS in a real native window (Qt, offscreen).

The page's CSP is the same in the window: the code reaches it as same-origin files.
"""

from __future__ import annotations

from pathlib import Path

from windowrun import run_in_window

SCRIPT = """
from pywebio import config, start_server
from pywebio.output import put_scope, put_text
from pywebio.session import eval_js, run_js


@config(title="Page code", js_code="function shout(s) { return s.toUpperCase() + '!'; }",
        css_style="#pywebio-scope-out { border: 1px solid red; }")
def main():
    put_scope("out", put_text("waiting"))
    run_js("document.querySelector('#pywebio-scope-out p').textContent = 'Shouted: ' + shout(w)",
           w="hi")
    put_text(f"eval says {eval_js('6 * n', n=7)}")
    style = "getComputedStyle(document.getElementById(id)).borderTopStyle"
    put_text(f"styled: {eval_js(style, id='pywebio-scope-out')}")


start_server(main, port=8080)
"""


def test_run_js_eval_js_and_page_code_in_a_real_window(tmp_path: Path) -> None:
    script = tmp_path / "page_code.py"
    script.write_text(SCRIPT)
    result, proc, _ = run_in_window(script, [
        {"do": "expect", "text": "eval says 42"},
        {"do": "expect", "text": "Shouted: HI!"},
        {"do": "expect", "text": "styled: solid"},
        {"do": "read"},
        {"do": "close"},
    ], tmp_path, driver="cli_driver.py")  # through the command line, which installs the alias
    assert "Shouted: HI!" in result["text"]
    assert proc.returncode == 0
