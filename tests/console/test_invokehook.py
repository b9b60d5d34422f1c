"""invoke's tasks in the console (console/invokehook.py): a command a task runs ends the run
when it is done, as in a terminal."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from menu_programs import output, start

from desklaunch.testing import AppTest


# invoke leaves its command's pipes to the garbage collector, in a terminal too: collected
# here, under this mark, not in whichever test runs next
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_command_an_invoke_task_runs_ends_when_it_is_done(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from invoke import Context

        result = Context().run("echo built")
        print("ok:", result.ok, result.stdout.strip())
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["built", "ok: True built"]
    app.close()
    gc.collect()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_stop_ends_an_invoke_command_as_ctrl_c_does_without_an_error_about_its_input(
        tmp_path: Path) -> None:
    """invoke types Ctrl+C into its command's input on an interrupt; that input is closed in
    a console run, so Stop showed "I/O operation on closed file" over the interrupt. Stop's
    SIGINT reaches the command itself, and invoke exits as in a terminal: the command died
    of SIGINT (-2), so 254, with no traceback."""
    (tmp_path / "tasks.py").write_text(
        "from invoke import task\n\n"
        "@task\n"
        "def slow(c):\n"
        "    c.run('for i in 1 2 3 4 5 6 7 8 9; do echo tick $i; sleep 0.5; done')\n")
    (tmp_path / "asks.py").write_text(
        "import os\n"
        "from invoke import Program\n"
        "os.chdir(os.path.dirname(os.path.abspath(__file__)))\n"
        "Program().run(['invoke', 'slow'])\n")
    app = AppTest.from_file(tmp_path / "asks.py", settle=0.1)
    app.wait_for("tick 2")
    app.click("Stop")
    app.wait_for("Exited with code 254")
    lines = output(app)
    assert lines[:2] == ["tick 1", "tick 2"] and "tick 9" not in lines
    assert all(line.startswith("tick ") for line in lines)  # no traceback, no closed file
    app.close()
    gc.collect()
