"""Inputs that are not typed: `slider` (a number on a track) and `actions` (a row of buttons).

`actions` alone asks "which button?" and returns the pressed button's value. In an
`input_group` its buttons act on the whole form, as in PyWebIO: a "submit" button submits
the form with its value under the field's name, "reset" puts every field back, "cancel"
ends the form (the group returns None). Placed last in a group, its buttons replace the
form's own Submit button.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from desklaunch.ui.fields import Field, InputError, Validator, base_spec
from desklaunch.ui.form import ask_one
from desklaunch.ui.htmlattrs import extra_attrs

BUTTON_TYPES = ("submit", "reset", "cancel")
COLORS = ("primary", "secondary", "success", "danger", "warning", "info", "light", "dark")


def slider(
    label: str = "",
    *,
    name: str | None = None,
    value: float = 0,
    min_value: float = 0,
    max_value: float = 100,
    step: float = 1,
    validate: Validator | None = None,
    required: bool | None = None,
    help_text: str | None = None,
    onchange: Any = None,
    **other_html_attrs: Any,
) -> Any:
    """Pick a number by dragging (or with the arrow keys) between `min_value` and `max_value`.

    Returns an `int` when `value`, `min_value`, `max_value` and `step` are all whole
    numbers, else a `float`. The page shows the current number beside the track.

        volume = slider("Volume", value=30, min_value=0, max_value=100, step=5)

    `onchange(value)` runs each time the person moves it, before submit.
    """
    numbers = (value, min_value, max_value, step)
    if not all(isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n)
               for n in numbers):
        raise TypeError("slider() needs finite numbers for value, min_value, max_value, step")
    if not min_value <= max_value or step <= 0:
        raise ValueError("slider() needs min_value <= max_value and a step above 0")
    whole = all(isinstance(n, int) for n in numbers)
    start = min(max(value, min_value), max_value)
    spec = base_spec("slider", label, name, help_text=help_text, required=required,
                     value=start, min=min_value, max=max_value, step=step,
                     html=extra_attrs(other_html_attrs, "slider"))

    def convert(raw: Any) -> float:
        if isinstance(raw, str):
            try:
                raw = float(raw)
            except ValueError:
                raise InputError("Please choose a value on the slider") from None
        if not isinstance(raw, (int, float)) or isinstance(raw, bool) or not math.isfinite(raw):
            raise InputError("Please choose a value on the slider")
        if not min_value <= raw <= max_value:
            raise InputError(f"Please choose between {min_value} and {max_value}")
        steps = round((raw - min_value) / step)
        number = min_value + steps * step
        return round(number) if whole else float(number)

    field = _SliderField(spec, convert, validate).listen(onchange)
    return field if name is not None else ask_one(field)


class _SliderField(Field[Any]):
    UPDATABLE = Field.UPDATABLE | {"value"}

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        wire = super().update({k: v for k, v in changes.items() if k != "value"})
        if "value" in changes:
            ok, number = self.preview(changes["value"])
            if not ok:
                raise ValueError(f"input_update(value=...) of a slider needs a number between "
                                 f"{self.spec['min']} and {self.spec['max']}")
            self.spec["value"] = wire["value"] = number
        return wire


def _button(item: Any) -> tuple[dict[str, Any], Any]:
    """A button as the page gets it, and the value it answers."""
    if isinstance(item, dict):
        label = item.get("label", item.get("value"))
        value = item.get("value", label)
        kind = item.get("type", "submit")
        color = item.get("color")
        disabled = bool(item.get("disabled"))
    elif isinstance(item, (tuple, list)) and len(item) == 2:
        (label, value), kind, color, disabled = item, "submit", None, False
    else:
        label = value = item
        kind, color, disabled = "submit", None, False
    if kind not in BUTTON_TYPES:
        raise ValueError(f"an actions button type is one of {', '.join(BUTTON_TYPES)}, "
                         f"not {kind!r}")
    if color is not None and color not in COLORS:
        raise ValueError(f"a button color is one of {', '.join(COLORS)}, not {color!r}")
    if color is None:
        color = "primary" if kind == "submit" else "secondary"
    return {"label": str(label), "type": kind, "color": color, "disabled": disabled}, value


def actions(
    label: str = "",
    buttons: Sequence[Any] | None = None,
    name: str | None = None,
    help_text: str | None = None,
    **other_html_attrs: Any,
) -> Any:
    """Show a row of buttons and return the value of the one pressed.

    A button is a label (its own value), `(label, value)`, or a dict with `label`, `value`,
    `type` ("submit", "reset" or "cancel"; only "submit" makes sense alone), `color`
    ("primary", "secondary", "success", "danger", ...) and `disabled`.

        choice = actions("Save changes?", [("Save", True), ("Discard", False)])

    In `input_group`, a "cancel" button makes the group return None; submitting the group
    with its own Submit button leaves this field None.
    """
    if not buttons or isinstance(buttons, (str, bytes)):
        raise ValueError("actions() needs a list of buttons")
    pairs = [_button(item) for item in buttons]
    values = [value for _, value in pairs]
    kinds = [spec["type"] for spec, _ in pairs]
    spec = base_spec("actions", label, name, help_text=help_text,
                     buttons=[wire for wire, _ in pairs],
                     html=extra_attrs(other_html_attrs, "actions"))

    def convert(raw: Any) -> Any:
        if raw is None:
            return None
        if (type(raw) is not int or not 0 <= raw < len(values) or kinds[raw] != "submit"
                or pairs[raw][0]["disabled"]):
            raise InputError("Please press one of the buttons")
        return values[raw]

    field = Field(spec, convert)
    return field if name is not None else ask_one(field)
