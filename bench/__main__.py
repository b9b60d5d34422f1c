"""`python -m bench`: run every measurement, print the table, write the JSON file."""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import kit, latency, native, peers, report, scale, startup, throughput
from bench.browser import chromium
from bench.plan import FULL, QUICK
from bench.systems import PEERS, SYSTEMS

MEASUREMENTS = ("click", "input", "push", "throughput", "first_content", "window", "window_gtk",
                "import", "scale", "kit")
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "latest.json"


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="few samples of everything (under a minute): checks the suite works")
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help=f"comma-separated subset of {','.join(SYSTEMS)}")
    parser.add_argument("--only", default=",".join(MEASUREMENTS),
                        help=f"comma-separated subset of {','.join(MEASUREMENTS)}")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON file to write")
    args = parser.parse_args(argv)
    args.systems = [s for s in args.systems.split(",") if s]
    args.only = [m for m in args.only.split(",") if m]
    unknown = set(args.systems) - set(SYSTEMS) | set(args.only) - set(MEASUREMENTS)
    if unknown or "desklaunch" not in args.systems:
        parser.error(f"unknown or missing names: {', '.join(sorted(unknown)) or 'desklaunch'}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    plan = QUICK if args.quick else FULL
    peer = peers.peer_python() if set(args.systems) & set(PEERS) else None
    systems = args.systems
    compile_desklaunch()
    began = time.monotonic()
    load_before = os.getloadavg()
    results: dict[str, Any] = {}
    timings: dict[str, float] = {}
    loads: dict[str, tuple[float, float]] = {}
    errors: dict[str, str] = {}

    def step(name: str, run: Callable[[], dict[str, Any]]) -> None:
        if name not in args.only:
            return
        print(f"bench: {name} …", file=sys.stderr, flush=True)
        t, load = time.monotonic(), os.getloadavg()[0]
        try:
            results.update(run())
        except Exception as exc:  # noqa: BLE001 - one broken step must not lose the others
            errors[name] = f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"
            print(f"bench: {name} failed: {errors[name]}", file=sys.stderr, flush=True)
        timings[name] = round(time.monotonic() - t, 1)
        loads[name] = (round(load, 1), round(os.getloadavg()[0], 1))
        print(f"bench: {name} took {timings[name]} s (load average {loads[name][0]} → "
              f"{loads[name][1]})", file=sys.stderr, flush=True)

    with chromium() as browser:
        step("click", lambda: latency.clicks(browser, systems, plan, peer))
        step("input", lambda: latency.inputs(browser, systems, plan, peer))
        step("push", lambda: latency.pushes(browser, systems, plan, peer))
        step("throughput", lambda: throughput.throughput(browser, systems, plan, peer))
        step("first_content", lambda: startup.first_content(browser, systems, plan, peer))
        step("window", lambda: native.window_first_content(plan))
        step("window_gtk", lambda: native.gtk_window_first_content(plan))
        step("import", lambda: startup.imports(plan, peer))
        step("kit", lambda: kit.kit(browser, plan))
        # Last: its fifty pages leave the machine loaded for a while after.
        step("scale", lambda: scale.scale(browser, systems, plan, peer))
        browser_version = browser.version

    document = {
        "meta": {
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "mode": "quick" if args.quick else "full",
            "command": " ".join(["python -m bench", *(argv if argv is not None else sys.argv[1:])]),
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
            "chromium": browser_version,
            "versions": {"desklaunch": _version("desklaunch"), **peers.versions(peer)},
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
            "seconds": round(time.monotonic() - began, 1),
            "seconds_per_step": timings,
            "load_average_per_step": loads,
            "plan": plan.__dict__,
        },
        "results": results,
        "ratios": report.ratios(results),
        "goals": report.goals(results),
        "errors": errors,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=2) + "\n")
    print(report.table(results))
    print("\nscale:", json.dumps({s: {k: round(v, 2) if isinstance(v, float) else v
                                        for k, v in stats.items() if "session" in k}
                                   for s, stats in results.get("scale", {}).items()}))
    print("\ngoals:\n" + report.goal_lines(document["goals"]))
    print(f"\n{document['meta']['seconds']} s; JSON written to {args.out}")
    if errors:
        print("steps that failed: " + "; ".join(f"{k}: {v}" for k, v in errors.items()))
    return 1 if errors else 0


def compile_desklaunch() -> None:
    """Write desklaunch's bytecode, as `pip install` does, so it is measured as installed.

    An editable install is otherwise compiled from source at every start wherever
    PYTHONDONTWRITEBYTECODE is set (as on these machines); the peers' packages have theirs.
    """
    import desklaunch

    compileall.compile_dir(str(Path(desklaunch.__file__).parent), quiet=1)


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


if __name__ == "__main__":
    raise SystemExit(main())
