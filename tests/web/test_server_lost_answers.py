"""Answers lost on the way to the page, at the raw-socket level: the app still knows which
session is its own (the first one whose script runs), for its title, exit code and end."""

from __future__ import annotations

from rawhttp import HANG_GUARD

from desklaunch.ui import put_text, set_env


def ends_with_three() -> None:
    set_env(title="Mine")
    put_text("Ending")
    raise SystemExit(3)


def test_a_lost_first_answer_does_not_take_the_apps_first_session(new_launch) -> None:
    titles: list[str] = []
    launch = new_launch(ends_with_three, close_on_exit=True)
    launch.app.on_title = titles.append
    launch.enter()
    launch.request("GET", "/api/poll?ack=0")  # created a session; the page never heard
    session, view = launch.open_session()  # so it asked again: a second session
    launch.wait_for(session, view, "state")  # whose script ran to its end
    assert launch.app.ended.wait(HANG_GUARD), "--close-on-exit never ended the app"
    assert launch.app.exit_code == 3
    assert titles[-1] == "Mine"
