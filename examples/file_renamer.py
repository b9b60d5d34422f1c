"""File renamer: choose files, give a pattern, check the preview, rename.

    desklaunch examples/file_renamer.py

In a window the files come from the system's file chooser and are renamed where they are
(never over an existing file). In a browser there is no path on disk: the renamed copies
are offered as downloads instead.
"""

import os
from pathlib import Path

from desklaunch.ui import (
    NUMBER,
    actions,
    checkbox,
    file_upload,
    input,
    input_group,
    put_file,
    put_markdown,
    put_success,
    put_table,
    put_text,
    put_warning,
)


def new_names(files: list[dict], prefix: str, start: int, lower: bool) -> list[str]:
    """"prefix-001.ext" for each file, in the order chosen, numbered from `start`."""
    width = len(str(start + len(files) - 1))
    names = []
    for number, f in enumerate(files, start):
        ext = Path(f["filename"]).suffix
        names.append(f"{prefix}{number:0{width}d}{ext.lower() if lower else ext}")
    return names


def check_pattern(data: dict):
    if any(ch in data["prefix"] for ch in '/\\:*?"<>|'):
        return ("prefix", "A file name cannot contain / \\ : * ? \" < > |")
    if data["start"] < 0:
        return ("start", "Start at 0 or above")
    return None


put_markdown("## File renamer")
files = file_upload("Files to rename", multiple=True, required=True,
                    help_text="Choose them, or drop them here")
pattern = input_group("New names", [
    input("Prefix", name="prefix", value="photo-"),
    input("First number", name="start", type=NUMBER, value=1),
    checkbox("Options", ["Lower-case extensions"], name="options",
             value=["Lower-case extensions"]),
], validate=check_pattern)
names = new_names(files, pattern["prefix"], pattern["start"], bool(pattern["options"]))
put_table([[f["filename"], name] for f, name in zip(files, names, strict=True)],
          header=["Now", "Becomes"])

if not actions("", [("Rename", True), {"label": "Cancel", "value": False,
                                       "color": "secondary"}]):
    put_text("Nothing was renamed.")
elif all(f["path"] for f in files):
    done = 0
    for f, name in zip(files, names, strict=True):
        source = Path(f["path"])
        target = source.with_name(name)
        if target.exists():
            put_warning(f"{name} already exists; {source.name} was left as it is")
            continue
        os.rename(source, target)
        done += 1
    put_success(f"Renamed {done} of {len(files)} files.")
else:
    put_text("These files came from a browser, so here are renamed copies to save:")
    for f, name in zip(files, names, strict=True):
        put_file(name, f["content"], label=f"Save {name}")
