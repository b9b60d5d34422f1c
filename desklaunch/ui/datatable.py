"""`put_datatable`: a table of records the person can sort and pick rows from.

PyWebIO draws it with ag-grid; desklaunch draws its own (desklaunch/assets/js/datatable.js):
a header whose columns sort when clicked, rows picked by a click (several with
`multiple_select`, each with a tick box), buttons for the picked rows (`actions`), and a
bar showing the text of the cell last clicked. The records stay on the server: the page
gets the rows' cells with a key per row and answers with keys, which map back to the
script's row ids (`id_field`, else the record's position). `datatable_update`,
`datatable_insert` and `datatable_remove` change the records of the table whose
`instance_id` they name, and the page shows the new rows.

    put_datatable(people, actions=[("Greet", lambda row_id: toast(f"Hi {row_id}"))],
                  onselect=lambda row_id: put_text("picked", row_id), instance_id="people")
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from desklaunch.core.session import Session, current_session
from desklaunch.errors import SessionClosed
from desklaunch.ui.outputs import Output, send_output

Path = tuple[str, ...]
_KEY = "datatables"
_CELL_MAX = 10_000
_lock = threading.Lock()


def _flatten(record: Mapping[str, Any], prefix: Path = ()) -> dict[Path, Any]:
    """A nested record as {path: value}: `{"a": {"b": 1}}` → `{("a", "b"): 1}`."""
    flat: dict[Path, Any] = {}
    for key, value in record.items():
        path = (*prefix, str(key))
        if isinstance(value, Mapping) and value:
            flat.update(_flatten(value, path))
        else:
            flat[path] = value
    return flat


def _order(column_order: Any, prefix: Path = ()) -> list[Path]:
    """PyWebIO's `column_order`: a list of names, or a nested dict of them."""
    if isinstance(column_order, Mapping):
        paths: list[Path] = []
        for key, inner in column_order.items():
            path = (*prefix, str(key))
            paths += _order(inner, path) if isinstance(inner, Mapping) else [path]
        return paths
    return [(*prefix, str(name)) for name in column_order]


def _get(record: Any, path: Path) -> Any:
    for key in path:
        if not isinstance(record, Mapping):
            return None
        record = record.get(key)
    return record


def _cell(value: Any) -> tuple[Any, bool]:
    """A cell as the page shows it: numbers and booleans as they are (they sort as numbers),
    None as empty, lists and dicts as JSON, anything else as its text; and whether the
    value itself goes to the page beside it, as ag-grid's row data has it (None, or a list
    or dict of JSON data, whole) for the scripts that read the table back."""
    if value is None:
        return "", True
    if isinstance(value, (bool, int, float)):
        return value, False
    if isinstance(value, (list, dict)):
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            return str(value)[:_CELL_MAX], False
        return text[:_CELL_MAX], len(text) <= _CELL_MAX
    return str(value)[:_CELL_MAX], False


def _wire_row(key: int, values: list[Any]) -> dict[str, Any]:
    """A row as the page gets it: its cells, and, when a cell shows something other than its
    value (None as empty, a list as its JSON), the values too (`forEachNode`,
    `getSelectedRows`)."""
    shown = [_cell(value) for value in values]
    row: dict[str, Any] = {"k": key, "cells": [cell for cell, _ in shown]}
    if any(as_data for _, as_data in shown):
        row["data"] = [value if as_data else cell
                       for value, (cell, as_data) in zip(values, shown, strict=True)]
    return row


def _human(key: str) -> str:
    """A column title as ag-grid makes one from a field name: "homeTown" → "Home Town"."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _groups(columns: list[Path]) -> list[dict[str, Any]]:
    """The header row above the titles for nested records: the parent of each run of
    columns ("City" over "Name" for `{"city": {"name": ...}}`); empty when none is nested."""
    if all(len(path) == 1 for path in columns):
        return []
    groups: list[dict[str, Any]] = []
    for path in columns:
        label = " / ".join(_human(part) for part in path[:-1])
        if groups and groups[-1]["label"] == label:
            groups[-1]["span"] += 1
        else:
            groups.append({"label": label, "span": 1})
    return groups


def _path(field: Any) -> Path:
    return tuple(str(part) for part in field) if isinstance(field, (list, tuple)) \
        else (str(field),)


class DataTable:
    """One shown datatable: its records by row id, in order, and the page's keys for them."""

    def __init__(self, session: Session, records: Sequence[Mapping[str, Any]],
                 columns: list[Path], id_field: Path | None, multiple: bool) -> None:
        self.session = session
        self.columns = columns
        self.id_field = id_field
        self.multiple = multiple
        self.wid = session.new_id("dt")
        self._keys = itertools.count(1)
        self._lock = threading.Lock()
        self._rows: dict[int, tuple[Any, Mapping[str, Any]]] = {}  # page key → (id, record)
        self._next_id = 0
        self.replace(records)

    # -- the records ---------------------------------------------------------------------------

    def _row_id(self, record: Mapping[str, Any]) -> Any:
        if self.id_field is not None:
            return _get(record, self.id_field)
        row_id = self._next_id
        self._next_id += 1
        return row_id

    def replace(self, records: Sequence[Mapping[str, Any]]) -> None:
        with self._lock:
            self._rows.clear()
            self._next_id = 0
            for record in records:
                self._check(record)
                self._rows[next(self._keys)] = (self._row_id(record), record)

    def _key_of(self, row_id: Any) -> int | None:
        for key, (known, _) in self._rows.items():
            if known == row_id:
                return key
        return None

    def update_row(self, row_id: Any, record: Mapping[str, Any]) -> None:
        self._check(record)
        with self._lock:
            key = self._key_of(row_id)
            if key is not None:
                self._rows[key] = (row_id, record)

    def update_cell(self, row_id: Any, field: Path, value: Any) -> None:
        with self._lock:
            key = self._key_of(row_id)
            if key is None:
                return
            _, record = self._rows[key]
            updated = json.loads(json.dumps(record, default=str))  # a copy to change
            target = updated
            for part in field[:-1]:
                target = target.setdefault(part, {})
            target[field[-1]] = value
            self._rows[key] = (row_id, updated)

    def insert(self, records: Sequence[Mapping[str, Any]], before: Any = None) -> None:
        with self._lock:
            if self.id_field is None:
                ids = [i for i, _ in self._rows.values() if isinstance(i, int)]
                self._next_id = max(ids, default=-1) + 1
            new = []
            for record in records:
                self._check(record)
                new.append((next(self._keys), (self._row_id(record), record)))
            items = list(self._rows.items())
            at = len(items)
            if before is not None:
                at = next((i for i, (_, (known, _)) in enumerate(items) if known == before), at)
            self._rows = dict(items[:at] + new + items[at:])

    def remove(self, row_ids: Sequence[Any]) -> None:
        with self._lock:
            self._rows = {key: row for key, row in self._rows.items() if row[0] not in row_ids}

    @staticmethod
    def _check(record: Any) -> None:
        if not isinstance(record, Mapping):
            raise TypeError(f"a datatable row is a dict, not {type(record).__name__}")

    # -- the page ------------------------------------------------------------------------------

    def wire_rows(self) -> list[dict[str, Any]]:
        with self._lock:
            return [_wire_row(key, [_get(record, path) for path in self.columns])
                    for key, (_, record) in self._rows.items()]

    def ids(self, keys: Any) -> list[Any] | None:
        """The row ids of the page's keys; None when the page sent something else."""
        if not isinstance(keys, list) or not all(type(k) is int for k in keys):
            return None
        with self._lock:
            return [self._rows[k][0] for k in keys if k in self._rows]

    def show_rows(self) -> None:
        with contextlib.suppress(SessionClosed):
            self.session.send({"cmd": "datatable_rows", "id": self.wid,
                               "rows": self.wire_rows(), "coalesce": f"datatable:{self.wid}"})


def put_datatable(
    records: Sequence[Mapping[str, Any]],
    actions: Sequence[tuple[str, Callable[[Any], Any]] | None] | None = None,
    onselect: Callable[[Any], Any] | None = None,
    multiple_select: bool = False,
    id_field: str | Sequence[str] | None = None,
    height: str | int = 600,
    theme: str = "balham",
    cell_content_bar: bool = True,
    instance_id: str = "",
    column_order: Sequence[str] | Mapping[str, Any] | None = None,
    column_args: Mapping[Any, Mapping[str, Any]] | None = None,
    grid_args: Mapping[str, Any] | None = None,
    enterprise_key: str = "",
    scope: str | None = None,
    position: int = -1,
) -> Output:
    """Show records (dicts, possibly nested) as a table to sort and pick rows from.

        put_datatable([{"name": "Ada", "age": 36}, {"name": "Alan", "age": 41}],
                      onselect=lambda row_id: toast(f"row {row_id}"))

    A click on a column's title sorts by it (again: the other way, a third time: as
    given). A click on a row picks it and calls `onselect(row_id)`; with
    `multiple_select=True` each row has a tick box and callbacks get a list of row ids.
    `actions` is a list of `(label, callback)` (None draws a gap): buttons for the picked
    row(s), each calling `callback(row_id)` (a list with `multiple_select`). Row ids are
    the `id_field` of each record (a tuple for a nested one), else the record's position.
    `height` is pixels, a CSS height, or "auto" (as tall as the rows). A table of more
    than a thousand rows has only those near the view in the page, drawn as it scrolls
    (100,000 rows show in about a second, as ag-grid's do in PyWebIO). `column_order`
    chooses and orders the columns (needed when `records` is empty); `column_args` may
    give a column a `headerName`, or hide it (`{"id": {"hide": True}}`). With
    `instance_id`, `datatable_update`, `datatable_insert` and `datatable_remove` change the
    table later, and the page's `window.ag_grid_<instance_id>_promise` gives the part of
    ag-grid's `api` that add-ons and PyWebIO's recipes call: `deselectAll`,
    `getSelectedRows`, `getDataAsCsv`, `forEachNode` (and `forEachLeafNode`,
    `forEachNodeAfterFilterAndSort`), `getDisplayedRowCount`, and its `field2path`; each
    row's `data` has the shown columns, keyed by field, with their values (None, lists) as
    the records have them.

    Differences from PyWebIO (which uses ag-grid): `theme`, `grid_args`, `enterprise_key`
    and the other ag-grid column settings are accepted and change nothing; `JSFunction`
    values are left out (the page runs no script code).
    """
    columns = (_order(column_order) if column_order is not None
               else list(_flatten(records[0])) if records else [])
    if not columns:
        raise ValueError("put_datatable() needs column_order when records is empty")
    args = dict(column_args or {})

    def settings_of(path: tuple[str, ...]) -> Mapping[str, Any]:
        found = args.get(path) or args.get(".".join(path)) or args.get(path[-1]) or {}
        return found if isinstance(found, Mapping) else {}

    columns = [path for path in columns if settings_of(path).get("hide") is not True] \
        or columns  # hiding every column would leave nothing to pick
    headers = []
    for path in columns:
        name = settings_of(path).get("headerName")
        headers.append(name if isinstance(name, str) else _human(path[-1]))
    groups = _groups(columns)
    if isinstance(height, bool) or not isinstance(height, (int, str)):
        raise TypeError("height is pixels (an int) or a CSS height such as '400px' or 'auto'")
    css_height = f"{height}px" if isinstance(height, int) else height
    actions = list(actions or [])
    for action in actions:
        if action is not None and not (isinstance(action, (tuple, list)) and len(action) == 2
                                       and callable(action[1])):
            raise TypeError("each action is (label, callback) or None")
    session = current_session()
    table = DataTable(session, list(records), columns,
                      _path(id_field) if id_field is not None else None, bool(multiple_select))

    def picked(value: Any) -> None:
        if not isinstance(value, Mapping):
            return
        ids = table.ids(value.get("rows"))
        action = value.get("action")
        if not ids:
            return
        chosen: Any = ids if table.multiple else ids[0]
        if action is None:
            if onselect is not None:
                onselect(chosen)
        elif type(action) is int and 0 <= action < len(actions) and actions[action] is not None:
            actions[action][1](chosen)  # type: ignore[index]

    callback = session.register_callback(picked)
    if instance_id:
        with _lock:
            session.data.setdefault(_KEY, {})[str(instance_id)] = table
    widget = {"type": "datatable", "id": table.wid, "callback": callback,
              "columns": headers, "fields": [list(path) for path in table.columns],
              "groups": groups, "rows": table.wire_rows(),
              "multiple": table.multiple,
              "actions": [None if a is None else str(a[0]) for a in actions],
              "onselect": onselect is not None, "height": css_height,
              "bar": bool(cell_content_bar), "updates": f"datatable:{table.wid}"}
    if instance_id:
        widget["instance"] = str(instance_id)
    return send_output(widget, scope, position)


def _table(instance_id: str) -> DataTable:
    table = current_session().data.get(_KEY, {}).get(str(instance_id))
    if table is None:
        raise ValueError(f"no datatable has instance_id {instance_id!r} (give put_datatable "
                         "an instance_id to change it later)")
    return table  # type: ignore[no-any-return]


def datatable_update(instance_id: str, data: Any, row_id: Any = None,
                     field: str | Sequence[str] | None = None) -> None:
    """Change a datatable's records: all of them (`data` is a list of dicts), one row
    (`row_id`, `data` a dict), or one cell (`row_id` and `field`, `data` its value).

        datatable_update("people", "ada@example.org", row_id=0, field="email")
    """
    table = _table(instance_id)
    if row_id is None and field is not None:
        raise ValueError("datatable_update() needs row_id when it is given a field")
    if row_id is None:
        table.replace(list(data))
    elif field is None:
        table.update_row(row_id, data)
    else:
        table.update_cell(row_id, _path(field), data)
    table.show_rows()


def datatable_insert(instance_id: str, records: Any, row_id: Any = None) -> None:
    """Add a record (or a list of them) before row `row_id`, or at the end.

        datatable_insert("people", {"name": "Grace", "age": 45})

    Without `id_field`, new rows get ids counting on from the largest so far.
    """
    table = _table(instance_id)
    table.insert(list(records) if isinstance(records, (list, tuple)) else [records], row_id)
    table.show_rows()


def datatable_remove(instance_id: str, row_ids: Any) -> None:
    """Remove a row (or a list of rows) by row id.

        datatable_remove("people", [0, 2])
    """
    table = _table(instance_id)
    table.remove(list(row_ids) if isinstance(row_ids, (list, tuple)) else [row_ids])
    table.show_rows()
