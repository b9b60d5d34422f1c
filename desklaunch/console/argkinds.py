"""What kind of field each argparse argument is, and what it is called, holds and opens.

Kinds: `flag` (no value: a checkbox), `count` (a number of times), `choice` (one of its
`choices`), `choices` (several of them), `list` (`*`, `+`, `append`, `extend`: rows),
`tuple` (`nargs=N`: N boxes), `text` (one value). A chooser is offered for `FileType`
arguments and for names that read as a file ("open" or "save") or a folder ("folder").
"""

from __future__ import annotations

import argparse
import os
import pathlib
import re
from typing import Any

from desklaunch.console.labels import readable

MAX_OPTIONS = 200
"""More choices than this (a `range(1, 10_000)`) are typed, and checked by argparse."""

_FOLDER = re.compile(r"(^|[_\-\s<])(dir|dirs|directory|directories|folder|folders|outdir|"
                     r"destdir|root|workdir|cwd)s?([_\-\s>]|$)", re.IGNORECASE)
_FOLDER_HELP = re.compile(r"\b(directory|folder|dir)\b", re.IGNORECASE)
_FILE = re.compile(r"(^|[_\-\s<])(file|filename|path|input|output|infile|outfile|src|source|"
                   r"zipfile|archive|tarfile|log|config|csv|json)s?([_\-\s>]|$)", re.IGNORECASE)
_WRITES = re.compile(r"(^|[_\-\s<])(out|output|outfile|dest|destination|target|save)s?"
                     r"([_\-\s>]|$)", re.IGNORECASE)


def either_options(action: argparse.Action) -> list[str] | None:
    """`["--warn", "--no-warn"]` for a yes/no option that may also be left unsaid
    (`BooleanOptionalAction` with no default, or SUPPRESS: "as configured"), else None. A
    box could say only yes or unsaid, so its field is a choice of the two, or neither."""
    if not isinstance(action, argparse.BooleanOptionalAction) or \
            action.default not in (None, argparse.SUPPRESS):
        return None
    negative = next((o for o in action.option_strings if o.startswith("--no-")), None)
    positive = next((o for o in action.option_strings if o != negative), None)
    return [positive, negative] if positive and negative else None


def field_kind(action: argparse.Action) -> str:
    if isinstance(action, argparse._CountAction):
        return "count"
    if either_options(action):
        return "choice"
    if action.nargs == 0:
        return "flag"
    many = action.nargs in ("*", "+", argparse.REMAINDER) or \
        isinstance(action, (argparse._AppendAction, argparse._ExtendAction))
    if _listed(action.choices):
        return "choices" if many else "choice"
    if many:
        return "list"
    if isinstance(action.nargs, int) and action.nargs > 1:
        return "tuple"
    return "text"


def _listed(choices: Any) -> bool:
    if choices is None or isinstance(choices, (str, bytes)):
        return False
    try:
        return 0 < len(choices) <= MAX_OPTIONS
    except TypeError:
        return False


def is_required(action: argparse.Action) -> bool:
    """Whether argparse insists on a value (it marks `nargs="*"` positionals required,
    yet accepts none)."""
    if not action.option_strings and action.nargs in ("?", "*", argparse.REMAINDER):
        return False
    return bool(action.required)


def label_for(action: argparse.Action, kind: str) -> str:
    """The field's label: an option's long name, a positional's metavar or dest; a short
    option's dest when it names more than a letter (`-q` kept as `quiet`), else the option
    as written (`-v`, which reads better than a lone "V")."""
    options = action.option_strings
    if not options:
        name = action.metavar if isinstance(action.metavar, str) else action.dest
    else:
        longs = [o for o in options if o.startswith("--")]
        if longs:
            name = longs[0]
        elif len(action.dest) > 1:
            name = action.dest
        elif kind != "flag" and isinstance(action.metavar, str):
            name = action.metavar
        else:
            return options[0]
    return readable(str(name)) or str(name)


def value_label(action: argparse.Action, label: str) -> str:
    """The label of the value box under a choice's round button ("Zipfile", "Level value");
    for rows named by two metavars, as argparse's usage names them ("Name, then files")."""
    metavar = action.metavar
    if isinstance(metavar, str):
        return readable(metavar) or metavar
    if (isinstance(metavar, tuple) and len(metavar) == 2
            and action.nargs in (argparse.ONE_OR_MORE, argparse.ZERO_OR_MORE)):
        first, rest = (readable(str(name)) or str(name) for name in metavar)
        return f"{first}, then {rest.lower() if rest[1:].islower() else rest}s"
    return f"{label} value"


def part_labels(action: argparse.Action, label: str) -> list[str]:
    """One label per box of a `nargs=N` argument: its metavars, or "Label 1", "Label 2"."""
    count = int(action.nargs) if isinstance(action.nargs, int) else 1
    if isinstance(action.metavar, tuple) and len(action.metavar) == count:
        return [readable(str(name)) or str(name) for name in action.metavar]
    return [f"{label} {n}" for n in range(1, count + 1)]


def default_value(action: argparse.Action, kind: str) -> Any:
    """The value the field starts with: what leaving it alone means to argparse."""
    default = action.default
    if kind == "flag":
        return bool(default) if isinstance(action, argparse.BooleanOptionalAction) else False
    if kind == "count":
        return str(default) if isinstance(default, int) else "0"
    if kind in ("list", "choices", "tuple"):
        items = list(default) if isinstance(default, (list, tuple)) else \
            ([] if default is None or default == argparse.SUPPRESS else [default])
        texts = [_as_text(action, item) for item in items]
        if kind == "tuple":
            count = int(action.nargs) if isinstance(action.nargs, int) else 1
            texts = (texts + [""] * count)[:count]
        return texts
    if default is None or default == argparse.SUPPRESS:
        return ""
    return _as_text(action, default)


def _as_text(action: argparse.Action, value: Any) -> str:
    name = getattr(value, "name", None)
    if hasattr(value, "read") or hasattr(value, "write"):  # an open file: sys.stdin, ...
        return "-" if name in ("<stdin>", "<stdout>", "<stderr>") or not isinstance(name, str) \
            else name
    return word_for(action, value)


def word_for(action: argparse.Action, value: Any) -> str:
    """What a person types for `value`, a choice or a default that is not text: the word the
    argument's type turns back into it (an `Enum` member's value or name, a list's items
    joined by commas), else `str(value)`. `Color.RED` is typed `red` for `type=Color`."""
    if isinstance(value, str):
        return value
    candidates = [str(value)]
    if isinstance(value, (list, tuple)):
        candidates += [",".join(map(str, value)), " ".join(map(str, value))]
    for attribute in ("value", "name"):
        if isinstance(getattr(value, attribute, None), (str, int, float)):
            candidates.insert(0, str(getattr(value, attribute)))
    convert = action.type if callable(action.type) else None
    if isinstance(convert, argparse.FileType) or convert is open:  # opening is not checking
        convert = None
    for word in candidates:
        try:
            if convert is not None and convert(word) == value:
                return word
        except Exception:  # noqa: BLE001 - the program's own type function: not this word
            continue
    return str(value)


def accepts_stdio(action: argparse.Action) -> str:
    """"in" or "out" when the argument is a `FileType` that takes `-`, else ""."""
    kind = action.type
    if not isinstance(kind, argparse.FileType):
        return ""
    mode = getattr(kind, "_mode", "r")
    return "out" if any(letter in mode for letter in "wax") else "in"


def chooser_for(action: argparse.Action, kind: str, help_text: str) -> str:
    """"open", "save" or "folder" when the argument names a file or a folder, else ""."""
    if kind in ("flag", "count", "choice", "choices"):
        return ""
    if isinstance(action.type, argparse.FileType):
        return "save" if accepts_stdio(action) == "out" else "open"
    names = [action.dest, *(o.lstrip("-") for o in action.option_strings)]
    if isinstance(action.metavar, str):
        names.append(action.metavar)
    if action.type in (int, float, complex):
        return ""
    if any(_FOLDER.search(name) for name in names if name):
        return "folder"
    if action.type is pathlib.Path and isinstance(action.default, (str, pathlib.Path)) \
            and os.path.isdir(action.default):
        return "folder"
    if any(_FILE.search(name) for name in names if name) or action.type is pathlib.Path:
        return "save" if any(_WRITES.search(name) for name in names if name) else "open"
    if _FOLDER_HELP.search(help_text):
        return "folder"
    return ""


def tuple_choosers(action: argparse.Action) -> list[str]:
    """For a `nargs=N` argument with metavars: a chooser per box ("" for none)."""
    if not isinstance(action.metavar, tuple):
        return []
    out = []
    for name in action.metavar:
        text = str(name)
        out.append("folder" if _FOLDER.search(text) else "open" if _FILE.search(text) else "")
    return out
