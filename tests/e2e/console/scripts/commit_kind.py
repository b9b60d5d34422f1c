"""A questionary menu whose choices say what they mean (as commitizen's do)."""

import questionary
from questionary import Choice

kind = questionary.select("Select the type of change you are committing", choices=[
    Choice("fix", description="A bug fix. Correlates with PATCH in SemVer"),
    Choice("feat", description="A new feature. Correlates with MINOR in SemVer"),
]).ask()
print("kind:", kind)
