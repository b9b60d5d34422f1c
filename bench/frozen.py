"""Frozen apps: build time, bundle size (and its biggest parts), start → first content.

    python -m bench.frozen [--rounds 5] [--out results.json]

Builds examples/hello.py with `desklaunch build` twice (onedir, onefile) from a regular
install of this checkout, then starts each (and the unfrozen `desklaunch` command, the peer)
with --no-open, in turns, and times process start → the first input's label visible in
Chromium. Medians are reported, with each frozen kind's ratio to the unfrozen run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
HELLO = ROOT / "examples" / "hello.py"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]
GUARD = 120


def regular_install(base: Path) -> Path:
    """This checkout, `pip install`ed (not editable: PyInstaller cannot see that) into base.

    The frozen-app tests (tests/packaging/test_frozen.py) build from the same install.
    """
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "desklaunch", source / "desklaunch",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    site = base / "site"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--disable-pip-version-check", "--target", str(site), str(source)],
        capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"pip install failed:\n{result.stderr[-3000:]}")
    return site


def build(site: Path, base: Path, onefile: bool) -> dict[str, Any]:
    """Build hello.py; seconds taken, the executable, its size and biggest parts."""
    kind = "onefile" if onefile else "onedir"
    dist = base / f"dist-{kind}"
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "desklaunch", "build", str(HELLO), "--name", "hello",
                    "--dist", str(dist), "--work", str(base / f"work-{kind}"),
                    *(["--onefile"] if onefile else [])],
                   env={**os.environ, "PYTHONPATH": str(site)}, check=True, timeout=1800,
                   cwd=base,  # not the checkout: its desklaunch/ would shadow the install
                   stdout=subprocess.DEVNULL)
    seconds = time.monotonic() - started
    app = dist / "hello"
    executable = app if onefile else app / "hello"
    return {"kind": kind, "build_s": round(seconds, 1), "executable": str(executable),
            "size_mb": round(_size(app) / 1e6, 1),
            "biggest_mb": {} if onefile else _biggest(app / "_internal")}


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _biggest(folder: Path, count: int = 6) -> dict[str, float]:
    """The largest parts two levels down (PyQt6/Qt6/lib, libpython, ...), in MB."""
    parts: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            key = "/".join(path.relative_to(folder).parts[:3])
            parts[key] = parts.get(key, 0) + path.stat().st_size
    top = sorted(parts.items(), key=lambda item: -item[1])[:count]
    return {name: round(size / 1e6, 1) for name, size in top}


def first_content(browser: Browser, command: list[str], env: dict[str, str]) -> float:
    """Seconds from process start to the "Your name" label visible in Chromium."""
    page = browser.new_page()
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env, cwd=tempfile.gettempdir())
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        page.goto(url)
        page.get_by_label("Your name").wait_for(timeout=GUARD * 1000)
        return time.monotonic() - started
    finally:
        proc.terminate()
        proc.wait(timeout=GUARD)
        if proc.stdout is not None:
            proc.stdout.close()
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-frozen-") as folder:
        base = Path(folder)
        site = regular_install(base)
        builds = [build(site, base, onefile=False), build(site, base, onefile=True)]
        env = {k: v for k, v in os.environ.items() if not k.startswith("DESKLAUNCH_")}
        env["DESKLAUNCH_SINGLE_INSTANCE"] = "0"
        commands = {"unfrozen": [sys.executable, "-m", "desklaunch", "--no-open", str(HELLO)]}
        commands.update({b["kind"]: [b["executable"], "--no-open"] for b in builds})
        times: dict[str, list[float]] = {name: [] for name in commands}
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
            for round_ in range(args.rounds + 1):  # round 0 only warms the disk cache
                for name, command in commands.items():
                    seconds = first_content(browser, command, env)
                    if round_:
                        times[name].append(seconds)
            browser.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    result = {
        "builds": [{k: v for k, v in b.items() if k != "executable"} for b in builds],
        "first_content_s": {name: round(value, 2) for name, value in medians.items()},
        "ratio_to_unfrozen": {name: round(value / medians["unfrozen"], 2)
                              for name, value in medians.items()},
        "rounds": args.rounds,
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
