"""Picking from options: `select` (a list, one or several), `checkbox` (tick boxes), `radio`.

The page only ever sees the options' labels and answers with their indexes; each field maps
the indexes back to the Python values the script gave, so any value (None, a tuple, an
object) comes back unchanged, and an index the person could not pick is refused.

Option forms, as PyWebIO's: a value (its `str` is the label), `(label, value)`,
`(label, value, selected)`, `(label, value, selected, disabled)`, or a dict with
`label`, `value`, `selected`, `disabled`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desklaunch.ui.fields import (
    Choice,
    Field,
    InputError,
    Validator,
    base_spec,
    options_wire,
    parse_options,
    picked,
)
from desklaunch.ui.form import ask_one
from desklaunch.ui.htmlattrs import extra_attrs


def _choices(options: Sequence[Any] | None, call: str) -> list[Choice]:
    choices = parse_options(options, call)
    if not choices:
        raise ValueError(f"{call}() needs at least one option")
    return choices


def _indexes(raw: object, choices: list[Choice]) -> list[Choice]:
    if not isinstance(raw, list) or len(raw) > len(choices):
        raise InputError("Please choose from the list")
    chosen = [picked(index, choices) for index in raw]
    if len({id(c) for c in chosen}) != len(chosen):
        raise InputError("Please choose from the list")
    return chosen


class ChoiceField(Field[Any]):
    """A field of options; `input_update` may give it new `options` or a new `value`."""

    UPDATABLE = Field.UPDATABLE | {"options", "value"}

    def __init__(self, spec: dict[str, Any], choices: list[Choice], convert: Any,
                 validate: Validator | None, *, several: bool, call: str) -> None:
        super().__init__(spec, convert, validate)
        self.choices, self.several, self.call = choices, several, call

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        wire = super().update({k: v for k, v in changes.items() if k not in ("options", "value")})
        if "options" in changes:
            self.choices[:] = _choices(changes["options"], self.call)  # the converter's list
        if "options" in changes or "value" in changes:
            self.spec["options"] = _marked(self.choices, changes.get("value"), self.several,
                                           self.call == "select")
            wire["options"] = self.spec["options"]
        return wire


def _marked(choices: list[Choice], value: Any, several: bool, first: bool) -> list[dict[str, Any]]:
    """The options on the wire; a single select with nothing chosen shows its first option."""
    wire = options_wire(choices, value, several)
    if first and not several and not any(o["selected"] for o in wire):
        option = next((o for o in wire if not o["disabled"]), None)
        if option is not None:
            option["selected"] = True
    return wire


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
    onchange: Any = None,
    native: bool = True,
    **other_html_attrs: Any,
) -> Any:
    """Pick one option from a list (or several with `multiple=True`: a list comes back).

    `value` preselects the option with that value (a list of values when `multiple`);
    without it the first option is chosen. `required=True` with `multiple` needs at least
    one choice.

        size = select("Size", [("Small", "S"), ("Medium", "M")], value="M")

    `onchange(value)` runs each time the choice changes, before submit (in a group it may call
    `input_update`). PyWebIO's `native` is accepted and changes nothing: the list is always
    the system's own. As in PyWebIO, `value` may be a list for a single choice too, and
    when several options end up marked the last one shows.
    """
    choices = _choices(options, "select")
    several = bool(multiple)
    spec = base_spec("select", label, name, help_text=help_text, required=required,
                     options=_marked(choices, value, several, True), multiple=several,
                     html=extra_attrs(other_html_attrs, "select"))

    def convert(raw: Any) -> Any:
        if not several:
            return picked(raw, choices).value
        chosen = _indexes(raw, choices)
        if required and not chosen:
            raise InputError("Please choose at least one")
        return [c.value for c in chosen]

    field = ChoiceField(spec, choices, convert, validate, several=several, call="select")
    return _ask(field.listen(onchange), name)


def checkbox(
    label: str = "",
    options: Sequence[Any] | None = None,
    *,
    inline: bool | None = None,
    validate: Validator | None = None,
    name: str | None = None,
    value: Sequence[Any] | None = None,
    required: bool | None = None,
    help_text: str | None = None,
    onchange: Any = None,
    **other_html_attrs: Any,
) -> Any:
    """Tick any number of boxes; returns the list of the ticked options' values.

    `value` is the list of values ticked at first; `inline=True` puts the boxes in a row;
    `required=True` needs at least one ticked.

        extras = checkbox("Extras", ["Milk", "Sugar"], value=["Milk"])

    A single box (`checkbox(options=["I agree"])`) returns `["I agree"]` or `[]`.
    `onchange(value)` runs each time the person changes it, before submit.
    """
    choices = _choices(options, "checkbox")
    spec = base_spec("checkbox", label, name, help_text=help_text, required=required,
                     options=options_wire(choices, list(value or []), True),
                     inline=bool(inline),
                     html=extra_attrs(other_html_attrs, "checkbox"))

    def convert(raw: Any) -> list[Any]:
        chosen = _indexes(raw, choices)
        if required and not chosen:
            raise InputError("Please tick at least one")
        return [c.value for c in chosen]

    field = ChoiceField(spec, choices, convert, validate, several=True, call="checkbox")
    return _ask(field.listen(onchange), name)


def radio(
    label: str = "",
    options: Sequence[Any] | None = None,
    *,
    inline: bool | None = None,
    validate: Validator | None = None,
    name: str | None = None,
    value: Any = None,
    required: bool | None = None,
    help_text: str | None = None,
    onchange: Any = None,
    **other_html_attrs: Any,
) -> Any:
    """Pick one of a few options shown at once; returns its value (None if none is picked).

    `value` picks an option at first; `required=True` refuses an answer with none picked.

        level = radio("Level", ["Easy", "Hard"], value="Easy")

    `onchange(value)` runs each time the person changes it, before submit.
    """
    choices = _choices(options, "radio")
    spec = base_spec("radio", label, name, help_text=help_text, required=required,
                     options=options_wire(choices, value, False), inline=bool(inline),
                     html=extra_attrs(other_html_attrs, "radio"))

    def convert(raw: Any) -> Any:
        if raw is None:
            if required:
                raise InputError("Please choose one")
            return None
        return picked(raw, choices).value

    field = ChoiceField(spec, choices, convert, validate, several=False, call="radio")
    return _ask(field.listen(onchange), name)


def _ask(field: Field[Any], name: str | None) -> Any:
    return field if name is not None else ask_one(field)
