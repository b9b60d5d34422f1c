"""PyWebIO's ways of serving several apps, shown in one desklaunch window.

`start_server({"a": f, "b": g})` (or a list of functions) and `path_deploy(folder)` run
`desklaunch.ui.apps.run_apps`: the index first (the app named "index", else a list of the
apps), then the app the person picks; `go_app(name)` and links to `?app=name` switch.
"""

from __future__ import annotations

import functools
import inspect
import os
import types
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from desklaunch.compat.pywebio.appconfig import app_settings, apply_app_config, global_settings
from desklaunch.core.script_folder import put_script_folder_first
from desklaunch.ui.apps import INDEX, AppEntry, describe, run_apps


def _unwrap(func: Any) -> Any:
    while isinstance(func, functools.partial):
        func = func.func
    return func


def app_entry(name: str, func: Callable[[], Any]) -> AppEntry:
    """An app as PyWebIO describes it: `@config(title=, description=)`, else its docstring."""
    settings = app_settings(func) or app_settings(_unwrap(func))
    title, description = settings.get("title"), settings.get("description")
    if isinstance(func, functools.partial) and func.__doc__ == functools.partial.__doc__:
        func_for_doc = _unwrap(func)
    else:
        func_for_doc = func
    entry = describe(name, func_for_doc, title, description)
    return AppEntry(name, _configured(func), entry.title, entry.description)


def _configured(func: Callable[[], Any]) -> Callable[[], Any]:
    """`func`, applying its `@config` (title, theme, code, styles) to the page first."""
    if inspect.iscoroutinefunction(_unwrap(func)):
        @functools.wraps(func)
        async def run_async_app() -> Any:
            apply_app_config(func)
            return await func()

        return run_async_app

    @functools.wraps(func)
    def run_app() -> Any:
        apply_app_config(func)
        return func()

    return run_app


def applications(apps: Any) -> dict[str, AppEntry]:
    """PyWebIO's `applications` argument (a dict, or a list named by function names) as
    entries; raises ValueError for two apps of one name, TypeError for a non-function."""
    if isinstance(apps, Mapping):
        named = {str(name): func for name, func in apps.items()}
    else:
        named = {}
        for func in apps:
            name = getattr(_unwrap(func), "__name__", None)
            if not isinstance(name, str):
                raise TypeError(f"start_server(): {func!r} is not an app function")
            if name in named:
                raise ValueError(f"start_server(): two apps are named {name!r}")
            named[name] = func
    for name, func in named.items():
        if not callable(func):
            raise TypeError(f"start_server(): the app {name!r} is not a function")
    return {name: app_entry(name, func) for name, func in named.items()}


def serve_several(apps: Any) -> None:
    """Run several PyWebIO apps in this window (returns when the window closes); the index
    is titled by a global `config(title=)`."""
    run_apps(applications(apps), title=global_settings().get("title"))


# -- path_deploy: a folder of apps ------------------------------------------------------------


def folder_apps(base: str | os.PathLike[str]) -> dict[str, AppEntry]:
    """The apps of a folder as PyWebIO's `path_deploy` finds them: every `.py` file (in
    subfolders too, names and folders starting with "_" or "." left out) that defines a
    `main` function, named by its path without `.py` ("A/b"). A file is loaded when its
    app runs, not before; one that fails to load shows its error when picked."""
    root = Path(base).expanduser().resolve()
    if not root.is_dir():
        raise ValueError(f"path_deploy(): {base} is not a folder")
    found: dict[str, AppEntry] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if any(part.startswith(("_", ".")) for part in parts):
            continue
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if "def main" not in source:
            continue
        name = path.relative_to(root).with_suffix("").as_posix()
        found[name] = AppEntry(name, functools.partial(_run_main, path), name,
                               _first_line(source))
    if INDEX in found:  # index.py is the folder's own index page
        found = {INDEX: found.pop(INDEX), **found}
    return found


def _first_line(source: str) -> str:
    """A module docstring's first line, as the app's description in the index."""
    try:
        import ast

        doc = ast.get_docstring(ast.parse(source)) or ""
    except (SyntaxError, ValueError):
        return ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def _run_main(path: Path) -> Any:
    """Load the file as a module (not as `__main__`, so its own start_server stays put)
    and call its `main()`."""
    module = types.ModuleType(path.stem)
    module.__file__ = str(path)
    code = compile(path.read_bytes(), str(path), "exec")
    exec(code, module.__dict__)
    main = module.__dict__.get("main")
    if isinstance(main, Mapping):  # a file of several apps: its index stands for it
        main = main.get(INDEX) or next(iter(main.values()), None)
    if not callable(main):
        raise RuntimeError(f"{path.name} has no main() function")
    result = main()
    if inspect.iscoroutine(result):
        import asyncio

        return asyncio.run(result)
    return result


def path_deploy(base: str, port: int = 0, host: str = "", index: Any = True,
                static_dir: Any = None, reconnect_timeout: int = 0, cdn: Any = True,
                debug: bool = False, allowed_origins: Any = None, check_origin: Any = None,
                max_payload_size: Any = "200M", **tornado_app_settings: Any) -> None:
    """Run the apps of folder `base` in this window: the index lists them (a file named
    `index.py` is the index instead); each `.py` file with a `main()` is an app. The server
    options are accepted and change nothing. Returns when the window closes."""
    _importable(base)
    run_apps(folder_apps(base))


def _importable(base: str | os.PathLike[str]) -> None:
    """The folder's files import each other (`from config import ...`), as under PyWebIO."""
    put_script_folder_first(Path(base).expanduser().resolve())


def path_deploy_http(base: str, port: int = 0, host: str = "", index: Any = True,
                     static_dir: Any = None, cdn: Any = True, debug: bool = False,
                     allowed_origins: Any = None, check_origin: Any = None,
                     session_expire_seconds: Any = None,
                     session_cleanup_interval: Any = None,
                     max_payload_size: Any = "200M") -> None:
    """`path_deploy` over HTTP: the same here (desklaunch always talks HTTP to its page)."""
    _importable(base)
    run_apps(folder_apps(base))
