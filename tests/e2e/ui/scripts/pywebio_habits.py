"""PyWebIO's looser habits: unknown keyword arguments as HTML attributes, an indented
Markdown introduction, a styled table in a sized column, images from the web."""

import os

from pywebio import start_server
from pywebio.input import input, select
from pywebio.output import put_column, put_image, put_markdown, put_table, put_text, toast


def main():
    put_markdown("""## Sign-up
    Fill in the form below.
    """)
    put_column([put_table([["a", "b"], ["1", "2"], ["3", "4"]]).style(
        "border: 2px solid rgb(0, 0, 200)"), put_text("under the table")], size="80% 20%")
    put_image(os.environ["IMAGE_URL"], title="Logo from the web")
    put_image(os.environ["OFFLINE_URL"], title="Unreachable").onclick(
        lambda: toast("You clicked the image"))
    name = input("Name", PlaceHolder="Ada Lovelace", maxlength=20)
    size = select("Size", ["S", "M", "L"], value="M", style="min-width: 9em")
    put_text(f"{name} wears {size}")


if __name__ == "__main__":
    start_server(main, port=8080)
