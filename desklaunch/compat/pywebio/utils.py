"""Stand-in for `pywebio.utils`: the helper PyWebIO's add-ons import (pywebio_battery)."""

from __future__ import annotations

import secrets
import string

_LETTERS = string.ascii_letters + string.digits


def random_str(length: int = 16) -> str:
    """`length` random letters and digits: a unique name for a scope or a pin."""
    return "".join(secrets.choice(_LETTERS) for _ in range(length))


__all__ = ["random_str"]
