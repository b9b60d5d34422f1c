"""Every exception desklaunch raises on purpose, in one place.

    BaseException
     └── SessionClosed          the window went away; a blocked UI call wakes with it
    Exception
     └── DesklaunchError        something desklaunch cannot do, said in one line
          ├── UsageError        the command line or the target is wrong (exit code 2)
          ├── NoSessionError    a UI call made where no session is running
          ├── WindowError       the native window broke and no browser could take over
          └── ProtocolError     a request the page would never send (answered with a 4xx)

`SessionClosed` derives from `BaseException` so that a script's `except Exception:` does not
swallow it and keep a closed app running.
"""

from __future__ import annotations


class SessionClosed(BaseException):
    """Raised inside the script when its session closes (window closed, app stopping): from
    the UI call it waits in, or from a `time.sleep` in the script or a callback."""


class DesklaunchError(Exception):
    """A failure desklaunch explains in one line; `exit_code` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(DesklaunchError):
    """Bad command-line input: a missing script, a wrong `:name`, a syntax error."""

    exit_code = 2


class NoSessionError(DesklaunchError):
    """A `desklaunch.ui` call made outside any running session."""


class WindowError(DesklaunchError):
    """The native window could not start (or broke), and no browser could show the app.

    Raised only after the app stopped in order: the port, the single-instance lock and every
    thread are released, so the process can exit 1 at once.
    """


class ProtocolError(DesklaunchError):
    """A malformed request from a client; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status
