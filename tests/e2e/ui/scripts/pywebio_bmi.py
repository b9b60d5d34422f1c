"""A script written for PyWebIO, as its users write them; desklaunch runs it unchanged."""

from pywebio import config, start_server
from pywebio.input import FLOAT, input, input_group
from pywebio.output import (
    Position,
    popup,
    put_buttons,
    put_markdown,
    put_table,
    put_text,
    put_widget,
    scroll_to,
    toast,
    use_scope,
)
from pywebio.pin import pin, pin_on_change, put_select
from pywebio.session import defer_call, run_js, set_env

CATEGORIES = [(16, "Severely underweight"), (18.5, "Underweight"), (25, "Normal"),
              (30, "Overweight"), (35, "Moderately obese"), (float("inf"), "Severely obese")]


def category(bmi: float) -> str:
    return next(name for top, name in CATEGORIES if bmi < top)


@config(title="BMI calculator")
def main() -> None:
    set_env(output_animation=False)
    defer_call(lambda: None)
    put_markdown("# Body Mass Index")
    data = input_group("Your measurements", [
        input("Height (cm)", name="height", type=FLOAT),
        input("Weight (kg)", name="weight", type=FLOAT),
    ])
    bmi = data["weight"] / (data["height"] / 100) ** 2
    with use_scope("result", clear=True):
        put_table([["BMI", "Category"], [f"{bmi:.1f}", category(bmi)]])
    scroll_to("result", Position.TOP)
    put_select("units", ["metric", "imperial"], label="Units")
    pin_on_change("units", lambda units: toast(f"Units: {units}"))
    put_buttons(["Explain"], onclick=lambda _: popup("About BMI",
                                                     put_text("Weight over height squared.")))
    run_js("document.body.dataset.bmi = value", value=f"{bmi:.1f}")
    put_widget("<p>Your BMI, <b>{{bmi}}</b>{{#note}}: {{note}}{{/note}}</p>",
               {"bmi": f"{bmi:.1f}", "note": "read the table above"})
    put_text(f"units read back: {pin.units}")


if __name__ == "__main__":
    start_server(main, port=8080, debug=True)
