"""A Markdown notes viewer: pick a note to read it rendered, or write a new one.

    desklaunch examples/notes.py [FOLDER]

Reads the `.md` files of FOLDER (default: a few built-in notes). Shows `put_markdown`,
a `put_select` pin driving a scope, a popup holding the editor, and `pin_on_change`.
"""

import sys
from pathlib import Path

from desklaunch.ui import (
    close_popup,
    pin,
    pin_on_change,
    popup,
    put_buttons,
    put_input,
    put_markdown,
    put_row,
    put_scope,
    put_select,
    put_text,
    put_textarea,
    toast,
    use_scope,
)

SAMPLES = {
    "Welcome": "# Welcome\n\nThese notes are **Markdown**: *emphasis*, `code`, lists and "
               "tables.\n\n- Pick a note above\n- Or press *New note*\n",
    "Shopping": "# Shopping\n\n| Item | Count |\n|------|------:|\n| Apples | 6 |\n"
                "| Bread | 1 |\n",
    "Snippet": "# A snippet\n\n```python\nprint(\"hello\")\n```\n",
}


def load(folder: Path | None) -> dict[str, str]:
    if folder is None:
        return dict(SAMPLES)
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md"))}


folder = Path(sys.argv[1]) if len(sys.argv) > 1 else None
notes = load(folder) or {"Empty": "# No notes here yet\n\nPress *New note* to write one."}


def show(title: str | None) -> None:
    with use_scope("note", clear=True):
        if title in notes:
            put_markdown(notes[title])
        else:
            put_text("Pick a note.")


def list_notes(selected: str) -> None:
    with use_scope("picker", clear=True):
        put_row([put_select("note", list(notes), label="Note", value=selected),
                 put_buttons(["New note"], onclick=lambda _: edit())], size="1fr auto")
    show(selected)


def edit() -> None:
    popup("New note", [
        put_input("title", label="Title"),
        put_textarea("body", label="Text (Markdown)", rows=8, code=True),
        put_buttons(["Save", {"label": "Cancel", "value": "Cancel", "color": "secondary"}],
                    onclick=lambda choice: save() if choice == "Save" else close_popup()),
    ], size="large")


def save() -> None:
    title = (pin.title or "").strip()
    if not title:
        toast("Give the note a title", color="warn")
        return
    notes[title] = pin.body or ""
    if folder is not None:
        (folder / f"{title}.md").write_text(notes[title], encoding="utf-8")
    close_popup()
    list_notes(title)
    toast(f"Saved {title}", color="success")


put_scope("picker")
put_scope("note")
list_notes(next(iter(notes)))
pin_on_change("note", show)
