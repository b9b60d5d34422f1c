"""put_datatable without a browser: columns from nested records, row ids, the page's keys
mapped back (never trusted), and the changes datatable_* make."""

from __future__ import annotations

from typing import Any

import pytest

from desklaunch.core.session import Session, bind_current
from desklaunch.ui import datatable_insert, datatable_remove, datatable_update, put_datatable

PEOPLE = [{"id": "a", "name": "Ada", "home": {"city": "London"}},
          {"id": "g", "name": "Grace", "home": {"city": "Arlington"}}]


@pytest.fixture
def session() -> Any:
    sent: list[dict[str, Any]] = []
    session = Session(lambda: None, sent.append)
    session.sent = sent  # type: ignore[attr-defined]
    bind_current(session)
    yield session
    session.close()
    bind_current(None)


def shown(session: Any) -> dict[str, Any]:
    return next(c["widget"] for c in session.sent if c["cmd"] == "output")


def rows(session: Any) -> list[list[Any]]:
    latest = [c for c in session.sent if c["cmd"] == "datatable_rows"]
    source = latest[-1]["rows"] if latest else shown(session)["rows"]
    return [row["cells"] for row in source]


def test_nested_records_become_columns_and_clicks_give_row_ids(session) -> None:
    picked: list[Any] = []
    done: list[Any] = []
    put_datatable(PEOPLE, onselect=picked.append, actions=[("Done", done.append), None],
                  id_field="id", column_args={("home", "city"): {"headerName": "City"}})
    widget = shown(session)
    assert widget["columns"] == ["Id", "Name", "City"]
    assert widget["groups"] == [{"label": "", "span": 2}, {"label": "Home", "span": 1}]
    assert widget["actions"] == ["Done", None]
    assert rows(session) == [["a", "Ada", "London"], ["g", "Grace", "Arlington"]]
    keys = [row["k"] for row in widget["rows"]]
    callback, _ = session.callbacks.lookup(widget["callback"])  # what a click reaches
    callback({"rows": [keys[1]], "action": None})
    callback({"rows": [keys[0]], "action": 0})
    for bad in ({"rows": ["x"]}, {"rows": [999]}, "rows", {"rows": [keys[0]], "action": 1},
                {"rows": [keys[0]], "action": 5}):
        callback(bad)
    assert picked == ["g"] and done == ["a"]


def test_datatable_calls_change_the_named_table(session) -> None:
    put_datatable([dict(p) for p in PEOPLE], instance_id="t")  # ids are positions
    datatable_update("t", "Paris", row_id=0, field=("home", "city"))
    assert rows(session)[0] == ["a", "Ada", "Paris"]
    datatable_insert("t", {"id": "l", "name": "Linus", "home": {"city": "Helsinki"}}, row_id=1)
    assert [r[1] for r in rows(session)] == ["Ada", "Linus", "Grace"]
    datatable_remove("t", [0, 1])
    assert [r[1] for r in rows(session)] == ["Linus"]
    datatable_update("t", [{"id": "z", "name": "Zuse", "home": {}}])
    assert rows(session) == [["z", "Zuse", ""]]
    with pytest.raises(ValueError, match="no datatable has instance_id 'nope'"):
        datatable_update("nope", [])
    with pytest.raises(ValueError, match="needs column_order"):
        put_datatable([])
