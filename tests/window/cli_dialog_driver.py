"""cli_driver.py with the system file dialogs stubbed at pywebview's boundary (as in
dialog_driver.py): console mode's Browse… buttons in a real window.

Usage: cli_dialog_driver.py SCRIPT ACTIONS RESULT ANSWERS. One more action:
`{"do": "expect_value", "label", "value"}` waits until the field labelled `label` holds
`value` (a chosen path is in a field's value, not in the page's text).
"""

from __future__ import annotations

import json
from typing import Any

import cli_driver
import dialog_driver  # noqa: F401 - stubs create_file_dialog and records its calls
import driver


def expect_value(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    label, value = json.dumps(action["label"]), json.dumps(action["value"])
    driver.wait_for(window, f"[...document.querySelectorAll('label')].some(l => "
                            f"l.textContent === {label} && "
                            f"document.getElementById(l.htmlFor)?.value === {value})")


driver.EXTRA_ACTIONS["expect_value"] = expect_value

if __name__ == "__main__":
    cli_driver.main()
