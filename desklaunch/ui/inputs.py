"""Inputs: calls that show a form and return what the person entered.

Each blocks the script until the form is submitted (in an `async def` script, await it).
Names and arguments follow PyWebIO's `pywebio.input` where they overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desklaunch.ui.flow import ask

TEXT = "text"
NUMBER = "number"
FLOAT = "float"
PASSWORD = "password"
_TYPES = (TEXT, NUMBER, FLOAT, PASSWORD)
FIELD = "value"

Validator = Callable[[Any], "str | None"]


def input(  # noqa: A001 - the name scripts expect
    label: str = "",
    type: str = TEXT,  # noqa: A002
    *,
    validate: Validator | None = None,
    name: str | None = None,
    value: str | float | None = None,
    placeholder: str | None = None,
    required: bool | None = None,
    help_text: str | None = None,
) -> Any:
    """Ask for one line of text (or a number, or a password) and return it.

    `type=NUMBER` returns an `int`, `type=FLOAT` a `float`; an empty optional number is
    `None`. `validate(value)` returns an error message to show under the field, or None.

        name = input("Your name", validate=lambda v: None if v else "Say something")
    """
    if type not in _TYPES:
        raise ValueError(f"input type must be one of {', '.join(_TYPES)}, not {type!r}")
    field = {
        "name": name or FIELD, "type": type, "label": str(label),
        "value": "" if value is None else str(value),
        "placeholder": placeholder or "", "help_text": help_text or "",
        "required": bool(required),
    }

    def check(submitted: Any) -> tuple[Any, tuple[str, str] | None]:
        raw = _field_value(submitted, field["name"])
        if not isinstance(raw, str):
            return None, (field["name"], "Please enter a value")
        converted, error = _convert(raw, type, bool(required))
        if error is None and validate is not None:
            error = validate(converted)
        return (None, (field["name"], str(error))) if error else (converted, None)

    return ask(_form(field), check)


def select(
    label: str = "",
    options: Sequence[Any] | None = None,
    *,
    multiple: bool | None = None,
    validate: Validator | None = None,
    name: str | None = None,
    value: Any = None,
    required: bool | None = None,
    help_text: str | None = None,
) -> Any:
    """Ask the person to pick one option (or several with `multiple=True`) and return it.

    Options are labels, `(label, value)` or `(label, value, selected)` tuples, or dicts
    with `label`, `value` and `selected`. The chosen option's value comes back unchanged.

        size = select("Size", ["S", "M", "L"], value="M")
    """
    choices = [_option(item) for item in options or ()]
    if not choices:
        raise ValueError("select() needs at least one option")
    chosen = value if multiple and isinstance(value, (list, tuple, set)) else [value]
    field = {
        "name": name or FIELD, "type": "select", "label": str(label),
        "options": [
            {"label": text, "selected": selected or (value is not None and v in chosen)}
            for text, v, selected in choices
        ],
        "multiple": bool(multiple), "help_text": help_text or "", "required": bool(required),
    }

    def check(submitted: Any) -> tuple[Any, tuple[str, str] | None]:
        raw = _field_value(submitted, field["name"])
        indexes = raw if multiple else [raw]
        if not isinstance(indexes, list) or not all(
            type(i) is int and 0 <= i < len(choices) for i in indexes
        ):
            return None, (field["name"], "Please choose from the list")
        picked = [choices[i][1] for i in indexes]
        if required and not picked:
            return None, (field["name"], "Please choose at least one")
        result = picked if multiple else picked[0]
        error = validate(result) if validate is not None else None
        return (None, (field["name"], str(error))) if error else (result, None)

    return ask(_form(field), check)


def _form(field: dict[str, Any]) -> dict[str, Any]:
    return {"fields": [field], "submit_label": "Submit", "cancelable": False}


def _field_value(submitted: Any, name: str) -> Any:
    return submitted.get(name) if isinstance(submitted, dict) else None


def _convert(raw: str, kind: str, required: bool) -> tuple[Any, str | None]:
    if kind in (TEXT, PASSWORD):
        if required and not raw:
            return None, "Please fill in this field"
        return raw, None
    text = raw.strip()
    if not text:
        return None, ("Please fill in this field" if required else None)
    try:
        return (int(text) if kind == NUMBER else float(text)), None
    except ValueError:
        return None, "Please enter a whole number" if kind == NUMBER else "Please enter a number"


def _option(item: Any) -> tuple[str, Any, bool]:
    if isinstance(item, dict):
        return str(item["label"]), item.get("value", item["label"]), bool(item.get("selected"))
    if isinstance(item, (tuple, list)):
        label, option_value, *rest = item
        return str(label), option_value, bool(rest[0]) if rest else False
    return str(item), item, False
