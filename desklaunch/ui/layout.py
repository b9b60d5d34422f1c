"""Layout: rows, columns and grids, collapsible and scrollable areas, tabs, and `style()`.

Every container takes outputs (which move into it) or plain text, and most can be entered
to add more: `with put_collapse("Details"): put_text("inside")`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from desklaunch.ui.outputs import Output, as_widget, as_widgets, send_output
from desklaunch.ui.table import Span

_SIZE = re.compile(r"^[A-Za-z0-9\s.%(),+*/-]{0,500}$")
SPACER = "10px"
AUTO = "minmax(auto, 1fr)"


def check_size(size: str, what: str = "size") -> str:
    """A CSS track list (`"1fr 10px 2fr"`, `"repeat(3, 100px)"`), refused if it is not one."""
    if not isinstance(size, str) or not _SIZE.match(size) or re.search(r"url|expression",
                                                                         size, re.I):
        raise ValueError(f"{what} must be CSS sizes like '1fr 10px 30%', not {size!r}")
    return size


def _item(content: Any) -> Any:
    """A layout item: None stays None (an empty gap), the rest as in any container."""
    return None if content is None else as_widget(content)


def _items(content: Any) -> list[Any]:
    return [_item(c) for c in content] if isinstance(content, (list, tuple)) else [_item(content)]


def _row_or_column(kind: str, content: Any, size: str | None, scope: str | None,
                   position: int) -> Output:
    items = _items(content) if content is not None else []
    if size is None:
        size = " ".join(SPACER if item is None else AUTO for item in items)
    widget = {"type": kind, "children": items, "size": check_size(size)}
    return send_output(widget, scope, position, container=True)


def put_row(content: Any = (), size: str | None = None, scope: str | None = None,
            position: int = -1) -> Output:
    """Lay outputs out side by side; `None` leaves a 10 px gap.

    `size` gives each item's width as CSS grid tracks (`"2fr 10px 3fr"`, `"40% 60%"`,
    `"200px auto"`, `"minmax(100px, 1fr)"`); by default the items share the width equally
    while they fit, and one that cannot shrink to its share (a wide table) takes the room
    it needs from the others, as in PyWebIO, rather than being drawn over them.

        put_row([put_text("Left"), None, put_buttons(["Go"], onclick=go)], size="1fr 10px auto")
    """
    return _row_or_column("row", content, size, scope, position)


def put_column(content: Any = (), size: str | None = None, scope: str | None = None,
               position: int = -1) -> Output:
    """Lay outputs out one above the other; `size` gives their heights (see `put_row`).

        put_column([put_text("Top"), None, put_text("Bottom")])
    """
    return _row_or_column("column", content, size, scope, position)


def put_grid(content: Sequence[Sequence[Any]], cell_width: str = "auto",
             cell_height: str = "auto", cell_widths: str | None = None,
             cell_heights: str | None = None, direction: str = "row",
             scope: str | None = None, position: int = -1) -> Output:
    """Lay outputs out in a grid given as a list of rows; `None` is an empty cell and
    `span(output, row=, col=)` a cell spanning several.

        put_grid([[put_text("A"), put_text("B")], [span(put_text("C"), col=2)]],
                 cell_width="120px")
    """
    if direction not in ("row", "column"):
        raise ValueError("direction must be 'row' or 'column'")
    lengths = [0] * len(content)
    cells: list[list[dict[str, Any]]] = []
    for r, row in enumerate(content):
        out: list[dict[str, Any]] = []
        for item in row:
            if isinstance(item, Span):
                for below in range(r, min(r + item.row, len(content))):
                    lengths[below] += item.col
                out.append({"content": _item(item.content), "rowspan": item.row,
                            "colspan": item.col})
            else:
                lengths[r] += 1
                out.append({"content": _item(item), "rowspan": 1, "colspan": 1})
        cells.append(out)
    width = max(lengths, default=0)
    for r, out in enumerate(cells):
        out.extend({"content": None, "rowspan": 1, "colspan": 1}
                   for _ in range(width - lengths[r]))
    rows, columns = len(cells), width
    if direction == "column":
        rows, columns = columns, rows
    widget = {
        "type": "grid", "flow": direction,
        "columns": check_size(cell_widths or f"repeat({max(columns, 1)}, {cell_width})",
                              "cell widths"),
        "rows": check_size(cell_heights or f"repeat({max(rows, 1)}, {cell_height})",
                           "cell heights"),
        "cells": [cell for out in cells for cell in out],
    }
    return send_output(widget, scope, position)


def put_collapse(title: str, content: Any = (), open: bool = False,  # noqa: A002 - PyWebIO's
                 scope: str | None = None, position: int = -1) -> Output:
    """A section that opens and closes when its title is clicked (`<details>`).

        put_collapse("Details", [put_text("More..."), put_table(rows)], open=True)
    """
    widget = {"type": "collapse", "title": str(title), "open": bool(open),
              "children": as_widgets(content)}
    return send_output(widget, scope, position, container=True)


def put_scrollable(content: Any = (), height: int | tuple[int, int] | None = 400,
                   keep_bottom: bool = False, border: bool = True, scope: str | None = None,
                   position: int = -1, **kwargs: Any) -> Output:
    """An area of fixed height that scrolls; `keep_bottom=True` follows new content (a log)
    unless the person has scrolled up to read.

    `height` is pixels, or `(min, max)` pixels, or None for no limit.

        put_scrollable(put_scope("log"), height=300, keep_bottom=True)
        put_text("a new line", scope="log")
    """
    if "max_height" in kwargs:  # PyWebIO's older name
        height = kwargs.pop("max_height")
    if kwargs:
        raise TypeError(f"put_scrollable() got unexpected arguments: {', '.join(kwargs)}")
    if height is None:
        low = high = None
    elif isinstance(height, (tuple, list)):
        low, high = (int(h) for h in height)
    else:
        low = high = int(height)
    widget = {"type": "scrollable", "children": as_widgets(content), "min_height": low,
              "max_height": high, "keep_bottom": bool(keep_bottom), "border": bool(border)}
    return send_output(widget, scope, position, container=True)


def put_tabs(tabs: Sequence[dict[str, Any]], scope: str | None = None,
             position: int = -1) -> Output:
    """Tabs: a list of `{"title": ..., "content": ...}`; the first tab shows at first.

        put_tabs([{"title": "Text", "content": "Hello"}, {"title": "Table", "content": t}])
    """
    specs = []
    for tab in tabs:
        if not isinstance(tab, dict) or "title" not in tab or "content" not in tab:
            raise ValueError('each tab must be a dict with "title" and "content"')
        specs.append({"title": str(tab["title"]), "children": as_widgets(tab["content"])})
    return send_output({"type": "tabs", "tabs": specs}, scope, position)


def style(outputs: Output | Sequence[Output], css_style: str) -> Any:
    """Add inline CSS to one output or to each of a list; returns what it was given.

        put_table([["Status", style(put_text("failed"), "color: red")]])
    """
    for output in outputs if isinstance(outputs, (list, tuple)) else [outputs]:
        if not isinstance(output, Output):
            raise TypeError("style() takes outputs (what put_*() returns)")
        output.style(css_style)
    return outputs
