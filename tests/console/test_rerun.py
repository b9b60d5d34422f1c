"""Run again in console mode: what stays imported between runs (console/rerun.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desklaunch.testing import AppTest


def test_run_again_of_an_installed_tool_keeps_its_package_as_the_packages_it_uses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site-packages"
    (site / "shelltool").mkdir(parents=True)
    (site / "registry.py").write_text("apps = {}\n")  # traitlets' singletons, IPython's app
    (site / "shelltool" / "__init__.py").write_text("")
    (site / "shelltool" / "app.py").write_text("class App:\n    pass\n")
    (site / "shelltool" / "__main__.py").write_text(
        "import registry\n"
        "from shelltool.app import App\n"
        "app = registry.apps.setdefault('App', App())\n"
        "if not isinstance(app, App):\n"
        "    raise SystemExit('an incompatible sibling of App is already instantiated')\n"
        "app.runs = getattr(app, 'runs', 0) + 1\n"
        "print('run', app.runs)\n")
    monkeypatch.syspath_prepend(str(site))
    for name in ("registry", "shelltool", "shelltool.app", "shelltool.__main__"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with AppTest.from_module("shelltool") as app:
        app.wait_for("Exited with code 0")
        app.click("Run again")
        app.wait_for("run 2")
        assert "incompatible sibling" not in app.text


def test_run_again_writes_through_the_bytes_a_library_kept_from_the_first_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site-packages"
    site.mkdir()
    (site / "hookout.py").write_text(  # pre-commit's output.py, kept imported between runs
        "import sys\n"
        "def write_line(text, stream=sys.stdout.buffer):\n"
        "    stream.write(text.encode() + b'\\n')\n"
        "    stream.flush()\n")
    script = tmp_path / "hooks.py"
    script.write_text("import hookout\nhookout.write_line('say hi....Passed')\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, "hookout", raising=False)
    with AppTest.from_file(script) as app:
        app.wait_for("Exited with code 0")
        app.click("Run again")
        app.wait_for("Exited with code 0 after")
        log = app.find("log", "Output").text
        assert log.count("say hi....Passed") == 2 and "closed file" not in log


def test_run_again_starts_multiprocessing_as_a_new_process_has_it(tmp_path: Path) -> None:
    script = tmp_path / "pool.py"
    script.write_text(
        "import multiprocessing\n"
        "from multiprocessing import util\n"
        "multiprocessing.set_start_method('spawn')  # once per process: each run is one\n"
        "print('start method', multiprocessing.get_start_method(), 'exiting', util._exiting)\n"
        "util._exiting = True  # what its exit function sets as a process ends\n")
    with AppTest.from_file(script) as app:
        app.wait_for("Exited with code 0")
        app.click("Run again")
        app.wait_for("Exited with code 0 after")
        log = app.find("log", "Output").text
        assert log.count("start method spawn exiting False") == 2


def test_run_again_gives_its_words_to_a_library_that_kept_the_first_runs_argv(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site-packages"
    site.mkdir()
    (site / "keeper.py").write_text(  # pygments' `def main(args=sys.argv)`
        "import sys\n\ndef main(args=sys.argv):\n    print('words:', args[1:])\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, "keeper", raising=False)
    folder = tmp_path / "app"
    folder.mkdir()
    (folder / "tool.py").write_text("import keeper\nkeeper.main()\n")
    with AppTest.from_file(folder / "tool.py") as app:
        app.wait_for("Exited with code 0")
        app.fill("Arguments", "-V --short")
        app.click("Run again")
        app.wait_for("words: ['-V', '--short']")
    sys.modules.pop("keeper", None)



def test_run_again_can_listen_on_the_port_the_last_run_left(tmp_path: Path) -> None:
    """A terminal's next run starts after the process ended and its sockets closed; a
    server kept in the globals (held there by a function) is closed as the run ends."""
    import socket

    probes = [socket.socket() for _ in range(4)]  # four ports free now, all different
    for probe in probes:
        probe.bind(("127.0.0.1", 0))
    ports = [probe.getsockname()[1] for probe in probes]
    for probe in probes:
        probe.close()
    script = tmp_path / "serve.py"
    script.write_text(
        "from http.server import HTTPServer, SimpleHTTPRequestHandler\n"
        "import socket\n"
        "def make_server(port):\n"
        "    return HTTPServer(('127.0.0.1', port), SimpleHTTPRequestHandler)\n"
        f"httpd = make_server({ports[0]})\n"
        f"raw = socket.create_server(('127.0.0.1', {ports[1]}))\n"
        "servers = {}\n"
        "class App:  # a server one step in: an object's, a dict's\n"
        "    def __init__(self):\n"
        f"        self.httpd = make_server({ports[2]})\n"
        f"servers['main'] = make_server({ports[3]})\n"
        "app = App()\n"
        "print('serving')\n")
    with AppTest.from_file(script) as app:
        app.wait_for("Exited with code 0")
        app.click("Run again")
        app.wait_for("Exited with code")
        assert "Address already in use" not in app.text
        assert app.find("log", "Output").text.count("serving") == 2


def test_run_again_of_unittest_reads_the_tests_as_they_are_now(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-m unittest test_shop` imports the person's tests from the working folder, which
    `python -m` puts on `sys.path`: a test added since the last run runs."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    tests = tmp_path / "test_shop_rerun.py"
    tests.write_text("import unittest\n\n"
                     "class Shop(unittest.TestCase):\n"
                     "    def test_one(self):\n        pass\n")
    with AppTest.from_module("unittest", args=["test_shop_rerun"]) as app:
        app.wait_for("Exited with code 0")
        assert "Ran 1 test" in app.text
        tests.write_text(tests.read_text() + "\n    def test_two(self):\n        pass\n")
        app.click("Run again")
        app.wait_for("Ran 2 tests")
    sys.modules.pop("test_shop_rerun", None)
