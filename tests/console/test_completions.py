"""Tab in the console's field completes as readline does in a terminal, with the program's
own completer (console/completions.py)."""

from __future__ import annotations

import cmd
import pdb
import readline
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
    assert complete("bu", 2) == {"line": "bu", "cursor": 2, "matches": ["build", "buy"]}
    assert complete("buy a", 5) == {"line": "buy ap", "cursor": 6, "matches": []}
    assert complete("buy b", 5) == {"line": "buy banana", "cursor": 10, "matches": []}
    assert complete("buy ap", 6)["matches"] == ["apple", "apricot"]  # nothing to add: listed


def test_the_word_before_the_caret_is_completed_and_the_rest_of_the_line_stays() -> None:
    readline.set_completer(Shop().complete)
    assert complete("buy b and more", 5) == {"line": "buy banana and more", "cursor": 10,
                                             "matches": []}


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
    assert complete("buy", 3) == {"line": "buy", "cursor": 3, "matches": []}
    readline.set_completer(None)
    assert complete("buy", 3) is None
