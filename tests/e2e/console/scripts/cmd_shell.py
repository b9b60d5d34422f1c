"""A cmd.Cmd shell, as Python's documentation writes one."""

import cmd


class Shop(cmd.Cmd):
    intro = "Welcome to the shop. Type help or ? to list commands."
    prompt = "(shop) "

    def do_buy(self, arg):
        "Buy an item: buy apple"
        print("bought", arg)

    def do_quit(self, arg):
        "Leave the shop"
        return True


Shop().cmdloop()
print("bye")
