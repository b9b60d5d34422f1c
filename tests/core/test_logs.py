"""The log file: where it goes, what it keeps, and the streams that stand in for a console."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from desklaunch.core import logs


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh log set-up whose user folders are under tmp_path; undone afterwards."""
    home = tmp_path / "state ü"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    monkeypatch.setattr(logs, "_path", None)
    monkeypatch.setattr(logs, "_handler", None)
    logger = logging.getLogger("desklaunch")
    handlers, level = list(logger.handlers), logger.level
    yield home
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level)


def test_the_log_goes_to_the_apps_user_log_folder(state_home: Path) -> None:
    path = logs.setup("My App")
    assert path == state_home / "My App" / "log" / "desklaunch.log"
    assert logs.current() == path
    assert logs.setup("Other") == path  # one log file per process


def test_warnings_are_kept_and_info_only_with_debug(state_home: Path) -> None:
    path = logs.setup("quiet")
    logging.getLogger("desklaunch.web.server").info("chatter")
    logging.getLogger("desklaunch.web.server").warning("port busy")
    text = path.read_text(encoding="utf-8")
    assert "port busy" in text and "chatter" not in text


def test_debug_keeps_everything(state_home: Path) -> None:
    path = logs.setup("chatty", debug=True)
    logging.getLogger("desklaunch.web.server").debug("every detail")
    assert "every detail" in path.read_text(encoding="utf-8")


def test_the_file_rotates_so_it_never_grows_past_a_few_megabytes(state_home: Path) -> None:
    path = logs.setup("busy")
    for _ in range(5 * logs.MAX_BYTES // 1000):
        logging.getLogger("desklaunch.core.session").warning("x" * 1000)
    kept = sorted(p.name for p in path.parent.iterdir())
    assert kept == ["desklaunch.log", "desklaunch.log.1", "desklaunch.log.2", "desklaunch.log.3"]
    assert all(p.stat().st_size <= logs.MAX_BYTES for p in path.parent.iterdir())


def test_a_stand_in_stream_logs_whole_lines_and_echoes(state_home: Path, tmp_path: Path) -> None:
    path = logs.setup("streams")
    echo_file = tmp_path / "echo.txt"
    with open(echo_file, "w", encoding="utf-8") as echo:
        stream = logs.LogStream("stderr", logging.ERROR, echo=echo)
        stream.write("Traceback (most recent call last):\n  File")
        stream.write(' "x.py"\nValueError: ü\n')
        stream.write("no newline yet")
        stream.flush()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(" stderr ", 1)[1] for line in lines[-4:]] == [
        "[MainThread] Traceback (most recent call last):", '[MainThread]   File "x.py"',
        "[MainThread] ValueError: ü", "[MainThread] no newline yet"]
    assert echo_file.read_text(encoding="utf-8").endswith("ValueError: ü\nno newline yet")


def test_a_stand_in_for_a_real_stream_hands_out_its_descriptor(tmp_path: Path) -> None:
    """A frozen app's stderr copies into the log; `faulthandler.enable()` and
    `subprocess.run(stderr=sys.stderr)` ask it for a descriptor, which is the real one's."""
    with open(tmp_path / "stderr.txt", "w", encoding="utf-8") as real:
        assert logs.LogStream("stderr", logging.ERROR, echo=real).fileno() == real.fileno()
    with pytest.raises(io.UnsupportedOperation):  # standing in for no stream at all
        logs.LogStream("stdout", logging.INFO).fileno()


def test_an_unwritable_log_folder_means_no_log_not_a_crash(tmp_path: Path, monkeypatch,
                                                            state_home: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    assert logs.setup("anything") is None
    assert logs.current() is None


def test_a_note_for_the_person_is_logged_at_its_own_level(state_home: Path,
                                                          tmp_path: Path) -> None:
    """A frozen app's stderr logs as errors; "already running" is no error."""
    path = logs.setup("notes")
    with open(tmp_path / "echo.txt", "w", encoding="utf-8") as echo:
        stream = logs.LogStream("stderr", logging.ERROR, echo=echo)
        stream.write("half a line")
        stream.note("desklaunch: Notes is already running", logging.WARNING)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 2)[2].split(" [")[0] for line in lines[-2:]] == [
        "ERROR stderr", "WARNING stderr"]
    assert lines[-1].endswith("desklaunch: Notes is already running")
    assert (tmp_path / "echo.txt").read_text(encoding="utf-8") == (  # as print() would
        "half a linedesklaunch: Notes is already running\n")
