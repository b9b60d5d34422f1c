"""A process-wide change that overlapping console sessions share.

Console mode replaces a few things for the whole process while a program runs: the
standard streams (streams.py), Python's waits (waits.py), an import finder (loadhook.py).
Two console apps in one process (a test run) each ask for them; the first puts them in
place and the last one done takes them away, whatever order the two end in.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class SharedPatch:
    """`put()` when the first user installs, `take()` when the last one uninstalls."""

    def __init__(self, put: Callable[[], None], take: Callable[[], None]) -> None:
        self._put, self._take = put, take
        self._users = 0
        self.lock = threading.Lock()
        """Held while the change is made or undone; hold it to act on `active` safely."""

    @property
    def active(self) -> bool:
        """Whether the change is in place now."""
        return self._users > 0

    def install(self) -> None:
        """One more user; the first one puts the change in place."""
        with self.lock:
            if self._users == 0:
                self._put()
            self._users += 1

    def uninstall(self) -> None:
        """One user fewer; the last one takes the change away (a call too many does nothing)."""
        with self.lock:
            if self._users == 0:
                return
            self._users -= 1
            if self._users == 0:
                self._take()
