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


def test_an_alarm_the_script_set_calls_its_handler(tmp_path):
    script = write(tmp_path, "alarm.py", """\
        import signal, sys, time

        def too_slow(signum, frame):
            raise TimeoutError(f"signal {signum}")

        signal.signal(signal.SIGALRM, too_slow)
        signal.alarm(1)
        try:
            time.sleep(20)
        except TimeoutError as exc:
            sys.exit(7 if str(exc) == f"signal {int(signal.SIGALRM)}" else 1)
    """)
    assert run_attached(tmp_path, script).returncode == 7


def test_an_alarm_with_no_handler_ends_the_run_as_it_ends_a_process(tmp_path):
    script = write(tmp_path, "alarm.py", "import signal, time\nsignal.alarm(1)\ntime.sleep(20)\n")
    assert run_attached(tmp_path, script).returncode == 128 + 14  # the shell's code for it
