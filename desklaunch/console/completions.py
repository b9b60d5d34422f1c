"""What the console's field offers for a line a program reads itself: the words its readline
completer offers, as suggestions and at Tab, Yes and No buttons for a yes-or-no question,
and a button per option of a numbered menu printed before the question.

A program that sets a completer with `readline.set_completer` (every `cmd.Cmd` shell does,
for its commands; pdb for its commands and names) completes at Tab in a terminal. The words
it offers for an empty line are suggested while the field is empty; Tab in a field with
text completes its word as readline would (`complete`), the completer asked with the line
and the word's bounds that readline's `get_line_buffer`, `get_begidx` and `get_endidx` give
it. `readline` is looked up only if the program loaded it.

A question that ends in `(y/n)`, `[Y/n]`, `(yes/no)` and the like (pip's "Proceed (Y/n)?",
Django's, cleo's), or names its answers in quotes ("Type 'yes' to continue, or 'no' to
cancel:"), gets a Yes and a No button, each sending the answer as the question spells it
(`y` or `yes`), as if typed.
"""

from __future__ import annotations

import contextlib
import re
import sys
import time
from collections.abc import Callable
from typing import Any, TypedDict

MAX_WORDS = 1000
"""Words offered at most (a completer over a big folder, say)."""
_YES_NO = re.compile(r"[(\[]\s*\[?(y|yes)\]?\s*/?\s*\[?(n|no)\]?\s*[)\]][^()\[\]]{0,3}"
                     r"(?:[(\[][^()\[\]]{0,12}[)\]])?\W{0,3}$", re.IGNORECASE)
"""A question's end asking for yes or no: `(Y/n)?`, `[y/N]:`, `(yes/no) [yes]`, `([y]/n)?`,
`[yN]` (xkcdpass's)."""
_QUOTED_YES_NO = re.compile(r"""(['"])(y|yes)\1[^'"]{1,40}(['"])(n|no)\3[^'"]{0,20}$""",
                            re.IGNORECASE)
"""Or naming the answers in quotes: Django's "Type 'yes' to continue, or 'no' to cancel:"."""


OFFERING_TIME = 0.3
"""Seconds spent at most gathering the words offered before a question (past the one being
asked for): a slow completer must not hold the question back, where a terminal would not
call it before Tab."""
MAX_MATCHES = 10_000
"""Matches one Tab takes from a completer at most (one that never says it is done, too);
with more, they are listed as far as they were taken, and nothing is put in."""


class Completion(TypedDict):
    """What Tab did to a line: the line and its caret after, and the words it could have
    been when it could not go further (two or more, listed as a terminal lists them);
    `more` when there were more than `MAX_MATCHES`."""

    line: str
    cursor: int
    matches: list[str]
    more: bool


Completer = Callable[[str, int], "Completion | None"]
"""What Tab does to a line with its caret at a place (`complete` for readline's)."""


def completer_set() -> bool:
    """Whether the program set a readline completer, which completes at Tab."""
    get_completer = getattr(sys.modules.get("readline"), "get_completer", None)
    return callable(get_completer) and get_completer() is not None


def complete(line: str, cursor: int) -> Completion | None:
    """What Tab does to `line` with its caret at `cursor`, as GNU readline does it: the word
    before the caret (split at the completer's delimiters) becomes the one match, or the
    matches' longest common beginning; when that adds nothing, the matches are listed.
    None when the program set no completer."""
    module: Any = sys.modules.get("readline")
    completer = module.get_completer() if completer_set() else None
    if completer is None:
        return None
    cursor = max(0, min(len(line), cursor))
    delimiters = " \t\n"
    with contextlib.suppress(Exception):  # a readline without them (libedit's quirks)
        delimiters = str(module.get_completer_delims())
    begin = cursor
    while begin > 0 and line[begin - 1] not in delimiters:
        begin -= 1
    matches, more = _matches(module, completer, line[begin:cursor], line, begin, cursor)
    return completed(line, cursor, [line[:begin] + match for match in matches], matches,
                     more=more)


def completed(line: str, cursor: int, heads: list[str], names: list[str], *,
              more: bool = False) -> Completion:
    """What Tab does to `line` (caret at `cursor`) when its text before the caret could
    become any of `heads` (a match each, with the text before its word), known as `names`:
    the one there is, or as far as they all agree; when that adds nothing, or `more` were
    left untaken (whose beginnings are not known), the names are listed (sorted, as
    readline lists them) and the line stays."""
    ahead = list(dict.fromkeys(heads))
    common = ahead[0] if len(ahead) == 1 else _common_start(ahead) if ahead else ""
    if more or (len(ahead) != 1 and len(common) <= cursor):
        return {"line": line, "cursor": cursor,
                "matches": sorted(dict.fromkeys(names)) if ahead else [], "more": more}
    return {"line": common + line[cursor:], "cursor": len(common), "matches": [],
            "more": False}


def _matches(module: Any, completer: Any, word: str, line: str, begin: int,
             end: int) -> tuple[list[str], bool]:
    """What `completer` offers for `word`, with readline's view of the line made `line`
    for it (cmd.Cmd's completer reads the line to tell a command from its argument), and
    whether it offered more than `MAX_MATCHES`. It takes as long as it takes, as in a
    terminal; Stop interrupts it."""
    saved = {name: getattr(module, name, None)
             for name in ("get_line_buffer", "get_begidx", "get_endidx")}
    module.get_line_buffer, module.get_begidx, module.get_endidx = (
        lambda: line, lambda: begin, lambda: end)
    found: list[str] = []
    more = False
    try:
        with contextlib.suppress(Exception):  # the program's own code: a failure offers none
            for state in range(MAX_MATCHES + 1):
                match = completer(word, state)
                if match is None:
                    break
                if state == MAX_MATCHES:
                    more = True
                    break
                found.append(str(match))
    finally:
        for name, original in saved.items():
            if original is not None:
                setattr(module, name, original)
            else:
                delattr(module, name)
    return list(dict.fromkeys(found)), more


def _common_start(words: list[str]) -> str:
    """The longest beginning all of `words` share."""
    first, last = min(words), max(words)
    size = 0
    while size < len(first) and first[size] == last[size]:
        size += 1
    return first[:size]


def offered_words() -> list[str]:
    """What the program's readline completer offers for an empty line, in its order, or
    nothing when it set none (or its completer fails)."""
    get_completer = getattr(sys.modules.get("readline"), "get_completer", None)
    completer = get_completer() if callable(get_completer) else None
    if completer is None:
        return []
    words: list[str] = []
    until = time.monotonic() + OFFERING_TIME
    with contextlib.suppress(Exception):  # the program's own code: any failure offers none
        for state in range(MAX_WORDS):
            word = completer("", state)
            if word is None or time.monotonic() > until:
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
