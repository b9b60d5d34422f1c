"""Stand-in for `pywebio.io_ctrl`: the one internal name PyWebIO's add-ons use
(pywebio_battery's file picker), a callback the page's own JavaScript calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desklaunch.core.session import current_session


def output_register_callback(callback: Callable[[Any], Any], **options: Any) -> str:
    """Register `callback(data)` under an id that the script's JavaScript in the page
    (`run_js`) calls with `WebIO.pushData(data, id)`; returns the id. The callback runs as a
    button's does (`serial_mode=True`: in order with the others); other options change
    nothing."""
    return current_session().register_callback(callback, serial=options.get("serial_mode"))


__all__ = ["output_register_callback"]
