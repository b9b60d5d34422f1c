"""A questionary program: each kind of question, asked in the console."""

import questionary
from questionary import Choice, Separator

size = questionary.select("Size?", choices=["Small", "Medium", "Large"], default="Medium").ask()
toppings = questionary.checkbox(
    "Toppings?",
    choices=[Choice("Cheese", checked=True), Separator(), "Ham",
             Choice("Olives", disabled="sold out"), "Basil"],
    validate=lambda ticked: True if ticked else "Pick at least one topping",
).ask()
name = questionary.text("Name for the order?",
                        validate=lambda text: len(text) >= 2 or "At least two letters").ask()
sure = questionary.confirm("Place the order?", default=False).ask()
print(f"order: {size}, {toppings}, {name}, {sure}")
