"""The pin widgets themselves: `put_input`, `put_textarea`, `put_select`, `put_checkbox`,
`put_radio` and `put_slider`.

Each is the field of the matching input call (the same spec and the same conversion of
what the page sends), shown among the outputs instead of in a form, with no Submit button:
its value is read with `pin.name` (see desklaunch/ui/pin.py). Names and arguments follow
`pywebio.pin`; every call returns an `Output`, so a pin widget can go into `put_row` and
other containers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from desklaunch.core.session import current_session
from desklaunch.ui.choices import checkbox, radio, select
from desklaunch.ui.controls import slider
from desklaunch.ui.fields import Field, options_wire
from desklaunch.ui.inputs import TEXT, input, textarea
from desklaunch.ui.outputs import Output, send_output
from desklaunch.ui.pin import PinBoard, PinWidget, ToWire


def _as_text(value: Any) -> str:
    """The text a value the script gives a text field shows, as PyWebIO's page (JavaScript)
    shows it: a whole float without its ".0" (10.0 shows 10)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return str(value)


def _picked(field: Field[Any]) -> list[int]:
    return [index for index, option in enumerate(field.spec["options"]) if option["selected"]]


def put_pin(field: Field[Any], to_wire: ToWire, raw: Any, scope: str | None,
            position: int, wid: str | None = None) -> Output:
    """Show `field` among the outputs as a pin widget (the building block of `put_*`);
    `wid` is the widget's id when the field needed it before (a file field's uploads)."""
    session = current_session()
    board = PinBoard.of(session)
    widget = PinWidget(wid or session.new_id("p"), field, to_wire)
    board.add(widget, raw)
    return send_output({"type": "pin", "id": widget.wid, "name": widget.name,
                        "field": field.wire()}, scope, position)


def choice_wire(field: Field[Any], several: bool) -> ToWire:
    """How a value set on a select / checkbox / radio becomes the indexes the page shows
    (following the field's current options, which `pin_update(options=...)` may change)."""

    def to_wire(value: Any) -> Any:
        choices = [choice._replace(selected=False) for choice in field.choices]  # type: ignore[attr-defined]
        marks = options_wire(choices, value, several)
        picked = [index for index, option in enumerate(marks) if option["selected"]]
        if several:
            return picked
        return picked[0] if picked else None

    return to_wire


def put_input(name: str, type: str = TEXT, *, label: str = "", value: Any = None,  # noqa: A002
              placeholder: str | None = None, readonly: bool | None = None,
              datalist: Sequence[Any] | None = None, help_text: str | None = None,
              scope: str | None = None, position: int = -1, **other_html_attrs: Any) -> Output:
    """Show a one-line field whose value is `pin.<name>` (any `input` type).

        put_input("celsius", type=FLOAT, label="Celsius", value=20)

    A `NUMBER` or `FLOAT` field that does not hold a number (empty, or "-" while typing)
    reads as None.
    """
    field = input(label, type, name=name, value=None if value is None else _as_text(value),
                  placeholder=placeholder, readonly=readonly, datalist=datalist,
                  help_text=help_text, **other_html_attrs)
    return put_pin(field, _as_text, field.spec["value"], scope, position)


def put_textarea(name: str, *, label: str = "", rows: int = 6,
                 code: bool | dict[str, Any] | None = None, maxlength: int | None = None,
                 minlength: int | None = None, value: str | None = None,
                 placeholder: str | None = None, readonly: bool | None = None,
                 help_text: str | None = None, scope: str | None = None,
                 position: int = -1) -> Output:
    """Show a multi-line field whose value is `pin.<name>`.

        put_textarea("notes", label="Notes", rows=4)
    """
    field = textarea(label, rows=rows, code=code, maxlength=maxlength, minlength=minlength,
                     name=name, value=None if value is None else _as_text(value),
                     placeholder=placeholder, readonly=readonly, help_text=help_text)
    return put_pin(field, _as_text, field.spec["value"], scope, position)


def put_select(name: str, options: Sequence[Any] | None = None, *, label: str = "",
               multiple: bool | None = None, value: Any = None, native: bool | None = None,
               help_text: str | None = None, scope: str | None = None,
               position: int = -1) -> Output:
    """Show a drop-down list whose chosen value is `pin.<name>` (a list with `multiple`).

        put_select("unit", ["m", "km", "mi"], label="Unit", value="km")

    `native` (PyWebIO's choice of list widget) is accepted and changes nothing.
    """
    field = select(label, options, multiple=multiple, name=name, value=value,
                   help_text=help_text)
    picked = _picked(field)
    raw: Any = picked if multiple else (picked[0] if picked else None)
    return put_pin(field, choice_wire(field, bool(multiple)), raw, scope,
                   position)


def put_checkbox(name: str, options: Sequence[Any] | None = None, *, label: str = "",
                 inline: bool | None = None, value: Sequence[Any] | None = None,
                 help_text: str | None = None, scope: str | None = None,
                 position: int = -1) -> Output:
    """Show tick boxes whose ticked values are `pin.<name>` (a list).

        put_checkbox("extras", ["Milk", "Sugar"], label="Extras", inline=True)
    """
    field = checkbox(label, options, inline=inline, name=name, value=value,
                     help_text=help_text)
    return put_pin(field, choice_wire(field, True), _picked(field), scope,
                   position)


def put_radio(name: str, options: Sequence[Any] | None = None, *, label: str = "",
              inline: bool | None = None, value: Any = None, help_text: str | None = None,
              scope: str | None = None, position: int = -1) -> Output:
    """Show round buttons whose picked value is `pin.<name>` (None while none is picked).

        put_radio("size", ["S", "M", "L"], label="Size", value="M", inline=True)
    """
    field = radio(label, options, inline=inline, name=name, value=value, help_text=help_text)
    picked = _picked(field)
    return put_pin(field, choice_wire(field, False),
                   picked[0] if picked else None, scope, position)


def put_slider(name: str, *, label: str = "", value: float = 0, min_value: float = 0,
               max_value: float = 100, step: float = 1, required: bool | None = None,
               help_text: str | None = None, scope: str | None = None,
               position: int = -1) -> Output:
    """Show a slider whose number is `pin.<name>`.

        put_slider("volume", label="Volume", value=30, step=5)
    """
    field = slider(label, name=name, value=value, min_value=min_value, max_value=max_value,
                   step=step, required=required, help_text=help_text)

    def to_wire(number: Any) -> float:
        if not isinstance(number, (int, float)) or isinstance(number, bool) \
                or not math.isfinite(number):
            raise TypeError(f"pin {name!r} is a slider: set it to a number, not {number!r}")
        return min(max(number, min_value), max_value)

    return put_pin(field, to_wire, field.spec["value"], scope, position)
