"""A PyWebIO-style dashboard: pins, put_actions, a datatable with callbacks (tests/e2e/ui)."""

from pywebio.output import (
    datatable_insert,
    datatable_remove,
    datatable_update,
    put_datatable,
    put_text,
    toast,
    use_scope,
)
from pywebio.pin import (
    get_pin_values,
    pin,
    pin_update,
    pin_wait_change,
    put_actions,
    put_input,
    put_select,
)

PEOPLE = [
    {"name": "Ada", "age": 36, "city": {"name": "London"}},
    {"name": "Alan", "age": 41, "city": {"name": "Wilmslow"}},
    {"name": "Grace", "age": 85, "city": {"name": "Arlington"}},
]


def main():
    put_input("who", label="Name")
    put_select("sort", [("By name", "name"), ("By age", "age", True), ("Oldest first", "old")],
               label="Order", value="old")
    put_actions("act", label="Do", buttons=["Add", {"label": "Remove Ada", "value": "rm"},
                                            ("Check", "check")])
    put_datatable(
        PEOPLE,
        actions=[("Greet", lambda row_id: toast(f"Hello, row {row_id}")), None,
                 ("Birthday", lambda row_id: datatable_update(
                     "people", PEOPLE[row_id]["age"] + 1, row_id, "age"))],
        onselect=lambda row_id: put_text(f"picked row {row_id}"),
        instance_id="people", height="auto",
    )
    while True:
        change = pin_wait_change("act")
        with use_scope("log", clear=True):
            put_text(f"pressed {change['value']}; order {pin.sort}")
        if change["value"] == "Add":
            datatable_insert("people", {"name": pin.who or "Nobody", "age": 1,
                                        "city": {"name": "Here"}})
        elif change["value"] == "rm":
            datatable_remove("people", 0)
        elif change["value"] == "check":
            values = get_pin_values(["who", "sort", "nothing"])
            pin_update("who", valid_status=bool(values["who"]),
                       valid_feedback="Looks good", invalid_feedback="Type a name")


main()
