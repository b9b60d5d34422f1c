"""What a reload replays of the script's JavaScript: an unanswered eval_js, never a run_js."""

from __future__ import annotations

from desklaunch.core.replay import ViewLog


def test_a_question_waits_in_the_replay_until_answered_a_plain_run_never_does() -> None:
    log = ViewLog()
    log.record({"cmd": "run_js", "src": "/res/k/a", "args": []})
    asking = {"cmd": "run_js", "src": "/res/k/b", "args": [1], "id": "js3"}
    log.record(asking)
    assert [c for c in log.replay() if c["cmd"] == "run_js"] == [asking]
    log.record({"cmd": "js_done", "id": "js3"})
    assert not [c for c in log.replay() if c["cmd"] in ("run_js", "js_done")]
