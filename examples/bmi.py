"""BMI calculator: asks for height and weight, shows the body mass index and what it means.

    desklaunch examples/bmi.py
"""

from desklaunch.ui import (
    FLOAT,
    actions,
    input,
    put_info,
    put_markdown,
    put_success,
    put_warning,
)

# (upper limit, name): the World Health Organization's adult categories.
CATEGORIES = [(18.5, "Underweight"), (25, "Normal weight"), (30, "Overweight"),
              (float("inf"), "Obese")]


def between(low: float, high: float, unit: str):
    """A validator: the value must lie in [low, high]."""
    return lambda v: None if low <= v <= high else f"Please enter {low} to {high} {unit}"


def bmi_of(height_cm: float, weight_kg: float) -> float:
    return weight_kg / (height_cm / 100) ** 2


def category(bmi: float) -> str:
    return next(name for limit, name in CATEGORIES if bmi < limit)


put_markdown("## BMI calculator")
while True:
    height = input("Height (cm)", type=FLOAT, placeholder="175",
                   validate=between(50, 260, "cm"), help_text="Without shoes")
    weight = input("Weight (kg)", type=FLOAT, placeholder="70", validate=between(10, 400, "kg"))
    bmi = bmi_of(height, weight)
    name = category(bmi)
    show = put_success if name == "Normal weight" else put_warning
    show(f"{height:g} cm, {weight:g} kg: BMI {bmi:.1f} — {name}")
    if not actions("", [("Calculate again", True), {"label": "Done", "value": False,
                                                     "color": "secondary"}]):
        break
put_info("BMI is a rough guide for adults; it does not tell muscle from fat.")
