"""A questionary program whose answer is typed with suggestions."""

import questionary

ant = questionary.autocomplete(
    "Ant species?", choices=["Camponotus pennsylvanicus", "Polyergus lucidus", "Atta colombica"],
    validate=lambda text: "Polyergus" in text or "Choose a Polyergus ant").ask()
print(f"chose {ant}")
