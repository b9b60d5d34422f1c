"""A unit converter: type a value, pick the units, the answer follows as you type.

    desklaunch examples/unit_converter.py

Shows pin widgets (fields among the outputs) and `pin_on_change`: nothing blocks, each
change recomputes the answer in its own scope.
"""

from desklaunch.ui import (
    FLOAT,
    pin,
    pin_on_change,
    put_input,
    put_markdown,
    put_row,
    put_scope,
    put_select,
    put_text,
    use_scope,
)

# Each unit in its kind's base unit (metres, kilograms, litres); temperatures are special.
UNITS = {
    "Length": {"millimetre": 0.001, "centimetre": 0.01, "metre": 1, "kilometre": 1000,
               "inch": 0.0254, "foot": 0.3048, "yard": 0.9144, "mile": 1609.344},
    "Weight": {"gram": 0.001, "kilogram": 1, "tonne": 1000, "ounce": 0.028349523125,
               "pound": 0.45359237, "stone": 6.35029318},
    "Volume": {"millilitre": 0.001, "litre": 1, "cubic metre": 1000, "teaspoon": 0.00492892,
               "cup": 0.2365882365, "US gallon": 3.785411784, "imperial gallon": 4.54609},
    "Temperature": {"Celsius": None, "Fahrenheit": None, "Kelvin": None},
}


def to_celsius(value: float, unit: str) -> float:
    if unit == "Fahrenheit":
        return (value - 32) * 5 / 9
    return value - 273.15 if unit == "Kelvin" else value


def from_celsius(value: float, unit: str) -> float:
    if unit == "Fahrenheit":
        return value * 9 / 5 + 32
    return value + 273.15 if unit == "Kelvin" else value


def convert(value: float, kind: str, source: str, target: str) -> float:
    if kind == "Temperature":
        return from_celsius(to_celsius(value, source), target)
    factors = UNITS[kind]
    return value * factors[source] / factors[target]


def show_units(kind: str) -> None:
    """Put the unit lists of `kind` (again, when the kind changes)."""
    names = list(UNITS[kind])
    with use_scope("units", clear=True):
        put_row([put_select("source", names, label="From", value=names[0]),
                 put_select("target", names, label="To", value=names[1])])
    update()


def update(_: object = None) -> None:
    kind, value = pin.kind, pin.value
    source, target = pin.source, pin.target
    with use_scope("answer", clear=True):
        if value is None:
            put_text("Type a number to convert.")
        elif source in UNITS[kind] and target in UNITS[kind]:
            result = convert(value, kind, source, target)
            put_text(f"{value:g} {source} = {result:.6g} {target}")


put_markdown("# Unit converter")
put_row([put_input("value", type=FLOAT, label="Value", value=1),
         put_select("kind", list(UNITS), label="Kind", value="Length")])
put_scope("units")
put_scope("answer")
show_units("Length")
pin_on_change("kind", show_units)
for name in ("value", "source", "target"):
    pin_on_change(name, update)
