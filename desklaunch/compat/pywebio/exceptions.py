"""Stand-in for `pywebio.exceptions`: PyWebIO's exception names, mapped to desklaunch's.

`SessionClosedException` is desklaunch's `SessionClosed`, a `BaseException` (so a script's
`except Exception` does not swallow the window closing), where PyWebIO's is an `Exception`.
"""

from __future__ import annotations

from desklaunch.errors import NoSessionError, SessionClosed

SessionClosedException = SessionClosed
SessionNotFoundException = NoSessionError


class SessionException(Exception):  # noqa: N818 - PyWebIO's name
    """PyWebIO's base class of session errors; desklaunch never raises it."""


class PyWebIOWarning(UserWarning):
    """PyWebIO's warning category; desklaunch never issues it."""


__all__ = ["PyWebIOWarning", "SessionClosedException", "SessionException",
           "SessionNotFoundException"]
