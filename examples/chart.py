"""Chart: monthly sales drawn with matplotlib; add a month and watch the chart grow.

    desklaunch examples/chart.py

Needs matplotlib (`pip install matplotlib`). `put_image` takes the figure as it is: no
`io.BytesIO`, no `savefig` in the script. Each chart is a `matplotlib.figure.Figure`
rather than a `pyplot` figure, which pyplot would keep in memory until closed.
"""

from matplotlib.figure import Figure

from desklaunch.ui import (
    NUMBER,
    input,
    put_buttons,
    put_image,
    put_markdown,
    put_row,
    put_table,
    use_scope,
)

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
sales = [120, 135, 128, 160, 172, 190]
kind = "line"


def draw() -> None:
    """Redraw the chart and the table from `sales`."""
    figure = Figure(figsize=(6.4, 3.4), dpi=100)
    axes = figure.subplots()
    months = MONTHS[: len(sales)]
    if kind == "bars":
        axes.bar(months, sales, color="#3b74e8")
    else:
        axes.plot(months, sales, marker="o", color="#3b74e8")
    axes.set_ylabel("Units sold")
    axes.set_ylim(bottom=0)
    axes.grid(axis="y", alpha=0.3)
    with use_scope("chart", clear=True):
        put_row([put_image(figure, title=f"Units sold per month, as {kind}"), None,
                 put_table([[month, units] for month, units in zip(months, sales, strict=True)],
                           header=["Month", "Units"])], size="3fr 16px 1fr")


def show_as(new_kind: str) -> None:
    global kind
    kind = new_kind
    draw()


put_markdown("## Sales this year")
put_buttons([("Line", "line"), ("Bars", "bars")], onclick=show_as, small=True)
draw()
while len(sales) < len(MONTHS):
    month = MONTHS[len(sales)]
    sales.append(input(f"Units sold in {month}", type=NUMBER,
                       validate=lambda n: "Enter zero or more" if n < 0 else None))
    draw()
put_markdown("The year is complete.")
