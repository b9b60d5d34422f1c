"""A terminal program that asks with questionary and python-inquirer, frozen by
`desklaunch build` in the packaging tests: its menus are asked in the console, and it ends
with exit code 3."""

import sys

import inquirer
import questionary

size = questionary.select("Size?", choices=["Small", "Large"]).ask()
extras = inquirer.prompt([inquirer.Checkbox("extras", message="Extras?",
                                            choices=["Ham", "Basil"])])["extras"]
print("order:", size, extras)
sys.exit(3)
