"""`put_file_upload`: a file field among the outputs whose chosen files are a pin.

PyWebIO's pin version of `file_upload()`: choosing (or dropping) files sends them to the
app at once, in chunks, as a form's file field does (desklaunch/core/uploads.py); once they
have arrived, `pin.<name>` is the file (a dict as `file_upload` gives, without `path`), a
list of them with `multiple`, or None / [] while none is chosen. In a window too the field
uses the page's own chooser: the system chooser's files reach a form only when it is
submitted, and a pin has no submit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desklaunch.core.session import current_session
from desklaunch.ui.files import FileField, file_upload
from desklaunch.ui.outputs import Output
from desklaunch.ui.pin_widgets import put_pin


def put_file_upload(name: str, *, label: str = "", accept: str | Sequence[str] | None = None,
                    placeholder: str = "Choose file", multiple: bool = False,
                    max_size: int | str = 0, max_total_size: int | str = 0,
                    help_text: str | None = None, scope: str | None = None,
                    position: int = -1) -> Output:
    """Show a file field whose chosen files are `pin.<name>` once they have arrived.

        put_file_upload("photo", label="Photo", accept="image/*")
        change = pin_wait_change("photo"); put_text(change["value"]["filename"])

    Setting `pin.<name>` does nothing (a page cannot be given files).
    """
    field = file_upload(label, accept, name=name, placeholder=placeholder, multiple=multiple,
                        max_size=max_size, max_total_size=max_total_size, help_text=help_text)
    assert isinstance(field, FileField)
    session = current_session()
    wid = session.new_id("p")
    field.opened(session, wid)  # the widget's id names its upload slot
    field.spec["native"] = False

    def to_wire(value: Any) -> None:
        return None

    return put_pin(field, to_wire, [], scope, position, wid=wid)
