"""A desklaunch script that shows a plotly figure as a plain Python script would:
`fig.show()`, which would open the system's browser."""

import plotly.graph_objects as go

from desklaunch.ui import put_text

put_text("Before the chart")
go.Figure(go.Pie(labels=["Rent", "Food", "Books"], values=[50, 30, 20]),
          layout_title_text="Where it went").show()
put_text("After the chart")
