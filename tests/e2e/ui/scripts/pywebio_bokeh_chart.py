"""A PyWebIO script showing a bokeh chart the way PyWebIO's docs say: `output_notebook`
with the "pywebio" notebook type, then `show`. A server app is shown the same way."""

from bokeh.io import output_notebook, show
from bokeh.models import ColumnDataSource, DataTable, TableColumn
from bokeh.plotting import figure
from pywebio.output import put_text
from pywebio.session import run_js

output_notebook(verbose=False, notebook_type="pywebio")
put_text("Weekly sales")
chart = figure(title="Sales", width=420, height=280)
chart.line([1, 2, 3, 4, 5], [3, 1, 4, 1, 5], line_width=3)
show(chart)
run_js("$('p:contains(Weekly sales)').css('font-weight', 'bold')")  # PyWebIO's `$` still works
fruit = ColumnDataSource({"fruit": ["Mango", "Kiwi"], "boxes": [12, 7]})
show(DataTable(source=fruit, columns=[TableColumn(field="fruit", title="Fruit"),
                                      TableColumn(field="boxes", title="Boxes")],
               width=300, height=100))  # its grid would take the page's `$` for jQuery
show(lambda doc: None)  # a bokeh server app: said in its place, the script goes on
put_text("After the chart")
