"""App icons for builds: a PNG wrapped as Windows `.ico` or macOS `.icns`, with no image library.

Both formats may hold PNG data as it is (Windows Vista and later; macOS 10.7 and later), so
a conversion is a matter of headers: nothing is resized or re-encoded. Give PNGs in the
sizes you want shown; the build's default icon comes in every size both formats use.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08",
              512: b"ic09", 1024: b"ic10"}
"""macOS icon sizes that hold PNG data, by edge length in pixels."""


class IconError(ValueError):
    """An icon file this module cannot use; the message says why in one line."""


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG, read from its header; IconError if it is not a PNG."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 24:
        raise IconError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    if width == 0 or height == 0:
        raise IconError("the PNG has no pixels")
    return width, height


def _square_sizes(pngs: Sequence[bytes]) -> list[tuple[int, bytes]]:
    sized = []
    for data in pngs:
        width, height = png_size(data)
        if width != height:
            raise IconError(f"an icon must be square, not {width}x{height}")
        sized.append((width, data))
    return sorted(sized, key=lambda pair: pair[0])


def ico_bytes(pngs: Sequence[bytes]) -> bytes:
    """A Windows icon holding each PNG as one image (largest entries up to 256 px count).

    A PNG over 256 px is kept with the "256 or more" marker; Windows scales it down.
    """
    images = _square_sizes(pngs)
    if not images:
        raise IconError("no images for the icon")
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for size, data in images:
        edge = 0 if size >= 256 else size  # 0 means 256 (or more) in an ICO directory
        entries.append(struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: Sequence[bytes]) -> bytes:
    """A macOS icon holding each PNG whose size macOS takes as PNG (16…1024, no 48)."""
    images = [(size, data) for size, data in _square_sizes(pngs) if size in ICNS_TYPES]
    if not images:
        sizes = ", ".join(str(s) for s in ICNS_TYPES)
        raise IconError(f"a macOS icon needs a square PNG of {sizes} pixels")
    chunks = b"".join(ICNS_TYPES[size] + struct.pack(">I", len(data) + 8) + data
                      for size, data in images)
    return b"icns" + struct.pack(">I", len(chunks) + 8) + chunks


def write_ico(pngs: Sequence[bytes], target: Path) -> Path:
    """Write `ico_bytes(pngs)` to `target`."""
    target.write_bytes(ico_bytes(pngs))
    return target


def write_icns(pngs: Sequence[bytes], target: Path) -> Path:
    """Write `icns_bytes(pngs)` to `target`."""
    target.write_bytes(icns_bytes(pngs))
    return target
