"""ViewLog: what a reloaded page is sent so that it shows what the session shows."""

from __future__ import annotations

from typing import Any

from desklaunch.core.replay import ViewLog

TRIMMED_NOTE = "(earlier output trimmed)"


def text(words: str, scope: str = "ROOT", oid: str | None = None) -> dict[str, Any]:
    widget: dict[str, Any] = {"type": "text", "text": words, "inline": False}
    if oid is not None:
        widget["oid"] = oid
    return {"cmd": "output", "scope": scope, "position": -1, "widget": widget}


def form(form_id: str) -> dict[str, Any]:
    return {"cmd": "input", "form": {"id": form_id, "fields": [], "submit_label": "Submit",
                                     "cancelable": False}}


def shown(log: ViewLog) -> list[str]:
    """The replay, one short word per command, so a test reads like what the page shows."""
    words = []
    for command in log.replay():
        if command["cmd"] == "output":
            words.append(command["widget"].get("text", command["widget"]["type"]))
        elif command["cmd"] == "input":
            words.append("form " + command["form"]["id"])
        elif command["cmd"] == "input_error":
            words.append("error " + command["message"])
        elif command["cmd"] == "state":
            words.append("state " + command["state"])
        else:
            words.append(command["cmd"])
    return words


def record(log: ViewLog, *commands: dict[str, Any]) -> ViewLog:
    for command in commands:
        log.record(command)
    return log


def test_an_empty_session_replays_nothing():
    assert ViewLog().replay() == []


def test_a_pending_form_is_replayed_after_the_outputs_with_its_latest_error_only():
    log = record(ViewLog(), form("f1"), text("above"),
                 {"cmd": "input_error", "id": "f1", "field": "value", "message": "too short"},
                 {"cmd": "input_error", "id": "f1", "field": "value", "message": "too long"})
    assert shown(log) == ["above", "form f1", "error too long"]


def test_a_fields_check_as_it_is_left_keeps_the_other_fields_messages():
    def left(field: str, message: str) -> dict[str, Any]:
        return {"cmd": "input_error", "id": "f1", "field": field, "message": message,
                "only": True}

    log = record(ViewLog(), form("f1"),
                 {"cmd": "input_error", "id": "f1", "field": "a", "message": "too short"},
                 left("b", "taken"), left("c", "odd"), left("b", "still taken"))
    assert shown(log) == ["form f1", "error too short", "error odd", "error still taken"]
    record(log, {"cmd": "input_error", "id": "f1", "field": "a", "message": "all wrong"})
    assert shown(log) == ["form f1", "error all wrong"]


def test_an_answered_form_leaves_the_replay():
    log = record(ViewLog(), form("f1"), {"cmd": "input_done", "id": "f1"}, form("f2"))
    assert shown(log) == ["form f2"]


def test_toasts_are_never_replayed():
    log = record(ViewLog(), text("a"),
                 {"cmd": "toast", "text": "Saved", "duration": 2, "color": "success"})
    assert shown(log) == ["a"]


def test_only_the_last_end_state_is_kept_and_it_comes_last():
    log = record(ViewLog(),
                 {"cmd": "state", "state": "error", "code": 1, "traceback": "boom"},
                 {"cmd": "state", "state": "finished", "code": 0, "traceback": None},
                 text("after"))
    assert shown(log) == ["after", "state finished"]


def test_the_title_is_replayed_first_with_every_env_setting_merged():
    log = record(ViewLog(), text("a"), {"cmd": "env", "title": "Old", "seq": 1},
                 {"cmd": "env", "title": "Converter", "seq": 3})
    assert log.replay()[0] == {"cmd": "env", "title": "Converter"}


def test_clearing_root_empties_the_outputs_but_keeps_title_form_and_state():
    log = record(ViewLog(), {"cmd": "env", "title": "T"}, text("a"), text("b", scope="box"),
                 form("f1"), {"cmd": "clear", "scope": "ROOT"}, text("c"))
    assert shown(log) == ["env", "c", "form f1"]


def test_a_frame_command_survives_clearing_root_and_a_plain_coalesced_one_does_not():
    log = record(ViewLog(), {"cmd": "apps", "id": "a1", "coalesce": "apps", "frame": True},
                 {"cmd": "progress", "name": "p", "value": 0.5, "coalesce": "progress:p"},
                 text("a"), {"cmd": "clear", "scope": "ROOT"}, text("b"))
    assert shown(log) == ["b", "apps"]


def test_clearing_another_scope_is_replayed_in_its_place():
    log = record(ViewLog(), text("a", scope="box"), {"cmd": "clear", "scope": "box"},
                 text("b", scope="box"))
    assert shown(log) == ["a", "clear", "b"]


def test_past_the_bound_the_oldest_outputs_go_and_a_note_says_so():
    log = record(ViewLog(limit=3), {"cmd": "env", "title": "T"},
                 *[text(str(n)) for n in range(10)], form("f1"))
    assert log.trimmed
    assert shown(log) == ["env", TRIMMED_NOTE, "7", "8", "9", "form f1"]


def test_past_the_text_bound_the_oldest_outputs_go_however_few_they_are():
    """A print flood's console output: few commands, each large."""
    chunk = "line\n" * 2_000  # 10,000 characters
    writes = [{"cmd": "console_write", "chunks": [["out", chunk]]} for _ in range(10)]
    log = record(ViewLog(max_text=35_000), *writes, text("last"))
    assert log.trimmed
    assert shown(log) == [TRIMMED_NOTE, "console_write", "console_write", "console_write",
                          "last"]


def test_within_the_bound_nothing_is_trimmed():
    log = record(ViewLog(limit=3), *[text(str(n)) for n in range(3)])
    assert shown(log) == ["0", "1", "2"]


def test_clearing_root_after_trimming_drops_the_note():
    log = record(ViewLog(limit=2), *[text(str(n)) for n in range(5)],
                 {"cmd": "clear", "scope": "ROOT"}, text("fresh"))
    assert shown(log) == ["fresh"]


def test_a_coalesced_command_is_replayed_in_its_newest_form_only():
    log = record(ViewLog(), *[{"cmd": "progress", "coalesce": "bar", "value": v}
                              for v in (0.1, 0.5, 0.9)])
    assert [c["value"] for c in log.replay()] == [0.9]


def test_an_output_moved_into_a_container_is_replayed_once_inside_it():
    inner = text("inside", oid="o1")
    container = {"cmd": "output", "scope": "ROOT", "position": -1,
                 "widget": {"type": "scope", "name": "box", "oid": "o2",
                            "children": [inner["widget"]]}}
    log = record(ViewLog(), inner, text("other"), container)
    assert shown(log) == ["other", "scope"]


def test_a_closed_output_leaves_the_replay_with_what_was_sent_into_it():
    box = {"cmd": "output", "scope": "ROOT", "position": -1,
           "widget": {"type": "message", "oid": "o1", "inner": "@o1", "children": []}}
    log = record(ViewLog(), text("before"), box, text("in the box", scope="@o1"),
                 text("after"), {"cmd": "close_output", "oid": "o1"})
    assert shown(log) == ["before", "after"]


def test_an_output_closed_inside_a_container_is_closed_again_after_it():
    inner = text("warning", oid="o1")
    row = {"cmd": "output", "scope": "ROOT", "position": -1,
           "widget": {"type": "row", "oid": "o2", "children": [inner["widget"]]}}
    log = record(ViewLog(), inner, row, {"cmd": "close_output", "oid": "o1"})
    assert shown(log) == ["row", "close_output"]


def test_files_a_field_gained_are_replayed_from_what_is_staged_after_their_form():
    def files(form_id: str, *tokens: str) -> dict[str, Any]:
        return {"cmd": "field_update", "id": form_id, "field": "photos",
                "changes": {"add_files": [{"token": t} for t in tokens]}}

    log = record(ViewLog(), form("f1"), files("f1", "u1", "u2"), {"cmd": "state", "state": "x"})
    assert shown(log) == ["form f1", "state x"]  # u2 may have been removed since
    staged = [files("f1", "u1"), files("f9", "u7")]  # f9: a form no longer shown
    assert shown_with(log, staged) == ["form f1", "files u1", "state x"]


def shown_with(log: ViewLog, staged: list[dict[str, Any]]) -> list[str]:
    words = []
    for command in log.replay(staged):
        if command["cmd"] == "field_update":
            words.append("files " + " ".join(f["token"] for f in command["changes"]["add_files"]))
        elif command["cmd"] == "input":
            words.append("form " + command["form"]["id"])
        else:
            words.append(f"{command['cmd']} {command.get('state', '')}".strip())
    return words
