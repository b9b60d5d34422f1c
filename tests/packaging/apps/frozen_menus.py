"""A terminal program that asks with questionary, python-inquirer and prompt_toolkit, frozen by
`desklaunch build` in the packaging tests: its menus are asked in the console, and it ends
with exit code 3."""

import sys

import inquirer
import questionary
from prompt_toolkit import prompt

size = questionary.select("Size?", choices=["Small", "Large"]).ask()
extras = inquirer.prompt([inquirer.Checkbox("extras", message="Extras?",
                                            choices=["Ham", "Basil"])])["extras"]
note = prompt("Note: ", default="none")
print("order:", size, extras, note)
sys.exit(3)
