"""An optparse parser as the argparse parser it amounts to (console/optparser.py), and its
form's answer read back by the program's own optparse parser (console/argcatch.py)."""

from __future__ import annotations

import argparse
import optparse
import sys

import pytest

from desklaunch.console import argcatch
from desklaunch.console.argform import ArgForm
from desklaunch.console.optparser import as_argparse


def remember(option, opt, value, parser):
    parser.values.seen = (opt, value)


def tool() -> optparse.OptionParser:
    made = optparse.OptionParser(prog="tool", description="Does %prog things.")
    made.add_option("-n", "--count", type="int", default=3, help="how many (%default, 100%)")
    made.add_option("--ratio", type="float")
    made.add_option("--point", type="int", nargs=2)
    made.add_option("-v", action="count", dest="verbose")
    made.add_option("--fast", action="store_const", const="yes", dest="speed")
    made.add_option("--secret", help=optparse.SUPPRESS_HELP)
    made.add_option("--trace", action="callback", callback=remember)
    made.add_option("--hook", action="callback", callback=remember, type="string")
    made.add_option("--colour", type="choice", choices=["red", "blue"])
    return made


def test_each_option_has_its_argparse_counterpart() -> None:
    converted = as_argparse(tool())
    assert converted is not None
    assert converted.prog == "tool"
    assert converted.description == "Does tool things."
    actions = {action.dest: action for action in converted._actions}
    assert actions["count"].type is int and actions["count"].default == 3
    assert actions["count"].help == "how many (3, 100%%)"  # argparse formats its help
    assert actions["ratio"].type is float
    assert actions["point"].nargs == 2
    assert isinstance(actions["verbose"], argparse._CountAction)
    assert isinstance(actions["speed"], argparse._StoreConstAction)
    assert actions["secret"].help == argparse.SUPPRESS
    assert isinstance(actions["trace"], argparse._StoreTrueAction)  # a switch
    assert isinstance(actions["hook"], argparse._StoreAction)  # takes a value
    assert actions["colour"].choices == ["red", "blue"]
    assert "help" not in actions  # optparse's --help is not a field


def test_the_forms_words_are_read_by_the_programs_own_parser() -> None:
    form = ArgForm(as_argparse(tool()), leftovers=True)
    keys = {field.wire["label"]: key for key, field in form.fields.items()}
    argv, errors, _ = form.build_argv({"values": {
        keys["Count"]: "5", keys["Point"]: ["1", "2"], keys["Trace"]: True,
        keys["Hook"]: "h", keys["Colour"]: "blue", keys["Other arguments"]: ["a.txt"]}})
    assert errors == {}
    options, words = tool().parse_args(argv)
    assert (options.count, options.point, options.colour) == (5, (1, 2), "blue")
    assert options.seen == ("--hook", "h")  # the callbacks ran, as typed
    assert words == ["a.txt"]
    argv, errors, _ = form.build_argv({"values": {keys["Other arguments"]: ["a.txt", "-x"]}})
    assert tool().parse_args(argv)[1] == ["a.txt", "-x"]  # after a `--`, which optparse drops


def test_a_parser_argparse_cannot_mirror_runs_without_a_form(monkeypatch) -> None:
    strange = optparse.OptionParser(prog="strange")
    strange.add_option("--mode", type="string", nargs=0)  # a value of no words: not argparse's
    assert as_argparse(strange) is None
    monkeypatch.setattr(sys.modules["__main__"], "__file__", __file__, raising=False)
    monkeypatch.setattr(sys, "argv", ["strange", "--mode"])
    asked = []
    with argcatch.armed(lambda parser, leftovers: asked.append(parser)):
        options, _ = strange.parse_args()
    assert asked == [] and options.mode == ()


@pytest.mark.parametrize("given", [None, "argv"])
def test_the_first_command_line_parse_asks_once(monkeypatch, given) -> None:
    monkeypatch.setattr(sys.modules["__main__"], "__file__", __file__, raising=False)
    monkeypatch.setattr(sys, "argv", ["tool"])
    asked = []

    def ask(parser, leftovers):
        asked.append(leftovers)
        return ["-n", "7", "rest"]

    parser = tool()
    with argcatch.armed(ask):
        options, words = parser.parse_args(None if given is None else sys.argv[1:])
        assert (options.count, words) == (7, ["rest"])
        assert parser.parse_args(["-n", "1"])[0].count == 1  # a list of its own: not asked
    assert asked == [True]
    assert sys.argv[1:] == ["-n", "7", "rest"]
