"""The words a program's readline completer offers, as suggestions in the console's field.

A program that sets a completer with `readline.set_completer` (every `cmd.Cmd` shell does,
for its commands) offers those words at Tab in a terminal; the console has no Tab to
complete with, so they are offered as the person types instead. `readline` is looked up
only if the program loaded it; the completer is asked what it offers for an empty line.
"""

from __future__ import annotations

import contextlib
import sys

MAX_WORDS = 1000
"""Words offered at most (a completer over a big folder, say)."""


def offered_words() -> list[str]:
    """What the program's readline completer offers for an empty line, in its order, or
    nothing when it set none (or its completer fails)."""
    get_completer = getattr(sys.modules.get("readline"), "get_completer", None)
    completer = get_completer() if callable(get_completer) else None
    if completer is None:
        return []
    words: list[str] = []
    with contextlib.suppress(Exception):  # the program's own code: any failure offers none
        for state in range(MAX_WORDS):
            word = completer("", state)
            if word is None:
                break
            words.append(str(word))
    return list(dict.fromkeys(word for word in words if word.strip()))
