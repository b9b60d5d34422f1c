"""Builds at the same time never share PyInstaller's cache; builds one after another do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desklaunch.packaging.buildcache import SLOTS, build_cache

HOLD = """
import sys
from pathlib import Path
from desklaunch.packaging.buildcache import build_cache
with build_cache(Path(sys.argv[2]), Path(sys.argv[1])) as cache:
    print(cache, flush=True)
    sys.stdin.readline()
"""


def test_builds_one_after_another_use_the_same_cache(tmp_path: Path) -> None:
    with build_cache(tmp_path / "fallback", tmp_path / "caches") as first:
        pass
    with build_cache(tmp_path / "fallback", tmp_path / "caches") as second:
        pass
    assert first == second == tmp_path / "caches" / "0"


def test_a_build_while_another_runs_gets_a_cache_of_its_own(tmp_path: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "caches"),
                           str(tmp_path / "fallback")],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as other:
        assert other.stdout is not None and other.stdin is not None
        try:
            held = Path(other.stdout.readline().strip())
            with build_cache(tmp_path / "fallback", tmp_path / "caches") as mine:
                assert held == tmp_path / "caches" / "0"
                assert mine == tmp_path / "caches" / "1"
            other.stdin.write("done\n")
            other.stdin.flush()
            assert other.wait(30) == 0
        finally:
            if other.poll() is None:
                other.kill()
    with build_cache(tmp_path / "fallback", tmp_path / "caches") as after:
        assert after == tmp_path / "caches" / "0"  # the other build's end released its cache


def test_with_every_cache_in_use_a_build_uses_its_own_folder(tmp_path: Path) -> None:
    caches = tmp_path / "caches"
    with build_cache(tmp_path / "a", caches) as first, \
            build_cache(tmp_path / "b", caches) as second:
        assert first != second
    # Every slot held in this process too (the locks are per open file).
    held = [build_cache(tmp_path / "x", caches) for _ in range(SLOTS)]
    taken = [context.__enter__() for context in held]
    try:
        assert len(set(taken)) == SLOTS
        with build_cache(tmp_path / "fallback", caches) as last:
            assert last == tmp_path / "fallback"
    finally:
        for context in reversed(held):
            context.__exit__(None, None, None)


def test_an_unwritable_cache_folder_means_the_builds_own_folder(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with build_cache(tmp_path / "fallback", blocked / "caches") as cache:
        assert cache == tmp_path / "fallback"
