"""Stand-in for `pywebio.pin`, backed by desklaunch.ui (see desklaunch/compat)."""

from __future__ import annotations

from desklaunch.compat.forward import forwarder

_NAMES = ("get_pin_values", "pin", "pin_on_change", "pin_update", "pin_wait_change",
           "put_actions", "put_checkbox", "put_file_upload", "put_input", "put_radio", "put_select",
           "put_slider", "put_textarea")
__all__ = [*_NAMES]

__getattr__ = forwarder(__name__.replace("desklaunch.compat.", ""), _NAMES)
