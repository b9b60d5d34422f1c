"""What the console's field offers for a line a program reads itself: the words its readline
completer offers, as suggestions, Yes and No buttons for a yes-or-no question, and a button
per option of a numbered menu printed before the question.

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
_YES_NO = re.compile(r"[(\[]\s*\[?(y|yes)\]?\s*/?\s*\[?(n|no)\]?\s*[)\]][^()\[\]]{0,3}"
                     r"(?:[(\[][^()\[\]]{0,12}[)\]])?\W{0,3}$", re.IGNORECASE)
"""A question's end asking for yes or no: `(Y/n)?`, `[y/N]:`, `(yes/no) [yes]`, `([y]/n)?`,
`[yN]` (xkcdpass's)."""
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


_MENU_ITEM = re.compile(r"\s*[(\[]?\s*(\d{1,3})\s*[.):\]-]\s+(\S.*?)\s*")
"""A line of a numbered menu: `1. MIT - simple and permissive`, `2) Toga`, `(3) Skip`,
`[ 0] red` (cleo's), `1- Easy` (many games')."""
_ASKS_FOR_ONE = re.compile(r"\b(select|choose|choice|pick|option|number)\b", re.IGNORECASE)
_ASKS_FOR_TEXT = re.compile(
    r"\b(choose|select|pick|enter)\s+(a|an|your|the)\s+(new\s+)?(name|password|username|"
    r"user\s*name|e-?mail|title|nickname|label)\b", re.IGNORECASE)
"""A question that asks for words of the person's own (`Choose a name for the folder:`), not
for one of the numbers listed above it."""
MENU_BUTTONS = 100
"""Options offered as buttons at most; a longer menu is typed from by number."""


def numbered_buttons(question: str, lines: list[str]) -> list[list[str]] | None:
    """A button per option of the numbered menu printed just before `question` (flit's
    licences, briefcase's frameworks), named by the option and sending its number, as
    typed in a terminal; None unless the question asks for one of those numbers (names one:
    "Enter 1-4:", "GUI Framework [1]:", or says choose, select...)."""
    options: list[tuple[int, str]] = []
    for line in reversed(lines):
        if not line.strip() and not options:
            continue  # a blank line between the menu and its question
        item = _MENU_ITEM.fullmatch(line)
        if item is None:
            break
        options.insert(0, (int(item[1]), item[2]))
    numbers = [number for number, _text in options]
    if (len(options) < 2 or len(options) > MENU_BUTTONS or numbers[0] not in (0, 1)
            or numbers != list(range(numbers[0], numbers[0] + len(numbers)))):
        return None
    if _ASKS_FOR_TEXT.search(question):
        return None
    asked = set(re.findall(r"\d+", question))
    bare = not re.search(r"[^\W\d_]", question)  # cleo's `>` below its menu: no words
    if not asked & {str(number) for number in numbers} and not _ASKS_FOR_ONE.search(question) \
            and not bare:
        return None
    return [[text, str(number)] for number, text in options]


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
