"""A PyWebIO coroutine app runs unchanged, tested with the kit in process (the kit puts the
alias in place for a script that imports pywebio, as the `desklaunch` command does)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desklaunch.compat import pywebio_installed

SCRIPT = Path(__file__).parents[1] / "e2e" / "ui" / "scripts" / "pywebio_async.py"


def test_a_coroutine_pywebio_app_runs_unchanged(desklaunch_app) -> None:
    app = desklaunch_app(SCRIPT)
    app.fill("Your name", "Ada")
    app.submit()
    assert "Hello, Ada" in app.text
    assert app.text.endswith("Finished")
    app.close()
    assert not pywebio_installed()  # the alias is gone again


def test_a_configured_coroutine_app_started_by_start_server_gets_its_title_and_theme(
        desklaunch_app, tmp_path) -> None:
    """PyWebIO's demos (output_usage, chat_room) are `@config` or documented `async def
    main()` apps that `start_server(main)` starts under the `__main__` guard."""
    script = tmp_path / "configured.py"
    script.write_text(
        "from pywebio import config, start_server\n"
        "from pywebio.output import put_text\n\n"
        "@config(title='Configured title', theme='dark')\n"
        "async def main():\n"
        "    '''The docstring's title'''\n"
        "    put_text('hi')\n\n"
        "if __name__ == '__main__':\n"
        "    start_server(main, port=8080, debug=True)\n", encoding="utf-8")
    app = desklaunch_app(script)
    app.wait_for("hi")
    assert app.title == "Configured title"
    script.write_text(script.read_text(encoding="utf-8").replace(
        "@config(title='Configured title', theme='dark')\n", ""), encoding="utf-8")
    assert desklaunch_app(script).title == "The docstring's title"


def test_an_app_configured_again_keeps_the_outer_settings(desklaunch_app, tmp_path) -> None:
    """PyWebIO's theme demo: `config(theme=..., title=...)(page)` of a page that has a
    `@config` of its own gives one app per theme, titled and themed by the outer call."""
    script = tmp_path / "themes.py"
    script.write_text(
        "from pywebio import config, start_server\n"
        "from pywebio.output import put_text\n\n"
        "@config(css_style='p { font-style: italic }')\n"
        "def page():\n"
        "    'Theme preview'\n"
        "    put_text('previewed')\n\n"
        "main = config(theme='dark', title='Dark preview')(page)\n\n"
        "if __name__ == '__main__':\n"
        "    start_server(main, port=8080)\n", encoding="utf-8")
    app = desklaunch_app(script)
    app.wait_for("previewed")
    assert app.title == "Dark preview"


def test_a_script_that_builds_a_view_for_a_web_framework_still_starts_its_app(
        desklaunch_app, tmp_path) -> None:
    """The PyWebIO-on-Heroku layout: a Flask view built at import, `start_server(main)` under
    the `__main__` guard. The view is never served here; building it must not stop the app."""
    script = tmp_path / "deployed.py"
    script.write_text(
        "from pywebio import start_server\n"
        "from pywebio.output import put_text\n"
        "from pywebio.platform.flask import webio_view\n"
        "from pywebio.platform.fastapi import webio_routes\n\n"
        "def main():\n"
        "    put_text('served in the window')\n\n"
        "view = webio_view(main)\n"
        "routes = webio_routes(main)\n"
        "if __name__ == '__main__':\n"
        "    start_server(main, port=8080)\n", encoding="utf-8")
    app = desklaunch_app(script)
    app.wait_for("served in the window")
    assert app.exit_code == 0


def test_a_configured_app_desklaunch_calls_itself_gets_its_title(desklaunch_app, tmp_path
                                                                 ) -> None:
    """A file of `path_deploy`'s kind (its `main()` called by nothing in it), and `@seo`:
    the page gets the settings as `start_server(main)` would give them."""
    script = tmp_path / "todo_list.py"
    script.write_text(
        "from pywebio import config\n"
        "from pywebio.output import put_text\n"
        "from pywebio.platform import seo\n\n"
        "@config(title='Configured title')\n"
        "def main():\n"
        "    put_text('hi')\n\n"
        "@seo('To-Do List')\n"
        "def todolist():\n"
        "    put_text('to do')\n", encoding="utf-8")
    app = desklaunch_app(script)
    app.wait_for("hi")
    assert app.title == "Configured title"
    app = desklaunch_app(f"{script}:todolist")
    app.wait_for("to do")
    assert app.title == "To-Do List"


CALLBACKS_APART = """
from pywebio.input import input
from pywebio.output import put_buttons, put_text
from pywebio.session import hold

def ask(_):
    put_text(f"Hello, {input('Your name')}")

put_buttons(["Ask"], onclick=ask)
put_buttons(["Count"], onclick=lambda _: put_text("counted"))
hold()
"""


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_pywebio_scripts_button_works_while_another_callback_waits(desklaunch_app, mode,
                                                                      tmp_path) -> None:
    """PyWebIO runs each callback on a thread of its own (`serial_mode=False`, its default):
    a button answers while another button's callback waits for the person."""
    script = tmp_path / "apart.py"
    script.write_text(CALLBACKS_APART, encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.click("Ask")
    app.find("textbox", "Your name")
    app.click("Count")
    assert "counted" in app.text.splitlines()
    app.fill("Your name", "Ada")
    app.submit()
    assert "Hello, Ada" in app.text


ENDS_WITH_BUTTONS = """
from pywebio.output import put_buttons, put_text

put_text("Ready")
put_buttons(["Add"], onclick=lambda _: put_text("added"))
"""


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_pywebio_script_that_ends_with_live_buttons_does_not_say_finished(
        desklaunch_app, mode, tmp_path) -> None:
    """A PyWebIO app's main often lays out its buttons and returns; PyWebIO shows nothing
    then, and the buttons keep working. A desklaunch script says "Finished"
    (tests/e2e/test_hello.py)."""
    script = tmp_path / "buttons.py"
    script.write_text(ENDS_WITH_BUTTONS, encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.wait_for("Ready")
    assert app.exit_code == 0
    app.click("Add")
    assert app.text.splitlines() == ["Ready", "Add", "added"]
    assert "Finished" not in app.text


UNLABELLED = """
from pywebio.input import checkbox, input, input_group
from pywebio.output import put_text

answers = input_group("Message", [input(name="msg"), input(placeholder="Task", name="task"),
                                  checkbox(name="flags", options=["urgent"])])
put_text(f"sent {answers['msg']} {answers['task']} {answers['flags']}")
"""


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_field_without_a_label_is_named_by_its_name(desklaunch_app, mode, tmp_path) -> None:
    """PyWebIO lets a field go without a label: a screen reader and a test find it by its
    placeholder, else its `name=`."""
    script = tmp_path / "unlabelled.py"
    script.write_text(UNLABELLED, encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.fill("msg", "hello")
    app.fill("Task", "shop")
    app.check("flags", "urgent")
    if mode:
        assert [p for p in app.accessibility_problems() if "label" in p.rule] == []
    app.submit()
    assert "sent hello shop ['urgent']" in app.text


STACKED = """
from pywebio.input import input
from pywebio.output import put_buttons, put_text

put_buttons(["Edit"], onclick=lambda _: put_text("edited: " + input("New name")))
while True:
    put_text("added: " + input("New task"))
"""


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_form_a_callback_asks_for_goes_on_top_of_the_waiting_one(desklaunch_app, mode,
                                                                   tmp_path) -> None:
    """As in PyWebIO: one question at a time. The script's form comes back once the
    callback's is answered."""
    script = tmp_path / "stacked.py"
    script.write_text(STACKED, encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.find("textbox", "New task")
    app.click("Edit")
    app.find("textbox", "New name")
    assert [box.name for box in app.find_all("textbox")] == ["New name"]
    app.fill("New name", "Ada")
    app.submit()
    assert "edited: Ada" in app.text
    assert [box.name for box in app.find_all("textbox")] == ["New task"]
    app.fill("New task", "shop")
    app.submit()
    assert "added: shop" in app.text


def test_start_server_given_what_the_app_returned_says_so(desklaunch_app, tmp_path) -> None:
    """`start_server(main())`: main runs, then start_server gets None."""
    script = tmp_path / "called.py"
    script.write_text("from pywebio import start_server\nfrom pywebio.output import put_text\n\n"
                      "def main():\n    put_text('ran')\n\nstart_server(main(), port=80)\n",
                      encoding="utf-8")
    app = desklaunch_app(script, expect_error=True)
    app.wait_for("ran")
    assert isinstance(app.error, TypeError)
    assert "pass main, not main()" in str(app.error)


def test_a_pywebio_apps_error_shows_its_own_frames_only(desklaunch_app, tmp_path) -> None:
    """`start_server(main)` whose main raises: the traceback goes from the script's
    `start_server` line to `main`'s, without desklaunch's frames between them."""
    script = tmp_path / "broken.py"
    script.write_text("from pywebio import start_server\nfrom pywebio.output import put_text\n\n"
                      "def main():\n    put_text('before')\n    None + 1\n\n"
                      "start_server(main, port=8080)\n", encoding="utf-8")
    app = desklaunch_app(script, expect_error=True)
    app.wait_for("TypeError: unsupported operand")
    assert 'broken.py", line 8, in <module>' in app.text
    assert 'broken.py", line 6, in main' in app.text
    assert "desklaunch" not in app.text


def test_an_async_app_of_several_shows_its_own_frames_only(desklaunch_app, tmp_path) -> None:
    """`start_server({"index": a, "b": b})` whose async `b` raises: its traceback starts at
    `b`, without the event loop desklaunch ran it on or desklaunch's own frames."""
    script = tmp_path / "several.py"
    script.write_text("from pywebio import start_server\nfrom pywebio.output import put_link\n\n"
                      "def a():\n    put_link('go b', app='b')\n\n"
                      "async def b():\n    raise ValueError('async boom')\n\n"
                      "start_server({'index': a, 'b': b}, port=8765)\n", encoding="utf-8")
    app = desklaunch_app(script)
    app.find("link", "go b").click()
    app.wait_for("ValueError: async boom")
    assert 'several.py", line 8, in b' in app.text
    assert "desklaunch" not in app.text and "asyncio" not in app.text


def test_an_async_apps_error_is_the_scripts_once_from_its_own_code(desklaunch_app,
                                                                    tmp_path) -> None:
    """`start_server(async_main)` whose main raises: one error, the script's (it was also a
    toast "Error in a callback"), its traceback without the hand-over to the event loop."""
    script = tmp_path / "broken.py"
    script.write_text("from pywebio import start_server\nfrom pywebio.output import put_text\n\n"
                      "async def main():\n    put_text('before')\n"
                      "    raise ValueError('broken on purpose')\n\n"
                      "if __name__ == '__main__':\n    start_server(main, port=8080)\n",
                      encoding="utf-8")
    app = desklaunch_app(script, expect_error=True)
    app.wait_for("ValueError: broken on purpose")
    assert app.toasts == []
    assert "concurrent" not in app.text and "in tracked" not in app.text
    assert 'broken.py", line 6, in main' in app.text


PIN_FILE = """
from pywebio.output import put_text
from pywebio.pin import pin_wait_change, put_file_upload

put_file_upload(name="song", accept=".txt", placeholder="Pick a file", help_text="A tune")
changed = pin_wait_change("song")
put_text(f"got {changed['value']['filename']}")
"""


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_pin_file_field_without_a_label_is_named_by_its_placeholder(desklaunch_app, mode,
                                                                       tmp_path) -> None:
    """A screen reader says "Pick a file", axe finds no field without a name, and the kit
    sends a file to a pin field as a person's choice does."""
    script, tune = tmp_path / "pin_file.py", tmp_path / "tune.txt"
    script.write_text(PIN_FILE, encoding="utf-8")
    tune.write_text("do re mi", encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    if mode:
        assert app.accessibility_problems() == []
    app.upload("Pick a file", tune)
    app.wait_for("got tune.txt")


def test_a_pywebio_script_prints_the_user_agent_as_pywebio_does(desklaunch_app,
                                                                  tmp_path) -> None:
    """PyWebIO's `info.user_agent` prints as "PC / Linux / Chrome 1.2.3"; scripts show it."""
    script = tmp_path / "agent.py"
    script.write_text("from pywebio.output import put_text\n"
                      "from pywebio.session import info\n"
                      "put_text(f'{info.user_agent}')\n"
                      "put_text(str(info.user_agent.ua_string.startswith('Mozilla/5.0')))\n",
                      encoding="utf-8")
    app = desklaunch_app(script, browser=True)
    app.wait_for("True")
    assert re.fullmatch(r"PC / Linux / (Headless)?Chrome \d+\.\d+\.\d+", app.text.splitlines()[0])


RELOADS = """
from pywebio.input import actions
from pywebio.output import put_text
from pywebio.session import run_js

if actions("Go?", ["Reload", "Stay"]) == "Reload":
    put_text("reloading")
    run_js("window.location.reload()")
else:
    put_text("stayed")
"""


def test_a_pywebio_app_that_reloads_its_page_starts_over(desklaunch_app, tmp_path) -> None:
    """PyWebIO apps `run_js("location.reload()")` to start over (after a sign-up, to show
    the sign-in); under PyWebIO a page loaded again is a new session, so here too."""
    script = tmp_path / "reloads.py"
    script.write_text(RELOADS, encoding="utf-8")
    app = desklaunch_app(script, browser=True)
    app.click("Reload")
    app.find("button", "Stay")  # asked again, on the page loaded anew
    assert "reloading" not in app.text
    app.click("Stay")
    assert "stayed" in app.text.splitlines()
    assert app.exit_code == 0


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_row_of_buttons_is_not_named_by_its_key(desklaunch_app, mode, tmp_path) -> None:
    """`put_actions("action_x3f", buttons=[...])` without a label: the buttons have their
    names; the pin's key is no word for a person (a screen reader would read it out)."""
    script = tmp_path / "row.py"
    script.write_text("from pywebio.output import put_text\n"
                      "from pywebio.pin import pin_wait_change, put_actions\n"
                      "put_actions('action_x3f', buttons=['Go'])\n"
                      "put_text(f\"pressed {pin_wait_change('action_x3f')['value']}\")\n",
                      encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.find("button", "Go")
    assert app.find_all(name="action_x3f") == []
    app.click("Go")
    app.wait_for("pressed Go")


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_an_image_address_naming_no_file_is_said_and_the_app_goes_on(desklaunch_app, mode,
                                                                       tmp_path) -> None:
    """PyWebIO takes any string for an image address; one it cannot load is a broken
    image and the app goes on. A desklaunch script's missing file stays an error."""
    script = tmp_path / "pictures.py"
    script.write_text("from pywebio.output import put_image, put_text\n"
                      "put_image('some-image.png')\nput_text('after image')\n",
                      encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.wait_for("after image")
    assert app.text.splitlines()[:2] == ["Image not shown: some-image.png (no such file)",
                                         "after image"]
    assert app.exit_code == 0


DEPENDENT_FORM = """
from pywebio import start_server
from pywebio.output import put_buttons, put_scope, put_text, use_scope
from pywebio.pin import pin, pin_on_change, put_input, put_select

@use_scope("extra", clear=True)
def show_extra(choice):
    if choice == "Add new":
        put_input("new_1", label="New name")

def main():
    put_select("kind", ["Add new", "option_1"], label="Kind")
    put_scope("extra")
    show_extra("Add new")
    pin_on_change("kind", onchange=show_extra)
    put_buttons(["Submit"], onclick=lambda _: put_text("new_1: %r" % (pin.new_1,)))

start_server(main, port=8080)
"""


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_field_a_cleared_scope_took_away_reads_none_as_in_pywebio(desklaunch_app, mode,
                                                                    tmp_path) -> None:
    """PyWebIO's demo dependent_form_generation saves `pin.new_1` after the field's scope
    was redrawn without it: PyWebIO gives None, not the text typed in it before."""
    script = tmp_path / "dependent_form.py"
    script.write_text(DEPENDENT_FORM, encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.fill("New name", "typed before")
    app.click("Submit")
    app.wait_for("new_1: 'typed before'")
    app.set_pin("kind", "option_1")
    app.click("Submit")
    app.wait_for("new_1: None")


ASYNC_BUTTON = """
from pywebio import start_server
from pywebio.output import put_button, put_text
from pywebio.pin import get_pin_values, pin, put_input

async def save():
    put_text("saved: " + str(await pin.name))

async def main():
    put_input("name", value="ada", label="Name")
    put_text("first: " + (await pin.name) + " " + str(await get_pin_values(["name"])))
    put_button("Save", onclick=save)

start_server(main, port=8080)
"""


def test_an_async_button_callback_of_a_coroutine_app_in_a_plain_script_is_awaited(
        desklaunch_app, tmp_path) -> None:
    script = tmp_path / "editor.py"
    script.write_text(ASYNC_BUTTON, encoding="utf-8")
    app = desklaunch_app(script)
    app.wait_for("first: ada {'name': 'ada'}")  # PyWebIO's reads are awaited in a coroutine
    app.fill("Name", "grace")
    app.click("Save")
    app.wait_for("saved: grace")


def test_the_platform_modules_are_there_after_import_pywebio(desklaunch_app, tmp_path) -> None:
    script = tmp_path / "plain_import.py"
    script.write_text("import pywebio\n\n"
                      "def main():\n"
                      "    pywebio.output.put_text('hello')\n\n"
                      "pywebio.platform.tornado.start_server(main)\n", encoding="utf-8")
    desklaunch_app(script).wait_for("hello")


def test_an_app_that_leaves_its_work_to_run_async_does_not_say_finished(desklaunch_app,
                                                                          tmp_path) -> None:
    script = tmp_path / "chat.py"
    script.write_text(
        "from pywebio import start_server\n"
        "from pywebio.input import input\n"
        "from pywebio.output import put_text\n"
        "from pywebio.session import run_async\n\n"
        "async def chat():\n"
        "    while True:\n"
        "        put_text('said ' + await input('Say something'))\n\n"
        "async def main():\n"
        "    run_async(chat())\n\n"
        "start_server(main, port=8080)\n", encoding="utf-8")
    app = desklaunch_app(script)
    app.fill("Say something", "hi")
    app.submit()
    app.wait_for("said hi")
    assert "Finished" not in app.text


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_scope_name_used_twice_says_so_and_its_outputs_go_to_the_first(
        desklaunch_app, mode, tmp_path) -> None:
    script = tmp_path / "twice.py"
    script.write_text(
        "from pywebio.output import put_row, put_scope, put_text, use_scope\n"
        "with use_scope('body'):\n"
        "    put_text('first')\n"
        "put_row([put_text('left'), put_scope('body')])\n"
        "with use_scope('body'):\n"
        "    put_text('second')\n", encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.wait_for("second")
    lines = app.text.splitlines()
    assert lines[:3] == ["first", "second", "left"]
    assert lines[3] == ("Error: The name of this scope is duplicated with the previous one! "
                        "(body)")


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_scope_name_used_twice_at_once_says_so_and_shows_nothing_of_the_second(
        desklaunch_app, mode, tmp_path) -> None:
    script = tmp_path / "twice_at_once.py"
    script.write_text(
        "from pywebio.output import put_scope, put_text\n"
        "put_scope('box', put_text('first'))\n"
        "put_scope('box', put_text('second'))\n"
        "put_text('into box', scope='box')\n", encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.wait_for("into box")
    assert app.text.splitlines()[:3] == [
        "first", "into box",
        "Error: The name of this scope is duplicated with the previous one! (box)"]


LEAVING = """
from pywebio.input import input, input_group
from pywebio.output import put_text

answers = input_group("Sign up", [
    input("Username", name="user", validate=lambda v: "taken" if v == "admin" else None),
    input("City", name="city")])
put_text(f"welcome {answers['user']} of {answers['city']}")
"""


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_field_is_checked_as_the_person_leaves_it(desklaunch_app, mode, tmp_path) -> None:
    """PyWebIO runs a field's `validate` as it loses the focus, not only at Submit."""
    script = tmp_path / "signup.py"
    script.write_text(LEAVING, encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.fill("Username", "admin")
    app.fill("City", "Paris")  # the focus leaves Username
    app.wait_for("taken")
    app.fill("Username", "ada")
    app.fill("City", "Lyon")
    assert "taken" not in app.text  # checked again as it was left: passes now
    app.submit()
    app.wait_for("welcome ada of Lyon")


def test_buttons_whose_onclick_is_a_placeholder_show_and_a_click_says_so(desklaunch_app,
                                                                        tmp_path) -> None:
    """PyWebIO's own docs write `onclick=...`: PyWebIO draws the buttons and logs a click."""
    script = tmp_path / "layout_demo.py"
    script.write_text("from pywebio.output import put_buttons, put_table, put_text\n"
                      "put_table([['buttons', put_buttons(['A', 'B'], onclick=...)]])\n"
                      "put_text('after')\n", encoding="utf-8")
    app = desklaunch_app(script, expect_error=True)
    app.wait_for("after")
    app.click("A")
    assert isinstance(app.error, TypeError) and "placeholder" in str(app.error)


def test_a_popup_of_a_size_pywebio_does_not_name_shows_at_the_normal_size(
        desklaunch_app, tmp_path) -> None:
    """Blackjack-Monkey's `popup(title, content, 5, True)`: PyWebIO checks no size."""
    script = tmp_path / "rules.py"
    script.write_text("from pywebio.output import popup, put_text\n"
                      "popup('Rules', [put_text('Hit or stand')], 5, True)\n"
                      "put_text('dealt')\n", encoding="utf-8")
    app = desklaunch_app(script)
    assert app.popup is not None and app.popup.name == "Rules"
    assert "dealt" in app.text


def test_a_whole_float_is_an_int_as_pywebios_page_sends_it(desklaunch_app, tmp_path) -> None:
    script = tmp_path / "maths.py"
    script.write_text("from pywebio.input import FLOAT, input\n"
                      "from pywebio.output import put_text\n"
                      "put_text(f'Result is: {input(\"x\", type=FLOAT) ** 2}')\n"
                      "put_text(f'Then: {input(\"y\", type=FLOAT) * 2}')\n", encoding="utf-8")
    app = desklaunch_app(script)
    app.fill("x", "3")
    app.submit()
    app.fill("y", "1.5")
    app.submit()
    assert "Result is: 9" in app.text.splitlines()
    assert "Then: 3.0" in app.text.splitlines()


START_OVER = """
from pywebio import start_server
from pywebio.input import actions
from pywebio.output import put_text
from pywebio.session import go_app

def main():
    put_text("Round dealt")
    if actions("Next?", ["Start over", "Stand"]) == "Start over":
        go_app("main", new_window=False)
    else:
        put_text("stood")

start_server(main, port=8080)
"""


def test_go_app_in_a_one_app_server_starts_the_app_afresh(desklaunch_app, tmp_path) -> None:
    """Blackjack-Monkey's "Start Over": PyWebIO's page goes to `?app=main`, which its one-app
    server answers with that app, started anew."""
    script = tmp_path / "table.py"
    script.write_text(START_OVER, encoding="utf-8")
    app = desklaunch_app(script, browser=True)
    app.click("Start over")
    app.find("button", "Stand")  # asked again, on the page loaded anew
    assert app.text.splitlines().count("Round dealt") == 1
    app.click("Stand")
    assert "stood" in app.text.splitlines()


UNKNOWN_APP = """
from pywebio import start_server
from pywebio.output import put_buttons, put_link, put_text
from pywebio.session import go_app

def index():
    put_text("The index")
    put_link("Play", app="game")

def game():
    put_buttons(["Settings"], onclick=lambda _: go_app("settings", new_window=False))

start_server({"index": index, "game": game})
"""


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_go_app_to_an_app_a_server_lacks_shows_its_index(desklaunch_app, mode,
                                                         tmp_path) -> None:
    """PyWebIO's server answers `?app=` with its index app for a name it does not know."""
    script = tmp_path / "apps.py"
    script.write_text(UNKNOWN_APP, encoding="utf-8")
    app = desklaunch_app(script, browser=mode)
    app.find("link", "Play").click()
    app.click("Settings")
    app.wait_for("The index")
    assert app.error is None
