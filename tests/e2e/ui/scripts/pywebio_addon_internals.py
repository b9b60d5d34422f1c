"""What PyWebIO's add-ons (pywebio_battery) use of PyWebIO's internals: a grey message box,
random names, and a Python callback the page's own JavaScript calls."""

from pywebio.io_ctrl import output_register_callback
from pywebio.output import Output, _put_message, put_scope, put_text, use_scope
from pywebio.pin import put_input
from pywebio.session import run_js
from pywebio.utils import random_str

name = "picker_" + random_str(10)
box = _put_message(color="secondary", contents=[put_text("Folder: /home"), put_scope(name)])
assert isinstance(box, Output)
field = put_input("nick", label="Nick")
put_text(f"a pin's name, as add-ons read it: {field.spec['input']['name']}")


def opened(data):
    with use_scope(name):
        put_text(f"opened {data['file']} ({len(name)} characters of name)")


key = output_register_callback(opened)
run_js(f"WebIO.pushData({{file: 'notes.txt'}}, {key!r})")
