"""Deciding whether a script runs in console mode, from its source alone.

A script that imports `desklaunch` (or `pywebio`, the API desklaunch mirrors) was written for
a window; any other script was written for a terminal and gets the console. Only `import`
statements are looked at, wherever they are (inside functions and `if` blocks too), so
nothing of the script runs to decide.
"""

from __future__ import annotations

import ast

WINDOW_PACKAGES = frozenset({"desklaunch", "pywebio"})
"""Top-level packages whose import means "this script talks to the window itself"."""
TERMINAL_PACKAGES = frozenset({
    "curses", "termios", "tty", "msvcrt", "readchar", "getkey", "blessed", "urwid", "npyscreen",
    "asciimatics", "textual", "pick", "simple_term_menu",
    # prompt_toolkit reads keys from the terminal's descriptor; the menus built on it too
    "prompt_toolkit", "questionary", "InquirerPy", "inquirer",
})
"""Packages that drive a real terminal (a full screen, raw keys), which the console is not."""

TERMINAL_NOTICE = (
    "desklaunch: this script uses {names}, which needs a real terminal (a full screen or raw "
    "key presses). The console shows lines of text only, so that part may stop with an "
    "error; run it in a terminal instead.\n")


def imported_packages(tree: ast.AST) -> set[str]:
    """The top-level package names a module imports (absolute imports only)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def wants_console(source: str | bytes, *, forced: bool = False) -> bool:
    """True when the script should run in console mode (`forced` is `--console`)."""
    if forced:
        return True
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False  # the normal path reports the error as it always does
    return not (imported_packages(tree) & WINDOW_PACKAGES)


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
