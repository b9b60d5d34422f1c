"""A PyWebIO dashboard, as its users write them: page code and styles, scopes, JavaScript.

desklaunch runs it unchanged; the page's CSP still runs no inline or evaluated code.
"""

from pywebio import config, start_server
from pywebio.input import input
from pywebio.output import (
    get_scope,
    output,
    put_buttons,
    put_html,
    put_markdown,
    put_table,
    put_text,
    set_scope,
    toast,
    use_scope,
)
from pywebio.session import eval_js, run_js

CSS = "#pywebio-scope-status { border: 3px solid rgb(200, 0, 0); }"
JS = "function shout(word) { return word.toUpperCase() + '!'; }"


@use_scope("log", clear=True)
def show_log(line):
    put_text(line)


@config(title="Dashboard", css_style=CSS, js_code=JS, theme="dark")
def main():
    put_markdown("""# Dashboard
    Everything below is *live*.
    Each line stays a line.
    """)
    set_scope("status")
    put_text("Idle", scope="status")
    with use_scope("inner") as name:
        put_text(f"inside {name}, entered from {get_scope(-2)}")
    hobby = output("Coding")
    put_table([["Name", "Hobbies"], ["Ada", hobby]])
    put_buttons(["Reset", "Append", "Insert"], onclick=[
        lambda: hobby.reset("Chess"),
        lambda: hobby.append("Music", put_text("Drama")),
        lambda: hobby.insert(0, put_markdown("**Poetry**")),
    ])
    put_buttons(["Shout"], onclick=lambda _: run_js(
        "document.querySelector('#pywebio-scope-status p').textContent = shout(word)",
        word="busy"))
    run_js('$("button:contains(Shout)").css({"background-color": "#6aaa64", color: "white"})')
    put_text(f"width is a number: {isinstance(eval_js('window.innerWidth'), int)}")
    put_text("promise: " + eval_js("new Promise(r => setTimeout(() => r(a + b), 10));",
                                   a="twelve ", b="ms"))
    put_text(f"broken code gives {eval_js('no_such_name.at_all')}")
    show_log("first")
    show_log("second")
    said = input("Say something")
    put_text(said)
    put_markdown(said)
    put_table([["You said", said]])
    put_html("<p>trusted markup from the script</p>")
    toast(said)
    run_js("document.body.dataset.echo = text", text=said)
    put_text("hijacked: " + str(eval_js("typeof window.pwned !== 'undefined'")))


if __name__ == "__main__":
    start_server(main, port=8080)
