"""Checking a command line against the program's own parser, with argparse's own messages.

The form refuses exactly what argparse refuses, in its words: each field's words go through
the parser's own conversion and choice check (`invalid int value: 'x'`, `invalid choice`),
then the whole command line through the parser itself (required arguments, one of a
required group, counts). Nothing happens while checking: `FileType` arguments are checked
the way `FileType` checks them, without opening a file for writing, and the parser's
`error()` raises instead of printing usage and exiting.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
from collections.abc import Iterator
from typing import Any


class RejectedError(Exception):
    """The parser refused the command line; `str()` is its message."""


def parsers_of(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """`parser` and every subcommand's parser under it."""
    found: list[argparse.ArgumentParser] = []
    pending = [parser]
    while pending:
        current = pending.pop()
        if any(current is seen for seen in found):
            continue
        found.append(current)
        for action in current._actions:  # argparse has no public list of its arguments
            if isinstance(action, argparse._SubParsersAction):
                pending.extend(action.choices.values())
    return found


def check_words(parser: argparse.ArgumentParser, action: argparse.Action,
                words: list[str]) -> str | None:
    """argparse's message for `words` as the values of `action`, or None when accepted."""
    count = _count_problem(action, len(words))
    try:
        if count:
            raise argparse.ArgumentError(action, count)
        with dry_types(parser):
            parser._get_values(action, list(words))
    except argparse.ArgumentError as exc:
        return str(exc)
    except Exception:  # noqa: BLE001 - the program's own type function failed: the real
        return None  # parse shows that as it would in a terminal
    return None


def check_command_line(parser: argparse.ArgumentParser, argv: list[str]) -> RejectedError | None:
    """Parse `argv` with `parser`, changing nothing; the refusal, or None when accepted."""
    tree = parsers_of(parser)

    def refuse(message: str) -> Any:
        raise RejectedError(message)

    saved = [(p, p.__dict__.get("error")) for p in tree]
    for each in tree:
        each.error = refuse  # type: ignore[method-assign]
    try:
        with dry_types(parser):
            parser.parse_known_args(list(argv))
    except RejectedError as exc:
        return exc
    except argparse.ArgumentError as exc:  # a parser made with exit_on_error=False
        return RejectedError(str(exc))
    except SystemExit:
        return None  # --help or --version: not something the form sends
    except Exception:  # noqa: BLE001 - the program's own code failed: the real parse shows it
        return None
    finally:
        for each, own in saved:
            if own is None:
                each.__dict__.pop("error", None)
            else:
                each.error = own  # type: ignore[method-assign]
    return None


@contextlib.contextmanager
def dry_types(parser: argparse.ArgumentParser) -> Iterator[None]:
    """`FileType` arguments checked without opening files for writing, for a moment."""
    swapped: list[tuple[argparse.Action, Any]] = []
    for each in parsers_of(parser):
        for action in each._actions:
            if isinstance(action.type, argparse.FileType):
                swapped.append((action, action.type))
                action.type = _DryFileType(action.type)
    try:
        yield
    finally:
        for action, kind in swapped:
            action.type = kind


class _DryFileType:
    """What `FileType(mode)` would say of a name, without creating or emptying the file."""

    def __init__(self, real: argparse.FileType) -> None:
        self._mode = getattr(real, "_mode", "r")
        self.__name__ = type(real).__name__

    def __call__(self, name: str) -> str:
        if name == "-":
            return name
        problem: OSError | None = None
        if any(letter in self._mode for letter in "wax+"):
            folder = os.path.dirname(os.path.abspath(name))
            if "x" in self._mode and os.path.exists(name):
                problem = OSError(errno.EEXIST, os.strerror(errno.EEXIST), name)
            elif os.path.isdir(name):
                problem = OSError(errno.EISDIR, os.strerror(errno.EISDIR), name)
            elif not os.path.isdir(folder):
                problem = OSError(errno.ENOENT, os.strerror(errno.ENOENT), name)
            elif not os.access(folder, os.W_OK):
                problem = OSError(errno.EACCES, os.strerror(errno.EACCES), name)
        else:
            try:
                with open(name, "rb"):
                    pass
            except OSError as exc:
                problem = exc
        if problem is not None:
            raise argparse.ArgumentTypeError(f"can't open '{name}': {problem}")
        return name


def _count_problem(action: argparse.Action, count: int) -> str | None:
    """argparse's words for the wrong number of values (as `_match_argument` says them)."""
    nargs = action.nargs
    if nargs is None and count != 1:
        return "expected one argument"
    if nargs == argparse.ONE_OR_MORE and count < 1:
        return "expected at least one argument"
    if nargs == argparse.OPTIONAL and count > 1:
        return "expected at most one argument"
    if isinstance(nargs, int) and count != nargs:
        return f"expected {nargs} argument" + ("" if nargs == 1 else "s")
    return None
