"""An async script: a top-level `async def main`, an awaited input and an async callback."""

import asyncio

from desklaunch.ui import input, put_buttons, put_text


async def main() -> None:
    name = await input("Your name")
    put_text(f"Hello, {name}!")

    async def later(label: str) -> None:
        await asyncio.sleep(0)
        put_text(f"Awaited {label}")

    put_buttons(["Later"], onclick=later)
