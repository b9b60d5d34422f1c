"""Help written in rich's console markup, read as the program's terminal shows it.

typer renders its apps' help with rich when rich is installed (`Manage [bold]users[/bold]
in the :sparkles: app`), and pip writes its own help in it: in a terminal a person reads
"Manage users in the ✨ app", and so does the argument form. Only text with a closing tag
(`[/bold]`, `[/]`) is taken for markup, and rendered by the rich the program has (its own,
or pip's copy); any other text, or markup rich refuses, stays as written.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys


def unmarked(text: str) -> str:
    """`text` without its markup: its words as rich shows them, styles aside."""
    if "[/" not in text:
        return text
    for package in ("rich", "pip._vendor.rich"):
        if package not in sys.modules and (package != "rich" or
                                           importlib.util.find_spec(package) is None):
            continue  # pip's copy only where pip runs: importing pip for it would be heavy
        try:
            rich_text = importlib.import_module(f"{package}.text")
            return str(rich_text.Text.from_markup(text).plain)
        except Exception:  # noqa: BLE001 - not markup after all ("[/tmp]"): as written
            return text
    return text
