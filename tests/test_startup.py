"""Starting frozen or embedded: streams, failures told in a dialog, options from the environment.

Only the native dialog itself is replaced (it is the system's, and would wait for a click).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desklaunch import startup
from desklaunch.core import logs
from desklaunch.desktop import errorbox
from desklaunch.errors import UsageError
from desklaunch.launcher import Options

TAKES_VALUE = {"--browser": False, "--no-open": False, "--title": True, "--width": True,
               "--close-on-exit": False}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("DESKLAUNCH_"):
            monkeypatch.delenv(name)


@pytest.fixture
def log_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Log set-up in a user folder under tmp_path, undone afterwards."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(logs, "_path", None)
    monkeypatch.setattr(logs, "_handler", None)
    logger = logging.getLogger("desklaunch")
    handlers, level = list(logger.handlers), logger.level
    yield tmp_path / "state"
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(startup, "show_error_dialog",
                        lambda title, message: shown.append((title, message)) or True)
    return shown


# -- a built app's command line ------------------------------------------------------------

@pytest.mark.parametrize(("argv", "options", "rest"), [
    ([], [], []),
    (["--no-open", "in.csv"], ["--no-open"], ["in.csv"]),
    (["--title", "My app", "--width=500", "-v"], ["--title", "My app", "--width=500"], ["-v"]),
    (["in.csv", "--browser"], [], ["in.csv", "--browser"]),
    (["--browser", "--", "--title"], ["--browser"], ["--title"]),
    (["--help"], [], ["--help"]),
])
def test_leading_desklaunch_options_are_split_from_the_scripts_arguments(argv, options,
                                                                         rest) -> None:
    assert startup.split_arguments(argv, TAKES_VALUE) == (options, rest)


@pytest.mark.parametrize(("argv", "options", "rest"), [
    (["--no-open", "--version"], ["--no-open"], ["--version"]),
    (["--name", "Ada", "--close-on-exit"], [], ["--name", "Ada", "--close-on-exit"]),
    (["--browser", "--debug", "--title", "x"], ["--browser"], ["--debug", "--title", "x"]),
])
def test_a_built_app_leaves_every_option_but_how_it_shows_to_its_script(argv, options,
                                                                        rest) -> None:
    """`mytool --version` installed from a .deb is the tool's version, not desklaunch's."""
    assert startup.split_arguments(argv, startup.AT_RUN_TIME) == (options, rest)


# -- streams -------------------------------------------------------------------------------

def test_missing_stdout_and_stderr_go_to_the_log(log_home: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    path = startup.prepare()
    print("printed by the script")
    sys.stderr.write("Traceback: ValueError\n")
    sys.stdout.flush()
    text = path.read_text(encoding="utf-8")
    assert "stdout [MainThread] printed by the script" in text
    assert "ERROR stderr [MainThread] Traceback: ValueError" in text


# -- failures at start-up ------------------------------------------------------------------

def test_a_frozen_app_that_cannot_start_says_so_in_a_dialog_with_the_log_path(
        log_home: Path, monkeypatch, dialogs, capsys) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    path = logs.setup("Frozen")
    with pytest.raises(SystemExit) as stopped, startup.reported_failures(reraise=False):
        raise OSError("no free port")
    assert stopped.value.code == 1
    assert dialogs == [("The app could not start",
                        f"OSError: no free port\n\nDetails are in the log file:\n{path}")]
    assert capsys.readouterr().err == (
        f"desklaunch: error: OSError: no free port (details in {path})\n")
    assert "OSError: no free port" in path.read_text(encoding="utf-8")  # with its traceback


def test_launch_reraises_after_reporting_and_shows_no_dialog_unfrozen(log_home, dialogs,
                                                                      capsys) -> None:
    with pytest.raises(UsageError), startup.reported_failures(reraise=True):
        raise UsageError("no such file: app.py")
    assert dialogs == []
    assert capsys.readouterr().err == "desklaunch: error: no such file: app.py\n"


def test_the_native_dialog_on_linux_uses_zenity_when_there_is_a_display(monkeypatch) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(errorbox.shutil, "which",
                        lambda name: "/usr/bin/zenity" if name == "zenity" else None)
    monkeypatch.setattr(errorbox.subprocess, "run",
                        lambda command, **_: ran.append(command) or
                        subprocess.CompletedProcess(command, 0))
    assert startup.show_error_dialog("Title", "Message <b>")
    assert ran == [["zenity", "--error", "--no-markup", "--title", "Title",
                    "--text", "Message <b>"]]


def test_no_display_means_no_dialog(monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert startup.show_error_dialog("Title", "Message") is False


# -- launch() and the environment ----------------------------------------------------------

@pytest.mark.parametrize(("variables", "expected"), [
    ({}, {"mode": "window", "title": "Tool", "close_on_exit": False}),
    ({"DESKLAUNCH_NO_OPEN": "1"}, {"mode": "none"}),
    ({"DESKLAUNCH_BROWSER": "yes"}, {"mode": "browser"}),
    ({"DESKLAUNCH_BROWSER": "0"}, {"mode": "window"}),
    ({"DESKLAUNCH_TITLE": "Converter ü", "DESKLAUNCH_CLOSE_ON_EXIT": "on"},
     {"title": "Converter ü", "close_on_exit": True}),
    ({"DESKLAUNCH_WIDTH": "640"}, {"width": 640, "height": 700}),
])
def test_environment_variables_override_launch_arguments(monkeypatch, variables,
                                                          expected) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    options = startup.with_environment(Options(title="Tool", width=900, height=700))
    assert {key: getattr(options, key) for key in expected} == expected


def test_a_bad_environment_value_is_one_line_and_exit_code_2(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DESKLAUNCH_WIDTH", "wide")
    with pytest.raises(SystemExit) as stopped:
        startup.with_environment(Options())
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "DESKLAUNCH_WIDTH must be a whole number, not 'wide'" in err and err.count("\n") == 1


def test_a_relative_script_is_found_beside_the_program_from_any_folder(tmp_path: Path,
                                                                       monkeypatch) -> None:
    program = tmp_path / "my program ü"
    program.mkdir()
    (program / "tool.py").write_text("")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr(sys, "argv", [str(program / "main.py")])
    assert startup.find_script("tool.py") == str(program / "tool.py")
    assert startup.find_script("missing.py") == "missing.py"
