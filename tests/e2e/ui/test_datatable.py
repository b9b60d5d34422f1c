"""put_datatable and the pin widgets PyWebIO scripts use, in a real browser."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

SCRIPT = Path(__file__).parent / "scripts" / "pywebio_datatable_dashboard.py"


def names(app) -> list[str]:
    return app.page.get_by_role("grid").locator("tbody tr td:first-child").all_inner_texts()


def test_a_datatable_sorts_picks_rows_and_runs_actions(pilot, alias) -> None:
    app = pilot(SCRIPT, title="pywebio_datatable_dashboard")
    page = app.page
    grid = page.get_by_role("grid")
    expect(grid.locator("thead tr").last.get_by_role("columnheader")).to_have_text(
        ["Name", "Age", "Name"])
    expect(grid.get_by_role("columnheader", name="City")).to_be_visible()  # nested: grouped
    expect(grid.locator("tbody tr")).to_have_count(3)
    greet = app.button("Greet")
    expect(greet).to_be_disabled()
    # sort by age, descending on a second click: numbers as numbers
    grid.get_by_role("button", name="Age").click()
    grid.get_by_role("button", name="Age").click()
    age = grid.get_by_role("columnheader", name="Age")
    expect(age).to_have_attribute("aria-sort", "descending")
    assert names(app) == ["Grace", "Alan", "Ada"]
    # pick a row: onselect gets its id (its position in the records)
    grid.get_by_role("gridcell", name="Alan").click()
    app.expect_text("picked row 1")
    expect(grid.get_by_role("row", name="Alan")).to_have_attribute("aria-selected", "true")
    app.expect_text("Selected 1 row")
    expect(page.locator(".dl-dt-cellbar")).to_have_text("Alan")
    greet.click()
    expect(app.toast("Hello, row 1")).to_be_visible()
    # an action that updates a cell: the page shows the new value, the sort still holds
    app.click("Birthday")
    expect(grid.get_by_role("row", name="Alan")).to_contain_text("42")
    # insert and remove through put_actions, whose presses wake pin_wait_change
    app.fill("Name", "Linus")
    app.click("Add")
    app.expect_text("pressed Add; order old")
    expect(grid.get_by_role("row", name="Linus")).to_be_visible()
    app.click("Remove Ada")
    app.expect_text("pressed rm; order old")
    expect(grid.get_by_role("row", name="Ada")).to_have_count(0)
    expect(grid.locator("tbody tr")).to_have_count(3)


def test_pin_verdicts_and_a_preselected_select(pilot, alias) -> None:
    app = pilot(SCRIPT, title="pywebio_datatable_dashboard")
    # value="old" marks the third option besides the one marked in the options: the
    # last marked shows, as a browser shows a <select> given two
    expect(app.field("Order")).to_have_value("2")
    app.click("Check")
    expect(app.page.get_by_role("alert")).to_have_text("Type a name")
    expect(app.field("Name")).to_have_attribute("aria-invalid", "true")
    app.fill("Name", "Ada")
    app.click("Check")
    app.expect_text("Looks good")
    expect(app.page.get_by_role("alert")).to_have_count(0)
    expect(app.field("Name")).not_to_have_attribute("aria-invalid", "true")


def file_pin_script() -> None:
    from pywebio.output import put_text
    from pywebio.pin import pin, pin_wait_change, put_file_upload

    put_file_upload("doc", label="Document", accept=".txt", multiple=True)
    assert pin.doc == []
    while True:
        files = pin_wait_change("doc")["value"]
        put_text("got " + ", ".join(f"{f['filename']}={f['content'].decode()}" for f in files))


def test_a_file_pin_holds_the_files_once_they_arrive(pilot, alias, tmp_path) -> None:
    app = pilot(file_pin_script)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("alpha")
    second.write_text("beta")
    app.field("Document").set_input_files([str(first), str(second)])
    app.expect_text("got a.txt=alpha, b.txt=beta")
    app.click("Remove a.txt")
    app.expect_text("got b.txt=beta")


def several_rows_script() -> None:
    from pywebio.output import put_datatable, put_text

    put_datatable([{"id": "a", "v": 1}, {"id": "b", "v": 2}, {"id": "c", "v": 3}],
                  multiple_select=True, id_field="id",
                  actions=[("Sum", lambda ids: put_text(f"picked {sorted(ids)}"))])


def test_several_rows_are_picked_with_tick_boxes(pilot, alias) -> None:
    app = pilot(several_rows_script)
    grid = app.page.get_by_role("grid")
    expect(grid).to_have_attribute("aria-multiselectable", "true")
    grid.get_by_role("checkbox", name="Pick row a").click()
    grid.get_by_role("gridcell", name="c", exact=True).click()
    app.expect_text("Selected 2 rows")
    app.click("Sum")
    app.expect_text("picked ['a', 'c']")
    grid.get_by_role("gridcell", name="a", exact=True).click()  # a second click lets go
    app.expect_text("Selected 1 row")
    expect(grid.get_by_role("checkbox", name="Pick row a")).not_to_be_checked()


def test_a_picked_row_is_marked_beyond_its_tint_and_in_forced_colours(pilot, alias) -> None:
    from desklaunch.testing.audit import audit

    app = pilot(several_rows_script)
    grid = app.page.get_by_role("grid")
    grid.get_by_role("gridcell", name="b", exact=True).click()
    app.expect_text("Selected 1 row")
    picked = grid.locator("tbody tr[aria-selected=true] td").first
    other = grid.locator("tbody tr[aria-selected=false] td").first
    bar = "el => getComputedStyle(el).boxShadow"
    assert "inset" in picked.evaluate(bar) and other.evaluate(bar) == "none"
    assert audit(app.page) == []  # the boxes' column has a header, for screen readers
    app.page.emulate_media(forced_colors="active")
    try:
        background = "el => getComputedStyle(el).backgroundColor"
        assert picked.evaluate(background) != other.evaluate(background)
    finally:
        app.page.emulate_media(forced_colors="none")


def test_the_rows_are_one_tab_stop_and_arrows_move_between_them(pilot, alias) -> None:
    """A grid's rows, as a keyboard reaches them: Tab enters at one row and leaves the
    table with the next Tab; Up / Down / Home / End move; Enter picks the row."""
    from access import Keys

    app = pilot(SCRIPT, title="pywebio_datatable_dashboard")
    grid = app.page.get_by_role("grid")
    rows = grid.locator("tbody tr")
    expect(rows).to_have_count(3)
    keys = Keys(app.page)
    keys.tab_to(rows.first)
    keys.press("ArrowDown")
    keys.focused(rows.nth(1))
    keys.press("End")
    keys.focused(rows.nth(2))
    keys.press("ArrowDown")  # stays on the last row
    keys.focused(rows.nth(2))
    keys.press("Home")
    keys.focused(rows.first)
    keys.press("Enter")
    app.expect_text("picked row 0")
    keys.press("Tab")  # past the table, not to its next row
    expect(rows.nth(1)).not_to_be_focused()
    keys.press("Shift+Tab")
    keys.focused(rows.first)  # back to the row it left
    age = grid.get_by_role("button", name="Age")
    age.click()
    expect(age).to_have_accessible_name("Age")  # the arrow is for the eye only


def test_a_file_picker_hides_its_id_column_and_unticks_its_rows_through_the_grid_api(
        pilot) -> None:
    """pywebio_battery's file picker: the full paths it keys rows by are hidden
    (`column_args={"id": {"hide": True}}`), and after a pick it unticks the rows through
    PyWebIO's page handle on the table's ag-grid (`window.ag_grid_<id>_promise`)."""
    from desklaunch.ui import put_buttons, put_datatable, put_text, run_js

    def script() -> None:
        files = [{"id": "/home/ada/notes.txt", "name": "notes.txt"},
                 {"id": "/home/ada/photos", "name": "photos/"}]
        put_datatable(files, instance_id="picker", id_field="id", multiple_select=True,
                      column_args={"id": {"hide": True}},
                      onselect=lambda ids: put_text(f"picked {ids}"))
        put_buttons(["Done"], onclick=lambda _: run_js(
            "window[handle].then(grid => grid.api.deselectAll())",
            handle="ag_grid_picker_promise"))

    app = pilot(script)
    grid = app.page.get_by_role("grid")
    expect(grid.get_by_role("columnheader")).to_have_text(["Picked", "Name"])
    expect(grid).not_to_contain_text("/home/ada")
    grid.get_by_role("row").filter(has_text="notes.txt").click()
    app.expect_text("picked ['/home/ada/notes.txt']")
    app.click("Done")
    expect(app.page.get_by_text("Selected 0 rows")).to_be_visible()
    expect(grid.get_by_role("checkbox", checked=True)).to_have_count(0)
    grid.get_by_role("row").filter(has_text="photos/").click()
    app.expect_text("picked ['/home/ada/photos']")  # the folder alone
    assert app.page_errors == []


def test_a_table_of_fifty_thousand_rows_scrolls_sorts_and_is_walked_by_keys(pilot) -> None:
    """A long table shows at once and scrolls as a whole; a screen reader hears each row's
    place among them all."""
    from access import Keys

    from desklaunch.ui import put_datatable, put_text

    def script() -> None:
        put_datatable([{"item": f"item {i:05d}", "count": i} for i in range(50_000)],
                      height=400, onselect=lambda row: put_text(f"picked {row}"))

    app = pilot(script)
    grid = app.page.get_by_role("grid")
    expect(grid).to_have_attribute("aria-rowcount", "50001")  # the titles' row and 50,000
    first = grid.get_by_role("row", name="item 00000")
    expect(first).to_have_attribute("aria-rowindex", "2")
    # scrolled to the end, the last rows are there
    grid.locator("xpath=..").evaluate("box => { box.scrollTop = box.scrollHeight; }")
    last = grid.get_by_role("row", name="item 49999")
    expect(last).to_be_visible()
    expect(last).to_have_attribute("aria-rowindex", "50001")
    # and half way down, the middle ones
    grid.locator("xpath=..").evaluate("box => { box.scrollTop = box.scrollHeight / 2; }")
    expect(grid.get_by_role("row", name="item 25000")).to_be_visible()
    # a sort puts the last row first
    grid.locator("xpath=..").evaluate("box => { box.scrollTop = 0; }")
    grid.get_by_role("button", name="count").click()
    grid.get_by_role("button", name="count").click()
    expect(grid.get_by_role("row", name="item 49999")).to_be_visible()
    # the keys go through all of them: End to the last, Home back to the first
    keys = Keys(app.page)
    keys.tab_to(grid.get_by_role("row", name="item 49999"))
    keys.press("End")
    keys.focused(grid.get_by_role("row", name="item 00000"))
    expect(grid.get_by_role("row", name="item 00000")).to_be_in_viewport()
    keys.press("ArrowUp")
    keys.focused(grid.get_by_role("row", name="item 00001"))
    keys.press("Enter")
    app.expect_text("picked 1")
    keys.press("Home")
    keys.focused(grid.get_by_role("row", name="item 49999"))


def test_a_long_table_in_a_tab_not_yet_open_scrolls_to_its_end_once_shown(pilot) -> None:
    from desklaunch.ui import put_datatable, put_tabs, put_text

    def script() -> None:
        put_tabs([{"title": "Summary", "content": put_text("5,000 readings")},
                  {"title": "Readings", "content": put_datatable(
                      [{"reading": f"reading {i:04d}"} for i in range(5_000)], height=300)}])

    app = pilot(script)
    app.page.get_by_role("tab", name="Readings").click()
    grid = app.page.get_by_role("grid")
    expect(grid.get_by_role("row", name="reading 0000")).to_be_visible()
    grid.locator("xpath=..").evaluate("box => { box.scrollTop = box.scrollHeight; }")
    expect(grid.get_by_role("row", name="reading 4999")).to_be_visible()


ROWS_IN_VIEW = """box => [...box.querySelectorAll("tbody tr[data-key]")].filter((tr) => {
    const row = tr.getBoundingClientRect(), view = box.getBoundingClientRect();
    return row.bottom > view.top + 40 && row.top < view.bottom; }).length"""


def test_a_long_table_of_rows_of_many_heights_shows_rows_wherever_it_is_scrolled_to(
        pilot) -> None:
    """Rows that wrap are taller than the rows the table reckons with for those not drawn:
    after a scroll with the wheel, a jump of the scroll bar still lands on rows, never on
    an empty table."""
    from desklaunch.ui import put_datatable

    def script() -> None:
        put_datatable([{"id": i, "name": f"row {i}", "note": ("long text " * (i % 7 * 6))
                        .strip() or "short"} for i in range(20_000)], height=600)

    app = pilot(script)
    app.page.set_viewport_size({"width": 1000, "height": 800})
    box = app.page.get_by_role("grid").locator("xpath=..")
    expect(app.page.get_by_role("row", name="row 3", exact=False).first).to_be_visible()
    area = box.bounding_box()
    assert area is not None
    app.page.mouse.move(area["x"] + 100, area["y"] + 200)
    for _ in range(40):
        app.page.mouse.wheel(0, 150)
        app.page.wait_for_timeout(40)
    app.page.wait_for_timeout(300)
    for share in (0.5, 0.93, 0.3):
        box.evaluate(f"box => {{ box.scrollTop = box.scrollHeight * {share}; }}")
        shown = 0
        for _ in range(100):
            app.page.wait_for_timeout(30)
            shown = box.evaluate(ROWS_IN_VIEW)
            if shown > 3:
                break
        assert shown > 3, f"no rows in view after a jump to {share:.0%} of the table"


def test_pywebio_recipes_read_the_table_through_its_grid(pilot, alias) -> None:
    """PyWebIO's recipes for a table's data: `getDataAsCsv` (a spreadsheet export) and
    `forEachLeafNode` with `field2path` (nested records read back), in the order shown."""
    def script() -> None:
        from pywebio.output import put_buttons, put_datatable, put_text
        from pywebio.session import eval_js

        put_datatable([{"name": 'Ada "the first"', "qty": 3, "home": {"city": "London"},
                        "tags": ["a", "b"]},
                       {"name": "Grace", "qty": 12, "home": {"city": "New York"},
                        "tags": None}],
                      instance_id="stock")

        def export(_: object) -> None:
            put_text("CSV: " + repr(eval_js(
                "window[`ag_grid_${id}_promise`].then(g => g.api.getDataAsCsv())", id="stock")))
            rows = eval_js("""window[`ag_grid_${id}_promise`].then(function (grid) {
                let rows = [];
                grid.api.forEachLeafNode(function (node) {
                    let row = {};
                    Object.keys(node.data).forEach(function (field) {
                        let path = grid.field2path(field), at = row;
                        path.slice(0, -1).forEach(function (key) { at = at[key] = at[key] || {}; });
                        at[path[path.length - 1]] = node.data[field];
                    });
                    rows.push(row);
                });
                return rows;
            })""", id="stock")
            put_text(f"rows: {rows}")

        put_buttons(["Export"], onclick=export)

    app = pilot(script)
    app.page.get_by_role("columnheader", name="Qty").click()  # sorted: 3 before 12
    app.page.get_by_role("columnheader", name="Qty").click()  # the other way: 12 first
    app.click("Export")
    app.expect_text("CSV: '\"Name\",\"Qty\",\"City\",\"Tags\"\\r\\n"
                    "\"Grace\",\"12\",\"New York\",\"\"\\r\\n"
                    "\"Ada \"\"the first\"\"\",\"3\",\"London\",\"a,b\"'")
    app.expect_text("rows: [{'name': 'Ada \"the first\"', 'qty': 3, 'home': {'city': 'London'}, "
                    "'tags': ['a', 'b']}, "
                    "{'name': 'Grace', 'qty': 12, 'home': {'city': 'New York'}, 'tags': None}]")
