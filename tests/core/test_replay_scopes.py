"""Clearing or removing a scope drops what was inside it from the replay (bounded redraws)."""

from __future__ import annotations

from typing import Any

from desklaunch.core.replay import ViewLog


def text(words: str, scope: str = "ROOT") -> dict[str, Any]:
    return {"cmd": "output", "scope": scope, "position": -1,
            "widget": {"type": "text", "text": words, "inline": False}}


def make_scope(name: str, parent: str = "ROOT") -> dict[str, Any]:
    return {"cmd": "output", "scope": parent, "position": -1,
            "widget": {"type": "scope", "name": name, "children": []}}


def shown(log: ViewLog) -> list[str]:
    words = []
    for command in log.replay():
        if command["cmd"] == "output":
            widget = command["widget"]
            words.append(widget.get("text") or f"{widget['type']} {widget.get('name', '')}".strip())
        else:
            words.append(f"{command['cmd']} {command.get('scope', '')}".strip())
    return words


def record(*commands: dict[str, Any], limit: int = 10_000) -> ViewLog:
    log = ViewLog(limit=limit)
    for command in commands:
        log.record(command)
    return log


def test_a_region_redrawn_many_times_keeps_only_its_last_drawing() -> None:
    commands = [text("title"), make_scope("chart")]
    for n in range(1000):
        commands += [{"cmd": "clear", "scope": "chart"}, text(f"drawing {n}", "chart")]
    log = record(*commands, text("footer"))
    assert shown(log) == ["title", "scope chart", "clear chart", "drawing 999", "footer"]


def test_clearing_drops_what_was_in_scopes_made_inside_too() -> None:
    log = record(
        make_scope("outer"), make_scope("inner", "outer"), text("deep", "inner"),
        {"cmd": "output", "scope": "outer", "position": -1,
         "widget": {"type": "collapse", "inner": "@o9", "children": [], "title": "t"}},
        text("in the collapse", "@o9"), text("kept", "ROOT"),
        {"cmd": "clear", "scope": "outer"}, text("after", "outer"),
    )
    assert shown(log) == ["scope outer", "kept", "clear outer", "after"]


def test_a_removed_scope_leaves_its_content_out_and_is_removed_on_replay() -> None:
    log = record(make_scope("status"), text("busy", "status"), text("other"),
                 {"cmd": "remove", "scope": "status"})
    assert shown(log) == ["scope status", "other", "remove status"]


def test_the_remove_goes_when_the_scope_it_was_in_is_cleared() -> None:
    log = record(make_scope("panel"), make_scope("status", "panel"), text("x", "status"),
                 {"cmd": "remove", "scope": "status"}, {"cmd": "clear", "scope": "panel"})
    assert shown(log) == ["scope panel", "clear panel"]


def test_a_scope_the_log_never_saw_made_keeps_what_was_sent_to_it() -> None:
    # The page showed these in ROOT (it did not know the scope), so they must stay.
    log = record(text("lost", "nowhere"), {"cmd": "clear", "scope": "nowhere"})
    assert shown(log) == ["lost", "clear nowhere"]


def test_a_scope_made_again_after_a_remove_is_tracked_afresh() -> None:
    log = record(make_scope("s"), text("one", "s"), {"cmd": "remove", "scope": "s"},
                 make_scope("s"), text("two", "s"), {"cmd": "clear", "scope": "s"},
                 text("three", "s"))
    assert shown(log) == ["scope s", "remove s", "scope s", "clear s", "three"]


def test_trimming_still_bounds_the_log_with_scopes_in_it() -> None:
    commands = [make_scope("log")] + [text(f"line {n}", "log") for n in range(50)]
    log = record(*commands, limit=10)
    assert log.trimmed
    assert shown(log)[1:] == [f"line {n}" for n in range(40, 50)]


def test_a_scope_moved_into_a_container_belongs_to_the_container() -> None:
    scope = {"type": "scope", "name": "log", "children": [], "oid": "o1"}
    log = record(
        {"cmd": "output", "scope": "ROOT", "position": -1, "widget": scope},
        {"cmd": "output", "scope": "ROOT", "position": -1,
         "widget": {"type": "scrollable", "inner": "@o2", "children": [scope]}},
        text("line", "log"), {"cmd": "clear", "scope": "@o2"},
    )
    assert shown(log) == ["scrollable", "clear @o2"]


def test_a_style_given_to_an_output_goes_with_it_when_its_scope_is_cleared() -> None:
    styled = text("red", "box")
    styled["widget"]["oid"] = "o5"
    log = record(make_scope("box"), styled,
                 {"cmd": "style", "oid": "o5", "style": "color: red"},
                 {"cmd": "style", "oid": "o404", "style": "color: blue"},
                 {"cmd": "clear", "scope": "box"})
    assert shown(log) == ["scope box", "style", "clear box"]


def bar(name: str, scope: str, oid: str) -> dict[str, Any]:
    return {"cmd": "output", "scope": scope, "position": -1,
            "widget": {"type": "progress", "name": name, "oid": oid,
                       "updates": f"progress:{name}"}}


def progress(name: str, value: float) -> dict[str, Any]:
    return {"cmd": "progress", "name": name, "value": value, "coalesce": f"progress:{name}"}


def values(log: ViewLog) -> list[tuple[str, float]]:
    return [(c["name"], c["value"]) for c in log.replay() if c["cmd"] == "progress"]


def test_a_cleared_bar_takes_its_newest_value_out_of_the_replay() -> None:
    commands = [make_scope("job")]
    for n in range(100):
        commands += [{"cmd": "clear", "scope": "job"}, bar(f"file{n}", "job", f"o{n}"),
                     progress(f"file{n}", 0.5)]
    assert values(record(*commands)) == [("file99", 0.5)]


def test_a_bar_moved_into_a_container_keeps_its_value() -> None:
    moved = bar("copy", "ROOT", "o1")
    log = record(moved, progress("copy", 0.3),
                 {"cmd": "output", "scope": "ROOT", "position": -1,
                  "widget": {"type": "row", "inner": "@o2", "children": [moved["widget"]]}})
    assert values(log) == [("copy", 0.3)]


def test_an_old_bar_going_does_not_take_the_value_of_a_newer_one_of_its_name() -> None:
    log = record(make_scope("old"), bar("copy", "old", "o1"), bar("copy", "ROOT", "o2"),
                 progress("copy", 0.7), {"cmd": "clear", "scope": "old"})
    assert values(log) == [("copy", 0.7)]
