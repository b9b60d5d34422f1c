"""What the host (a native window) can do for a script beyond the page: system file and
folder dialogs.

The UI layer asks `session.native` when it is set (in a window) and falls back to the
page's own upload and download (in a browser) when it is None. The window module provides
the implementation; nothing here imports pywebview.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class NativeDialogs(Protocol):
    """System dialogs, callable from any thread; each blocks until the person answers."""

    def open_files(self, *, multiple: bool, accept: Sequence[str] = ()) -> list[str] | None:
        """Paths the person chose (None when cancelled); `accept` like ".csv" or "image/*"."""
        ...

    def save_file(self, suggested_name: str) -> str | None:
        """The path the person chose to save to, or None when cancelled."""
        ...

    def choose_folder(self) -> str | None:
        """The folder the person chose, or None when cancelled."""
        ...
