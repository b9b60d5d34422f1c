"""examples/bmi.py with desklaunch.testing, in process: validation, the result, again, done."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "bmi.py"


def test_the_bmi_is_computed_and_a_second_person_can_follow(desklaunch_app) -> None:
    app = desklaunch_app(EXAMPLE)
    app.fill("Height (cm)", "1.8")
    app.submit()
    assert app.find("alert").text == "Please enter 50 to 260 cm"
    app.fill("Height (cm)", "180")
    app.submit()
    app.fill("Weight (kg)", "81")
    app.submit()
    assert "180 cm, 81 kg: BMI 25.0 — Overweight" in app.text
    app.click("Calculate again")
    app.fill("Height (cm)", "170")
    app.submit()
    app.fill("Weight (kg)", "60")
    app.submit()
    assert "170 cm, 60 kg: BMI 20.8 — Normal weight" in app.text
    app.click("Done")
    assert app.text.endswith("it does not tell muscle from fat.\nFinished")
    assert app.exit_code == 0
