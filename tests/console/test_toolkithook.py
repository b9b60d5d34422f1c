"""prompt_toolkit programs in the console: its prompts, dialogs and progress bars, unchanged.

The programs run through the test kit, in process (the same commands the page gets); the
parity test in tests/testing/test_apptest.py runs one against the real page too.
"""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


def test_a_prompt_starts_with_its_default_and_confirm_is_yes_or_no(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit import prompt
        from prompt_toolkit.shortcuts import confirm
        name = prompt("What is your name? ", default="Ann")
        print(f"You said: {name}")
        print("sure:", confirm("Sure?"))
        print("again:", confirm("Again?"))
    """)
    assert app.find("textbox", "What is your name?").value == "Ann"
    app.submit()
    app.fill("Sure? (y/n)", "")  # prompt_toolkit's confirm has no default: Enter asks again
    app.submit()
    app.wait_for("Answer Yes or No.")
    app.click("Yes")
    app.fill("Again? (y/n)", "n")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == [
        "What is your name? Ann", "You said: Ann", "Answer Yes or No.", "Sure? (y/n) y",
        "sure: True", "Again? (y/n) n", "again: False"]  # its key, as in a terminal


def test_a_session_offers_its_completions_and_history_and_its_validator_decides(
        tmp_path: Path) -> None:
    program = """
        from pathlib import Path
        from prompt_toolkit import HTML, PromptSession
        from prompt_toolkit.completion import WordCompleter
        from prompt_toolkit.history import FileHistory
        from prompt_toolkit.validation import Validator

        session = PromptSession(history=FileHistory(Path(__file__).with_name("colours.txt")))
        colour = session.prompt(
            HTML("<b>Colour</b>: "), completer=WordCompleter(["red", "green", "blue"]),
            validator=Validator.from_callable(lambda text: text in ("red", "green", "blue"),
                                              error_message="Not a colour"))
        print("colour", colour)
    """
    app = start(tmp_path, program)
    field = app.find("combobox", "Colour:")  # its words offered as the person types
    assert field.value == ""
    app.fill("Colour:", "pink")
    app.submit()
    app.wait_for("Not a colour")
    assert app.find(name="Colour:").value == "pink"  # to put right (no list: it has text)
    app.fill("Colour:", "green")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["Not a colour", "Colour: green", "colour green"]
    assert "+green" in (tmp_path / "colours.txt").read_text()  # kept for the next run
    again = start(tmp_path, """
        from pathlib import Path
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory
        print(PromptSession(history=FileHistory(Path(__file__).with_name("colours.txt")))
              .prompt("Colour: "))
    """)
    again.find("combobox", "Colour:")  # its history offered, as the up arrow does
    again.submit()
    again.wait_for("Exited with code 0")


def test_a_password_is_masked_and_multiline_text_ends_with_end_input(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit import prompt
        secret = prompt("Password: ", is_password=True)
        notes = prompt("Notes: ", multiline=True)
        print(len(secret), repr(notes))
    """)
    app.fill("Password:", "hunter2")
    app.submit()
    app.fill("Notes: (End input when done)", "one")
    app.submit()
    app.fill("Notes: (End input when done)", "two")
    app.submit()
    app.click("End input")
    app.wait_for("Exited with code 0")
    # the next lines after the prompt's width of spaces, as prompt_toolkit shows them
    assert output(app) == ["Password: *******", "Notes: one", "       two", "7 'one\\ntwo'"]


def test_a_repl_loop_goes_on_after_stop_and_ends_at_end_input(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit import PromptSession
        session = PromptSession()
        while True:
            try:
                text = session.prompt("> ")
            except KeyboardInterrupt:
                print("(interrupted)")
                continue
            except EOFError:
                break
            print("You entered:", text)
        print("GoodBye!")
    """)
    app.fill(">", "1 + 1")
    app.submit()
    app.wait_for("You entered: 1 + 1")
    app.click("Stop")  # Ctrl+C, which the program catches
    app.wait_for("(interrupted)")
    app.click("End input")
    app.wait_for("Exited with code 0")
    # each prompt left where Ctrl+C and Ctrl+D found it, as a terminal leaves it
    assert output(app) == ["> 1 + 1", "You entered: 1 + 1", ">", "(interrupted)", ">",
                           "GoodBye!"]


def test_prompt_async_leaves_the_event_loop_running_while_it_waits(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import asyncio
        from prompt_toolkit import PromptSession

        async def main():
            answered = asyncio.Event()

            async def ticker():
                await asyncio.sleep(0)
                print("ticking while asked")
                await answered.wait()

            task = asyncio.create_task(ticker())
            name = await PromptSession().prompt_async("Name? ")
            answered.set()
            await task
            print("hello", name)

        asyncio.run(main())
    """)
    app.wait_for("ticking while asked")
    app.fill("Name?", "Ada")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-2:] == ["Name? Ada", "hello Ada"]


def test_dialogs_ask_with_buttons_boxes_and_a_field_and_end_input_cancels(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit.shortcuts import (button_dialog, checkboxlist_dialog, input_dialog,
            message_dialog, radiolist_dialog, yes_no_dialog)
        print("name", input_dialog(title="Hello", text="Your name:").run())
        print("again", input_dialog(title="Hello", text="Your name:", default="Ann").run())
        print("go on", yes_no_dialog(title="Next", text="Go on?").run())
        print("size", button_dialog(title="Size", text="Which size?",
                                    buttons=[("Small", 1), ("Large", 2)]).run())
        print("colour", radiolist_dialog(text="Colour?", values=[("r", "Red"), ("g", "Green")],
                                         default="g").run())
        print("toppings", checkboxlist_dialog(text="Toppings?", values=[
            ("h", "Ham"), ("c", "Cheese")], default_values=["c"]).run())
        message_dialog(title="Done", text="Order placed.").run()
    """)
    app.click("End input")  # the dialog's Cancel
    app.wait_for("name None")
    assert app.find("textbox", "Your name: (End input to cancel)").value == "Ann"
    app.submit()
    app.click("No")
    app.click("Large")
    # where its pointer starts
    assert app.find("textbox", "Colour? (End input to cancel)").value == "Green"
    app.submit()
    assert app.find("checkbox", "Cheese").checked
    app.check("Toppings? (End input to cancel)", "Ham")
    app.submit()
    assert [b.name for b in app.find_all("button")][:1] == ["Ok"]
    app.click("Ok")
    app.wait_for("Exited with code 0")
    assert output(app) == [
        "Hello", "Cancelled", "name None", "Hello", "Your name: Ann", "again Ann",
        "Next", "Go on? No", "go on False", "Size", "Which size? Large", "size 2",
        "Colour? Green", "colour g", "Toppings? Ham, Cheese", "toppings ['h', 'c']",
        "Done", "Order placed. Ok"]


def test_a_dialog_without_cancel_asks_again_at_end_input(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit.shortcuts import yes_no_dialog
        print("go on", yes_no_dialog(title="Next", text="Go on?").run())
    """)
    app.click("End input")
    app.wait_for("Choose one of the answers.")
    app.click("Yes")
    app.wait_for("Exited with code 0")
    assert output(app) == ["Next", "Choose one of the answers.", "Go on? Yes", "go on True"]


def test_accept_default_takes_the_default_without_asking(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit import prompt
        print("got", prompt("Type something: ", default="test", accept_default=True))
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["Type something: test", "got test"]


def test_a_slow_history_does_not_hold_the_question_back(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import time
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import History, ThreadedHistory

        class SlowHistory(History):
            def load_history_strings(self):
                for n in range(100):
                    time.sleep(0.2)
                    yield f"item {n}"

            def store_string(self, string):
                pass

        print("got", PromptSession(history=ThreadedHistory(SlowHistory())).prompt("Say: "))
    """)
    app.fill("Say:", "hello")  # 20 s of history to load: asked before it is all in
    app.submit()
    app.wait_for("Exited with code 0")


def test_print_container_draws_its_frame(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit.shortcuts import print_container
        from prompt_toolkit.widgets import Frame, TextArea
        print_container(Frame(TextArea(text="Hello world!"), title="Stage: parse"))
    """)
    app.wait_for("Exited with code 0")
    lines = output(app)
    assert "Stage: parse" in lines[0] and "Hello world!" in lines[1]
    assert "full-screen" not in app.text


def test_progress_is_drawn_as_lines(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit.shortcuts import ProgressBar, progress_dialog

        def work(set_percentage, log_text):
            for done in (50, 100):
                set_percentage(done)
                log_text(f"step {done}\\n")

        progress_dialog(title="Copying", text="Copying files", run_callback=work).run()
        with ProgressBar(title="Resizing") as bar:
            for _ in bar(range(8), label="Images"):
                pass
            for _ in bar(range(3), label="Gone", remove_when_done=True):
                pass
        print("finished")
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == [
        "Copying", "Copying files", "step 50", "step 100", "100%",
        "Resizing", "Images: 100.0% [==============================] 8/8", "finished"]


def test_a_finished_subtask_removed_from_the_bars_leaves_no_line(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import time
        from prompt_toolkit import HTML
        from prompt_toolkit.shortcuts import ProgressBar
        with ProgressBar() as bar:
            for _ in bar(range(1), label=HTML("<ansired>Main task</ansired>: ")):
                for _ in bar(range(4), label="Subtask", remove_when_done=True):
                    time.sleep(0.25)  # drawn while it runs, every 0.3 s
        print("finished")
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["Main task: 100.0% [==============================] 1/1",
                           "finished"]


def test_many_counters_are_clipped_to_a_screen(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit.shortcuts import ProgressBar
        with ProgressBar() as bar:
            for n in range(30):
                bar(range(2), label=f"Task {n}", total=2).items_completed = 2
        print("finished")
    """)
    app.wait_for("Exited with code 0")
    lines = output(app)
    assert lines[-3:] == ["Task 18: 100.0% [==============================] 2/2",
                          "... and 11 more", "finished"]
    assert len(lines) == 21


def test_a_full_screen_application_is_told_it_needs_a_terminal(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit import Application
        from prompt_toolkit.layout import Layout
        from prompt_toolkit.widgets import TextArea
        print("before")
        Application(layout=Layout(TextArea()), full_screen=True).run()
    """)
    app.wait_for("Exited with code 1")
    lines = output(app)
    assert lines[:2] == ["before", "desklaunch: this script draws a full-screen prompt_toolkit "
                         "application, which needs a real terminal. The console shows lines "
                         "of text only; run it in a terminal instead."]
    assert lines[-1] == "EOFError"
    assert all(line.strip() for line in lines)  # no screenful of its drawing


def test_a_choice_is_a_button_per_option_starting_at_the_default(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit import HTML
        from prompt_toolkit.shortcuts import choice
        dishes = [("pizza", "Pizza with mushrooms"), ("salad", HTML("<b>Salad</b>"))]
        print(choice(HTML("<u>Please select a dish</u>:"), options=dishes, default="salad"))
        print(choice("Another?", options=dishes))
    """)
    assert app.find("textbox", "Please select a dish:").value == "Salad"
    app.submit()
    app.click("Pizza with mushrooms")
    app.wait_for("Exited with code 0")
    assert output(app) == ["Please select a dish: Salad", "salad",
                           "Another? Pizza with mushrooms", "pizza"]


def test_a_session_s_own_enter_decides_when_a_block_is_complete(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit import PromptSession
        from prompt_toolkit.key_binding import KeyBindings

        keys = KeyBindings()  # IPython's way: a block runs at its empty line

        @keys.add("enter")
        def _(event):
            buffer = event.current_buffer
            lines = buffer.text.split("\\n")
            if lines[0].endswith(":") and lines[-1].strip():
                buffer.insert_text("\\n    ")  # the next line, indented
            else:
                buffer.validate_and_handle()

        session = PromptSession(key_bindings=keys, multiline=True, prompt_continuation="...: ")
        print(repr(session.prompt("In: ")))
        print(repr(session.prompt("In: ")))
    """)
    app.fill("In:", "1 + 1")
    app.submit()
    app.fill("In:", "for n in range(3):")
    app.submit()
    assert app.find(name="In: (continued)").value == "    "  # the session's indent
    app.fill("In: (continued)", "    print(n)")
    app.submit()
    app.submit()  # the empty line, as the session indented it
    app.wait_for("Exited with code 0")
    assert output(app) == [
        "In: 1 + 1", "'1 + 1'", "In: for n in range(3):", "...:     print(n)", "...:",
        "'for n in range(3):\\n    print(n)\\n    '"]


def test_a_multiline_condition_on_the_text_takes_lines_until_it_is_met(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from prompt_toolkit import PromptSession
        from prompt_toolkit.application import get_app
        from prompt_toolkit.filters import Condition

        # litecli's way: a statement goes on until its ";"
        unfinished = Condition(lambda: not get_app().current_buffer.text.endswith(";"))
        print(repr(PromptSession(multiline=unfinished).prompt("sql> ")))
    """)
    app.fill("sql>", "select name")
    app.submit()
    app.fill("sql> (continued)", "from t;")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["sql> select name", "     from t;", "'select name\\nfrom t;'"]
