"""The App's own duties that no page shows: here, importing ahead what the script will need."""

from __future__ import annotations

import sys
import time

from desklaunch.app import App

WAIT = 10.0  # hang guard only


def test_preloaded_modules_are_imported_on_the_loop_while_no_page_has_asked(tmp_path,
                                                                            monkeypatch):
    (tmp_path / "preload_probe.py").write_text(
        "import threading\nIMPORTED_IN = threading.current_thread().name\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "preload_probe", raising=False)
    app = App(lambda: None, preload=["no_such_module_anywhere", "preload_probe"])
    try:
        app.start()
        deadline = time.monotonic() + WAIT
        def imported_in() -> str | None:
            return getattr(sys.modules.get("preload_probe"), "IMPORTED_IN", None)

        while imported_in() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert imported_in() == "desklaunch-loop"
        assert len(app.handler) == 0, "preloading starts no session"
    finally:
        assert app.close()
        sys.modules.pop("preload_probe", None)
