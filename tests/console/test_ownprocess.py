"""A console program that signals itself meets the signal in its own run, as in a terminal,
and the app stays (console/ownprocess.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from menu_programs import output, start


def test_a_program_that_interrupts_itself_catches_it_and_goes_on(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import os, signal, time
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
            print("not interrupted")
        except KeyboardInterrupt:
            print("caught KeyboardInterrupt from os.kill")
        print("still running")
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["caught KeyboardInterrupt from os.kill", "still running"]


def test_a_watchdog_thread_interrupts_the_programs_main_thread(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import _thread, threading, time
        threading.Timer(0.2, _thread.interrupt_main).start()
        try:
            time.sleep(10)
        except KeyboardInterrupt:
            print("main interrupted by the watchdog")
        answer = input("Go on? ")
        print("went on:", answer)
    """)
    app.fill("Go on?", "yes")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["main interrupted by the watchdog", "Go on? yes", "went on: yes"]


def test_a_signal_raised_calls_the_programs_handler_before_its_next_line(tmp_path: Path
                                                                        ) -> None:
    app = start(tmp_path, """
        import os, signal
        heard = []
        signal.signal(signal.SIGUSR1, lambda number, frame: heard.append(number))
        signal.raise_signal(signal.SIGUSR1)
        print("heard", heard == [signal.SIGUSR1])
        os.kill(os.getpid(), 0)  # only asks whether the process is there
        print("still here")
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["heard True", "still here"]


def test_a_program_that_terminates_itself_ends_its_run_and_the_app_stays(tmp_path: Path
                                                                        ) -> None:
    app = start(tmp_path, """
        import os, signal, time
        print("saving", flush=True)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
        print("never")
    """)
    app.wait_for("Exited with code 143")
    assert output(app) == ["saving"]
    app.click("Run again")
    app.wait_for("Exited with code 143")


def test_os_exit_ends_the_run_with_its_code_and_its_last_output_shows(tmp_path: Path
                                                                     ) -> None:
    """Its `atexit` functions are skipped, as `os._exit` skips them; the app stays."""
    app = start(tmp_path, """
        import atexit, os
        atexit.register(print, "atexit ran")
        print("Important result: 42")
        try:
            os._exit(3)
        finally:
            pass
        print("never")
    """)
    app.wait_for("Exited with code 3")
    assert output(app) == ["Important result: 42"]


# The worker's own thread ends with SystemExit, as `sys.exit()` in a thread ends it: silent
# in a process, reported by pytest's watch on threads.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_os_exit_in_a_worker_thread_ends_the_whole_program(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import os, threading, time
        threading.Thread(target=lambda: (print("worker giving up"), os._exit(4))).start()
        time.sleep(10)
        print("never")
    """)
    app.wait_for("Exited with code 4")
    assert output(app) == ["worker giving up"]


def test_a_program_that_execs_another_shows_its_output_and_ends_with_its_code(
        tmp_path: Path) -> None:
    """`python -m ruff` execs ruff's binary: the app must not become it."""
    app = start(tmp_path, """
        import atexit, os, sys
        atexit.register(print, "atexit ran")
        print("handing over", end=" ")  # unflushed: a terminal would lose it; shown here
        os.execvp("sh", ["sh", "-c", "echo replaced by sh; exit 5"])
        print("never")
    """)
    app.wait_for("Exited with code 5")
    assert output(app) == ["handing over replaced by sh"]


def test_stop_ends_what_the_program_execd_and_the_run_with_130(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import os
        os.execl("/bin/sh", "sh", "-c", "echo watching; sleep 30")
    """)
    app.wait_for("watching")
    app.click("Stop")
    app.wait_for("Exited with code 130")


def test_exec_of_a_missing_program_fails_as_exec_does(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import os
        try:
            os.execvp("no-such-program-here", ["no-such-program-here"])
        except FileNotFoundError as exc:
            print("not found:", exc, exc.filename)
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["not found: [Errno 2] No such file or directory None"]
