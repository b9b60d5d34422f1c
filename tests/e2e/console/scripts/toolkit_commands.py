"""A prompt_toolkit REPL whose commands nest (a router's command line), with a history."""

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import NestedCompleter
from prompt_toolkit.history import InMemoryHistory

history = InMemoryHistory()
history.append_string("show clock")
commands = NestedCompleter.from_nested_dict({
    "show": {"version": None, "ip": {"interface": {"brief"}}}, "exit": None})
session = PromptSession(history=history, completer=commands)
while (line := session.prompt("router# ")) != "exit":
    print("ran", line)
