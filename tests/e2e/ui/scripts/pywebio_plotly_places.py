"""plotly charts put where a PyWebIO app puts them once plotly.js is in the page: side by
side in a row, over a line in a column, in a table's cell, in a tab not yet open, in a
popup a button opens;
and a map, whose outlines plotly would fetch from its site."""

import plotly.graph_objects as go
import pytest
from pywebio.output import (
    popup,
    put_buttons,
    put_column,
    put_html,
    put_row,
    put_table,
    put_tabs,
    put_text,
)
from pywebio.session import eval_js


def bars(title):
    return go.Figure(go.Bar(x=["Mango", "Kiwi", "Plum"], y=[12, 7, 9]),
                     layout_title_text=title)


put_html(bars("First"))
put_text(f"plotly.js is {eval_js('typeof Plotly')}")  # in the page before the charts below
put_row([put_html(bars("Left")), put_html(bars("Right"))])
put_column([put_html(bars("In a column")), put_text("Under the column's chart")])
put_table([["Mango", put_html(bars("In a cell"))]], header=["Fruit", "Chart"])
put_tabs([{"title": "Notes", "content": put_text("Nothing here")},
          {"title": "Chart", "content": put_html(bars("In a tab"))}])
with pytest.warns(UserWarning, match="a plotly map is not drawn"):
    put_html(go.Figure(go.Scattergeo(lon=[12.5], lat=[41.9], text=["Rome"]),
                       layout_title_text="Where"))
put_buttons(["Open the chart"], onclick=lambda _: popup("Sales", [put_html(bars("In a popup"))]))
put_text("After the charts")
