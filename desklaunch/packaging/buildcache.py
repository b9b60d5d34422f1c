"""PyInstaller's cache, one build at a time: builds that run at once each get their own.

PyInstaller keeps the libraries it has processed in one cache per user and does not guard
it: two builds at the same moment can read each other's half-written index and fail
("SyntaxError" from its `index.dat`; pyinstaller/pyinstaller#5195). A build takes the
first cache no other build holds, by a lock on a file beside it that the system releases
when the build's process ends however it ends; builds one after another share one warm
cache, builds at the same time never do.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import platformdirs

SLOTS = 16
"""At most this many caches; a build beyond them (all held) goes without a cache of its own
and waits for none: it gets a fresh one in its work folder."""


def cache_root() -> Path:
    """Where desklaunch keeps PyInstaller's caches (the user's cache folder)."""
    return Path(platformdirs.user_cache_dir("desklaunch", appauthor=False)) / "pyinstaller"


@contextlib.contextmanager
def build_cache(fallback: Path, root: Path | None = None) -> Iterator[Path]:
    """A PyInstaller cache folder no other build uses while the block runs (give it to
    PyInstaller as PYINSTALLER_CONFIG_DIR); `fallback` when every cache is in use or the
    cache folder cannot be written."""
    root = cache_root() if root is None else root
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        yield fallback
        return
    for slot in range(SLOTS):
        lock = _try_lock(root / f"{slot}.lock")
        if lock is None:
            continue
        try:
            yield root / str(slot)
        finally:
            lock.close()  # closing the file releases its lock
        return
    yield fallback


def _try_lock(path: Path) -> IO[bytes] | None:
    """The open lock file, locked for this process; None when another process holds it."""
    try:
        handle = open(path, "a+b")  # noqa: SIM115 - kept open while the lock is held
    except OSError:
        return None
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


@contextlib.contextmanager
def pyinstaller_environment(fallback: Path) -> Iterator[dict[str, str]]:
    """The environment to run PyInstaller in: with a cache of its own (`build_cache`),
    unless the person chose one with PYINSTALLER_CONFIG_DIR."""
    if "PYINSTALLER_CONFIG_DIR" in os.environ:
        yield dict(os.environ)
        return
    with build_cache(fallback) as cache:
        yield {**os.environ, "PYINSTALLER_CONFIG_DIR": str(cache)}
