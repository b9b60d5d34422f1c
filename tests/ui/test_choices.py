"""select, checkbox, radio, slider and actions: the page's indexes become the script's values.

The page is never trusted: an index out of range, repeated, of a disabled option, or of a
button that does not submit is refused with the message the person would see.
"""

from __future__ import annotations

from typing import Any

import pytest

from desklaunch.ui import actions, checkbox, radio, select, slider
from desklaunch.ui.fields import Field


def check(field: Field[Any], raw: object) -> tuple[Any, str | None]:
    return field.check(raw)


def test_select_maps_indexes_back_to_any_python_value() -> None:
    marker = object()
    field = select("Pick", [("A", marker), ("B", None), ("C", "c", False, True)], name="p")
    assert [o["label"] for o in field.spec["options"]] == ["A", "B", "C"]
    assert field.spec["options"][0]["selected"]  # the first option, as a browser shows it
    assert check(field, 0) == (marker, None)
    assert check(field, 1) == (None, None)
    for bad in (2, 3, -1, "0", 0.0, True, None, [0]):
        assert check(field, bad) == (None, "Please choose from the list")


def test_multiple_select_refuses_repeats_and_can_require_one() -> None:
    field = select("Pick", ["a", "b"], multiple=True, required=True, value=["b"], name="p")
    assert [o["selected"] for o in field.spec["options"]] == [False, True]
    assert check(field, [1, 0]) == (["b", "a"], None)
    assert check(field, [0, 0]) == (None, "Please choose from the list")
    assert check(field, []) == (None, "Please choose at least one")
    assert check(field, 1) == (None, "Please choose from the list")


def test_checkbox_and_radio() -> None:
    boxes = checkbox("Extras", ["milk", "sugar"], value=["sugar"], name="x")
    assert [o["selected"] for o in boxes.spec["options"]] == [False, True]
    assert check(boxes, []) == ([], None)
    assert check(boxes, [1]) == (["sugar"], None)
    assert check(boxes, None) == (None, "Please choose from the list")
    picked = radio("Level", ["easy", "hard"], name="r", required=True,
                   validate=lambda v: "Too easy" if v == "easy" else None)
    assert check(picked, None) == (None, "Please choose one")
    assert check(picked, 0) == (None, "Too easy")
    assert check(picked, 1) == ("hard", None)


def test_options_need_a_list() -> None:
    with pytest.raises(TypeError, match="list of options"):
        select("Pick", "abc")
    with pytest.raises(ValueError, match="at least one option"):
        radio("Pick", [])


def test_slider_snaps_to_its_step_and_keeps_ints_whole() -> None:
    whole = slider("Volume", value=30, max_value=100, step=5, name="v")
    assert check(whole, 42) == (40, None)
    assert type(check(whole, "45")[0]) is int
    assert check(whole, 101) == (None, "Please choose between 0 and 100")
    for bad in ("loud", float("nan"), True, None):
        assert check(whole, bad) == (None, "Please choose a value on the slider")
    ratio = slider("Ratio", value=0.5, max_value=1, step=0.25, name="r")
    assert check(ratio, 0.74) == (0.75, None)
    with pytest.raises(ValueError):
        slider("Bad", min_value=5, max_value=1)


def test_actions_answers_only_with_an_enabled_submit_button() -> None:
    field = actions("Go?", ["Yes", ("No", False), {"label": "Undo", "type": "reset"},
                            {"label": "Later", "value": 9, "disabled": True}], name="a")
    assert [b["type"] for b in field.spec["buttons"]] == ["submit", "submit", "reset", "submit"]
    assert check(field, 0) == ("Yes", None)
    assert check(field, 1) == (False, None)
    assert check(field, None) == (None, None)  # the form was submitted another way
    for bad in (2, 3, 4, "0"):
        assert check(field, bad) == (None, "Please press one of the buttons")
    with pytest.raises(ValueError, match="button type"):
        actions("Go?", [{"label": "x", "type": "explode"}])


def test_input_update_gives_a_choice_field_new_options_the_converter_follows() -> None:
    field = select("City", ["Paris", "Lyon"], name="city")
    wire = field.update({"options": [("Tokyo", 1), ("Osaka", 2)], "value": 2, "label": "Town"})
    assert wire == {"label": "Town", "options": [
        {"label": "Tokyo", "selected": False, "disabled": False},
        {"label": "Osaka", "selected": True, "disabled": False}]}
    assert check(field, 1) == (2, None)
    assert check(field, 2) == (None, "Please choose from the list")
    with pytest.raises(TypeError, match="cannot change 'multiple'"):
        field.update({"multiple": True})
    level = slider("Level", name="level", max_value=10)
    assert level.update({"value": 7}) == {"value": 7}
    with pytest.raises(ValueError):
        level.update({"value": 70})


def test_select_value_marks_options_as_pywebio_does() -> None:
    def shown(field: Field[Any]) -> list[int]:
        return [i for i, o in enumerate(field.spec["options"]) if o["selected"]]

    # a list for a single choice: its values are marked; the last marked shows
    assert shown(select("P", ["a", "b", "c"], value=["a", "b"], name="p")) == [1]
    # `value` besides an option marked in the options: the last marked shows, as a
    # browser shows a <select> given two
    assert shown(select("P", [("A", 1, True), ("B", 2)], value=2, name="p")) == [1]
    assert shown(radio("P", [("A", 1, True), ("B", 2)], value=2, name="p")) == [1]
    # an option whose value is a list still matches that list
    assert shown(select("P", [("XY", ["x", "y"]), ("Z", "z")], value=["x", "y"],
                        name="p")) == [0]
    assert shown(select("P", ["a", "b"], value=["a", "b"], multiple=True, name="p")) == [0, 1]
    assert select("P", ["a"], native=False, name="p").spec["options"][0]["selected"]
