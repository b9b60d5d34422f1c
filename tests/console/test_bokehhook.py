"""bokeh's `show()` in a terminal program names its page after the script, as in a terminal
(console/bokehhook.py), not after the thread the console runs it on."""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


def test_bokehs_page_for_a_script_goes_beside_the_script(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from bokeh.io.util import default_filename
        print(default_filename("html"))  # where show() writes without output_file()
    """)
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == str(tmp_path / "asks.html")
