"""Adjusting a library the script brings, the moment it loads, without importing it.

click, typer and questionary are not dependencies of desklaunch: a script brings them. A
module that adapts one to the console (clickhook.py, questionhook.py) names the modules it
watches and a function that adjusts each once it has run; while a console run is on
(`install()`), an import finder hands those modules' own loaders a step after `exec_module`,
and modules loaded before are adjusted at once. Every change goes through `replace`, so
`uninstall()` puts back exactly what was there.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

from desklaunch.console.sharedpatch import SharedPatch

Adjust = Callable[[ModuleType], None]

_watched: dict[str, Adjust] = {}
"""Module name → what adjusts it once loaded (filled when the adapters are imported)."""
_patched: list[tuple[Any, str, Any, Any]] = []
"""(owner, attribute, original, replacement) for every change made, newest last."""
_MISSING = object()
"""The original of a name `provide` added."""


def watch(names: Sequence[str], adjust: Adjust) -> None:
    """Call `adjust(module)` for each of `names` when it loads while installed."""
    for name in names:
        _watched[name] = adjust


def replace(owner: Any, name: str, wrap: Callable[[Any], Any]) -> None:
    """Set `owner.name` (or `owner[name]`, for a dict) to `wrap(original)`, once: missing
    or already replaced is left as it is."""
    original = owner.get(name) if isinstance(owner, dict) else getattr(owner, name, None)
    if original is None or any(original is new for *_, new in _patched):
        return
    new = wrap(original)
    _set(owner, name, new)
    _patched.append((owner, name, original, new))


def provide(namespace: dict[str, Any], name: str, value: Any) -> None:
    """Set `namespace[name]` to `value` where the name is missing (a module's own `open`,
    found before the builtin one); `uninstall()` takes it away again."""
    if name in namespace:
        return
    namespace[name] = value
    _patched.append((namespace, name, _MISSING, value))


def _set(owner: Any, name: str, value: Any) -> None:
    if value is _MISSING:
        owner.pop(name, None)
    elif isinstance(owner, dict):
        owner[name] = value
    else:
        setattr(owner, name, value)


class _AdjustingLoader(importlib.abc.Loader):
    """A module's own loader, followed by its adjustment once the module has run."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        adjust = _watched.get(module.__name__)
        if adjust is not None:
            adjust(module)

    def __getattr__(self, name: str) -> Any:  # get_source, get_data, ... for tracebacks
        return getattr(self._loader, name)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds nothing itself: wraps the loader other finders give for watched modules."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in _watched:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _AdjustingLoader(spec.loader)
                return spec
        return None


_FINDER = _Finder()


def _put() -> None:
    sys.meta_path.insert(0, _FINDER)
    for name, adjust in list(_watched.items()):
        if name in sys.modules:
            adjust(sys.modules[name])


def _take() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    while _patched:
        owner, name, original, _new = _patched.pop()
        _set(owner, name, original)


_PATCH = SharedPatch(_put, _take)
install, uninstall = _PATCH.install, _PATCH.uninstall
"""Adjust the watched modules wherever they are or will be loaded, and undo it all when
the last caller is done (two apps' consoles in one test process)."""
