"""A script's own modules, as a new process would import them, in a test's long-lived process.

An app's `from helpers import GREETING` imports the `helpers.py` beside it. In a test run,
an earlier test may have imported another `helpers` (a test's own, another app's), and
Python would hand the script that one. So while the app runs, a module of the name a file in
the script's folder provides is set aside when it came from elsewhere, and when the app
closes the modules its folder gave it are forgotten and the set-aside ones come back.
Libraries (the standard library, installed packages, a virtual environment kept in the
project) are never touched: some cannot be imported twice.
"""

from __future__ import annotations

import os
import re
import sys
import sysconfig
from pathlib import Path
from types import ModuleType

_INSTALLED = re.compile(r"(^|[\\/])(site|dist)-packages[\\/]")
_LIBRARIES = tuple({str(Path(sysconfig.get_path(key)).resolve()) + os.sep
                    for key in ("stdlib", "platstdlib", "purelib", "platlib")})


class OwnModules:
    """The modules of one script's folder, isolated for the time the app runs."""

    def __init__(self, folder: Path) -> None:
        self.folder = str(folder.resolve()) + os.sep
        self._before: set[str] = set()
        self._aside: dict[str, ModuleType] = {}

    def enter(self) -> None:
        """Set aside the modules named like the folder's own that came from elsewhere."""
        self._before = set(sys.modules)
        names = _provided(Path(self.folder))
        for key in list(sys.modules):
            top = key.partition(".")[0]
            where = _file(sys.modules.get(key))
            if top in names and where and not self._own(where) and not _library(where):
                self._aside[key] = sys.modules.pop(key)
        self._before -= set(self._aside)

    def leave(self) -> None:
        """Forget what the folder gave the script; bring back what was set aside."""
        for key in set(sys.modules) - self._before:
            where = _file(sys.modules.get(key))
            if self._own(where) and not _INSTALLED.search(where[len(self.folder):]):
                del sys.modules[key]
        for key, module in self._aside.items():
            sys.modules.setdefault(key, module)
        self._aside = {}

    def _own(self, where: str) -> bool:
        return where.startswith(self.folder)


def _file(module: ModuleType | None) -> str:
    return getattr(module, "__file__", None) or ""


def _library(where: str) -> bool:
    return where.startswith(_LIBRARIES) or bool(_INSTALLED.search(where))


def _provided(folder: Path) -> set[str]:
    """The module names a file or package in `folder` provides to an import."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return set()
    return {entry.stem if entry.suffix == ".py" else entry.name for entry in entries
            if entry.suffix == ".py" or (entry / "__init__.py").is_file()} - {"desklaunch"}
