"""The window's colour before the page paints is the page's own background."""

from __future__ import annotations

import re
from pathlib import Path

from desklaunch.desktop.backdrop import PAGE_BACKGROUND

APP_CSS = Path(__file__).resolve().parents[2] / "desklaunch" / "assets" / "css" / "app.css"


def test_the_backdrop_colours_are_the_page_s_background_light_and_dark() -> None:
    css = APP_CSS.read_text(encoding="utf-8")
    light, dark = css.split("@media (prefers-color-scheme: dark)", 1)
    background = re.compile(r"--bg:\s*([#\w]+);")
    assert background.findall(light)[:1] == [PAGE_BACKGROUND["light"]]
    assert background.findall(dark)[:1] == [PAGE_BACKGROUND["dark"]]
