"""Finding a module as the import system would, without running any of it.

`python -m tool` imports `tool`'s packages to find it. desklaunch must not run a program
before its window is up, nor while building it, so this asks the finders of
`sys.meta_path` package by package instead: editable installs (whose finder is there) and
the standard modules frozen into Python's binary are found as `import` finds them.
"""

from __future__ import annotations

import ast
import importlib.machinery
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

ModuleSpec = importlib.machinery.ModuleSpec


def find_spec(name: str, first: Sequence[str] = ()) -> ModuleSpec | None:
    """Where module `name` is, looked in `first` (folders) and then where `import` looks;
    afresh, not from `sys.modules`, so a file in a folder first wins over a module already
    imported from elsewhere. None when it is nowhere."""
    parent = name.rpartition(".")[0]
    outer = find_spec(parent, first) if parent else None
    if parent and (outer is None or outer.submodule_search_locations is None):
        known = sys.modules.get(name)  # `os.path`: a module that is no package's file
        return cast("ModuleSpec | None", getattr(known, "__spec__", None))
    if outer is None and first:
        spec = importlib.machinery.PathFinder.find_spec(name, list(first))
        if spec is not None:
            return spec
    path = list(outer.submodule_search_locations or []) if outer is not None else None
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        try:
            spec = find(name, path) if find is not None else None
        except (ImportError, ValueError):
            continue
        if spec is not None:
            return cast("ModuleSpec", spec)
    return None


def name_hint(name: str) -> str:
    """What to say after "no module named ..." when `name` was given as a file or folder
    (`tool.py`, `tool/`), as Python suggests the module's name."""
    bare = name.rstrip("/\\").removesuffix(".py").replace("/", ".").replace("\\", ".")
    if bare != name and bare and all(part.isidentifier() for part in bare.split(".")):
        return f"; try -m {bare}"
    return ""


def source_file(spec: ModuleSpec) -> Path | None:
    """The Python file a module's code comes from (a standard module frozen into the
    interpreter names its source too); None for compiled code and archives."""
    origin = getattr(spec.loader_state, "filename", None) if spec.origin == "frozen" \
        else spec.origin
    if origin and origin.endswith(".py") and Path(origin).is_file():
        return Path(origin)
    return None


def imported_names(node: ast.Import | ast.ImportFrom, package: str | None) -> list[str]:
    """Every module an import statement may load: `a.b` for `import a.b`, and both `a.b`
    and `a.b.c` for `from a.b import c` (`c` may be a module). A relative import is made
    absolute within `package`, the importing module's package; none when there is no
    package or it reaches above the top one (an error in Python too)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        module = node.module
    else:
        parts = package.split(".") if package else []
        if node.level > len(parts):
            return []
        base = ".".join(parts[:len(parts) - (node.level - 1)])
        module = f"{base}.{node.module}" if node.module else base
    if not module:
        return []
    return [module, *(f"{module}.{alias.name}" for alias in node.names if alias.name != "*")]
