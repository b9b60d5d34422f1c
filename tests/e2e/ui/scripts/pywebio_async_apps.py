"""Two PyWebIO apps in one `start_server({...})`, one a coroutine app that opens nothing
of its own: it uses the database the script opened as it was imported, from a callback
and from a coroutine it leaves running after it returns, as PyWebIO lets it."""

import asyncio
import sqlite3

from pywebio import start_server
from pywebio.output import put_buttons, put_text
from pywebio.session import run_async

db = sqlite3.connect(":memory:")
db.execute("create table notes (text)")


async def ticker() -> None:
    await asyncio.sleep(0.05)
    db.execute("insert into notes values ('tick')")
    put_text(f"ticked: {db.execute('select count(*) from notes').fetchone()[0]} notes")


def note(_: object) -> None:
    db.execute("insert into notes values ('note')")
    put_text(f"noted: {db.execute('select count(*) from notes').fetchone()[0]} notes")


async def notes() -> None:
    """Notes"""
    put_buttons(["Note"], onclick=note)
    run_async(ticker())


def about() -> None:
    """About"""
    put_text("Notes keeps notes.")


if __name__ == "__main__":
    start_server({"notes": notes, "about": about})
