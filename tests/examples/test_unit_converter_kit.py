"""examples/unit_converter.py with desklaunch.testing, in process: the answer follows."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "unit_converter.py"


def test_the_answer_follows_every_change(desklaunch_app) -> None:
    app = desklaunch_app(EXAMPLE)
    assert "1 millimetre = 0.1 centimetre" in app.text
    app.fill("Value", "2.5")
    app.choose("From", "kilometre")
    app.choose("To", "mile")
    assert "2.5 kilometre = 1.55343 mile" in app.text
    app.set_pin("kind", "Temperature")
    assert "2.5 Celsius = 36.5 Fahrenheit" in app.text
    app.fill("Value", "")
    assert "Type a number to convert." in app.text
