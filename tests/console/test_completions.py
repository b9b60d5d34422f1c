"""Tab in the console's field completes as readline does in a terminal, with the program's
own completer (console/completions.py)."""

from __future__ import annotations

import cmd
import pdb
import readline
import time
from collections.abc import Iterator

import pytest

from desklaunch.console.completions import complete


@pytest.fixture(autouse=True)
def _completer_restored() -> Iterator[None]:
    before = readline.get_completer(), readline.get_completer_delims()
    yield
    readline.set_completer(before[0])
    readline.set_completer_delims(before[1])


class Shop(cmd.Cmd):
    def do_buy(self, arg: str) -> None: ...

    def do_build(self, arg: str) -> None: ...

    def complete_buy(self, text: str, *_bounds: object) -> list[str]:
        return [item for item in ("apple", "apricot", "banana") if item.startswith(text)]


def test_one_match_is_put_in_and_several_go_as_far_as_they_agree() -> None:
    readline.set_completer(Shop().complete)
    assert complete("bu", 2) == {"line": "bu", "cursor": 2, "matches": ["build", "buy"],
                                 "more": False}
    assert complete("buy a", 5) == {"line": "buy ap", "cursor": 6, "matches": [], "more": False}
    assert complete("buy b", 5) == {"line": "buy banana", "cursor": 10, "matches": [],
                                    "more": False}
    assert complete("buy ap", 6)["matches"] == ["apple", "apricot"]  # nothing to add: listed


def test_the_word_before_the_caret_is_completed_and_the_rest_of_the_line_stays() -> None:
    readline.set_completer(Shop().complete)
    assert complete("buy b and more", 5) == {"line": "buy banana and more", "cursor": 10,
                                             "matches": [], "more": False}


def test_pdb_completes_its_commands_with_its_own_word_delimiters() -> None:
    readline.set_completer(pdb.Pdb().complete)
    assert complete("contin", 6)["line"] == "continue"
    assert {"b", "break", "bt"} <= set(complete("b", 1)["matches"])


def test_readline_reads_its_own_line_again_after_a_completion() -> None:
    functions = readline.get_line_buffer, readline.get_begidx, readline.get_endidx
    readline.set_completer(Shop().complete)
    complete("buy a", 5)
    assert (readline.get_line_buffer, readline.get_begidx, readline.get_endidx) == functions


def test_a_completer_that_fails_or_none_at_all_completes_nothing() -> None:
    def broken(text: str, state: int) -> str:
        raise RuntimeError("the program's bug")

    readline.set_completer(broken)
    assert complete("buy", 3) == {"line": "buy", "cursor": 3, "matches": [], "more": False}
    readline.set_completer(None)
    assert complete("buy", 3) is None


def test_more_matches_than_are_taken_are_listed_and_nothing_is_put_in() -> None:
    """Their common beginning is not known: "item0" of the first 10,000 of "item0..item29999"
    would be wrong."""
    words = [f"item{number:05d}" for number in range(30_000)]
    readline.set_completer(lambda text, state: words[state] if state < len(words) else None)
    done = complete("it", 2)
    assert done["line"] == "it" and done["more"]
    assert done["matches"][:2] == ["item00000", "item00001"]


def test_a_slow_completer_is_waited_for_as_in_a_terminal() -> None:
    def slow(text: str, state: int) -> str | None:
        time.sleep(0.6)
        return ["slowmatch"][state] if state == 0 else None

    readline.set_completer(slow)
    assert complete("s", 1)["line"] == "slowmatch"
