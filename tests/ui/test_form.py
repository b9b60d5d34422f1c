"""A form's life besides submit: onchange callbacks and the input_update they make."""

from __future__ import annotations

from typing import Any

import pytest

from desklaunch.core.session import Session
from desklaunch.ui import NUMBER, input, input_update
from desklaunch.ui.form import Form


def change(form: Form, name: str, value: Any) -> None:
    form.handle({"seq": 1, "type": "field_change", "id": "f1",
                 "value": {"name": name, "value": value}})


def test_onchange_gets_converted_values_and_may_update_other_fields() -> None:
    seen: list[int] = []

    def typed(age: int) -> None:
        seen.append(age)
        input_update("note", label=f"Note ({age})", help_text=None)

    sent: list[dict[str, Any]] = []
    form = Form([input("Age", name="age", type=NUMBER, onchange=typed),
                 input("Note", name="note")])
    form.opened(Session(lambda: None, sent.append), "f1")
    assert [f["onchange"] for f in form._wire["fields"]] == [True, False]
    change(form, "age", "4")
    change(form, "age", "-")  # half typed: no call
    change(form, "note", "x")  # no onchange: nothing
    change(form, "nope", "1")
    assert seen == [4]
    assert sent == [{"cmd": "field_update", "id": "f1", "field": "note",
                     "changes": {"label": "Note (4)", "help_text": ""}}]


def test_input_update_outside_onchange_says_where_it_belongs() -> None:
    with pytest.raises(RuntimeError, match="inside an onchange callback"):
        input_update("x", label="y")


def test_input_update_names_a_field_the_form_has() -> None:
    def typed(_: str) -> None:
        input_update("missing", label="y")

    form = Form([input("A", name="a", onchange=typed)])
    form.opened(Session(lambda: None, lambda command: None), "f1")
    with pytest.raises(ValueError, match="no field named 'missing'"):
        change(form, "a", "text")
