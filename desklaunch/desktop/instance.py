"""Single instance: a second launch of an app asks the running one to come to the front.

The first launch holds an exclusive lock on `<app>.lock` and listens on `<app>.sock`, both
in a folder of the user's runtime directory that only the user may enter (0700, owned by
them, checked), so no other user can take the name or hear the request. The kernel drops
the lock when a process dies, even by SIGKILL, so a stale socket left behind never blocks
a new start: whoever holds the lock replaces it. A second launch fails to get the lock,
connects, sends `focus`, and exits.

Platforms without AF_UNIX sockets and `fcntl` locks (Windows) do not enforce a single
instance: `claim()` logs why and lets every launch run.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import socket
import stat
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

SUPPORTED = hasattr(socket, "AF_UNIX") and os.name == "posix"
CONNECT_TIMEOUT = 5.0
"""How long a second launch waits for the first to listen (it may be starting right now)."""
MAX_SOCKET_PATH = 100


class InstanceError(Exception):
    """The runtime folder cannot be used safely; the message says why, in one line."""


def runtime_folder() -> Path:
    """The per-user folder for the lock and socket (platformdirs' runtime path, 0700)."""
    import platformdirs

    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        return platformdirs.user_runtime_path("desklaunch", appauthor=False)


def private_folder(folder: Path) -> Path:
    """Create `folder` (0700) if needed and check that only this user can reach it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError as exc:
        raise InstanceError(f"cannot create {folder}: {exc.strerror}") from None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise InstanceError(f"{folder} is not a folder of this user's; refusing to use it")
    if stat.S_IMODE(info.st_mode) != 0o700:
        os.chmod(folder, 0o700)
    return folder


class SingleInstance:
    """The running copy of app `name`, or the news that another copy already runs."""

    def __init__(self, name: str, folder: Path | None = None) -> None:
        self.name = name
        self._folder = folder
        self._lock_fd: int | None = None
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.on_focus: Callable[[], bool | None] | None = None
        """Told when a second launch asks for the front; False when there is no window."""
        self.running_in_window = True
        """After `claim()` returned False: whether the running copy shows a window (one
        that shows its app in a browser page says so)."""
        """Called (on the listener thread) when a later launch asks for the front."""

    def _paths(self) -> tuple[Path, Path]:
        folder = private_folder(self._folder or runtime_folder())
        stem = self.name
        if len(str(folder / f"{stem}.sock")) > MAX_SOCKET_PATH:  # AF_UNIX paths are short
            stem = hashlib.sha256(stem.encode()).hexdigest()[:16]
        return folder / f"{stem}.lock", folder / f"{stem}.sock"

    def claim(self) -> bool:
        """True when this is the only running copy (now listening); False after asking the
        running copy to come to the front."""
        if not SUPPORTED:
            log.info("single instance is not available on this platform; starting anyway")
            return True
        import fcntl

        lock_path, socket_path = self._paths()
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            self._ask_focus(socket_path)
            return False
        self._lock_fd = fd
        with contextlib.suppress(FileNotFoundError):
            socket_path.unlink()  # left by a copy that was killed: we hold the lock now
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(socket_path))
        server.listen(4)
        server.settimeout(0.25)
        self._server = server
        self._thread = threading.Thread(target=self._listen, name="desklaunch-instance")
        self._thread.start()
        log.debug("single instance: listening on %s", socket_path)
        return True

    def _ask_focus(self, socket_path: Path) -> None:
        deadline = time.monotonic() + CONNECT_TIMEOUT
        while True:
            try:
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                    client.settimeout(CONNECT_TIMEOUT)
                    client.connect(str(socket_path))
                    client.sendall(b"focus\n")
                    self.running_in_window = client.recv(16).strip() != b"no-window"
                return
            except OSError:
                # The first copy holds the lock but is not listening yet (or is stopping).
                if time.monotonic() > deadline:
                    log.debug("single instance: the running copy did not answer")
                    return
                time.sleep(0.05)

    def _listen(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                connection.settimeout(1.0)
                try:
                    request = connection.recv(64)
                except OSError:
                    continue
                shown = True
                if request.strip() == b"focus":
                    log.debug("single instance: a second launch asked for the front")
                    if self.on_focus is not None:
                        try:
                            shown = self.on_focus() is not False
                        except Exception:  # the listener must outlive a failed focus
                            log.exception("bringing the window to the front failed")
                with contextlib.suppress(OSError):
                    connection.sendall(b"ok\n" if shown else b"no-window\n")

    def release(self) -> None:
        """Stop listening, remove the socket and drop the lock (idempotent)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
        if self._server is not None:
            with contextlib.suppress(OSError):
                path = self._server.getsockname()
                self._server.close()
                if path:
                    os.unlink(path)
            self._server = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None
