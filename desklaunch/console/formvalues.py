"""What a submitted or remembered argument-form value may be, for the argparse form and the
click form alike: its size limits and the shape each kind of field takes."""

from __future__ import annotations

from typing import Any

MAX_VALUE = 100_000
"""Characters in one value; a longer one is refused (and never remembered)."""
MAX_ROWS = 1_000
"""Rows of a list field."""


def coerce(kind: str, value: Any) -> Any:
    """A submitted or remembered value in the shape `kind` takes, or None if it cannot be."""
    if kind == "flag":
        return value if isinstance(value, bool) else None
    if kind in ("list", "choices", "tuple"):
        if isinstance(value, str):  # remembered by an older desklaunch: one per line
            value = value.splitlines()
        if not isinstance(value, list) or len(value) > MAX_ROWS:
            return None
        items = [str(item) for item in value if isinstance(item, (str, int, float))]
        return items if all(len(item) <= MAX_VALUE for item in items) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and len(value) <= MAX_VALUE else None
