"""desklaunch/ui/apps.py with a real session thread and no page: switching stops the
running app wherever it is (blocked in a UI call, waiting for pins, busy in a loop) and
the page is told what to show."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

from desklaunch.ui import go_app, input, pin_wait_change, put_input, put_text, run_apps

WAIT = 10.0
"""A hang guard: nothing here should take more than a blink."""


def wait_until(condition: Any) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "it never happened"
        time.sleep(0.01)


def test_go_app_from_another_thread_stops_the_app_where_it_is(make_session) -> None:
    ended: list[str] = []
    ran: list[str] = []

    def asks() -> None:
        ran.append("asks")
        try:
            input("Name")
        finally:
            ended.append("asks")

    def pins() -> None:
        ran.append("pins")
        put_input("p")
        try:
            pin_wait_change("p")
        finally:
            ended.append("pins")

    def busy() -> None:
        ran.append("busy")
        try:
            while True:
                sum(range(100))
        finally:
            ended.append("busy")

    def after() -> None:
        put_text("after")

    session, sink = make_session(lambda: run_apps(
        {"asks": asks, "pins": pins, "busy": busy, "after": after}, first="asks"))
    session.start()
    sink.wait_for("input")
    switch = session.data["apps"]
    for name, previous in (("pins", "asks"), ("busy", "pins"), ("after", "busy")):
        threading.Thread(target=switch.request, args=(name,)).start()
        wait_until(lambda name=name: name in ran or name == "after")
        wait_until(lambda previous=previous: previous in ended)
    wait_until(lambda: any(c.get("widget", {}).get("text") == "after" for c in sink.commands))
    assert ended == ["asks", "pins", "busy"]
    # the form nobody waits for any more left the page; each app started on a clean page
    form = next(c["form"]["id"] for c in sink.commands if c["cmd"] == "input")
    assert {"cmd": "input_done", "id": form}.items() <= next(
        c for c in sink.commands if c["cmd"] == "input_done").items()
    shown = [c["current"] for c in sink.commands if c["cmd"] == "apps"]
    assert shown == [0, 1, 2, 3]  # positions in ["asks", "pins", "busy", "after", "index"]


def test_an_app_busy_in_code_that_runs_destructors_still_stops_when_another_is_asked_for(
        make_session, monkeypatch) -> None:
    """CPython drops an exception raised into a thread while it runs a `__del__` (or a
    weakref callback): half of this app's time is spent in one, so a single stop is lost
    every other time; the switch asks again until the app has stopped."""
    # What CPython reports of each dropped exception; pytest's own hook records them at a
    # cost that would keep the app inside the hook (where a stop is dropped too).
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: None)
    started: list[str] = []
    ended: list[str] = []

    class Dropped:
        def __del__(self) -> None:
            until = time.perf_counter() + 0.0005
            while time.perf_counter() < until:
                pass

    def busy() -> None:
        started.append("busy")
        try:
            while True:
                Dropped()
                until = time.perf_counter() + 0.0005
                while time.perf_counter() < until:
                    pass
        finally:
            ended.append("busy")

    def after() -> None:
        put_text("after")

    session, sink = make_session(lambda: run_apps({"busy": busy, "after": after},
                                                  first="busy"))
    session.start()
    wait_until(lambda: started)
    switch = session.data["apps"]
    for round_ in range(1, 6):  # each switch has an even chance of losing its first stop
        threading.Thread(target=switch.request, args=("after",)).start()
        wait_until(lambda round_=round_: len(ended) == round_)
        wait_until(lambda round_=round_: sum(c.get("widget", {}).get("text") == "after"
                                             for c in sink.commands) == round_)
        if round_ < 5:
            threading.Thread(target=switch.request, args=("busy",)).start()
            wait_until(lambda round_=round_: len(started) == round_ + 1)
    assert ended == ["busy"] * 5


def test_go_app_in_the_app_itself_and_an_unknown_name(make_session) -> None:
    problems: list[str] = []

    def first() -> None:
        try:
            go_app("nope")
        except ValueError as exc:
            problems.append(str(exc))
        go_app("second")
        problems.append("not reached")

    def second() -> None:
        put_text("second ran")

    session, sink = make_session(lambda: run_apps({"first": first, "second": second},
                                                  first="first"))
    session.start()
    wait_until(lambda: any(c.get("widget", {}).get("text") == "second ran"
                           for c in sink.commands))
    assert problems == ["go_app(): no app named 'nope' (the apps: first, second, index)"]
