"""How many samples each measurement takes: the full run, and `--quick` (under a minute)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    warmup: int = 10
    clicks: int = 100
    real_clicks: int = 60
    inputs: int = 50
    pushes: int = 50
    runs_1k: int = 3
    runs_10k: int = 2
    runs_progress: int = 3
    limit_1k_ms: float = 20_000
    limit_10k_ms: float = 20_000
    limit_progress_ms: float = 30_000
    first_content: int = 7
    window_runs: int = 5
    import_runs: int = 15
    scale_sessions: int = 50
    scale_seconds: float = 15.0
    fresh_apps: bool = True
    """Throughput: a new app and page for every run (else one per system for all runs)."""
    first_content_warmup: int = 1
    kit_runs: int = 200
    """Tests of examples/hello.py with the test kit, in process."""
    kit_browser_runs: int = 10
    """The same test against the real page in Chromium."""
    peers_10k: bool = True
    """Run PyWebIO on 10,000 lines too; it never finishes, and its page stays busy for
    seconds after the cut-off, so `--quick` leaves it out."""


FULL = Plan()
QUICK = Plan(warmup=2, clicks=10, real_clicks=4, inputs=4, pushes=6, runs_1k=1, runs_10k=1,
             runs_progress=1, limit_1k_ms=3_000, limit_10k_ms=1_000, limit_progress_ms=3_000,
             first_content=1, window_runs=1, import_runs=3, scale_sessions=3, scale_seconds=1.0,
             fresh_apps=False, first_content_warmup=0, peers_10k=False, kit_runs=10,
             kit_browser_runs=1)
