"""PyWebIO habits of other people's apps: jQuery's ready and hover, a table styled to full
width, button labels given as lists, buttons in a narrow share of a row (a comic viewer's)."""

from pywebio.output import (
    put_button,
    put_buttons,
    put_column,
    put_row,
    put_scope,
    put_table,
    put_text,
    use_scope,
)
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
put_row([put_scope("pages"), None, put_scope("side")], size="13fr 0.3fr 0.8fr")
with use_scope("pages"):
    put_text("page\n" * 12)
with use_scope("side"):
    put_column([put_text("0/8"), put_button("Go", onclick=lambda: None), None,
                put_button("Search", onclick=lambda: None)])
