"""A child process reading the console's field (console/childinput.py), in process."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import signal
import sys
import textwrap
import time
from pathlib import Path

import pytest
from menu_programs import output, start


def test_a_process_a_shell_started_asks_through_the_shell(tmp_path: Path) -> None:
    """The reader is a grandchild (`sh -c "python …"`): the field asks for it all the same."""
    app = start(tmp_path, """
        import subprocess
        subprocess.run(["sh", "-c", "python3 -c \\"print('deep', input('Deep question: '))\\""])
        print("done")
    """)
    app.fill("Deep question:", "yes")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["Deep question: yes", "deep yes", "done"]


def test_a_child_that_reads_nothing_is_asked_nothing(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import subprocess
        subprocess.run(["sh", "-c", "echo working; sleep 0.5; echo worked"])
        print("got", input("Name: "))
    """)
    app.wait_for("worked")
    app.fill("Name:", "Ada")  # the first field there is the program's
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["working", "worked", "Name: Ada", "got Ada"]


def test_lines_pasted_together_feed_the_childs_reads_one_by_one(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import os
        os.system("read a; read b; echo \\"first $a, then $b\\"")
    """)
    app.fill("Input", "one\ntwo")  # a paste: "one" is entered, "two" waits in the field
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "first one, then two"


@pytest.mark.parametrize("wait", [
    "select.select([sys.stdin], [], [])",
    "p = select.poll(); p.register(0, select.POLLIN); p.poll()",
    "e = select.epoll(); e.register(0, select.EPOLLIN); e.poll()",
], ids=["select", "poll", "epoll"])
def test_a_child_that_waits_for_its_input_before_reading_it_is_asked(
        tmp_path: Path, wait: str) -> None:
    """npm's questions, Node's readline and bash's `read -t` wait in `poll`, `select` or
    `epoll_wait` before they read: the run hung with no field to answer in."""
    app = start(tmp_path, f"""
        import subprocess, sys
        subprocess.run([sys.executable, "-c", "import select, sys; print('Ready?', end=' ', "
                        "flush=True); {wait}; print('got', input())"])
    """)
    app.fill("Ready?", "yes")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "got yes"


def test_a_childs_getpass_throws_away_the_lines_pasted_ahead(tmp_path: Path) -> None:
    """As getpass does on a terminal: a line pasted for an earlier question never becomes
    the password, nor shows on the screen."""
    app = start(tmp_path, """
        import subprocess, sys
        name = input("Name: ")
        subprocess.run([sys.executable, "-W", "ignore", "-c",
                        "import getpass; print(len(getpass.getpass('Child password: ')))"])
    """)
    app.fill("Name:", "Ada\nhunter2\n")  # a paste of two lines
    app.fill("Child password:", "s3cret")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "6"
    assert "hunter2" not in app.text


def test_a_child_finds_no_terminal_even_when_desklaunch_was_started_from_one(
        tmp_path: Path) -> None:
    """desklaunch started from a terminal: a child reading that terminal itself
    (`ssh-keygen`'s passphrase, `sudo`) was stopped for good (SIGTTIN, a group outside
    the terminal's foreground). It now has none, and fails with its own message."""
    program = tmp_path / "asks_the_terminal.py"
    program.write_text(textwrap.dedent("""
        import subprocess, sys
        subprocess.run([sys.executable, "-c", '''
        import os
        try:
            fd = os.open("/dev/tty", os.O_RDWR)
        except OSError:
            print("no terminal")
        else:
            print("read", os.read(fd, 1))
        '''])
    """))
    driver = tmp_path / "driver.py"
    driver.write_text(textwrap.dedent(f"""
        from desklaunch.testing import AppTest
        app = AppTest.from_file({str(program)!r}, settle=0.2)
        app.wait_for("Exited with code", timeout=10)
        print("SCREEN", app.text.replace("\\n", "|"))
        app.close()
    """))
    pid, terminal = pty.fork()  # the driver, in a session whose terminal this is
    if pid == 0:
        os.execv(sys.executable, [sys.executable, str(driver)])
    seen = b""
    deadline = time.monotonic() + 60
    with contextlib.suppress(OSError):  # EIO once the driver has ended
        while time.monotonic() < deadline and b"Run again" not in seen:
            if select.select([terminal], [], [], 1)[0]:
                seen += os.read(terminal, 65536)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(terminal)
    assert b"no terminal" in seen, seen.decode(errors="replace")


def test_a_child_given_its_own_group_or_session_reads_the_field_too(tmp_path: Path) -> None:
    """`process_group=0` raised PermissionError (a session was added to it), and a child
    given `preexec_fn` read desklaunch's own stdin."""
    app = start(tmp_path, """
        import os, subprocess, sys
        ask = [sys.executable, "-c", "print('got', input('Word: '))"]
        subprocess.run(ask, process_group=0)
        subprocess.run(ask, preexec_fn=os.setpgrp)
        subprocess.run(ask, start_new_session=True)
    """)
    for word in ("one", "two", "three"):
        app.fill("Word:", word)
        app.submit()
        app.wait_for(f"got {word}")
    app.wait_for("Exited with code 0")


def test_a_childs_question_for_a_password_hides_what_is_typed(tmp_path: Path) -> None:
    """bash's `read -s`, C's getpass(3) and openssl cannot turn the echo off on a pipe."""
    app = start(tmp_path, """
        import os
        os.system("bash -c 'printf \\"Password: \\"; read -s pw; echo; echo \\"length ${#pw}\\"'")
    """)
    app.fill("Password:", "hunter2")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "length 7"
    assert "hunter2" not in app.text


def test_end_input_reaches_a_child_though_a_forked_worker_runs(tmp_path: Path) -> None:
    """A forked process held a copy of the child's input, which stayed open."""
    app = start(tmp_path, """
        import multiprocessing, subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c",
                                  "import sys; print('read', len(sys.stdin.read()))"])
        worker = multiprocessing.get_context("fork").Process(target=time.sleep, args=(30,))
        worker.start()
        child.wait()
        worker.terminate()
        worker.join()
    """)
    app.fill("Input", "abc")
    app.submit()
    app.click("End input")
    app.wait_for("read 4", timeout=10)  # not after the worker's 30 s
    app.wait_for("Exited with code 0")


def test_children_started_while_another_is_asked_leave_no_pipe_open(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import os, subprocess, sys, time
        reader = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"])
        time.sleep(0.5)  # it is asked for its input
        before = len(os.listdir("/proc/self/fd"))
        for _ in range(40):
            subprocess.run(["true"])
        time.sleep(0.5)
        print("more open:", len(os.listdir("/proc/self/fd")) - before > 20)
        reader.kill()
        reader.wait()
    """)
    app.wait_for("more open:", timeout=20)
    assert "more open: False" in app.text
