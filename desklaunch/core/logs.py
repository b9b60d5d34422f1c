"""desklaunch's log file: in the platform's user log folder, rotating, path shown on errors.

A double-clicked app has no console, so without a file its failures leave no trace. The
path is shown in the window's error box and in the one-line error at start-up.

    Linux    ~/.local/state/<app>/log/desklaunch.log
    macOS    ~/Library/Logs/<app>/desklaunch.log
    Windows  %LOCALAPPDATA%\\<app>\\Logs\\desklaunch.log
"""

from __future__ import annotations

import io
import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from platformdirs import user_log_path

LOG_FILE = "desklaunch.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
"""At most four files of 1 MB: the current one and three older ones."""

_path: Path | None = None
_handler: logging.Handler | None = None


def log_file(app_name: str) -> Path:
    """Where `app_name`'s log goes on this platform (the folder may not exist yet)."""
    return user_log_path(app_name, appauthor=False) / LOG_FILE


def setup(app_name: str = "desklaunch", *, debug: bool = False) -> Path | None:
    """Send desklaunch's log to `app_name`'s log file; its path, or None if it cannot be written.

    Only the first call in a process sets the file up; later calls return the same path.
    """
    global _path, _handler
    if _path is not None:
        return _path
    path = log_file(app_name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    # Warnings and errors always; everything with debug. The logger's own level is only
    # lowered for debug, so a console handler never gets chattier because of this file.
    handler.setLevel(logging.DEBUG if debug else logging.WARNING)
    logger = logging.getLogger("desklaunch")
    logger.addHandler(handler)
    if debug:
        logger.setLevel(logging.DEBUG)
    _path, _handler = path, handler
    return path


def current() -> Path | None:
    """The log file this process writes, if `setup()` made one."""
    return _path


class LogStream(io.TextIOBase):
    """A text stream that writes each line to the log file: stands in for a missing stdout/stderr,
    or copies a frozen app's stderr into the log (`echo`).

    Lines go straight to the file handler (not through a logger), so a console handler that
    writes to this very stream can never loop back into it.
    """

    def __init__(self, name: str, level: int, echo: TextIO | None = None) -> None:
        super().__init__()
        self._name = name
        self._level = level
        self._echo = echo
        """The stream being stood in for, when there is one: it still gets every write."""
        self._pending = ""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        """The descriptor of the stream stood in for (a frozen app's stderr), so that what
        asks for it (`faulthandler`, `subprocess.run(stderr=sys.stderr)`) works as without
        the log; `io.UnsupportedOperation` when there is none, as a stream without one."""
        if self._echo is None:
            return super().fileno()
        return self._echo.fileno()

    def write(self, text: str) -> int:
        if self._echo is not None:
            self._echo.write(text)
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            self._emit(line)
        return len(text)

    def flush(self) -> None:
        if self._echo is not None:
            self._echo.flush()
        if self._pending:
            self._emit(self._pending)
            self._pending = ""

    def note(self, line: str, level: int) -> None:
        """A whole line of desklaunch's own for the person, logged at `level` rather than the
        stream's: "already running" is no error, even on a frozen app's stderr."""
        self.flush()
        if self._echo is not None:
            self._echo.write(line + "\n")
            self._echo.flush()
        self._emit(line, level)

    def _emit(self, line: str, level: int | None = None) -> None:
        level = self._level if level is None else level
        if _handler is not None:
            _handler.handle(logging.makeLogRecord(
                {"name": self._name, "levelno": level,
                 "levelname": logging.getLevelName(level), "msg": line}))
