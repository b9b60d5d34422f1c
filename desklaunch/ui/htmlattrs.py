"""Keyword arguments an input function does not know, passed to its field as HTML attributes.

PyWebIO does that, and programs in the wild rely on it (`input("Name", PlaceHolder="Ada")`,
`select(..., style="width: 8em")`). The values travel as text; the page sets them with
`setAttribute` and leaves out the ones desklaunch relies on or that could run code (`id`,
`name`, `type`, `value`, `on…` handlers, …: see desklaunch/assets/js/htmlattrs.js).
"""

from __future__ import annotations

import re
from typing import Any

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")


def extra_attrs(given: dict[str, Any], call: str) -> dict[str, str]:
    """`given` as attributes for the page: names lower-cased, values as text (True: the
    attribute alone, False or None: left out)."""
    attrs: dict[str, str] = {}
    for name, value in given.items():
        if not _NAME.match(name):
            raise TypeError(f"{call}() got an unexpected keyword argument {name!r}")
        if value is None or value is False:
            continue
        attrs[name.lower()] = "" if value is True else str(value)
    return attrs
