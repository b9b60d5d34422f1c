"""Catching a program's argparse (or optparse) parser the moment it asks to parse the
command line.

A parser may be built anywhere: in the script, in a helper module, in a library, as a
subclass of `ArgumentParser` that overrides `parse_args`. So nothing reads the source:
`install()` wraps the parse methods of `ArgumentParser` and of every subclass (those that
exist and those defined later, through `__init_subclass__`). While a run has `armed()` its
thread, the first outermost call that parses the command line (`args` None, or equal to
`sys.argv[1:]`) hands the parser to `ask(parser)`, which shows the form and returns the
words the person chose; they become `sys.argv[1:]` and the call goes on with them, as if
they had been typed. Later calls, nested calls and other threads pass straight through.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import inspect
import optparse
import sys
import sysconfig
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desklaunch.console.argline import ArgvTail, ArgvWords
from desklaunch.console.optparser import as_argparse
from desklaunch.console.rerun import INSTALLED

Ask = Callable[[argparse.ArgumentParser, bool], "list[str] | None"]
"""Called with the parser and whether the call keeps the words it does not know
(`parse_known_args`: pylint takes its files from those)."""

METHODS = ("parse_args", "parse_known_args", "parse_intermixed_args",
           "parse_known_intermixed_args")
_WRAPPED = "__desklaunch_wrapped__"
KEEP_LEFTOVERS = frozenset({"parse_known_args", "parse_known_intermixed_args"})
STDLIB = Path(sysconfig.get_paths()["stdlib"])


class _State(threading.local):
    ask: Ask | None = None
    depth = 0


_state = _State()
_install_lock = threading.Lock()
_installed = False


@contextlib.contextmanager
def armed(ask: Ask) -> Iterator[None]:
    """Within this block, the calling thread's first command-line parse goes to `ask`."""
    install()
    _state.ask, _state.depth = ask, 0
    try:
        yield
    finally:
        _state.ask = None


def install() -> None:
    """Wrap the parse methods of `ArgumentParser` and its subclasses (once a process)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        _installed = True
        pending = [argparse.ArgumentParser]
        while pending:
            cls = pending.pop()
            _wrap_class(cls)
            pending.extend(cls.__subclasses__())
        previous = argparse.ArgumentParser.__dict__.get("__init_subclass__")

        def init_subclass(cls: Any, /, **kwargs: Any) -> None:
            if previous is not None:
                previous.__func__(cls, **kwargs)
            else:
                super(argparse.ArgumentParser, cls).__init_subclass__(**kwargs)
            _wrap_class(cls)

        argparse.ArgumentParser.__init_subclass__ = classmethod(init_subclass)  # type: ignore[assignment]
        _wrap_optparse()


def _wrap_class(cls: type) -> None:
    for name in METHODS:
        method = cls.__dict__.get(name)
        if callable(method) and not getattr(method, _WRAPPED, False):
            setattr(cls, name, _wrapped(method))


def _wrapped(method: Callable[..., Any]) -> Callable[..., Any]:
    # Where the words come: `args`, wherever an override put it (httpie's is
    # `parse_args(self, env, args=None)`), else the first argument, as argparse's own.
    names = list(inspect.signature(method).parameters)[1:]
    at = names.index("args") if "args" in names else 0

    @functools.wraps(method)
    def parse(self: argparse.ArgumentParser, *pos: Any, **kwargs: Any) -> Any:
        given = list(pos)
        args = kwargs.get("args", given[at] if at < len(given) else None)
        if _first_parse(args, sys._getframe(1), _needs_words(self)):
            chosen = _ask(self, method.__name__ in KEEP_LEFTOVERS)
            if chosen is not None:
                if "args" in kwargs:
                    kwargs["args"] = _filled(args, chosen)
                elif args is not None:
                    given[at] = _filled(args, chosen)
        _state.depth += 1
        try:
            return method(self, *given, **kwargs)
        finally:
            _state.depth -= 1

    setattr(parse, _WRAPPED, True)
    return parse


def _wrap_optparse() -> None:
    """optparse's `OptionParser.parse_args`: its form is that of the same options as an
    argparse parser (optparser.py), the words after them in **Other arguments**."""
    method = optparse.OptionParser.parse_args

    @functools.wraps(method)
    def parse(self: optparse.OptionParser, args: Any = None, values: Any = None) -> Any:
        if _first_parse(args, sys._getframe(1), needs_words=False):
            converted = as_argparse(self)
            chosen = _ask(converted, True) if converted is not None else None
            if chosen is not None and args is not None:
                args = _filled(args, chosen)
        _state.depth += 1
        try:
            return method(self, args, values)
        finally:
            _state.depth -= 1

    optparse.OptionParser.parse_args = parse  # type: ignore[method-assign]


def _filled(args: Any, chosen: list[str]) -> list[str]:
    """The words to parse: the program's own list of its command line, now holding the words
    chosen, as it would hold them in a terminal (pip then takes its command out of it); a
    new list where the program gave no list (`None`, a tuple)."""
    if isinstance(args, list):
        args[:] = chosen
        return args
    return list(chosen)


def _first_parse(args: Any, caller: Any, needs_words: bool) -> bool:
    """Whether this call, made from frame `caller`, is the run's first outermost parse of
    the command line, which the form answers; `needs_words`: the parser has a required
    argument, which an empty list would leave out."""
    return (_state.depth == 0 and _state.ask is not None and _from_command_line(args)
            and (needs_words or not _library_parses_nothing(args, caller)))


EMPTY_ALLOWED = (argparse.OPTIONAL, argparse.ZERO_OR_MORE, argparse.REMAINDER)
"""`nargs` that take no word at all, though argparse marks such a positional required (a
shell's `help` parser's `subcommands`, `nargs=REMAINDER`)."""


def _needs_words(parser: argparse.ArgumentParser) -> bool:
    """Whether `parser` requires an argument: its parse of an empty list is then the
    program's empty command line (httpie and plac copy `sys.argv[1:]` into a list of their
    own), never a library's own parse of its defaults, which must succeed."""
    return any(action.required and action.nargs not in EMPTY_ALLOWED
               for action in getattr(parser, "_actions", ()))


def _ask(parser: argparse.ArgumentParser, leftovers: bool) -> list[str] | None:
    """The words the person chose in the form for `parser`, now `sys.argv[1:]`."""
    ask, _state.ask = _state.ask, None
    assert ask is not None
    chosen = ask(parser, leftovers)
    if chosen is not None:
        sys.argv[1:] = chosen
    return chosen


def _library_parses_nothing(args: Any, frame: Any) -> bool:
    """A library parsing an empty list of its own, which looks like an empty command line:
    python-fire reads only the flags after a `--` (none), pylint its defaults
    (`parse_args([])`) before its real parse. Code beside the program's script, the
    standard library's (`unittest.main`), and a library handing over `sys.argv[1:]` itself
    (csvkit's) parse the command line."""
    if args is None or len(args) > 0 or isinstance(args, ArgvWords):
        return False
    caller = Path(frame.f_code.co_filename)
    script = getattr(sys.modules.get("__main__"), "__file__", None)
    if script is not None and caller.is_relative_to(Path(script).parent):
        return False
    return not (caller.is_relative_to(STDLIB) and INSTALLED.isdisjoint(caller.parts))


def _from_command_line(args: Any) -> bool:
    if args is None:
        return True
    if isinstance(args, ArgvTail):  # `argv[2:]`: after a word the program took itself
        return False
    return isinstance(args, (list, tuple)) and list(args) == sys.argv[1:]
