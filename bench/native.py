"""Time to first content in a native window: desklaunch against a bare pywebview page,
each run as a fresh process (window_probe.py), interleaved. Qt renders offscreen; GTK has
no offscreen mode, so its step starts an Xvfb server of its own and stops it after.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.plan import Plan
from bench.stats import summary

PROBE = Path(__file__).resolve().parent / "window_probe.py"
KINDS = ("desklaunch", "bare-pywebview")
METRICS = {"qt": "first_content_window", "gtk": "first_content_window_gtk"}


def _env(gui: str, display: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("WAYLAND_DISPLAY", None)
    if gui == "gtk":
        env.pop("QT_QPA_PLATFORM", None)
        env.update(PYWEBVIEW_GUI="gtk", DISPLAY=display or "", NO_AT_BRIDGE="1")
    else:
        env.update(QT_QPA_PLATFORM="offscreen", PYWEBVIEW_GUI="qt", QT_API="pyqt6",
                   QTWEBENGINE_DISABLE_SANDBOX="1")
    return env


def _once(kind: str, gui: str, env: dict[str, str]) -> float | None:
    started = time.time() * 1000
    try:
        stdout = subprocess.run(
            [sys.executable, str(PROBE), "bare" if kind != "desklaunch" else kind, gui],
            capture_output=True, text=True, env=env, timeout=60).stdout
    except subprocess.TimeoutExpired as stuck:  # one stuck window is a missing sample at most
        stdout = stuck.stdout.decode() if isinstance(stuck.stdout, bytes) else stuck.stdout or ""
    for line in reversed(stdout.splitlines()):
        if line.startswith("{"):
            first = json.loads(line).get("first_wall")
            return None if first is None else first - started
    return None


@contextlib.contextmanager
def x_server() -> Iterator[str]:
    """An Xvfb server for one step (":N", a number it picks itself), stopped after."""
    read, write = os.pipe()
    try:
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except FileNotFoundError:
        os.close(read)
        os.close(write)
        raise RuntimeError("no Xvfb for the GTK window (apt-get install xvfb)") from None
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()  # written once it accepts clients
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        xvfb.terminate()
        try:
            xvfb.wait(10)
        except subprocess.TimeoutExpired:
            xvfb.kill()
            xvfb.wait()


def _measure(plan: Plan, gui: str, env: dict[str, str]) -> dict[str, Any]:
    samples: dict[str, list[float | None]] = {kind: [] for kind in KINDS}
    warm = plan.first_content_warmup  # rounds that only warm the disk cache
    for round_ in range(warm + plan.window_runs):
        for kind in KINDS if round_ % 2 == 0 else KINDS[::-1]:
            value = _once(kind, gui, env)
            if round_ >= warm:
                samples[kind].append(value)
    return {METRICS[gui]: {k: summary(v, unit="ms") for k, v in samples.items()}}


def window_first_content(plan: Plan) -> dict[str, Any]:
    """Qt, offscreen."""
    return _measure(plan, "qt", _env("qt", None))


def gtk_window_first_content(plan: Plan) -> dict[str, Any]:
    """GTK, on an Xvfb server of this step's own."""
    with x_server() as display:
        return _measure(plan, "gtk", _env("gtk", display))
