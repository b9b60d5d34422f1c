"""`put_datatable` on the simulated page, as assets/js/datatable.js draws and works it.

A `grid` whose first row holds the column titles, each a button that sorts (ascending,
descending, then as given); a click on a row picks it (`selected`), one or, with
`multiple_select`, several, each then with a tick box; below it "Selected N rows", the
action buttons (enabled while rows are picked) and, with the cell bar, the text of the
cell last clicked. The page answers the script with row keys only, as the real one does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from desklaunch.testing.elements import Element


def cell_text(value: Any) -> str:
    """A cell's value as JavaScript writes it: `true`, `36` for 36.0, "" for None."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _compare(a: Any, b: Any) -> int:
    """The page's order: numbers as numbers, the rest as text with numbers in it read as
    numbers and case ignored (its collator's `numeric`, `sensitivity: "base"`)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return (a > b) - (a < b)
    x, y = _natural(cell_text(a)), _natural(cell_text(b))
    return (x > y) - (x < y)


def _natural(text: str) -> list[tuple[int, Any]]:
    return [(0, int(part)) if part.isdigit() else (1, part)
            for part in re.split(r"(\d+)", text.casefold()) if part]


class DataTable:
    """One datatable: its rows, the picked ones and the sort, drawn into `element`; `send`
    sends the page's events to the app."""

    def __init__(self, widget: dict[str, Any], send: Callable[[dict[str, Any]], None]) -> None:
        self._send = send
        self.callback = cell_text(widget.get("callback"))
        self.columns = [cell_text(c) for c in widget.get("columns") or []]
        self.multiple = bool(widget.get("multiple"))
        self.onselect = bool(widget.get("onselect"))
        self.rows: list[dict[str, Any]] = list(widget.get("rows") or [])
        self.picked: list[Any] = []
        """The picked rows' keys, in the order they were picked (the page's `Set`)."""
        self.sort: tuple[int, int] | None = None
        self.grid = Element("grid")
        self.status = Element("generic", own="Selected 0 rows")
        self.actions: list[Element] = []
        self.bar: Element | None = Element("generic") if widget.get("bar") else None
        footer = Element("generic", children=[self.status])
        labels = widget.get("actions") or []
        if labels:
            group = footer.append(Element("group", "Actions on the picked rows"))
            for index, label in enumerate(labels):
                if label is None:
                    continue
                button = group.append(Element("button", cell_text(label), cell_text(label)))
                button.on_click = functools.partial(self._report, index)
                self.actions.append(button)
        if self.bar is not None:
            footer.append(self.bar)
        self.element = Element("generic", children=[self.grid, footer])
        self.draw()

    def replace_rows(self, rows: list[dict[str, Any]]) -> None:
        """`datatable_rows`: new rows; picked ones still there stay picked, the sort holds."""
        self.rows = rows
        self.draw()

    def draw(self) -> None:
        keys = {row.get("k") for row in self.rows}
        self.picked = [key for key in self.picked if key in keys]
        self.grid.clear()
        header = self.grid.append(Element("row"))
        if self.multiple:  # named for screen readers only, as the page has it
            header.append(Element("columnheader", "Picked", "Picked"))
        for index, title in enumerate(self.columns):
            button = Element("button", title, title)
            button.on_click = functools.partial(self._sort_by, index)
            cell = header.append(Element("columnheader", children=[button]))
            cell.on_click = button.on_click  # the button fills its header: a click lands on it
        rows = self.rows
        if self.sort is not None:
            column, direction = self.sort
            def by_column(x: dict[str, Any], y: dict[str, Any]) -> int:
                return direction * _compare(_cell(x, column), _cell(y, column))

            rows = sorted(rows, key=functools.cmp_to_key(by_column))
        for row in rows:
            self.grid.append(self._row(row))
        count = len(self.picked)
        self.status.own = f"Selected {count} row{'' if count == 1 else 's'}"
        for button in self.actions:
            button.disabled = not count

    def _row(self, row: dict[str, Any]) -> Element:
        key = row.get("k")
        line = Element("row")
        line.selected = key in self.picked
        if self.multiple:
            box = Element("checkbox", f"Pick row {cell_text(_cell(row, 0))}")
            box.checked = line.selected
            box.on_click = functools.partial(self._pick, key, None)
            line.append(Element("gridcell", children=[box]))
        for index in range(len(self.columns)):
            text = cell_text(_cell(row, index))
            cell = line.append(Element("gridcell", own=text))
            cell.on_click = functools.partial(self._pick, key, text)
        # A click on the row lands on a cell of it: its first, here.
        line.on_click = functools.partial(self._pick, key,
                                          cell_text(_cell(row, 0)) if self.columns else None)
        return line

    def _pick(self, key: Any, cell: str | None) -> None:
        if self.bar is not None and cell is not None:
            self.bar.own = cell
        if not self.multiple:
            self.picked = [key]
        elif key in self.picked:
            self.picked.remove(key)
        else:
            self.picked.append(key)
        self.draw()
        if self.onselect:
            self._report(None)

    def _sort_by(self, column: int) -> None:
        current = self.sort[1] if self.sort and self.sort[0] == column else 0
        direction = 1 if current == 0 else -1 if current == 1 else 0
        self.sort = (column, direction) if direction else None
        self.draw()

    def _report(self, action: int | None) -> None:
        if not self.picked and action is None:
            return
        self._send({"type": "click", "id": self.callback,
                         "value": {"rows": list(self.picked), "action": action}})


def _cell(row: dict[str, Any], index: int) -> Any:
    cells = row.get("cells") or []
    return cells[index] if index < len(cells) else None
