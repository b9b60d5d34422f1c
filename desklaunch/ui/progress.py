"""Progress: bars that a script moves forward (`put_progressbar` / `set_progressbar`) and
spinners for work of unknown length (`put_loading`).

`set_progressbar` may be called as often as a loop runs: each update replaces an unsent
earlier one for the same bar (the page only ever needs the newest value), and the page
draws at most one update per bar per frame.
"""

from __future__ import annotations

import math
from typing import Any

from desklaunch.core.session import current_session
from desklaunch.ui.outputs import BUTTON_COLORS, Output, send_output

LOADING_SHAPES = ("border", "grow")


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise TypeError(f"a progress value must be a number from 0 to 1, not {value!r}")
    return min(1.0, max(0.0, float(value)))


def _name(name: Any) -> str:
    if not isinstance(name, str) or not name:
        raise ValueError("a progress bar needs a name (a non-empty string)")
    return name


def put_progressbar(name: str, init: float = 0, label: str | None = None,
                    auto_close: bool = False, scope: str | None = None,
                    position: int = -1) -> Output:
    """Show a progress bar named `name`, at `init` (0 to 1); move it with `set_progressbar`.

    `label` replaces the percentage shown on the bar; `auto_close=True` removes the bar when
    it reaches 1.

        put_progressbar("copy", label="Copying…")
    """
    widget = {"type": "progress", "name": _name(name), "value": _fraction(init),
              "label": None if label is None else str(label), "auto_close": bool(auto_close),
              "updates": f"progress:{name}"}
    output = send_output(widget, scope, position)
    # A new bar of a name used before starts afresh: a reload must not move it to the old
    # bar's last value (that value is kept as the newest `progress:<name>` command).
    set_progressbar(name, init, label)
    return output


def set_progressbar(name: str, value: float, label: str | None = None) -> None:
    """Move progress bar `name` to `value` (0 to 1), optionally with a new label.

    Cheap to call thousands of times a second: unsent updates of one bar are merged.

        for i, item in enumerate(items, 1): work(item); set_progressbar("copy", i / len(items))
    """
    name = _name(name)
    current_session().send({
        "cmd": "progress", "name": name, "value": _fraction(value),
        "label": None if label is None else str(label), "coalesce": f"progress:{name}",
    })


put_processbar = put_progressbar
set_processbar = set_progressbar


def put_loading(shape: str = "border", color: str = "dark", scope: str | None = None,
                position: int = -1) -> Output:
    """Show a spinner. As a context manager, it and whatever was shown inside the `with`
    block go away when the block ends.

        with put_loading():
            result = slow_computation()
    """
    if shape not in LOADING_SHAPES:
        raise ValueError(f"shape must be one of {', '.join(LOADING_SHAPES)}")
    if color not in BUTTON_COLORS:
        raise ValueError(f"color must be one of {', '.join(BUTTON_COLORS)}")
    session = current_session()
    holder: list[Output] = []

    def remove_all() -> None:
        if not session.closed:
            session.send({"cmd": "remove", "scope": holder[0].inner})

    output = send_output({"type": "loading", "shape": shape, "color": color}, scope, position,
                         container=True, on_exit=remove_all)
    holder.append(output)
    return output
