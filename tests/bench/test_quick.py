"""The benchmark suite still runs: `python -m bench --quick` completes and writes a JSON
file with every measurement. It asserts nothing about speed (BENCHMARKS.md has the numbers).

It runs desklaunch and the floor only: the peer (PyWebIO) is installed from the package
index on first use, which a CI machine may not reach.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD = 300

EXPECTED = {
    "click": {"desklaunch", "floor", "floor-waitress"},
    "click_real_input": {"desklaunch", "floor", "floor-waitress"},
    "input": {"desklaunch", "floor"},
    "push": {"desklaunch", "floor"},
    "lines_1k": {"desklaunch", "floor"},
    "lines_10k": {"desklaunch", "floor"},
    "progress_1k": {"desklaunch"},
    "first_content_browser": {"desklaunch", "floor"},
    "rss_hello_browser": {"desklaunch", "floor"},
    "first_content_window": {"desklaunch", "bare-pywebview"},
    "first_content_window_gtk": {"desklaunch", "bare-pywebview"},
    "import": {"desklaunch"},
    "import_ui": {"desklaunch"},
    "scale": {"desklaunch", "floor"},
    "kit_hello": {"desklaunch", "desklaunch-browser"},
}


def test_quick_run_measures_everything(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--systems", "desklaunch,floor",
         "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=HANG_GUARD)
    assert done.returncode == 0, done.stderr[-3000:]
    document = json.loads(out.read_text())
    results = document["results"]
    assert set(results) == set(EXPECTED)
    for metric, systems in EXPECTED.items():
        assert set(results[metric]) == systems, metric
        for system, stats in results[metric].items():
            # a sample was taken (one cut off by the time limit counts as "failed")
            assert stats["n"] + stats.get("failed", 0) >= 1, (metric, system, stats)
    assert "goals" in document
    # every step says how busy the machine was while it ran, to tell a noisy run apart
    steps = document["meta"]["seconds_per_step"]
    assert set(document["meta"]["load_average_per_step"]) == set(steps)
    assert "click" in done.stdout  # the table was printed
