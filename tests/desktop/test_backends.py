"""Each Linux backend's quirks, kept in its own module (desktop/qt.py, desktop/gtk.py), and
what the window and the display probe make of them."""

from __future__ import annotations

import os

import pytest

from desklaunch.desktop import gtk
from desklaunch.desktop.display import probe
from desklaunch.desktop.window import Window, choose_gui, window_problem


def test_qt_offscreen_counts_as_a_display_for_qt_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert probe().usable
    assert not probe(offscreen_counts=False).usable
    assert window_problem("gtk") == "no display to open a window on (DISPLAY is not set)"


def test_gtk_never_reads_the_size_at_closing_and_exits_without_its_teardown() -> None:
    """Reading the size in GTK's `closing` handler waited forever on GTK's own thread."""
    gtk_window = Window("http://127.0.0.1:1/", title="t", gui="gtk")
    qt_window = Window("http://127.0.0.1:1/", title="t", gui="qt")
    assert not gtk_window.reads_size_at_close and gtk_window.fast_exit
    assert qt_window.reads_size_at_close and not qt_window.fast_exit


def test_a_signal_before_the_window_exists_is_left_to_the_caller() -> None:
    window = Window("http://127.0.0.1:1/", title="t", gui="gtk")
    assert window.stop_by_signal(15) is False
    assert window.stopped_by is None


def test_the_backend_asked_for_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYWEBVIEW_GUI", "GTK")
    assert choose_gui() == "gtk"


def test_gtk_advice_for_a_missing_typelib_is_the_one_package() -> None:
    tips = gtk.advice("PyGObject is there, but the WebKit2GTK 4.1 or 4.0 typelib is missing",
                      "/venv/bin/python")
    assert tips == ["GTK backend: add WebKit2GTK: Debian/Ubuntu: sudo apt-get install -y "
                    "gir1.2-webkit2-4.1; Fedora: sudo dnf install -y webkit2gtk4.1"]


def test_gtk_advice_without_pygobject_gives_both_routes_for_this_python() -> None:
    first, second = gtk.advice("PyGObject is not installed for this Python", "/venv/bin/python")
    assert "/usr/bin/python3 -m venv --system-site-packages .venv" in first
    assert '/venv/bin/python -m pip install "PyGObject<3.51"' in second
    assert "libgirepository1.0-dev libcairo2-dev" in second
    assert "gobject-introspection-devel cairo-gobject-devel" in second


def test_qt_takes_the_windows_name_from_the_environment_only_until_the_window_shows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A built Qt app names its windows through RESOURCE_NAME, which the script and the
    programs it starts would otherwise inherit; one the person set stays theirs."""
    from desklaunch.desktop import qt

    monkeypatch.delenv("RESOURCE_NAME", raising=False)
    shown = qt.name_program("Frozen Hello")
    assert os.environ["RESOURCE_NAME"] == "Frozen Hello"
    shown()
    assert "RESOURCE_NAME" not in os.environ
    monkeypatch.setenv("RESOURCE_NAME", "theirs")
    qt.name_program("Frozen Hello")()
    assert os.environ["RESOURCE_NAME"] == "theirs"


def test_a_backend_desklaunch_does_not_know_is_a_problem_not_a_window_that_hangs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """pywebview takes an unknown PYWEBVIEW_GUI for GTK, and reading the size at close as
    for any other backend then waited forever."""
    monkeypatch.setenv("PYWEBVIEW_GUI", "cef")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # a display, whatever this machine has
    assert window_problem() == ("PYWEBVIEW_GUI is 'cef', not a backend desklaunch can use "
                                "here (unset it, or set it to qt or gtk)")
