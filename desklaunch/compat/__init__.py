"""What scripts already use, working unchanged: PyWebIO's API, matplotlib's `plt.show()`
and plotly's `fig.show()`.

`install_pywebio_alias()` makes `import pywebio` (and `pywebio.input`, `.output`, `.pin`,
`.session`, `.platform`, `.exceptions`) give desklaunch's stand-ins, backed by
`desklaunch.ui`. The `desklaunch` command (and an app it built) always does, even where
PyWebIO is installed: PyWebIO's own server would listen on every address and show nothing
in the app's window. Calls desklaunch does not offer raise
`NotImplementedError` naming the call. The stand-ins are imported when a script imports
`pywebio`, not before: a script that never does pays nothing for the alias.

`use_figures_backend()` makes matplotlib draw `plt.show()`'s figures into the page
(figures.py) instead of opening windows of its own; `show_charts_in_page()` does that and
makes plotly's `fig.show()` draw there too (plotlyshow.py), not in the system's browser.
With the alias in place, bokeh's `output_notebook(notebook_type="pywebio")` and
`show(figure)` draw bokeh's charts in the page, as PyWebIO's hook does (bokehcharts.py).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.abc import Loader
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import cast

MODULES = ("", ".exceptions", ".input", ".output", ".pin", ".session", ".platform",
           ".platform.tornado", ".platform.tornado_http", ".platform.aiohttp",
           ".platform.flask", ".platform.django", ".platform.fastapi", ".platform.page",
           ".utils", ".io_ctrl")
"""The PyWebIO modules the alias provides (suffixes of `pywebio`)."""

PACKAGES = ("", ".platform")
"""The modules of `MODULES` that are packages."""

_OURS = "desklaunch.compat.pywebio"


class _StandIn:
    """Hands the import system desklaunch's stand-in module, imported when the alias's
    module is created: a finder runs under Python's global import lock (3.11), and an
    import there would wait for a module lock another thread holds while that thread waits
    for the global one (seen as a hang of two threads importing `mimetypes`)."""

    def __init__(self, ours: str) -> None:
        self.ours = ours
        self.spec: ModuleSpec | None = None

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.ours)
        self.spec = module.__spec__
        if self.ours == _OURS:  # `import pywebio`: PyWebIO's bokeh hook, as its import does
            importlib.import_module("desklaunch.compat.bokehcharts").watch()
        return module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self.spec  # the import system set the alias's; keep the module's own


class _PywebioAlias:
    """Finds `pywebio` and its listed submodules as desklaunch's stand-ins."""

    def find_spec(self, name: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        suffix = name[len("pywebio"):]
        if not name.startswith("pywebio") or suffix not in MODULES:
            return None
        loader = cast("Loader", _StandIn(_OURS + suffix))  # a loader by duck typing
        return ModuleSpec(name, loader, is_package=suffix in PACKAGES)


_ALIAS = _PywebioAlias()


def pywebio_installed() -> bool:
    """Whether the real PyWebIO can be imported (and is not our alias)."""
    module = sys.modules.get("pywebio")
    if module is not None:
        return not module.__name__.startswith(_OURS)
    if _ALIAS in sys.meta_path:
        return False
    try:
        return importlib.util.find_spec("pywebio") is not None
    except (ImportError, ValueError):
        return False


def install_pywebio_alias(force: bool = False) -> bool:
    """Make `import pywebio...` load desklaunch's stand-ins; True when they are in place.

    Without `force`, nothing changes when the real PyWebIO is installed; with it, a real
    PyWebIO already imported is forgotten so the next import finds the stand-ins.
    """
    if not force and pywebio_installed():
        return False
    for suffix in MODULES:
        module = sys.modules.get("pywebio" + suffix)
        if module is not None and not module.__name__.startswith(_OURS):
            del sys.modules["pywebio" + suffix]
    if _ALIAS not in sys.meta_path:
        sys.meta_path.insert(0, _ALIAS)
    return True


def remove_pywebio_alias() -> None:
    """Undo `install_pywebio_alias()` (for tests)."""
    if _ALIAS in sys.meta_path:
        sys.meta_path.remove(_ALIAS)
    charts = sys.modules.get("desklaunch.compat.bokehcharts")
    if charts is not None:
        charts.unwatch()
    for suffix in MODULES:
        module = sys.modules.get("pywebio" + suffix)
        if module is not None and module.__name__.startswith(_OURS):
            del sys.modules["pywebio" + suffix]


FIGURES_BACKEND = "module://desklaunch.compat.figures"
"""The `MPLBACKEND` that draws `plt.show()`'s figures into the page."""


def use_figures_backend() -> None:
    """`plt.show()` into the page, unless `MPLBACKEND` names a backend already. matplotlib
    reads that variable when it is imported; one imported before is switched over."""
    if os.environ.get("MPLBACKEND"):
        return
    os.environ["MPLBACKEND"] = FIGURES_BACKEND
    matplotlib = sys.modules.get("matplotlib")
    if matplotlib is not None:
        matplotlib.use(FIGURES_BACKEND)


def show_charts_in_page() -> None:
    """matplotlib's `plt.show()` and plotly's `fig.show()` draw into the page."""
    use_figures_backend()
    importlib.import_module("desklaunch.compat.plotlyshow").watch()
