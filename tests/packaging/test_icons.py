"""App icons: PNGs wrapped as .ico (Windows) and .icns (macOS), read back by their headers."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from desklaunch.packaging.icons import IconError, icns_bytes, ico_bytes, png_size

ICONS = Path(__file__).resolve().parents[2] / "desklaunch" / "packaging" / "templates" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def png(size: int) -> bytes:
    return (ICONS / f"icon-{size}.png").read_bytes()


def test_the_default_icon_comes_in_every_size_builds_use() -> None:
    assert [png_size(png(size)) for size in SIZES] == [(s, s) for s in SIZES]


def test_ico_holds_each_png_as_it_is() -> None:
    data = ico_bytes([png(size) for size in SIZES])
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(SIZES))
    for index, size in enumerate(SIZES):
        edge, _, _, _, _, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index:22 + 16 * index])
        assert edge == (0 if size >= 256 else size) and bits == 32
        assert data[offset:offset + length] == png(size)


def test_icns_holds_the_sizes_macos_takes_as_png() -> None:
    data = icns_bytes([png(size) for size in SIZES])
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, at = [], 8
    while at < len(data):
        kinds.append(data[at:at + 4])
        at += struct.unpack(">I", data[at + 4:at + 8])[0]
    assert kinds == [b"icp4", b"icp5", b"icp6", b"ic07", b"ic08", b"ic09"]  # no 48 px type


@pytest.mark.parametrize(("data", "message"), [
    (b"GIF89a", "not a PNG image"),
    (png(16)[:16] + struct.pack(">II", 16, 32) + png(16)[24:], "must be square, not 16x32"),
])
def test_what_cannot_be_an_icon_says_why(data: bytes, message: str) -> None:
    with pytest.raises(IconError, match=message):
        ico_bytes([data])


def test_a_macos_icon_needs_a_size_macos_knows() -> None:
    with pytest.raises(IconError, match="needs a square PNG of 16, 32, 64"):
        icns_bytes([png(48)])
