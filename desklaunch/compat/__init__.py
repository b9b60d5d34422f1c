"""Compatibility with other script-style UI libraries: PyWebIO scripts run unchanged.

`install_pywebio_alias()` makes `import pywebio` (and `pywebio.input`, `.output`, `.pin`,
`.session`, `.platform`, `.exceptions`) give desklaunch's stand-ins, backed by
`desklaunch.ui`. The `desklaunch` command does that by itself when PyWebIO is not
installed, and with `--pywebio` even when it is. Calls desklaunch does not offer raise
`NotImplementedError` naming the call.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

MODULES = ("", ".exceptions", ".input", ".output", ".pin", ".session", ".platform",
           ".platform.tornado", ".platform.tornado_http", ".platform.aiohttp",
           ".platform.flask", ".platform.django", ".platform.fastapi")
"""The PyWebIO modules the alias provides (suffixes of `pywebio`)."""

_OURS = "desklaunch.compat.pywebio"


def pywebio_installed() -> bool:
    """Whether the real PyWebIO can be imported (and is not our alias)."""
    module = sys.modules.get("pywebio")
    if module is not None:
        return not module.__name__.startswith(_OURS)
    try:
        return importlib.util.find_spec("pywebio") is not None
    except (ImportError, ValueError):
        return False


def install_pywebio_alias(force: bool = False) -> bool:
    """Make `import pywebio...` load desklaunch's stand-ins; True when they are in place.

    Without `force`, nothing changes when the real PyWebIO is installed.
    """
    if not force and pywebio_installed():
        return False
    for suffix in MODULES:
        sys.modules["pywebio" + suffix] = importlib.import_module(_OURS + suffix)
    return True


def remove_pywebio_alias() -> None:
    """Undo `install_pywebio_alias()` (for tests)."""
    for suffix in MODULES:
        module = sys.modules.get("pywebio" + suffix)
        if module is not None and module.__name__.startswith(_OURS):
            del sys.modules["pywebio" + suffix]
