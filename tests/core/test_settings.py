"""Per-app settings: names that keep apps apart, sections that survive a restart, atomic saves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desklaunch.core.settings import AppSettings, app_name, settings_folder
from desklaunch.desktop.geometry import Rect, clamp


def test_two_scripts_with_the_same_name_get_different_apps(tmp_path: Path) -> None:
    first = tmp_path / "one" / "app.py"
    second = tmp_path / "two" / "app.py"
    for script in (first, second):
        script.parent.mkdir()
        script.write_text("")
    assert app_name(first) != app_name(second)
    assert app_name(first).startswith("app-")
    assert app_name(first) == app_name(tmp_path / "one" / ".." / "one" / "app.py")


def test_a_given_name_wins_and_is_made_safe_for_a_folder(tmp_path: Path) -> None:
    assert app_name(tmp_path / "x.py", "My Converter") == "My-Converter"
    assert app_name(tmp_path / "x.py", "../../etc") == "etc"
    assert app_name(tmp_path / "x.py", "Grüße App") == "Grüße-App"  # as its log folder
    with pytest.raises(ValueError, match="no letters"):
        app_name(tmp_path / "x.py", "/..")


def test_settings_live_under_the_platform_folders_never_the_current_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = settings_folder("app-1234")
    assert folder.is_absolute()
    assert not folder.is_relative_to(tmp_path)
    assert folder.name == "app-1234"
    assert settings_folder("app-1234", tmp_path / "data") == tmp_path / "data"


def test_sections_survive_a_restart(tmp_path: Path) -> None:
    """What one run saves, the next run (a new AppSettings) reads back."""
    first = AppSettings.for_app("demo", tmp_path)
    first.set_section("form:convert", {"amount": "12", "unit": "km"})
    first.set_section("window", {"width": 640, "height": 480})
    second = AppSettings.for_app("demo", tmp_path)
    assert second.section("form:convert") == {"amount": "12", "unit": "km"}
    assert second.section("window") == {"width": 640, "height": 480}
    assert second.section("never-set") == {}


def test_a_save_leaves_no_temporary_file_and_valid_json(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path)
    for count in range(3):
        settings.set_section("counter", {"n": count})
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    assert json.loads((tmp_path / "settings.json").read_text()) == {"counter": {"n": 2}}


def test_what_cannot_be_written_is_refused_before_anything_changes(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path)
    settings.set_section("ok", {"a": 1})
    with pytest.raises(TypeError):
        settings.set_section("bad", {"a": object()})
    assert AppSettings.for_app("x", tmp_path).load() == {"ok": {"a": 1}}


def test_a_damaged_file_is_set_aside_and_the_app_starts_afresh(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json")
    settings = AppSettings.for_app("x", tmp_path)
    assert settings.load() == {}
    assert (tmp_path / "settings.json.bad").read_text() == "{not json"


def test_reset_forgets_everything(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path)
    settings.set_section("window", {"width": 1})
    assert settings.reset() is True
    assert AppSettings.for_app("x", tmp_path).load() == {}
    assert settings.reset() is False


def test_reset_forgets_the_arguments_console_mode_remembered(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path)
    AppSettings(tmp_path / "console").set_section("arguments", {"argv": ["1+1"]})
    assert settings.reset() is True
    assert AppSettings(tmp_path / "console").load() == {}
    assert (tmp_path / "console").is_dir()  # only the remembered values go


SCREEN = Rect(0, 0, 1280, 800)


def test_a_window_on_screen_keeps_its_place() -> None:
    assert clamp(Rect(100, 100, 640, 480), [SCREEN]) == Rect(100, 100, 640, 480)


def test_a_window_off_every_screen_moves_onto_the_first() -> None:
    assert clamp(Rect(3000, 2000, 640, 480), [SCREEN]) == Rect(640, 320, 640, 480)
    assert clamp(Rect(-5000, 50, 640, 480), [SCREEN]) == Rect(0, 50, 640, 480)


def test_a_window_larger_than_its_screen_is_shrunk_to_fit() -> None:
    assert clamp(Rect(0, 0, 3000, 2000), [SCREEN]) == Rect(0, 0, 1280, 800)


def test_a_title_bar_above_the_screen_is_pulled_down() -> None:
    assert clamp(Rect(100, -200, 640, 480), [SCREEN]) == Rect(100, 0, 640, 480)


def test_a_window_on_a_second_screen_stays_there() -> None:
    right = Rect(1280, 0, 1920, 1080)
    assert clamp(Rect(1500, 100, 800, 600), [SCREEN, right]) == Rect(1500, 100, 800, 600)


def test_saved_geometry_must_be_whole_numbers() -> None:
    assert Rect.from_dict({"x": 1, "y": 2, "width": 3, "height": 4}) == Rect(1, 2, 3, 4)
    assert Rect.from_dict({"x": 1, "y": 2, "width": "3", "height": 4}) is None
    assert Rect.from_dict({"x": 1, "y": 2, "width": 0, "height": 4}) is None
