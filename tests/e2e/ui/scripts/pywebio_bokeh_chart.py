"""A PyWebIO script showing a bokeh chart the way PyWebIO's docs say: `output_notebook`
with the "pywebio" notebook type, then `show`. A server app is shown the same way."""

from bokeh.io import output_notebook, show
from bokeh.plotting import figure
from pywebio.output import put_text

output_notebook(verbose=False, notebook_type="pywebio")
put_text("Weekly sales")
chart = figure(title="Sales", width=420, height=280)
chart.line([1, 2, 3, 4, 5], [3, 1, 4, 1, 5], line_width=3)
show(chart)
show(lambda doc: None)  # a bokeh server app: said in its place, the script goes on
put_text("After the chart")
