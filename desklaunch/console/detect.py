"""Deciding whether a script runs in console mode, from its source alone.

A script that imports `desklaunch` (or `pywebio`, the API desklaunch mirrors) was written for
a window, itself or through its own modules beside it (`main.py` importing `gui.py`); any
other script was written for a terminal and gets the console. Only `import` statements are
looked at, wherever they are (inside functions and `if` blocks too), so nothing of the
script runs to decide.
"""

from __future__ import annotations

import ast
import sys
import sysconfig
import zipfile
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from desklaunch.core.target import syntax_tree
from desklaunch.modulefind import imported_names

if TYPE_CHECKING:
    from desklaunch.core.target import Target

WINDOW_PACKAGES = frozenset({"desklaunch", "pywebio"})
"""Top-level packages whose import means "this script talks to the window itself"."""
TERMINAL_PACKAGES = frozenset({
    "curses", "termios", "tty", "msvcrt", "getkey", "beaupy", "yakh", "blessed", "urwid",
    "npyscreen", "asciimatics", "textual", "simple_term_menu",
})
"""Packages that drive a real terminal (a full screen, raw keys), which the console is not."""

RAW_KEY_PACKAGES = frozenset({"termios", "tty", "msvcrt"})
"""Modules a script imports to read single keys itself when stdin is a terminal."""

TERMINAL_NOTICE = (
    "desklaunch: this script uses {names}, which needs a real terminal (a full screen or raw "
    "key presses). The console shows lines of text only, so that part may stop with an "
    "error; run it in a terminal instead.\n")


def statements(tree: ast.AST) -> Iterator[ast.AST]:
    """Every statement in `tree`, at any depth (in functions, classes, `if`, `try`, `with`,
    loops, `match` cases), skipping expressions: an import is a statement, and a big script
    is mostly expressions (a 200,000-line one took seconds to walk node by node)."""
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        inside: list[ast.AST] = []
        for name in ("body", "handlers", "orelse", "finalbody", "cases"):  # source order
            children = getattr(node, name, None)
            if isinstance(children, list):
                inside += children
        pending.extend(reversed(inside))


def imported_packages(tree: ast.AST) -> set[str]:
    """The top-level package names a module imports (absolute imports only)."""
    names: set[str] = set()
    for node in statements(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


MAX_LOCAL_MODULES = 60
"""How many of the script's own modules are read, at most, looking for a window import
(nearest first): a large tool's own package (pip's is 200 files) would cost a second."""


def wants_console(source: str | bytes, *, forced: bool = False, path: Path | None = None,
                  package: str | None = None) -> bool:
    """True when the script should run in console mode (`forced` is `--console`).

    With the script's `path` (and its `package`, when it runs as a module of one), the
    modules of its own that it imports are read too."""
    if forced:
        return True
    try:
        tree = syntax_tree(source if isinstance(source, bytes) else source.encode())
    except (SyntaxError, ValueError):
        return False  # the normal path reports the error as it always does
    if imported_packages(tree) & WINDOW_PACKAGES:
        return False
    return path is None or not _own_modules_import_window(tree, path, package)


def target_wants_console(target: Target, *, forced: bool = False) -> bool:
    """`wants_console` for a resolved script: its own modules read where they are (beside
    it, in its package, or in its zipapp's archive)."""
    try:
        source = target.source()
    except OSError:
        return False
    package = target.spec.parent if target.spec is not None else None
    if target.archive:
        return wants_console(source, forced=forced) and (
            forced or not archive_imports_window(target.path))
    return wants_console(source, forced=forced, path=target.path, package=package)


def _own_modules_import_window(tree: ast.AST, path: Path, package: str | None) -> bool:
    """Whether a module of the program's own, imported from the script (at any depth),
    imports desklaunch or pywebio when it is imported (at its top level, `if` and `try`
    blocks included, not in its functions, which may never run).

    Its own: a file under the folder its imports start from; for a module found among the
    installed ones (site-packages, the standard library), only its own top package's."""
    root = path.parents[package.count(".") + 1] if package else path.parent
    own = root
    if package and _is_installed_location(root):
        own = root / package.split(".")[0]
    pending: deque[tuple[ast.AST, str | None]] = deque([(tree, package)])
    seen: set[Path] = {path}
    while pending and len(seen) <= MAX_LOCAL_MODULES:
        node, where = pending.popleft()
        for name in _imported_names(node, where):
            file, is_package = _own_file(root, name)
            if file is None or file in seen or not file.is_relative_to(own):
                continue
            seen.add(file)
            try:
                module = _module_level(ast.parse(file.read_bytes()))
            except (OSError, SyntaxError, ValueError):
                continue
            if imported_packages(module) & WINDOW_PACKAGES:
                return True
            pending.append((module, name if is_package else name.rpartition(".")[0] or None))
    return False


def archive_imports_window(archive: Path) -> bool:
    """Whether a module of a zipapp imports desklaunch or pywebio at its top level: the
    archive is the program's own code, all of it."""
    try:
        with zipfile.ZipFile(archive) as members:
            sources = [members.read(name) for name in members.namelist()
                       if name.endswith(".py")]
    except (zipfile.BadZipFile, OSError):
        return False
    for source in sources:
        try:
            if imported_packages(_module_level(ast.parse(source))) & WINDOW_PACKAGES:
                return True
        except (SyntaxError, ValueError):
            continue
    return False


def _is_installed_location(folder: Path) -> bool:
    """Whether `folder` is where installed packages or the standard library live."""
    if folder.name in ("site-packages", "dist-packages"):
        return True
    paths = sysconfig.get_paths()
    return any(Path(paths[key]) == folder for key in ("stdlib", "platstdlib", "purelib",
                                                      "platlib") if key in paths)


def _imported_names(tree: ast.AST, package: str | None) -> Iterator[str]:
    """Every module name an import in `tree` may load (`modulefind.imported_names`)."""
    for node in statements(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield from imported_names(node, package)


def _own_file(root: Path, name: str) -> tuple[Path | None, bool]:
    """The file under `root` that module `name` comes from, and whether it is a package;
    (None, False) for a module found elsewhere (the standard library, an installed one)."""
    parts = name.split(".")
    if parts[0] in sys.stdlib_module_names or parts[0] in WINDOW_PACKAGES:
        return None, False
    folder = root.joinpath(*parts)
    if (folder / "__init__.py").is_file():
        return folder / "__init__.py", True
    file = folder.with_suffix(".py")
    return (file, False) if file.is_file() else (None, False)


def _module_level(tree: ast.AST) -> ast.Module:
    """The imports that run when the module runs: inside `if`/`try`/`with` blocks, not
    inside functions and classes, which may never be called (pydoc imports `tty` only for
    a pager it uses on a terminal)."""
    kept: list[ast.stmt] = []
    todo = list(getattr(tree, "body", []))
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            kept.append(node)
        elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                todo.extend(getattr(node, field, []))
    return ast.Module(body=kept, type_ignores=[])


def terminal_notice(tree: ast.AST) -> str:
    """The line to show before running a script that needs a real terminal, or ""."""
    used = sorted(imported_packages(_module_level(tree)) & TERMINAL_PACKAGES)
    return TERMINAL_NOTICE.format(names=", ".join(used)) if used else ""


def reads_raw_keys(tree: ast.AST) -> bool:
    """Whether the script imports termios, tty or msvcrt anywhere (a function's `getch` too):
    such a script is told stdin is no terminal, so it takes its path that reads lines."""
    return bool(imported_packages(tree) & RAW_KEY_PACKAGES)
