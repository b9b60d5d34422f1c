"""Flask's debug server in the console (console/werkzeughook.py, and a run's own
`sys.orig_argv`): its reloader starts the server in a child, which answers, and Stop ends
both, as Ctrl+C does in a terminal."""

from __future__ import annotations

import socket
import sys
import urllib.request
from pathlib import Path

import pytest

from desklaunch.testing import AppTest

APP = """
from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return "hello from flask"
"""


def test_flask_run_debug_serves_through_its_reloader_and_stop_ends_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fapp.py").write_text(APP)
    monkeypatch.chdir(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = sys.orig_argv[:]
    with AppTest.from_module("flask", args=["--app", "fapp", "run", "-p", str(port),
                                            "--debug"], timeout=30, settle=0.5) as app:
        app.wait_for("Debugger PIN")  # printed by the reloader's child, the server
        assert "Restarting with" in app.text and "Traceback" not in app.text
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as answer:
            assert answer.read() == b"hello from flask"
        app.click("Stop")
        app.wait_for("Exited with code 0")
    assert sys.orig_argv == before  # the test's own command line is its own again
    with socket.socket() as free:  # no server left behind on the port
        free.bind(("127.0.0.1", port))
