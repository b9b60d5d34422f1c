"""A PyWebIO script showing plotly charts the way PyWebIO's docs say (`put_html` of
`fig.to_html(include_plotlyjs="require", full_html=False)`), with plotly.js from plotly's
site, and a figure given to `put_html` itself; one of them is an animation."""

import plotly.graph_objects as go
from pywebio.output import put_html, put_text

sold = go.Figure(go.Bar(x=["Mango", "Kiwi", "Plum"], y=[12, 7, 9]),
                 layout_title_text="Fruit sold")
put_text("Before the charts")
put_html(sold.to_html(include_plotlyjs="require", full_html=False))
weather = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[18, 21, 17, 23], name="Rome"),
                    layout_title_text="Afternoons")
put_html(weather.to_html(include_plotlyjs="cdn", full_html=False))
steps = [go.Frame(data=[go.Scatter(x=[1, 2, 3], y=[n, n + 1, n])], name=f"step {n}")
         for n in range(4)]
put_html(go.Figure(go.Scatter(x=[1, 2, 3], y=[0, 1, 0]), frames=steps,
                   layout_title_text="Moving"))
put_text("After the charts")
