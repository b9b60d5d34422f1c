"""A real socket proxy that loses, cuts and delays the app's answers, for reliability tests.

It sits between a real browser and the real server, one thread per browser connection,
and relays one HTTP exchange at a time (the page never pipelines). It rewrites the page's
Host and Origin from its own port to the server's, so the gate sees the window it expects.
For each answer to a protocol call (`/api/…`) it rolls the dice: deliver it, delay it,
drop it (close the connection without a byte: the server did the work, the page never
hears), or cut it (half the bytes, then close). `pause()` makes the app unreachable:
every connection is cut and new ones are closed at once, until `resume()`.

    proxy = FaultProxy(app.port, drop=0.05, cut=0.05, delay=0.2, seed=7)
    page.goto(proxy.url(app_url))
"""

from __future__ import annotations

import contextlib
import random
import re
import socket
import threading
import time
from dataclasses import dataclass

READ_GUARD = 60.0
"""A relay thread gives up on a silent socket after this long (a hang guard, not a budget)."""


@dataclass
class Tally:
    """What the proxy did, so a test can show the faults really happened."""

    delivered: int = 0
    delayed: int = 0
    dropped: int = 0
    cut: int = 0
    refused: int = 0


class FaultProxy:
    """Listen on 127.0.0.1:<port>, relay to the server, and misbehave on purpose."""

    def __init__(self, server_port: int, *, drop: float = 0.05, cut: float = 0.05,
                 delay: float = 0.2, max_delay: float = 0.15, seed: int = 0) -> None:
        self.server_port = server_port
        self.drop, self.cut, self.delay, self.max_delay = drop, cut, delay, max_delay
        self.tally = Tally()
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._paused = threading.Event()
        self._stopping = threading.Event()
        self._open: set[socket.socket] = set()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port: int = self._listener.getsockname()[1]
        self._rewrites = [
            (f"127.0.0.1:{self.port}".encode(), f"127.0.0.1:{server_port}".encode()),
        ]
        self._acceptor = threading.Thread(target=self._accept, name="faultproxy-accept")
        self._acceptor.start()

    def url(self, app_url: str) -> str:
        """The app's URL, pointed at the proxy instead."""
        return app_url.replace(f":{self.server_port}/", f":{self.port}/", 1)

    # -- control ---------------------------------------------------------------------------

    def pause(self) -> None:
        """The app becomes unreachable: cut what is in flight, refuse what comes."""
        self._paused.set()
        self._close_all()

    def resume(self) -> None:
        self._paused.clear()

    def close(self) -> None:
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes accept(); close() alone won't
        self._listener.close()
        self._close_all()
        self._acceptor.join(5)
        assert not self._acceptor.is_alive(), "the proxy's accept thread did not stop"

    def _close_all(self) -> None:
        with self._lock:
            sockets, self._open = list(self._open), set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    # -- relaying --------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._paused.is_set():
                self.tally.refused += 1
                client.close()
                continue
            threading.Thread(target=self._relay, args=(client,), daemon=True,
                             name="faultproxy-relay").start()

    def _track(self, *sockets: socket.socket) -> None:
        with self._lock:
            self._open.update(sockets)

    def _relay(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.server_port), READ_GUARD)
        except OSError:
            client.close()
            return
        client.settimeout(READ_GUARD)
        self._track(client, upstream)
        from_client, from_server = _Reader(client), _Reader(upstream)
        try:
            while not self._stopping.is_set():
                request = from_client.message(is_request=True)
                if request is None:
                    return
                for ours, theirs in self._rewrites:
                    request = request.replace(b"Host: " + ours, b"Host: " + theirs, 1)
                    request = request.replace(b"Origin: http://" + ours,
                                              b"Origin: http://" + theirs, 1)
                upstream.sendall(request)
                answer = from_server.message(is_request=False)
                if answer is None:
                    return
                if not self._deliver(client, request, answer):
                    return
        except OSError:
            return
        finally:
            with self._lock:
                self._open.discard(client)
                self._open.discard(upstream)
            client.close()
            upstream.close()

    def _deliver(self, client: socket.socket, request: bytes, answer: bytes) -> bool:
        """Send (or mangle) one answer; False when the connection is to be closed."""
        target = request.split(b" ", 2)[1] if request.count(b" ") >= 2 else b""
        fate = "deliver"
        if target.startswith(b"/api/"):
            with self._lock:
                roll = self._random.random()
                pause = self._random.uniform(0, self.max_delay)
            if roll < self.drop:
                fate = "drop"
            elif roll < self.drop + self.cut:
                fate = "cut"
            elif roll < self.drop + self.cut + self.delay:
                fate = "delay"
                time.sleep(pause)
        if fate == "drop":
            self.tally.dropped += 1
            return False
        if fate == "cut":
            self.tally.cut += 1
            client.sendall(answer[: len(answer) // 2])
            return False
        if fate == "delay":
            self.tally.delayed += 1
        else:
            self.tally.delivered += 1
        client.sendall(answer)
        return True


class _Reader:
    """Reads whole HTTP messages (head + Content-Length body) off one socket, as bytes."""

    _LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.IGNORECASE)

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def _more(self) -> bool:
        chunk = self.sock.recv(65536)
        self.buffer += chunk
        return bool(chunk)

    def message(self, *, is_request: bool) -> bytes | None:
        while b"\r\n\r\n" not in self.buffer:
            if not self._more():
                return None
        head_end = self.buffer.index(b"\r\n\r\n") + 4
        found = self._LENGTH.search(self.buffer[:head_end])
        length = int(found.group(1)) if found else 0
        if not is_request and found is None:
            while self._more():  # an answer without a length ends with the connection
                pass
            length = len(self.buffer) - head_end
        while len(self.buffer) < head_end + length:
            if not self._more():
                return None
        message, self.buffer = self.buffer[: head_end + length], self.buffer[head_end + length:]
        return message
