"""What the page's events set off, and when that work is done.

An event wakes a callback or a script waiting in a form. The server holds the event's
answer until that work is done (briefly, see `PollingHandler.post`), so the output a click
causes travels back in the click's own answer instead of a second round trip.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Reactions:
    """One session's unfinished reactions: tokens set when the work each event started ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._open: set[threading.Event] = set()
        self._script: set[threading.Event] = set()
        self.on_done: Callable[[], None] | None = None
        """Called after tokens were set, so whoever waits on them can look again."""

    def start(self, *, by_script: bool = False) -> threading.Event:
        """A token for work just handed on; `by_script`: to a script waiting in a form."""
        token = threading.Event()
        with self._lock:
            self._open.add(token)
            if by_script:
                self._script.add(token)
        return token

    def done(self, token: threading.Event) -> None:
        with self._lock:
            self._open.discard(token)
            self._script.discard(token)
            self._idle.notify_all()
        token.set()
        self._notify()

    def script_waits(self) -> None:
        """The script is back waiting (or has ended): whatever it was handed is done."""
        with self._lock:
            tokens, self._script = self._script, set()
            self._open.difference_update(tokens)
            self._idle.notify_all()
        for token in tokens:
            token.set()
        if tokens:
            self._notify()

    def finish_all(self) -> None:
        """The session closed: nothing it started will ever report back."""
        with self._lock:
            tokens, self._open, self._script = self._open, set(), set()
            self._idle.notify_all()
        for token in tokens:
            token.set()
        self._notify()

    def wait_idle(self, timeout: float) -> bool:
        """Wait up to `timeout` s until no work is unfinished; True when none is."""
        with self._lock:
            return self._idle.wait_for(lambda: not self._open, timeout)

    def _notify(self) -> None:
        if self.on_done is not None:
            self.on_done()

