"""Draws desklaunch's default app icon as PNGs in every size builds use:
desklaunch/packaging/templates/icons/icon-<N>.png.

A blue rounded square holding a small white window with a title bar and two text lines, so
the icon says "a desktop app". Plain Python (zlib + struct), 4x4 supersampled edges; run it
again after changing the drawing: `python packaging/make_icons.py`.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256, 512)
SAMPLES = 4
BLUE = (37, 99, 235)
DARK = (30, 64, 175)
WHITE = (255, 255, 255)
LINE = (148, 163, 184)


def _inside_rounded(x: float, y: float, left: float, top: float, right: float, bottom: float,
                    radius: float) -> bool:
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def _colour_at(x: float, y: float) -> tuple[int, int, int] | None:
    """The colour at (x, y) in a 1x1 square, or None outside the icon."""
    if not _inside_rounded(x, y, 0.02, 0.02, 0.98, 0.98, 0.2):
        return None
    if _inside_rounded(x, y, 0.18, 0.24, 0.82, 0.78, 0.05):
        if y < 0.36:
            return DARK if not 0.68 < x < 0.76 else WHITE
        if (0.26 < x < 0.74 and 0.46 < y < 0.52) or (0.26 < x < 0.58 and 0.60 < y < 0.66):
            return LINE
        return WHITE
    return BLUE


def draw(size: int) -> bytes:
    """The icon as RGBA rows, `size` pixels square."""
    rows = bytearray()
    for row in range(size):
        rows.append(0)  # PNG filter type: none
        for col in range(size):
            r = g = b = a = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    colour = _colour_at((col + (sx + 0.5) / SAMPLES) / size,
                                        (row + (sy + 0.5) / SAMPLES) / size)
                    if colour is not None:
                        r, g, b, a = r + colour[0], g + colour[1], b + colour[2], a + 1
            rows += bytes((r // a, g // a, b // a, 255 * a // SAMPLES**2) if a else (0, 0, 0, 0))
    return bytes(rows)


def png(size: int, rgba_rows: bytes) -> bytes:
    """A PNG file (8-bit RGBA) from filtered rows."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rgba_rows, 9)) + chunk(b"IEND", b""))


def main() -> None:
    package = Path(__file__).resolve().parents[1] / "desklaunch" / "packaging"
    folder = package / "templates" / "icons"
    folder.mkdir(exist_ok=True)
    for size in SIZES:
        (folder / f"icon-{size}.png").write_bytes(png(size, draw(size)))


if __name__ == "__main__":
    main()
