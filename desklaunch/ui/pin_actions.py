"""`put_actions`: a row of buttons among the outputs whose last pressed value is a pin.

PyWebIO's pin version of `actions()`: pressing a button submits nothing, it sets
`pin.<name>` to the button's value (and wakes `pin_wait_change`, runs `pin_on_change`),
every press, the same button again too. Only "submit" buttons make sense here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desklaunch.ui.controls import actions
from desklaunch.ui.outputs import Output
from desklaunch.ui.pin_widgets import put_pin


def put_actions(name: str, *, label: str = "", buttons: Sequence[Any] | None = None,
                help_text: str | None = None, scope: str | None = None,
                position: int = -1) -> Output:
    """Show buttons whose last pressed value is `pin.<name>` (None until one is pressed).

        put_actions("mode", label="Mode", buttons=["Fast", ("Careful", "slow")])
        change = pin_wait_change("mode")

    Buttons are given as for `actions()`; a "reset" or "cancel" button is refused, as
    PyWebIO refuses it.
    """
    field = actions(label, buttons, name=name, help_text=help_text)
    kinds = [button["type"] for button in field.spec["buttons"]]
    if any(kind != "submit" for kind in kinds):
        raise ValueError("put_actions() takes only 'submit' buttons")
    values = [field.check(index)[0] for index in range(len(kinds))]

    def to_wire(value: Any) -> int | None:
        """`pin.<name> = value` marks nothing on the page; the value is the button's index."""
        for index, known in enumerate(values):
            if known is value or known == value:
                return index
        return None

    return put_pin(field, to_wire, None, scope, position)
