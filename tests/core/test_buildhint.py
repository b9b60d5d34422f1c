"""A frozen app's note after a script's error for a module its build left out."""

from __future__ import annotations

import sys

import pytest

from desklaunch.core.buildhint import left_out_by_build
from desklaunch.testing import AppTest


def _importer() -> None:
    import importlib

    importlib.import_module("yaml_left_out_of_the_build")


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process looks like a built app (the one thing a build sets that this reads)."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)


def test_a_built_app_says_how_to_bundle_a_module_the_script_imports_by_name(frozen):
    with AppTest.from_function(_importer, expect_error=True) as app:
        app.wait_for("ModuleNotFoundError")
        assert app.error is not None
        assert ("note: this app was built without the module 'yaml_left_out_of_the_build', "
                "which the script imports at run time; build it again with --hidden-import "
                "yaml_left_out_of_the_build") in app.text


def test_a_built_console_app_says_it_in_its_log_too(frozen, tmp_path):
    script = tmp_path / "tool.py"
    script.write_text("import importlib\nimportlib.import_module('plugin_left_out')\n")
    with AppTest.from_file(script) as app:
        app.wait_for("Exited with code 1")
        assert "build it again with --hidden-import plugin_left_out" in app.text


def test_unfrozen_the_error_is_pythons_alone():
    with AppTest.from_function(_importer, expect_error=True) as app:
        app.wait_for("ModuleNotFoundError")
        assert "ModuleNotFoundError" in app.text
        assert "--hidden-import" not in app.text


def _reads_records() -> None:
    from importlib.metadata import version

    version("records-left-out-of-the-build")


def test_a_built_app_says_how_to_bundle_package_records_the_script_reads(frozen):
    """`PackageNotFoundError` is a `ModuleNotFoundError` too; the module is there, its
    installed records are not, and --hidden-import would change nothing."""
    with AppTest.from_function(_reads_records, expect_error=True) as app:
        app.wait_for("PackageNotFoundError")
        assert ("build it again with --copy-metadata records-left-out-of-the-build"
                in app.text)
        assert "--hidden-import" not in app.text


def _plots() -> None:
    import importlib

    importlib.import_module("plots_left_out.pyplot")


def test_a_package_the_build_was_told_to_leave_out_names_the_option(frozen):
    """`build --exclude plots_left_out`, then the script imports it after all."""
    left_out_by_build(["plots_left_out"])
    try:
        with AppTest.from_function(_plots, expect_error=True) as app:
            app.wait_for("ModuleNotFoundError")
            assert ("note: this app was built with --exclude plots_left_out and has just "
                    "imported it; build it again without --exclude plots_left_out"
                    in app.text)
            assert "--hidden-import" not in app.text
    finally:
        left_out_by_build([])


def _humanizer() -> None:
    import humanize_never_installed  # noqa: F401


def test_a_module_the_building_python_lacked_says_to_install_it_there(frozen):
    """The build warned of it; building again with --hidden-import would not help."""
    left_out_by_build([], ["humanize_never_installed"])
    try:
        with AppTest.from_function(_humanizer, expect_error=True) as app:
            app.wait_for("ModuleNotFoundError")
            assert ("note: the Python that built this app could not import "
                    "'humanize_never_installed', so the app does not have it; install it "
                    "there and build again") in app.text
            assert "--hidden-import" not in app.text
    finally:
        left_out_by_build([])


def _plots_the_pandas_way() -> None:
    import importlib

    try:
        importlib.import_module("plots_left_out")
    except ImportError:
        raise ImportError("plots_left_out is required for plotting") from None


def test_a_library_saying_a_missing_module_its_own_way_still_gets_the_note(frozen):
    """pandas' `df.plot()` without matplotlib raises its own ImportError `from None`; the
    ModuleNotFoundError is still its context."""
    left_out_by_build(["plots_left_out"])
    try:
        with AppTest.from_function(_plots_the_pandas_way, expect_error=True) as app:
            app.wait_for("is required for plotting")
            assert "build it again without --exclude plots_left_out" in app.text
    finally:
        left_out_by_build([])


@pytest.mark.parametrize(("name", "option"), [
    ("table.json", "--add-data table.json"),
    ("data/rates.csv", "--add-data data/rates.csv:data"),
])
def test_a_built_app_says_how_to_bundle_a_file_the_script_reads_beside_itself(
        frozen, monkeypatch, tmp_path, name, option):
    """`Path(__file__).parent / "table.json"`: in a built app, the app's own folder."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    script = tmp_path / "readdata.py"
    script.write_text("from pathlib import Path\n"
                      f"print((Path(__file__).parent / {name!r}).read_text())\n")
    with AppTest.from_file(script) as app:
        app.wait_for("Exited with code 1")
        assert "FileNotFoundError" in app.text
        assert (f"note: this app was built without {name!r}, which the script reads from "
                f"its own folder; build it again with {option}") in app.text


def test_a_missing_file_elsewhere_gets_no_note(frozen, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "app"), raising=False)
    script = tmp_path / "reads.py"
    script.write_text("open('/nowhere/notes.txt')\n")
    with AppTest.from_file(script) as app:
        app.wait_for("Exited with code 1")
        assert "FileNotFoundError" in app.text
        assert "--add-data" not in app.text
