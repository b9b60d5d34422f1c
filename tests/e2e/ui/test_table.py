"""Tables from lists and dicts, with headers, outputs in cells, spans, and many rows."""

from __future__ import annotations

from playwright.sync_api import expect

from desklaunch.ui import put_buttons, put_table, put_text, span


def test_a_list_table_takes_its_first_row_as_the_header(pilot) -> None:
    def script() -> None:
        put_table([["Fruit", "Price"], ["Apple", 1.5], ["Pear", "<b>2</b>"]])

    app = pilot(script)
    table = app.page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_text(["Fruit", "Price"])
    expect(table.get_by_role("row", name="Apple 1.5")).to_be_visible()
    expect(table.get_by_role("cell", name="<b>2</b>")).to_be_visible()  # text, not markup


def test_dict_rows_with_and_without_a_header(pilot) -> None:
    people = [{"name": "Ada", "age": 36}, {"name": "Alan", "age": 41}]

    def script() -> None:
        put_table(people)
        put_table(people, header=[("Who", "name"), ("Years", "age")])
        put_table([["x", "y"]], header=["A", "B"])
        put_table([["no", "header"]], header=False)

    app = pilot(script)
    tables = app.page.get_by_role("table")
    expect(tables).to_have_count(4)
    expect(tables.nth(0).get_by_role("columnheader")).to_have_text(["name", "age"])
    expect(tables.nth(0).get_by_role("row", name="Alan 41")).to_be_visible()
    expect(tables.nth(1).get_by_role("columnheader")).to_have_text(["Who", "Years"])
    expect(tables.nth(1).get_by_role("row", name="Ada 36")).to_be_visible()
    expect(tables.nth(2).get_by_role("columnheader")).to_have_text(["A", "B"])
    expect(tables.nth(2).get_by_role("cell")).to_have_text(["x", "y"])
    expect(tables.nth(3).get_by_role("columnheader")).to_have_count(0)
    expect(tables.nth(3).get_by_role("cell")).to_have_text(["no", "header"])


def test_cells_hold_outputs_that_work_and_show_once(pilot) -> None:
    def script() -> None:
        put_table([
            ["Item", "Action"],
            ["Report", put_buttons(["Open"], onclick=lambda _: put_text("opened"))],
            [span("Merged across both", col=2)],
            [put_text("plain output"), None],
        ])

    app = pilot(script)
    table = app.page.get_by_role("table")
    expect(table.get_by_role("button", name="Open")).to_be_visible()
    app.expect_text("plain output", count=1)
    expect(app.page.get_by_role("button", name="Open")).to_have_count(1)
    merged = table.get_by_role("cell", name="Merged across both")
    expect(merged).to_have_attribute("colspan", "2")
    app.click("Open")
    app.expect_text("opened")


def test_a_thousand_row_table_shows_every_row(pilot) -> None:
    def script() -> None:
        put_table([[f"row {n}", n * n] for n in range(1000)], header=["Name", "Square"])
        put_text("after the table")

    app = pilot(script)
    app.expect_text("after the table")
    rows = app.page.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(1001)
    expect(rows.last).to_have_text("row 999998001")
    app.text("after the table").scroll_into_view_if_needed()
    expect(app.text("after the table")).to_be_in_viewport()


def test_a_header_cell_spanning_two_rows_keeps_the_columns_below_it_in_line(pilot) -> None:
    """PyWebIO's own example: "Name" spans two rows, "City" and "Country" sit under
    "Address", and the data rows line up with them."""
    def script() -> None:
        put_table([
            [span("Name", row=2), span("Address", col=2)],
            ["City", "Country"],
            ["Wang", "Beijing", "China"],
            ["Liu", "New York", "America"],
        ])

    app = pilot(script)
    table = app.page.get_by_role("table")

    def left(name: str) -> float:
        box = table.get_by_text(name, exact=True).bounding_box()
        assert box is not None
        return box["x"]

    name_box = table.get_by_role("columnheader", name="Name").bounding_box()
    wang_box = table.get_by_text("Wang", exact=True).bounding_box()
    assert name_box is not None and wang_box is not None
    assert name_box["y"] + name_box["height"] <= wang_box["y"] + 1  # two rows tall
    assert left("City") == left("Beijing") == left("New York")
    assert left("Country") == left("China") == left("America")
    assert left("City") > left("Name")
    expect(table.get_by_role("row", name="Wang Beijing China")).to_be_visible()
