"""The argument form on the simulated page (docs/protocol.md, `console_args`;
assets/js/console-args.js): the fields a console program's arguments become, filled and sent
as the page sends them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desklaunch.testing.elements import Element, marked

NOT_GIVEN = "(not given)"
"""The choice of a list that leaves its option off the command line, as
assets/js/console-fields.js names it."""

Send = Callable[[dict[str, Any]], None]


def text_of(value: Any) -> str:
    """`value` as the page shows it: nothing for None."""
    return "" if value is None else str(value)


class ArgField:
    """One field of the argument form (docs/protocol.md, `console_args`): a checkbox (flag),
    a list (choice), boxes to tick (choices), rows with Add and Remove (list), numbered
    boxes (tuple) or a text box (text, count)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.key = text_of(spec.get("key"))
        self.kind = text_of(spec.get("kind"))
        self.label = label = text_of(spec.get("label"))
        self.wrap = Element("generic")
        self.rows: list[Element] = []
        if self.kind == "flag":
            self.control = Element("checkbox", label, label)
            self.control.checked = spec.get("value") is True
            self.wrap.append(self.control)
        elif self.kind in ("list", "tuple", "choices"):
            self.control = self.wrap.append(Element("group", label,
                                                    marked(label, spec.get("required"))))
            raw = spec.get("value")
            values: list[Any] = raw if isinstance(raw, list) else []
            if self.kind == "choices":
                for option in [text_of(o) for o in spec.get("options") or []]:
                    box = self.control.append(Element("checkbox", option, option))
                    box.checked = option in values
                    box.owner = self
            elif self.kind == "tuple":
                for index, part in enumerate(spec.get("parts") or []):
                    self._row(text_of(part), values[index] if index < len(values) else "")
            else:
                for value in values or [""]:
                    self._add(value)
                add = self.control.append(Element("button", f"Add {label}", "Add"))
                add.on_click = lambda: self._add("")
        else:
            self.wrap.append(Element("generic", own=marked(label, spec.get("required"))))
            role = {"choice": "combobox", "count": "spinbutton"}.get(self.kind, "textbox")
            self.control = self.wrap.append(Element(role, label))
            self.control.value = text_of(spec.get("value"))
            if self.kind == "choice":
                options = [] if spec.get("required") else [NOT_GIVEN]
                options += [text_of(o) for o in spec.get("options") or []]
                for option in options:
                    element = Element("option", option, option)
                    element.selected = option == (self.control.value or NOT_GIVEN)
                    self.control.append(element)
        self.control.owner = self
        stdio = {"in": "- reads the console's input", "out": "- writes to the console"}
        notes = [n for n in (text_of(spec.get("option")),
                             ("one or more" if spec.get("min") else "any number")
                             if self.kind == "list" else "",
                             "times" if self.kind == "count" else "",
                             stdio.get(text_of(spec.get("stdio")), "")) if n]  # helpText's
        help_text = " ".join(p for p in (text_of(spec.get("help")),
                                         f"({'; '.join(notes)})" if notes else "") if p)
        self.wrap.append(Element("paragraph", own=help_text))
        self.error = self.wrap.append(Element("alert"))
        self.error.hidden = True

    def _row(self, name: str, value: Any) -> Element:
        box = Element("textbox", name)
        box.value = text_of(value)
        box.owner = self
        add = next((c for c in self.control.children if c.role == "button"
                    and c.name.startswith("Add ")), None)
        if add is not None:
            self.control.insert(self.control.children.index(add), box)
        else:
            self.control.append(box)
        self.rows.append(box)
        return box

    def _add(self, value: Any) -> None:
        """A new row of a list field, with its Remove button; rows are numbered."""
        box = self._row("", value)
        remove = Element("button", "", "Remove")
        self.control.insert(self.control.children.index(box) + 1, remove)

        def drop() -> None:
            self.rows.remove(box)
            box.detach()
            remove.detach()
            if not self.rows:
                self._add("")
            self._renumber()

        remove.on_click = drop
        self._renumber()

    def _renumber(self) -> None:
        for index, box in enumerate(self.rows, 1):
            box.name = f"{self.label} {index}"
            position = self.control.children.index(box)
            self.control.children[position + 1].name = f"Remove {self.label} {index}"

    def fill(self, paths: list[str], part: Any) -> None:
        """The paths a chooser returned."""
        if not paths:
            return
        if self.kind == "list":
            empty = [box for box in self.rows if not box.value]
            for path in paths:
                if empty:
                    empty.pop(0).value = path
                else:
                    self._add(path)
        elif self.kind == "tuple":
            if isinstance(part, int) and 0 <= part < len(self.rows):
                self.rows[part].value = paths[0]
        elif self.kind not in ("flag", "choices"):
            self.control.value = paths[0]

    def options(self) -> list[Element]:
        """Its boxes to tick (a `choices` field), each named by its option."""
        return [c for c in self.control.children if c.role == "checkbox"] \
            if self.kind == "choices" else []

    def raw(self) -> Any:
        if self.kind == "flag":
            return bool(self.control.checked)
        if self.kind == "choices":
            return [c.name for c in self.control.children if c.role == "checkbox" and c.checked]
        if self.kind in ("list", "tuple"):
            return [text_of(box.value) for box in self.rows]
        return text_of(self.control.value)


class ArgChoice:
    """A mutually exclusive group: round buttons, the chosen member's field below them."""

    def __init__(self, spec: dict[str, Any], fields: dict[str, ArgField]) -> None:
        self.key = text_of(spec.get("key"))
        label = text_of(spec.get("label"))
        self.control = Element("radiogroup", label, marked(label, spec.get("required")))
        self.control.owner = self
        self.members: list[tuple[Element, ArgField | None]] = []
        self._keys: dict[int, str] = {}  # id of each round button → its option's key
        options = [o for o in spec.get("options") or [] if isinstance(o, dict)]
        if not spec.get("required"):
            options.insert(0, {"key": "", "label": "None"})
        for option in options:
            name = text_of(option.get("label"))
            radio = self.control.append(Element("radio", name, name))
            self._keys[id(radio)] = text_of(option.get("key"))
            radio.checked = self._keys[id(radio)] == text_of(spec.get("value"))
            radio.owner = self
            hint = " ".join(filter(None, [text_of(option.get("help")), f"({option['option']})"
                                          if option.get("option") else ""]))
            if hint:  # its help and option under each round button, as the page shows them
                self.control.append(Element("paragraph", own=hint))
            field = None
            if isinstance(option.get("field"), dict):
                field = ArgField({**option["field"], "option": "", "help": ""})
                fields[field.key] = field
                self.control.append(field.wrap)
            self.members.append((radio, field))
        self.error = self.control.append(Element("alert"))
        self.error.hidden = True
        self.show()

    def show(self) -> None:
        for radio, field in self.members:
            if field is not None:
                field.wrap.hidden = not radio.checked

    def raw(self) -> str:
        return next((self._keys[id(radio)] for radio, _ in self.members if radio.checked), "")



class ArgsForm:
    """The form in the console's `host`: shown, answered with errors, sent."""

    def __init__(self, host: Element, send: Send) -> None:
        self.host = host
        self.send = send
        self.id: str | None = None
        self.args: dict[str, ArgField] = {}
        self.choices: dict[str, ArgChoice] = {}
        self.element: Element | None = None
        self.error: Element | None = None
        self._path: Callable[[], list[str]] = list

    def show(self, command: dict[str, Any]) -> None:
        key = command.get("id")
        if not isinstance(key, str):
            self.host.clear()
            self.id, self.element = None, None
            return
        if key == self.id and self.element is not None:
            self._errors(command.get("errors"))
            return
        raw = command.get("form")
        form: dict[str, Any] = raw if isinstance(raw, dict) else {}
        self.host.clear()
        self.id, self.args, self.choices = key, {}, {}
        element = self.host.append(Element("form", text_of(form.get("label")) or "Arguments"))
        element.append(Element("heading", text_of(form.get("title")), text_of(form.get("title"))))
        if form.get("description"):
            element.append(Element("paragraph", own=text_of(form["description"])))
        box, self._path = self._level(form.get("root"))
        element.append(box)
        self.error = element.append(Element("alert"))
        self.error.hidden = True
        label = text_of(form.get("submit_label")) or "Run"
        run = element.append(Element("button", label, label))
        run.on_click = self.submit
        element.owner = run
        self.element = element
        self._errors(command.get("errors"))

    def _level(self, raw: Any) -> tuple[Element, Callable[[], list[str]]]:
        spec: dict[str, Any] = raw if isinstance(raw, dict) else {}
        box = Element("generic")
        if spec.get("description"):
            box.append(Element("paragraph", own=text_of(spec["description"])))
        for raw in spec.get("items") or []:
            if isinstance(raw, dict):
                box.append(self._item(raw))
        commands = [c for c in spec.get("commands") or [] if isinstance(c, dict)]
        if not commands:
            return box, list
        tablist = box.append(Element("tablist", "Command"))
        entries: list[tuple[str, Element, Element, Callable[[], list[str]]]] = []
        for command in commands:
            name = text_of(command.get("name"))
            tab = tablist.append(Element("tab", name, name))
            inner, path = self._level(command.get("level"))
            panel = box.append(Element("tabpanel", name, children=[inner]))
            entries.append((name, tab, panel, path))
        chosen = [max(0, next((i for i, e in enumerate(entries)
                               if e[0] == spec.get("selected")), 0))]

        def select(index: int) -> None:
            chosen[0] = index
            for i, (_, tab, panel, _path) in enumerate(entries):
                tab.selected = i == index
                panel.hidden = i != index

        for index, (_, tab, _panel, _path) in enumerate(entries):
            tab.on_click = (lambda i=index: select(i))
        select(chosen[0])
        return box, lambda: [entries[chosen[0]][0], *entries[chosen[0]][3]()]

    def _item(self, spec: dict[str, Any]) -> Element:
        """A field, a section (an argument group) or a choice (a mutually exclusive group)."""
        if spec.get("type") == "section":
            title = text_of(spec.get("title"))
            section = Element("group", title, title)
            if spec.get("description"):
                section.append(Element("paragraph", own=text_of(spec["description"])))
            for raw in spec.get("items") or []:
                if isinstance(raw, dict):
                    section.append(self._item(raw))
            return section
        if spec.get("type") == "choice":
            choice = ArgChoice(spec, self.args)
            self.choices[choice.key] = choice
            return choice.control
        arg = ArgField(spec)
        self.args[arg.key] = arg
        return arg.wrap

    def submit(self) -> None:
        if self.element is None or self.id is None:
            return
        values: dict[str, Any] = {key: arg.raw() for key, arg in self.args.items()}
        values.update({key: choice.raw() for key, choice in self.choices.items()})
        self.send({"type": "submit", "id": self.id,
                   "value": {"values": values, "path": self._path()}})

    def _errors(self, errors: Any) -> None:
        entries: list[ArgField | ArgChoice] = [*self.args.values(), *self.choices.values()]
        for entry in entries:
            entry.error.own, entry.error.hidden = "", True
        if self.error is not None:
            self.error.own, self.error.hidden = "", True
        for key, message in (errors or {}).items() if isinstance(errors, dict) else ():
            named = self.args.get(key) or self.choices.get(key)
            target = named.error if named is not None else self.error
            if target is not None:
                target.own, target.hidden = text_of(message), False

    def fill(self, command: dict[str, Any]) -> None:
        arg = self.args.get(text_of(command.get("key")))
        if command.get("id") == self.id and arg is not None:
            value = command.get("value")
            paths = [text_of(v) for v in value] if isinstance(value, list) else [text_of(value)]
            arg.fill(paths, command.get("part"))
