"""Blocks of content: code, message boxes (info, success, warning, error) and links.

All are escaped text or outputs, never HTML; link URLs are checked (no script URLs).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from desklaunch.ui.outputs import Output, as_widgets, send_output
from desklaunch.ui.urls import check_link_url


def _put(widget: dict[str, Any], scope: str | None, position: int) -> Output:
    return send_output(widget, scope, position)


def put_code(content: Any, language: str = "", rows: int | None = None,
             scope: str | None = None, position: int = -1) -> Output:
    """Show source code in a monospace block, labelled with its language.

    There is no syntax colouring (deliberately: no highlighter is shipped); `rows` limits
    the visible lines, and longer code scrolls inside the block.

        put_code("print('hi')", language="python", rows=20)
    """
    if rows is not None and (type(rows) is not int or rows < 1):
        raise ValueError("rows must be a whole number of at least 1")
    return _put({"type": "code", "text": str(content), "language": str(language or ""),
                 "rows": rows}, scope, position)


def _put_message(color: str, contents: tuple[Any, ...], closable: bool, scope: str | None,
                 position: int) -> Output:
    widget = {"type": "message", "color": color, "closable": bool(closable),
              "children": as_widgets(list(contents))}
    return send_output(widget, scope, position, container=True, closable=bool(closable))


def put_info(*contents: Any, closable: bool = False, scope: str | None = None,
             position: int = -1) -> Output:
    """Show an information box holding `contents` (text or outputs); `closable` adds a close button.

        put_info("Nothing to do yet.", closable=True)
    """
    return _put_message("info", contents, closable, scope, position)


def put_success(*contents: Any, closable: bool = False, scope: str | None = None,
                position: int = -1) -> Output:
    """Show a success box (see `put_info`).

        put_success("Saved 3 files.")
    """
    return _put_message("success", contents, closable, scope, position)


def put_warning(*contents: Any, closable: bool = False, scope: str | None = None,
                position: int = -1) -> Output:
    """Show a warning box (see `put_info`).

        put_warning("The disk is almost full.")
    """
    return _put_message("warning", contents, closable, scope, position)


def put_error(*contents: Any, closable: bool = False, scope: str | None = None,
              position: int = -1) -> Output:
    """Show an error box (see `put_info`).

        put_error("Could not read data.csv", put_code(str(err)))
    """
    return _put_message("danger", contents, closable, scope, position)


def put_link(name: str, url: str | None = None, app: str | None = None,
             new_window: bool = False, scope: str | None = None, position: int = -1) -> Output:
    """Show a link. Links to other sites open in the system browser.

    `url` must be http(s), mailto, or relative. `app=` links to another app of a
    multi-app launch, as PyWebIO's links do (`?app=<name>`).

        put_link("Documentation", "https://example.org/docs")
    """
    if (url is None) == (app is None):
        raise TypeError("put_link() needs either a url or an app")
    href = check_link_url(url) if url is not None else "?" + urlencode({"app": str(app)})
    return _put({"type": "link", "text": str(name), "href": href,
                 "new_window": bool(new_window)}, scope, position)
