"""invoke's tasks in the console (console/invokehook.py): a command a task runs ends the run
when it is done, as in a terminal."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from menu_programs import output, start


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
