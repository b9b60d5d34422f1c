"""Two console sessions in one process share the process-wide changes: the last one done
takes them away, whichever order they end in."""

from __future__ import annotations

import pytest

from desklaunch.console.sharedpatch import SharedPatch


def _recording() -> tuple[SharedPatch, list[str]]:
    seen: list[str] = []
    return SharedPatch(lambda: seen.append("put"), lambda: seen.append("take")), seen


def test_the_first_user_puts_it_in_place_and_the_last_takes_it_away() -> None:
    patch, seen = _recording()
    patch.install()
    patch.install()
    assert (seen, patch.active) == (["put"], True)
    patch.uninstall()
    assert (seen, patch.active) == (["put"], True)
    patch.uninstall()
    assert (seen, patch.active) == (["put", "take"], False)


def test_an_uninstall_too_many_changes_nothing() -> None:
    patch, seen = _recording()
    patch.uninstall()
    patch.install()
    patch.uninstall()
    patch.uninstall()
    assert seen == ["put", "take"]


def test_a_change_that_fails_to_go_in_is_not_counted() -> None:
    def refuse() -> None:
        raise OSError("no")

    taken: list[bool] = []
    patch = SharedPatch(refuse, lambda: taken.append(True))
    with pytest.raises(OSError):
        patch.install()
    patch.uninstall()
    assert (patch.active, taken) == (False, [])
