"""Qt's ICU data trimmed to the app's languages (packaging/icudata.py), on the real library
of the PyQt6 wheel in this environment, loaded by the real QtCore in a subprocess."""

from __future__ import annotations

import importlib.util
import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desklaunch.packaging.icudata import (
    UnknownLayoutError,
    icu_data_for_build,
    kept,
    read_package,
    trim_library,
    write_package,
)

SMALL = 8_000_000
# Preloads the library given (the loader then gives libicuuc that one for its
# libicudata.so.NN, by soname), then asks QtCore to compare as Swedish and as English.
PROBE = """
import ctypes, json, sys
ctypes.CDLL(sys.argv[1], mode=ctypes.RTLD_GLOBAL)
from PyQt6.QtCore import QCollator, QLocale
mapped = sorted({line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line})
print(json.dumps({
    "mapped": mapped,
    "sv": QCollator(QLocale("sv")).compare("\\u00e4", "z"),
    "en": [QCollator(QLocale("en")).compare(a, b) for a, b in (("\\u00e4", "z"), ("b", "a"))],
}))
"""


def _wheel_library(prefix: str) -> Path:
    spec = importlib.util.find_spec("PyQt6")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations))) / "Qt6" / "lib"
    return next(path for path in sorted(folder.glob(prefix + ".so.*"))
                if not path.is_symlink())


@pytest.fixture(scope="module")
def icudata() -> Path:
    return _wheel_library("libicudata")


def _collates_with(library: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, str(library)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def test_the_trimmed_library_is_small_and_qt_collates_with_the_languages_kept(
        icudata: Path, tmp_path: Path) -> None:
    """English only: Swedish falls back to the root order (ä before z); with --lang sv the
    Swedish order (ä after z). English works in both, and the trimmed file is the one QtCore
    loaded, not the wheel's."""
    assert icudata.stat().st_size > 30_000_000
    for languages, swedish_a in (([], -1), (["sv"], 1)):
        library = tmp_path / "-".join(["en", *languages]) / icudata.name
        library.parent.mkdir()
        size = trim_library(icudata, library, languages)
        assert size == library.stat().st_size < SMALL
        seen = _collates_with(library)
        assert seen["mapped"] == [str(library)]
        assert seen["sv"] == swedish_a
        assert seen["en"] == [-1, 1]


def test_the_wheels_own_library_sorts_swedish_as_swedish(icudata: Path) -> None:
    """The same probe on the untouched library: what the trimmed one must match for sv."""
    seen = _collates_with(icudata)
    assert seen["mapped"] == [str(icudata)] and seen["sv"] == 1 and seen["en"] == [-1, 1]


def _package(library: Path) -> bytes:
    """The package's bytes: where readelf says the data symbol lies (value = file offset in
    the first segment, size)."""
    symbols = subprocess.run(["readelf", "--dyn-syms", "-W", str(library)], check=True,
                             capture_output=True, text=True).stdout
    line = next(line for line in symbols.splitlines() if line.endswith("_dat"))
    value, size = line.split()[1:3]
    start = int(value, 16)
    return library.read_bytes()[start:start + int(size, 0)]


def test_the_items_kept_follow_the_languages(icudata: Path) -> None:
    """On the real package: everything that is not per-locale data, every tree's root, and
    the locales of the languages asked for (any region or script of them) stay; other
    languages, the legacy converters, the transliterators and unneeded dictionaries go."""
    items = [name.split("/", 1)[1] for name, _ in read_package(_package(icudata)).items]
    names = {name for name in items if kept("icudt/" + name, ["de", "zh_Hant"])}
    for name in ("root.res", "coll/root.res", "zone/root.res", "pool.res", "lang/pool.res",
                 "res_index.res", "coll/res_index.res", "supplementalData.res",
                 "likelySubtags.res", "zoneinfo64.res", "metaZones.res", "cnvalias.icu",
                 "uts46.nrm", "coll/ucadata.icu", "unames.icu", "brkitr/word.brk",
                 "en.res", "en_001.res", "en_GB.res", "coll/en.res", "de.res", "de_AT.res",
                 "coll/de.res", "coll/de__PHONEBOOK.res", "curr/de_CH.res", "zh.res",
                 "zh_Hant_TW.res", "coll/zh.res", "brkitr/cjdict.dict"):
        assert name in items and name in names, name
    for name in ("fr.res", "coll/sv.res", "lang/ja.res", "es_419.res",
                 "ibm-37_P100-1995.cnv", "gb18030.cnv", "brkitr/thaidict.dict",
                 "translit/root.res"):
        assert name in items and name not in names, name


def test_the_package_reads_and_writes_back_byte_for_byte(icudata: Path) -> None:
    """Same header, same sorted table, same 16-byte layout as ICU's own tool wrote."""
    original = _package(icudata)
    package = read_package(original)
    assert len(package.items) > 1000
    assert write_package(package) == original


def test_a_layout_it_does_not_know_is_refused_and_the_original_kept(
        icudata: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Another library (libicuuc), a truncated copy, one whose data section no longer
    matches its symbol, a text file: nothing is written, and the build's helper hands back
    the original with one line saying why."""
    data = icudata.read_bytes()
    truncated = tmp_path / "truncated.so"
    truncated.write_bytes(data[:200_000])
    shoff, shnum = struct.unpack_from("<Q", data, 0x28)[0], struct.unpack_from("<H", data, 0x3C)[0]
    headers = [shoff + 64 * i for i in range(shnum)]
    sizes = [struct.unpack_from("<Q", data, at + 32)[0] for at in headers]
    mismatched = bytearray(data)  # the largest section (the data) told 16 bytes shorter
    struct.pack_into("<Q", mismatched, headers[sizes.index(max(sizes))] + 32, max(sizes) - 16)
    (tmp_path / "mismatched.so").write_bytes(mismatched)
    text = tmp_path / "notes.txt"
    text.write_text("not a library\n")
    for source in (_wheel_library("libicuuc"), truncated, tmp_path / "mismatched.so", text):
        dest = tmp_path / "out" / icudata.name
        dest.parent.mkdir(exist_ok=True)
        with pytest.raises(UnknownLayoutError):
            trim_library(source, dest, ["de"])
        assert not dest.exists() and not dest.with_name(dest.name + ".part").exists()
        assert icu_data_for_build(str(source), str(tmp_path / "work"), []) == str(source)
        printed = capsys.readouterr().out
        assert printed.startswith("desklaunch: Qt's ICU data kept whole")
        assert printed.count("\n") == 1
    built = icu_data_for_build(str(icudata), str(tmp_path / "work"), ["de"])
    assert built == str(tmp_path / "work" / "icudata" / icudata.name)
    assert Path(built).stat().st_size < SMALL
