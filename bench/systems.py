"""The systems compared, each started as a real process that serves one scenario's app.

`start(system, scenario)` returns a `Running` app: its process, its URL, and the wall time
(time.time()) just before the process was started, for time-to-first-content.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

APPS = Path(__file__).resolve().parent / "apps"
START_TIMEOUT = 30.0

SYSTEMS = ("desklaunch", "floor", "pywebio-http", "pywebio-ws")
PEERS = ("pywebio-http", "pywebio-ws")
FLOOR_ON_WAITRESS = "floor-waitress"
"""The floor's page and answers from a bare WSGI function on waitress: in the click step,
what waitress itself costs (and so what of desklaunch's time is its own)."""


@dataclass
class Running:
    """One app process and where its page is."""

    system: str
    scenario: str
    process: subprocess.Popen[bytes]
    url: str
    started_wall: float
    lines: queue.Queue[str] = field(default_factory=queue.Queue)

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        """End the process (SIGTERM, then SIGKILL) and reap it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(3)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(3)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def command(system: str, scenario: str, port: int, peer_python: Path | None) -> list[str]:
    if system == "desklaunch":
        return [sys.executable, "-m", "desklaunch", "--no-open", "--title", "bench",
                str(APPS / "dl_app.py"), scenario]
    if system == "floor":
        return [sys.executable, str(APPS / "floor_app.py"), str(port), scenario]
    if system == FLOOR_ON_WAITRESS:
        return [sys.executable, str(APPS / "floor_app.py"), str(port), scenario, "waitress"]
    if peer_python is None:
        raise RuntimeError(f"{system} needs the peer environment")
    backend = "http" if system == "pywebio-http" else "ws"
    return [str(peer_python), str(APPS / "pywebio_app.py"), backend, str(port), scenario]


def start(system: str, scenario: str, peer_python: Path | None = None) -> Running:
    """Start `system`'s app for `scenario` and return once its server answers."""
    port = free_port()
    argv = command(system, scenario, port, peer_python)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    started = time.time()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, env=env)
    running = Running(system, scenario, process, f"http://127.0.0.1:{port}/", started)
    threading.Thread(target=_drain, args=(process, running.lines), daemon=True,
                     name=f"bench-drain-{process.pid}").start()
    try:
        if system == "desklaunch":
            running.url = _first_url(running)
        else:
            _wait_for_port(port, process)
    except BaseException:
        running.stop()
        raise
    return running


def _drain(process: subprocess.Popen[bytes], lines: queue.Queue[str]) -> None:
    assert process.stdout is not None
    for raw in process.stdout:
        lines.put(raw.decode(errors="replace").strip())


def _first_url(running: Running) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            line = running.lines.get(timeout=0.2)
        except queue.Empty:
            if running.process.poll() is not None:
                break
            continue
        if line.startswith("http://"):
            return line
    raise RuntimeError(f"{running.system} did not print its URL")


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode} before serving")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.003)
    raise RuntimeError(f"nothing answered on port {port}")
