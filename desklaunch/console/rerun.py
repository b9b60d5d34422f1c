"""What Run again starts from: the script's modules as their files are now.

Typing the command again in a terminal starts a new Python, which reads the script and the
modules beside it afresh. Run again runs in the same process, so without this it ran the
code compiled at launch and the helper modules imported by the first run, whatever the
person had edited since. The script itself is compiled again (`Target.reread`); the
modules a run imported from the script's folder are forgotten, so the next run imports
them from their files. Everything else (the standard library, installed packages, modules
imported before the first run) stays: those cannot change between runs, and some (C
extensions) cannot be imported twice. So does an installed program's own package (`-m
IPython`): forgetting it alone would pair its new classes with the state the packages it
uses kept of the old ones (IPython's app, a singleton held by traitlets).
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

INSTALLED = frozenset({"site-packages", "dist-packages"})
"""Folders whose modules are installed packages, even inside the script's folder (a venv)."""
SOURCES = (".py", ".pyc")


class FolderModules:
    """The modules runs of a program import from its folders; `forget()` before each rerun.

    The folders are the script's, and for `-m` also the working folder, which `python -m`
    puts first on `sys.path` (`-m unittest test_shop` imports the person's tests from it).
    A folder of installed packages or the standard library is left alone.
    """

    def __init__(self, *folders: Path) -> None:
        self.folders = [folder.resolve() for folder in folders]
        self.folders = [folder for folder in self.folders if not _installed(folder)]
        self.before = frozenset(sys.modules)
        """What was imported before the first run: never forgotten."""

    def forget(self) -> list[str]:
        """Drop the folders' modules that runs imported from `sys.modules`; their names."""
        gone: list[str] = []
        if not self.folders:
            return gone
        for name, module in list(sys.modules.items()):
            if name in self.before or name == "__main__" or name.split(".")[0] == "desklaunch":
                continue
            if self._from_folders(getattr(module, "__file__", None)):
                del sys.modules[name]
                gone.append(name)
        return gone

    def _from_folders(self, file: object) -> bool:
        if not isinstance(file, str) or not file.endswith(SOURCES):
            return False
        path = Path(file).resolve()
        return any(path.is_relative_to(folder)
                   and not INSTALLED.intersection(path.relative_to(folder).parts)
                   for folder in self.folders)


def _installed(folder: Path) -> bool:
    """Whether `folder` is inside installed packages or the standard library."""
    if INSTALLED.intersection(folder.parts):
        return True
    paths = sysconfig.get_paths()
    return any(folder.is_relative_to(Path(paths[key]).resolve())
               for key in ("stdlib", "platstdlib") if key in paths)
