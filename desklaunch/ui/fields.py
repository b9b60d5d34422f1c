"""Form fields: what an input call shows, and how the page's answer becomes its value.

Every input function (`input`, `select`, `file_upload`, ...) builds a `Field`. Called on
its own, the function shows the field as a one-field form and blocks until it is answered.
Called with `name=`, it returns the `Field` itself, not shown: that is how the items of
`input_group` are written, and it is PyWebIO's rule too (a name means "part of a group"):

    info = input_group("Sign up", [input("Name", name="name"),
                                   input("Age", name="age", type=NUMBER)])

The page never sends Python values back: choices travel as indexes, numbers as the text
typed, files as tokens of uploads the server staged. Each field maps what arrives back to
the script's values and checks it, trusting nothing the page says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

if TYPE_CHECKING:
    from desklaunch.core.messages import Event
    from desklaunch.core.session import Session

T = TypeVar("T")
Validator = Callable[[Any], "str | None"]
"""`validate(value)` returns the message to show under the field, or None when it is fine."""

SINGLE = "value"
"""The field name of a one-field form (a call without `name=`)."""
MAX_TEXT = 1_000_000
"""The longest text a field takes (in characters); longer answers are refused."""


class InputError(Exception):
    """A submitted value a field refuses; `message` is shown under the field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Field(Generic[T]):
    """One field of a form, not shown yet: what `input(..., name="age")` returns.

    Give fields to `input_group`, which shows them in one form and returns a dict of their
    values by name. `spec` is the field as the page gets it (docs/protocol.md, "Form").
    """

    def __init__(self, spec: dict[str, Any], convert: Callable[[Any], T],
                 validate: Validator | None = None) -> None:
        self.spec = spec
        self._convert = convert
        self._validate = validate
        if validate is not None:
            spec["validate"] = True  # the page asks for a check as the person leaves it
        self.session: Session | None = None
        self.form_id: str | None = None
        self.onchange: Callable[[Any], Any] | None = None
        """PyWebIO's `onchange(value)`: called while the form is filled in (see `listen`)."""

    def listen(self, onchange: Callable[[Any], Any] | None) -> Field[T]:
        """Call `onchange(value)` each time the person changes this field (before submit)."""
        if onchange is not None and not callable(onchange):
            raise TypeError("onchange must be a function taking the new value")
        self.onchange = onchange
        self.spec["onchange"] = onchange is not None
        return self

    @property
    def name(self) -> str:
        return str(self.spec["name"])

    @property
    def kind(self) -> str:
        return str(self.spec["type"])

    def __repr__(self) -> str:
        return f"<Field {self.kind} {self.name!r}>"

    # -- what the form calls ----------------------------------------------------------------

    def wire(self) -> dict[str, Any]:
        """The field as the page gets it now."""
        return dict(self.spec)

    def opened(self, session: Session, form_id: str) -> None:
        """The field's form is about to be shown, as form `form_id` of `session`."""
        self.session = session
        self.form_id = form_id

    def closed(self) -> None:
        """The field's form is gone."""
        self.form_id = None

    def handle(self, event: Event) -> None:
        """An event for this field besides submit (a file field's `file_choose`)."""

    def preview(self, raw: Any) -> tuple[bool, T | None]:
        """(True, value) when `raw` converts (not validated: the person is still typing)."""
        try:
            return True, self._convert(raw)
        except InputError:
            return False, None

    UPDATABLE = frozenset({"label", "help_text", "placeholder"})
    """What `input_update` may change on this kind of field."""

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Apply `input_update`'s `changes` to the spec; what the page must change."""
        unknown = sorted(set(changes) - self.UPDATABLE)
        if unknown:
            raise TypeError(f"input_update() cannot change {unknown[0]!r} of a {self.kind} "
                            f"field (it can change: {', '.join(sorted(self.UPDATABLE))})")
        wire = {key: "" if value is None else str(value) for key, value in changes.items()}
        self.spec.update(wire)
        return wire

    def check_on_leaving(self, raw: Any) -> str | None:
        """The `validate` function's message for `raw`, as the person leaves the field
        (PyWebIO checks there too); None when it passes, or does not convert yet."""
        ok, value = self.preview(raw)
        if not ok or self._validate is None:
            return None
        error = self._validate(value)
        return str(error) if error else None

    def check(self, raw: Any) -> tuple[T | None, str | None]:
        """(value, None) for an acceptable submitted `raw`, else (None, the message)."""
        try:
            value = self._convert(raw)
        except InputError as exc:
            return None, exc.message
        if self._validate is not None:
            error = self._validate(value)
            if error:
                return None, str(error)
        return value, None


def base_spec(kind: str, label: object, name: str | None, *, help_text: str | None = None,
              required: bool | None = None, **extra: Any) -> dict[str, Any]:
    """The keys every field has on the wire, plus `extra`."""
    return {"name": check_name(name) if name is not None else SINGLE, "type": kind,
            "label": "" if label is None else str(label), "help_text": help_text or "",
            "required": bool(required), **extra}


def check_name(name: object) -> str:
    if not isinstance(name, str) or not name or len(name) > 64:
        raise ValueError(f"a field name must be a non-empty string of at most 64 "
                         f"characters, not {name!r}")
    return name


def text_of(raw: object) -> str:
    """What a text-like field sent: a string of sane length, or refused."""
    if not isinstance(raw, str) or len(raw) > MAX_TEXT:
        raise InputError("Please enter a value")
    return raw


# -- options of select, checkbox and radio -----------------------------------------------------


class Choice(NamedTuple):
    label: str
    value: Any
    selected: bool
    disabled: bool


def parse_options(options: Sequence[Any] | None, call: str) -> list[Choice]:
    """PyWebIO's option forms: `value`, `(label, value[, selected[, disabled]])`, or a dict."""
    if options is None or isinstance(options, (str, bytes)):
        raise TypeError(f"{call}() needs a list of options")
    choices = []
    for item in options:
        if isinstance(item, Mapping):
            label = item.get("label", item.get("value"))
            choices.append(Choice(str(label), item.get("value", label),
                                  bool(item.get("selected")), bool(item.get("disabled"))))
        elif isinstance(item, (tuple, list)):
            if not 2 <= len(item) <= 4:
                raise ValueError(f"an option of {call}() is (label, value[, selected"
                                 f"[, disabled]]), not {item!r}")
            label, value, *flags = item
            flags += [False] * (2 - len(flags))
            choices.append(Choice(str(label), value, bool(flags[0]), bool(flags[1])))
        else:
            choices.append(Choice(str(item), item, False, False))
    return choices


def options_wire(choices: list[Choice], value: Any, several: bool) -> list[dict[str, Any]]:
    """The options as the page gets them; `value` marks the chosen, as PyWebIO marks them.

    `value` is one value or a list of values (for a single choice too, as in PyWebIO; an
    option whose value is the list itself still matches it). Options marked `selected` in
    `options` stay marked. A single choice shows one: the last marked, as a browser shows
    a `<select>` or a group of round buttons given several.
    """
    if value is None:
        wanted: list[Any] = []
    elif isinstance(value, (list, tuple, set, frozenset)) and (
            several or not any(_same(choice.value, value) for choice in choices)):
        wanted = list(value)
    else:
        wanted = [value]
    wire = []
    for choice in choices:
        selected = choice.selected or any(_same(choice.value, w) for w in wanted)
        wire.append({"label": choice.label, "selected": selected, "disabled": choice.disabled})
    if not several:
        last = next((o for o in reversed(wire) if o["selected"]), None)
        for option in wire:
            option["selected"] = option is last
    return wire


def _same(a: Any, b: Any) -> bool:
    try:
        return a is b or bool(a == b)
    except Exception:  # noqa: BLE001 - an odd __eq__ only means "not the same"
        return False


def picked(raw: object, choices: list[Choice]) -> Choice:
    """The choice an index from the page names; refused unless it is one the person could pick."""
    if type(raw) is not int or not 0 <= raw < len(choices) or choices[raw].disabled:
        raise InputError("Please choose from the list")
    return choices[raw]
