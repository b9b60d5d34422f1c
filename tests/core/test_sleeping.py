"""`time.sleep` in a session's threads: woken by the session's close, the real one elsewhere."""

from __future__ import annotations

import threading
import time

import pytest

from desklaunch.core import sleeping
from desklaunch.errors import SessionClosed

WAIT = 10.0  # hang guard only


def test_a_sleeping_script_wakes_with_session_closed_when_its_session_closes(make_session):
    ended_with: list[type[BaseException]] = []
    asleep = threading.Event()

    def main() -> None:
        asleep.set()
        try:
            sleeping.session_sleep(60)
        except BaseException as exc:
            ended_with.append(type(exc))
            raise

    session, _ = make_session(main)
    session.start()
    assert asleep.wait(WAIT)
    session.close()
    assert session.join(WAIT)
    assert ended_with == [SessionClosed]
    assert session.outcome.state == "closed"


def test_a_script_sleeps_the_whole_time_asked_while_its_session_is_open(make_session):
    slept: list[float] = []

    def main() -> None:
        started = time.monotonic()
        sleeping.session_sleep(0.2)
        slept.append(time.monotonic() - started)

    session, _ = make_session(main)
    session.start()
    assert session.finished.wait(WAIT)
    assert slept[0] >= 0.2
    assert session.outcome.state == "finished"


def test_a_thread_of_no_session_sleeps_as_always():
    started = time.monotonic()
    sleeping.session_sleep(0.05)
    assert time.monotonic() - started >= 0.05


@pytest.mark.parametrize("seconds", [-1, float("nan"), "1"])
def test_what_time_sleep_refuses_is_refused_with_its_own_message(make_session, seconds):
    with pytest.raises((ValueError, TypeError)) as real:
        time.sleep(seconds)
    caught: list[BaseException] = []

    def main() -> None:
        try:
            sleeping.session_sleep(seconds)
        except (ValueError, TypeError) as exc:
            caught.append(exc)

    session, _ = make_session(main)
    session.start()
    assert session.finished.wait(WAIT)
    assert type(caught[0]) is real.type and str(caught[0]) == str(real.value)


def test_install_puts_it_in_time_sleep_until_the_last_uninstall():
    real = time.sleep
    sleeping.install()
    sleeping.install()
    try:
        assert time.sleep is sleeping.session_sleep
        sleeping.uninstall()
        assert time.sleep is sleeping.session_sleep
    finally:
        sleeping.uninstall()
    assert time.sleep is real
