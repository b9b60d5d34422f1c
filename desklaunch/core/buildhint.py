"""What a frozen app adds to a script's error when the build left out a module it imports,
or a file it reads beside itself.

A build finds the modules a script names in `import` statements, and the package records it
reads by a literal name (`version("rich")`); one imported or read by a name made at run
time (`importlib.import_module(name)`, a plugin, `version(__name__)`) is not bundled unless
the build is told, and no data file is (`Path(__file__).parent / "table.json"` is looked for
in the app's folder). In a terminal the error is the author's to read; in a built app it is
usually the first sign, so it says how to build again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

_left_out: frozenset[str] = frozenset()
_not_installed: frozenset[str] = frozenset()


def left_out_by_build(names: Sequence[str], not_installed: Sequence[str] = ()) -> None:
    """Record the packages the app was built without on purpose (`build --exclude`), and
    the modules the building Python could not import (the build warned of them)."""
    global _left_out, _not_installed  # one app per process: set once, at its start
    _left_out = frozenset(names)
    _not_installed = frozenset(not_installed)


def missing_module_hint(exc: BaseException) -> str:
    """A line to print after `exc`'s traceback, or "" (not frozen, or not a missing module
    or package record)."""
    if not getattr(sys, "frozen", False):
        return ""
    missing = _missing_module(exc)
    if missing is None or not missing.name:
        return _missing_file_hint(exc)
    name = missing.name
    if type(missing).__name__ == "PackageNotFoundError":  # importlib.metadata's, a subclass
        return (f"note: this app was built without the installed records of {name!r}, "
                "which the script reads (its version, its entry points); build it again "
                f"with --copy-metadata {name}\n")
    if name.split(".")[0] in _left_out:
        top = name.split(".")[0]
        return (f"note: this app was built with --exclude {top} and has just imported "
                f"it; build it again without --exclude {top}\n")
    if name in _not_installed or name.split(".")[0] in _not_installed:
        return (f"note: the Python that built this app could not import {name!r}, so the "
                f"app does not have it; install it there and build again\n")
    return (f"note: this app was built without the module {name!r}, which the script "
            f"imports at run time; build it again with --hidden-import {name}\n")


def _missing_file_hint(exc: BaseException) -> str:
    """The note for a file the script looked for in the app's own folder, or ""."""
    bundle = getattr(sys, "_MEIPASS", None)
    if not isinstance(exc, FileNotFoundError) or not bundle or not exc.filename:
        return ""
    try:
        inside = Path(os.path.abspath(os.fsdecode(exc.filename))).relative_to(
            os.path.abspath(bundle))
    except ValueError:  # not in the app's folder: the person's own file, say
        return ""
    folder = inside.parent.as_posix()
    given = inside.as_posix() + ("" if folder == "." else f":{folder}")
    return (f"note: this app was built without {inside.as_posix()!r}, which the script "
            f"reads from its own folder; build it again with --add-data {given}\n")


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
