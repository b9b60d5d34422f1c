"""A PyWebIO script that shows a bokeh chart without `output_notebook` first."""

from bokeh.plotting import figure, show
from pywebio.output import put_text

chart = figure(title="Rain", width=360, height=240)
chart.vbar(x=[1, 2, 3], top=[4, 2, 5], width=0.8)
show(chart)
put_text("After the chart")
