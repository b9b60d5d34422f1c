"""Time to first content in a native window: desklaunch against a bare pywebview page,
both on Qt offscreen, each run as a fresh process (window_probe.py), interleaved.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.plan import Plan
from bench.stats import summary

PROBE = Path(__file__).resolve().parent / "window_probe.py"
KINDS = ("desklaunch", "bare-pywebview")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYWEBVIEW_GUI="qt", QT_API="pyqt6",
               QTWEBENGINE_DISABLE_SANDBOX="1")
    return env


def _once(kind: str) -> float | None:
    started = time.time() * 1000
    try:
        out = subprocess.run([sys.executable, str(PROBE), "bare" if kind != "desklaunch" else kind],
                             capture_output=True, text=True, env=_env(), timeout=60)
    except subprocess.TimeoutExpired:  # one stuck window is a missing sample, not a lost step
        return None
    for line in reversed(out.stdout.splitlines()):
        if line.startswith("{"):
            first = json.loads(line).get("first_wall")
            return None if first is None else first - started
    return None


def window_first_content(plan: Plan) -> dict[str, Any]:
    samples: dict[str, list[float | None]] = {kind: [] for kind in KINDS}
    warm = plan.first_content_warmup  # rounds that only warm the disk cache
    for round_ in range(warm + plan.window_runs):
        for kind in KINDS if round_ % 2 == 0 else KINDS[::-1]:
            value = _once(kind)
            if round_ >= warm:
                samples[kind].append(value)
    return {"first_content_window": {k: summary(v, unit="ms") for k, v in samples.items()}}
