"""Console mode's argument forms through the kit, both ways: an argparse parser's rows,
numbered boxes, checkboxes, one-of choice and section, and a click command's rows and
answer buttons."""

from __future__ import annotations

from pathlib import Path

SCRIPTS = Path(__file__).parent / "scripts"


def output(app) -> str:
    return str(app.find("log", "Output").text)


def test_an_argparse_form_with_rows_boxes_and_a_choice(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_pack.py", browser=mode)
    app.fill("Names 1", "socks")
    app.click("Add Names")
    app.fill("Names 2", "hat")
    app.fill("Width", "3")
    app.fill("Height", "4")
    app.check("green")
    app.find("group", "Extra")
    app.fill("Note", "fragile")
    app.click("Run")
    app.wait_for("one of the arguments --zip --level is required")
    app.choose("Choose one", "Zip")
    app.click("Run")
    app.wait_for("Exited with code 0")
    assert ("names=['socks', 'hat'] size=['3', '4'] colour=['green'] zip=True level=None "
            "note=fragile") in output(app)
    app.click("Run again")
    assert app.find("textbox", "Names 2").value == "hat"


def test_a_click_form_with_rows_and_answer_buttons(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_confirm.py", browser=mode)
    app.fill("Count", "2")
    app.fill("Tag 1", "a")
    app.click("Add Tag")
    app.fill("Tag 2", "b")
    app.click("Run")
    app.click("Yes")
    app.wait_for("Exited with code 0")
    assert "done 2 ['a', 'b']" in output(app)


def test_an_option_left_empty_is_asked_for_offering_its_default(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_project.py", browser=mode)
    name = app.find("textbox", "Name")
    assert name.value == ""
    assert "What to call it. (asked when left empty, offering demo) (--name)" in app.text
    app.click("Run")
    app.fill("Project name [demo]:", "")
    app.submit()
    app.wait_for("Exited with code 0")
    assert "created demo" in output(app)
    app.click("Run again")
    app.fill("Name", "atlas")
    app.click("Run")
    app.wait_for("created atlas")
    assert "Project name" not in output(app).split("created demo")[1]


def test_an_optparse_program_gets_a_form_and_its_words_come_after_the_options(
        desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_optparse.py", browser=mode)
    assert app.find("textbox", "Width").value == "20"
    assert "line width [default: 20] (-w, --width)" in app.text
    assert "Output" in app.text  # the option group is a section
    app.click("Run")
    app.wait_for("error: give at least one WORD")
    app.click("Run again")
    app.fill("Width", "30")
    app.choose("Style", "box")
    app.check("Upper")
    app.fill("Tag 1", "red")
    app.check("Quiet")
    app.fill("Other arguments 1", "hello")
    app.click("Add Other arguments")
    app.fill("Other arguments 2", "-world")
    app.click("Run")
    app.wait_for("words=")
    log = output(app)
    assert ("$ console_optparse.py --width 30 --style box --upper --tag red --quiet -- hello "
            "-world" in log)
    assert ("width=30 style=box upper=True tags=['red'] loud=False words=['hello', '-world']"
            in log)


def test_a_count_option_is_a_spinbutton_filled_with_a_number(desklaunch_app, mode,
                                                            tmp_path) -> None:
    """argparse's `action="count"` (`-vvv`): a number field, a spinbutton to a screen reader,
    the same role both ways."""
    tool = tmp_path / "loud.py"
    tool.write_text("import argparse\n"
                    "parser = argparse.ArgumentParser()\n"
                    "parser.add_argument('-v', '--verbose', action='count', default=0)\n"
                    "print('verbosity', parser.parse_args().verbose)\n", encoding="utf-8")
    app = desklaunch_app(tool, browser=mode)
    assert app.find("spinbutton", "Verbose").value == "0"
    app.fill("Verbose", "3")
    app.click("Run")
    app.wait_for("Exited with code 0")
    assert "verbosity 3" in output(app)


def test_a_click_option_of_two_values_is_two_boxes(desklaunch_app, mode, tmp_path) -> None:
    script = tmp_path / "draw.py"
    script.write_text("import click\n\n"
                      "@click.command()\n"
                      "@click.option('--size', type=(int, int), required=True)\n"
                      "def draw(size):\n"
                      "    click.echo(f'drawing {size[0]} by {size[1]}')\n\n"
                      "draw()\n")
    app = desklaunch_app(script, browser=mode)
    app.fill("Size 1", "640")
    app.fill("Size 2", "480")
    app.click("Run")
    app.wait_for("drawing 640 by 480")


def test_several_of_a_click_choice_are_ticked(desklaunch_app, mode, tmp_path) -> None:
    script = tmp_path / "fmt.py"
    script.write_text(
        "import click\n\n"
        "@click.command()\n"
        "@click.option('-t', '--target-version', multiple=True,\n"
        "              type=click.Choice(['py38', 'py39', 'py310']))\n"
        "def main(target_version):\n"
        "    print('targets', list(target_version))\n\n"
        "main()\n")
    app = desklaunch_app(script, browser=mode)
    app.check("Target version", "py39", "py310")
    app.click("Run")
    app.wait_for("Exited with code 0")
    assert "targets ['py39', 'py310']" in output(app)


def test_an_on_off_option_left_to_the_program_is_said_not_blank(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_either.py", browser=mode)
    assert app.find("combobox", "Warn").text.splitlines() == ["(not given)", "--warn", "--no-warn"]
    app.choose("Warn", "--no-warn")
    app.click("Run")
    app.wait_for("Exited with code 0")
    assert "warn=False" in output(app)
    app.click("Run again")
    app.choose("Warn", "(not given)")
    app.click("Run")
    app.wait_for("warn=None")
