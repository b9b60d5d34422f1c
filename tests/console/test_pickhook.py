"""pick's menus in the console: buttons or boxes in the input line, what pick returns."""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


def test_a_menu_is_buttons_and_a_multiselect_one_boxes(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from pick import Option, pick
        print(pick(["Java", "Python", "Go"], "Your favourite language:", default_index=1))
        picked = pick([Option("Fast", "f"), Option("Cheap", "c", enabled=False), "Good"],
                      "Pick some:", multiselect=True, min_selection_count=2)
        print([(option if isinstance(option, str) else option.value, i) for option, i in picked])
    """)
    assert app.find("textbox", "Your favourite language:").value == "Python"
    app.click("Go")
    assert app.find("checkbox", "Cheap").disabled
    app.check("Pick some:", "Fast")
    app.submit()
    app.wait_for("Choose at least 2.")
    app.check("Pick some:", "Good")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["Your favourite language: Go", "('Go', 2)", "Choose at least 2.",
                           "Pick some: Fast, Good", "[('f', 0), ('Good', 2)]"]
