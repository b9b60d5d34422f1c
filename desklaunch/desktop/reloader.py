"""`--reload`: rerun the script in the same window whenever it (or a local module) is saved.

`Watcher` polls modification times on a thread of its own (no extra dependency, works on
every file system) and calls back when something changed. `reloading_runner()` gives the
session a script runner that recompiles the target on every run, so each restart runs the
saved code and a syntax error becomes that run's error, shown in the window with its
traceback; the next save recovers.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desklaunch.core.target import resolve, resolve_module

log = logging.getLogger(__name__)

POLL_INTERVAL = 0.2
MTIME_SLACK_NS = 50_000_000
"""A module first imported after it was saved counts as changed; file times may lag a bit."""
_PACKAGE_DIR = Path(__file__).resolve().parent


def local_modules(folder: Path) -> dict[str, Path]:
    """The imported modules whose file lies under `folder` (not desklaunch's own)."""
    found: dict[str, Path] = {}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if not file or name == "__main__" or name.partition(".")[0] == "desklaunch":
            continue
        path = Path(file).resolve()
        if path.is_relative_to(folder) and not path.is_relative_to(_PACKAGE_DIR) \
                and "site-packages" not in path.parts:
            found[name] = path
    return found


def forget_local_modules(folder: Path) -> list[str]:
    """Drop the script folder's modules from `sys.modules` so the next run imports them anew."""
    names = sorted(local_modules(folder))
    for name in names:
        sys.modules.pop(name, None)
    if names:
        log.debug("reload: forgot modules %s", ", ".join(names))
    return names


def reloading_runner(spec: str, *, module: bool = False) -> Callable[[], Any]:
    """A runner for `spec` (`script.py` or `script.py:function`; a module's name with
    `module`) that reads it afresh each run.

    The file is compiled before it is resolved so that a syntax error is raised as Python's
    own `SyntaxError` inside the session, which shows it like any error of the script's.
    """
    if module:
        found = resolve_module(spec)
        path, folder = found.path, found.folder
    else:
        path = Path(spec.rpartition(":")[0] if ":" in Path(spec).name else spec)
        folder = path.resolve().parent
    # A .pyc is trusted when its source's size and mtime in whole seconds match, so two saves
    # within a second would rerun the old code: write none while reloading.
    sys.dont_write_bytecode = True

    def run() -> Any:
        forget_local_modules(folder)
        compile(path.read_bytes(), str(path.resolve()), "exec")
        target = resolve_module(spec) if module else resolve(spec)
        return target.runner(as_main=True)()

    return run


class Watcher:
    """Calls `on_change` (on its own thread) when the script or a local module is saved."""

    def __init__(self, script: Path, on_change: Callable[[], None],
                 interval: float = POLL_INTERVAL, *, folder: Path | None = None) -> None:
        self.script = script.resolve()
        self.folder = folder.resolve() if folder is not None else self.script.parent
        self._on_change = on_change
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="desklaunch-reloader")
        self._checked = 0
        self._seen: dict[Path, tuple[int, int] | None] = {}

    def start(self) -> None:
        """Take the first look now (a save right after this counts), then keep watching."""
        self._checked = time.time_ns()
        self._seen = self._snapshot(self._files())
        self._thread.start()

    def stop(self) -> None:
        """Stop watching and wait for the thread (idempotent)."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(2.0)

    def _files(self) -> set[Path]:
        return {self.script, *local_modules(self.folder).values()}

    def _snapshot(self, files: set[Path]) -> dict[Path, tuple[int, int] | None]:
        stamps: dict[Path, tuple[int, int] | None] = {}
        for path in files:
            try:
                info = path.stat()
                stamps[path] = (info.st_mtime_ns, info.st_size)
            except OSError:
                stamps[path] = None  # mid-save, or deleted: a later stamp counts as a change
        return stamps

    def _watch(self) -> None:
        checked, seen = self._checked, self._seen
        while not self._stop.wait(self._interval):
            started = time.time_ns()
            now = self._snapshot(self._files() | set(seen))
            changed = [p for p, stamp in now.items()
                       if (seen[p] != stamp if p in seen else _saved_since(stamp, checked))]
            checked, seen = started, now
            if changed and all(now[p] is not None for p in changed):
                log.debug("reload: %s changed", ", ".join(p.name for p in changed))
                try:
                    self._on_change()
                except Exception:  # a failed restart must not end the watching
                    log.exception("restarting the script failed")


def _saved_since(stamp: tuple[int, int] | None, checked: int) -> bool:
    """A file seen for the first time (just imported) counts as changed if it was saved
    after the previous look: it may have been imported and then saved between two looks."""
    return stamp is not None and stamp[0] > checked - MTIME_SLACK_NS
