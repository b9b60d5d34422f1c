"""The console's input field as a program that asks without a prompt finds it
(console/terminal.py): labelled by what was printed last, unless that was a progress bar."""

from __future__ import annotations

import signal
import textwrap
import time
from pathlib import Path

import pytest
from menu_programs import output, start

from desklaunch.console.terminal import STOP_NOTICE
from desklaunch.testing import AppTest


def test_a_field_asked_for_after_a_progress_bar_is_not_labelled_by_the_bar(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        import sys
        for done in range(4):  # tqdm's way: each state drawn over the last
            sys.stderr.write(f"\\r{done * 25:3d}%|{'#' * done:<3}| {done}/3")
        rows = sys.stdin.read()
        sys.stdout.write("Loading...\\rName: ")  # a question drawn over a notice is one
        print("hello", sys.stdin.readline().strip())
    """)
    app.fill("Input", "a,b")  # not " 75%|###| 3/3", which changes as the bar moves
    app.submit()
    app.click("End input")
    app.fill("Name:", "Ann")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "hello Ann"


def test_a_numbered_menu_printed_before_a_question_is_a_button_per_option(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        print("Choose a license")
        for number, name in enumerate(["MIT - simple", "Apache - patents", "Skip"], 1):
            print(f"{number}. {name}")
        license = input("Enter 1-3: ")
        age = input("Age (18): ")  # numbers in a question after the menu was answered
        name = input("Your name: ")
        print("chose", license, age, name)
    """)
    assert [b.name for b in app.find_all("button")][:3] == ["MIT - simple", "Apache - patents",
                                                            "Skip"]
    app.click("Apache - patents")
    assert [b.name for b in app.find_all("button")] == ["Enter", "End input", "Stop"]
    app.fill("Age (18):", "30")
    app.submit()
    app.fill("Your name:", "Ann")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[4:] == ["Enter 1-3: 2", "Age (18): 30", "Your name: Ann", "chose 2 30 Ann"]


def test_a_bracketed_menu_under_its_question_and_a_yes_no_without_a_slash_are_buttons(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        print("Favourite colour? [red]:")  # cleo's choice(): the menu, then a bare prompt
        for number, name in enumerate(["red", "green", "blue"]):
            print(f"  [{number:2d}] {name}")
        colour = input(" > ")
        sure = input("Accept? [yN] ")  # xkcdpass's
        print("chose", colour, sure)
    """)
    app.click("green")
    app.click("Yes")
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "chose 1 y"


def test_a_menu_numbered_with_dashes_is_a_button_per_option(tmp_path: Path) -> None:
    app = start(tmp_path, """
        print("Choose a level:")
        print("1- Easy")
        print("2 - Medium")
        print("3- Hard")
        level = input("Your choice: ")
        print("level", level)
    """)
    app.click("Medium")
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "level 2"


def test_a_numbered_list_before_a_question_for_a_name_is_no_menu(tmp_path: Path) -> None:
    """"Choose a name" asks for words of the person's own: the steps listed above are no
    options to send the number of."""
    app = start(tmp_path, """
        print("Finished steps:")
        print("1. Downloaded 3 files")
        print("2. Unpacked the archive")
        folder = input("Choose a name for the output folder: ")
        print("saving to", folder)
    """)
    app.find("textbox", "Choose a name for the output folder:")
    assert [b.name for b in app.find_all("button")] == ["Enter", "End input", "Stop"]
    app.fill("Choose a name for the output folder:", "photos")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "saving to photos"


def test_the_exit_code_and_command_line_show_as_a_shell_has_them(tmp_path: Path) -> None:
    (tmp_path / "asks.py").write_text("import sys\nsys.exit(300)\n")
    from desklaunch.testing import AppTest

    with AppTest.from_file(tmp_path / "asks.py", args=["moo", "🐄", "中文", "a b"]) as app:
        app.wait_for("Exited with code 44")  # a process's status is its low byte
        assert "$ asks.py moo 🐄 中文 'a b'" in app.text


def test_a_slow_print_in_colour_shows_its_words_not_its_codes(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import sys, time

        def slow_print(text):
            for ch in text:
                sys.stdout.write(ch)
                sys.stdout.flush()
                time.sleep(0.03)  # longer than a batch gathers: each its own
            print()

        slow_print("\\033[31mWelcome to the dungeon!\\033[0m")
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["Welcome to the dungeon!"]


def test_a_sleep_given_what_python_refuses_fails_as_in_a_terminal(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import time

        for length in (float("nan"), "1", None, float("inf"), 10**30, -1):
            try:
                time.sleep(length)
            except (TypeError, ValueError, OverflowError) as exc:
                print(type(exc).__name__, exc)
        time.sleep(0)
        time.sleep(True)
        print("slept")
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == [
        "ValueError Invalid value NaN (not a number)",
        "TypeError 'str' object cannot be interpreted as an integer",
        "TypeError 'NoneType' object cannot be interpreted as an integer",
        "OverflowError timestamp out of range for platform time_t",
        "OverflowError timestamp too large to convert to C _PyTime_t",
        "ValueError sleep length must be non-negative",
        "slept"]


def test_stop_leaves_a_program_that_ignores_ctrl_c_going_and_says_so(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import signal, time

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a section nothing may cut short
        print("saving")
        answer = input("Keep a copy? ")
        time.sleep(0.1)
        print("saved", answer)
    """)
    app.click("Stop")  # Ctrl+C at the question: a terminal does nothing either
    app.wait_for("The program ignores Ctrl+C")
    app.fill("Keep a copy?", "yes")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["saving", "Keep a copy? yes", "saved yes"]


def test_a_timed_question_waits_on_select_for_a_line_or_for_its_time(tmp_path: Path) -> None:
    """`select()` on stdin, the usual timed answer: the field shows while it waits, a line
    entered is read after it, and the field goes when the time is up."""
    app = start(tmp_path, """
        import select, sys

        print("You have 30 seconds: 7*6?")
        ready, _, _ = select.select([sys.stdin], [], [], 30)
        print("Correct!" if ready and sys.stdin.readline().strip() == "42" else "Time's up!")
        print("Quick: 1+1?")
        ready, _, _ = select.select([0], [], [], 0.2)  # stdin by its number
        print("answered" if ready else "Too slow!")
    """)
    app.fill("You have 30 seconds: 7*6?", "42")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["You have 30 seconds: 7*6?", "42", "Correct!", "Quick: 1+1?",
                           "Too slow!"]


def test_stdin_opened_by_its_number_is_the_consoles(tmp_path: Path) -> None:
    """`open(0).read()`, a contest programmer's way to read all of stdin."""
    app = start(tmp_path, """
        print("Enter numbers, then End input:")
        print("sum:", sum(map(int, open(0).read().split())))
        with open(1, "w", closefd=False) as out:
            out.write("written to 1\\n")
    """)
    app.fill("Input", "1 2 3")
    app.submit()
    app.click("End input")
    app.wait_for("Exited with code 0")
    assert output(app)[-2:] == ["sum: 6", "written to 1"]


def test_stdin_opened_by_its_name_is_the_consoles(tmp_path: Path) -> None:
    """`open("/dev/stdin")`, a "paste your text, then Ctrl+D" program's way."""
    app = start(tmp_path, """
        print("Paste your text, then Ctrl+D:")
        with open("/dev/stdin") as f:
            text = f.read()
        print("words:", len(text.split()))
        with open("/dev/stderr", "w") as err:
            err.write("done\\n")
    """)
    app.fill("Input", "a b\nc")
    app.submit()
    app.click("End input")
    app.wait_for("Exited with code 0")
    assert output(app)[-2:] == ["words: 3", "done"]


def test_a_program_that_catches_ctrl_c_and_asks_again_is_not_said_to_be_unreachable(
        tmp_path: Path) -> None:
    """A shell's loop (a debugger's, a REPL's): Ctrl+C cancels the line and it asks again.
    Stop was heard, so no note may say it waits where Stop cannot reach it."""
    app = start(tmp_path, """
        while True:
            try:
                line = input("cmd> ")
            except KeyboardInterrupt:
                print("^C caught")
                continue
            except EOFError:
                break
            print("got", line)
    """)
    app.fill("cmd>", "one")
    app.submit()
    app.click("Stop")
    app.wait_for("^C caught")
    time.sleep(STOP_NOTICE + 1)  # past the moment the note would come
    assert "Stopping" not in app.text
    app.fill("cmd>", "two")
    app.submit()
    app.click("End input")
    app.wait_for("Exited with code 0")
    assert output(app) == ["cmd> one", "got one", "cmd> ^C caught", "cmd> two", "got two",
                           "cmd>"]


def test_a_program_whose_ctrl_c_handler_returns_is_not_said_to_be_unreachable(
        tmp_path: Path) -> None:
    """Its handler says so and the program goes on (finishing its batch, say): Stop was
    heard, so no note may say it waits where Stop cannot reach it."""
    (tmp_path / "batch.py").write_text(textwrap.dedent("""
        import signal, time

        caught = []

        def handler(signum, frame):
            caught.append(signum)
            print("caught: finishing the batch")

        signal.signal(signal.SIGINT, handler)
        print("working")
        while not caught:
            time.sleep(0.05)
        time.sleep(4)
        print("done")
    """))
    from desklaunch.testing import AppTest

    app = AppTest.from_file(tmp_path / "batch.py", settle=0.2)  # it works between its lines
    app.wait_for("working")
    app.click("Stop")
    app.wait_for("caught: finishing the batch")
    time.sleep(STOP_NOTICE + 1)  # past the moment the note would come
    assert "Stopping" not in app.text
    app.wait_for("Exited with code 0")
    assert output(app) == ["working", "caught: finishing the batch", "done"]


def test_a_password_pasted_ahead_is_flushed_and_never_answers_the_next_question(
        tmp_path: Path) -> None:
    """getpass throws away what was typed ahead, as a terminal's does: the second line of a
    paste does not skip the password and show in the clear as the next answer."""
    app = start(tmp_path, """
        import getpass
        user = input("User: ")
        password = getpass.getpass()
        code = input("Code: ")
        print(f"user={user} password={password!r} code={code!r}")
    """)
    app.fill("User:", "ada\ns3cret\n")  # pasted: two whole lines
    app.fill("Password:", "other")
    app.submit()
    app.fill("Code:", "42")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["User: ada", "Password:", "Code: 42",
                           "user=ada password='other' code='42'"]


def test_stop_at_a_password_question_keeps_its_prompt_shown(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import getpass
        user = input("User: ")
        getpass.getpass()
    """)
    app.fill("User:", "bob")
    app.submit()
    app.click("Stop")
    app.wait_for("Exited with code 130")
    assert output(app)[:2] == ["User: bob", "Password:"]
    assert output(app)[-1] == "KeyboardInterrupt"


def test_getsignal_gives_the_handler_the_program_set_and_ctrl_c_starts_as_pythons(
        tmp_path: Path) -> None:
    """pdb keeps the handler `signal.signal` returns and puts it back; a program may look
    with `getsignal`. Both see what a program started in a terminal sees, even when the
    process running it was started with Ctrl+C ignored (a job put in the background)."""
    ignored = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        app = start(tmp_path, """
            import signal

            def handler(signum, frame):
                print("handled")

            print("first:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
            before = signal.signal(signal.SIGINT, handler)
            print("before:", before is signal.default_int_handler)
            print("now:", signal.getsignal(signal.SIGINT) is handler)
            signal.signal(signal.SIGINT, before)
            input("Stop me: ")
        """)
        app.click("Stop")
        app.wait_for("Exited with code 130")
    finally:
        signal.signal(signal.SIGINT, ignored)
    assert output(app)[:3] == ["first: True", "before: True", "now: True"]
    assert "KeyboardInterrupt" in output(app)[-1]


def test_stop_during_os_system_ends_the_command_and_the_program_goes_on(
        tmp_path: Path) -> None:
    """C's `system()` ignores Ctrl+C in the program while its command runs: a menu that says
    "press Ctrl+C to stop watching" is back at its menu, told the command's status (2)."""
    app = start(tmp_path, """
        import os
        while input("1) watch  2) quit: ") == "1":
            print("Press Ctrl+C to stop watching", flush=True)
            status = os.system("while true; do echo tick; sleep 0.1; done")
            print("back in the menu, status", status)
        print("bye")
    """)
    app.fill("1) watch 2) quit:", "1")
    app.submit()
    app.wait_for("tick")
    app.click("Stop")
    app.wait_for("back in the menu, status 2")
    app.fill("1) watch 2) quit:", "2")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "bye"


def test_stop_runs_an_asyncio_loops_own_ctrl_c_handler(tmp_path: Path) -> None:
    """`loop.add_signal_handler(SIGINT, ...)`, an asyncio server's graceful shutdown (and
    aiohttp's `run_app`), works in a run: Stop wakes the loop, which calls it, as Ctrl+C
    does in a terminal. It raised "set_wakeup_fd only works in main thread" as it started."""
    script = tmp_path / "server.py"
    script.write_text(textwrap.dedent("""
        import asyncio, signal

        async def main():
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGINT, stop.set)
            print("serving", flush=True)
            await stop.wait()
            loop.remove_signal_handler(signal.SIGINT)
            print("shut down gracefully")
            return 3

        raise SystemExit(asyncio.run(main()))
    """))
    app = AppTest.from_file(script, settle=0.3)  # a server: its work never settles
    app.wait_for("serving")
    app.click("Stop")
    app.wait_for("Exited with code 3")
    assert output(app) == ["serving", "shut down gracefully"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the process's own
    assert signal.set_wakeup_fd(-1) == -1  # and no descriptor left set in it
    app.close()


def test_stop_while_pdb_continues_breaks_into_the_program(tmp_path: Path) -> None:
    """pdb's Ctrl+C handler traces the thread it runs on: called on the program's own
    thread (it sleeps where it can call it), it stops at the program's next line, as in a
    terminal, not in desklaunch's code."""
    (tmp_path / "loop.py").write_text("import time\ni = 0\nwhile True:\n    i += 1\n"
                                      "    time.sleep(0.05)\n")
    with AppTest.from_module("pdb", args=[str(tmp_path / "loop.py")], settle=0.3) as app:
        app.fill("(Pdb)", "c")
        app.submit()  # returns once `c` is taken (the loop it runs on never settles)
        app.click("Stop")
        app.wait_for("Program interrupted")
        screen = app.find("log", "Output").text
        stopped_at = screen.splitlines()[-3]  # then its line, and pdb's prompt
        assert stopped_at.startswith(f"> {tmp_path / 'loop.py'}("), screen
        app.fill("(Pdb)", "p i > 0")
        app.submit()
        app.wait_for("True")
        app.fill("(Pdb)", "q")
        app.submit()
        app.wait_for("Exited with code 0")
        assert "desklaunch" not in app.find("log", "Output").text


@pytest.mark.parametrize("wait", ["time.sleep(30)", "input('Name? ')", "queue.Queue().get()",
                                  "threading.Event().wait()"])
def test_a_traceback_the_program_prints_after_stop_shows_one_line_for_desklaunch(
        tmp_path: Path, wait: str) -> None:
    """A REPL or a logger prints the Ctrl+C it caught: its traceback showed five frames of
    desklaunch's waits, as if desklaunch had crashed. A terminal shows where the program
    waited; here one line more says that Stop raised it."""
    app = start(tmp_path, f"""
        import queue, threading, time, traceback

        print("waiting")
        try:
            {wait}
        except KeyboardInterrupt:
            traceback.print_exc()
    """)
    app.wait_for("waiting")
    time.sleep(0.3)  # in the wait
    app.click("Stop")
    app.wait_for("Exited with code")
    shown = "\n".join(output(app))
    assert f"    {wait}\n" in shown
    frames = [line for line in shown.splitlines() if line.startswith('  File "')]
    ours = [line for line in frames if "desklaunch" in line]
    assert len(ours) == 1, shown
    assert "the Stop button, as Ctrl+C would" in shown
    assert shown.rstrip().endswith("KeyboardInterrupt")


MULTIPROCESSING = """
    import multiprocessing, os, sys, time
    from concurrent.futures import ProcessPoolExecutor

    def ticks():
        try:
            for n in range(200):
                print("tick", n, flush=True)
                time.sleep(0.05)
        except KeyboardInterrupt:
            print("the child got Ctrl+C", flush=True)
            raise

    def slow(n):
        print(f"task {n} in {os.getpid()}", flush=True)
        time.sleep(30)

    if __name__ == "__main__":
        context = multiprocessing.get_context(sys.argv[1])
        if sys.argv[2] == "process":
            child = context.Process(target=ticks)
            child.start()
            child.join()
            print("joined", child.exitcode)
        else:
            with ProcessPoolExecutor(2, mp_context=context) as pool:
                print(list(pool.map(slow, range(4))))
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[0] == b"Z"
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_stop_reaches_a_multiprocessing_child_the_program_waits_for(tmp_path: Path,
                                                                      method: str) -> None:
    """In a terminal Ctrl+C reaches the program's `multiprocessing` children too; a program
    waiting in `Process.join()` heard nothing of Stop before, nor did its child."""
    (tmp_path / "asks.py").write_text(textwrap.dedent(MULTIPROCESSING))
    with AppTest.from_file(tmp_path / "asks.py", args=[method, "process"], settle=0.2) as app:
        app.wait_for("tick 2")
        app.click("Stop")
        app.wait_for("Exited with code 130")
        assert "the child got Ctrl+C" in output(app)


def test_closing_ends_a_process_pools_workers(tmp_path: Path) -> None:
    """A `ProcessPoolExecutor`'s workers share desklaunch's process group: closing the
    window left them running, orphaned, for good."""
    (tmp_path / "asks.py").write_text(textwrap.dedent(MULTIPROCESSING))
    with AppTest.from_file(tmp_path / "asks.py", args=["spawn", "pool"], settle=0.2) as app:
        app.wait_for("task 1 in")
        pids = [int(line.split()[-1]) for line in output(app) if line.startswith("task ")]
    deadline = time.monotonic() + 10
    while not all(_gone(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_gone(pid) for pid in pids)


def test_asyncio_get_event_loop_gives_the_run_a_loop_as_a_main_thread_gets_one(
        tmp_path: Path) -> None:
    """`loop = asyncio.get_event_loop(); loop.run_until_complete(...)` raised "no current
    event loop in thread 'desklaunch-script-1'"; each run gets a loop of its own, as each
    process does, so one that closed its loop runs again."""
    app = start(tmp_path, """
        import asyncio
        loop = asyncio.get_event_loop()
        print(loop.run_until_complete(asyncio.sleep(0, result="done")))
        loop.close()
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["done"]
    app.click("Run again")
    app.wait_for("Exited with code 0")
    assert app.find("log", "Output").text.count("done") == 2


def test_a_child_given_the_programs_stdin_reads_the_field_as_any_child_does(
        tmp_path: Path) -> None:
    """`subprocess.run(..., stdin=sys.stdin)` failed in Popen ("fileno"), as the console's
    stdin has no descriptor: the child now starts, and reads the field as a child given no
    stdin does (console/childinput.py)."""
    app = start(tmp_path, """
        import subprocess, sys
        done = subprocess.run([sys.executable, "-c", "import sys; print(repr(sys.stdin.read()))"],
                              stdin=sys.stdin)
        print("child ended with", done.returncode)
    """)
    app.fill("Input", "one")
    app.submit()
    app.click("End input")
    app.wait_for("Exited with code 0")
    assert output(app)[-3:] == ["one", "'one\\n'", "child ended with 0"]


def test_closing_while_the_program_waits_for_a_child_runs_none_of_its_next_lines(
        tmp_path: Path) -> None:
    """Closing ended the child, and the program went on to its next step (a deploy after
    the build) before it was stopped; a closed terminal's program runs nothing more."""
    done = tmp_path / "deployed.txt"
    (tmp_path / "asks.py").write_text(textwrap.dedent(f"""
        import subprocess
        print("building", flush=True)
        subprocess.run(["sleep", "30"])
        open({str(done)!r}, "w").write("deployed")
    """))
    app = AppTest.from_file(tmp_path / "asks.py", settle=0.2)
    app.wait_for("building")
    app.close()
    time.sleep(0.5)
    assert not done.exists()


@pytest.mark.parametrize("how", ["stop", "close"])
def test_what_a_multiprocessing_child_starts_in_turn_ends_with_it(tmp_path: Path,
                                                                  how: str) -> None:
    """A child's own child (a worker's pool) was left running, orphaned, after Stop and
    after closing; a terminal's Ctrl+C and its closing reach it too."""
    (tmp_path / "asks.py").write_text(textwrap.dedent("""
        import multiprocessing, os, time

        def grandchild():
            print("grandchild", os.getpid(), flush=True)
            time.sleep(30)

        def child():
            inner = multiprocessing.get_context("spawn").Process(target=grandchild)
            inner.start()
            inner.join()

        if __name__ == "__main__":
            outer = multiprocessing.get_context("spawn").Process(target=child)
            outer.start()
            outer.join()
    """))
    with AppTest.from_file(tmp_path / "asks.py", settle=0.2) as app:
        app.wait_for("grandchild ")
        pid = int(output(app)[-1].split()[-1])
        if how == "stop":
            app.click("Stop")
            app.wait_for("Exited with code")
    deadline = time.monotonic() + 10
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(pid)
