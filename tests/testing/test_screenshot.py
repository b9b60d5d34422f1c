"""An app author's picture of the screen: `app.screenshot(path)` on the real page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from desklaunch.ui import input, put_text


def greeter() -> None:
    put_text("Welcome to the greeter")
    input("Your name")


def _corner(path: Path) -> tuple[int, ...]:
    with Image.open(path) as image:
        return image.convert("RGB").getpixel((2, 2))


def test_a_screenshot_saves_what_the_person_sees_in_either_scheme(desklaunch_app,
                                                                  tmp_path: Path) -> None:
    app = desklaunch_app(greeter, browser=True)
    app.find("textbox", "Your name")
    light = app.screenshot(tmp_path / "shots" / "light.png")
    dark = app.screenshot(tmp_path / "shots" / "dark.png", scheme="dark")
    assert light == tmp_path / "shots" / "light.png"
    assert sum(_corner(light)) > 600 and sum(_corner(dark)) < 150
    assert app.screenshot(tmp_path / "again.png") and sum(_corner(tmp_path / "again.png")) > 600
    with Image.open(light) as image:
        assert image.width >= 600 and image.height >= 200
    with pytest.raises(ValueError, match='scheme must be "light" or "dark"'):
        app.screenshot(tmp_path / "x.png", scheme="blue")  # type: ignore[arg-type]


def test_a_screenshot_needs_the_real_page(desklaunch_app, tmp_path: Path) -> None:
    app = desklaunch_app(greeter)
    app.find("textbox", "Your name")
    with pytest.raises(RuntimeError, match="start the app with browser=True"):
        app.screenshot(tmp_path / "shot.png")
    assert not (tmp_path / "shot.png").exists()
