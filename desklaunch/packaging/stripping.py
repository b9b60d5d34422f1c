"""Stripping an app's binaries on Linux, each only where the stripped copy still loads.

`strip` drops a binary's symbol table, which nothing in an app reads (pyenv's libpython:
23 MB -> 5 MB). But a library that a wheel's repair tool rewrote with patchelf (numpy's
OpenBLAS, the libraries under any `<package>.libs/`) comes out of GNU strip (binutils 2.40)
with a loadable segment at a file offset its address does not allow, and the loader refuses
it ("ELF load command address/offset not page-aligned"): every built app that used numpy,
so matplotlib or pandas, failed at its first import. So the build strips a copy of each
binary in its work folder and bundles the copy only when every loadable segment still sits
where the ELF rules (and the loader) require; otherwise the binary goes in as it was.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from desklaunch.packaging.icudata import EHDR, PHDR, PT_LOAD

PAGE = 4096
"""The smallest page a Linux loader maps; a segment must be movable by whole pages."""


def stripped_for_build(source: str, work: str) -> str:
    """For the build's spec: a stripped copy of the binary `source` in the build's work
    folder `work`, made once per version of `source`; `source` itself when there is no
    `strip`, when stripping fails, or when the copy would not load."""
    strip = shutil.which("strip")
    path = Path(source)
    if strip is None or not loads(path):
        return source
    stat = path.stat()
    key = hashlib.sha256(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    dest = Path(work) / "stripped" / key.hexdigest()[:16] / path.name
    if dest.exists():
        return str(dest) if loads(dest) else source
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    shutil.copyfile(path, partial)
    partial.chmod(stat.st_mode & 0o777)
    done = subprocess.run([strip, str(partial)], capture_output=True, text=True)
    if done.returncode != 0 or not loads(partial):
        partial.unlink(missing_ok=True)
        return source
    partial.replace(dest)
    return str(dest)


def loads(path: Path) -> bool:
    """Whether `path` is a 64-bit little-endian ELF file whose loadable segments can be
    mapped: each one's address and file offset equal modulo its alignment, which is a
    whole number of pages (what glibc's loader checks before mapping them)."""
    try:
        with path.open("rb") as file:
            header = file.read(EHDR.size)
            if len(header) < EHDR.size or header[:4] != b"\x7fELF" or header[4:6] != b"\x02\x01":
                return False
            fields = EHDR.unpack(header)
            offset, entry_size, count = fields[5], fields[9], fields[10]
            file.seek(offset)
            table = file.read(entry_size * count)
    except OSError:
        return False
    if entry_size < PHDR.size or len(table) < entry_size * count:
        return False
    for index in range(count):
        kind, _flags, file_offset, address, _, _, _, align = PHDR.unpack_from(
            table, index * entry_size)
        if kind != PT_LOAD:
            continue
        if align % PAGE or (address - file_offset) % max(align, PAGE):
            return False
    return True

