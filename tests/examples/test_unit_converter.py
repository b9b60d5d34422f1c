"""examples/unit_converter.py: the answer follows the value and the units as they change."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "unit_converter.py"


def test_the_answer_follows_every_change(pilot) -> None:
    app = pilot(EXAMPLE)
    app.expect_text("1 millimetre = 0.1 centimetre")
    app.fill("Value", "2.5")
    app.choose("From", "kilometre")
    app.choose("To", "mile")
    app.expect_text("2.5 kilometre = 1.55343 mile")
    app.choose("Kind", "Temperature")
    app.expect_text("2.5 Celsius = 36.5 Fahrenheit")
    app.fill("Value", "")
    app.expect_text("Type a number to convert.")
