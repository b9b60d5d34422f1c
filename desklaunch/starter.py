"""Starting the App beside the window: the server on a thread while the window opens.

A person waits for the window, and its toolkit must start on the main thread (Qt's own
start takes hundreds of milliseconds); the server's imports and start go on a thread of
their own meanwhile. The socket is bound before either begins, so the page the window asks
for at once waits in the socket's backlog and loads as soon as the server accepts it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desklaunch.app import App
    from desklaunch.core.session import Session

log = logging.getLogger(__name__)


class AppStarter:
    """Builds an App with `build` and starts it on `desklaunch-starter`.

    Until the App runs it stands in for it where the desktop side needs one (the first
    session, a restart on save): neither can happen before the page has loaded.
    """

    def __init__(self, build: Callable[[], App], on_failure: Callable[[], None]) -> None:
        self._build = build
        self._on_failure = on_failure
        """Called on the starter thread when the App could not be built or started."""
        self.app: App | None = None
        """The App once built (it owns the endpoint from then on), started or not."""
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._start, name="desklaunch-starter")
        self._lock = threading.Lock()
        self._started = False
        self._done = False

    def start(self) -> None:
        """Start building the App (once; later calls, and calls after `wait()`, do nothing)."""
        with self._lock:
            if self._started or self._done:
                return
            self._started = True
        self._thread.start()

    def _start(self) -> None:
        try:
            self.app = self._build()
            # Its script starts once the page's script is sent and runs while the page
            # starts: the page's first answer carries what it showed.
            self.app.open_first_session()
            self.app.start()
        except BaseException as exc:  # handed to the main thread by wait()
            log.debug("the app could not start", exc_info=True)
            self._error = exc
            self._on_failure()

    def wait(self) -> App | None:
        """The started App once the thread is done, or None if it never began (then it
        never will); raises what kept it from starting."""
        with self._lock:
            self._done = True
            started = self._started
        if not started:
            return None
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.app

    @property
    def first_session(self) -> Session | None:
        app = self.app
        return None if app is None else app.first_session

    def restart(self) -> None:
        """Rerun the script (`--reload`); a save before the App runs has nothing to rerun."""
        if self.app is not None and self._started and not self._thread.is_alive() \
                and self._error is None:
            self.app.restart()
