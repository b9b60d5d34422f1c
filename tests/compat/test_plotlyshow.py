"""plotly's `fig.show()` draws in the page (compat/plotlyshow.py): desklaunch's renderer
becomes plotly's default as plotly loads, unless `PLOTLY_RENDERER` chose another; plotly is
never imported for a script that does not use it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap


def _run(source: str, **environ: str) -> str:
    code = textwrap.dedent("""
        import sys
        from desklaunch.compat import show_charts_in_page
        show_charts_in_page()
    """) + textwrap.dedent(source)
    env = {key: value for key, value in os.environ.items() if key != "PLOTLY_RENDERER"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120, env=env | environ).stdout.strip()


def test_the_page_is_where_plotly_shows_a_figure() -> None:
    assert _run("import plotly.io as pio\nprint(pio.renderers.default)") == "desklaunch"


def test_a_renderer_the_person_chose_is_kept() -> None:
    said = _run("import plotly.io as pio\nprint(pio.renderers.default)", PLOTLY_RENDERER="json")
    assert said == "json"


def test_plotly_imported_before_gets_the_renderer_too() -> None:
    code = textwrap.dedent("""
        import plotly.io as pio
        pio.renderers.default
        from desklaunch.compat import show_charts_in_page
        show_charts_in_page()
        print(pio.renderers.default)
    """)
    said = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120).stdout.strip()
    assert said == "desklaunch"


def test_a_script_without_plotly_never_imports_it() -> None:
    assert _run("print('plotly' in sys.modules)") == "False"



CONSOLE_PROGRAM = """
import plotly.graph_objects as go
print("before")
go.Figure(go.Bar(y=[1, 2])).show()
print("after")
"""
TEST_KIT = """
from desklaunch.testing import AppTest
app = AppTest.from_file("program.py")
app.wait_for("Exited with code", timeout=60)
print(app.find("log", "Output").text)
app.close()
"""


def test_a_console_programs_figure_with_no_browser_to_open_shows_nowhere(tmp_path) -> None:
    """A terminal program's window is a terminal's: from a terminal, plotly opens its chart
    in the system's browser, and shows nothing where it finds none; it stopped the program
    with "could not locate runnable browser"."""
    (tmp_path / "program.py").write_text(CONSOLE_PROGRAM, encoding="utf-8")
    env = {key: value for key, value in os.environ.items()
           if key not in ("PLOTLY_RENDERER", "BROWSER", "DISPLAY", "WAYLAND_DISPLAY")}
    said = subprocess.run([sys.executable, "-c", TEST_KIT], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path, env=env, check=True).stdout
    assert said.splitlines()[1:] == ["before", "after"]
