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
        while time.monotonic() < deadline and b"SCREEN" not in seen:
            if select.select([terminal], [], [], 1)[0]:
                seen += os.read(terminal, 65536)
    if b"SCREEN" not in seen:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(terminal)
    assert b"no terminal" in seen, seen.decode(errors="replace")
