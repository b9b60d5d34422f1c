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


def test_a_switch_asked_for_as_the_app_ends_on_its_own_leaves_the_switch_working(
        make_session) -> None:
    """The app returns while the switch is deciding to stop it: the stop then reaches the
    script's thread as it waits for the switch's lock. It must not leave that lock held
    (a later switch could then not stop a busy app) nor stop the app shown next."""
    busy_ended: list[int] = []

    def quick() -> None:
        threading.Thread(target=switch.request, args=("busy",), daemon=True).start()
        time.sleep(0.05)  # the request holds the switch's lock by now; the app ends

    def busy() -> None:
        put_text(f"busy {len(busy_ended) + 1}")
        try:
            while True:
                sum(range(100))
        finally:
            busy_ended.append(1)

    session, sink = make_session(lambda: run_apps({"quick": quick, "busy": busy},
                                                  first="busy"))
    raise_in_script = session.raise_in_script

    def late_stop(exc_type: type[BaseException]) -> bool:
        time.sleep(0.2)  # the stop goes out only once the app has returned
        return raise_in_script(exc_type)

    session.raise_in_script = late_stop  # type: ignore[method-assign]
    session.start()
    wait_until(lambda: "apps" in session.data)
    switch = session.data["apps"]
    for round_ in range(1, 5):
        wait_until(lambda round_=round_: any(
            c.get("widget", {}).get("text") == f"busy {round_}" for c in sink.commands))
        if round_ < 4:
            threading.Thread(target=switch.request, args=("quick",), daemon=True).start()
            wait_until(lambda round_=round_: len(busy_ended) == round_)
    shown = [c["current"] for c in sink.commands if c["cmd"] == "apps"]
    assert shown == [1, 0, 1, 0, 1, 0, 1]  # positions in ["quick", "busy", "index"]


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
