"""A packaged app leaves out the library search paths that name the build machine
(packaging/runpaths.py), on real ELF files with the real readelf and patchelf."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from desklaunch.packaging.runpaths import clear_runpaths, foreign_runpaths, patchelf_advice


def _library_with_runpath(folder: Path, name: str, runpath: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    library = folder / name
    shutil.copy(next(Path("/usr/lib/x86_64-linux-gnu").glob("libz.so.1*")), library)
    subprocess.run(["patchelf", "--set-rpath", runpath, str(library)], check=True)
    return library


def test_a_search_path_outside_the_app_is_cleared_and_origin_ones_stay(tmp_path: Path) -> None:
    app = tmp_path / "app"
    build_machine = _library_with_runpath(app / "lib", "_ext.so", "/home/alice/.pyenv/lib")
    own = _library_with_runpath(app / "lib", "_own.so", "$ORIGIN/..")
    (app / "notes.txt").write_text("not a library")
    assert foreign_runpaths(app) == [build_machine]
    assert patchelf_advice(app) is None  # patchelf is here: nothing to advise
    clear_runpaths(app)
    assert foreign_runpaths(app) == []
    printed = subprocess.run(["patchelf", "--print-rpath", str(own)], capture_output=True,
                             text=True, check=True)
    assert printed.stdout.strip() == "$ORIGIN/.."


def test_without_patchelf_the_build_says_what_to_install(tmp_path: Path, monkeypatch) -> None:
    app = tmp_path / "app"
    _library_with_runpath(app, "_ext.so", "/opt/python/lib")
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which",
                        lambda name: None if name == "patchelf" else real_which(name))
    clear_runpaths(app)
    assert foreign_runpaths(app) != []  # left as it was
    advice = patchelf_advice(app)
    assert advice is not None and "sudo apt-get install patchelf" in advice
