"""A prompt_toolkit program: a session's prompt, a dialog and a progress bar, in the console."""

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import WordCompleter
from prompt_toolkit.shortcuts import ProgressBar, radiolist_dialog, yes_no_dialog

session = PromptSession()
name = session.prompt("Project name: ", default="demo",
                      completer=WordCompleter(["demo", "shop", "blog"]))
kind = radiolist_dialog(title="New project", text="Kind?",
                        values=[("app", "Application"), ("lib", "Library")]).run()
if yes_no_dialog(title="New project", text=f"Create {name}?").run():
    with ProgressBar() as bar:
        for _ in bar(range(5), label="Files"):
            pass
    print(f"created {name} ({kind})")
