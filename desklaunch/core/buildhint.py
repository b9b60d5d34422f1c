"""What a frozen app adds to a script's error when the build left out a module it imports.

A build finds the modules a script names in `import` statements; one imported by name at
run time (`importlib.import_module(name)`, a plugin, a library's lazy import) is not
bundled unless the build is told. In a terminal the error is the author's to read; in a
built app it is usually the first sign, so it says how to build again.
"""

from __future__ import annotations

import sys


def missing_module_hint(exc: BaseException) -> str:
    """A line to print after `exc`'s traceback, or "" (not frozen, or not a missing module)."""
    if not getattr(sys, "frozen", False) or not isinstance(exc, ModuleNotFoundError):
        return ""
    if not exc.name:
        return ""
    return (f"note: this app was built without the module {exc.name!r}, which the script "
            f"imports at run time; build it again with --hidden-import {exc.name}\n")
