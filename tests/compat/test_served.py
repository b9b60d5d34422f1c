"""A PyWebIO script that serves its app from Flask or tornado: the window says which
command shows the app, and says nothing when the script runs it with `start_server`."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desklaunch.compat.pywebio.served import DELAY

SERVED = """\
import time
from pywebio.output import put_text
from pywebio.platform.{framework} import {call}

def tool():
    put_text("Hello from the tool")

def admin():
    put_text("Admin")

view = {call}({apps})
{then}
"""


def script(tmp_path: Path, *, framework: str = "flask", call: str = "webio_view",
           apps: str = "tool",
           then: str = 'if __name__ == "__main__":\n    time.sleep(3600)  # app.run()\n'
           ) -> Path:
    path = tmp_path / "served.py"
    path.write_text(SERVED.format(framework=framework, call=call, apps=apps, then=then),
                    encoding="utf-8")
    return path


def test_a_flask_served_app_names_the_command_that_shows_it(desklaunch_app, tmp_path,
                                                             monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = desklaunch_app(script(tmp_path), settle=0.2)
    app.wait_for("To show the app in this window")
    assert ("This script serves its PyWebIO app from another web server "
            "(pywebio.platform.flask.webio_view), which desklaunch does not run. To show "
            "the app in this window, run: desklaunch served.py:tool (it skips the file's "
            'if __name__ == "__main__": block, where the server should start)') in app.text


@pytest.mark.parametrize("apps", ['{"tool": tool, "admin": admin}', "lambda: tool()"])
def test_apps_no_command_can_name_are_given_to_start_server(desklaunch_app, tmp_path,
                                                            apps: str) -> None:
    """Several apps switch among themselves only as `start_server` runs them, and a lambda
    (or a function made inside another) has no name `app.py:NAME` reaches."""
    path = script(tmp_path, framework="tornado", call="webio_handler", apps=apps)
    app = desklaunch_app(path, settle=0.2)
    app.wait_for("give the app (its function, or the dict of several) to start_server() "
                 'under if __name__ == "__main__": and run the file with desklaunch.')
    assert "desklaunch served.py:" not in app.text


def test_the_command_it_names_shows_the_app(desklaunch_app, tmp_path) -> None:
    app = desklaunch_app(f"{script(tmp_path)}:tool")
    assert "Hello from the tool" in app.text
    assert "another web server" not in app.text


def test_a_script_that_goes_on_to_start_server_gets_no_note(desklaunch_app,
                                                             tmp_path) -> None:
    """As car-booking apps do: the Flask view is built on import, and `start_server` runs
    the app under `__main__`."""
    path = script(tmp_path, then="from pywebio import start_server\n"
                                 "import time\ntime.sleep(0.3)\nstart_server(tool, port=8080)")
    app = desklaunch_app(path)
    assert "Hello from the tool" in app.text
    time.sleep(DELAY + 0.5)
    assert "another web server" not in app.text
