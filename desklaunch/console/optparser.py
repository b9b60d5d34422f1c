"""An optparse parser (`optparse.OptionParser`) seen as the argparse parser it amounts to,
so that an optparse program gets the same argument form as an argparse one.

optparse declares only options; the words after them (pyfiglet's text, a file list) are
the form's **Other arguments**. The person's answer becomes command-line words, which the
program's own optparse parser then reads, so its checks and callbacks run as typed.
"""

from __future__ import annotations

import argparse
import optparse
from typing import Any

_TYPES: dict[str, Any] = {"int": int, "long": int, "float": float, "complex": complex}
_PLAIN_ACTIONS = {"store_true", "store_false", "store_const", "append_const", "count"}


class FromOptparse(argparse.ArgumentParser):
    """An optparse parser's options as an argparse parser: its form's **Other arguments**
    that look like options come after a `--`, which optparse takes out (argparse's
    `parse_known_args` keeps it, so it gets none)."""


def as_argparse(parser: optparse.OptionParser) -> argparse.ArgumentParser | None:
    """The argparse parser with the same options, groups and defaults; None when one of
    them has no argparse counterpart (the program then runs without a form)."""
    try:
        return _convert(parser)
    except (argparse.ArgumentError, TypeError, ValueError, AttributeError):
        return None


def _convert(parser: optparse.OptionParser) -> argparse.ArgumentParser:
    converted = FromOptparse(
        prog=parser.get_prog_name(), description=parser.expand_prog_name(
            parser.description or "") or None,
        add_help=False, conflict_handler="resolve", allow_abbrev=False)
    for option in parser.option_list:
        _add(converted, parser, option)
    for group in parser.option_groups:
        section = converted.add_argument_group(group.title, group.description)
        for option in group.option_list:
            _add(section, parser, option)
    return converted


def _add(target: Any, parser: optparse.OptionParser, option: optparse.Option) -> None:
    action = str(option.action)
    if action in ("help", "version"):
        return
    names = [*option._short_opts, *option._long_opts]
    default = parser.defaults.get(option.dest) if option.dest else None
    if default is optparse.NO_DEFAULT:
        default = None
    options: dict[str, Any] = {"dest": option.dest or names[-1].lstrip("-"),
                               "help": _help(parser, option), "default": default}
    if action in _PLAIN_ACTIONS:
        options["action"] = action
        if action in ("store_const", "append_const"):
            options["const"] = option.const
    elif action == "callback" and not option.takes_value():
        options["action"] = "store_true"  # a switch whose callback does the work
        options["default"] = False
    else:  # store, append, or a callback that takes a value
        if action == "append":
            options["action"] = "append"
        if option.type == "choice":
            options["choices"] = list(option.choices or ())
        elif option.type in _TYPES:
            options["type"] = _TYPES[option.type]
        if option.nargs is not None and option.nargs != 1:
            options["nargs"] = option.nargs
        if option.metavar:
            options["metavar"] = option.metavar
    target.add_argument(*names, **options)


def _help(parser: optparse.OptionParser, option: optparse.Option) -> str | None:
    if option.help == optparse.SUPPRESS_HELP:
        return argparse.SUPPRESS
    if not option.help:
        return None
    formatter = parser.formatter
    formatter.set_parser(parser)
    # optparse's "%default"; argparse would read any other "%" as a format of its own.
    return formatter.expand_default(option).replace("%", "%%")
