"""What the console's field offers for a line a program reads itself: the words its readline
completer offers, as suggestions, and Yes and No buttons for a yes-or-no question.

A program that sets a completer with `readline.set_completer` (every `cmd.Cmd` shell does,
for its commands) offers those words at Tab in a terminal; the console has no Tab to
complete with, so they are offered as the person types instead. `readline` is looked up
only if the program loaded it; the completer is asked what it offers for an empty line.

A question that ends in `(y/n)`, `[Y/n]`, `(yes/no)` and the like (pip's "Proceed (Y/n)?",
Django's, cleo's), or names its answers in quotes ("Type 'yes' to continue, or 'no' to
cancel:"), gets a Yes and a No button, each sending the answer as the question spells it
(`y` or `yes`), as if typed.
"""

from __future__ import annotations

import contextlib
import re
import sys

MAX_WORDS = 1000
"""Words offered at most (a completer over a big folder, say)."""
_YES_NO = re.compile(r"[(\[]\s*\[?(y|yes)\]?\s*/\s*\[?(n|no)\]?\s*[)\]][^()\[\]]{0,3}"
                     r"(?:[(\[][^()\[\]]{0,12}[)\]])?\W{0,3}$", re.IGNORECASE)
"""A question's end asking for yes or no: `(Y/n)?`, `[y/N]:`, `(yes/no) [yes]`, `([y]/n)?`."""
_QUOTED_YES_NO = re.compile(r"""(['"])(y|yes)\1[^'"]{1,40}(['"])(n|no)\3[^'"]{0,20}$""",
                            re.IGNORECASE)
"""Or naming the answers in quotes: Django's "Type 'yes' to continue, or 'no' to cancel:"."""


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


def yes_no_buttons(question: str) -> list[list[str]] | None:
    """Yes and No buttons for a `question` that ends asking for one (`Proceed (Y/n)?`),
    each sending the answer as the question spells it; None for any other question."""
    asked = _YES_NO.search(question.rstrip())
    if asked is not None:
        return [["Yes", asked[1].lower()], ["No", asked[2].lower()]]
    quoted = _QUOTED_YES_NO.search(question.rstrip())
    if quoted is not None:
        return [["Yes", quoted[2]], ["No", quoted[4]]]
    return None
