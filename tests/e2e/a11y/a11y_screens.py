"""Scripts that show every kind of screen the page can draw, for the accessibility checks."""

from __future__ import annotations

from desklaunch.ui import (
    COLOR,
    DATE,
    DATETIME,
    FLOAT,
    NUMBER,
    PASSWORD,
    TIME,
    URL,
    actions,
    checkbox,
    close_popup,
    file_upload,
    hold,
    input,
    input_group,
    popup,
    put_buttons,
    put_checkbox,
    put_code,
    put_collapse,
    put_column,
    put_error,
    put_file,
    put_grid,
    put_html,
    put_image,
    put_info,
    put_input,
    put_link,
    put_loading,
    put_markdown,
    put_progressbar,
    put_radio,
    put_row,
    put_scope,
    put_scrollable,
    put_select,
    put_slider,
    put_success,
    put_table,
    put_tabs,
    put_text,
    put_textarea,
    put_warning,
    radio,
    select,
    slider,
    span,
    textarea,
    toast,
)

# A 2x2 PNG, so the image widget has something real to show.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000020000000208020000"
    "00fdd49a730000001649444154789c63f8cfc0f0ff3f0303c3ff"
    "ff0c0c000043c907f9b8c7d5d40000000049454e44ae426082")
COLORS = ["primary", "secondary", "success", "danger", "warning", "info", "light", "dark"]


def text_fields() -> None:
    """Every one-line input type and both textareas, in one form that can fail its check."""
    input_group("Text fields", [
        input("Name", name="name", help_text="Your given name", placeholder="Ada"),
        input("Secret", name="secret", type=PASSWORD, required=True),
        input("Web site", name="site", type=URL),
        input("Count", name="count", type=NUMBER),
        input("Ratio", name="ratio", type=FLOAT),
        input("Day", name="day", type=DATE),
        input("Hour", name="hour", type=TIME),
        input("Meeting", name="meeting", type=DATETIME),
        input("Colour", name="colour", type=COLOR),
        input("Fruit", name="fruit", datalist=["Apple", "Pear"]),
        input("Stamp", name="stamp", action=("Now", lambda set_value: set_value("now"))),
        input("Fixed", name="fixed", value="read only", readonly=True),
        textarea("Notes", name="notes"),
        textarea("Code", name="code", code=True),
    ], validate=lambda data: ("name", "Say your name") if not data["name"] else None,
        cancelable=True)


def choice_fields() -> None:
    """Lists, ticks, round buttons, a slider and a row of buttons standing in for Submit."""
    input_group("Choices", [
        select("One", ["Red", "Green", "Blue"], name="one"),
        select("Several", ["Red", "Green", "Blue"], name="several", multiple=True),
        checkbox("Ticks", ["Milk", "Sugar"], name="ticks", help_text="Tick any"),
        checkbox("Inline ticks", ["Left", "Right"], name="inline", inline=True),
        radio("Pick", ["Tea", "Coffee"], name="pick"),
        slider("Level", name="level"),
        actions("Then", [("Go", 1), {"label": "Start over", "type": "reset"}], name="then"),
    ], validate=lambda data: ("pick", "Pick one") if data["pick"] is None else None)


def file_field() -> None:
    file_upload("Photo", accept="image/*", help_text="A picture of you")


def outputs() -> None:
    """Every output call."""
    put_text("Plain text")
    put_markdown("## A heading\n\nSome *Markdown* with a [link](https://example.org).\n\n"
                 "| Item | Count |\n|---|---|\n| Apples | 6 |\n\n```python\nx = 1\n```")
    put_html("<p>The script's own <b>HTML</b></p>")
    put_code("print('hi')", language="python")
    put_info("An info box")
    put_success("A success box", closable=True)
    put_warning("A warning box")
    put_error("An error box", closable=True)
    put_table([["Ada", put_buttons(["Greet"], onclick=lambda _: None)],
               [span("Both columns", col=2)]], header=["Name", "Action"])
    put_image(PNG, title="Two by two")
    put_file("notes.txt", b"hello", label="Save notes.txt")
    put_link("Example", "https://example.org")
    put_buttons(["Plain", {"label": "Careful", "value": 2, "color": "danger"}],
                onclick=lambda _: None)
    put_buttons(["Small", "Outlined"], onclick=lambda _: None, small=True, outline=True)
    put_buttons(["Like a link"], onclick=lambda _: None, link_style=True)
    put_buttons(["Left", "Right"], onclick=lambda _: None, group=True)
    put_buttons([{"label": color.title(), "value": color, "color": color} for color in COLORS],
                onclick=lambda _: None)
    put_buttons([{"label": f"Outlined {color}", "value": color, "color": color}
                 for color in COLORS], onclick=lambda _: None, outline=True)
    put_progressbar("work", 0.3, label="Working")
    put_progressbar("plain", 0.6)
    put_loading()
    put_loading(shape="grow", color="primary")
    put_text("Click me").onclick(lambda: None)
    hold()


def layout() -> None:
    """Every layout call."""
    put_row([put_text("Left"), put_text("Right")])
    put_column([put_text("Top"), put_text("Bottom")])
    put_grid([[put_text("Cell 1"), put_text("Cell 2")], [put_text("Cell 3"), None]])
    put_collapse("More", [put_text("Folded text")])
    put_collapse("Open section", [put_text("Unfolded text")], open=True)
    put_scrollable([put_text(f"Line {n}") for n in range(40)], height=120, keep_bottom=True)
    put_tabs([{"title": "First", "content": "One"}, {"title": "Second", "content": "Two"}])
    put_scope("named", [put_text("In a scope")])
    hold()


def pins() -> None:
    """Every pin widget, one without a label (PyWebIO allows it)."""
    put_input("text", label="Pin text")
    put_input("unlabelled")
    put_textarea("area", label="Pin area")
    put_select("list", ["A", "B"], label="Pin list")
    put_checkbox("ticks", ["X", "Y"], label="Pin ticks")
    put_radio("round", ["X", "Y"], label="Pin round")
    put_slider("slide", label="Pin slider")
    hold()


def a_popup() -> None:
    put_text("Behind the popup")
    popup("A popup", [put_text("Inside the popup"), put_input("in_popup", label="In the popup"),
                      put_buttons(["OK"], onclick=lambda _: close_popup())])
    hold()


def toasts() -> None:
    put_text("Toasts above")
    toast("A plain toast", duration=0)
    toast("A toast to click", duration=0, onclick=lambda: None)
    for color in ("success", "warn", "error"):
        toast(f"A {color} toast", duration=0, color=color)
    hold()


def crash() -> None:
    put_text("About to fail")
    raise ValueError("something broke")


def finished() -> None:
    put_text("All done")
