"""InquirerPy programs in the console: every prompt asked in the input line, unchanged.

The programs run through the test kit, in process (the same commands the page gets).
"""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


def test_each_kind_of_prompt_is_answered_with_its_validator_and_filter(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from InquirerPy import inquirer
        from InquirerPy.base.control import Choice
        from InquirerPy.separator import Separator

        size = inquirer.select(message="Size:", default="M", choices=[
            Choice("S", name="Small"), Choice("M", name="Medium"), Separator(),
            Choice("L", name="Large")]).execute()
        extras = inquirer.checkbox(message="Extras:", choices=[
            Choice("milk", name="Milk", enabled=True), "Sugar"],
            validate=lambda picked: len(picked) == 1,
            invalid_message="Exactly one, please").execute()
        name = inquirer.text(message="Name:", filter=str.upper,
                             validate=lambda text: len(text) > 1,
                             invalid_message="Too short").execute()
        count = inquirer.number(message="How many:", min_allowed=1, max_allowed=5).execute()
        pin = inquirer.secret(message="PIN:").execute()
        sure = inquirer.confirm(message="Order?", default=True).execute()
        print(size, extras, name, count, pin, sure)
    """)
    assert app.find("textbox", "Size:").value == "Medium"
    app.click("Large")
    app.check("Extras:", "Sugar")
    app.submit()
    app.wait_for("Exactly one, please")
    app.uncheck("Extras:", "Milk")
    app.submit()
    app.fill("Name:", "a")
    app.submit()
    app.wait_for("Too short")
    app.fill("Name:", "ada")
    app.submit()
    app.fill("How many:", "9")
    app.submit()
    app.wait_for("At most 5, please.")
    app.fill("How many:", "3")
    app.submit()
    app.fill("PIN:", "42")
    app.submit()
    app.fill("Order? (Y/n)", "")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == [
        "? Size: Large", "Exactly one, please", "? Extras: Sugar", "Too short", "? Name: ada",
        "At most 5, please.", "? How many: 3", "? PIN: **", "? Order? Yes",
        "L ['Sugar'] ADA 3 42 True"]


def test_the_dictionary_prompt_asks_in_turn_and_async_prompts_leave_the_loop_running(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        import asyncio
        from InquirerPy import prompt, inquirer

        answers = prompt([
            {"type": "list", "message": "Drink:", "choices": ["Tea", "Coffee"], "name": "drink"},
            {"type": "input", "message": "Milk?", "name": "milk",
             "when": lambda so_far: so_far["drink"] == "Coffee"},
        ])
        print(answers)

        async def main():
            async def tick():
                await asyncio.sleep(0.05)
                print("the loop ran on")
            ticking = asyncio.create_task(tick())
            print(await inquirer.text(message="Note:").execute_async())
            await ticking

        asyncio.run(main())
    """)
    app.click("Coffee")
    app.fill("Milk?", "oat")
    app.submit()
    app.wait_for("the loop ran on")
    app.fill("Note:", "thanks")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["? Drink: Coffee", "? Milk? oat", "{'drink': 'Coffee', 'milk': 'oat'}",
                           "the loop ran on", "? Note: thanks", "thanks"]


def test_stop_raises_keyboard_interrupt_or_skips_as_the_prompt_was_made(tmp_path: Path) -> None:
    app = start(tmp_path, """
        from InquirerPy import inquirer
        print("skipped:", inquirer.text(message="Optional:", mandatory=False,
                                        raise_keyboard_interrupt=False).execute())
        print("answered:", inquirer.text(message="Needed:",
                                         raise_keyboard_interrupt=False).execute())
        inquirer.text(message="Required:").execute()
    """)
    app.find("textbox", "Optional:")
    app.click("Stop")
    app.wait_for("skipped: None")
    app.find("textbox", "Needed:")
    app.click("Stop")
    app.wait_for("Mandatory prompt")
    app.fill("Needed:", "yes")
    app.submit()
    app.wait_for("answered: yes")
    app.find("textbox", "Required:")
    app.click("Stop")
    app.wait_for("Exited with code 130")
    assert "KeyboardInterrupt" in app.text
