"""A hook run as a library's module is imported, by that library's own loader: how
desklaunch gives bokeh and plotly a way to draw into the page without importing either
before the script does (a script that never uses them never pays for them, and a build's
analysis does not bundle them into every app)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib.abc import Loader
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import cast

Hook = Callable[[ModuleType], None]


class _AfterLoad:
    """The module's own loader, then the hook called with the loaded module (a loader by
    duck typing, as the import system takes it: no ABC to build as desklaunch starts)."""

    def __init__(self, loader: Loader, hook: Hook) -> None:
        self.loader = loader
        self.hook = hook

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        self.hook(module)


class AfterImport:
    """Finds module `name` as the finders after it do, with its loader wrapped in
    `_AfterLoad`; `watch()` calls the hook at once for a module already imported."""

    def __init__(self, name: str, hook: Hook) -> None:
        self.name = name
        self.hook = hook
        self._asking = False  # another finder that asks every finder, as this one does

    def find_spec(self, name: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name != self.name or self._asking:
            return None
        self._asking = True
        try:
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    if spec.loader is not None:
                        spec.loader = cast("Loader", _AfterLoad(spec.loader, self.hook))
                    return spec
            return None
        finally:
            self._asking = False

    def watch(self) -> None:
        """Call the hook as the module loads (at once, if it has)."""
        loaded = sys.modules.get(self.name)
        if loaded is not None:
            self.hook(loaded)
        elif self not in sys.meta_path:
            sys.meta_path.insert(0, self)

    def unwatch(self) -> None:
        """Stop watching (for tests, and the PyWebIO alias removed)."""
        if self in sys.meta_path:
            sys.meta_path.remove(self)
