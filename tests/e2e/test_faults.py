"""Lost, cut and late answers, a reload mid-input, a server gone for a while: nothing is
lost and nothing shows twice. A real Chromium talks to the real server through a proxy
(tests/faultproxy.py) that misbehaves on purpose."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from faultproxy import FaultProxy
from pilot import build_app
from playwright.sync_api import BrowserContext, Page, expect

from desklaunch.ui import input, put_text

LINES = 5_000
QUESTIONS = 50
LINE = re.compile(r"^line \d+$")


def shown_lines(page: Page) -> list[str]:
    texts = page.evaluate("[...document.querySelectorAll('#pywebio-scope-ROOT p')]"
                          ".map((p) => p.textContent)")
    return [text for text in texts if LINE.match(text)]


@pytest.fixture
def through_proxy(context: BrowserContext) -> Iterator[Callable[..., tuple[Page, FaultProxy]]]:
    """`page, proxy = through_proxy(script, **faults)`: the app shown through a FaultProxy."""
    started: list[tuple[Any, FaultProxy, Page]] = []
    errors: list[str] = []

    def start(script: Callable[[], Any], **faults: Any) -> tuple[Page, FaultProxy]:
        app = build_app(script)
        url = app.start()
        proxy = FaultProxy(app.port, **faults)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        started.append((app, proxy, page))
        page.goto(proxy.url(url))
        return page, proxy

    yield start
    for app, proxy, page in started:
        page.close()
        proxy.close()
        assert app.close(), "the script did not stop"
    assert not errors, errors


def test_every_line_once_in_order_and_every_answer_once_despite_lost_answers(
        through_proxy) -> None:
    received: list[str] = []
    every = LINES // QUESTIONS

    def script() -> None:
        for number in range(1, LINES + 1):
            put_text(f"line {number}")
            if number % every == 0:
                received.append(input(f"Question {number // every}"))

    page, proxy = through_proxy(script, drop=0.05, cut=0.05, delay=0.2, seed=4)
    for question in range(1, QUESTIONS + 1):
        field = page.get_by_label(f"Question {question}", exact=True)
        field.fill(f"answer {question}")
        field.press("Enter")
    expect(page.get_by_text(re.compile(r"^Finished"))).to_be_visible()
    assert shown_lines(page) == [f"line {n}" for n in range(1, LINES + 1)]
    assert received == [f"answer {q}" for q in range(1, QUESTIONS + 1)]
    print(f"proxy: {proxy.tally}")
    assert proxy.tally.dropped and proxy.tally.cut and proxy.tally.delayed, proxy.tally


def test_a_reload_mid_input_and_a_server_gone_for_a_while_lose_nothing(through_proxy) -> None:
    received: list[str] = []

    def script() -> None:
        for number in range(1, 201):
            put_text(f"line {number}")
        received.append(input("Your name"))
        put_text(f"Hello, {received[-1]}!")
        received.append(input("Your town"))
        put_text(f"Greetings to {received[-1]}!")

    page, proxy = through_proxy(script, drop=0, cut=0, delay=0)
    page.get_by_label("Your name", exact=True).fill("Ad")
    page.reload()
    name = page.get_by_label("Your name", exact=True)
    expect(name).to_be_visible()
    assert shown_lines(page) == [f"line {n}" for n in range(1, 201)]
    name.fill("Ada")
    name.press("Enter")
    expect(page.get_by_text("Hello, Ada!", exact=True)).to_have_count(1)

    proxy.pause()
    expect(page.get_by_text(re.compile("reach the app"))).to_be_visible()
    town = page.get_by_label("Your town", exact=True)
    town.fill("Paris")
    town.press("Enter")  # sent while the server is unreachable: retried until it is back
    proxy.resume()
    expect(page.get_by_text("Greetings to Paris!", exact=True)).to_have_count(1)
    expect(page.get_by_text(re.compile("reach the app"))).to_have_count(0)
    expect(page.get_by_text(re.compile(r"^Finished"))).to_be_visible()
    assert shown_lines(page) == [f"line {n}" for n in range(1, 201)]
    assert received == ["Ada", "Paris"]
    assert proxy.tally.refused > 0
