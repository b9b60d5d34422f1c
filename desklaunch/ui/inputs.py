"""Text inputs: `input` (one line: text, numbers, dates, colours, ...) and `textarea`.

Each blocks the script until the form is submitted (in an `async def` script, await it);
with `name=` it returns the field unshown, for `input_group` (see desklaunch/ui/fields.py).
Names and arguments follow PyWebIO's `pywebio.input`.

Typed for the type checker: `input("Age", type=NUMBER)` is an `int`, `FLOAT` a `float`,
every other type a `str`; with `name=` the call is a `Field` of that type. (In an `async
def` script the call is awaited, which these blocking signatures do not describe.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final, Literal, overload

from desklaunch.ui.fields import Field, Validator, base_spec, text_of
from desklaunch.ui.form import ask_one
from desklaunch.ui.parse import parser

TEXT: Final = "text"
NUMBER: Final = "number"
FLOAT: Final = "float"
PASSWORD: Final = "password"
URL: Final = "url"
DATE: Final = "date"
TIME: Final = "time"
DATETIME: Final = "datetime-local"
COLOR: Final = "color"
INPUT_TYPES = (TEXT, NUMBER, FLOAT, PASSWORD, URL, DATE, TIME, DATETIME, COLOR)

Action = tuple[str, Callable[[Callable[..., None]], Any]]
"""`(button label, callback(set_value))`: a button beside the field that fills it."""

TextType = Literal["text", "password", "url", "date", "time", "datetime-local", "color"]
_UNSET: Any = object()
_EXTRA_ATTRS = {"maxlength", "minlength", "min", "max", "autocomplete", "spellcheck"}


class TextField(Field[Any]):
    """A field whose value the person types: `input` of any type, and `textarea`.

    It knows its current text on the server, so a read-only field answers with that text
    (not with whatever the page sends), and an `action` can fill it with `set_value`.
    """

    def __init__(self, spec: dict[str, Any], parse: Callable[[str], Any],
                 validate: Validator | None, action: Action | None) -> None:
        super().__init__(spec, self._value, validate)
        self._parse = parse
        self._action = action
        self._action_id: str | None = None
        self._given: tuple[Any, str] | None = None  # set_value(value, label)

    def opened(self, session: Any, form_id: str) -> None:
        super().opened(session, form_id)
        if self._action is not None:
            label, callback = self._action
            self._action_id = session.register_callback(lambda _: callback(self.set_value))
            self.spec["action"] = {"label": str(label), "id": self._action_id}

    def closed(self) -> None:
        if self.session is not None and self._action_id is not None:
            self.session.forget_callback(self._action_id)
        super().closed()

    def set_value(self, value: Any, label: str = _UNSET) -> None:
        """Fill the field (what an action's callback is given, as PyWebIO's `set_value`).

        `set_value(v)` puts `str(v)` in the field. `set_value(v, label)` shows `label`, makes
        the field read-only, and the form then answers `v` itself, any Python object.
        """
        if label is _UNSET:
            self._given = None
            text, readonly = str(value), bool(self.spec.get("readonly"))
        else:
            text, readonly = str(label), True
            self._given = (value, text)
        self.spec.update(value=text, readonly=readonly)
        session, form_id = self.session, self.form_id
        if session is not None and form_id is not None:
            session.send({"cmd": "field_update", "id": form_id, "field": self.name,
                          "changes": {"value": text, "readonly": readonly}})

    def _value(self, raw: Any) -> Any:
        given = self._given
        text = str(self.spec["value"]) if self.spec.get("readonly") else text_of(raw)
        if given is not None and text == given[1]:
            return given[0]
        return self._parse(text)


@overload
def input(  # noqa: A001
    label: str,
    type: Literal["number"],
    *,
    validate: Callable[[int], str | None] | None = ...,
    name: None = ...,
    value: Any = ...,
    action: Action | None = ...,
    placeholder: str | None = ...,
    required: bool | None = ...,
    readonly: bool | None = ...,
    datalist: Sequence[Any] | None = ...,
    help_text: str | None = ...,
    **other_html_attrs: Any,
) -> int: ...
@overload
def input(  # noqa: A001
    label: str,
    type: Literal["float"],
    *,
    validate: Callable[[float], str | None] | None = ...,
    name: None = ...,
    value: Any = ...,
    action: Action | None = ...,
    placeholder: str | None = ...,
    required: bool | None = ...,
    readonly: bool | None = ...,
    datalist: Sequence[Any] | None = ...,
    help_text: str | None = ...,
    **other_html_attrs: Any,
) -> float: ...
@overload
def input(  # noqa: A001
    label: str = ...,
    type: TextType = ...,
    *,
    validate: Callable[[str], str | None] | None = ...,
    name: None = ...,
    value: Any = ...,
    action: Action | None = ...,
    placeholder: str | None = ...,
    required: bool | None = ...,
    readonly: bool | None = ...,
    datalist: Sequence[Any] | None = ...,
    help_text: str | None = ...,
    **other_html_attrs: Any,
) -> str: ...
@overload
def input(  # noqa: A001
    label: str,
    type: Literal["number"],
    *,
    validate: Callable[[int], str | None] | None = ...,
    name: str,
    value: Any = ...,
    action: Action | None = ...,
    placeholder: str | None = ...,
    required: bool | None = ...,
    readonly: bool | None = ...,
    datalist: Sequence[Any] | None = ...,
    help_text: str | None = ...,
    **other_html_attrs: Any,
) -> Field[int]: ...
@overload
def input(  # noqa: A001
    label: str,
    type: Literal["float"],
    *,
    validate: Callable[[float], str | None] | None = ...,
    name: str,
    value: Any = ...,
    action: Action | None = ...,
    placeholder: str | None = ...,
    required: bool | None = ...,
    readonly: bool | None = ...,
    datalist: Sequence[Any] | None = ...,
    help_text: str | None = ...,
    **other_html_attrs: Any,
) -> Field[float]: ...
@overload
def input(  # noqa: A001
    label: str = ...,
    type: TextType = ...,
    *,
    validate: Callable[[str], str | None] | None = ...,
    name: str,
    value: Any = ...,
    action: Action | None = ...,
    placeholder: str | None = ...,
    required: bool | None = ...,
    readonly: bool | None = ...,
    datalist: Sequence[Any] | None = ...,
    help_text: str | None = ...,
    **other_html_attrs: Any,
) -> Field[str]: ...
@overload
def input(  # noqa: A001
    label: str = ...,
    type: str = ...,
    *,
    validate: Callable[[Any], str | None] | None = ...,
    name: str | None = ...,
    value: Any = ...,
    action: Action | None = ...,
    placeholder: str | None = ...,
    required: bool | None = ...,
    readonly: bool | None = ...,
    datalist: Sequence[Any] | None = ...,
    help_text: str | None = ...,
    **other_html_attrs: Any,
) -> Any: ...


def input(  # noqa: A001 - the name scripts expect
    label: str = "",
    type: str = TEXT,  # noqa: A002
    *,
    validate: Validator | None = None,
    name: str | None = None,
    value: Any = None,
    action: Action | None = None,
    placeholder: str | None = None,
    required: bool | None = None,
    readonly: bool | None = None,
    datalist: Sequence[Any] | None = None,
    help_text: str | None = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for one line: text, a number, a password, a URL, a date, a time or a colour.

    `type=NUMBER` returns an `int`, `FLOAT` a `float`; the others return the text (`DATE`
    "2024-05-31", `TIME` "13:45", `DATETIME` "2024-05-31T13:45", `COLOR` "#ff8800").
    `validate(value)` returns an error message to show under the field, or None.
    `datalist` suggests values as the person types; `action=("Now", fill)` puts a button
    beside the field whose callback `fill(set_value)` can fill it (even with a Python
    object: `set_value(obj, "label shown")`). Attributes beyond these: `maxlength`,
    `minlength`, `min`, `max` (all checked on the server too), `autocomplete`, `spellcheck`.

        age = input("Age", type=NUMBER, validate=lambda a: None if a > 0 else "Too young")

    Differences from PyWebIO: a number field always needs a number (PyWebIO may answer None
    for an empty one), so `NUMBER` is always an `int`; other HTML attributes are refused.
    """
    if type not in INPUT_TYPES:
        raise ValueError(f"input type must be one of {', '.join(INPUT_TYPES)}, not {type!r}")
    attrs = _html_attrs(other_html_attrs, "input")
    spec = base_spec(type, label, name, help_text=help_text, required=required,
                     value="" if value is None else str(value), placeholder=placeholder or "",
                     readonly=bool(readonly), attrs=attrs)
    if datalist is not None:
        spec["datalist"] = [str(item) for item in datalist]
    if action is not None and not (isinstance(action, tuple) and len(action) == 2
                                   and callable(action[1])):
        raise TypeError("action must be a (label, callback) tuple")
    field = TextField(spec, parser(type, bool(required), attrs), validate, action)
    return field if name is not None else ask_one(field)


@overload
def textarea(
    label: str = ...,
    *,
    rows: int = ...,
    code: bool | dict[str, Any] | None = ...,
    maxlength: int | None = ...,
    minlength: int | None = ...,
    validate: Callable[[str], str | None] | None = ...,
    name: None = ...,
    value: str | None = ...,
    placeholder: str | None = ...,
    required: bool | None = ...,
    readonly: bool | None = ...,
    help_text: str | None = ...,
) -> str: ...
@overload
def textarea(
    label: str = ...,
    *,
    rows: int = ...,
    code: bool | dict[str, Any] | None = ...,
    maxlength: int | None = ...,
    minlength: int | None = ...,
    validate: Callable[[str], str | None] | None = ...,
    name: str,
    value: str | None = ...,
    placeholder: str | None = ...,
    required: bool | None = ...,
    readonly: bool | None = ...,
    help_text: str | None = ...,
) -> Field[str]: ...


def textarea(
    label: str = "",
    *,
    rows: int = 6,
    code: bool | dict[str, Any] | None = None,
    maxlength: int | None = None,
    minlength: int | None = None,
    validate: Validator | None = None,
    name: str | None = None,
    value: str | None = None,
    placeholder: str | None = None,
    required: bool | None = None,
    readonly: bool | None = None,
    help_text: str | None = None,
) -> Any:
    """Ask for several lines of text; Ctrl+Enter (⌘+Enter on a Mac) submits.

    `code=True` (or PyWebIO's dict of editor options) shows it in a monospace font, for code.

        notes = textarea("Notes", rows=4, placeholder="Anything to add?")

    Difference from PyWebIO: `code` gives a plain monospace editor, not CodeMirror: no
    syntax colours (the dict's `mode` is kept only as a hint for the page).
    """
    attrs = _html_attrs({"maxlength": maxlength, "minlength": minlength}, "textarea")
    spec = base_spec("textarea", label, name, help_text=help_text, required=required,
                     value="" if value is None else str(value), placeholder=placeholder or "",
                     readonly=bool(readonly), attrs=attrs, rows=max(1, int(rows)),
                     code=bool(code) or isinstance(code, dict))
    if isinstance(code, dict) and isinstance(code.get("mode"), str):
        spec["language"] = code["mode"]
    field = TextField(spec, parser(TEXT, bool(required), attrs), validate, None)
    return field if name is not None else ask_one(field)


def _html_attrs(given: dict[str, Any], call: str) -> dict[str, Any]:
    unknown = sorted(set(given) - _EXTRA_ATTRS)
    if unknown:
        raise TypeError(f"{call}() does not support the attribute {unknown[0]!r} "
                        f"(supported: {', '.join(sorted(_EXTRA_ATTRS))})")
    return {key: value for key, value in given.items() if value is not None}
