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

from desklaunch.core.session import current_session
from desklaunch.errors import NoSessionError
from desklaunch.ui.fields import Field, Validator, base_spec
from desklaunch.ui.form import ask_one
from desklaunch.ui.htmlattrs import extra_attrs
from desklaunch.ui.parse import parser
from desklaunch.ui.textfield import Action, TextField

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

TextType = Literal["text", "password", "url", "date", "time", "datetime-local", "color"]
_EXTRA_ATTRS = {"maxlength", "minlength", "min", "max", "autocomplete", "spellcheck"}


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
    onchange: Callable[[Any], Any] | None = None,
    placeholder: str | None = None,
    required: bool | None = None,
    readonly: bool | None = None,
    datalist: Sequence[Any] | None = None,
    help_text: str | None = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for one line: text, a number, a password, a URL, a date, a time or a colour.

    `type=NUMBER` returns an `int`, `FLOAT` a `float` (typed with a decimal point or a
    decimal comma: "3,5" is 3.5; "1,000" is refused rather than guessed); the others return
    the text (`DATE` "2024-05-31", `TIME` "13:45", `DATETIME` "2024-05-31T13:45", `COLOR`
    "#ff8800").
    `validate(value)` returns an error message to show under the field, or None; it runs as
    the person leaves the field (as PyWebIO's does) and again at Submit.
    `datalist` suggests values as the person types; `action=("Now", fill)` puts a button
    beside the field whose callback `fill(set_value)` can fill it (even with a Python
    object: `set_value(obj, "label shown")`). Attributes beyond these: `maxlength`,
    `minlength`, `min`, `max` (all checked on the server too), `autocomplete`, `spellcheck`.
    `onchange(value)` runs as the person types (with each value that converts), before
    submit; in a group it may call `input_update`.

        age = input("Age", type=NUMBER, validate=lambda a: None if a > 0 else "Too young")

    Other keyword arguments become HTML attributes of the field, as in PyWebIO
    (`PlaceHolder="Ada"`). Difference from PyWebIO: a number field always needs a number
    (PyWebIO may answer None for an empty one), so `NUMBER` is always an `int`.
    """
    if type not in INPUT_TYPES:
        raise ValueError(f"input type must be one of {', '.join(INPUT_TYPES)}, not {type!r}")
    attrs = _html_attrs(other_html_attrs, "input")
    spec = base_spec(type, label, name, help_text=help_text, required=required,
                     value="" if value is None else str(value), placeholder=placeholder or "",
                     readonly=bool(readonly), attrs=attrs,
                     html=extra_attrs(_unknown(other_html_attrs), "input"))
    if datalist is not None:
        spec["datalist"] = [str(item) for item in datalist]
    if action is not None and not (isinstance(action, tuple) and len(action) == 2
                                   and callable(action[1])):
        raise TypeError("action must be a (label, callback) tuple")
    field = TextField(spec, parser(type, bool(required), attrs, whole_is_int=_pywebio_way()),
                      validate, action)
    field.listen(onchange)
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
    onchange: Callable[[str], Any] | None = ...,
    **other_html_attrs: Any,
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
    onchange: Callable[[str], Any] | None = ...,
    **other_html_attrs: Any,
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
    onchange: Callable[[str], Any] | None = None,
    **other_html_attrs: Any,
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
                     code=bool(code) or isinstance(code, dict),
                     html=extra_attrs(other_html_attrs, "textarea"))
    if isinstance(code, dict) and isinstance(code.get("mode"), str):
        spec["language"] = code["mode"]
    field = TextField(spec, parser(TEXT, bool(required), attrs), validate, None)
    field.listen(onchange)
    return field if name is not None else ask_one(field)


def _html_attrs(given: dict[str, Any], call: str) -> dict[str, Any]:
    """The attributes desklaunch checks on the server too (`maxlength`, `min`, ...)."""
    return {key: value for key, value in given.items()
            if key in _EXTRA_ATTRS and value is not None}


def _unknown(given: dict[str, Any]) -> dict[str, Any]:
    """The other attributes: passed to the page as they are (see htmlattrs.py)."""
    return {key: value for key, value in given.items() if key not in _EXTRA_ATTRS}


def _pywebio_way() -> bool:
    """Whether the calling script was written for PyWebIO (False outside a session)."""
    try:
        return current_session().pywebio_way
    except NoSessionError:
        return False
