"""The launcher's own duties that no page shows: here, importing ahead what the script needs."""

from __future__ import annotations

import sys

from desklaunch.launcher import import_ahead


def test_modules_the_script_will_import_are_imported_ahead_and_a_broken_one_is_skipped(
        tmp_path, monkeypatch) -> None:
    (tmp_path / "ahead_probe.py").write_text("IMPORTED = True\n")
    (tmp_path / "ahead_broken.py").write_text("raise RuntimeError('the script reports this')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("ahead_probe", "ahead_broken"):
        monkeypatch.delitem(sys.modules, name, raising=False)

    import_ahead(["no_such_module_anywhere", "ahead_broken", "ahead_probe"])

    assert sys.modules["ahead_probe"].IMPORTED
    assert "ahead_broken" not in sys.modules
