"""`desklaunch script.py` on a plain script, as a user runs it: console mode, end to end."""

from __future__ import annotations

from test_cli import run_attached, write


def test_a_plain_script_runs_in_console_mode_and_exits_with_its_code(tmp_path):
    script = write(tmp_path, "plain.py", """\
        import os, sys
        print("to the console")
        os.system("echo child output")
        sys.exit(3)
    """)
    result = run_attached(tmp_path, script)
    assert result.returncode == 3
    # The script's output went to the window, not to the terminal.
    assert "to the console" not in result.stdout + result.stderr
    assert "child output" not in result.stdout + result.stderr


def test_an_exception_in_console_mode_is_also_reported_on_stderr(tmp_path):
    script = write(tmp_path, "boom.py", "raise ValueError('boom')\n")
    result = run_attached(tmp_path, "--console", script)
    assert result.returncode == 1
    assert "ValueError: boom" in result.stderr
