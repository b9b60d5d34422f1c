"""The processes descended from a process, as Linux names them in /proc now."""

from __future__ import annotations

import os
from collections.abc import Iterator


def descendants(pids: list[int]) -> list[int]:
    """Every process descended from `pids`, running now. Linux names a process's children
    in /proc; elsewhere none are found."""
    found: list[int] = []
    pending = list(pids)
    seen = set(pending)
    while pending:
        for child in _children_of(pending.pop()):
            if child not in seen:
                seen.add(child)
                found.append(child)
                pending.append(child)
    return found


def _children_of(pid: int) -> list[int]:
    return [int(word) for _, text in thread_files(pid, "children") for word in text.split()]


def thread_files(pid: int, name: str) -> Iterator[tuple[str, str]]:
    """(thread id, text) of /proc/PID/task/TID/`name` for each thread of process `pid`
    that has it readable now (none once the process has ended)."""
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/{name}", encoding="ascii") as file:
                text = file.read()
        except (OSError, ValueError):
            continue
        yield thread, text
