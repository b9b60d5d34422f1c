"""Stand-in for `pywebio.input`, backed by desklaunch.ui (see desklaunch/compat)."""

from __future__ import annotations

from desklaunch.compat.forward import forwarder

CHECKBOX = "checkbox"
RADIO = "radio"
SELECT = "select"
TEXTAREA = "textarea"

_NAMES = ("CHECKBOX", "COLOR", "DATE", "DATETIME", "FLOAT", "NUMBER", "PASSWORD", "RADIO",
           "SELECT", "TEXT", "TEXTAREA", "TIME", "URL", "actions", "checkbox", "file_upload",
           "input", "input_group", "input_update", "radio", "select", "slider", "textarea")
__all__ = [*_NAMES]

__getattr__ = forwarder(__name__.replace("desklaunch.compat.", ""), _NAMES)
