"""Catching the parser when the program parses its command line (console/argcatch.py)."""

from __future__ import annotations

import argparse
import sys
import threading

import pytest

from desklaunch.console import argcatch


@pytest.fixture(autouse=True)
def command_line(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["prog"])


def parser(cls=argparse.ArgumentParser):
    made = cls(prog="tool")
    made.add_argument("--x", type=int)
    return made


def test_the_first_command_line_parse_asks_and_parses_the_answer():
    asked = []

    def ask(found):
        asked.append(found)
        return ["--x", "5"]

    tool = parser()
    with argcatch.armed(ask):
        assert tool.parse_args().x == 5
        assert tool.parse_args().x == 5  # later calls: the words chosen, not asked again
        assert tool.parse_args([]).x is None  # a list of its own: not the command line
    assert asked == [tool]
    assert sys.argv[1:] == ["--x", "5"]


def test_subclasses_that_override_parsing_are_caught_where_the_program_calls_them():
    seen = []
    with argcatch.armed(lambda found: ["--x", "1"]):

        class Preparing(argparse.ArgumentParser):
            def parse_known_args(self, args=None, namespace=None):
                seen.append(list(sys.argv[1:]))  # reads sys.argv itself
                return super().parse_known_args(sys.argv[1:] if args is None else args,
                                                namespace)

        assert parser(Preparing).parse_args().x == 1
    assert seen == [["--x", "1"]]


def test_other_threads_and_unarmed_runs_pass_through():
    asked = []
    tool = parser()
    results = []
    with argcatch.armed(asked.append):
        thread = threading.Thread(target=lambda: results.append(tool.parse_args()))
        thread.start()
        thread.join()
    assert tool.parse_args().x is None
    assert (asked, results[0].x) == ([], None)


def test_an_explicit_copy_of_the_command_line_is_caught_too():
    with argcatch.armed(lambda found: ["--x", "2"]):
        assert parser().parse_args(sys.argv[1:]).x == 2


def test_an_override_that_takes_its_words_after_another_argument_is_called_as_it_asks():
    """httpie's parser: `parse_args(self, env, args=None, namespace=None)`, called with
    keywords; the words chosen in the form reach it as `args`, and `env` stays `env`."""

    class WithEnvironment(argparse.ArgumentParser):
        def parse_args(self, env, args=None, namespace=None):
            parsed = super().parse_args(args, namespace)
            parsed.env = env
            return parsed

    with argcatch.armed(lambda found: ["--x", "3"]):
        parsed = parser(WithEnvironment).parse_args(args=sys.argv[1:], env="terminal")
        assert (parsed.x, parsed.env) == (3, "terminal")
        positional = parser(WithEnvironment).parse_args("desktop", ["--x", "4"])
        assert (positional.x, positional.env) == (4, "desktop")
