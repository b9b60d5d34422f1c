"""Per-app settings: a folder of each app's own, and the `settings.json` kept in it.

A desktop program remembers where its window was and what was last typed into its forms.
Each app keeps that in its own folder under the platform's settings folder (platformdirs),
never in the current directory and never shared with another app; `--data-dir` moves it.
`settings.json` holds named sections (`"window"`, later one per remembered form), each a
JSON object, and is rewritten atomically so a crash mid-write never leaves half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

VENDOR = "desklaunch"
SETTINGS_FILE = "settings.json"
MAX_NAME_LENGTH = 48
_UNSAFE = re.compile(r"[^\w.-]+")
"""What a folder name leaves out: letters and digits of every script stay (the log folder
keeps "Grüße App" whole too)."""


def app_name(script: Path | None, name: str | None = None) -> str:
    """The folder name an app's settings live under.

    `--name` wins (made safe for a file name). Otherwise a packaged app is named after its
    executable, and a script after its file plus a short hash of its full path, so two
    different `app.py` files never share settings while one script keeps its own as long
    as it stays where it is.
    """
    if name:
        safe = _UNSAFE.sub("-", name).strip(".-")[:MAX_NAME_LENGTH]
        if not safe:
            raise ValueError(f"{name!r} has no letters or digits to name the app by")
        return safe
    if getattr(sys, "frozen", False):
        return _UNSAFE.sub("-", Path(sys.executable).stem).strip(".-") or "app"
    if script is None:
        return "app"
    path = script.resolve()
    digest = hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    named = path.parent.name if path.name == "__main__.py" else path.stem  # a package's
    stem = _UNSAFE.sub("-", named).strip(".-")[:MAX_NAME_LENGTH - 9] or "script"
    return f"{stem}-{digest}"


def settings_folder(name: str, data_dir: Path | None = None) -> Path:
    """Where app `name` keeps its settings: `data_dir` when given, else the platform's place."""
    if data_dir is not None:
        return data_dir.expanduser().resolve()
    import platformdirs

    return platformdirs.user_config_path(VENDOR, appauthor=False) / "apps" / name


class AppSettings:
    """One app's `settings.json`: named sections read at `load()`, written by `save()`.

    Safe to use from several threads (the window's events arrive on pywebview's threads).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / SETTINGS_FILE
        self._lock = threading.Lock()
        self._data: dict[str, dict[str, Any]] = {}

    @classmethod
    def for_app(cls, name: str, data_dir: Path | None = None) -> AppSettings:
        """The settings of app `name` (see `app_name`), loaded."""
        settings = cls(settings_folder(name, data_dir))
        settings.load()
        return settings

    def load(self) -> dict[str, dict[str, Any]]:
        """Read the file; a missing one is empty, an unreadable one is set aside and empty."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            data: Any = {}
        except OSError as exc:
            log.warning("cannot read %s (%s); starting with no settings", self.path, exc)
            data = {}
        else:
            try:
                data = json.loads(raw)
            except ValueError:
                data = None
            if not isinstance(data, dict):
                aside = self.path.with_suffix(".json.bad")
                log.warning("%s is damaged; kept as %s, starting afresh", self.path, aside.name)
                with contextlib.suppress(OSError):
                    os.replace(self.path, aside)
                data = {}
        with self._lock:
            self._data = {k: v for k, v in data.items() if isinstance(v, dict)}
            return {k: dict(v) for k, v in self._data.items()}

    def section(self, name: str) -> dict[str, Any]:
        """A copy of section `name` (empty when it was never set)."""
        with self._lock:
            return dict(self._data.get(name, {}))

    def set_section(self, name: str, values: dict[str, Any], *, save: bool = True) -> None:
        """Replace section `name` with `values` (JSON-serialisable) and, by default, save."""
        json.dumps(values)  # refuse what cannot be written before anything changes
        with self._lock:
            self._data[name] = dict(values)
        if save:
            self.save()

    def save(self) -> None:
        """Write every section atomically: a temporary file in the folder, then a rename."""
        with self._lock:
            text = json.dumps(self._data, indent=2, sort_keys=True)
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".tmp",
                                                 dir=self.folder)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text + "\n")
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(temporary, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise

    def reset(self) -> bool:
        """Forget every setting: the file goes, and so do the settings files of the folders
        beneath it (console mode keeps its remembered arguments in one). True when there was
        something to forget."""
        with self._lock:
            self._data = {}
            forgot = False
            for path in [self.path, *sorted(self.folder.glob(f"*/**/{SETTINGS_FILE}"))]:
                try:
                    path.unlink()
                except FileNotFoundError:
                    continue
                forgot = True
            return forgot
