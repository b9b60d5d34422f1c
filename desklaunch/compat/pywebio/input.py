"""Stand-in for `pywebio.input`, backed by desklaunch.ui (see desklaunch/compat)."""

from __future__ import annotations

from desklaunch.compat.forward import forwarder

DATETIME_LOCAL = "datetime-local"
"""PyWebIO's name of the date-and-time type; `DATETIME` is the same."""
CHECKBOX = "checkbox"
RADIO = "radio"
SELECT = "select"
TEXTAREA = "textarea"

_NAMES = ("CHECKBOX", "COLOR", "DATE", "DATETIME", "DATETIME_LOCAL", "FLOAT", "NUMBER",
          "PASSWORD", "RADIO", "SELECT", "TEXT", "TEXTAREA", "TIME", "URL", "actions",
          "checkbox", "file_upload", "input", "input_group", "input_update", "radio", "select",
          "slider", "textarea")
__all__ = [*_NAMES]

__getattr__ = forwarder(__name__.replace("desklaunch.compat.", ""), _NAMES)
