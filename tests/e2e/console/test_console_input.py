"""Console mode: input(), sys.stdin and getpass ask in the window."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from access import live_regions
from pilot import eventually, type_with_input_method
from playwright.sync_api import expect

SCRIPTS = Path(__file__).parent / "scripts"


def test_input_shows_the_prompt_and_returns_the_line_typed(console):
    app = console("input_echo.py")
    app.answer("Your name:", "Ada")
    expect(app.line("Hello, Ada!")).to_be_visible()
    expect(app.line("Your name: Ada")).to_be_visible()  # the prompt and the echo, as typed
    app.answer("Input", "first")
    expect(app.line("got first")).to_be_visible()
    app.answer("Input", "second")
    expect(app.line("got second")).to_be_visible()
    app.click("End input")
    expect(app.line("end of input")).to_be_visible()
    app.expect_exit(0)


def test_a_prompt_in_colour_or_on_stderr_labels_the_field_with_its_words(console):
    app = console("coloured_prompts.py")
    app.answer("Favourite colour?", "green")
    app.answer("Code (on stderr):", "X1")
    expect(app.line("got green and X1")).to_be_visible()
    app.expect_exit(0)


def paste(field, text):
    """Paste `text` into `field` as the clipboard would (a paste event carrying it)."""
    field.evaluate("""(field, text) => {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        field.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                          cancelable: true}));
    }""", text)


def test_lines_pasted_together_reach_the_program_as_lines_and_ctrl_d_ends_input(console):
    app = console("read_all.py")
    field = app.field("Input")
    paste(field, "10\n20\n30")  # the last line unfinished: it waits in the field
    expect(app.field("Input")).to_have_value("30")
    app.field("Input").press("Enter")
    # The next read's question replaces the answered field (same label): wait for it, as a
    # person sees the program take the line and ask again, so Ctrl+D reaches the new field.
    expect(app.line("30")).to_be_visible()
    expect(app.page.get_by_role("button", name="Enter", exact=True)).to_be_enabled()
    expect(app.field("Input")).to_have_value("")
    app.field("Input").press("Control+d")
    expect(app.line("read 3 lines: 10, 20, 30")).to_be_visible()
    app.expect_exit(0)


@pytest.mark.parametrize("how", ["End input", "Control+d"])
def test_end_of_input_hands_over_what_is_typed_and_not_entered_first(console, how):
    """As a terminal's Ctrl+D hands over a partial line: a word counter got the lines
    entered and lost the last one, typed but not entered."""
    app = console("read_all.py")
    app.answer("Input", "alpha")
    expect(app.line("alpha")).to_be_visible()
    expect(app.page.get_by_role("button", name="Enter", exact=True)).to_be_enabled()
    app.field("Input").fill("typed-not-entered")
    if how == "End input":
        app.click("End input")
    else:
        app.field("Input").press(how)
    expect(app.line("read 2 lines: alpha, typed-not-entered")).to_be_visible()
    app.expect_exit(0)


def test_what_is_typed_before_the_program_asks_again_waits_for_its_question(console):
    """As in a terminal, typing on while the program is busy loses nothing."""
    app = console("slow_second_question.py")
    field = app.field("Your name:")
    field.fill("Ada")
    field.press("Enter")
    expect(app.line("Your name: Ada")).to_be_visible()
    field.press_sequentially("blue")  # the program is still busy: no question yet
    colour = app.field("Favourite colour:")
    expect(colour).to_have_value("blue")
    colour.press("Enter")
    expect(app.line("Favourite colour: blue")).to_be_visible()
    colour.press_sequentially("pasta")  # busy again: a whole line entered ahead
    colour.press("Enter")
    expect(app.line("Ada likes blue and pasta")).to_be_visible()
    app.expect_exit(0)


@pytest.mark.parametrize("line_ahead", ["", "First line"], ids=["partial", "line-and-partial"])
def test_a_question_that_comes_while_the_person_types_keeps_their_caret(
        console, tmp_path, line_ahead):
    """The next question asks in the field typed in: the text, the caret and the focus
    stay where the person left them, and the keys that follow go where they expect, also
    when a whole line typed ahead answers the question as it comes."""
    gate = tmp_path / "ask now"
    app = console("waits_for_a_file.py", [str(gate)])
    app.answer("Your name:", "Ada")
    expect(app.line("Your name: Ada")).to_be_visible()
    field = app.field("Your name:")  # the program is busy: no question yet
    if line_ahead:
        field.press_sequentially(line_ahead)
        field.press("Enter")
    field.press_sequentially("It crashed names")
    for _ in "names":
        field.press("ArrowLeft")
    gate.touch()
    asked = app.field("More:" if line_ahead else "Note:")
    expect(asked).to_be_focused()
    app.page.keyboard.type("on empty ")
    asked.press("Enter")
    if not line_ahead:
        app.answer("More:", "that is all")
    said = f"First line | {'It crashed on empty names'}" if line_ahead else \
        "It crashed on empty names | that is all"
    expect(app.line(f"Ada: {said}")).to_be_visible()
    app.expect_exit(0)


def test_a_screen_reader_hears_the_next_question_asked_in_the_field_it_is_in(console, tmp_path):
    """Focus stays in the field, so the field's new label alone would not be read out."""
    gate = tmp_path / "ask now"
    app = console("waits_for_a_file.py", [str(gate)])
    app.answer("Your name:", "Ada")
    expect(app.line("Your name: Ada")).to_be_visible()
    gate.touch()
    expect(app.field("Note:")).to_be_focused()
    eventually(lambda: any(region["role"] == "status" and "Note:" in region["text"]
                           for region in live_regions(app.page)))  # not the Output log


@pytest.mark.parametrize(("kind", "answer", "shown"), [
    ("password", lambda app: app.answer("Password:", "secret"), "6 characters"),
    ("confirm", lambda app: app.click("Yes"), "confirmed True"),
], ids=["password", "ready-answer"])
def test_what_is_typed_after_a_password_or_a_ready_answer_waits_for_the_next_question(
        console, tmp_path, kind, answer, shown):
    """As in a terminal: after a password (the field is plain again, and empty) or a click
    on Yes, the keys typed while the program works are the next question's, not lost."""
    gate = tmp_path / "ask now"
    app = console("asks_kinds_around_a_file.py", [str(gate), kind])
    answer(app)
    field = app.page.locator(".dl-console-input input")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("type", "text")
    expect(field).to_have_value("")
    app.page.keyboard.type("status")
    app.page.keyboard.press("Enter")
    gate.touch()
    expect(app.line(f"{shown}, then status")).to_be_visible()
    app.expect_exit(0)


def test_a_prompt_librarys_password_takes_the_line_typed_ahead(console, tmp_path):
    """prompt_toolkit's password question (questionary's) reads what was typed ahead, as in
    a terminal; only getpass throws it away."""
    gate = tmp_path / "ask now"
    app = console("library_password_after_a_file.py", [str(gate)])
    app.answer("Name:", "ada")
    expect(app.line("Name: ada")).to_be_visible()
    field = app.field("Name:")  # the program is busy: no question yet
    field.press_sequentially("secret")
    field.press("Enter")
    gate.touch()
    expect(app.line("ada: 6 characters")).to_be_visible()
    assert not [line for line in app.lines() if "secret" in line]


def test_ctrl_d_pressed_while_the_program_works_does_not_end_a_password_question(
        console, tmp_path):
    """getpass throws a Ctrl+D typed ahead away, as it does the lines typed ahead."""
    gate = tmp_path / "ask now"
    app = console("asks_kinds_around_a_file.py", [str(gate), "line", "password"])
    app.answer("First:", "a")
    expect(app.line("First: a")).to_be_visible()
    app.field("First:").press("Control+d")  # the program is busy: no question yet
    gate.touch()
    expect(app.field("Then:")).to_have_attribute("type", "password")
    app.answer("Then:", "pw")
    expect(app.line("a, then 2 characters")).to_be_visible()
    app.expect_exit(0)


def test_ctrl_d_pressed_while_the_program_works_ends_its_next_read(console, tmp_path):
    gate = tmp_path / "ask now"
    app = console("asks_kinds_around_a_file.py", [str(gate), "line"])
    app.answer("First:", "a")
    expect(app.line("First: a")).to_be_visible()
    app.field("First:").press("Control+d")  # the program is busy: no question yet
    gate.touch()
    expect(app.line("Then: a, then end of input")).to_be_visible()  # as a terminal shows it
    app.expect_exit(0)


@pytest.mark.parametrize(("typed", "shown"), [
    (["Control+d", "ls", "Enter"], "a, then end of input, after 'ls'"),
    (["ls", "Enter", "Control+d"], "a, then 'ls', after end of input"),
    # as End input with text in the field: the text ends the read
    (["pw", "Control+d", "ls", "Enter"], "a, then 'pw', after 'ls'"),
], ids=["end-then-line", "line-then-end", "text-end-then-line"])
def test_ctrl_d_and_lines_typed_while_the_program_works_keep_their_order(console, tmp_path,
                                                                        typed, shown):
    """A Ctrl+D typed ahead ends the read it reaches, in its turn among the lines typed
    ahead: the line typed after it reached the program first, then the end of input."""
    gate = tmp_path / "ask now"
    app = console("reads_past_end_of_input.py", [str(gate)])
    app.answer("First:", "a")
    expect(app.line("First: a")).to_be_visible()
    field = app.field("First:")  # the program is busy: no question yet
    for key in typed:
        if key in ("Enter", "Control+d"):
            field.press(key)
        else:
            field.press_sequentially(key)
    gate.touch()
    # after "After: " when that read met the end of input, as a terminal shows it
    expect(app.line(re.compile(f"{re.escape(shown)}$"))).to_be_visible()
    app.expect_exit(0)


@pytest.mark.parametrize("how", ["exits", "Stop"])
def test_lines_typed_and_never_read_do_not_reach_the_next_run(console, tmp_path, how):
    """In a terminal, lines a program never read go to the shell when it exits, and Ctrl+C
    throws them away: Run again starts with nothing typed."""
    gate = tmp_path / "go on"
    app = console("reads_once.py", [str(gate)])
    app.answer("Your name:", "Ada")
    expect(app.line("Your name: Ada")).to_be_visible()
    field = app.field("Your name:")  # the program is busy: no question yet
    field.press_sequentially("oops")
    field.press("Enter")
    if how == "Stop":
        app.click("Stop")
        app.expect_exit(130)
    else:
        gate.touch()
        expect(app.line("Hello, Ada")).to_be_visible()
        app.expect_exit(0)
    app.click("Run again")
    expect(app.field("Your name:")).to_have_value("")
    app.answer("Your name:", "Bob")
    gate.touch()
    expect(app.line("Hello, Bob")).to_be_visible()
    assert not [line for line in app.lines() if "oops" in line]


def test_up_brings_back_the_line_entered_before_and_ctrl_c_stops(console):
    app = console("input_echo.py")
    app.answer("Your name:", "Ada")
    app.answer("Input", "first")
    # Wait for the program to ask again, as a person sees it do, so Up and Ctrl+C are the
    # next question's keys.
    expect(app.line("got first")).to_be_visible()
    expect(app.page.get_by_role("button", name="Enter", exact=True)).to_be_enabled()
    field = app.field("Input")
    field.press("ArrowUp")
    expect(field).to_have_value("first")
    field.press("ArrowUp")
    expect(field).to_have_value("Ada")
    field.press("ArrowDown")
    expect(field).to_have_value("first")
    field.press("Control+c")
    expect(app.line("KeyboardInterrupt")).to_be_visible()
    app.expect_exit(130)


def test_an_input_methods_keys_pick_its_words_not_the_lines_entered_before(console):
    app = console("input_echo.py")
    app.answer("Your name:", "Ada")
    expect(app.line("Hello, Ada!")).to_be_visible()
    expect(app.page.get_by_role("button", name="Enter", exact=True)).to_be_enabled()
    field = app.field("Input")
    field.click()
    type_with_input_method(app.page, "きしゃ", "記者", key="ArrowUp")
    expect(field).to_have_value("記者")
    type_with_input_method(app.page, "です", "です", key="Enter")
    expect(field).to_have_value("記者です")
    field.press("Enter")
    expect(app.line("got 記者です")).to_be_visible()


def test_getpass_uses_a_password_field_and_never_shows_the_secret(console):
    app = console("ask_password.py")
    field = app.field("Password:")
    expect(field).to_have_attribute("type", "password")
    app.answer("Password:", "hunter2")
    expect(app.line("7 characters, reversed: 2retnuh")).to_be_visible()
    expect(app.screen).not_to_contain_text("hunter2")
    app.expect_exit(0)


def test_a_password_asked_after_its_question_was_printed_is_labelled_with_it(console):
    app = console("password_asked_before.py")
    expect(app.field("Passphrase:")).to_have_attribute("type", "password")
    app.answer("Passphrase:", "open sesame")
    expect(app.field("PIN:")).to_have_attribute("type", "password")
    app.answer("PIN:", "1234")
    expect(app.line("11 characters, PIN of 4")).to_be_visible()
    app.expect_exit(0)


def test_stop_interrupts_a_sleeping_script_which_can_run_again_from_the_same_folder(console):
    app = console("sleeper.py")
    expect(app.line("tick")).to_be_visible()  # shown while the script still runs
    folder = app.line(re.compile("^started in ")).inner_text()
    app.click("Stop")
    expect(app.line("KeyboardInterrupt")).to_be_visible()
    expect(app.line("cleaning up")).to_be_visible()
    app.expect_exit(130)
    app.click("Run again")
    expect(app.line(folder)).to_have_count(2)
    app.click("Stop")
    expect(app.line("KeyboardInterrupt")).to_have_count(2)


@pytest.mark.parametrize("kind", ["event", "queue", "join", "pause", "asyncio", "select"])
def test_stop_interrupts_a_program_waiting_inside_c(console, kind):
    """An Event's, a Queue's or a thread's wait, signal.pause(), an asyncio program's event
    loop, select(): each waits in C, which an interrupt raised in the program's thread did
    not reach; Ctrl+C in a terminal does."""
    app = console("waits_forever.py", [kind])
    expect(app.line(f"waiting: {kind}")).to_be_visible()
    app.click("Stop")
    expect(app.line("KeyboardInterrupt")).to_be_visible()
    expect(app.line("cleaning up")).to_be_visible()
    app.expect_exit(130)


def test_stop_says_why_a_program_waiting_on_a_lock_has_not_stopped(console):
    """A lock acquired directly waits in C: Stop says it is waiting for that wait, and the
    interrupt lands when it ends."""
    app = console("waits_on_a_lock.py")
    expect(app.line("waiting on a lock")).to_be_visible()
    app.click("Stop")
    expect(app.page.get_by_text(re.compile("^Stopping… the program waits where Stop cannot "
                                           "reach it"))).to_be_visible()
    expect(app.line("KeyboardInterrupt")).to_be_visible(timeout=15_000)
    expect(app.line("cleaning up")).to_be_visible()
    expect(app.line("got the lock")).to_have_count(0)
    app.expect_exit(130)


def test_a_timed_wait_still_times_out(console):
    app = console("waits_forever.py", ["timed"])
    expect(app.line("timed out")).to_be_visible()
    app.expect_exit(0)


def test_stop_interrupts_a_print_loop_every_time(console):
    """The interrupt lands wherever the loop is, often inside the console's own writing:
    the output must go on showing (each stop's traceback at the end), run after run. The
    first run floods the page for a while first: Stop must still get through."""
    app = console("prints_until_stopped.py")
    last = app.screen.locator(".dl-line").last
    for run in range(3):
        if run:
            app.click("Run again")
        expect(last).to_have_text(re.compile(r"^line \d{6,}$" if run == 0 else r"^line \d+$"),
                                  timeout=30_000)
        app.click("Stop")
        expect(last).to_have_text("KeyboardInterrupt")
        app.expect_exit(130)


def test_a_sleep_after_a_caught_stop_sleeps(console):
    app = console("stop_caught.py")
    expect(app.line("busy")).to_be_visible()
    app.click("Stop")
    expect(app.line("caught the interrupt")).to_be_visible()
    expect(app.line("slept in full")).to_be_visible()
    app.expect_exit(0)


def test_stop_calls_the_programs_own_ctrl_c_handler_which_ends_it(console):
    app = console("ctrl_c_handler.py")
    expect(app.line("item 2")).to_be_visible()
    app.click("Stop")
    expect(app.line(re.compile(r"^saved \d+ items before leaving$"))).to_be_visible()
    app.expect_exit(4)
    expect(app.line("KeyboardInterrupt")).to_have_count(0)


def test_a_ctrl_c_handler_that_returns_lets_the_program_go_on(console):
    app = console("ctrl_c_flag.py")
    expect(app.page.get_by_role("button", name="Stop")).to_be_visible()
    app.click("Stop")
    expect(app.line("stopped cleanly")).to_be_visible()
    app.answer("Keep the results?", "yes")
    expect(app.line("kept: yes")).to_be_visible()
    app.expect_exit(0)


def test_stop_interrupts_a_script_waiting_for_input(console):
    app = console("input_echo.py")
    expect(app.field("Your name:")).to_be_visible()
    app.click("Stop")
    expect(app.line("KeyboardInterrupt")).to_be_visible()
    app.expect_exit(130)
    expect(app.field("Your name:")).to_have_count(0)


def test_closing_the_window_ends_a_sleeping_script(console):
    app = console("sleeper.py")
    expect(app.line("tick")).to_be_visible()
    app.app.end_session(app.session)  # what closing the window does
    assert app.session.join(10), "the script did not stop"  # hang guard only
    assert app.program.last_code is None  # ended by the window, not by itself


def test_closing_the_window_ends_a_ctrl_c_handler_asleep(console):
    app = console("ctrl_c_slow_save.py")
    expect(app.line("working").first).to_be_visible()
    app.click("Stop")
    expect(app.line("saving, this takes a while")).to_be_visible()
    app.app.end_session(app.session)  # what closing the window does
    assert app.session.join(10), "the script did not stop"  # hang guard only
    handlers = [t for t in threading.enumerate() if t.name.startswith("desklaunch-console-ctrlc")]
    assert not [t for t in handlers if t.is_alive()], "the handler's sleep was not woken"


def test_stops_traceback_shows_the_programs_frames_only(console):
    app = console("sleeper.py")
    expect(app.line("tick")).to_be_visible()
    app.click("Stop")
    app.expect_exit(130)
    _, shown = app.last_run()
    start = shown.index("Traceback (most recent call last):")
    # as Python prints Ctrl+C in time.sleep in a terminal: the script's frame and line
    assert shown[start:start + 4] == [
        "Traceback (most recent call last):",
        f'  File "{SCRIPTS / "sleeper.py"}", line 9, in <module>',
        "    time.sleep(3600)",
        "KeyboardInterrupt",
    ]


def gone(pid):
    """Whether process `pid` has ended (a zombie waiting for its parent counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_stop_ends_the_child_processes_too(console):
    app = console("grandchild.py")
    child = app.line(re.compile(r"^child \d+$"))
    grandchild = app.line(re.compile(r"^grandchild \d+$"))
    expect(grandchild).to_be_visible()
    pids = [int(child.inner_text().split()[1]), int(grandchild.inner_text().split()[1])]
    assert not any(gone(pid) for pid in pids)
    app.click("Stop")
    app.expect_exit(130)
    eventually(lambda: all(gone(pid) for pid in pids))


def test_a_menus_choices_say_what_they_mean_and_the_keyboard_answers(console):
    app = console("commit_kind.py")
    fix = app.page.get_by_role("button", name="fix", exact=True)
    expect(fix).to_have_accessible_description("A bug fix. Correlates with PATCH in SemVer")
    field = app.page.get_by_role("textbox", name="Select the type of change you are committing")
    expect(field).to_be_focused()
    expect(field).to_have_value("fix")  # where a terminal's pointer starts
    field.fill("2")  # a choice's number, as rawselect takes it
    field.press("Enter")
    expect(app.line("kind: feat")).to_be_visible()
    app.expect_exit(0)


def test_a_cmd_shell_offers_its_commands_while_the_field_is_empty(console):
    """Tab's completions, as the browser's list of the field's answers. Not once the person
    types: a window's list (Qt's, WebKitGTK's) took the Enter meant for the line."""
    app = console("cmd_shell.py")
    field = app.page.get_by_role("combobox", name="(shop)")
    options = app.page.locator(f"datalist[id='{field.get_attribute('list')}'] option")
    expect(options).to_have_count(3)
    assert [o.get_attribute("value") for o in options.all()] == ["buy", "help", "quit"]
    field.fill("buy apple")
    typed = app.page.get_by_label("(shop)")
    expect(typed).to_have_role("textbox")  # no list while there is text
    typed.press("Enter")
    expect(app.line("bought apple")).to_be_visible()
    app.page.get_by_role("combobox", name="(shop)").fill("quit")
    app.page.get_by_label("(shop)").press("Enter")
    app.expect_exit(0)
    expect(app.line("bye")).to_be_visible()


def test_a_cmd2_shell_offers_its_commands_and_aliases_but_not_hidden_ones(console):
    app = console("cmd2_shell.py")
    app.page.get_by_role("button", name="Run", exact=True).click()  # no start-up commands
    field = app.page.get_by_role("combobox", name="(shop)")
    options = app.page.locator(f"datalist[id='{field.get_attribute('list')}'] option")
    expect(options.first).to_be_attached()
    offered = [o.get_attribute("value") for o in options.all()]
    assert {"b", "buy", "help", "quit"} <= set(offered)
    assert "restock" not in offered
    field.fill("b apple")
    app.page.get_by_label("(shop)").press("Enter")
    expect(app.line("bought apple")).to_be_visible()
    app.page.get_by_role("combobox", name="(shop)").fill("quit")
    app.page.get_by_label("(shop)").press("Enter")
    app.expect_exit(0)


def test_a_prompt_toolkit_prompt_offers_its_commands_and_history(console):
    app = console("toolkit_commands.py")
    field = app.page.get_by_role("combobox", name="router#")
    options = app.page.locator(f"datalist[id='{field.get_attribute('list')}'] option")
    expect(options).to_have_count(7)
    assert [o.get_attribute("value") for o in options.all()] == [
        "show", "show version", "show ip", "show ip interface", "show ip interface brief",
        "exit", "show clock"]  # a nested command's words in turn, then the history
    field.fill("show version")
    app.page.get_by_label("router#").press("Enter")
    expect(app.line("ran show version")).to_be_visible()
    expect(app.line("router# show version")).to_be_visible()
    app.page.get_by_role("combobox", name="router#").fill("exit")
    app.page.get_by_label("router#").press("Enter")
    app.expect_exit(0)


def test_tab_completes_with_a_prompt_toolkit_sessions_completer(console):
    """The session's completer gets the line at Tab, as prompt_toolkit's Tab gives it."""
    app = console("toolkit_commands.py")
    field = app.page.get_by_label("router#")
    field.press_sequentially("sh")
    field.press("Tab")
    expect(field).to_have_value("show")
    field.press_sequentially(" ")
    field.press("Tab")
    expect(app.page.locator(".dl-console-matches")).to_have_text("ip  version")
    field.press_sequentially("i")
    field.press("Tab")
    field.press_sequentially(" ")
    field.press("Tab")
    expect(field).to_have_value("show ip interface")
    field.press("Enter")
    expect(app.line("ran show ip interface")).to_be_visible()


def test_a_yes_or_no_question_asked_with_input_has_yes_and_no_buttons(console):
    app = console("yes_no_input.py")
    app.page.get_by_role("button", name="Yes", exact=True).click()
    expect(app.line("Proceed (Y/n)? y")).to_be_visible()  # sent as the question spells it
    expect(app.line("proceeding")).to_be_visible()
    app.page.get_by_role("button", name="No", exact=True).click()
    expect(app.line("answer: no")).to_be_visible()
    expect(app.field("Name (y/n are letters too):")).to_be_visible()
    expect(app.page.get_by_role("button", name="Yes", exact=True)).to_have_count(0)
    app.answer("Name (y/n are letters too):", "Ada")
    app.page.get_by_role("button", name="Yes", exact=True).click()
    expect(app.line("exit: y")).to_be_visible()
    app.page.get_by_role("button", name="No", exact=True).click()
    expect(app.line("flush: no")).to_be_visible()
    app.expect_exit(0)


def test_an_answer_to_a_question_on_stderr_ends_that_line(console):
    app = console("stderr_prompts.py")
    app.answer("Package name [demo]:", "shop")
    app.answer("Version [0.1.0]:", "1.0")
    app.expect_exit(0)
    _command, shown = app.last_run()
    assert shown == ["Package name [demo]: shop", "Version [0.1.0]: 1.0",
                     "answers: ['shop', '1.0']"]


@pytest.mark.parametrize("key", ["Enter", " "], ids=["enter", "space"])
def test_a_key_pressed_as_the_run_ends_does_not_run_it_again(console, key):
    """A line's answer ends the program and focus goes to Run again: a second Enter (or a
    space) typed straight after is a stray key, as a terminal's shell takes it for an empty
    line. Once the keys have paused, the button takes them."""
    app = console("reads_once_and_ends.py")
    app.answer("Your name:", "Ada")
    again = app.page.get_by_role("button", name="Run again")
    # Looked for at every frame, so the keys come as the person's would, straight after.
    app.page.wait_for_function("() => document.activeElement?.textContent === 'Run again'",
                               polling="raf")
    app.page.keyboard.press(key)
    app.page.keyboard.press(key)
    expect(again).to_be_enabled()
    app.page.wait_for_timeout(1200)  # the person's keys paused: a key meant for the button
    assert [line for line in app.lines() if line.startswith("$ ")] == \
        ["$ reads_once_and_ends.py"]
    app.page.keyboard.press(key)
    expect(app.field("Your name:")).to_be_visible()
    assert len([line for line in app.lines() if line.startswith("$ ")]) == 2


def test_tab_completes_a_cmd_shells_commands_and_their_arguments_as_in_a_terminal(console):
    """Tab hands the line to the shell's own completer, as readline does: one match is
    put in, several go as far as they agree, and then they are listed under the field."""
    app = console("files_shell.py")
    field = app.page.get_by_label("(files)")
    field.press_sequentially("op")
    field.press("Tab")
    expect(field).to_have_value("open")  # Python's readline adds no space
    field.press_sequentially(" r")
    field.press("Tab")
    expect(field).to_have_value("open report202")
    field.press("Tab")
    expect(app.page.locator(".dl-console-matches")).to_have_text(
        "report2025.txt  report2026.txt")
    field.press_sequentially("6")
    expect(app.page.locator(".dl-console-matches")).to_have_count(0)  # typing goes on
    field.press("Tab")
    expect(field).to_have_value("open report2026.txt")
    field.press("Enter")
    expect(app.line("opened report2026.txt")).to_be_visible()


def test_keys_typed_before_tab_is_answered_come_after_the_completion(console):
    """A fast typist's keys are taken in order, as a terminal takes them: what is typed on,
    another Tab and Enter wait for the Tab before them."""
    app = console("files_shell.py")
    app.page.get_by_label("(files)").focus()
    for key in ("o", "p", "Tab", "Space", "r", "Tab", "Tab", "6", "Tab", "Enter"):
        app.page.keyboard.press(key)
    expect(app.line("opened report2026.txt")).to_be_visible()
    expect(app.line("(files) open report2026.txt")).to_be_visible()


def test_a_tab_typed_ahead_completes_with_the_next_questions_completer(console):
    """Typed while the program works, a Tab waits for the next question, as readline's next
    read takes it in a terminal, and so do the keys after it."""
    app = console("two_completers.py")
    app.page.get_by_label("first>").focus()
    for key in ("a", "p", "Enter", "b", "a", "Tab", "d", "Tab", "Enter"):
        app.page.keyboard.press(key)
    expect(app.line("got 'ap' 'bandana'")).to_be_visible()


def test_tab_typed_ahead_where_nothing_completes_moves_on_to_stop(console, tmp_path):
    """Held for the next question only where the program completes: elsewhere a keyboard
    user's Tab reaches Stop while the program works."""
    app = console("waits_for_a_file.py", [str(tmp_path / "never")])
    app.answer("Your name:", "Ada")
    app.page.keyboard.type("more")
    app.page.keyboard.press("Tab")
    expect(app.button("Stop")).to_be_focused()


def test_stop_interrupts_a_completer_that_takes_its_time(console):
    """Ctrl+C in a terminal interrupts the completer a Tab is waiting for."""
    app = console("slow_completer.py")
    field = app.page.get_by_label("Host:")
    field.press_sequentially("exa")
    field.press("Tab")
    app.click("Stop")
    app.expect_exit(130)
    expect(app.line("KeyboardInterrupt")).to_be_visible()


@pytest.mark.parametrize("end", ["ctrl-d", "button"])
def test_end_input_while_tab_is_answered_ends_it_after_the_completion(console, end):
    app = console("slow_completer.py", ["1"])
    field = app.page.get_by_label("Host:")
    field.press_sequentially("example.o")
    field.press("Tab")
    if end == "ctrl-d":
        field.press("Control+d")
    else:
        app.click("End input")
    expect(app.line("got example.org")).to_be_visible()


def test_tab_in_a_completing_field_says_when_nothing_matches_and_moves_on_when_empty(console):
    """A keyboard user leaves the field with Tab as ever when it is empty; with text that
    nothing completes, Tab says so, where a terminal would beep."""
    app = console("files_shell.py")
    field = app.page.get_by_label("(files)")
    field.press_sequentially("open x")
    field.press("Tab")
    expect(app.page.locator(".dl-console-matches")).to_have_text("No completions")
    expect(field).to_be_focused()
    field.fill("")
    field.press("Tab")
    expect(app.page.get_by_role("button", name="Enter")).to_be_focused()
