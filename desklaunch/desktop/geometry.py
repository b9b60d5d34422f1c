"""Window geometry remembered between runs, and kept where a person can reach it.

A window restored from last time must land on a screen that is still there: monitors get
unplugged and resolutions change. `clamp()` moves (and if need be shrinks) a saved geometry
onto a visible screen; it is pure so it can be tested without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

MIN_VISIBLE = 64
"""How much of the window (px, both ways) must be on a screen for it to count as visible."""
MIN_SIZE = (200, 150)


@dataclass(frozen=True)
class Rect:
    """A window's outer position and its size, in screen pixels."""

    x: int
    y: int
    width: int
    height: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rect | None:
        """The geometry saved as `data`, or None when it is missing or not whole numbers."""
        values = [data.get(key) for key in ("x", "y", "width", "height")]
        numbers = [v for v in values if type(v) is int]
        if len(numbers) != len(values):
            return None
        x, y, width, height = numbers
        if width <= 0 or height <= 0:
            return None
        return cls(x, y, width, height)

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    def overlap(self, other: Rect) -> tuple[int, int]:
        """How many pixels of `self` lie inside `other`, across and down."""
        across = min(self.x + self.width, other.x + other.width) - max(self.x, other.x)
        down = min(self.y + self.height, other.y + other.height) - max(self.y, other.y)
        return max(0, across), max(0, down)


def clamp(saved: Rect, screens: Sequence[Rect]) -> Rect:
    """`saved`, moved and shrunk as needed so that it sits on one of `screens`.

    A window that shows enough of itself on some screen keeps its place (only shrunk to fit
    that screen); one that shows too little moves to the first screen (the primary), kept
    at its spot when it fits there, otherwise pulled inside its edges.
    """
    if not screens:
        return saved
    for screen in screens:
        across, down = saved.overlap(screen)
        if across >= min(MIN_VISIBLE, saved.width) and down >= min(MIN_VISIBLE, saved.height):
            return _fit(saved, screen, move=_title_bar_hidden(saved, screen))
    return _fit(saved, screens[0], move=True)


def _title_bar_hidden(window: Rect, screen: Rect) -> bool:
    """A window whose top edge is above its screen cannot be dragged back by its title bar."""
    return window.y < screen.y


def _fit(window: Rect, screen: Rect, *, move: bool) -> Rect:
    width = max(min(window.width, screen.width), min(MIN_SIZE[0], screen.width))
    height = max(min(window.height, screen.height), min(MIN_SIZE[1], screen.height))
    x, y = window.x, window.y
    if move:
        x = min(max(x, screen.x), screen.x + screen.width - width)
        y = min(max(y, screen.y), screen.y + screen.height - height)
    return Rect(x, y, width, height)
