"""The simulated page reads as the real one: the same script shown in process and in
Chromium gives the same `text`, and a click changes both the same way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desklaunch.testing import ActionError, AppTest
from desklaunch.ui import (
    actions,
    checkbox,
    file_upload,
    input,
    input_group,
    pin_update,
    popup,
    put_buttons,
    put_code,
    put_collapse,
    put_file,
    put_html,
    put_info,
    put_input,
    put_link,
    put_markdown,
    put_progressbar,
    put_row,
    put_scrollable,
    put_table,
    put_tabs,
    put_text,
    radio,
    run_apps,
    select,
    set_env,
    slider,
    textarea,
)


def outputs() -> None:
    put_markdown("# Title\n\nSome *text* and a [link](https://example.com).\n\n- one\n- two")
    put_table([["a", 1], ["b", 2]], header=["Name", "N"])
    put_collapse("More", [put_text("hidden inside")])
    put_tabs([{"title": "First", "content": "first tab"},
              {"title": "Second", "content": "second tab"}])
    put_code("print(1)", language="python")
    put_info("Note this")
    put_progressbar("p", 0.5)
    put_row([put_text("left"), put_text("right")])
    put_scrollable(put_text("scrolled"), height=100)
    put_link("Docs", "https://example.com")
    put_buttons(["A", "B"], onclick=lambda _: None)
    put_file("notes.txt", b"notes", label="Save notes")


def form() -> None:
    put_text("Order")
    input_group("Your order", [
        input("Name", name="name", help_text="As on your card", required=True),
        select("Size", ["S", "M"], name="size"),
        checkbox("Extras", ["Bag", "Receipt"], name="extras", required=True),
        radio("Pay", ["Cash", "Card"], name="pay"),
        slider("Count", name="count", value=2, max_value=5),
        textarea("Note", name="note"),
        file_upload("Photo", name="photo"),
    ], cancelable=True)


def read_both(script, desklaunch_browser, act=None) -> tuple[str, str]:
    texts = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_function(script, browser=browser) as app:
            if act is not None:
                act(app)
            texts.append(app.text)
    return texts[0], texts[1]


def test_outputs_read_the_same_both_ways(desklaunch_browser) -> None:
    simulated, real = read_both(outputs, desklaunch_browser)
    assert simulated == real
    assert "hidden inside" not in real and "second tab" not in real


def test_a_click_changes_both_the_same_way(desklaunch_browser) -> None:
    def open_both(app: AppTest) -> None:
        app.click("More")
        app.click("Second")

    simulated, real = read_both(outputs, desklaunch_browser, open_both)
    assert simulated == real
    assert "hidden inside" in real and "second tab" in real and "first tab" not in real


def test_a_form_reads_the_same_both_ways(desklaunch_browser) -> None:
    simulated, real = read_both(form, desklaunch_browser)
    assert simulated == real


def test_a_first_heading_named_as_the_window_reads_the_same_both_ways(desklaunch_browser) -> None:
    def titled() -> None:
        set_env(title="Big title")
        put_markdown("# Big title")
        put_text("plain")

    simulated, real = read_both(titled, desklaunch_browser)
    assert simulated == real == "Big title\nplain\nFinished"


def test_a_page_without_a_heading_has_none_to_find_both_ways(desklaunch_browser) -> None:
    """The page's own title heading is for screen readers only, as `text` leaves it out."""
    def plain() -> None:
        set_env(title="Notitle")
        put_text("no heading here")

    for browser in (False, desklaunch_browser):
        with AppTest.from_function(plain, browser=browser) as app:
            app.wait_for("no heading here")
            assert app.find_all("heading") == []
            assert app.find_all(text="Notitle") == []


def test_several_fitting_where_one_was_asked_for_names_them_both_ways(desklaunch_browser) -> None:
    def months() -> None:
        put_table([["Jul", "205"], ["Aug", "198"]], header=["Month", "Total"])

    for browser in (False, desklaunch_browser):
        with AppTest.from_function(months, browser=browser) as app, \
                pytest.raises(ActionError) as several:
            app.find("row")
        message = str(several.value)
        assert message.startswith("3 things fit role 'row': <row 'Month Total'"), message
        assert "<row 'Jul 205'" in message and "<row 'Aug 198'" in message
        assert message.endswith("; give its role or name, or use find_all()")


def test_a_console_program_reads_the_same_both_ways(desklaunch_browser, tmp_path) -> None:
    script = tmp_path / "receipt.py"
    script.write_text('name = input("Customer: ")\n'
                      'print(f"Receipt for {name}")\n'
                      'print("    apples    3")\n'
                      'print("\\tpears     4")\n'
                      'print()\n'
                      'print("Thank you")\n')
    texts, logs = [], []
    for browser in (False, desklaunch_browser):
        with AppTest.from_file(script, browser=browser) as app:
            app.check("Wrap long lines")
            app.fill("Customer:", "Ada")
            app.submit()
            texts.append(re.sub(r"after [0-9.]+ s", "after … s", app.text))
            logs.append(app.find("log", "Output").text)
    assert texts[0] == texts[1]
    assert texts[1].startswith("Wrap long lines\n$ receipt.py\n")
    assert logs[0] == logs[1] == ("$ receipt.py\nCustomer: Ada\nReceipt for Ada\n"
                                  "    apples    3\n\tpears     4\n\nThank you")  # as printed


def test_lines_entered_while_the_program_works_are_its_next_answers_both_ways(
        desklaunch_browser, tmp_path) -> None:
    """Entered before the program asks again, a line waits for its next question, as in a
    terminal; a password question throws away what waits (getpass flushes it)."""
    script = tmp_path / "ahead.py"
    script.write_text('import getpass, time\n'
                      'first = input("First: ")\n'
                      'time.sleep(1.5)\n'
                      'second = input("Second: ")\n'
                      'time.sleep(1.5)\n'
                      'password = getpass.getpass()\n'
                      'code = input("Code: ")\n'
                      'print(first, second, password, code)\n')
    logs = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_file(script, browser=browser, settle=0.1) as app:
            app.fill("First:", "one")
            app.submit()
            app.fill("First:", "two")  # the field answered stays open while it works
            app.submit()
            app.wait_for("Second: two")
            app.fill("Second:", "typed too soon")
            app.submit()
            app.fill("Password:", "pw")
            app.submit()
            app.fill("Code:", "42")
            app.submit()
            app.wait_for("Exited with code 0")
            logs.append(app.find("log", "Output").text)
    assert logs[0] == logs[1] == ("$ ahead.py\nFirst: one\nSecond: two\nPassword:\nCode: 42\n"
                                  "one two pw 42")


def test_typing_after_a_password_waits_and_lines_never_read_end_with_the_run_both_ways(
        desklaunch_browser, tmp_path) -> None:
    """After a password the field stays open, plain and empty, for the next question; a
    line entered and never read is not the next run's answer, as in a terminal."""
    script = tmp_path / "after.py"
    script.write_text('import getpass, time\n'
                      'name = input("Name: ")\n'
                      'password = getpass.getpass()\n'
                      'time.sleep(1.5)\n'
                      'code = input("Code: ")\n'
                      'time.sleep(1.5)\n'
                      'print(name, len(password), code)\n')
    logs = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_file(script, browser=browser, settle=0.1) as app:
            app.fill("Name:", "ada")
            app.submit()
            app.fill("Password:", "secret")
            app.submit()
            app.fill("Password:", "42")  # open, plain and empty while the program works
            app.submit()
            app.wait_for("Code: 42")
            app.fill("Code:", "never read")
            app.submit()
            app.wait_for("ada 6 42")
            app.wait_for("Exited with code 0")
            app.click("Run again")
            app.fill("Name:", "bob")
            app.submit()
            app.fill("Password:", "pw")
            app.submit()
            app.fill("Code:", "7")
            app.submit()
            app.wait_for("bob 2 7")
            logs.append(app.find("log", "Output").text)
    assert "secret" not in logs[0]
    assert logs[0] == logs[1] == ("$ after.py\nName: ada\nPassword:\nCode: 42\nada 6 42\n"
                                  "$ after.py\nName: bob\nPassword:\nCode: 7\nbob 2 7")


def test_backspaces_read_the_same_both_ways(desklaunch_browser, tmp_path) -> None:
    script = tmp_path / "spins.py"
    script.write_text('import sys, time\n'
                      'print("N\\bNA\\bAM\\bME\\bE")  # pydoc\'s bold, as a pager gets it\n'
                      'sys.stdout.write("working |")\n'
                      'sys.stdout.flush()\n'
                      'time.sleep(0.05)\n'
                      'sys.stdout.write("\\b/")  # a spinner\'s next frame\n'
                      'print("\\bdone")\n')
    logs = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_file(script, browser=browser) as app:
            app.wait_for("Exited with code 0")
            logs.append(app.find("log", "Output").text)
    assert logs[0] == logs[1] == "$ spins.py\nNAME\nworking done"


def test_text_written_over_text_reads_the_same_both_ways(desklaunch_browser) -> None:
    script = Path(__file__).parents[1] / "e2e" / "console" / "scripts" / "cursor_overwrites.py"
    logs = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_file(script, browser=browser) as app:
            app.wait_for("Exited with code 0")
            logs.append(app.find("log", "Output").text)
    assert logs[0] == logs[1] == ("$ cursor_overwrites.py\n[x] download\nHello world\nA2\nB\n"
                                  "  C\n12345X7890\nstruck plain\nX2345\n6Y890\nline1\n"
                                  "     below")


def test_an_argument_form_reads_the_same_both_ways(desklaunch_browser, tmp_path) -> None:
    script = tmp_path / "pack.py"
    script.write_text("import argparse\n"
                      "parser = argparse.ArgumentParser()\n"
                      "parser.add_argument('box')\n"
                      "parser.add_argument('items', nargs='+')\n"
                      "way = parser.add_mutually_exclusive_group(required=True)\n"
                      "way.add_argument('--post', action='store_true')\n"
                      "way.add_argument('--pickup', action='store_true')\n"
                      "parser.add_argument('--note')\n"
                      "parser.add_argument('-v', '--verbose', action='count', default=0)\n"
                      "parser.add_argument('--data', type=argparse.FileType('r'))\n"
                      "print(parser.parse_args())\n")
    texts, names = [], []
    for browser in (False, desklaunch_browser):
        with AppTest.from_file(script, browser=browser) as app:
            texts.append(app.text)
            names.append([(e.role, e.name) for e in app.find_all("textbox")])
    assert texts[0] == texts[1]
    assert "\nBox *\n" in texts[1] and "\nNote\n" in texts[1]
    assert "(-v, --verbose; times)" in texts[1]
    assert "(--data; - reads the console's input)" in texts[1]
    assert names[0] == names[1] == [("textbox", "Box"), ("textbox", "Items 1"),
                                    ("textbox", "Note"), ("textbox", "Data")]


def test_what_controls_hold_reads_the_same_both_ways(desklaunch_browser) -> None:
    def order() -> None:
        put_progressbar("done", 0.25, label="Done")
        put_link("Menu", "https://example.com/menu")
        input_group("Order", [
            input("Name", name="name"),
            select("Size", ["S", "M", "L"], name="size"),
            select("Sides", ["Chips", "Salad", "Soup"], name="sides", multiple=True),
            checkbox("Extras", ["Bag", "Receipt"], name="extras"),
            radio("Pay", ["Cash", "Card"], name="pay"),
            slider("Count", name="count", value=2, max_value=5),
        ])

    def act(app: AppTest) -> None:
        app.fill("Name", "Ada")
        app.choose("Size", "M")
        app.choose("Sides", "Chips", "Soup")
        app.check("Extras", "Receipt")
        app.choose("Pay", "Card")
        app.fill("Count", "4")

    held = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_function(order, browser=browser) as app:
            act(app)
            held.append([
                app.find("textbox", "Name").value, app.find("combobox", "Size").value,
                app.find("listbox", "Sides").value, app.find("slider", "Count").value,
                app.find("progressbar").value, app.find("link", "Menu").value,
                [(box.name, box.checked) for box in app.find_all("checkbox")],
                [(choice.name, choice.checked) for choice in app.find_all("radio")],
                app.find("checkbox", "Bag").value, app.find("button", "Submit").value,
                app.find("textbox", "Name").checked])
    assert held[0] == held[1] == [
        "Ada", "M", ["Chips", "Soup"], 4, 25, "https://example.com/menu",
        [("Bag", False), ("Receipt", True)], [("Cash", False), ("Card", True)], None, None,
        None]


def test_what_a_box_a_round_button_and_a_slider_read_is_the_same_both_ways(
        desklaunch_browser) -> None:
    def order() -> None:
        input_group("Order", [
            checkbox("Extras", ["Gift bag"], name="extras"),
            radio("Pay", ["By card"], name="pay"),
            slider("Count", name="count", value=3, max_value=5),
        ])

    read = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_function(order, browser=browser) as app:
            read.append([app.find("checkbox", "Gift bag").text, app.find("radio").text,
                         app.find("slider", "Count").text])
            with pytest.raises(TypeError, match=r'find_all\(\) needs a role, a name or a text'):
                app.find_all()
            with pytest.raises(TypeError, match=r"find\(\) needs a role, a name or a text"):
                app.find("group", "Extras").find()
    assert read[0] == read[1] == ["Gift bag", "By card", "3"]


def test_links_images_and_a_pins_verdict_read_the_same_both_ways(desklaunch_browser) -> None:
    def verdicts() -> None:
        put_markdown("Read [the guide](https://example.com/guide) first.")
        put_html('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Dot">')
        put_input("user", label="User name")
        put_input("pass", label="Password")
        pin_update("user", valid_status=True, valid_feedback="That name is free.")
        pin_update("pass", valid_status=False, invalid_feedback="Too short.")

    held = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_function(verdicts, browser=browser) as app:
            held.append([app.find("link", "the guide").value, app.find("img", "Dot").value,
                         app.find("alert").name, app.text])
    assert held[0] == held[1]
    assert held[0][0] == "https://example.com/guide"
    assert held[0][1:3] == ["data:image/gif;base64,R0lGODlhAQABAAAAACw=", "Too short."]
    assert "That name is free." in held[0][3]


def test_a_link_to_another_app_switches_to_it_both_ways(desklaunch_browser) -> None:
    def index() -> None:
        set_env(title="Shop")
        put_markdown("Go to [the basket](?app=basket), or [elsewhere](https://example.com).")

    def basket() -> None:
        set_env(title="Basket")
        put_text("Your basket is empty")

    def apps() -> None:
        run_apps({"index": index, "basket": basket})

    seen = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_function(apps, browser=browser) as app:
            app.find("link", "the basket").click()
            app.wait_for("Your basket is empty")
            seen.append(app.title)
            seen.append(app.find("navigation", "Apps").text)  # its arrow is only drawn
            app.find("navigation", "Apps").find("button").click()
            app.wait_for("Go to")
            seen.append(app.title)
    assert seen == ["Basket", "All apps", "Shop"] * 2


def test_what_cannot_be_clicked_says_so() -> None:
    with AppTest.from_function(lambda: put_text("Just words")) as app, \
            pytest.raises(ActionError, match="cannot be clicked"):
        app.find("paragraph", text="Just words").click()


def test_a_datatable_reads_and_works_the_same_both_ways(desklaunch_browser) -> None:
    from desklaunch.ui import datatable_update, put_datatable

    def people() -> None:
        put_datatable([{"name": "Ada", "age": 36}, {"name": "alan", "age": 41.0},
                       {"name": "Bob", "age": 9}],
                      actions=[("Greet", lambda rows: put_text(f"greet {rows}")), None,
                               ("Drop", lambda rows: put_text(f"drop {rows}"))],
                      onselect=lambda rows: put_text(f"picked {rows}"), instance_id="people")
        put_buttons(["Replace"], onclick=lambda _: datatable_update(
            "people", [{"name": "Zed", "age": 1}]))

    def work(app: AppTest) -> None:
        assert app.find("button", "Greet").disabled
        app.find("row", "alan 41").click()
        app.wait_for("picked 1")
        app.click("Greet")
        app.wait_for("greet 1")
        app.click("Age")  # ascending
        app.texts.append(app.text)
        app.find("columnheader", "Age").click()  # descending: the header is its button
        app.texts.append(app.text)
        app.click("Replace")
        app.wait_for("Zed")

    texts = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_function(people, browser=browser) as app:
            app.texts = []
            work(app)
            texts.append([*app.texts, app.text])
    assert texts[0] == texts[1]
    ascending, descending, replaced = texts[1]
    assert ascending.startswith("Name\tAge\nBob\t9\nAda\t36\nalan\t41\nSelected 1 row")
    assert descending.startswith("Name\tAge\nalan\t41\nAda\t36\nBob\t9\n")
    assert replaced.startswith("Name\tAge\nZed\t1\nSelected 0 rows\n")


def test_a_widget_template_reads_the_same_both_ways(desklaunch_browser) -> None:
    from desklaunch.ui import put_widget

    def widgets() -> None:
        template = ('<details {{#open}}open{{/open}}><summary>{{title}}</summary>'
                    '{{#contents}}{{& pywebio_output_parse}}{{/contents}}</details>')
        put_widget(template, {"open": True, "title": "More",
                              "contents": ["text", put_code("x = 1")]})
        put_widget(template, {"open": False, "title": "Less",
                              "contents": [put_text("not shown")]})

    simulated, real = read_both(widgets, desklaunch_browser)
    assert simulated == real == "More\ntext\nx = 1\nLess\nFinished"


def test_a_table_row_holding_outputs_reads_as_one_line_both_ways(desklaunch_browser) -> None:
    from desklaunch.ui import style

    def fruit() -> None:
        put_table([["Fruit", "Price"], ["Pear", put_text("sold out")],
                   ["Fig", put_buttons(["Edit", "Delete"], onclick=lambda _: None)],
                   ["Kiwi", style(put_text("failed"), "color: red")]])

    simulated, real = read_both(fruit, desklaunch_browser)
    assert simulated == real == ("Fruit\tPrice\nPear\tsold out\nFig\tEdit Delete\n"
                                 "Kiwi\tfailed\nFinished")
    rows = []
    for browser in (False, desklaunch_browser):  # a row found reads as it does in the page
        with AppTest.from_function(fruit, browser=browser) as app:
            rows.append([app.find("row", name).text for name in ("Pear sold out",
                                                                  "Fig Edit Delete")])
    assert rows[0] == rows[1] == ["Pear\tsold out", "Fig\tEdit Delete"]


def test_what_an_open_popup_covers_cannot_be_pressed_both_ways(desklaunch_browser) -> None:
    """The page behind a popup is inert for a person, so for a test: a button found there
    says why it cannot be pressed, and so does a click by name, at once, not after a wait."""
    def script() -> None:
        popup("Hi", "Hello there")
        put_text("behind")
        actions("Go?", ["Go"])
        put_text("went")

    messages = []
    for browser in (False, desklaunch_browser):
        with AppTest.from_function(script, browser=browser, timeout=1) as app:
            with pytest.raises(ActionError) as pressed:
                app.find("button", "Go").click()
            messages.append(str(pressed.value))
            with pytest.raises(ActionError) as clicked:
                app.click("Go")
            messages.append(str(clicked.value))
            app.close_popup()
            app.click("Go")
            app.wait_for("went")
    assert set(messages) == {
        "the button 'Go' is behind the open popup 'Hi': close the popup first (close_popup(), "
        "or a button in it), as a person must"}
    assert len(messages) == 4


def test_a_read_only_field_cannot_be_filled_both_ways(desklaunch_browser) -> None:
    def script() -> None:
        put_input("code", label="Code", value="ABC", readonly=True)

    for browser in (False, desklaunch_browser):
        with AppTest.from_function(script, browser=browser, timeout=1) as app:
            with pytest.raises(ActionError, match=r"^the field labelled 'Code' is read-only$"):
                app.fill("Code", "x")
            assert app.find("textbox", "Code").value == "ABC"

