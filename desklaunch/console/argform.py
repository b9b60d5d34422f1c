"""A program's argparse parser as a form, and the form's answer as its command line.

The form reads the parser the way argparse reads it (docs/console.md): required arguments
first, then the rest, then each argument group as a titled section; a mutually exclusive
group as one choice; `nargs` as what it accepts (`?` one value or none, `*` and `+` rows,
`N` exactly N boxes); `count` as a number, `append` as rows; `FileType` and file or folder
names with a chooser. The description once, the epilog under the form. `build_argv()`
trusts nothing the page says: it builds the words a person would have typed, only for what
differs from the defaults, and has the parser itself check them (argcheck.py), so the form
refuses what argparse refuses, with argparse's message. Values are remembered by
"subcommand path | option", so a changed program keeps what still fits.
"""

from __future__ import annotations

import argparse
import itertools
import re
import shlex
from dataclasses import dataclass, field
from typing import Any

from desklaunch.console import argcheck
from desklaunch.console.argkinds import (
    accepts_stdio,
    chooser_for,
    default_value,
    either_options,
    field_kind,
    is_required,
    label_for,
    part_labels,
    tuple_choosers,
    value_label,
    word_for,
)
from desklaunch.console.formvalues import MAX_VALUE, coerce
from desklaunch.console.optparser import FromOptparse
from desklaunch.console.richtext import unmarked


@dataclass
class ArgField:
    """One argument as a form field, and the parser it belongs to."""

    key: str
    memory: str
    action: argparse.Action
    parser: argparse.ArgumentParser
    kind: str  # flag, count, text, choice, choices, list, tuple
    wire: dict[str, Any]

    @property
    def positional(self) -> bool:
        return not self.action.option_strings


@dataclass
class ArgChoice:
    """A mutually exclusive group: one of its members, or none unless it is required."""

    key: str
    memory: str
    members: list[ArgField]
    required: bool


@dataclass
class Level:
    """One parser (the top one, or a subcommand's): what it shows, and its subcommands."""

    parser: argparse.ArgumentParser
    path: tuple[str, ...]
    items: list[Any] = field(default_factory=list)  # ArgField | ArgChoice | Section
    fields: list[ArgField] = field(default_factory=list)
    choices: list[ArgChoice] = field(default_factory=list)
    commands: dict[str, Level] = field(default_factory=dict)
    commands_required: bool = False


@dataclass
class Section:
    """An argument group with a title."""

    title: str
    description: str
    items: list[Any]


LEFTOVERS = "other_arguments"
"""The field of the words a program reads beyond its parser's options (**Other arguments**)."""
REQUIRED = "the following arguments are required: "
"""How argparse begins its refusal of required arguments left out, which it then names."""


class ArgForm:
    """The form for one parser; `wire()` for the page, `build_argv()` for its answers."""

    def __init__(self, parser: argparse.ArgumentParser, *, choosers: bool = False,
                 leftovers: bool = False) -> None:
        self._ids = itertools.count(1)
        self._choosers = choosers
        self.parser = parser
        self.fields: dict[str, ArgField] = {}
        self.secrets: frozenset[str] = frozenset()  # argparse has no hidden fields
        self.choices: dict[str, ArgChoice] = {}
        self.root = self._level(parser, ())
        if leftovers:  # the program reads what its parser leaves (pylint: the files)
            self.root.items.append(self._field(self.root, argparse.Action(
                [], dest=LEFTOVERS, nargs="*",
                help="words for the program beyond the options above")))
        self.title = parser.prog
        self.description = _text(parser, parser.description)
        self.epilog = _text(parser, parser.epilog)

    # -- parser → form --------------------------------------------------------------------

    def _level(self, parser: argparse.ArgumentParser, path: tuple[str, ...]) -> Level:
        level = Level(parser, path)
        in_group = {id(action): group for group in parser._mutually_exclusive_groups
                    for action in group._group_actions}
        placed: dict[int, ArgChoice] = {}
        plain: list[Any] = []
        sections: list[Section] = []
        for group in parser._action_groups:  # argparse offers no public view of its groups
            items: list[Any] = []
            for action in group._group_actions:
                if isinstance(action, argparse._SubParsersAction):
                    self._commands(level, action)
                    continue
                if isinstance(action, (argparse._HelpAction, argparse._VersionAction)) \
                        or action.help == argparse.SUPPRESS:
                    continue
                mutex = in_group.get(id(action))
                if mutex is None:
                    items.append(self._field(level, action))
                elif id(mutex) not in placed:
                    placed[id(mutex)] = self._choice(level, mutex)
                    items.append(placed[id(mutex)])
            if group is parser._positionals or group is parser._optionals:
                plain.extend(items)
            elif items:
                sections.append(Section(group.title or "", _text(parser, group.description),
                                        _required_first(items)))
        level.items = [*_required_first(plain), *sections]
        return level

    def _commands(self, level: Level,
                  action: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        level.commands_required = bool(action.required)
        helps = {a.dest: a.help or "" for a in action._choices_actions}
        seen: set[int] = set()
        for name, sub in action.choices.items():
            if id(sub) in seen:  # an alias of a command already shown
                continue
            seen.add(id(sub))
            child = self._level(sub, (*level.path, name))
            child.parser.description = child.parser.description or helps.get(name, "")
            level.commands[name] = child

    def _field(self, level: Level, action: argparse.Action, *,
               member: bool = False) -> ArgField:
        parser = level.parser
        key = f"a{next(self._ids)}"
        kind = field_kind(action)
        wire: dict[str, Any] = {
            "key": key, "label": label_for(action, kind), "kind": kind,
            "option": ", ".join(action.option_strings), "help": _help(parser, action),
            "required": is_required(action) and not member,
            "value": default_value(action, kind),
        }
        if kind in ("choice", "choices"):
            wire["options"] = either_options(action) or [
                word_for(action, choice) for choice in action.choices or ()]
        if action.type in (int, float):
            wire["number"] = action.type.__name__
        if kind == "tuple":
            wire["parts"] = part_labels(action, wire["label"])
        if action.nargs == argparse.ONE_OR_MORE:
            wire["min"] = 1
        stdio = accepts_stdio(action)
        if stdio:
            wire["stdio"] = stdio
        if self._choosers and kind == "tuple":
            parts = tuple_choosers(action)
            if any(parts):
                wire["part_choosers"] = parts
        elif self._choosers:
            chooser = chooser_for(action, kind, wire["help"])
            if chooser:
                wire["chooser"] = chooser
        memory = "/".join(level.path) + "|" + (action.option_strings[0]
                                                if action.option_strings else action.dest)
        arg = ArgField(key, memory, action, parser, kind, wire)
        level.fields.append(arg)
        self.fields[key] = arg
        return arg

    def _choice(self, level: Level, group: Any) -> ArgChoice:
        members = [self._field(level, action, member=True) for action in group._group_actions
                   if action.help != argparse.SUPPRESS]
        key = f"c{next(self._ids)}"
        memory = "/".join(level.path) + "|" + "|".join(m.memory.split("|", 1)[1]
                                                        for m in members)
        choice = ArgChoice(key, memory, members, bool(group.required))
        level.choices.append(choice)
        self.choices[key] = choice
        return choice

    # -- the page's view ------------------------------------------------------------------

    def wire(self, remembered: dict[str, Any] | None = None) -> dict[str, Any]:
        """The form as the page gets it, pre-filled with `remembered` values when given."""
        remembered = remembered if isinstance(remembered, dict) else {}
        values = remembered.get("values", {})
        chosen = remembered.get("path", [])
        return {"title": self.title, "description": self.description, "epilog": self.epilog,
                "root": self._wire_level(self.root, values if isinstance(values, dict) else {},
                                         chosen if isinstance(chosen, list) else []),
                "submit_label": "Run"}

    def _wire_level(self, level: Level, values: dict[str, Any], chosen: list[Any]
                    ) -> dict[str, Any]:
        wire: dict[str, Any] = {"items": [self._wire_item(item, values) for item in level.items]}
        if level.path:
            wire["description"] = _text(level.parser, level.parser.description)
        if level.commands:
            depth = len(level.path)
            selected = chosen[depth] if len(chosen) > depth else None
            optional = not level.commands_required
            if selected not in level.commands and not (optional and selected == ""):
                selected = next(iter(level.commands))
            wire["commands"] = [{"name": name, "level": self._wire_level(sub, values, chosen)}
                                for name, sub in level.commands.items()]
            if optional:  # argparse accepts no command at all here
                wire["commands"].append({"name": "", "label": "No command",
                                         "level": {"items": []}})
            wire["selected"] = selected
        return wire

    def _wire_item(self, item: Any, values: dict[str, Any]) -> dict[str, Any]:
        if isinstance(item, Section):
            return {"type": "section", "title": item.title, "description": item.description,
                    "items": [self._wire_item(each, values) for each in item.items]}
        if isinstance(item, ArgChoice):
            picked = values.get(item.memory)
            value = next((m.key for m in item.members if m.memory == picked), "")
            return {"type": "choice", "key": item.key, "required": item.required,
                    "label": "Choose one" if item.required else "Choose one, or none",
                    "value": value,
                    "options": [{"key": m.key, "label": m.wire["label"],
                                 "help": m.wire["help"], "option": m.wire["option"],
                                 "field": None if m.kind == "flag"
                                 else {**self._wire_field(m, values),
                                       "label": value_label(m.action, m.wire["label"])}}
                                for m in item.members]}
        return self._wire_field(item, values)

    @staticmethod
    def _wire_field(arg: ArgField, values: dict[str, Any]) -> dict[str, Any]:
        spec = {"type": "field", **arg.wire}
        if arg.memory in values:
            remembered = coerce(arg.kind, values[arg.memory])
            if remembered is not None:
                spec["value"] = remembered
        return spec

    # -- answer → command line ------------------------------------------------------------

    def build_argv(self, answer: Any) -> tuple[list[str], dict[str, str], dict[str, Any]]:
        """(argv, argparse's refusals by field key, "" for the form; values to remember)."""
        raw = answer if isinstance(answer, dict) else {}
        raw_values, raw_path = raw.get("values"), raw.get("path")
        values: dict[str, Any] = raw_values if isinstance(raw_values, dict) else {}
        path: list[Any] = raw_path if isinstance(raw_path, list) else []
        argv: list[str] = []
        errors: dict[str, str] = {}
        memory: dict[str, Any] = {}
        level: Level | None = self.root
        depth = 0
        none = False
        while level is not None:
            argv.extend(self._level_words(level, values, errors, memory))
            if not level.commands:
                break
            name = path[depth] if len(path) > depth else None
            if name == "" and not level.commands_required:
                none = True
                break
            if name not in level.commands:
                errors[""] = "Please choose a command"
                break
            argv.append(str(name))
            level = level.commands[name]
            depth += 1
        if not errors:
            refused = argcheck.check_command_line(self.parser, argv)
            if refused is not None:
                errors[self._key_of(str(refused))] = str(refused)
        chosen = [str(p) for p in path[:depth]] + ([""] if none else [])
        return argv, errors, {"values": memory, "path": chosen}

    def _level_words(self, level: Level, values: dict[str, Any], errors: dict[str, str],
                     memory: dict[str, Any]) -> list[str]:
        chosen: dict[str, ArgField] = {}
        for choice in level.choices:
            picked = self.fields.get(str(values.get(choice.key, "")))
            if picked is not None and picked in choice.members:
                chosen[picked.key] = picked
                memory[choice.memory] = picked.memory
            else:
                memory[choice.memory] = ""
        in_choice = {m.key for c in level.choices for m in c.members}
        positionals: list[tuple[ArgField, list[str], bool]] = []
        options: list[str] = []
        for arg in level.fields:
            value = coerce(arg.kind, values.get(arg.key))
            if value is None:
                value = arg.wire["value"]
            if _small(value):
                memory[arg.memory] = value
            if arg.key in in_choice and arg.key not in chosen:
                continue
            if arg.key in chosen and arg.kind == "flag":
                options.append(arg.action.option_strings[0])
                continue
            try:
                words = _values_of(arg, value)
            except ValueError as exc:
                errors[arg.key] = str(exc)
                continue
            changed = value != arg.wire["value"] or arg.key in chosen or arg.wire["required"]
            if words and changed and arg.kind not in ("flag", "count") \
                    and not either_options(arg.action):
                # Left alone, it is argparse's default, which it converts only when a text.
                for group in _groups(arg, words):
                    problem = argcheck.check_words(arg.parser, arg.action, group)
                    if problem:
                        errors[arg.key] = problem
                        break
            if arg.positional:
                positionals.append((arg, words, changed))
            elif changed or arg.kind == "flag":
                options.extend(_option_words(arg, value, words))
        while positionals and positionals[-1][0].action.nargs in ("?", "*") \
                and not positionals[-1][2]:
            positionals.pop()  # left as they were, at the end: not typed
        loose = [word for arg, words, _ in positionals if arg.action.dest != LEFTOVERS
                 for word in words]
        # The words beyond the parser's own come last, as typed after the options (an
        # optparse parser may stop reading options at the first of them).
        beyond = [word for arg, words, _ in positionals if arg.action.dest == LEFTOVERS
                  for word in words]
        if any(_looks_like_option(level.parser, word) for word in loose) and not level.commands:
            return [*options, "--", *loose, *beyond]
        if isinstance(level.parser, FromOptparse) and \
                any(_looks_like_option(level.parser, word) for word in beyond):
            return [*loose, *options, "--", *beyond]
        return [*loose, *options, *beyond]

    def _key_of(self, message: str) -> str:
        """The field a parser's refusal is about ("" for the whole form): the one it names,
        or the first of the required arguments left empty, which the person fills next."""
        missing = message.removeprefix(REQUIRED)
        first = missing.split(", ")[0] if missing != message else None
        for arg in self.fields.values():
            name = argparse._get_action_name(arg.action)
            if name == first or message.startswith(f"argument {name}:"):
                return arg.key
        return ""


# -- values and words ---------------------------------------------------------------------

def _small(value: Any) -> bool:
    return len(repr(value)) <= MAX_VALUE


def _values_of(arg: ArgField, value: Any) -> list[str]:
    """The values (not the option) the field gives; ValueError says what is wrong."""
    if arg.kind == "flag":
        return []
    if arg.kind == "count":
        text = str(value).strip() or "0"
        if not text.isdigit():
            raise ValueError("Please enter a whole number of times, 0 or more")
        return ["x"] * min(int(text), 100)
    if arg.kind in ("list", "choices"):
        return [item for item in value if item != ""]
    if arg.kind == "tuple":
        items = [item for item in value if item != ""]
        return items
    return [value] if value != "" else []


def _groups(arg: ArgField, words: list[str]) -> list[list[str]]:
    """The words as argparse receives them at once: per row for `append`, else all."""
    action = arg.action
    if isinstance(action, (argparse._AppendAction, argparse._ExtendAction)) \
            and not isinstance(action.nargs, int) and action.nargs in (None, "?"):
        return [[word] for word in words]
    if isinstance(action, argparse._AppendAction) and action.nargs not in (None, "?"):
        return [_split(word) for word in words]
    return [words]


def _split(row: str) -> list[str]:
    try:
        return shlex.split(row)
    except ValueError:
        return row.split()


def _option_words(arg: ArgField, value: Any, words: list[str]) -> list[str]:
    action = arg.action
    options = action.option_strings
    long = next((o for o in options if o.startswith("--")), options[0])
    if either_options(action):
        return [value] if value in arg.wire["options"] else []
    if arg.kind == "flag":
        if isinstance(action, argparse.BooleanOptionalAction):
            if value == arg.wire["value"]:
                return []
            return [options[0] if value else next(o for o in options if o.startswith("--no-"))]
        return [long] if value is True else []
    if arg.kind == "count":
        short = next((o for o in options if len(o) == 2 and o[0] != o[1]), None)
        if not words:
            return []
        return [short[0] + short[1] * len(words)] if short else [long] * len(words)
    if not words:
        return []
    groups = _groups(arg, words)
    out: list[str] = []
    for group in groups:
        if len(group) == 1 and action.nargs in (None, "?") and group[0].startswith("-"):
            out.append(f"{long}={group[0]}" if long.startswith("--") else long + group[0])
        else:
            out.extend([long, *group])
    return out


def _looks_like_option(parser: argparse.ArgumentParser, word: str) -> bool:
    if not word.startswith(tuple(parser.prefix_chars)) or word in ("-", ""):
        return False
    negative = getattr(parser, "_negative_number_matcher", re.compile(r"^-\d+$|^-\d*\.\d+$"))
    return not (negative.match(word) and not getattr(parser, "_has_negative_number_optionals",
                                                     []))


def _required_first(items: list[Any]) -> list[Any]:
    def required(item: Any) -> bool:
        return bool(item.required if isinstance(item, ArgChoice)
                    else isinstance(item, ArgField) and item.wire["required"])

    return [item for item in items if required(item)] + \
        [item for item in items if not required(item)]


# -- text ---------------------------------------------------------------------------------

_WIDE = 1_000_000
"""A width no help text reaches: the formatter's own line breaks only, none of its wrapping."""


def _text(parser: argparse.ArgumentParser, text: str | None) -> str:
    """A description or epilog as the parser's help shows it, unwrapped: its lines as
    written for the raw formatters (and a program's own that keeps them, as httpie's does),
    its white space run together for the others."""
    if not text:
        return ""
    try:
        shown = str(parser._get_formatter()._fill_text(text, _WIDE, ""))
    except Exception:  # noqa: BLE001 - a formatter of the program's own that fails
        shown = " ".join(text.split())
    return unmarked(shown.strip("\n"))


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    """An argument's help as the parser's help shows it, `%(default)s` filled in and
    unwrapped: its own line breaks kept where its formatter keeps them."""
    if not action.help:
        return ""
    formatter = parser._get_formatter()
    try:
        text = str(formatter._expand_help(action))
    except (KeyError, TypeError, ValueError):
        text = str(action.help)
    try:
        lines = list(formatter._split_lines(text, _WIDE))
    except Exception:  # noqa: BLE001 - a formatter of the program's own that fails
        lines = [" ".join(text.split())]
    return unmarked("\n".join(str(line).rstrip() for line in lines).strip("\n"))
