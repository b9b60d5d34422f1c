"""file_upload's field: sizes, accepted types, and files staged from the system's chooser.

The session is real; only the system dialog (a `NativeDialogs`, what the window provides)
is replaced by a stand-in that answers with paths.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from desklaunch.core.session import Session
from desklaunch.ui import file_upload
from desklaunch.ui.files import FileField, parse_size


class Chooser:
    """Answers the system file chooser with the next list of paths; records each call."""

    def __init__(self, *answers: list[str] | None) -> None:
        self.answers = list(answers)
        self.calls: list[tuple[bool, list[str]]] = []

    def open_files(self, *, multiple: bool, accept: Sequence[str] = ()) -> list[str] | None:
        self.calls.append((multiple, list(accept)))
        return self.answers.pop(0)

    def save_file(self, suggested_name: str) -> str | None:
        return None


def opened(field: FileField, native: Chooser | None) -> tuple[Session, list[dict[str, Any]]]:
    sent: list[dict[str, Any]] = []
    session = Session(lambda: None, sent.append, native=native)
    field.opened(session, "f1")
    return session, sent


@pytest.mark.parametrize("given, size", [(0, 256 * 1024**2), (1500, 1500), ("2K", 2048),
                                         ("1.5M", 1536 * 1024), ("10 mb", 10 * 1024**2),
                                         ("5G", 256 * 1024**2)])
def test_sizes_read_like_pywebio_and_are_capped(given: object, size: int) -> None:
    assert parse_size(given) == size  # type: ignore[arg-type]


def test_a_bad_size_is_refused() -> None:
    with pytest.raises(ValueError, match="max_size"):
        parse_size("lots")


def test_chosen_files_are_staged_shown_and_read_at_submit(tmp_path: Path) -> None:
    good, other = tmp_path / "a.png", tmp_path / "b.txt"
    good.write_bytes(b"png!")
    other.write_text("text")
    field = file_upload("Pictures", accept="image/*", multiple=True, name="pics")
    native = Chooser([str(good), str(other)])
    _, sent = opened(field, native)
    assert field.wire()["native"] is True
    field.handle({"seq": 1, "type": "file_choose", "id": "f1", "value": "pics"})
    [(multiple, extensions)] = native.calls
    assert multiple and {".png", ".jpg", ".gif"} <= set(extensions)  # "image/*", for a chooser
    update, error = sent
    assert update["cmd"] == "field_update"
    [shown] = update["changes"]["add_files"]
    assert shown["name"] == "a.png" and shown["size"] == 4
    assert error == {"cmd": "input_error", "id": "f1", "field": "pics",
                     "message": "b.txt is not a file this field accepts"}
    files, problem = field.check([shown["token"]])
    assert problem is None
    assert files == [{"filename": "a.png", "size": 4, "content": b"png!",
                      "mime_type": "image/png",
                      "last_modified": pytest.approx(good.stat().st_mtime), "path": str(good)}]
    assert field.check(["u999"]) == (None, "Please choose the file again")


def test_a_file_over_the_limit_is_not_staged(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 2048)
    field = file_upload("Data", max_size="1K", required=True, name="d")
    _, sent = opened(field, Chooser([str(big)]))
    field.handle({"seq": 1, "type": "file_choose", "id": "f1", "value": "d"})
    assert sent == [{"cmd": "input_error", "id": "f1", "field": "d",
                     "message": "big.bin is larger than 1 KB, the most this field accepts"}]
    assert field.check([]) == (None, "Please choose a file")


def test_a_cancelled_chooser_changes_nothing_and_a_browser_has_none(tmp_path: Path) -> None:
    field = file_upload("Data", name="d")
    _, sent = opened(field, Chooser(None))
    field.handle({"seq": 1, "type": "file_choose", "id": "f1", "value": "d"})
    assert sent == []
    assert field.check(None) == (None, None)
    browser_field = file_upload("Data", name="d", multiple=True)
    _, sent = opened(browser_field, None)
    assert browser_field.wire()["native"] is False
    browser_field.handle({"seq": 1, "type": "file_choose", "id": "f1", "value": "d"})
    assert sent == []
    assert browser_field.check([]) == ([], None)
