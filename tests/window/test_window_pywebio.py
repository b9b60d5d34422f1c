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


ASYNC_APP = """
import asyncio, sqlite3
from pywebio import start_server
from pywebio.output import put_buttons, put_text
from pywebio.session import run_async

db = sqlite3.connect(":memory:")  # keeps to the thread that opened it

async def tick():
    while True:
        await asyncio.sleep(0.05)
        db.execute("select 1")

def add(_):
    put_text(f"added {db.execute('select 2').fetchone()[0]}")

async def main():
    put_text(f"opened {db.execute('select 1').fetchone()[0]}")
    run_async(tick())
    put_buttons(["Add"], onclick=add)

start_server(main, port=8080)
"""


def test_an_async_pywebio_app_with_its_database_in_a_real_window(gui: str, tmp_path: Path
                                                                  ) -> None:
    """Its coroutine, its ticking coroutine and its button all use the database the script
    opened; closing the window ends them all and the process, with code 0."""
    script = tmp_path / "async_db.py"
    script.write_text(ASYNC_APP)
    result, proc, _ = run_in_window(script, [
        {"do": "expect", "text": "opened 1"},
        {"do": "click", "text": "Add"},
        {"do": "expect", "text": "added 2"},
        {"do": "read"},
        {"do": "close"},
    ], tmp_path, driver="cli_driver.py", gui=gui)
    assert "added 2" in result["text"]
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ProgrammingError" not in proc.stderr
