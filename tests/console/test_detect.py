"""Which scripts run in console mode (desklaunch/console/detect.py)."""

from __future__ import annotations

import ast

import pytest

from desklaunch.console.detect import terminal_notice, wants_console


@pytest.mark.parametrize("source", [
    "print('hi')",
    "import argparse\nimport sys\n",
    "def main():\n    import desklaunchers\n",
    "from . import desklaunch\n",  # a relative import of a sibling module, not the package
])
def test_a_plain_script_runs_in_console_mode(source):
    assert wants_console(source)


@pytest.mark.parametrize("source", [
    "from desklaunch.ui import input",
    "import desklaunch.ui as ui",
    "import desklaunch",
    "from pywebio.input import input",
    "def main():\n    from desklaunch import ui\n",
    "if True:\n    import pywebio\n",
])
def test_a_script_that_imports_desklaunch_or_pywebio_does_not(source):
    assert not wants_console(source)


def test_console_is_forced_by_the_option_and_a_broken_script_is_left_to_the_core():
    assert wants_console("from desklaunch.ui import input", forced=True)
    assert not wants_console("def (:")


@pytest.mark.parametrize(("source", "names"), [
    ("import curses", "curses"),
    ("from prompt_toolkit import prompt", "prompt_toolkit"),
    ("import questionary\nfrom InquirerPy import inquirer", "InquirerPy, questionary"),
    ("import argparse\nimport rich.progress", ""),
    ("try:\n    import msvcrt\nexcept ImportError:\n    import termios", "msvcrt, termios"),
    ("def pager():\n    import tty\n", ""),  # pydoc's: a function that may never run
    ("if True:\n    class Keys:\n        import readchar\n", ""),
])
def test_a_script_that_needs_a_real_terminal_is_told_so_before_it_runs(source, names):
    notice = terminal_notice(ast.parse(source))
    if names:
        assert notice.startswith(f"desklaunch: this script uses {names}, which needs a real")
    else:
        assert notice == ""
