"""Fixtures for the raw-socket tests: a real app (waitress + Bottle + the gate) per module.

`launch` is shared by a module's tests and already holds the window's cookie; `new_launch`
starts a fresh app per call, for tests that spend the one-time launch secret.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from rawhttp import Launch, greet, start


@pytest.fixture(scope="module")
def launch() -> Iterator[Launch]:
    """One app for a module's tests, entered (the cookie traded for the secret)."""
    running = start()
    running.enter()
    yield running
    assert running.close(), "a script thread did not stop"


@pytest.fixture
def new_launch() -> Iterator[Callable[..., Launch]]:
    """`new_launch(main=greet, **App options)`: a fresh app, closed at teardown."""
    started: list[Launch] = []

    def make(main: Callable[[], Any] = greet, **options: Any) -> Launch:
        started.append(start(main, **options))
        return started[-1]

    yield make
    stuck = [launch for launch in started if not launch.close()]
    assert not stuck, "a script thread did not stop"
