"""examples/bmi.py: height and weight in, the BMI and its category out, again or done."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

EXAMPLE = Path(__file__).parents[2] / "examples" / "bmi.py"


def test_the_bmi_is_computed_and_a_second_person_can_follow(pilot) -> None:
    app = pilot(EXAMPLE)
    app.answer("Height (cm)", "1.8")
    expect(app.alert()).to_have_text("Please enter 50 to 260 cm")
    app.answer("Height (cm)", "180")
    app.answer("Weight (kg)", "81")
    app.expect_text("180 cm, 81 kg: BMI 25.0 — Overweight")
    app.click("Calculate again")
    app.answer("Height (cm)", "170")
    app.answer("Weight (kg)", "60")
    app.expect_text("170 cm, 60 kg: BMI 20.8 — Normal weight")
    app.click("Done")
    app.expect_finished()
