"""driver.py with the system file dialog stubbed at pywebview's boundary, and clicks.

Usage: dialog_driver.py SCRIPT ACTIONS RESULT ANSWERS. pywebview's
`Window.create_file_dialog` is replaced (only it: the window, the page and desklaunch are
real) by a stub that records each call in the result's "dialogs" and answers with the next
item of ANSWERS (JSON list: a path, a list of paths, or null for "cancelled").
"""

from __future__ import annotations

import json
import sys
from typing import Any

import driver
import webview.window

calls: list[dict[str, Any]] = []
answers: list[Any] = json.loads(sys.argv.pop(4)) if len(sys.argv) > 4 else []


def create_file_dialog(self: Any, dialog_type: int = 10, directory: str = "",
                       allow_multiple: bool = False, save_filename: str = "",
                       file_types: Any = ()) -> Any:
    calls.append({"dialog_type": int(dialog_type), "save_filename": save_filename,
                  "allow_multiple": allow_multiple, "file_types": list(file_types)})
    return answers.pop(0) if answers else None


webview.window.Window.create_file_dialog = create_file_dialog  # type: ignore[method-assign]
driver.RESULT_FIELDS["dialogs"] = calls


if __name__ == "__main__":
    driver.main()
