"""PyWebIO habits of other people's apps: jQuery's ready and hover, a table styled to full
width, button labels given as lists."""

from pywebio.output import put_buttons, put_table, put_text
from pywebio.session import run_js

put_text("turns red once the page is ready")
run_js('$(document).ready(function(){ $("p:contains(turns red)").css("color", "red"); })')
put_text("hover here")
run_js('$("p:contains(hover here)").hover('
       'function(){ $(this).css("font-weight", "bold"); },'
       'function(){ $(this).css("font-weight", "normal"); })')
put_text("enter here")
run_js('$("p:contains(enter here)").mouseenter(function(){ $(this).text("entered"); })')
put_table([["a", "b"], ["1", "2"]]).style("width: 100%")
put_buttons([dict(label=["Edit"], value="edit", small=True), (["Save", "all"], "save")],
            onclick=lambda value: put_text(f"chose {value}"))
