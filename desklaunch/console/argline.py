"""The "Arguments" line: a program with no parser is given its arguments as typed in a shell.

A program that reads `sys.argv` itself (with `getopt`, or by hand) has nothing to build a
form from. After each run it gets one field, "Arguments", holding the words of that run
(quoted as a shell would show them); it is split with `shlex`, as a POSIX shell splits a
command line, so `-n 3 "my file.txt"` gives the program three words. It answers the same
`console_args` form as a parser's form does (argform.py, clickform.py).

A program that never looks past `sys.argv[0]` (most `input()`/`print()` scripts) gets no
such line, only "Run again": `WatchedArgv` notes whether a run read its arguments.
"""

from __future__ import annotations

import shlex
from typing import Any

MAX_LINE = 100_000
FIELD_KEY = "line"
MEMORY_KEY = "|arguments"
HELP = ("The words after the program's name, as you would type them in a terminal; "
        "quote a word with spaces in it: \"my file.txt\"")


class ArgvWords(list[str]):
    """`sys.argv[1:]` as a run's program took it: the command line's words, even when there
    are none and a library parses them (csvkit's tools)."""


class ArgvTail(list[str]):
    """`sys.argv[2:]` and on: the words after one the program took itself (Django's
    subcommand), never the command line, even when both are empty."""


class ArgvCopy(list[str]):
    """`sys.argv[:]`, a copy the program keeps (Django's), whose slices say the same."""

    def __getitem__(self, index: Any) -> Any:
        return _sliced(self, index)


def _sliced(argv: list[str], index: Any) -> Any:
    """`argv[index]`, a slice to the end marked as what it is: a copy, the words, a tail."""
    part = list.__getitem__(argv, index)
    if not isinstance(index, slice) or index.stop is not None or index.step not in (None, 1):
        return part
    start = index.start or 0
    if start < 0:
        return part
    return ArgvCopy(part) if start == 0 else ArgvWords(part) if start == 1 else ArgvTail(part)


class WatchedArgv(list[str]):
    """`sys.argv` for one run; `read` turns True when the program reads past its name."""

    read = False

    def __getitem__(self, index: Any) -> Any:
        if index != 0:
            self.read = True
        return _sliced(self, index)

    def __len__(self) -> int:
        self.read = True
        return super().__len__()

    def __iter__(self) -> Any:
        self.read = True
        return super().__iter__()

    def __contains__(self, item: object) -> bool:
        self.read = True
        return super().__contains__(item)

    def index(self, *args: Any) -> int:
        self.read = True
        return super().index(*args)

    def count(self, item: Any) -> int:
        self.read = True
        return super().count(item)


def arguments_read(argv: object) -> bool:
    """Whether the run whose `sys.argv` is now `argv` read its arguments (a program that
    put a list of its own there did)."""
    return not isinstance(argv, WatchedArgv) or argv.read


class ArgumentsLine:
    """A one-field form: the whole command line after the program's name."""

    def __init__(self, title: str, words: list[str]) -> None:
        self.title = title
        self.words = list(words)
        self.fields: dict[str, Any] = {}
        """No field asks for a file chooser."""
        self.secrets: frozenset[str] = frozenset()
        self._remembered: dict[str, Any] = {}

    def wire(self, remembered: dict[str, Any] | None = None) -> dict[str, Any]:
        """The form for the page: the last run's words, or the remembered line for a run
        that had none (the first run of a new launch)."""
        line = shlex.join(self.words)
        self._remembered = remembered if isinstance(remembered, dict) else {}
        values = self._remembered.get("values")
        if not line and isinstance(values, dict) and isinstance(values.get(MEMORY_KEY), str):
            line = values[MEMORY_KEY]
        field = {"type": "field", "key": FIELD_KEY, "label": "Arguments", "option": "",
                 "kind": "text",
                 "help": HELP, "required": False, "value": line}
        return {"title": self.title, "label": "Command line", "description": "",
                "submit_label": "Run again",
                "root": {"items": [field]}}

    def build_argv(self, answer: Any) -> tuple[list[str], dict[str, str], dict[str, Any]]:
        """(argv, errors by field key, values to remember) for a submitted answer."""
        values = answer.get("values") if isinstance(answer, dict) else None
        line = values.get(FIELD_KEY) if isinstance(values, dict) else None
        line = line if isinstance(line, str) else ""
        if len(line) > MAX_LINE:
            return [], {FIELD_KEY: "This is too long"}, {}
        try:
            words = shlex.split(line)
        except ValueError as exc:  # "No closing quotation", "No escaped character"
            return [], {FIELD_KEY: f"{exc}"}, {}
        self.words = words
        # Kept beside what a form of the same program remembered (a click program started
        # with arguments gets this line, and its form next time).
        values = self._remembered.get("values")
        kept = dict(values) if isinstance(values, dict) else {}
        path = self._remembered.get("path")
        return words, {}, {"values": {**kept, MEMORY_KEY: line},
                           "path": path if isinstance(path, list) else []}
