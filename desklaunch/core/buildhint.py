"""What a frozen app adds to a script's error when the build left out a module it imports.

A build finds the modules a script names in `import` statements, and the package records it
reads by a literal name (`version("rich")`); one imported or read by a name made at run
time (`importlib.import_module(name)`, a plugin, `version(__name__)`) is not bundled unless
the build is told. In a terminal the error is the author's to read; in a
built app it is usually the first sign, so it says how to build again.
"""

from __future__ import annotations

import sys

_left_out: frozenset[str] = frozenset()


def left_out_by_build(names: list[str]) -> None:
    """Record the packages the app was built without on purpose (`build --exclude`)."""
    global _left_out  # one app per process: set once, at its start
    _left_out = frozenset(names)


def missing_module_hint(exc: BaseException) -> str:
    """A line to print after `exc`'s traceback, or "" (not frozen, or not a missing module
    or package record)."""
    if not getattr(sys, "frozen", False):
        return ""
    missing = _missing_module(exc)
    if missing is None or not missing.name:
        return ""
    name = missing.name
    if type(missing).__name__ == "PackageNotFoundError":  # importlib.metadata's, a subclass
        return (f"note: this app was built without the installed records of {name!r}, "
                "which the script reads (its version, its entry points); build it again "
                f"with --copy-metadata {name}\n")
    if name.split(".")[0] in _left_out:
        top = name.split(".")[0]
        return (f"note: this app was built with --exclude {top} and has just imported "
                f"it; build it again without --exclude {top}\n")
    return (f"note: this app was built without the module {name!r}, which the script "
            f"imports at run time; build it again with --hidden-import {name}\n")


def _missing_module(exc: BaseException) -> ModuleNotFoundError | None:
    """`exc`, or the `ModuleNotFoundError` it was raised from or while handling: a library
    often says it its own way (pandas: "matplotlib is required for plotting", raised
    `from None`, which hides the original from the traceback, not from the exception)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ModuleNotFoundError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None
