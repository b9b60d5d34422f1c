"""What AppTest does besides running scripts: finding, waiting, failing clearly, and
reporting the script's own errors — both ways where the page matters."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

import pytest

from desklaunch.errors import UsageError
from desklaunch.testing import (
    ActionError,
    AppTest,
    KitError,
    Module,
    ScriptError,
    WaitTimeoutError,
)
from desklaunch.ui import (
    NUMBER,
    checkbox,
    close_popup,
    defer_call,
    file_upload,
    input,
    input_group,
    pin,
    pin_wait_change,
    popup,
    put_actions,
    put_buttons,
    put_checkbox,
    put_input,
    put_select,
    put_slider,
    put_table,
    put_tabs,
    put_text,
    radio,
    register_thread,
    select,
    slider,
    toast,
)

SCRIPTS = Path(__file__).parent / "scripts"


def crashing() -> None:
    name = input("Your name")
    raise ValueError(f"no {name} here")


def test_a_timeout_names_what_was_awaited_and_shows_the_screen(desklaunch_app, mode) -> None:
    def main() -> None:
        put_text("Welcome")
        input("Your name")

    app = desklaunch_app(main, browser=mode, timeout=0.5)
    with pytest.raises(WaitTimeoutError) as failure:
        app.fill("Your age", "3")
    message = str(failure.value)
    assert "waited 0.5 s for a field labelled 'Your age'" in message
    assert "the screen shows:\n    Welcome\n    Your name\n    Submit" in message


def test_a_field_not_found_names_the_labels_shown_and_the_nearest(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_greet.py", browser=mode, timeout=0.5)
    with pytest.raises(WaitTimeoutError) as failure:
        app.fill("Your name", "Ada")  # the prompt's colon is part of the label
    message = str(failure.value)
    assert "\nThe fields shown are labelled " in message
    assert message.endswith("'Your name:'. Did you mean 'Your name:'?")


def test_the_scripts_exception_fails_the_test_with_its_traceback(desklaunch_app, mode) -> None:
    app = desklaunch_app(crashing, browser=mode)
    app.fill("Your name", "Ada")
    with pytest.raises(ScriptError, match="the script raised ValueError: no Ada here") as failed:
        app.submit()
    cause = failed.value.__cause__
    assert isinstance(cause, ValueError)
    frames = traceback.extract_tb(cause.__traceback__)
    assert frames[-1].name == "crashing"
    assert frames[-1].line == 'raise ValueError(f"no {name} here")'
    assert "The script stopped with an error" in app.text  # the page shows it too
    assert app.exit_code == 1


def test_a_step_waits_for_its_event_however_late_the_page_posts_it(desklaunch_app) -> None:
    """On a busy machine the page's post may reach the server frames after the key press;
    the step still returns only once the script has done what the post set off. Here the
    post is slowed by Chromium's own network throttling (about 3 KB a second up)."""
    app = desklaunch_app(crashing, browser=True)
    page = app._screen.page  # type: ignore[attr-defined]
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    network.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 3000})
    app.fill("Your name", "Ada")
    with pytest.raises(ScriptError, match="the script raised ValueError: no Ada here"):
        app.submit()


def test_an_expected_error_is_read_not_raised(desklaunch_app) -> None:
    app = desklaunch_app(crashing, expect_error=True)
    app.fill("Your name", "Bo")
    app.submit()
    assert isinstance(app.error, ValueError) and str(app.error) == "no Bo here"
    assert app.find("generic", "Traceback").text.endswith("ValueError: no Bo here")


def test_a_failing_callback_fails_the_test(desklaunch_app) -> None:
    def main() -> None:
        put_buttons(["Break"], onclick=lambda _: 1 / 0)

    app = desklaunch_app(main)
    with pytest.raises(ScriptError, match="ZeroDivisionError"):
        app.click("Break")
    assert app.toasts == ["Error in a callback: ZeroDivisionError('division by zero')"]


def test_an_error_after_the_test_looked_for_none_still_fails_the_test(desklaunch_app) -> None:
    def main() -> None:
        put_buttons(["Break"], onclick=lambda _: 1 / 0)

    app = desklaunch_app(main)
    assert app.error is None  # nothing yet: this expects no error, now or later
    with pytest.raises(ScriptError, match="ZeroDivisionError"):
        app.click("Break")


def test_an_error_nobody_looked_at_fails_at_close() -> None:
    app = AppTest.from_function(crashing)
    app.fill("Your name", "Cy")
    app._screen.submit()  # acting without the check each verb makes
    with pytest.raises(ScriptError, match="no Cy here"):
        app.close()


def test_a_failing_deferred_cleanup_fails_the_test_at_close(mode) -> None:
    """`defer_call` is where an app saves its state as it closes: a cleanup that raises is
    a broken app, as a failing callback is."""
    def main() -> None:
        @defer_call
        def save() -> None:
            raise RuntimeError("could not save the settings")

        put_text("Editing")

    app = AppTest.from_function(main, browser=mode)
    assert app.text.splitlines()[0] == "Editing"
    with pytest.raises(ScriptError, match="RuntimeError: could not save the settings"):
        app.close()


def test_elements_are_found_by_role_name_and_text(desklaunch_app, mode) -> None:
    def main() -> None:
        put_text("Pick one")
        put_buttons(["Same", "Same", "Other"], onclick=lambda label: put_text(f"got {label}"))

    app = desklaunch_app(main, browser=mode)
    assert app.find(text="Pick one").text == "Pick one"
    assert [b.name for b in app.find_all("button")] == ["Same", "Same", "Other"]
    with pytest.raises(ActionError, match="2 things fit"):
        app.click("Same")
    app.click("Same", index=-1)
    app.click("Other")
    assert app.text.splitlines()[-3:] == ["got Same", "got Other", "Finished"]
    with pytest.raises(WaitTimeoutError, match="role 'button' named 'Missing'"):
        app.find("button", "Missing", timeout=0.2)


def test_toasts_and_popups(desklaunch_app, mode) -> None:
    def main() -> None:
        toast("Saved", duration=0)
        put_buttons(["About"], onclick=lambda _: popup("About", [put_text("Version 1")]))

    app = desklaunch_app(main, browser=mode)
    assert app.toasts == ["Saved"]
    assert app.popup is None
    app.click("About")
    assert app.popup is not None and app.popup.name == "About"
    assert "Version 1" in app.popup.text
    app.close_popup()
    assert app.popup is None


def test_while_a_popup_is_open_only_its_buttons_are_clicked(desklaunch_app, mode) -> None:
    """A "Delete" in the popup and one behind it: the popup's is the one a person can
    press, both ways (the browser counted the one behind the modal too)."""
    def main() -> None:
        def ask(_: Any) -> None:
            popup("Delete note?", [put_buttons(["Delete"], onclick=lambda _: gone())])

        def gone() -> None:
            close_popup()
            put_text("deleted from the popup")

        put_buttons(["Delete"], onclick=ask)

    app = desklaunch_app(main, browser=mode)
    app.click("Delete")
    assert app.popup is not None
    app.click("Delete")
    app.wait_for("deleted from the popup")
    assert app.popup is None


def test_submit_after_a_click_on_submit_is_the_next_forms(desklaunch_app, mode) -> None:
    """fill, click("Submit"), then a choice in the next form and submit(): the field filled
    first is gone with its form, so submit() is the new form's Submit."""
    def main() -> None:
        a = input("A")
        b = radio("B", ["x", "y"])
        put_text(f"{a} {b}")

    app = desklaunch_app(main, browser=mode)
    app.fill("A", "1")
    app.click("Submit")
    app.choose("B", "x")
    app.submit()
    assert "1 x" in app.text.splitlines()


def test_choices_boxes_and_files(desklaunch_app, mode, tmp_path) -> None:
    def main() -> None:
        answers = input_group("Order", [
            select("Size", ["Small", "Large"], name="size"),
            radio("Crust", ["Thin", "Thick"], name="crust"),
            checkbox("Toppings", ["Ham", "Olives", "Basil"], name="toppings"),
            checkbox("", ["I agree"], name="agree"),
            file_upload("Photo", name="photo", max_size=10),
        ])
        put_text(f"{answers['size']} {answers['crust']} {answers['toppings']} "
                 f"{answers['agree']} {answers['photo']['content']!r}")

    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_bytes(b"tiny")
    large.write_bytes(b"far too large")
    app = desklaunch_app(main, browser=mode)
    app.choose("Size", "Large")
    app.choose("Crust", "Thick")
    app.check("Toppings")
    app.uncheck("Toppings", "Olives")
    app.check("I agree")
    app.upload("Photo", large)
    assert "large.txt is larger than 10 bytes" in app.find("alert").text
    app.upload("Photo", small)
    app.submit()
    assert "Large Thick ['Ham', 'Basil'] ['I agree'] b'tiny'" in app.text

def test_a_file_too_large_stays_listed_and_holds_the_form_until_removed(desklaunch_app, mode,
                                                                       tmp_path) -> None:
    """As under PyWebIO: a file over `max_size` is listed, not sent, and Submit says so
    again rather than answering without it; removing it lets the form go."""
    def main() -> None:
        photos = file_upload("Photos", max_size=10, multiple=True)
        put_text(f"Got {[p['filename'] for p in photos]}")

    large, small = tmp_path / "large.txt", tmp_path / "small.txt"
    large.write_bytes(b"far too large")
    small.write_bytes(b"tiny")
    app = desklaunch_app(main, browser=mode)
    app.upload("Photos", large, small)
    refusal = "large.txt is larger than 10 bytes, the most this field accepts"
    assert app.find("alert").text == refusal
    assert [item.text.split("\n") for item in app.find_all("listitem")] == [
        ["large.txt", "13 bytes", "too large, not sent", "Remove"],
        ["small.txt", "4 bytes", "Remove"]]
    app.submit()
    assert app.find("alert").text == refusal
    assert "Got" not in app.text
    app.click("Remove large.txt")
    assert app.find_all("alert") == []
    app.submit()
    assert "Got ['small.txt']" in app.text


def test_a_button_in_a_tab_not_chosen_is_not_the_one_clicked(desklaunch_app, mode) -> None:
    """Two tabs each with a "Go" button: the one in the chosen tab is what a person sees."""
    def script() -> None:
        def shown(tab: str) -> Any:
            return put_buttons(["Go"], onclick=lambda _: put_text(f"Go in {tab}"))

        put_tabs([{"title": "One", "content": shown("One")},
                  {"title": "Two", "content": shown("Two")}])

    app = desklaunch_app(script, browser=mode)
    app.click("Two")
    app.click("Go")
    assert "Go in Two" in app.text
    assert app.find("button", "Go").name == "Go"


def test_fields_of_the_same_label_are_told_apart_by_index(desklaunch_app, mode) -> None:
    def main() -> None:
        items = input_group("Shopping", [input("Item", name="first"),
                                         input("Item", name="second")])
        put_text(f"{items['first']} then {items['second']}")

    app = desklaunch_app(main, browser=mode)
    with pytest.raises(ActionError, match="2 things fit a field labelled 'Item'"):
        app.fill("Item", "bread")
    app.fill("Item", "bread", index=0)
    app.fill("Item", "milk", index=-1)
    app.submit()
    assert "bread then milk" in app.text


def test_lists_and_boxes_of_the_same_label_are_told_apart_by_index(desklaunch_app, mode,
                                                                    tmp_path) -> None:
    def main() -> None:
        order = input_group("Order", [
            select("Size", ["S", "M"], name="shirt"),
            select("Size", ["L", "XL"], name="coat"),
            checkbox("Extras", ["Gift wrap"], name="shirt_extras"),
            checkbox("Extras", ["Gift wrap"], name="coat_extras"),
            file_upload("Photo", name="front"),
            file_upload("Photo", name="back"),
        ])
        put_text(f"shirt {order['shirt']} {order['shirt_extras']}, "
                 f"coat {order['coat']} {order['coat_extras']}, "
                 f"photos {order['front']['filename']} {order['back']['filename']}")

    (tmp_path / "front.png").write_bytes(b"front")
    (tmp_path / "back.png").write_bytes(b"back")
    app = desklaunch_app(main, browser=mode)
    with pytest.raises(ActionError, match="2 things fit"):
        app.choose("Size", "XL")
    app.choose("Size", "M", index=0)
    app.choose("Size", "XL", index=1)
    app.check("Extras", "Gift wrap", index=-1)
    app.upload("Photo", tmp_path / "front.png", index=0)
    app.upload("Photo", tmp_path / "back.png", index=1)
    app.submit()
    assert "shirt M [], coat XL ['Gift wrap'], photos front.png back.png" in app.text


def test_a_group_of_one_box_named_as_its_box_is_one_thing_to_tick(desklaunch_app,
                                                                   mode) -> None:
    def main() -> None:
        task = input_group("New task", [input("Title", name="title"),
                                        checkbox("Flags", ["Urgent", "Later"], name="flags"),
                                        checkbox("Urgent", ["Urgent"], name="urgent")])
        put_text(f"{task['title']}: {task['urgent']} {task['flags']}")

    app = desklaunch_app(main, browser=mode)
    app.fill("Title", "Call Ada")
    app.check("Urgent", "Urgent")  # the group's box, not the box of Flags named so too
    app.submit()
    assert "Call Ada: ['Urgent'] []" in app.text


def test_options_may_be_given_as_one_list(desklaunch_app, mode) -> None:
    """`check("Toppings", ["Ham", "Basil"])` as well as `check("Toppings", "Ham", "Basil")`;
    a number is its digits; anything else is refused in one line."""
    def main() -> None:
        answers = input_group("Order", [
            select("Count", [1, 2, 3], name="count"),
            checkbox("Toppings", ["Ham", "Olives", "Basil"], name="toppings"),
        ])
        put_text(f"{answers['count']} {answers['toppings']}")

    app = desklaunch_app(main, browser=mode)
    with pytest.raises(TypeError, match="an option is the text shown beside it, not"):
        app.check("Toppings", {"Ham"})
    app.choose("Count", 2)
    app.check("Toppings", ["Ham", "Basil"])
    app.submit()
    assert "2 ['Ham', 'Basil']" in app.text


def test_pins_are_set_as_a_person_sets_them(desklaunch_app, mode) -> None:
    def main() -> None:
        put_select("size", ["S", "M", "L"], label="Size")
        put_checkbox("extras", ["Bag", "Receipt"], label="Extras")
        put_slider("count", label="Count", value=1, min_value=1, max_value=9)
        while True:
            pin_wait_change("size", "extras", "count")
            put_text(f"{pin.size} {pin.extras} {pin.count}")

    app = desklaunch_app(main, browser=mode)
    app.set_pin("size", "L")
    app.set_pin("extras", ["Receipt"])
    app.set_pin("count", 4)
    assert app.text.splitlines()[-1] == "L ['Receipt'] 4"


def test_wait_for_what_a_thread_shows_later(desklaunch_app, mode) -> None:
    def main() -> None:
        def later() -> None:
            time.sleep(0.2)
            put_text("Done in the background")

        worker = threading.Thread(target=later)
        register_thread(worker)
        worker.start()
        put_text("Working")
        worker.join()

    app = desklaunch_app(main, browser=mode, settle=0.05)
    app.wait_for("Done in the background")
    assert app.exit_code == 0


def test_the_exit_code_is_none_until_the_script_ends(desklaunch_app) -> None:
    def main() -> None:
        input("Continue?")
        raise SystemExit(4)

    app = desklaunch_app(main)
    assert app.exit_code is None
    app.submit()
    assert app.exit_code == 4
    assert "Finished (exit code 4)" in app.text



def test_a_long_log_is_read_whole_though_its_start_is_out_of_view(desklaunch_app, mode) -> None:
    """Console mode draws only the blocks of lines in view (`content-visibility`); the kit
    reads the whole log, as a person scrolling it would (Chromium's innerText alone leaves
    the undrawn lines out)."""
    app = desklaunch_app(SCRIPTS / "console_long.py", browser=mode)
    app.wait_for("line 2000")
    lines = app.find("log", "Output").text.splitlines()
    assert [line for line in lines if line.startswith("line ")] == \
        [f"line {number}" for number in range(1, 2001)]
    assert "line 1" in app.text.splitlines()


def test_a_program_drawing_on_its_screen_reads_as_its_screen(desklaunch_app, mode,
                                                              monkeypatch) -> None:
    monkeypatch.delenv("TERM", raising=False)  # as a desktop's menu starts the app
    app = desklaunch_app(SCRIPTS / "console_screen.py", browser=mode)
    app.wait_for("Ready?")
    log = app.find("log", "Output")
    assert log.text.splitlines()[1:3] == ["Welcome", "TERM is xterm-256color"]
    app.submit()
    app.wait_for("Again?")
    # what the game drew, where it drew it; what came before `clear` is gone, as in a terminal
    assert log.text.splitlines()[1:] == ["Score: 20", "", "       @", "", "Again?"]
    app.submit()
    app.wait_for("Done?")
    assert log.text.splitlines()[1:] == ["after a reset", "Done?"]


def test_a_saved_cursor_and_the_screens_last_column_read_as_in_a_terminal(desklaunch_app,
                                                                          mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_cursor_edges.py", browser=mode)
    app.wait_for("Done?")
    lines = app.find("log", "Output").text.splitlines()[1:]
    assert lines[:5] == [" restored", "", "", " " * 77 + "ABC", "DE"]
    numbers = ", ".join(str(number) for number in range(200)) + " Done?"
    # written after a cursor move, so wrapped at the screen's 80 columns, as in a terminal
    assert lines[5:] == [numbers[at:at + 80].rstrip() for at in range(0, len(numbers), 80)]


def test_the_rows_a_cursor_moves_to_are_a_terminals_last_24(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_screen_rows.py", browser=mode)
    app.wait_for("Done?")
    lines = app.find("log", "Output").text.splitlines()[1:]
    assert lines[7] == "line 08  <- row 1"
    assert lines[-3:] == ["line 30", "row 24", "Done?"]


def test_erasing_below_the_cursor_takes_the_rows_below_off(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_erase_below.py", browser=mode)
    app.wait_for("Done?")
    assert app.find("log", "Output").text.splitlines()[1:] == \
        ["line 1", "line 2", "new 3", "Done?"]


def test_a_spinner_moving_the_cursor_left_stays_in_its_place(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_spinner.py", browser=mode)
    app.wait_for("Done?")
    assert app.find("log", "Output").text.splitlines()[1:] == \
        ["Working  done", "a   b", "Done?"]


def test_lines_a_program_redraws_read_as_they_were_redrawn(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_redraws.py", browser=mode)
    app.wait_for("Done?")
    assert app.find("log", "Output").text.splitlines()[1:] == \
        ["Downloads:", "file1: 100%", "file2: 50%", "saved", "checked: 2", "Done?"]



def run_plain_script(folder: Path, source: str) -> subprocess.CompletedProcess[str]:
    """Run a test script of the kit's user outside pytest, as `python check.py`."""
    test = folder / "check.py"
    test.write_text(source)
    return subprocess.run([sys.executable, str(test)], capture_output=True, text=True,
                          timeout=60)


def test_what_a_test_prints_outside_pytest_stays_the_tests(tmp_path: Path) -> None:
    """Under pytest the capture keeps a test's prints apart; run as a plain script (or with
    `pytest -s`), the test's prints went to the real stdout, whose descriptor a console run
    had taken over, and so into the app's log."""
    run = run_plain_script(
        tmp_path,
        "import sys\n"
        "from desklaunch.testing import AppTest\n"
        f"app = AppTest.from_file({str(SCRIPTS / 'console_greet.py')!r})\n"
        "print('the test speaks')\n"
        "print('the test warns', file=sys.stderr)\n"
        "app.fill('Your name:', 'Ada')\n"
        "app.submit()\n"
        "log = app.find('log', 'Output').text\n"
        "app.close()\n"
        "print('LOG', repr(log))\n")
    assert run.stdout.splitlines() == [
        "the test speaks",
        "LOG '$ console_greet.py\\nYour name: Ada\\nHi, Ada!\\nsomething went wrong'"]
    assert run.stderr == "the test warns\n"


def test_a_plain_script_that_leaves_apps_open_still_ends(tmp_path: Path) -> None:
    """Outside pytest nothing closes an app for the test: one whose script still waits for
    a person, one whose buttons keep it going and a console one used to keep Python waiting
    for their threads forever after the test's last line."""
    run = run_plain_script(
        tmp_path,
        "from desklaunch.testing import AppTest\n"
        f"waiting = AppTest.from_file({str(SCRIPTS / 'console_greet.py')!r})\n"
        "def greet():\n"
        "    from desklaunch.ui import input, put_buttons, put_text\n"
        "    put_text('Hello, ' + input('Your name'))\n"
        "    put_buttons(['Again'], onclick=put_text)\n"
        "done = AppTest.from_function(greet)\n"
        "done.fill('Your name', 'Ada')\n"
        "done.submit()\n"
        "print(done.text.splitlines()[0])\n")
    assert (run.returncode, run.stdout, run.stderr) == (0, "Hello, Ada\n", "")


def test_a_script_error_nobody_looked_at_is_printed_when_a_plain_script_ends(
        tmp_path: Path) -> None:
    run = run_plain_script(
        tmp_path,
        "from desklaunch.testing import AppTest\n"
        "def broken():\n"
        "    raise ValueError('the numbers do not add up')\n"
        "app = AppTest.from_function(broken)\n"
        "print('the test ends')\n")
    assert run.stdout == "the test ends\n"
    assert "ValueError: the numbers do not add up" in run.stderr
    assert run.stderr.splitlines()[-1] == ("desklaunch.testing: <AppTest 'broken' in process> "
                                           "was left open; the script raised ValueError: "
                                           "the numbers do not add up")


def test_closing_wakes_a_script_pausing_in_time_sleep(desklaunch_app, mode) -> None:
    def clock() -> None:
        while True:
            put_text("tick")
            time.sleep(60)

    app = desklaunch_app(clock, browser=mode, settle=0.2)
    app.wait_for("tick")
    assert app.close() is True  # every thread stopped: the sleep was cut short


def test_what_a_person_cannot_do_fails_the_same_way_both_ways(desklaunch_app, mode) -> None:
    def shop() -> None:
        put_buttons([{"label": "Delete", "value": "d", "disabled": True}],
                    onclick=lambda _: None)
        put_select("size", [("Small", "S"), {"label": "Huge", "value": "H", "disabled": True}],
                   label="Size")
        put_checkbox("extras", ["Milk", "Sugar"], label="Extras")
        input("Your age")

    app = desklaunch_app(shop, browser=mode, timeout=0.5)
    failures = []
    for action in (lambda: app.click("Delete"), lambda: app.choose("Size", "Large"),
                   lambda: app.choose("Size", "Huge"), lambda: app.check("Extras", "Honey")):
        with pytest.raises(ActionError) as failure:
            action()
        failures.append(str(failure.value))
    assert failures == ["the button 'Delete' is disabled",
                        "'Size' offers no choice 'Large'; it offers: 'Small', 'Huge'",
                        "the choice 'Huge' of 'Size' is disabled",
                        "'Extras' offers no choice 'Honey'; it offers: 'Milk', 'Sugar'"]
    with pytest.raises(WaitTimeoutError, match=r"^waited 0.5 s for the text 'done'; the "
                                               r"screen shows:\n    Delete\n"):
        app.wait_for("done")


def test_a_button_behind_an_open_popup_cannot_be_pressed_either_way(desklaunch_app, mode
                                                                  ) -> None:
    """A popup makes the page behind it inert: a click by name on a button there fails at
    once, saying why (no wait makes it pressable)."""
    def script() -> None:
        put_buttons(["Behind"], onclick=lambda _: put_text("pressed behind"))
        popup("Notice", "Read me first")

    app = desklaunch_app(script, browser=mode, timeout=0.5)
    app.find("dialog")
    with pytest.raises(ActionError, match=r"^the button 'Behind' is behind the open popup "
                                          r"'Notice': close the popup first"):
        app.click("Behind")
    app.close_popup()
    app.click("Behind")
    assert "pressed behind" in app.text


def test_the_buttons_of_put_actions_are_pressed_by_click_or_set_pin(desklaunch_app, mode
                                                                   ) -> None:
    def main() -> None:
        put_actions("mode", label="Mode", buttons=["Fast", ("Careful", "slow")])
        while True:
            put_text("got", pin_wait_change("mode")["value"])

    app = desklaunch_app(main, browser=mode, timeout=0.5)
    app.click("Careful")
    app.set_pin("mode", "Fast")
    app.set_pin("mode", "Fast")  # every press counts, the same button again too
    assert app.text.splitlines()[-3:] == ["got slow", "got Fast", "got Fast"]
    with pytest.raises(ActionError, match="'mode' offers no choice 'Slow'"):
        app.set_pin("mode", "Slow")
    with pytest.raises(WaitTimeoutError, match=r"^waited 0\.5 s for a pin widget named 'speed'"):
        app.set_pin("speed", 3)  # none shown: waited for, as it may be yet to come


def test_a_slider_is_set_only_to_a_number_between_its_ends(desklaunch_app, mode) -> None:
    def main() -> None:
        put_text("got", slider("Volume", value=30, min_value=0, max_value=100, step=10))

    app = desklaunch_app(main, browser=mode)
    with pytest.raises(ActionError, match=r"^the slider 'Volume' goes from 0 to 100, not to 250$"):
        app.fill("Volume", 250)
    with pytest.raises(ActionError, match=r"^the slider 'Volume' takes a number, not 'loud'$"):
        app.fill("Volume", "loud")
    app.fill("Volume", "45")  # between two steps: it stops at the higher, as a browser's does
    assert app.find("slider", "Volume").value == 50
    app.submit()
    assert "got 50" in app.text


def test_a_disabled_button_found_first_is_not_pressed(desklaunch_app, mode) -> None:
    def main() -> None:
        put_buttons([{"label": "Later", "value": "l", "disabled": True}], onclick=print)

    app = desklaunch_app(main, browser=mode, timeout=0.5)
    with pytest.raises(ActionError, match=r"^the button 'Later' is disabled$"):
        app.find("button", "Later").click()


def test_submit_after_filling_a_pin_widget_says_enter_sends_nothing(desklaunch_app, mode
                                                                    ) -> None:
    def main() -> None:
        put_input("nick", label="Nickname")
        input("Name")

    app = desklaunch_app(main, browser=mode, timeout=0.5)
    app.fill("Nickname", "ada")
    with pytest.raises(ActionError, match=r"^submit\(\) after filling the pin widget "
                                          r"'Nickname': Enter there sends nothing"):
        app.submit()
    assert "Name" in app.text  # the form was not sent


def test_a_field_not_found_names_fields_of_every_kind(desklaunch_app, mode) -> None:
    def main() -> None:
        input_group("Order", [input("Name", name="name"), select("Size", ["S", "M"],
                                                                 name="size")])

    app = desklaunch_app(main, browser=mode, timeout=0.3)
    with pytest.raises(WaitTimeoutError) as failure:
        app.fill("Sise", "M")  # a list, and misspelt: fill() is for text
    assert str(failure.value).endswith("The fields shown are labelled 'Name', 'Size'. "
                                       "Did you mean 'Size'?")


def month_table() -> None:
    put_table([["Month", "Do"], ["Jul", put_buttons(["edit", "delete"], onclick=print)]])


def test_a_row_is_named_by_its_cells_text_a_space_apart(desklaunch_app, mode) -> None:
    app = desklaunch_app(month_table, browser=mode, timeout=0.5)
    assert [row.name for row in app.find_all("row")] == ["Month Do", "Jul edit delete"]
    assert [row.name for row in app.find_all("row", "Jul edit delete")] == ["Jul edit delete"]
    july = app.find("row", "Jul edit delete")  # a browser names it "Jul": the buttons left out
    assert [cell.name for cell in july.find_all("cell")] == ["Jul", "edit delete"]
    assert july.find("cell", "edit delete").find("button", "delete").name == "delete"
    assert app.find("row", "Month Do").find("columnheader", "Month").text == "Month"
    with pytest.raises(ActionError, match=r"^2 things inside .* fit role 'button'; use "):
        july.find("button")
    with pytest.raises(KitError, match=r"^nothing inside .* fits role 'cell' named 'Aug'$"):
        july.find("cell", "Aug")
    with pytest.raises(WaitTimeoutError, match="role 'row' named 'Juleditdelete'"):
        app.find("row", "Juleditdelete", timeout=0.2)


def test_a_field_with_suggestions_is_a_combobox(desklaunch_app, mode) -> None:
    def main() -> None:
        put_text("got", input("Pick", datalist=["candidate1", "candidate2"]))

    app = desklaunch_app(main, browser=mode, timeout=0.3)
    assert app.find("combobox", "Pick").value == ""
    assert not app.find_all("textbox")
    with pytest.raises(ActionError, match=r"^'Pick' is a text field, not a list to choose "
                                          r"from$"):
        app.choose("Pick", "candidate1")
    app.fill("Pick", "candidate2")
    app.submit()
    assert "got candidate2" in app.text


def test_an_element_found_by_name_alone_says_its_aria_role(desklaunch_app, mode) -> None:
    def main() -> None:
        input_group("Order", [input("Name", name="name"), select("Size", ["S", "M"],
                                                                 name="size")])

    app = desklaunch_app(main, browser=mode)
    assert [app.find(name=n).role for n in ("Name", "Size", "Submit")] == \
        ["textbox", "combobox", "button"]


def test_a_field_error_is_an_alert_named_by_its_message(desklaunch_app, mode) -> None:
    def main() -> None:
        put_text("age", input("Age", type=NUMBER,
                              validate=lambda v: "Too young!!" if v < 10 else None))

    app = desklaunch_app(main, browser=mode)
    app.fill("Age", "8")
    app.submit()
    assert [alert.name for alert in app.find_all("alert")] == ["Too young!!"]
    assert app.find("alert", "Too young!!").text == "Too young!!"
    assert app.find_all("alert", "Too young!!")


def test_a_verb_on_a_field_of_another_kind_says_what_the_field_is(desklaunch_app, mode,
                                                                  tmp_path) -> None:
    def main() -> None:
        input_group("Order", [input("Age", name="age", type=NUMBER),
                              select("Size", ["S", "M"], name="size")])

    photo = tmp_path / "photo.txt"
    photo.write_text("a photo")
    app = desklaunch_app(main, browser=mode)
    failures = []
    for action in (lambda: app.upload("Age", photo), lambda: app.choose("Age", "8"),
                   lambda: app.check("Age"), lambda: app.fill("Size", "M")):
        with pytest.raises(ActionError) as failure:
            action()
        assert failure.value.__context__ is None  # said at once, not after a wait in vain
        failures.append(str(failure.value))
    assert failures == ["'Age' is a text field, not a file field",
                        "'Age' is a text field, not a list to choose from",
                        "'Age' is a text field, not a box to tick",
                        "'Size' is a list to choose from, not a field to fill"]


@pytest.fixture
def shop_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A program laid out as a package, in the current folder: its window code is in a
    module of its own, imported relatively from `__main__.py`."""
    (tmp_path / "shopkeeper").mkdir()
    (tmp_path / "shopkeeper" / "__init__.py").write_text("")
    (tmp_path / "shopkeeper" / "screens.py").write_text(
        "from desklaunch.ui import input, put_text\n"
        "def run(greeting):\n"
        "    put_text(greeting + ', ' + input('Your name') + '!')\n")
    (tmp_path / "shopkeeper" / "__main__.py").write_text(
        "import sys\nfrom .screens import run\nrun(sys.argv[1])\n")
    monkeypatch.chdir(tmp_path)
    yield
    for name in [n for n in sys.modules if n.partition(".")[0] == "shopkeeper"]:
        del sys.modules[name]


def test_a_package_runs_as_desklaunch_dash_m_runs_it(desklaunch_app, mode, shop_package):
    app = desklaunch_app(Module("shopkeeper"), args=["Welcome"], browser=mode)
    app.fill("Your name", "Ada")  # a window app, though __main__.py never imports desklaunch
    app.submit()
    assert app.text.splitlines()[0] == "Welcome, Ada!"


def test_from_module_names_the_module_a_test_meant(shop_package):
    with AppTest.from_module("shopkeeper", args=["Hi"]) as app:
        assert app.find("textbox", "Your name")
    with pytest.raises(UsageError, match="no module named 'shopkeepers'"):
        AppTest.from_module("shopkeepers")


def test_a_file_not_in_the_current_folder_says_where_it_was_looked_for(tmp_path,
                                                                      monkeypatch) -> None:
    """The usual slip: a test beside the app, run from another folder."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "hello.py").write_text("print('hi')\n")
    monkeypatch.chdir(tmp_path / "tests")
    for given in ("hello.py", "hello.py:main"):
        with pytest.raises(UsageError) as refused:
            AppTest.from_file(given)
        assert str(refused.value) == (
            f"no such file: hello.py (in the current folder, {tmp_path / 'tests'}; a file "
            "beside the test is Path(__file__).parent / 'hello.py')")
    with AppTest.from_file(tmp_path / "hello.py") as app:
        assert "hi" in app.text


def test_args_of_none_are_no_words_and_a_string_is_refused(shop_package, tmp_path) -> None:
    script = tmp_path / "words.py"
    script.write_text("import sys\nprint(sys.argv[1:])\n")
    with AppTest.from_file(script, args=None) as app:
        app.wait_for("Exited with code 0")
        assert "[]" in app.text
    with pytest.raises(TypeError, match=r"args=\['--verbose', '-n'\], not the string "):
        AppTest.from_file(script, args="--verbose -n")


def test_from_file_runs_a_folders_main_file_as_the_command_does(tmp_path: Path) -> None:
    (tmp_path / "tool").mkdir()
    (tmp_path / "tool" / "helper.py").write_text("GREETING = 'Hi'\n")
    (tmp_path / "tool" / "__main__.py").write_text(
        "import helper\nfrom desklaunch.ui import put_text\nput_text(helper.GREETING)\n")
    with AppTest.from_file(tmp_path / "tool") as app:
        app.wait_for("Hi")


def test_a_modules_argument_form_is_titled_as_a_terminal_user_runs_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse names a `python -m` program after its file, `__main__.py`."""
    (tmp_path / "sizer").mkdir()
    (tmp_path / "sizer" / "__init__.py").write_text("")
    (tmp_path / "sizer" / "__main__.py").write_text(
        "import argparse\nparser = argparse.ArgumentParser()\n"
        "parser.add_argument('--width', type=int)\nprint(parser.parse_args().width)\n")
    monkeypatch.chdir(tmp_path)
    try:
        with AppTest.from_module("sizer") as app:
            assert app.find("heading", "python -m sizer")
            assert not app.find_all("heading", "__main__.py")
    finally:
        for name in [n for n in sys.modules if n.partition(".")[0] == "sizer"]:
            del sys.modules[name]


def test_a_built_console_app_names_itself_as_its_user_runs_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Frozen, the command and the form say the app's name, not `tool.py` or
    `python -m tool`: the person runs an app, not Python."""
    script = tmp_path / "tool.py"
    script.write_text("import argparse\nparser = argparse.ArgumentParser()\n"
                      "parser.add_argument('--width', type=int)\nparser.parse_args()\n")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Sizer App" / "Sizer App"))
    with AppTest.from_file(script) as app:
        assert app.find("heading", "Sizer App")
        app.click("Run")
        app.wait_for("$ 'Sizer App'")


def test_the_toast_area_is_a_status_only_while_it_holds_a_toast(desklaunch_app, mode
                                                                ) -> None:
    """Empty, the page's live region for toasts takes no room: a browser finds no status."""
    def main() -> None:
        put_buttons(["Save"], onclick=lambda _: toast("Saved", duration=0))

    app = desklaunch_app(main, browser=mode)
    assert app.find_all("status") == []
    app.click("Save")
    assert [status.name for status in app.find_all("status")] == ["Saved \u00d7"]


def test_a_target_of_another_kind_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match=r"^AppTest takes a script's path, a Module or a "
                                         r"function, not 42$"):
        AppTest(42)  # type: ignore[arg-type]


def test_each_apps_own_modules_are_its_own_in_later_tests(tmp_path, monkeypatch) -> None:
    for name in ("tests", "shop", "bank"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "helpers.py").write_text(f'GREETING = "Welcome to the {name}"\n')
        (tmp_path / name / "app.py").write_text(
            "from helpers import GREETING\nfrom desklaunch.ui import put_text\n"
            "put_text(GREETING)\n")
    monkeypatch.syspath_prepend(str(tmp_path / "tests"))
    monkeypatch.delitem(sys.modules, "helpers", raising=False)
    import helpers  # a test's own helpers, imported before the apps run

    try:
        for name in ("shop", "bank"):
            with AppTest.from_file(tmp_path / name / "app.py") as app:
                assert f"Welcome to the {name}" in app.text
        assert sys.modules["helpers"] is helpers
    finally:
        del sys.modules["helpers"]


def test_a_questionary_program_asks_with_buttons_boxes_and_fields(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_questions.py", browser=mode)
    assert app.find("textbox", "Size?").value == "Medium"  # where the terminal's pointer starts
    assert [button.name for button in app.find_all("button")] == [
        "Small", "Medium", "Large", "Enter", "End input", "Stop"]  # in the page's order
    app.click("Large")
    assert app.find("textbox", "Toppings?").value == "Cheese"
    assert app.find("checkbox", "Olives (sold out)").disabled
    app.uncheck("Toppings?", "Cheese")
    app.submit()
    app.wait_for("Pick at least one topping")
    app.check("Toppings?", "Ham", "Basil")
    assert app.find("textbox", "Toppings?").value == "Ham, Basil"
    app.submit()
    app.fill("Name for the order?", "A")
    app.submit()
    app.wait_for("At least two letters")
    assert app.find("textbox", "Name for the order?").value == "A"  # to put right
    app.fill("Name for the order?", "Ada")
    app.submit()
    app.click("Yes")
    app.wait_for("Exited with code 0")
    assert app.find("log", "Output").text.splitlines()[1:8] == [
        "? Size? Large", "Pick at least one topping", "? Toppings? Ham, Basil",
        "At least two letters", "? Name for the order? Ada", "? Place the order? Yes",
        "order: Large, ['Ham', 'Basil'], Ada, True"]


def test_a_prompt_toolkit_program_asks_with_a_field_buttons_and_a_bar(desklaunch_app,
                                                                       mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_toolkit.py", browser=mode)
    assert app.find(name="Project name:").value == "demo"
    app.fill("Project name:", "shop")
    app.submit()
    assert app.find("textbox", "Kind? (End input to cancel)").value == "Application"
    assert [button.name for button in app.find_all("button")] == [
        "Application", "Library", "Enter", "End input", "Stop"]  # in the page's order
    app.click("Library")
    app.click("Yes")
    app.wait_for("Exited with code 0")
    assert app.find("log", "Output").text.splitlines()[1:7] == [
        "Project name: shop", "New project", "Kind? Library", "New project", "Create shop? Yes",
        "Files: 100.0% [==============================] 5/5"]
    assert "created shop (lib)" in app.text


def test_lines_filled_into_the_console_reach_the_program_as_lines(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_rows.py", browser=mode)
    app.fill("Input", "a,b\nc,d\ne")  # as pasted: whole lines go at once, "e" waits
    app.submit()
    app.click("End input")
    app.wait_for("Exited with code 0")
    assert "rows: ['a,b', 'c,d', 'e']" in app.text


def test_lines_filled_with_their_last_line_break_need_no_submit(desklaunch_app, mode,
                                                                 tmp_path) -> None:
    script = tmp_path / "shell.py"
    script.write_text("while (line := input('inv> ')) != 'quit':\n    print('did', line)\n")
    app = desklaunch_app(script, browser=mode)
    app.fill("inv>", "add cog\nlist\nquit\n")
    app.wait_for("Exited with code 0")
    assert "did add cog" in app.text and "did list" in app.text


def test_a_line_break_on_stderr_ends_the_prompts_line_as_a_terminals_cursor_does(
        desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_repl_end.py", browser=mode)
    app.fill(">>>", "abc")
    app.submit()
    app.click("End input")
    app.wait_for("Exited with code 0")
    assert app.find("log", "Output").text.splitlines()[1:] == [">>> abc", "3", ">>>", "bye"]


def test_curses_started_to_ask_the_width_leaves_the_output_as_it_was(desklaunch_app, mode
                                                                    ) -> None:
    app = desklaunch_app(SCRIPTS / "console_curses_width.py", browser=mode)
    app.wait_for("Exited with code 0")
    app.click("Run again")  # curses' second start repaints and clears its own screen
    app.wait_for("Exited with code 0")
    runs = app.find("log", "Output").text.split("$ console_curses_width.py")[1:]
    assert [run.strip().splitlines()[1:] for run in runs] == [["before", "width 80", "after"]] * 2


def test_frames_drawn_on_the_alternate_screen_leave_the_lines_before_them(desklaunch_app, mode
                                                                         ) -> None:
    app = desklaunch_app(SCRIPTS / "console_alt_frames.py", browser=mode)
    app.wait_for("Exited with code 0")
    lines = app.find("log", "Output").text.splitlines()
    assert lines[1:4] == ["first line", "second line", "after"]


def test_a_consoles_invisible_codes_show_nothing_and_open_no_line(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_controls.py", browser=mode)
    app.fill("Name:", "ann")
    app.submit()
    app.fill("Password:", "x")
    app.submit()
    app.wait_for("Exited with code 0")
    assert app.find("log", "Output").text.splitlines()[1:] == [
        "Welcome", "Name: ann", "No such user", "Password: x", "bye ann"]


def test_wait_until_gone_waits_for_the_background_work_to_take_its_text_away(
        desklaunch_app, mode) -> None:
    def script() -> None:
        import threading
        import time

        from desklaunch.ui import put_scope, put_text, use_scope

        put_scope("state")
        put_text("Loading…", scope="state")

        def load() -> None:
            time.sleep(0.3)
            with use_scope("state", clear=True):
                put_text("3 files loaded")

        threading.Thread(target=load).start()

    app = desklaunch_app(script, browser=mode)
    app.wait_until_gone("Loading…")
    app.wait_for("3 files loaded")
    with pytest.raises(WaitTimeoutError, match=r"waited 0\.2 s for the text '3 files "
                                               r"loaded' to go; the screen shows:"):
        app.wait_until_gone("3 files loaded", timeout=0.2)


def test_a_web_address_a_console_program_prints_is_a_link(desklaunch_app, mode,
                                                         tmp_path) -> None:
    script = tmp_path / "serve.py"
    script.write_text('print("Serving on http://0.0.0.0:8000/ (see https://example.org/x).")\n')
    app = desklaunch_app(script, browser=mode)
    app.wait_for("Exited with code 0")
    links = app.find_all("link")
    assert [(link.name, link.value) for link in links] == [
        ("http://0.0.0.0:8000/", "http://0.0.0.0:8000/"),
        ("https://example.org/x", "https://example.org/x")]
    assert app.find("log", "Output").text.splitlines()[1:] == [
        "Serving on http://0.0.0.0:8000/ (see https://example.org/x)."]
    assert app.text.count("https://example.org/x") == 1
    links[0].click()  # the system browser's to open: the app stays as it is
    assert app.find("log", "Output")


def test_a_questionary_autocomplete_is_a_field_with_suggestions(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_autocomplete.py", browser=mode)
    app.fill("Ant species?", "Atta colombica")
    app.submit()
    app.wait_for("Choose a Polyergus ant")
    assert app.find(name="Ant species?").value == "Atta colombica"
    app.fill("Ant species?", "Polyergus lucidus")
    app.submit()
    app.wait_for("chose Polyergus lucidus")


def test_a_box_or_round_button_found_is_clicked_as_a_person_clicks_it(desklaunch_app,
                                                                       mode) -> None:
    def main() -> None:
        from desklaunch.ui import checkbox, input_group, radio

        answers = input_group("Settings", [
            checkbox("Options", ["Keep history", "Dark"], name="options"),
            radio("Size", ["Small", "Large"], name="size")])
        put_text(f"chose {answers['options']} {answers['size']}")

    app = desklaunch_app(main, browser=mode)
    app.find("checkbox", "Keep history").click()
    app.find("radio", "Large").click()
    app.find("radio", "Small").click()
    app.find("checkbox", "Dark").click()
    app.find("checkbox", "Dark").click()  # and off again
    app.submit()
    assert "chose ['Keep history'] Small" in app.text


def test_a_box_found_inside_a_popup_or_a_group_is_clicked_as_well(desklaunch_app,
                                                                  mode) -> None:
    def main() -> None:
        from desklaunch.ui import checkbox, input_group, pin, popup, put_checkbox, radio

        def done(_: str) -> None:
            put_text(f"alerts {pin.alerts}")

        popup("Settings", [put_checkbox("alerts", ["Sound", "Badge"]),
                           put_buttons(["Done"], onclick=done)])
        answers = input_group("Order", [
            checkbox("Extras", ["Cheese", "Ham"], name="extras"),
            radio("Size", ["Small", "Large"], name="size")])
        put_text(f"chose {answers['extras']} {answers['size']}")

    app = desklaunch_app(main, browser=mode)
    settings = app.popup
    assert settings is not None
    settings.find("checkbox", "Badge").click()
    settings.find("button", "Done").click()
    app.wait_for("alerts ['Badge']")
    app.close_popup()
    app.find("group", "Extras").find("checkbox", "Ham").click()
    app.find("group", "Size").find("radio", "Large").click()
    app.submit()
    assert "chose ['Ham'] Large" in app.text


def test_an_element_found_by_its_text_alone_is_the_one_reading_it(desklaunch_app,
                                                                   mode) -> None:
    def main() -> None:
        from desklaunch.ui import put_scope

        put_scope("tasks", put_text("Nothing to do."))  # wrapped in its scope

    app = desklaunch_app(main, browser=mode)
    assert app.find(text="Nothing to do.").text == "Nothing to do."
    assert len(app.find_all(text="Nothing to do.")) == 1


def test_a_button_found_before_a_redraw_that_doubled_it_says_so_in_chromium(
        desklaunch_browser) -> None:
    def main() -> None:
        def again(_: str) -> None:
            time.sleep(0.3)  # the kit waits for what a click set off, as app.click does
            put_buttons(["Done"], onclick=lambda _: None)

        put_buttons(["Done"], onclick=again)

    with AppTest.from_function(main, browser=desklaunch_browser) as app:
        done = app.find("button", "Done")
        done.click()
        with pytest.raises(ActionError, match="found earlier is no longer one thing on the "
                                              "screen"):
            done.click()


def test_a_button_that_never_shows_lists_the_buttons_shown(desklaunch_app, mode) -> None:
    def main() -> None:
        put_buttons(["Add item", "Clear"], onclick=lambda _: None)

    app = desklaunch_app(main, browser=mode, timeout=0.3)
    with pytest.raises(WaitTimeoutError) as missed:
        app.click("Add items")
    assert "The buttons shown are named 'Add item', 'Clear'. Did you mean 'Add item'?" in \
        str(missed.value)


def test_a_button_found_before_a_redraw_took_it_away_cannot_be_pressed_in_process() -> None:
    """A person cannot press a button a redraw took away (in Chromium the element is found
    again by its role and name when it is used)."""
    def main() -> None:
        from desklaunch.ui import clear, put_scope, use_scope

        def delete(item: str) -> None:
            items.remove(item)
            clear("list")
            with use_scope("list"):
                for left in items:
                    put_buttons([f"Delete {left}"], onclick=lambda _, left=left: delete(left))

        items = ["A", "B"]
        put_scope("list")
        with use_scope("list"):
            for item in items:
                put_buttons([f"Delete {item}"], onclick=lambda _, item=item: delete(item))

    with AppTest.from_function(main) as app:
        first = app.find("button", "Delete A")
        first.click()
        assert "Delete A" not in app.text
        with pytest.raises(ActionError, match="found earlier is no longer on the screen"):
            first.click()
        assert "Delete B" in app.text


def test_a_thread_still_working_as_the_test_ends_stops_quietly(monkeypatch) -> None:
    """The window closes (the test ends) while a registered thread has work left: its next
    call stops it, as it stops the script, with nothing reported as an error."""
    reported: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: reported.append(args.exc_value))
    started, threads = threading.Event(), []

    def main() -> None:
        def work() -> None:
            put_text("Stock updated")
            started.set()
            while True:
                time.sleep(0.05)
                put_text("(logged)")

        worker = threading.Thread(target=work)
        register_thread(worker)
        threads.append(worker)
        worker.start()

    with AppTest.from_function(main) as app:
        app.wait_for("Stock updated")
        assert started.wait(5)
    threads[0].join(5)
    assert not threads[0].is_alive()
    assert reported == []


def test_wait_for_a_pattern_of_what_a_thread_shows(desklaunch_app, mode) -> None:
    """A pattern finds text the test cannot spell out in advance (a count, a time), and
    says which pattern it waited for when it never shows."""
    def main() -> None:
        def later() -> None:
            time.sleep(0.1)
            put_text("Copied 40 files in 0.3 s")

        worker = threading.Thread(target=later)
        register_thread(worker)
        worker.start()
        put_text("Copying")
        worker.join()

    app = desklaunch_app(main, browser=mode, settle=0.05)
    app.wait_for(re.compile(r"Copied \d+ files"))
    with pytest.raises(WaitTimeoutError, match="the pattern " + re.escape(repr(r"Failed \d+"))):
        app.wait_for(re.compile(r"Failed \d+"), timeout=0.2)
