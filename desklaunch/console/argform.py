"""A script's argparse parser as a form, and the form's answer as the script's `sys.argv`.

`describe()` turns the parser the script built into the `console_args` form the page shows
(docs/protocol.md): one field per argument, with its help, default and choices; flags as
checkboxes, lists (`nargs`, `append`) as one-item-per-line text, subcommands as tabs.
`build_argv()` checks what the person submitted, trusting nothing the page says, and
returns the command line the script's own `parse_args()` then parses, as in a terminal.
Values are remembered by "subcommand path | option" so a changed script keeps what fits.
"""

from __future__ import annotations

import argparse
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

MAX_VALUE = 100_000
_PATHLIKE = re.compile(r"(^|[_-])(file|filename|path|input|output|infile|outfile|src|source)s?$",
                       re.IGNORECASE)
_LIST_NARGS = ("*", "+", argparse.REMAINDER)


@dataclass
class ArgField:
    """One argument as a form field, and where it sits in the parser."""

    key: str
    memory: str
    action: argparse.Action
    kind: str  # flag, count, choice, list, text
    wire: dict[str, Any]


@dataclass
class Level:
    """One parser (the top one, or a subcommand's): its fields and its subcommands."""

    parser: argparse.ArgumentParser
    path: tuple[str, ...]
    fields: list[ArgField] = field(default_factory=list)
    commands: dict[str, Level] = field(default_factory=dict)
    commands_required: bool = False


class ArgForm:
    """The form for one parser; `wire()` for the page, `build_argv()` for its answers."""

    def __init__(self, parser: argparse.ArgumentParser, *, choosers: bool = False) -> None:
        self._ids = itertools.count(1)
        self._choosers = choosers
        self.fields: dict[str, ArgField] = {}
        self.root = self._level(parser, ())
        self.title = parser.prog
        self.description = parser.description or ""

    # -- parser → form --------------------------------------------------------------------

    def _level(self, parser: argparse.ArgumentParser, path: tuple[str, ...]) -> Level:
        level = Level(parser, path)
        for action in parser._actions:  # argparse offers no public list of its arguments
            if isinstance(action, argparse._SubParsersAction):
                level.commands_required = bool(action.required)
                helps = {a.dest: a.help or "" for a in action._choices_actions}
                for name, sub in action.choices.items():
                    child = self._level(sub, (*path, name))
                    child.parser.description = child.parser.description or helps.get(name, "")
                    level.commands.setdefault(name, child)
            elif not isinstance(action, (argparse._HelpAction, argparse._VersionAction)) \
                    and action.help != argparse.SUPPRESS:
                arg = self._field(parser, action, path)
                level.fields.append(arg)
                self.fields[arg.key] = arg
        return level

    def _field(self, parser: argparse.ArgumentParser, action: argparse.Action,
               path: tuple[str, ...]) -> ArgField:
        key = f"a{next(self._ids)}"
        option = _long_option(action)
        kind = _kind(action)
        label = _label(action, option, kind)
        wire: dict[str, Any] = {
            "key": key, "label": label, "option": option or "", "kind": kind,
            "help": _help(parser, action), "required": bool(action.required),
            "value": _default_text(action, kind),
        }
        if kind == "choice":
            wire["options"] = [str(choice) for choice in action.choices or ()]
        if action.type in (int, float):
            wire["number"] = action.type.__name__
        if self._choosers and _is_pathlike(action, option):
            wire["chooser"] = "save" if _writes(action) else "open"
        memory = "/".join(path) + "|" + (option or action.dest)
        return ArgField(key, memory, action, kind, wire)

    def wire(self, remembered: dict[str, Any] | None = None) -> dict[str, Any]:
        """The form as the page gets it, pre-filled with `remembered` values when given."""
        remembered = remembered or {}
        values = remembered.get("values", {}) if isinstance(remembered, dict) else {}
        chosen = remembered.get("path", []) if isinstance(remembered, dict) else []
        return {"title": self.title, "description": self.description,
                "root": self._wire_level(self.root, values, chosen), "submit_label": "Run"}

    def _wire_level(self, level: Level, values: dict[str, Any], chosen: list[Any]
                    ) -> dict[str, Any]:
        fields = []
        for arg in level.fields:
            spec = dict(arg.wire)
            if arg.memory in values:
                spec["value"] = values[arg.memory]
            fields.append(spec)
        wire: dict[str, Any] = {"fields": fields, "description": level.parser.description or ""}
        if level.commands:
            depth = len(level.path)
            selected = chosen[depth] if len(chosen) > depth else None
            if selected not in level.commands:
                selected = next(iter(level.commands))
            wire["commands"] = [
                {"name": name, "level": self._wire_level(sub, values, chosen)}
                for name, sub in level.commands.items()
            ]
            wire["selected"] = selected
        return wire

    # -- answer → argv --------------------------------------------------------------------

    def build_argv(self, answer: Any) -> tuple[list[str], dict[str, str], dict[str, Any]]:
        """(argv, errors by field key, values to remember) for a submitted answer."""
        raw = answer if isinstance(answer, dict) else {}
        raw_values, raw_path = raw.get("values"), raw.get("path")
        values: dict[str, Any] = raw_values if isinstance(raw_values, dict) else {}
        path: list[Any] = raw_path if isinstance(raw_path, list) else []
        argv: list[str] = []
        errors: dict[str, str] = {}
        memory: dict[str, Any] = {}
        level: Level | None = self.root
        depth = 0
        while level is not None:
            # Positionals first: a list option (`nargs="+"`) would swallow what follows it.
            ordered = sorted(level.fields, key=lambda arg: bool(arg.action.option_strings))
            for arg in ordered:
                value = values.get(arg.key)
                try:
                    argv.extend(_arguments(arg, value))
                except ValueError as exc:
                    errors[arg.key] = str(exc)
                if isinstance(value, (str, bool)) and len(str(value)) <= MAX_VALUE:
                    memory[arg.memory] = value
            if not level.commands:
                break
            name = path[depth] if len(path) > depth else None
            if name not in level.commands:
                errors[""] = "Please choose a command"
                break
            argv.append(str(name))
            level = level.commands[name]
            depth += 1
        chosen = [str(p) for p in path[:depth]]
        return argv, errors, {"values": memory, "path": chosen}


def _arguments(arg: ArgField, value: Any) -> list[str]:
    """The command-line words for one field's value; ValueError says what is wrong."""
    action, option = arg.action, arg.wire["option"] or (action_first(arg.action))
    if arg.kind == "flag":
        if isinstance(action, argparse.BooleanOptionalAction):
            return [action.option_strings[0] if value is True else action.option_strings[1]]
        return [option] if value is True else []
    text = value if isinstance(value, str) else ""
    if len(text) > MAX_VALUE:
        raise ValueError("This is too long")
    if arg.kind == "count":
        count = _number(text.strip() or "0", int)
        if count < 0:
            raise ValueError("Please enter 0 or more")
        return [option] * int(count)
    items = [line.strip() for line in text.splitlines() if line.strip()] \
        if arg.kind == "list" else ([text.strip()] if text.strip() else [])
    if not items:
        if action.required:
            raise ValueError("This is required")
        return []
    if arg.kind == "choice" and any(item not in arg.wire["options"] for item in items):
        raise ValueError("Please choose from the list")
    if action.type in (int, float):
        for item in items:
            _number(item, action.type)
    if isinstance(action.nargs, int) and len(items) != action.nargs:
        raise ValueError(f"Please give exactly {action.nargs} values, one per line")
    if not action.option_strings:
        return items
    if isinstance(action, (argparse._AppendAction, argparse._ExtendAction)) \
            and action.nargs in (None, "?"):
        return [word for item in items for word in (option, item)]
    return [option, *items]


def action_first(action: argparse.Action) -> str:
    return action.option_strings[0] if action.option_strings else ""


def _number(text: str, kind: type) -> float:
    try:
        return kind(text)  # type: ignore[no-any-return]
    except ValueError:
        raise ValueError("Please enter a whole number" if kind is int
                         else "Please enter a number") from None


def _long_option(action: argparse.Action) -> str | None:
    options = action.option_strings
    if not options:
        return None
    longs = [o for o in options if o.startswith("--")]
    return longs[0] if longs else options[0]


def _kind(action: argparse.Action) -> str:
    if isinstance(action, argparse._CountAction):
        return "count"
    if action.nargs == 0:
        return "flag"
    if action.choices is not None and action.nargs in (None, "?"):
        return "choice"
    if action.nargs in _LIST_NARGS or (isinstance(action.nargs, int) and action.nargs > 1) \
            or isinstance(action, (argparse._AppendAction, argparse._ExtendAction)):
        return "list"
    return "text"


def _label(action: argparse.Action, option: str | None, kind: str) -> str:
    if kind == "flag" and option and not isinstance(action, argparse.BooleanOptionalAction):
        name = option.lstrip("-")
    elif action.metavar and isinstance(action.metavar, str) and not option:
        name = action.metavar
    else:
        name = action.dest
    words = name.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    if not action.help:
        return ""
    try:
        return str(parser._get_formatter()._expand_help(action))
    except (KeyError, TypeError, ValueError):
        return str(action.help)


def _default_text(action: argparse.Action, kind: str) -> Any:
    default = action.default
    if kind == "flag":
        if isinstance(action, argparse.BooleanOptionalAction):
            return bool(default)
        return False
    if default is None or default == argparse.SUPPRESS:
        return ""
    if kind == "count":
        return str(default) if isinstance(default, int) else ""
    if kind == "list" and isinstance(default, (list, tuple)):
        return "\n".join(str(item) for item in default)
    if isinstance(action.type, argparse.FileType) or hasattr(default, "read"):
        return getattr(default, "name", "") if isinstance(getattr(default, "name", ""),
                                                           str) else ""
    return str(default)


def _is_pathlike(action: argparse.Action, option: str | None) -> bool:
    if isinstance(action.type, argparse.FileType):
        return True
    names = [action.dest, (option or "").lstrip("-")]
    if isinstance(action.metavar, str):
        names.append(action.metavar)
    return any(_PATHLIKE.search(name) for name in names if name)


def _writes(action: argparse.Action) -> bool:
    mode = getattr(action.type, "_mode", "r")
    return (isinstance(action.type, argparse.FileType) and any(c in mode for c in "wax")) or \
        bool(re.search(r"(^|[_-])(out|output|outfile|dest)s?$", action.dest))
