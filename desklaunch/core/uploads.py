"""Files on their way into a script: staged per form field until the form is answered.

A file field, while its form is shown, opens a *slot* (form id + field name) with its
limits. The page then fills the slot in one of two ways:

- in a browser (or a file dropped in the window), the page reads the file and sends it in
  chunks of at most 1 MiB to `POST /api/upload` (docs/protocol.md); `begin()` checks the
  declared size against the limits before a byte is read, `write()` appends each chunk;
- in a window, the app asks the system's file chooser and `stage_path()` records the path
  (the file is read when the form is submitted).

Either way the page gets a token per file and submits the tokens; `take()` hands the staged
files to the field. Everything staged for a form is dropped when the form ends, and a
session never holds more than `SESSION_CAP` bytes of staged uploads. Nothing here knows HTTP.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from desklaunch.errors import ProtocolError

MiB = 1024 * 1024
FIELD_CAP = 256 * MiB
"""The most one file field accepts in total; a script's `max_size` cannot exceed it."""
SESSION_CAP = 512 * MiB
"""The most a session keeps staged at once (uploads not yet handed to the script)."""
MAX_CHUNK = MiB
"""The largest chunk one `POST /api/upload` may carry (the page sends 512 KiB)."""
MAX_FILES_PER_SLOT = 1000


@dataclass
class StagedFile:
    """One file chosen for a field: its bytes so far (an upload) or its path (the window)."""

    token: str
    filename: str
    mime_type: str
    size: int
    last_modified: float | None = None
    path: str | None = None
    data: bytearray = field(default_factory=bytearray)

    @property
    def complete(self) -> bool:
        return self.path is not None or len(self.data) == self.size

    def describe(self) -> dict[str, object]:
        """What the page shows for it: `{"token", "name", "size"}`."""
        return {"token": self.token, "name": self.filename, "size": self.size}


@dataclass
class _Slot:
    max_size: int
    max_total: int
    multiple: bool
    files: dict[str, StagedFile] = field(default_factory=dict)

    def total(self) -> int:
        return sum(f.size for f in self.files.values())


def too_large(name: str, limit: int, *, total: bool = False) -> str:
    """The message a person sees for a file over a limit."""
    if total:
        return f"These files are larger than {human_size(limit)} together, the most allowed"
    return f"{name} is larger than {human_size(limit)}, the most this field accepts"


def human_size(size: int) -> str:
    """`1536` → "1.5 KB" (binary units, as file managers mostly show them)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            if unit == "bytes":
                return f"{int(value)} bytes"
            return f"{value:.1f}".rstrip("0").rstrip(".") + f" {unit}"
        value /= 1024
    raise AssertionError("unreachable")


class Uploads:
    """One session's staged files, by form and field; safe to use from any thread."""

    def __init__(self, cap: int = SESSION_CAP) -> None:
        self.cap = cap
        self._lock = threading.Lock()
        self._slots: dict[tuple[str, str], _Slot] = {}
        self._tokens: dict[str, tuple[str, str]] = {}
        self._numbers = itertools.count(1)
        self._closed = False

    def open(self, form_id: str, name: str, *, max_size: int, max_total: int,
             multiple: bool) -> None:
        """Accept files for field `name` of form `form_id` (sizes in bytes, ≤ FIELD_CAP)."""
        with self._lock:
            if not self._closed:
                self._slots[(form_id, name)] = _Slot(min(max_size, FIELD_CAP),
                                                     min(max_total, FIELD_CAP), multiple)

    def close(self, form_id: str) -> None:
        """Drop everything staged for the form (it was answered, or went away)."""
        with self._lock:
            for key in [k for k in self._slots if k[0] == form_id]:
                for token in self._slots.pop(key).files:
                    self._tokens.pop(token, None)

    def close_all(self) -> None:
        with self._lock:
            self._closed = True
            self._slots.clear()
            self._tokens.clear()

    def listed(self) -> list[tuple[str, str, list[dict[str, object]]]]:
        """Every field's complete files, as its page lists them: (form, field, files).

        A reloaded page is sent these rather than the updates that added them, so a file
        the person removed, or one that replaced another, is not listed again.
        """
        with self._lock:
            return [(form_id, name, [f.describe() for f in slot.files.values() if f.complete])
                    for (form_id, name), slot in self._slots.items()
                    if any(f.complete for f in slot.files.values())]

    def staged_bytes(self) -> int:
        with self._lock:
            return self._staged()

    def _staged(self) -> int:
        return sum(slot.total() for slot in self._slots.values())

    # -- filling a slot ---------------------------------------------------------------------

    def begin(self, form_id: str, name: str, *, filename: str, mime_type: str, size: int,
              last_modified: float | None = None, path: str | None = None) -> StagedFile:
        """Stage a new file of `size` bytes, or refuse it (a 413 with the reason to show)."""
        with self._lock:
            slot = self._slots.get((form_id, name))
            if slot is None:
                raise ProtocolError("this form no longer takes files", status=409)
            if size > slot.max_size:
                raise ProtocolError(too_large(filename, slot.max_size), status=413)
            if not slot.multiple:
                self._drop(slot, list(slot.files))
            elif len(slot.files) >= MAX_FILES_PER_SLOT:
                raise ProtocolError("too many files for one field", status=413)
            if slot.total() + size > slot.max_total:
                raise ProtocolError(too_large(filename, slot.max_total, total=True), status=413)
            if self._staged() + size > self.cap:
                raise ProtocolError("Too much is being uploaded at once; submit or remove "
                                    "some files first", status=413)
            token = f"u{next(self._numbers)}"
            staged = StagedFile(token, filename, mime_type, size, last_modified, path)
            slot.files[token] = staged
            self._tokens[token] = (form_id, name)
            return staged

    def write(self, token: str, offset: int, length: int, read: Callable[[int], bytes]
              ) -> StagedFile:
        """Append the chunk at `offset` (read with `read(length)`); a resent chunk is a no-op."""
        with self._lock:
            staged = self._find(token)
            if length > MAX_CHUNK or offset < 0 or offset + length > staged.size:
                raise ProtocolError("the chunk does not fit the file", status=413)
            if offset > len(staged.data):
                raise ProtocolError("a chunk is missing before this one", status=409)
        body = read(length)  # outside the lock: the body is already buffered by the server
        if len(body) != length:
            raise ProtocolError("the body is shorter than its Content-Length")
        with self._lock:
            staged = self._find(token)
            if offset == len(staged.data):
                staged.data += body
            return staged

    def discard(self, token: str) -> None:
        """Forget one staged file (the person removed it from the field)."""
        with self._lock:
            key = self._tokens.get(token)
            slot = self._slots.get(key) if key is not None else None
            if slot is not None:
                self._drop(slot, [token])

    def take(self, form_id: str, name: str, tokens: object) -> list[StagedFile] | str:
        """The complete staged files `tokens` names for this field, or why they can't be had."""
        if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
            return "Please choose the file again"
        with self._lock:
            slot = self._slots.get((form_id, name))
            if slot is None:
                return "Please choose the file again"
            if len(set(tokens)) != len(tokens) or (len(tokens) > 1 and not slot.multiple):
                return "Please choose the file again"
            found = [slot.files.get(t) for t in tokens]
            if any(f is None for f in found):
                return "Please choose the file again"
            if not all(f.complete for f in found if f is not None):
                return "The file has not finished uploading yet"
            return [f for f in found if f is not None]

    def _find(self, token: str) -> StagedFile:
        key = self._tokens.get(token)
        slot = self._slots.get(key) if key is not None else None
        staged = slot.files.get(token) if slot is not None else None
        if staged is None:
            raise ProtocolError("no such upload (the form may have ended)", status=409)
        return staged

    def _drop(self, slot: _Slot, tokens: list[str]) -> None:
        for token in tokens:
            slot.files.pop(token, None)
            self._tokens.pop(token, None)


def receive(uploads: Uploads, params: dict[str, str], length: int,
            read: Callable[[int], bytes]) -> dict[str, object]:
    """One `POST /api/upload` (docs/protocol.md): start a file, add a chunk, or discard one.

    `params` are the query's; `length` is the body's Content-Length, already checked by the
    gate to be at most `MAX_CHUNK`. Raises `ProtocolError` (a 4xx) for anything refused.
    """
    token = params.get("upload")
    if token is not None and params.get("discard") == "1":
        uploads.discard(token)
        return {"upload": token, "discarded": True}
    if token is not None:
        staged = uploads.write(token, _whole(params, "offset"), length, read)
    else:
        form_id, name = params.get("form"), params.get("field")
        if not form_id or not name:
            raise ProtocolError("an upload needs form and field, or upload")
        modified = params.get("modified")
        staged = uploads.begin(
            form_id, name,
            filename=_base_name(params.get("name", "")),
            mime_type=params.get("type", "")[:200] or "application/octet-stream",
            size=_whole(params, "size"),
            last_modified=_whole(params, "modified") / 1000 if modified else None,
        )
        staged = uploads.write(staged.token, 0, length, read)
    return {"upload": staged.token, "received": len(staged.data), "size": staged.size}


def _whole(params: dict[str, str], key: str) -> int:
    text = params.get(key, "")
    if not (text.isascii() and text.isdigit() and len(text) <= 15):
        raise ProtocolError(f"{key} must be a whole number")
    return int(text)


def _base_name(name: str) -> str:
    """The file's own name, never a path (a page could send "../../x")."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch >= " " and ch != "\x7f").strip()[:255]
    return base if base not in ("", ".", "..") else "file"
