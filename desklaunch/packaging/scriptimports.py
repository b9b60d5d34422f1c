"""What a script imports, read from its source without running it.

`desklaunch build` bundles the script as data, so PyInstaller never reads it: the build
hands PyInstaller what the script imports (`script_imports`, any depth, any branch) as
hidden imports, and the distributions it reads records of (`script_metadata`). It warns of
the imports this Python lacks (`missing_imports`), by name for those the program needs as
it starts (`start_up_imports`, and for a package `package_start_up_imports`).
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from desklaunch.modulefind import find_spec, imported_names


def python_files(source: Path) -> Iterable[Path]:
    """The Python files of a bundled package (or the one module)."""
    if source.is_file():
        return [source]
    return (path for path in source.rglob("*.py") if "__pycache__" not in path.parts)


def script_imports(script: Path) -> list[str]:
    """The modules `script` imports (any depth, any branch), as hidden imports for PyInstaller.

    `from pkg import name` also yields `pkg.name` when that is a submodule on disk; nothing
    is imported to find out, so reading a script never runs its packages.
    """
    tree = ast.parse(script.read_bytes(), filename=str(script))
    stated: set[str] = set()
    candidates: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            stated.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            stated.add(node.module)
            candidates.update(f"{node.module}.{alias.name}" for alias in node.names
                              if alias.name != "*")
    stated.discard("__future__")
    here = [str(script.parent)]
    found = {name for name in candidates - stated if find_spec(name, here) is not None}
    return sorted(stated | found)


_ABSENCE_CAUGHT = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})
_CONDITIONS = frozenset({"platform", "name", "version_info", "TYPE_CHECKING", "PY2", "PY3",
                         "PY37", "PYPY", "WINDOWS", "IS_WINDOWS", "MACOS"})
"""Names in an `if` test that make its imports a platform's or a version's (`sys.platform`,
`os.name`, `sys.version_info`, six's `PY2`), or never run (`TYPE_CHECKING`)."""


def start_up_imports(script: Path, package: str | None = None) -> set[str]:
    """The modules `script` imports as it starts, where it cannot do without them: not in a
    function, not in a `try` whose `except` catches ImportError, not under an `if` on the
    platform or Python's version. Given the `package` it is in, relative imports count
    too, made absolute, and `from x import name` gives `x.name` as well (a submodule?)."""
    tree = ast.parse(script.read_bytes(), filename=str(script))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return
        if isinstance(node, ast.Try) and any(_catches_absence(h) for h in node.handlers):
            for child in [*node.handlers, *node.orelse, *node.finalbody]:
                visit(child)
            return
        if isinstance(node, ast.If) and any(
                getattr(n, "attr", getattr(n, "id", None)) in _CONDITIONS
                for n in ast.walk(node.test)):
            return
        if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom) and package):
            found.update(imported_names(node, package))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def package_start_up_imports(source: Path, run: Path) -> set[str]:
    """`build -m`: the top-level packages outside its own that the program imports as it
    starts: the start-up imports of the module run (`run`), followed through the package's
    modules it imports so, their packages' `__init__.py` first. A module of the package
    nobody imports at start (an optional integration) adds nothing."""
    if source.is_file():
        return start_up_imports(source)
    top = source.name

    def dotted(path: Path) -> str:
        parts = [top, *path.relative_to(source).with_suffix("").parts]
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    files = {dotted(path): path for path in python_files(source)}
    wanted, seen, outside = [dotted(run)], set(), set[str]()
    while wanted:
        name = wanted.pop()
        if name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        wanted += [".".join(parts[:end]) for end in range(1, len(parts))]
        path = files.get(name)
        if path is None:
            continue
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for imported in start_up_imports(path, package):
            if imported.split(".")[0] == top:
                wanted.append(imported)
            else:
                outside.add(imported.split(".")[0])
    return outside


def _catches_absence(handler: ast.ExceptHandler) -> bool:
    caught = handler.type
    if caught is None:
        return True
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return any(getattr(n, "attr", getattr(n, "id", None)) in _ABSENCE_CAUGHT for n in names)


METADATA_CALLS = frozenset({"version", "metadata", "distribution", "requires", "files",
                            "get_distribution", "require"})
"""`importlib.metadata`'s and `pkg_resources`' calls that read a distribution's records."""
_DISTRIBUTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def script_metadata(script: Path) -> list[str]:
    """The distributions `script` reads the records of by name (`version("rich")`), which
    the app must carry: PyInstaller finds such calls only in the code it analyses, and the
    script travels as data."""
    names = {"desklaunch"}
    for node in ast.walk(ast.parse(script.read_bytes(), filename=str(script))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        first = node.args[0]
        if called in METADATA_CALLS and isinstance(first, ast.Constant) \
                and isinstance(first.value, str) and _DISTRIBUTION.match(first.value):
            names.add(first.value)
    return sorted(names)


def missing_imports(modules: Iterable[str], folder: Path) -> list[str]:
    """The packages of `modules` (a plan's imports) that neither this Python nor the
    script's `folder` has (the standard library's, present or not on this platform, are
    never counted)."""
    tops = sorted({name.split(".")[0] for name in modules})
    return [top for top in tops
            if top not in sys.stdlib_module_names and find_spec(top, [str(folder)]) is None]
