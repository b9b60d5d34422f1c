"""Every `desklaunch` run option can also be set as DESKLAUNCH_<OPTION> in the environment.

That is how a built app (no command line on a double-click) is switched to the browser or to
debug logging. Checked for every option the parser has, so a new option cannot miss it.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from desklaunch.cli import build_parser

ICON = (Path(__file__).resolve().parents[1] / "desklaunch" / "packaging" / "templates" / "icons"
        / "icon-64.png")
VALUES = {"--width": "321", "--height": "234", "--min-size": "400x300", "--icon": str(ICON),
          "--gui": "qt", "--title": "Converter ü", "--name": "converter",
          "--data-dir": "/tmp/converter data"}
"""A valid value for each option that takes one (anything else gets a plain word)."""


def _options() -> list[argparse.Action]:
    return [a for a in build_parser()._actions
            if any(s.startswith("--") for s in a.option_strings)
            and a.dest not in ("help", "version")]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("DESKLAUNCH_"):
            monkeypatch.delenv(name)


@pytest.mark.parametrize("flag", [a.option_strings[0] for a in _options()])
def test_the_variable_does_what_the_option_does(flag: str, monkeypatch) -> None:
    action = next(a for a in _options() if a.option_strings[0] == flag)
    variable = "DESKLAUNCH_" + flag[2:].upper().replace("-", "_")
    if action.nargs == 0 or isinstance(action, argparse.BooleanOptionalAction):
        on_command_line, in_environment = [flag], "1"
    else:
        value = VALUES.get(flag, "word")
        on_command_line, in_environment = [flag, value], value
    expected = build_parser().parse_args([*on_command_line, "app.py"])
    monkeypatch.setenv(variable, in_environment)
    assert build_parser().parse_args(["app.py"]) == expected


def test_the_command_line_wins_over_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("DESKLAUNCH_TITLE", "From the environment")
    monkeypatch.setenv("DESKLAUNCH_WIDTH", "500")
    args = build_parser().parse_args(["--title", "Typed", "app.py"])
    assert (args.title, args.width) == ("Typed", 500)


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("DESKLAUNCH_BROWSER", "maybe", "DESKLAUNCH_BROWSER must be 1 or 0, not 'maybe'"),
    ("DESKLAUNCH_HEIGHT", "tall", "DESKLAUNCH_HEIGHT must be a whole number, not 'tall'"),
    ("DESKLAUNCH_WIDTH", "0", "DESKLAUNCH_WIDTH: 0 is not a window size in pixels (1 to "
                              "32767)"),
    ("DESKLAUNCH_GUI", "nosuch", "DESKLAUNCH_GUI: unknown backend 'nosuch' (choose qt or gtk)"),
    ("DESKLAUNCH_MIN_SIZE", "abc", "DESKLAUNCH_MIN_SIZE: "),
])
def test_a_bad_value_is_one_line_and_exit_code_2(monkeypatch, capsys, variable, value,
                                                 message) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SystemExit) as stopped:
        build_parser()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
