"""The `desklaunch` command as a person runs it: `python -m desklaunch ...` in a subprocess."""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

import pytest

from desklaunch import __version__
from desklaunch.cli import build_parser

WAIT = 30.0  # hang guard only
URL_LINE = re.compile(r"http://127\.0\.0\.1:(\d+)/\?launch=[\w-]+")


def desklaunch(*args: str, cwd: Path, extra_env: dict[str, str] | None = None,
               **popen: Any) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESKLAUNCH_")}
    env.update(extra_env or {})
    return subprocess.Popen([sys.executable, "-m", "desklaunch", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    with desklaunch(*args, cwd=cwd) as proc:
        out, err = proc.communicate(timeout=WAIT)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def write(folder: Path, name: str, source: str) -> str:
    (folder / name).write_text(textwrap.dedent(source), encoding="utf-8")
    return name


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any) -> None:
        return None


class Client:
    """The few requests the page makes to get in and start its script (see docs/protocol.md)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.origin = url.split("/?")[0]
        self.jar = CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(self.jar),
            _NoRedirect())

    def enter(self) -> int:
        """GET the launch URL: a 303 that sets the cookie."""
        try:
            self._opener.open(self.url, timeout=WAIT)
        except urllib.error.HTTPError as answer:
            return answer.code
        return 200

    def poll(self, session: str | None = None, view: str | None = None, ack: int = 0
             ) -> dict[str, Any]:
        request = urllib.request.Request(f"{self.origin}/api/poll?ack={ack}",
                                         headers={"X-Desklaunch": "1"})
        if session is not None:
            request.add_header("X-Desklaunch-Session", session)
        if view is not None:
            request.add_header("X-Desklaunch-View", view)
        with self._opener.open(request, timeout=WAIT) as response:
            return json.loads(response.read())


def url_line(proc: subprocess.Popen[str]) -> str:
    """The first line on stdout, with a hang guard."""
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(proc.stdout.readline()))
    reader.start()
    reader.join(WAIT)
    assert lines, "desklaunch printed nothing on stdout"
    return lines[0].rstrip("\n")


def run_attached(folder: Path, *command: str, extra_env: dict[str, str] | None = None
                 ) -> subprocess.CompletedProcess[str]:
    """Run a script with --no-open --close-on-exit, attach like a page, wait for the exit."""
    with desklaunch("--no-open", "--close-on-exit", *command, cwd=folder,
                    extra_env=extra_env) as proc:
        try:
            client = Client(url_line(proc))
            assert client.enter() == 303
            answer = client.poll()
            assert answer["reset"] is True
            session, view = answer["session"], answer["view"]
            # As a page does: poll on, saying what it has drawn, until the app stops (it
            # stops once the page has drawn what the script left); the exit code tells.
            with contextlib.suppress(OSError, http.client.HTTPException):
                while "seq" in answer and proc.poll() is None:
                    answer = client.poll(session, view, answer["seq"])
            out, err = proc.communicate(timeout=WAIT)
        finally:
            if proc.poll() is None:
                proc.kill()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def assert_one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("desklaunch: error: ")
    return lines[0]


def test_help_lists_every_option(tmp_path):
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    options = [o for a in build_parser()._actions for o in a.option_strings
               if o.startswith("--") and a.help != argparse.SUPPRESS]  # kept, not offered
    assert "--no-open" in options
    for option in options:
        assert option in result.stdout
    assert "DESKLAUNCH_" in result.stdout


def test_version_prints_the_version(tmp_path):
    result = run("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"desklaunch {__version__}")


def test_a_missing_script_is_one_error_line_and_exit_code_2(tmp_path):
    line = assert_one_error_line(run("nope.py", cwd=tmp_path))
    assert "nope.py" in line


def test_a_folder_without_window_scripts_is_one_error_line_and_exit_code_2(tmp_path):
    (tmp_path / "app").mkdir()
    write(tmp_path / "app", "count.py", "print(1)\n")
    line = assert_one_error_line(run("app", cwd=tmp_path))
    assert "holds no script written for a window" in line


def test_a_folder_of_scripts_opens_a_menu_of_them(tmp_path):
    (tmp_path / "tools").mkdir()
    write(tmp_path / "tools", "greet.py", "from desklaunch.ui import put_text\nput_text('hi')\n")
    with desklaunch("--no-open", "tools/", cwd=tmp_path) as proc:
        try:
            client = Client(url_line(proc))
            assert client.enter() == 303
            answer = client.poll()
            commands = list(answer["commands"])
            while not any(c["cmd"] == "apps" for c in commands):
                answer = client.poll(answer["session"], answer["view"], answer["seq"])
                commands += answer["commands"]
            apps = next(c for c in commands if c["cmd"] == "apps")
            assert apps["names"] == ["index", "greet"]
            assert {"cmd": "env", "title": "Tools"}.items() <= commands[0].items()
        finally:
            proc.terminate()
            proc.communicate(timeout=WAIT)


def test_a_function_the_script_lacks_is_one_error_line_and_exit_code_2(tmp_path):
    script = write(tmp_path, "app.py", "def main():\n    pass\n")
    assert "'start'" in assert_one_error_line(run(f"{script}:start", cwd=tmp_path))


@pytest.mark.parametrize(("option", "says"), [
    (["--gui", "cef"], "unknown backend 'cef' (choose qt or gtk)"),
    (["--width", "0"], "0 is not a window size in pixels (1 to 32767)"),
    (["--height", "99999999999"], "99999999999 is not a window size in pixels"),
])
def test_a_window_option_out_of_range_is_one_error_line_and_exit_code_2(tmp_path, option,
                                                                        says):
    """`--gui Qt` was taken by pywebview as GTK, whose window then hung at close; a width
    of 0 was the default, one too large an overflow in the toolkit."""
    script = write(tmp_path, "app.py", "print(1)\n")
    assert says in assert_one_error_line(run(*option, str(script), cwd=tmp_path))


@pytest.mark.parametrize(("option", "says"), [
    (["--icon", "app.py"], "app.py is not a PNG image"),
    (["--data-dir", "app.py"], "--data-dir app.py is not a folder"),
    (["--data-dir", "app.py/settings"], "--data-dir app.py/settings cannot be made: Not a "
                                        "directory"),
])
def test_a_desktop_option_naming_the_wrong_kind_of_file_is_one_error_line(tmp_path, option,
                                                                          says):
    write(tmp_path, "app.py", "print(1)\n")
    assert says in assert_one_error_line(run(*option, "app.py", cwd=tmp_path))


def test_a_backend_name_in_capitals_is_taken(tmp_path):
    assert build_parser().parse_args(["--gui", "GTK", "app.py"]).gui == "gtk"


def test_no_script_at_all_is_one_error_line_and_exit_code_2(tmp_path):
    assert "give the script to run: desklaunch SCRIPT.py [ARGS], or -m MODULE" in (
        assert_one_error_line(run(cwd=tmp_path)))


def test_a_syntax_error_is_shown_as_python_shows_it_with_exit_code_2(tmp_path):
    script = write(tmp_path, "bad.py", "x = 1\ndef f(:\n    pass\n")
    result = run(script, cwd=tmp_path)
    python = subprocess.run([sys.executable, script], cwd=tmp_path, capture_output=True,
                            text=True, timeout=WAIT)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("SyntaxError: invalid syntax\n")
    # Python names the file by its absolute path; desklaunch as it was typed.
    assert python.stderr.replace(str(tmp_path / script), script) == result.stderr


def test_no_open_prints_the_url_first_and_it_lets_one_client_in(tmp_path):
    script = write(tmp_path, "app.py", "x = 1\n")
    with desklaunch("--no-open", script, cwd=tmp_path) as proc:
        try:
            url = url_line(proc)
            assert URL_LINE.fullmatch(url), url
            assert Client(url).enter() == 303
            assert Client(url).enter() == 403, "the launch secret works once"
        finally:
            proc.terminate()
            proc.communicate(timeout=WAIT)


def test_browser_with_no_open_prints_the_url_and_opens_nothing(tmp_path):
    """People write both, meaning "no window, just the URL" (a display is there to open one)."""
    script = write(tmp_path, "app.py", "x = 1\n")
    opened = tmp_path / "opened"
    with desklaunch("--browser", "--no-open", script, cwd=tmp_path,
                    extra_env={"BROWSER": f"touch {opened} %s", "DISPLAY": ":99"}) as proc:
        try:
            url = url_line(proc)
            assert URL_LINE.fullmatch(url), url
            assert Client(url).enter() == 303
        finally:
            proc.terminate()
            _, err = proc.communicate(timeout=WAIT)
    assert "not allowed" not in err
    assert not opened.exists(), "no browser was asked to open the URL"


@pytest.mark.parametrize(("source", "code"), [
    ("x = 1\n", 0),
    ("import sys\nsys.exit(3)\n", 3),
    ("raise ValueError('boom')\n", 1),
    # an asyncio terminal program: its __main__ block runs in its console
    ("import asyncio, sys\nasync def main():\n    await asyncio.sleep(0)\n    return 4\n"
     "if __name__ == '__main__':\n    sys.exit(asyncio.run(main()))\n", 4),
], ids=["plain-end", "sys-exit-3", "exception", "asyncio-run"])
def test_close_on_exit_quits_with_the_scripts_exit_code(tmp_path, source, code):
    result = run_attached(tmp_path, write(tmp_path, "app.py", source))
    assert result.returncode == code, result.stderr


def test_debug_says_what_desklaunch_does_from_serving_to_closing(tmp_path):
    result = run_attached(tmp_path, "--debug", write(tmp_path, "app.py",
                                                     "import sys\nsys.exit(3)\n"))
    said = [line.split(": ", 1)[1] for line in result.stderr.splitlines()
            if line.startswith("desklaunch DEBUG")]
    assert re.fullmatch(r"serving on http://127\.0\.0\.1:\d+ \(a \w+ script\)",
                        next(line for line in said if line.startswith("serving"))), said
    for step in ("session 1 made", "session 1: a page shows it", "session 1: its script starts",
                 "session 1: the script finished (exit code 3)"):
        assert step in said
    assert said[-1].startswith("closing: 1 session(s)")
    assert "launch=" not in result.stderr  # the URL's secret is for the page alone


def test_close_on_exit_waits_for_the_page_to_show_the_last_output(tmp_path):
    """A page that asks late (a busy machine) still gets what the script printed last: the
    app quits once the page says it has drawn it, not as the script ends."""
    script = write(tmp_path, "app.py", """
        import time
        from desklaunch.ui import put_text
        put_text("Working")
        time.sleep(0.5)
        put_text("Still working")
        time.sleep(0.5)
        put_text("The last line")
    """)
    with desklaunch("--no-open", "--close-on-exit", script, cwd=tmp_path) as proc:
        try:
            client = Client(url_line(proc))
            assert client.enter() == 303
            answer = client.poll()
            session, view = answer["session"], answer["view"]
            shown = answer["commands"]
            while "Still working" not in json.dumps(shown):  # the page polls on, seen
                answer = client.poll(session, view, answer["seq"])
                shown += answer["commands"]
            time.sleep(1.5)  # the script ends meanwhile; the page's next poll is late
            assert proc.poll() is None, "the app quit before its page had the last output"
            answer = client.poll(session, view, answer["seq"])
            assert "The last line" in json.dumps(answer["commands"])
            with contextlib.suppress(OSError, http.client.HTTPException):
                client.poll(session, view, answer["seq"])
            assert proc.wait(timeout=WAIT) == 0
        finally:
            if proc.poll() is None:
                proc.kill()


def test_a_script_exception_prints_its_traceback_on_stderr(tmp_path):
    script = write(tmp_path, "app.py", """
        def load():
            raise ValueError("boom")

        load()
    """)
    result = run_attached(tmp_path, script)
    assert result.returncode == 1
    assert "Traceback (most recent call last):" in result.stderr
    assert re.search(r'File ".*app\.py", line 5, in <module>', result.stderr)
    assert "ValueError: boom" in result.stderr
    assert "desklaunch/core/session.py" not in result.stderr.replace("\\", "/")


def test_the_script_gets_its_arguments_and_runs_from_any_folder(tmp_path):
    (tmp_path / "tool").mkdir()
    write(tmp_path / "tool", "helper.py", "VALUE = 7\n")
    write(tmp_path / "tool", "app.py", """
        import sys
        import helper
        sys.exit(helper.VALUE + len(sys.argv[1:]))
    """)
    result = run_attached(tmp_path, str(Path("tool") / "app.py"), "one", "two")
    assert result.returncode == 9, result.stderr


def test_the_scripts_options_are_its_own_even_when_they_start_like_desklaunchs(tmp_path):
    write(tmp_path, "app.py", """
        import sys
        sys.exit(0 if sys.argv[1:] == ["--n", "2", "--no", "--title=x", "-h"] else 1)
    """)
    result = run_attached(tmp_path, "app.py", "--n", "2", "--no", "--title=x", "-h")
    assert result.returncode == 0, result.stderr


def test_a_double_dash_after_the_script_is_the_scripts_as_in_python(tmp_path):
    """`python app.py -- --width 3` gives the script the `--` too (argparse dropped it)."""
    write(tmp_path, "app.py", """
        import sys
        sys.exit(0 if sys.argv[1:] == ["--", "--width", "3"] else 1)
    """)
    result = run_attached(tmp_path, "app.py", "--", "--width", "3")
    assert result.returncode == 0, result.stderr


def test_desklaunchs_own_options_are_spelled_out(tmp_path):
    line = assert_one_error_line(run("--brow", "app.py", cwd=tmp_path))
    assert "--brow" in line


def test_a_script_named_like_a_standard_module_runs_as_in_a_terminal(tmp_path):
    write(tmp_path, "platform.py", "import sys\nprint('the script ran')\nsys.exit(3)\n")
    for name in ("calendar", "queue", "subprocess", "email"):  # what desklaunch imports
        write(tmp_path, f"{name}.py", f"raise SystemExit('desklaunch imported {name}.py')\n")
    result = run_attached(tmp_path, "platform.py")
    assert result.returncode == 3, result.stderr
    assert "imported" not in result.stderr


def test_a_tool_installed_in_another_environment_finds_its_packages(tmp_path):
    """`desklaunch $(which tool)` for a tool whose `#!` line names another virtual
    environment's Python: the tool's own package is imported from there."""
    env = tmp_path / "toolenv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    (site,) = (env / "lib").glob("python*/site-packages")
    (site / "tool_only_pkg.py").write_text("CODE = 7\n")
    tool = env / "bin" / "tool"
    tool.write_text(f"#!{env / 'bin' / 'python'}\nimport sys\nimport tool_only_pkg\n"
                    "sys.exit(tool_only_pkg.CODE)\n")
    result = run_attached(tmp_path, str(tool))
    assert result.returncode == 7, result.stderr


def _greet_package(folder: Path) -> None:
    (folder / "greet").mkdir()
    write(folder / "greet", "__init__.py", "")
    write(folder / "greet", "core.py", "CODE = 5\n")
    write(folder / "greet", "__main__.py", """
        import sys
        from .core import CODE
        ok = (__spec__.name, sys.argv[0].endswith("__main__.py"), sys.argv[1:]) == (
            "greet.__main__", True, ["--name", "Ada"])
        sys.exit(CODE if ok else 1)
    """)


def test_dash_m_runs_a_package_from_the_current_folder_as_python_m_does(tmp_path):
    """A program laid out as a package (`python -m greet`) imports its own modules
    relatively, which running its `__main__.py` as a file cannot do."""
    _greet_package(tmp_path)
    result = run_attached(tmp_path, "-m", "greet", "--name", "Ada")
    assert result.returncode == 5, result.stderr


@pytest.mark.parametrize(("module", "says"), [
    ("greet.nothere", "no module named 'greet.nothere'"),
    ("json", "'json' is a package and cannot be run directly"),
    ("no-such", "'no-such' is not a module name"),
])
def test_a_module_that_cannot_run_is_one_error_line_and_exit_code_2(tmp_path, module, says):
    _greet_package(tmp_path)
    assert says in assert_one_error_line(run("-m", module, cwd=tmp_path))


def test_a_folder_with_a_main_file_runs_it_as_python_runs_the_folder(tmp_path):
    (tmp_path / "tool").mkdir()
    write(tmp_path / "tool", "helper.py", "CODE = 6\n")
    write(tmp_path / "tool", "__main__.py", "import sys\nimport helper\nsys.exit(helper.CODE)\n")
    result = run_attached(tmp_path, "tool")
    assert result.returncode == 6, result.stderr


def test_dash_m_takes_the_module_joined_to_it_as_python_does(tmp_path):
    _greet_package(tmp_path)
    result = run_attached(tmp_path, "-mgreet", "--name", "Ada")
    assert result.returncode == 5, result.stderr


def test_dash_m_without_a_module_is_one_error_line_and_exit_code_2(tmp_path):
    line = assert_one_error_line(run("--browser", "-m", cwd=tmp_path))
    assert line.startswith("desklaunch: error: -m needs the module to run")


def test_reload_on_a_terminal_program_says_it_has_run_again_and_still_runs_it(tmp_path):
    write(tmp_path, "app.py", "import sys\nprint('counted')\nsys.exit(4)\n")
    result = run_attached(tmp_path, "--reload", "app.py")
    assert result.returncode == 4, result.stderr
    assert "--reload reruns scripts written for a window" in result.stderr


def test_a_zipapp_runs_as_python_runs_it(tmp_path):
    import zipapp

    (tmp_path / "src").mkdir()
    write(tmp_path / "src", "codes.py", "CODE = 8\n")
    write(tmp_path / "src", "__main__.py", "import sys\nimport codes\nsys.exit(codes.CODE)\n")
    zipapp.create_archive(tmp_path / "src", tmp_path / "tool.pyz")
    result = run_attached(tmp_path, "tool.pyz")
    assert result.returncode == 8, result.stderr


def test_the_scripts_own_logging_setup_takes_effect(tmp_path):
    """desklaunch's own lines have their own handler: a script's `basicConfig()` is not a
    no-op, and another library's warning reads as it does without desklaunch."""
    script = write(tmp_path, "app.py", """
        import logging
        from desklaunch.ui import put_text

        logging.basicConfig(level=logging.INFO, format="APP %(levelname)s: %(message)s")
        logging.info("session started")
        logging.getLogger("urllib3.connectionpool").warning("Retrying")
        put_text("ok")
    """)
    result = run_attached(tmp_path, script)
    assert result.returncode == 0, result.stderr
    assert "APP INFO: session started" in result.stderr.splitlines()
    assert "APP WARNING: Retrying" in result.stderr.splitlines()
    assert "desklaunch WARNING" not in result.stderr


@pytest.mark.parametrize("option", [(), ("--pywebio",)])
def test_a_pywebio_script_runs_on_desklaunch_also_where_pywebio_is_installed(
        tmp_path, option):
    """With PyWebIO installed (here a stand-in for the real package, whose server would
    listen on every address and show nothing in the window), `import pywebio` is still
    desklaunch's own; `--pywebio`, which once asked for that, is still accepted."""
    installed = tmp_path / "site" / "pywebio"
    installed.mkdir(parents=True)
    (installed / "__init__.py").write_text(
        "def start_server(*args, **kwargs):\n"
        "    print('the real PyWebIO server, on 0.0.0.0:8080')\n")
    (installed / "output.py").write_text("def put_text(*args, **kwargs): pass\n")
    write(tmp_path, "app.py", """
        from pywebio import start_server
        from pywebio.output import put_text

        def main():
            put_text("hello")
            print("put_text from", put_text.__module__)

        if __name__ == "__main__":
            start_server(main, port=8080)
    """)
    result = run_attached(tmp_path, *option, "app.py",
                          extra_env={"PYTHONPATH": str(tmp_path / "site")})
    assert result.returncode == 0, result.stderr
    assert "put_text from desklaunch.ui.outputs" in result.stdout
    assert "real PyWebIO" not in result.stdout
