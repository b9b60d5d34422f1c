"""The Arguments line of a program with no parser, and telling whether a run read argv."""

from __future__ import annotations

import getopt
import sys

from desklaunch.console.argline import ArgumentsLine, WatchedArgv, arguments_read


def submit(line: ArgumentsLine, text: object) -> tuple[list[str], dict[str, str], dict]:
    return line.build_argv({"values": {"line": text}})


def test_the_line_is_split_as_a_shell_splits_it() -> None:
    line = ArgumentsLine("tool.py", [])
    argv, errors, memory = submit(line, '-l -n 5 "my notes.txt" it\\\'s')
    assert errors == {}
    assert argv == ["-l", "-n", "5", "my notes.txt", "it's"]
    assert memory == {"values": {"|arguments": '-l -n 5 "my notes.txt" it\\\'s'}, "path": []}
    field = line.wire()["root"]["items"][0]
    assert field["label"] == "Arguments"
    assert field["value"] == "-l -n 5 'my notes.txt' 'it'\"'\"'s'"  # the last run's words


def test_a_line_a_shell_could_not_split_is_refused() -> None:
    line = ArgumentsLine("tool.py", ["a"])
    assert submit(line, '"open') == ([], {"line": "No closing quotation"}, {})
    assert submit(line, "x" * 200_000)[1] == {"line": "This is too long"}
    assert submit(line, None)[0] == []  # nothing usable: no arguments
    assert line.build_argv("junk")[0] == []


def test_the_form_shows_the_last_runs_words_or_else_the_remembered_line() -> None:
    remembered = {"values": {"|arguments": "-n 2 old.txt"}}
    form = ArgumentsLine("tool.py", []).wire(remembered)
    assert form["title"] == "tool.py"
    assert form["label"] == "Command line"
    assert form["submit_label"] == "Run again"
    assert form["root"]["items"][0]["value"] == "-n 2 old.txt"
    given = ArgumentsLine("tool.py", ["new.txt"]).wire(remembered)
    assert given["root"]["items"][0]["value"] == "new.txt"


def test_the_line_is_remembered_beside_what_a_form_remembered() -> None:
    line = ArgumentsLine("tool.py", ["a"])
    line.wire({"values": {"add|--tag": "x"}, "path": ["add"]})
    _, _, memory = submit(line, "add y")
    assert memory == {"values": {"add|--tag": "x", "|arguments": "add y"}, "path": ["add"]}


def test_reading_past_the_programs_name_counts_as_reading_its_arguments() -> None:
    assert not WatchedArgv(["tool.py", "-n"]).read
    for look in (lambda a: a[1:], lambda a: a[1], lambda a: len(a), lambda a: list(a),
                 lambda a: "-n" in a, lambda a: a.index("-n"), lambda a: a.count("-n"),
                 lambda a: getopt.getopt(a[1:], "n")):
        argv = WatchedArgv(["tool.py", "-n"])
        argv[0]  # the program's own name is not an argument
        assert not arguments_read(argv)
        look(argv)
        assert arguments_read(argv)
    assert arguments_read(["a plain list", "the program put there"])


def test_a_watched_argv_is_still_a_list_to_the_program() -> None:
    argv = WatchedArgv(["tool.py", "a", "b"])
    saved = sys.argv
    try:
        sys.argv = argv
        assert sys.argv[1:] == ["a", "b"]
        assert isinstance(sys.argv, list)
        assert sys.argv == ["tool.py", "a", "b"]
    finally:
        sys.argv = saved
