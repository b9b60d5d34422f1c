"""A board game on a button grid, PyWebIO style: the script loops until the page goes,
a background clock runs beside it, and session-local state keeps the score."""

import asyncio
import itertools
import time

from pywebio import session, start_server
from pywebio.output import put_buttons, put_table, put_text, use_scope
from pywebio.session import defer_call, info, local, run_async

board = [[" "] * 3 for _ in range(3)]
moves = itertools.cycle("XO")


def winner():
    lines = [*board, *zip(*board, strict=True), [board[i][i] for i in range(3)],
             [board[i][2 - i] for i in range(3)]]
    return next((line[0] for line in lines if line[0] != " " and len(set(line)) == 1), None)


def place(cell):
    x, y = cell
    if board[x][y] == " " and not winner():
        board[x][y] = next(moves)
        local.moves = (local.moves or 0) + 1


@use_scope("board", clear=True)
def show():
    put_table([[put_buttons([{"label": board[x][y], "value": (x, y), "color": "light"}],
                            onclick=place) if board[x][y] == " " else board[x][y]
                for y in range(3)] for x in range(3)])


async def clock():
    ticks = 0
    while True:
        ticks += 1
        with use_scope("clock", clear=True):
            put_text(f"tick {ticks}")
        await asyncio.sleep(0.05)


def main():
    """Tic-tac-toe"""
    defer_call(lambda: None)
    put_text(f"on a pc: {info.user_agent.is_pc}, browser: {info.user_agent.browser.family}")
    ticking = run_async(clock())

    def stop(_):
        ticking.close()
        put_text(f"clock closed: {ticking.closed()}")

    put_buttons(["Stop clock"], onclick=stop)
    show()
    shown = sum(row.count(" ") for row in board)
    while not winner() and not session.get_current_session().closed():
        left = sum(row.count(" ") for row in board)
        if left != shown:
            shown = left
            show()
        time.sleep(0.02)
    show()
    put_text(f"{winner()} wins after {local.moves} moves; clock stopped: {ticking.closed()}")


if __name__ == "__main__":
    start_server(main, port=8080)
