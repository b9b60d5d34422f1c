"""Scripts run to their end, plain or as coroutines, with the test kit in process (closing
windows and crashing scripts are tested for real in tests/e2e/ and tests/window/)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from desklaunch.ui import input, put_buttons, put_text

ROOT = Path(__file__).parents[1]
HELLO = ROOT / "examples" / "hello.py"
ASYNC_HELLO = ROOT / "tests" / "e2e" / "scripts" / "async_hello.py"


def test_each_click_on_again_adds_one_line(desklaunch_app) -> None:
    app = desklaunch_app(HELLO)
    app.fill("Your name", "Ada")
    app.submit()
    app.click("Again")
    assert app.text.count("Clicked Again") == 1
    app.click("Again")
    assert app.text.count("Clicked Again") == 2


def test_a_file_with_async_def_main_runs_as_a_coroutine(desklaunch_app) -> None:
    app = desklaunch_app(ASYNC_HELLO)
    app.fill("Your name", "Ada")
    app.submit()
    assert "Hello, Ada!" in app.text
    app.click("Later")
    assert "Awaited Later" in app.text
    assert app.text.endswith("Finished")
    assert app.program.kind == "coroutine"


def test_an_async_function_runs_as_a_coroutine(desklaunch_app) -> None:
    async def script() -> None:
        first = await input("First")
        second = await input("Second")

        async def on_click(value: int) -> None:
            await asyncio.sleep(0)
            put_text(f"Sum {first} + {second} = {value}")

        put_buttons([("Add", int(first) + int(second))], onclick=on_click)

    app = desklaunch_app(script)
    app.fill("First", "2")
    app.submit()
    app.fill("Second", "3")
    app.submit()
    app.click("Add")
    assert "Sum 2 + 3 = 5" in app.text
    assert app.program.kind == "coroutine"
