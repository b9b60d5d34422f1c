"""A cmd2 shell with a hidden command and an alias: its Tab offers the rest."""

import cmd2


class Shop(cmd2.Cmd):
    def __init__(self) -> None:
        super().__init__()
        self.prompt = "(shop) "
        self.hidden_commands.append("restock")
        self.aliases["b"] = "buy"

    def do_buy(self, statement: cmd2.Statement) -> None:
        """Buy an item."""
        self.poutput(f"bought {statement.args}")

    def do_restock(self, _statement: cmd2.Statement) -> None:
        """Staff only."""
        self.poutput("restocked")


Shop().cmdloop()
