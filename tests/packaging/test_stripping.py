"""A built app's binaries are stripped only where the stripped copy still loads
(packaging/stripping.py): on the real libraries of this environment, loaded by the real
loader in a fresh interpreter."""

from __future__ import annotations

import glob
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desklaunch.packaging.stripping import loads, stripped_for_build

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux builds")


def _load(path: Path) -> subprocess.CompletedProcess[str]:
    """Map `path` and the libraries it needs with the system's loader (`ldd` runs it on the
    file itself: a process that loads it by name could be handed a copy already loaded)."""
    return subprocess.run(["ldd", str(path)], capture_output=True, text=True)


def _numpy_libraries(tmp_path: Path) -> Path:
    """A copy of numpy's own folder of libraries (a wheel's, rewritten by patchelf)."""
    numpy = pytest.importorskip("numpy")  # in the `test` extra, with matplotlib
    libs = Path(numpy.__file__).parent.parent / "numpy.libs"
    if not libs.is_dir():
        pytest.fail(f"numpy {numpy.__version__} has no numpy.libs folder", pytrace=False)
    return Path(shutil.copytree(libs, tmp_path / "numpy.libs"))


def test_every_library_numpy_brings_still_loads_after_the_build(tmp_path: Path) -> None:
    libs = _numpy_libraries(tmp_path)
    work = tmp_path / "work"
    for library in sorted(libs.iterdir()):
        bundled = Path(stripped_for_build(str(library), str(work)))
        if bundled != library:
            shutil.copyfile(bundled, library)  # where the app folder has it
    for library in sorted(libs.iterdir()):
        loaded = _load(library)
        assert loaded.returncode == 0, f"{library.name}: {loaded.stderr.strip()[-300:]}"


def test_the_check_foresees_the_loaders_answer_on_what_strip_made(tmp_path: Path) -> None:
    libs = _numpy_libraries(tmp_path)
    verdicts = set()
    for library in sorted(libs.iterdir()):
        stripped = tmp_path / "stripped" / library.name
        stripped.parent.mkdir(exist_ok=True)
        shutil.copyfile(library, stripped)
        subprocess.run(["strip", str(stripped)], check=True)
        shutil.copyfile(stripped, library)  # beside the libraries it needs
        verdict = loads(library)
        assert verdict == (_load(library).returncode == 0), library.name
        verdicts.add(verdict)
    assert verdicts == {True, False}  # GNU strip breaks OpenBLAS here, not its neighbours


def test_a_library_that_strips_cleanly_goes_in_stripped_and_is_made_once(tmp_path: Path) -> None:
    library = Path(sorted(glob.glob(f"{sys.base_prefix}/lib/libpython3*.so.*"))[0])
    work = tmp_path / "work"
    bundled = Path(stripped_for_build(str(library), str(work)))
    assert bundled != library and b".symtab" not in bundled.read_bytes()
    assert _load(bundled).returncode == 0
    made = bundled.stat().st_mtime_ns
    assert stripped_for_build(str(library), str(work)) == str(bundled)  # the next build's
    assert bundled.stat().st_mtime_ns == made


def test_what_is_not_a_loadable_library_goes_in_as_it_is(tmp_path: Path) -> None:
    text = tmp_path / "notes.so"
    text.write_text("not a library\n")
    assert not loads(text)
    assert stripped_for_build(str(text), str(tmp_path / "work")) == str(text)
    assert not (tmp_path / "work").exists()
