"""A PyWebIO coroutine app that opens its database as the script is imported, as PyWebIO
apps do, and uses it from its main coroutine, a coroutine it starts with `run_async`, a
plain callback and a coroutine callback. SQLite refuses a connection used by a thread other
than the one that made it; PyWebIO runs all of these on the thread that imported the
script."""

import asyncio
import sqlite3
import threading

from pywebio import start_server
from pywebio.output import put_buttons, put_text
from pywebio.session import run_async

db = sqlite3.connect(":memory:")
db.execute("create table visits (n)")
IMPORTED_ON = threading.current_thread().name


def count() -> int:
    return db.execute("select count(*) from visits").fetchone()[0]


def same_thread() -> str:
    return "the importing thread" if threading.current_thread().name == IMPORTED_ON else (
        f"another thread ({threading.current_thread().name})")


async def later() -> None:
    await asyncio.sleep(0.05)
    put_text(f"later: {count()} visits, on {same_thread()}")


def add(_: object = None) -> None:
    db.execute("insert into visits values (1)")
    put_text(f"added: {count()} visits, on {same_thread()}")


async def add_later(_: object = None) -> None:
    await asyncio.sleep(0)
    add()


async def main() -> None:
    put_text(f"main: {count()} visits, on {same_thread()}")
    run_async(later())
    put_buttons(["Add", "Add later"], onclick=[add, add_later])


if __name__ == "__main__":
    start_server(main, port=8080)
