"""A click command (or a typer app) as the arguments form, and the form's answer as `sys.argv`.

The same form as an argparse parser gets (argform.py; `console_args` in docs/protocol.md):
one field item per parameter with its help and default, flags as checkboxes, choices as
lists (several of a `Choice`: boxes to tick), counts as numbers, `multiple` and `nargs` as
rows (a group of `nargs` words a row, as a shell would quote them), a Browse… button for
files, a group's commands as tabs. Labels are made as for argparse (labels.py). Hidden
parameters and `--help`/`--version` are left out. Values are checked with the command's
own types, so a wrong one is refused with click's own message; what only the run can check
(files, callbacks) is left to the run, which reports it as in a terminal. The answer
becomes the words a person would type: only what differs from the defaults, options before
arguments.

Nothing here imports click or typer: parameters are read by what they have, so click 7-8
and typer (with click, or with the copy of click it carries) all work. Passwords
(`hide_input`) are never remembered.
"""

from __future__ import annotations

import enum
import inspect
import itertools
import logging
import shlex
import typing
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from desklaunch.console.formvalues import MAX_VALUE, coerce
from desklaunch.console.labels import readable
from desklaunch.console.richtext import unmarked

log = logging.getLogger(__name__)

_SHELL_SETUP = ("install_completion", "show_completion")
"""typer's own options, for a terminal's tab completion."""
MAX_DEPTH = 8
_NUMBERS = {"integer": "int", "integer range": "int", "float": "float", "float range": "float"}


@dataclass
class ClickField:
    """One parameter as a form field."""

    key: str
    memory: str
    param: Any
    kind: str  # flag, count, choice, list, text
    wire: dict[str, Any]
    default: Any
    ctx: Any
    path: bool = False
    """A file or folder: checked by the run, not by the form."""


@dataclass
class ClickLevel:
    """One command (the top one, or a group's subcommand): its fields and subcommands."""

    command: Any
    path: tuple[str, ...]
    description: str
    fields: list[ClickField] = field(default_factory=list)
    commands: dict[str, ClickLevel] = field(default_factory=dict)


class ClickForm:
    """The form for one click command; `wire()` for the page, `build_argv()` for its answers."""

    def __init__(self, command: Any, prog: str, *, choosers: bool = False) -> None:
        self._ids = itertools.count(1)
        self._choosers = choosers
        self.fields: dict[str, ClickField] = {}
        self.secrets: frozenset[str] = frozenset()
        """The values typed in `hide_input` fields of the last answer."""
        self.title = prog or str(getattr(command, "name", "") or "")
        self.root = self._level(command, (), None, self.title)
        self.description, self.root.description = self.root.description, ""

    # -- command → form -------------------------------------------------------------------

    def _level(self, command: Any, path: tuple[str, ...], parent: Any, name: str) -> ClickLevel:
        ctx = _context(command, name, parent)
        level = ClickLevel(command, path, _help_text(getattr(command, "help", None))
                           or _help_text(getattr(command, "short_help", None)))
        for param in getattr(command, "params", ()):
            if _shown(param):
                arg = self._field(param, ctx, path)
                level.fields.append(arg)
                self.fields[arg.key] = arg
        _tell_apart(level.fields)
        if len(path) < MAX_DEPTH:
            for sub_name, sub in _subcommands(command, ctx):
                level.commands[sub_name] = self._level(sub, (*path, sub_name), ctx, sub_name)
        return level

    def _field(self, param: Any, ctx: Any, path: tuple[str, ...]) -> ClickField:
        key = f"c{next(self._ids)}"
        facts = _type_facts(param)
        option = _is_option(param)
        kind = _kind(param, facts)
        default = _default(param, ctx)
        either = _either_options(param, default) if kind == "flag" else None
        if either:
            kind, facts["choices"] = "choice", either
        prompted = option and bool(getattr(param, "prompt", None))  # click asks when missing
        wire: dict[str, Any] = {
            "key": key, "label": _label(param), "option": _display_option(param),
            "kind": kind, "help": _help_text(getattr(param, "help", None)),
            "required": bool(getattr(param, "required", False)) and not prompted,
            "value": _flag_default(param, default) if kind == "flag"
            else _default_text(kind, default, facts),
        }
        if kind == "tuple":
            count = int(getattr(param, "nargs", 2))
            wire["parts"] = [f"{wire['label']} {n}" for n in range(1, count + 1)]
            wire["value"] = (list(wire["value"]) + [""] * count)[:count] \
                if isinstance(wire["value"], list) else [""] * count
        if prompted:
            asked = "(asked when left empty)"
            if kind == "text" and wire["value"]:
                # Shown filled in, the default would be sent and never asked for; a terminal
                # asks, offering it ("Name [demo]:").
                asked = f"(asked when left empty, offering {wire['value']})"
                wire["value"] = ""
            wire["help"] = " ".join(filter(None, [wire["help"], asked]))
        if kind in ("choice", "choices"):
            wire["options"] = facts["choices"]
        if facts["number"]:
            wire["number"] = facts["number"]
        if kind in ("list", "choices") and getattr(param, "required", False):
            wire["min"] = 1
        if getattr(param, "hide_input", False):
            wire["password"] = True
            wire["value"] = ""
        if self._choosers and facts["path"]:
            wire["chooser"] = {"save": "save", "folder": "folder"}.get(facts["path"], "open")
        memory = "/".join(path) + "|" + (_long_option(param) or str(param.name))
        return ClickField(key, memory, param, kind, wire, default, ctx,
                          path=bool(facts["path"]))

    def wire(self, remembered: dict[str, Any] | None = None) -> dict[str, Any]:
        """The form as the page gets it, pre-filled with `remembered` values when given."""
        remembered = remembered if isinstance(remembered, dict) else {}
        values = remembered.get("values", {})
        chosen = remembered.get("path", [])
        return {"title": self.title, "description": self.description,
                "root": self._wire_level(self.root, values if isinstance(values, dict) else {},
                                         chosen if isinstance(chosen, list) else []),
                "submit_label": "Run"}

    def _wire_level(self, level: ClickLevel, values: dict[str, Any],
                    chosen: list[Any]) -> dict[str, Any]:
        items = []
        for arg in level.fields:
            spec = {"type": "field", **arg.wire}
            if arg.memory in values and not spec.get("password"):
                remembered = coerce(arg.kind, values[arg.memory])
                if remembered is not None:
                    spec["value"] = remembered
            items.append(spec)
        wire: dict[str, Any] = {"items": items}
        if level.path:
            wire["description"] = level.description
        if level.commands:
            depth = len(level.path)
            selected = chosen[depth] if len(chosen) > depth else None
            wire["commands"] = [{"name": name, "level": self._wire_level(sub, values, chosen)}
                                for name, sub in level.commands.items()]
            wire["selected"] = selected if selected in level.commands \
                else _first_command(level)
        return wire

    # -- answer → argv --------------------------------------------------------------------

    def build_argv(self, answer: Any) -> tuple[list[str], dict[str, str], dict[str, Any]]:
        """(argv, errors by field key, values to remember) for a submitted answer."""
        raw = answer if isinstance(answer, dict) else {}
        values: dict[str, Any] = raw["values"] if isinstance(raw.get("values"), dict) else {}
        path: list[Any] = raw["path"] if isinstance(raw.get("path"), list) else []
        argv: list[str] = []
        errors: dict[str, str] = {}
        memory: dict[str, Any] = {}
        secrets: set[str] = set()
        level: ClickLevel | None = self.root
        depth = 0
        while level is not None:
            last = not level.commands
            options: list[str] = []
            arguments: list[str] = []
            for arg in level.fields:
                value = values.get(arg.key)
                try:
                    words = _words(arg, value)
                except ValueError as exc:
                    errors[arg.key] = str(exc)
                    continue
                (options if _is_option(arg.param) else arguments).extend(words)
                if arg.wire.get("password") and words:
                    secrets.add(words[-1])
                kept = coerce(arg.kind, value)
                if kept is not None and not arg.wire.get("password"):
                    memory[arg.memory] = kept
            if last and any(word.startswith("-") and word != "-" for word in arguments):
                arguments.insert(0, "--")  # a value such as "-3" is not an option
            argv += options + arguments
            if last:
                break
            name = path[depth] if len(path) > depth else None
            if name not in level.commands:
                errors[""] = "Please choose a command"
                break
            argv.append(str(name))
            level = level.commands[name]
            depth += 1
        self.secrets = frozenset(secrets)
        return argv, errors, {"values": memory, "path": [str(p) for p in path[:depth]]}


# -- one field's answer -------------------------------------------------------------------


def _words(arg: ClickField, value: Any) -> list[str]:
    """The command-line words for one field's answer; ValueError has the message to show."""
    param = arg.param
    if arg.kind == "flag":
        return _flag_words(param, value is True, arg.default)
    if getattr(param, "is_flag", False) and arg.kind == "choice":  # `_either_options`
        if value not in arg.wire["options"] and arg.wire["required"]:
            raise ValueError(_missing(param, arg.ctx))
        return [value] if value in arg.wire["options"] else []
    if arg.kind == "tuple":
        return _tuple_words(arg, value)
    if arg.kind in ("list", "choices"):
        rows = coerce("list", value)
        if rows is None and value is not None:
            raise ValueError("This is too long")
        text = "\n".join(rows or [])
    else:
        text = value if isinstance(value, str) else ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            text = str(value)
    if len(text) > MAX_VALUE:
        raise ValueError("This is too long")
    if arg.kind == "count":
        try:
            count = int(text.strip() or "0")
        except ValueError:
            raise ValueError(f"{text.strip()!r} is not a valid integer.") from None
        if count < 0:
            raise ValueError("Please enter 0 or more")
        default = arg.default if isinstance(arg.default, int) else 0
        return [] if count == default else _count_words(param, count)
    kept_whole = arg.wire.get("password")  # a password's spaces are part of it
    items = [line.strip() for line in text.splitlines() if line.strip()] \
        if arg.kind in ("list", "choices") \
        else ([text if kept_whole else text.strip()] if text.strip() else [])
    if not items:
        if arg.wire["required"]:
            raise ValueError(_missing(param, arg.ctx))
        return []
    if arg.kind not in ("list", "choices") and items == [arg.wire["value"]] \
            and not arg.wire["required"] \
            and not arg.wire.get("password"):
        return []  # the default: nothing to type
    if arg.kind in ("list", "choices") and items == arg.wire["value"] \
            and not arg.wire["required"]:
        return []
    groups = _groups(param, items)
    _check(arg, groups)
    words = [word for group in groups for word in group]
    if not _is_option(param):
        return words
    option = _long_option(param) or param.opts[0]
    if getattr(param, "multiple", False):
        return [word for group in groups for word in (option, *group)]
    return [option, *words]


def _tuple_words(arg: ClickField, value: Any) -> list[str]:
    """The words for a fixed number of values (`type=(int, int)`): all of them, or none."""
    parts = arg.wire["parts"]
    given = [str(item).strip() for item in value] if isinstance(value, list) else []
    given = (given + [""] * len(parts))[:len(parts)]
    if not any(given):
        if arg.wire["required"]:
            raise ValueError(_missing(arg.param, arg.ctx))
        return []
    if not all(given):
        raise ValueError(f"Please give all {len(parts)} values")
    if given == arg.wire["value"] and not arg.wire["required"]:
        return []  # the default: nothing to type
    _check(arg, [given])
    if not _is_option(arg.param):
        return given
    return [_long_option(arg.param) or arg.param.opts[0], *given]


def _groups(param: Any, items: list[str]) -> list[list[str]]:
    """The values of a field, grouped as the parameter takes them (`nargs` words each)."""
    nargs = getattr(param, "nargs", 1)
    multiple = getattr(param, "multiple", False)
    if nargs == -1 or (nargs == 1 and multiple):
        return [[item] for item in items]
    if nargs == 1:
        return [items[:1]]
    if multiple:  # several groups of `nargs` words, one group per line
        groups = []
        for item in items:
            try:
                words = shlex.split(item)
            except ValueError as exc:
                raise ValueError(str(exc)) from None
            if len(words) != nargs:
                raise ValueError(f"Please give {nargs} values on each line")
            groups.append(words)
        return groups
    if len(items) != nargs:
        raise ValueError(f"Please give exactly {nargs} values, one per line")
    return [items]


def _check(arg: ClickField, groups: list[list[str]]) -> None:
    """Convert with the parameter's own type; its message when click would refuse it."""
    if arg.path:
        return
    param = arg.param
    nargs = getattr(param, "nargs", 1)
    multiple = getattr(param, "multiple", False) or nargs == -1
    items = [tuple(g) if nargs not in (1, -1) else g[0] for g in groups]
    values: Any = tuple(items) if multiple else items[0]
    try:
        if hasattr(param, "type_descriptor") and hasattr(param, "get_runtime_param"):
            param.get_runtime_param().coerce(values, param=param, ctx=arg.ctx)
        elif hasattr(param, "type_cast_value"):
            param.type_cast_value(arg.ctx, values)
    except Exception as exc:  # noqa: BLE001 - click's and pydantic's errors alike
        message = getattr(exc, "format_message", None)
        if callable(message):
            raise ValueError(str(message())) from None


def _either_options(param: Any, default: Any) -> list[str] | None:
    """`["--warn", "--no-warn"]` for an on/off flag that may also be left unsaid (default
    None: "as configured", litecli's `--warn/--no-warn`), else None. A box could say only
    on or unsaid, so its field is a choice of the two, or neither."""
    secondary = list(getattr(param, "secondary_opts", ()) or ())
    if not secondary or not (default is None or _unset(default)):
        return None
    return [_long_option(param) or param.opts[0], secondary[0]]


def _flag_words(param: Any, checked: bool, default: Any) -> list[str]:
    was = _flag_default(param, default)
    if checked == was:
        return []
    secondary = list(getattr(param, "secondary_opts", ()) or ())
    if checked:
        return [_long_option(param) or param.opts[0]]
    return [secondary[0]] if secondary else []


def _count_words(param: Any, count: int) -> list[str]:
    if count == 0:
        return []
    short = next((o for o in param.opts if len(o) == 2 and o[0] == "-" and o[1] != "-"), None)
    if short:
        return ["-" + short[1] * count]
    return [_long_option(param) or param.opts[0]] * count


def _missing(param: Any, ctx: Any) -> str:
    """The library's own "Missing option '--name'." message."""
    hint = f"'{param.name}'"
    for args in ((ctx,), ()):  # click wants the context, typer's own parameters do not
        try:
            hint = str(param.get_error_hint(*args))
            break
        except Exception:  # noqa: BLE001 - the other signature, or a plain name
            continue
    return f"Missing {param.param_type_name} {hint}."


# -- reading a parameter ------------------------------------------------------------------


def _is_option(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "option"


def _shown(param: Any) -> bool:
    """Whether a parameter gets a field: not hidden, not `--help`/`--version`-like.

    An eager flag (`--version`, typer's `--install-completion`) is handled before the
    others because it ends the program before its work: not what a form is filled for. An
    eager option that takes a value (flask's `--app`, whose callback keeps it rather than
    the command's arguments) is one to fill."""
    if getattr(param, "hidden", False) or param.name in _SHELL_SETUP:
        return False
    return not (getattr(param, "is_eager", False)
                and (getattr(param, "is_flag", False) or getattr(param, "count", False)))


def _type_facts(param: Any) -> dict[str, Any]:
    """{"choices", "number", "path"} of a parameter's type, click's or typer's."""
    facts: dict[str, Any] = {"choices": None, "number": None, "path": None}
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:  # typer's own parameters (typer 0.20 and later)
        choices = getattr(descriptor, "choices", None)
        if choices:
            facts["choices"] = [_choice_text(c, typer=True) for c in choices]
        annotation = getattr(descriptor, "annotation", None)
        if getattr(descriptor, "is_list", False) and typing.get_args(annotation):
            annotation = typing.get_args(annotation)[0]
        if annotation in (int, float):
            facts["number"] = annotation.__name__
        if getattr(descriptor, "is_file", False):
            mode = str(getattr(getattr(descriptor, "parameter_info", None), "mode", "") or "")
            facts["path"] = "save" if any(c in mode for c in "wax") else "file"
        elif getattr(descriptor, "is_path", False):
            facts["path"] = _path_kind(getattr(descriptor, "parameter_info", None))
        return facts
    kind = getattr(param, "type", None)
    name = str(getattr(kind, "name", ""))
    choices = getattr(kind, "choices", None)
    if name == "choice" and choices is not None:
        facts["choices"] = [_choice_text(c) for c in choices]
    facts["number"] = _NUMBERS.get(name)
    if name == "boolean" and not getattr(param, "is_flag", False):
        facts["choices"] = ["true", "false"]  # an option that takes a yes/no value
    if name == "filename":
        mode = str(getattr(kind, "mode", "r"))
        facts["path"] = "save" if any(c in mode for c in "wax") else "file"
    elif name in ("file", "directory", "path"):
        facts["path"] = _path_kind(kind)
    return facts


def _path_kind(spec: Any) -> str:
    file_okay = getattr(spec, "file_okay", True)
    dir_okay = getattr(spec, "dir_okay", True)
    if dir_okay and not file_okay:
        return "folder"
    return "file" if file_okay and not dir_okay else "path"


def _choice_text(choice: Any, *, typer: bool = False) -> str:
    if isinstance(choice, enum.Enum):  # click types an enum by name, typer by value
        return str(choice.value if typer else choice.name)
    return str(choice)


def _kind(param: Any, facts: dict[str, Any]) -> str:
    nargs = getattr(param, "nargs", 1)
    if _is_option(param) and getattr(param, "count", False):
        return "count"
    if _is_option(param) and getattr(param, "is_flag", False):
        return "flag"
    if getattr(param, "multiple", False) or nargs == -1:
        # Several of a `Choice` (black's `--target-version`): boxes to tick, as argparse's.
        return "choices" if facts["choices"] is not None and nargs in (1, -1) else "list"
    if nargs > 1:
        return "tuple"  # `type=(int, int)`, `nargs=2`: one box per value, as argparse's
    if facts["choices"] is not None:
        return "choice"
    return "text"


def _first_command(level: ClickLevel) -> str:
    """The command shown first: a group's default command where it names one (the
    `default_cmd_name` of click-default-group's `DefaultGroup`), else the first listed."""
    default = getattr(level.command, "default_cmd_name", None)
    return default if default in level.commands else next(iter(level.commands))


def _default(param: Any, ctx: Any) -> Any:
    try:
        value = param.get_default(ctx)
    except Exception:  # noqa: BLE001 - a default the program computes may fail here
        return None
    return None if _unset(value) else value


def _unset(value: Any) -> bool:
    """click 8.3+ marks "no default" with a sentinel of its own."""
    return type(value).__name__ in ("Sentinel", "_Missing", "_UnsetType") or \
        repr(value) in ("Sentinel.UNSET", "UNSET")


def _flag_default(param: Any, default: Any) -> bool:
    if default is None:
        return False
    flag_value = getattr(param, "flag_value", True)
    return default is True or (not _unset(flag_value) and not isinstance(flag_value, bool)
                               and default == flag_value)


def _default_text(kind: str, default: Any, facts: dict[str, Any]) -> Any:
    if default is None:
        return [] if kind in ("list", "tuple", "choices") else ""
    if kind == "tuple":
        return [_plain(d) for d in default] if isinstance(default, (list, tuple)) else []
    if kind == "count":
        return str(default) if isinstance(default, int) else ""
    if kind == "choices":
        chosen = default if isinstance(default, (list, tuple)) else [default]
        return [_choice_text(d, typer=_plain(d) in facts["choices"]) for d in chosen]
    if kind == "list":
        if isinstance(default, (list, tuple)):
            return [shlex.join(map(_plain, d)) if isinstance(d, (list, tuple))
                    else _plain(d) for d in default]
        return [_plain(default)]
    if kind == "choice":
        if isinstance(default, bool):
            return "true" if default else "false"
        return _choice_text(default, typer=facts["choices"] is not None
                            and _plain(default) in facts["choices"])
    return _plain(default)


def _plain(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    name = getattr(value, "name", None)
    if hasattr(value, "read") or hasattr(value, "write"):
        return name if isinstance(name, str) else ""
    return str(value)


def _long_option(param: Any) -> str | None:
    opts = [o for o in getattr(param, "opts", ()) if isinstance(o, str) and o.startswith("-")]
    if not opts:
        return None
    longs = [o for o in opts if o.startswith("--")]
    return longs[0] if longs else opts[0]


def _display_option(param: Any) -> str:
    if not _is_option(param):
        return ""
    opts = list(getattr(param, "opts", ()))
    secondary = list(getattr(param, "secondary_opts", ()) or ())
    return " / ".join(", ".join(group) for group in (opts, secondary) if group)


def _tell_apart(fields: list[ClickField]) -> None:
    """Options labelled as another field of the command (litecli's `-D/--database` and its
    DATABASE argument) say their option after the label, as `--help` tells them apart."""
    labels = Counter(arg.wire["label"] for arg in fields)
    for arg in fields:
        if labels[arg.wire["label"]] > 1 and _is_option(arg.param):
            arg.wire["label"] += f" ({_long_option(arg.param) or arg.param.opts[0]})"


def _label(param: Any) -> str:
    """A readable label (labels.py): the long option's or the parameter's name; a short
    option's as written when its name is a lone letter (`-v`, not "V"), as for argparse."""
    option = _long_option(param) if _is_option(param) else None
    name = str(getattr(param, "name", "") or "")
    if option is not None and option.startswith("--"):
        name = option.lstrip("-")
    elif option is not None and len(name) <= 1:
        return option
    return readable(name) or "Value"


def _help_text(text: Any) -> str:
    """A command's or option's help as click shows it: no `\\b` markers, cut at `\\f`, and
    typer's rich markup rendered (richtext.py)."""
    if not isinstance(text, str) or not text:
        return ""
    text = inspect.cleandoc(text).split("\f", 1)[0]
    return unmarked("\n".join(line for line in text.splitlines() if line.strip() != "\b").strip())


def _context(command: Any, name: str, parent: Any) -> Any:
    """A context for reading defaults and checking values; the command is not run."""
    try:
        return command.context_class(command, info_name=name, parent=parent)
    except Exception:  # noqa: BLE001 - a custom context class may want more
        return None


def _subcommands(command: Any, ctx: Any) -> list[tuple[str, Any]]:
    """A group's visible commands, in the order its help lists them."""
    if not callable(getattr(command, "list_commands", None)) or \
            not callable(getattr(command, "get_command", None)):
        return []
    found = []
    try:
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not getattr(sub, "hidden", False):
                found.append((str(name), sub))
    except Exception as exc:  # noqa: BLE001 - a lazy group may fail to load a command
        log.warning("cannot list the commands of %s: %s", getattr(command, "name", "?"), exc)
    return found
