"""`file_upload`: ask for one file or several, and get their names and bytes.

In a browser (and for a file dropped on the field, anywhere) the page sends the files in
chunks to the app before the form is submitted (desklaunch/core/uploads.py). In a window the
field's button opens the system's file chooser instead: the page sends `file_choose`, the
field asks `session.native` on the thread that waits for the form, stages the chosen paths,
and tells the page which files it holds (`field_update`). Either way the submit carries
tokens, and this field turns them into the files, checking size and type again.
"""

from __future__ import annotations

import mimetypes
import os
import re
import stat
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desklaunch.core.uploads import FIELD_CAP, StagedFile, human_size, too_large
from desklaunch.errors import ProtocolError
from desklaunch.ui.fields import Field, InputError, Validator, base_spec
from desklaunch.ui.form import ask_one
from desklaunch.ui.htmlattrs import extra_attrs

if TYPE_CHECKING:
    from desklaunch.core.messages import Event
    from desklaunch.core.session import Session

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(size: int | float | str, what: str = "max_size") -> int:
    """Bytes from `1024`, `"500K"`, `"10M"` or `"1.5G"` (PyWebIO's forms); 0 means no limit."""
    if isinstance(size, bool):
        raise TypeError(f"{what} must be a number of bytes or a text like '10M'")
    if isinstance(size, (int, float)):
        number = int(size)
    else:
        match = _SIZE.fullmatch(str(size))
        if match is None:
            raise ValueError(f"{what} must be a number of bytes or a text like '10M', "
                             f"not {size!r}")
        number = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if number < 0:
        raise ValueError(f"{what} must not be negative")
    return min(number, FIELD_CAP) if number else FIELD_CAP


def _accepts(accept: list[str], filename: str, mime_type: str) -> bool:
    if not accept:
        return True
    name, mime = filename.lower(), mime_type.lower()
    for pattern in accept:
        pattern = pattern.strip().lower()
        if pattern.startswith(".") and name.endswith(pattern):
            return True
        if pattern.endswith("/*") and mime.startswith(pattern[:-1]):
            return True
        if pattern == mime:
            return True
    return False


def _extensions(accept: list[str]) -> list[str]:
    """`accept` as file extensions, which every system chooser filters by ("image/*" → .png…)."""
    found: list[str] = []
    for pattern in accept:
        pattern = pattern.strip().lower()
        if pattern.startswith("."):
            found.append(pattern)
        elif pattern.endswith("/*"):
            found += sorted(ext for ext, kind in mimetypes.types_map.items()
                            if kind.startswith(pattern[:-1]))
        else:
            found += mimetypes.guess_all_extensions(pattern)
    return list(dict.fromkeys(found))


class FileField(Field[Any]):
    """A file field: stages the files chosen while its form is shown; answers with them."""

    def __init__(self, spec: dict[str, Any], *, accept: list[str], multiple: bool,
                 max_size: int, max_total: int, required: bool,
                 validate: Validator | None) -> None:
        super().__init__(spec, self._files, validate)
        self.accept, self.multiple, self.required = accept, multiple, required
        self.max_size, self.max_total = max_size, max_total

    def opened(self, session: Session, form_id: str) -> None:
        super().opened(session, form_id)
        self.spec["native"] = session.native is not None
        session.uploads.open(form_id, self.name, max_size=self.max_size,
                             max_total=self.max_total, multiple=self.multiple)

    def handle(self, event: Event) -> None:
        """`file_choose`: open the system's chooser and stage what the person picks."""
        session, form_id = self.session, self.form_id
        if session is None or form_id is None or session.native is None:
            return
        paths = session.native.open_files(multiple=self.multiple,
                                          accept=_extensions(self.accept))
        if not paths:
            return
        staged: list[StagedFile] = []
        problem = None
        for path in paths if self.multiple else paths[:1]:
            problem = self._stage(session, form_id, str(path), staged) or problem
        if staged:
            session.send({"cmd": "field_update", "id": form_id, "field": self.name,
                          "changes": {"add_files": [f.describe() for f in staged]}})
        if problem:
            session.send({"cmd": "input_error", "id": form_id, "field": self.name,
                          "message": problem})

    def _stage(self, session: Session, form_id: str, path: str,
               staged: list[StagedFile]) -> str | None:
        filename = os.path.basename(path) or "file"
        mime_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        try:
            info = os.stat(path)
        except OSError:
            return f"{filename} cannot be read"
        if not stat.S_ISREG(info.st_mode):
            return f"{filename} is not a file"
        if not _accepts(self.accept, filename, mime_type):
            return f"{filename} is not a file this field accepts"
        try:
            staged.append(session.uploads.begin(
                form_id, self.name, filename=filename, mime_type=mime_type,
                size=info.st_size, last_modified=info.st_mtime, path=path))
        except ProtocolError as exc:
            return exc.message
        return None

    def _files(self, raw: Any) -> Any:
        session, form_id = self.session, self.form_id
        if session is None or form_id is None:
            raise InputError("Please choose the file again")
        found = session.uploads.take(form_id, self.name, [] if raw is None else raw)
        if isinstance(found, str):
            raise InputError(found)
        if not found and self.required:
            raise InputError("Please choose a file" if not self.multiple
                             else "Please choose at least one file")
        files = [self._read(staged) for staged in found]
        if sum(len(f["content"]) for f in files) > self.max_total:
            raise InputError(too_large("", self.max_total, total=True))
        if self.multiple:
            return files
        return files[0] if files else None

    def _read(self, staged: StagedFile) -> dict[str, Any]:
        if not _accepts(self.accept, staged.filename, staged.mime_type):
            raise InputError(f"{staged.filename} is not a file this field accepts")
        if staged.path is not None:
            try:
                with open(staged.path, "rb") as source:
                    content = source.read(self.max_size + 1)
            except OSError:
                raise InputError(f"{staged.filename} cannot be read any more") from None
        else:
            content = bytes(staged.data)
        if len(content) > self.max_size:
            raise InputError(too_large(staged.filename, self.max_size))
        return {"filename": staged.filename, "size": len(content), "content": content,
                "mime_type": staged.mime_type, "last_modified": staged.last_modified,
                "path": staged.path}


def file_upload(
    label: str = "",
    accept: str | Sequence[str] | None = None,
    name: str | None = None,
    placeholder: str = "Choose file",
    multiple: bool = False,
    max_size: int | str = 0,
    max_total_size: int | str = 0,
    required: bool | None = None,
    validate: Validator | None = None,
    help_text: str | None = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for a file (or several with `multiple=True`); returns a dict per file.

    Each file is `{"filename", "size" (bytes), "content" (bytes), "mime_type",
    "last_modified" (a Unix time or None), "path"}`. In a window the button opens the
    system's file chooser and `path` is the file's place on disk; in a browser `path` is
    None. A file dropped on the field works too. With nothing chosen the call returns None
    (`[]` when `multiple`) unless `required=True`. `accept` takes extensions or types
    (".csv", "image/*", a list of them); `max_size` and `max_total_size` take bytes or
    texts like "10M" (at most 256 MB).

        photo = file_upload("Photo", accept="image/*", max_size="5M", required=True)
        open("copy.png", "wb").write(photo["content"])

    Differences from PyWebIO: the dicts carry `path`; sizes are capped at 256 MB.
    """
    if isinstance(accept, str):
        accept_list = [part.strip() for part in accept.split(",") if part.strip()]
    else:
        accept_list = [str(part).strip() for part in accept or () if str(part).strip()]
    limit = parse_size(max_size)
    total = parse_size(max_total_size, "max_total_size") if multiple else limit
    hint = f"At most {human_size(limit)}" if limit < FIELD_CAP else ""
    spec = base_spec("file", label, name, help_text=help_text or hint, required=required,
                     accept=",".join(accept_list), multiple=bool(multiple),
                     placeholder=_button_text(placeholder, multiple), max_size=limit,
                     html=extra_attrs(other_html_attrs, "file_upload"))
    field = FileField(spec, accept=accept_list, multiple=bool(multiple), max_size=limit,
                      max_total=total, required=bool(required), validate=validate)
    return field if name is not None else ask_one(field)


def _button_text(placeholder: str | None, multiple: bool) -> str:
    if not placeholder or placeholder == "Choose file":
        return "Choose files" if multiple else "Choose file"
    return str(placeholder)
