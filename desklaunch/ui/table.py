"""Tables: `put_table` from lists of lists or lists of dicts, and `span` for merged cells."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from desklaunch.ui.outputs import Output, as_widget, send_output


class Span:
    """A cell spanning `row` rows and `col` columns (made by `span()`)."""

    def __init__(self, content: Any, row: int = 1, col: int = 1) -> None:
        for name, count in (("row", row), ("col", col)):
            if type(count) is not int or not 1 <= count <= 1000:
                raise ValueError(f"span {name} must be a whole number from 1 to 1000")
        self.content, self.row, self.col = content, row, col


def span(content: Any, row: int = 1, col: int = 1) -> Span:
    """A table or grid cell that spans several rows and/or columns.

        put_table([["Name", span("Address", col=2)], ["Ada", "London", "UK"]])
    """
    return Span(content, row, col)


def put_table(tdata: Sequence[Sequence[Any] | Mapping[Any, Any]],
              header: Sequence[Any] | Literal[False] | None = None, scope: str | None = None,
              position: int = -1) -> Output:
    """Show a table. Cells are text, numbers, outputs (which move into the cell), or `span()`.

    `tdata` is a list of rows: lists, or dicts. For lists, `header` is the header row; when
    omitted, the first row is the header (as in PyWebIO). For dicts, `header` lists the keys
    in order (and shows them), or `(label, key)` pairs; when omitted, the first dict's keys.
    `header=False` (a desklaunch addition) shows no header row.

        put_table([["Fruit", "Price"], ["Apple", 1.5], ["Pear", put_text("sold out")]])
    """
    rows: list[Any] = list(tdata)
    head: Sequence[Any] | None = None if header is False else header
    shown = header is not False  # a desklaunch addition: False shows no header row
    if rows and isinstance(rows[0], Mapping):
        if head is None and shown:
            keys: list[Any] = list(rows[0].keys())
            head = keys
        elif head and isinstance(head[0], (list, tuple)):
            keys = [pair[-1] for pair in head]
            head = [pair[0] for pair in head]
        else:
            keys = list(head or rows[0].keys())
        rows = [[_get(row, key) for key in keys] for row in rows]
    else:
        if head and isinstance(head[0], (list, tuple)):
            head = [pair[0] for pair in head]
        if head is None and shown and rows:
            head, rows = rows[0], rows[1:]
    widget = {"type": "table", "header": [_cell(c) for c in head] if head else [],
              "rows": [[_cell(c) for c in row] for row in rows]}
    return send_output(widget, scope, position)


def _get(row: Any, key: Any) -> Any:
    if not isinstance(row, Mapping):
        raise TypeError("put_table() rows must all be dicts when the first one is")
    return row.get(key, "")


def _cell(content: Any) -> Any:
    """A cell on the wire: a string, a widget, or a `cell` with spans around either."""
    if isinstance(content, Span):
        return {"type": "cell", "content": _cell(content.content), "rowspan": content.row,
                "colspan": content.col}
    if isinstance(content, Output):
        return as_widget(content)
    return "" if content is None else str(content)
