"""Where one launch is served: a socket on 127.0.0.1 and the launch's secret.

The endpoint exists before anything heavy is imported. Its URL can go to the window or the
browser at once, so they start while the server is still being imported and started; a
request that comes early waits in the socket's backlog until the server accepts it.
"""

from __future__ import annotations

import secrets
import socket

BACKLOG = 128


class Endpoint:
    """A listening socket on a free local port, and the secret that lets one page in."""

    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self.socket.bind(("127.0.0.1", 0))
            self.socket.listen(BACKLOG)
        except OSError:
            self.socket.close()
            raise
        self.port: int = self.socket.getsockname()[1]
        self.secret = secrets.token_urlsafe(32)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The one-time URL that lets a window (or one browser tab) in."""
        return f"{self.origin}/?launch={self.secret}"

    def close(self) -> None:
        """Stop listening; a page still waiting to connect is refused (idempotent)."""
        self.socket.close()
