"""Catching the parser when the program parses its command line (console/argcatch.py)."""

from __future__ import annotations

import argparse
import optparse
import sys
import threading

import pytest

from desklaunch.console import argcatch


@pytest.fixture(autouse=True)
def program_beside_this_file(monkeypatch):
    """These parses are the program's own code, as a script beside this file (`__main__`)."""
    monkeypatch.setattr(sys.modules["__main__"], "__file__", __file__, raising=False)


@pytest.fixture(autouse=True)
def command_line(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["prog"])


def parser(cls=argparse.ArgumentParser):
    made = cls(prog="tool")
    made.add_argument("--x", type=int)
    return made


def test_the_first_command_line_parse_asks_and_parses_the_answer():
    asked = []

    def ask(found, leftovers):
        asked.append((found, leftovers))
        return ["--x", "5"]

    tool = parser()
    with argcatch.armed(ask):
        assert tool.parse_args().x == 5
        assert tool.parse_args().x == 5  # later calls: the words chosen, not asked again
        assert tool.parse_args([]).x is None  # a list of its own: not the command line
    assert asked == [(tool, False)]
    assert sys.argv[1:] == ["--x", "5"]


def test_the_program_s_own_list_of_its_command_line_holds_the_words_chosen():
    words = sys.argv[1:]  # pip's way: it then takes its command out of this list
    with argcatch.armed(lambda found, leftovers: ["--x", "5"]):
        assert parser().parse_args(words).x == 5
    assert words == ["--x", "5"]
    sys.argv[1:] = []
    words = sys.argv[1:]
    with argcatch.armed(lambda found, leftovers: ["--x", "6"]):
        pip_like = optparse.OptionParser(prog="tool")
        pip_like.add_option("--x", type=int)
        assert pip_like.parse_args(words)[0].x == 6
    assert words == ["--x", "6"]


def test_subclasses_that_override_parsing_are_caught_where_the_program_calls_them():
    seen = []
    with argcatch.armed(lambda found, leftovers: ["--x", "1"]):

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
    with argcatch.armed(lambda found, leftovers: asked.append(found)):
        thread = threading.Thread(target=lambda: results.append(tool.parse_args()))
        thread.start()
        thread.join()
    assert tool.parse_args().x is None
    assert (asked, results[0].x) == ([], None)


def test_an_explicit_copy_of_the_command_line_is_caught_too():
    with argcatch.armed(lambda found, leftovers: ["--x", "2"]):
        assert parser().parse_args(sys.argv[1:]).x == 2


def test_an_override_that_takes_its_words_after_another_argument_is_called_as_it_asks():
    """httpie's parser: `parse_args(self, env, args=None, namespace=None)`, called with
    keywords; the words chosen in the form reach it as `args`, and `env` stays `env`."""

    class WithEnvironment(argparse.ArgumentParser):
        def parse_args(self, env, args=None, namespace=None):
            parsed = super().parse_args(args, namespace)
            parsed.env = env
            return parsed

    with argcatch.armed(lambda found, leftovers: ["--x", "3"]):
        parsed = parser(WithEnvironment).parse_args(args=sys.argv[1:], env="terminal")
        assert (parsed.x, parsed.env) == (3, "terminal")
        positional = parser(WithEnvironment).parse_args("desktop", ["--x", "4"])
        assert (positional.x, positional.env) == (4, "desktop")


def test_a_librarys_parse_of_an_empty_list_is_not_the_command_line(monkeypatch, tmp_path):
    """pylint's defaults (`parse_args([])`) and python-fire's flags, parsed by the library
    before, or instead of, the command line."""
    monkeypatch.setattr(sys.modules["__main__"], "__file__", str(tmp_path / "script.py"),
                        raising=False)
    asked = []
    with argcatch.armed(lambda found, leftovers: asked.append(leftovers) or ["--x", "6"]):
        assert parser().parse_args([]).x is None  # this file is not beside the script
        assert parser().parse_known_args()[0].x == 6  # the command line: asked
    assert asked == [True]


def test_a_librarys_parse_of_a_copy_of_an_empty_command_line_is_it_when_words_are_needed(
        monkeypatch, tmp_path):
    """httpie and plac copy `sys.argv[1:]` into a list of their own before parsing it: a
    parser with a required argument parsing an empty list is the command line (a library's
    parse of its own defaults must succeed, so needs nothing)."""
    from desklaunch.console.argline import WatchedArgv

    monkeypatch.setattr(sys, "argv", WatchedArgv(["http"]))
    monkeypatch.setattr(sys.modules["__main__"], "__file__", str(tmp_path / "script.py"),
                        raising=False)
    needing = parser()
    needing.add_argument("url")
    with argcatch.armed(lambda found, leftovers: ["example.org", "--x", "8"]):
        parsed = needing.parse_args(list(sys.argv[1:]))  # this file is not beside the script
    assert (parsed.url, parsed.x) == ("example.org", 8)


def test_a_librarys_parse_of_the_command_lines_own_words_is_the_command_line_though_empty(
        monkeypatch, tmp_path):
    """csvkit's tools: `args = sys.argv[1:]` in the library, then `parse_args(args)`; with
    no words typed, that is an empty list, but the command line's."""
    from desklaunch.console.argline import WatchedArgv

    monkeypatch.setattr(sys, "argv", WatchedArgv(["csvlook"]))
    monkeypatch.setattr(sys.modules["__main__"], "__file__", str(tmp_path / "script.py"),
                        raising=False)
    with argcatch.armed(lambda found, leftovers: ["--x", "7"]):
        assert parser().parse_args(sys.argv[1:]).x == 7  # this file is not beside the script


def test_the_words_after_one_the_program_took_itself_are_not_the_command_line(monkeypatch):
    """Django's way: it keeps `sys.argv[:]`, takes its subcommand from it (help, with none
    typed) and parses the rest, `argv[2:]`: empty as the command line is, but not it."""
    from desklaunch.console.argline import WatchedArgv

    monkeypatch.setattr(sys, "argv", WatchedArgv(["django"]))
    asked = []
    with argcatch.armed(lambda found, leftovers: asked.append(found) or ["--x", "1"]):
        kept = sys.argv[:]
        assert parser().parse_known_args(kept[2:])[0].x is None
        assert parser().parse_args(kept[1:]).x == 1  # the words themselves: asked
    assert len(asked) == 1
