"""A coroutine-based PyWebIO app, started the PyWebIO way."""

import asyncio

from pywebio import start_server
from pywebio.input import input
from pywebio.output import put_text
from pywebio.session import run_asyncio_coroutine


async def greeter():
    name = await input("Your name")
    await run_asyncio_coroutine(asyncio.sleep(0))
    put_text(f"Hello, {name}")


if __name__ == "__main__":
    start_server(greeter, port=8080)
