"""A cmd.Cmd shell that completes its commands and, for `open`, the names of its files."""

import cmd

FILES = ["report2025.txt", "report2026.txt", "notes.md"]


class Files(cmd.Cmd):
    prompt = "(files) "

    def do_open(self, arg):
        "Open a file: open notes.md"
        print("opened", arg)

    def complete_open(self, text, line, begidx, endidx):
        return [name for name in FILES if name.startswith(text)]

    def do_quit(self, arg):
        "Leave"
        return True


Files().cmdloop()
