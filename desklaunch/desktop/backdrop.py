"""The window's colour before its page paints: the page's own background, light or dark.

The window asks for the page at once, before the server answers; until the page paints, a
web view shows its own background, white by default, which would flash in a dark app.
Every backend gets the light colour through pywebview; on Qt, which reports the system's
colour scheme, the web view's empty page takes the colour the page will have.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

PAGE_BACKGROUND = {"light": "#f6f7f9", "dark": "#1c1d21"}
"""The page's `--bg` in assets/css/app.css (light, and under prefers-color-scheme: dark);
tests/desktop/test_backdrop.py keeps the two in step."""


def paint_qt(native: Any) -> None:
    """On the GUI thread, before the Qt window shows: its web view's empty page (and the
    window around it) in the page's background for the system's colour scheme."""
    from qtpy.QtCore import Qt
    from qtpy.QtGui import QColor, QGuiApplication

    scheme = getattr(QGuiApplication.styleHints(), "colorScheme", None)  # Qt 6.5+
    dark = scheme is not None and scheme() == Qt.ColorScheme.Dark
    color = QColor(PAGE_BACKGROUND["dark" if dark else "light"])
    try:
        native.webview.page().setBackgroundColor(color)
        palette = native.palette()
        palette.setColor(native.backgroundRole(), color)
        native.setPalette(palette)
    except AttributeError:  # another pywebview's Qt window: keep its own colour
        log.debug("no web view to colour in %r", native)
