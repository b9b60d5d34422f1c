"""A click command or a typer app as the arguments form, and the form's answer as argv."""

from __future__ import annotations

import enum
from typing import Annotated, Any

import click
import typer

from desklaunch.console.clickform import ClickForm


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


def fields_by_label(form: ClickForm) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}

    def walk(level: dict[str, Any]) -> None:
        for spec in level["items"]:
            found[spec["label"]] = spec
        for command in level.get("commands", []):
            walk(command["level"])

    walk(form.wire()["root"])
    return found


def answer(form: ClickForm, values: dict[str, Any], path: list[str] | None = None
           ) -> tuple[list[str], dict[str, str], dict[str, Any]]:
    """Submit the form with `values` by label; untouched fields keep their shown value."""
    fields = fields_by_label(form)
    by_key = {spec["key"]: spec["value"] for spec in fields.values()}
    by_key.update({fields[label]["key"]: value for label, value in values.items()})
    return form.build_argv({"values": by_key, "path": path or []})


def errors_by_label(form: ClickForm, errors: dict[str, str]) -> dict[str, str]:
    labels = {spec["key"]: label for label, spec in fields_by_label(form).items()}
    return {labels.get(key, key): message for key, message in errors.items()}


@click.command(help="Copy things.\n\n\b\nkept as is\n\fnot shown")
@click.argument("source")
@click.argument("targets", nargs=-1)
@click.option("-n", "--times", type=click.IntRange(1, 5), default=1, help="How often.")
@click.option("--ratio", type=float)
@click.option("--colour", type=click.Choice(Colour), default=Colour.RED)
@click.option("--mode", type=click.Choice(["fast", "slow"]))
@click.option("-v", "--verbose", count=True)
@click.option("--dry-run/--no-dry-run", default=True)
@click.option("--json-lines", is_flag=True)
@click.option("--export", type=bool, default=False)
@click.option("--tag", multiple=True, default=["a"])
@click.option("--point", nargs=2, type=int)
@click.option("--pair", nargs=2, multiple=True)
@click.option("--token", prompt=True, hide_input=True)
@click.option("--out", type=click.File("w"), default="-")
@click.option("--folder", type=click.Path(file_okay=False))
@click.option("--secret-knob", hidden=True)
@click.option("--owner", required=True)
@click.version_option("1.0")
def copy(**params: Any) -> None:
    click.echo(repr(params))


def test_every_kind_of_click_parameter_becomes_a_field() -> None:
    form = ClickForm(copy, "copy.py", choosers=True)
    fields = fields_by_label(form)
    assert list(fields) == ["Source", "Targets", "Times", "Ratio", "Colour", "Mode", "Verbose",
                            "Dry run", "JSON lines", "Export", "Tag", "Point", "Pair", "Token",
                            "Out", "Folder", "Owner"]
    assert form.title == "copy.py"
    assert form.description == "Copy things.\n\nkept as is"
    assert "description" not in form.wire()["root"]  # the description shows once
    assert fields["Source"] | {"key": ""} == {
        "type": "field", "key": "", "label": "Source", "option": "", "kind": "text", "help": "",
        "required": True, "value": ""}
    assert fields["Targets"]["kind"] == "list"
    assert not fields["Targets"]["required"]
    assert fields["Times"]["value"] == "1"
    assert fields["Times"]["number"] == "int"
    assert fields["Times"]["option"] == "-n, --times"
    assert fields["Ratio"]["number"] == "float"
    assert fields["Colour"]["options"] == ["RED", "BLUE"]  # click types an enum by name
    assert fields["Colour"]["value"] == "RED"
    assert fields["Mode"]["kind"] == "choice"
    assert fields["Verbose"]["kind"] == "count"
    assert fields["Dry run"]["kind"] == "flag"
    assert fields["Dry run"]["value"] is True
    assert fields["Dry run"]["option"] == "--dry-run / --no-dry-run"
    assert fields["Export"]["options"] == ["true", "false"]  # a value, not a flag
    assert fields["Export"]["value"] == "false"
    assert fields["Tag"]["value"] == ["a"]
    assert fields["Token"]["password"] is True
    assert fields["Token"]["help"] == "(asked when left empty)"
    assert fields["Out"]["chooser"] == "save"
    assert fields["Folder"]["chooser"] == "folder"
    assert fields["Targets"]["value"] == []
    assert fields["Owner"]["required"]


def test_only_what_differs_from_the_defaults_is_typed() -> None:
    form = ClickForm(copy, "copy.py")
    argv, errors, _ = answer(form, {"Source": "a.txt", "Owner": "ada"})
    assert errors == {}
    assert argv == ["--owner", "ada", "a.txt"]
    argv, errors, _ = answer(form, {
        "Source": "a.txt", "Targets": ["b", "c d"], "Times": "3", "Colour": "BLUE",
        "Verbose": "3", "Dry run": False, "JSON lines": True, "Export": "true",
        "Tag": ["x", "y"], "Point": ["1", "2"], "Pair": ["k v", "'a b' c"], "Token": "t0k",
        "Owner": "ada"})
    assert errors == {}
    assert argv == ["--times", "3", "--colour", "BLUE", "-vvv", "--no-dry-run", "--json-lines",
                    "--export", "true", "--tag", "x", "--tag", "y", "--point", "1", "2",
                    "--pair", "k", "v", "--pair", "a b", "c", "--token", "t0k", "--owner", "ada",
                    "a.txt", "b", "c d"]
    result = copy.main(argv, standalone_mode=False)
    assert result is None  # parsed without an error


def test_a_required_option_that_click_asks_for_may_be_left_empty() -> None:
    @click.command()
    @click.option("--email", prompt=True, required=True)  # typer's `Option(..., prompt=True)`
    def create(email: str) -> None:
        pass

    form = ClickForm(create, "create.py")
    field = fields_by_label(form)["Email"]
    assert not field["required"] and field["help"] == "(asked when left empty)"
    argv, errors, _ = answer(form, {})
    assert (argv, errors) == ([], {})  # click asks "Email:" during the run, as in a terminal


def test_the_answer_parses_back_to_the_values_given() -> None:
    seen: dict[str, Any] = {}

    @click.command()
    @click.argument("name")
    @click.option("--count", type=int, default=1)
    @click.option("--tag", multiple=True)
    @click.option("--loud/--quiet", default=False)
    def tool(**params: Any) -> None:
        seen.update(params)

    form = ClickForm(tool, "tool.py")
    argv, errors, _ = answer(form, {"Name": "-ada", "Count": "-2", "Tag": ["x"], "Loud": True})
    assert errors == {}
    assert argv == ["--count", "-2", "--tag", "x", "--loud", "--", "-ada"]
    tool.main(argv, standalone_mode=False)
    assert seen == {"name": "-ada", "count": -2, "tag": ("x",), "loud": True}


def test_a_value_click_would_refuse_is_refused_with_its_own_message() -> None:
    form = ClickForm(copy, "copy.py")
    _, errors, _ = answer(form, {"Times": "9", "Ratio": "half", "Mode": "medium",
                                 "Point": ["1", "x"], "Pair": ["only-one"], "Verbose": "-1"})
    assert errors_by_label(form, errors) == {
        "Source": "Missing argument 'SOURCE'.",
        "Times": "Invalid value for '-n' / '--times': 9 is not in the range 1<=x<=5.",
        "Ratio": "Invalid value for '--ratio': 'half' is not a valid float.",
        "Mode": "Invalid value for '--mode': 'medium' is not one of 'fast', 'slow'.",
        "Point": "Invalid value for '--point': 'x' is not a valid integer.",
        "Pair": "Please give 2 values on each line",
        "Verbose": "Please enter 0 or more",
        "Owner": "Missing option '--owner'.",
    }


def test_answers_that_are_not_what_the_page_sends_are_refused_not_raised() -> None:
    form = ClickForm(copy, "copy.py")
    for bad in (None, [], {"values": []}, {"values": {"c1": 3}, "path": "x"},
                {"values": {"c1": "x" * 200_000}}):
        _, errors, _ = form.build_argv(bad)
        assert errors


@click.group(help="Notes.")
@click.option("--file", default="notes.txt")
def notes(file: str) -> None:
    pass


@notes.command(help="Add one.")
@click.argument("text")
def add(text: str) -> None:
    pass


@notes.command(hidden=True)
def debug() -> None:
    pass


@notes.group(help="Tags.")
def tags() -> None:
    pass


@tags.command(name="list")
@click.option("--all", "show_all", is_flag=True)
def list_tags(show_all: bool) -> None:
    pass


def test_a_group_gives_a_tab_per_visible_command_nested_too() -> None:
    form = ClickForm(notes, "notes.py")
    root = form.wire()["root"]
    assert [c["name"] for c in root["commands"]] == ["add", "tags"]
    assert root["selected"] == "add"
    tags_level = root["commands"][1]["level"]
    assert tags_level["description"] == "Tags."
    assert [c["name"] for c in tags_level["commands"]] == ["list"]
    argv, errors, memory = answer(form, {"File": "x.txt", "All": True}, ["tags", "list"])
    assert errors == {}
    assert argv == ["--file", "x.txt", "tags", "list", "--all"]
    assert memory["path"] == ["tags", "list"]
    _, errors, _ = answer(form, {}, ["nope"])
    assert errors == {"": "Please choose a command"}


class DefaultGroup(click.Group):
    """click-default-group's `DefaultGroup` as sqlite-utils uses it: the command a bare
    invocation runs is named by `default_cmd_name`."""

    def __init__(self, *args: Any, default: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_cmd_name = default


@click.group(cls=DefaultGroup, default="query")
def database() -> None:
    """A database tool."""


@database.command()
def add_column() -> None:
    """Add a column."""


@database.command()
@click.argument("sql")
def query(sql: str) -> None:
    """Run a query."""


def test_a_default_group_opens_on_its_default_command() -> None:
    root = ClickForm(database, "db.py").wire()["root"]
    assert [c["name"] for c in root["commands"]] == ["add-column", "query"]
    assert root["selected"] == "query"
    chosen = ClickForm(database, "db.py").wire({"path": ["add-column"]})["root"]
    assert chosen["selected"] == "add-column"  # what the person picked last time wins


def test_values_are_remembered_but_never_a_password() -> None:
    form = ClickForm(copy, "copy.py")
    _, _, memory = answer(form, {"Source": "a.txt", "Owner": "ada", "Token": "hunter2"})
    assert memory["values"]["|--owner"] == "ada"
    assert "hunter2" not in repr(memory)
    again = ClickForm(copy, "copy.py")
    fields = {spec["label"]: spec for spec in again.wire(memory)["root"]["items"]}
    assert fields["Owner"]["value"] == "ada"
    assert fields["Source"]["value"] == "a.txt"
    assert fields["Token"]["value"] == ""
    chosen = ClickForm(notes, "notes.py").wire({"values": {}, "path": ["tags", "list"]})
    assert chosen["root"]["selected"] == "tags"


app = typer.Typer(help="Greets.")  # with --install-completion and --show-completion


def show_version(value: bool) -> None:
    if value:
        raise typer.Exit()


class Style(str, enum.Enum):
    plain = "plain"
    fancy = "fancy"


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=show_version,
                                              is_eager=True)] = False) -> None:
    """Greets."""


@app.command()
def hello(name: str, count: int = typer.Option(1, help="How many."), style: Style = Style.plain,
          shout: bool = False, ratio: float = 0.5) -> None:
    """Say hello."""


@app.command()
def total(numbers: list[float],
          tag: Annotated[list[str] | None, typer.Option(help="Tags.")] = None) -> None:
    """Add up."""


def test_a_typer_app_reads_like_a_click_group() -> None:
    command = typer.main.get_command(app)
    form = ClickForm(command, "greet.py")
    fields = fields_by_label(form)
    assert form.description == "Greets."
    assert form.wire()["root"]["items"] == []  # --version and the completion flags: no fields
    assert [c["name"] for c in form.wire()["root"]["commands"]] == ["hello", "total"]
    assert fields["Name"]["required"]
    assert fields["Count"] | {"key": ""} == {
        "type": "field", "key": "", "label": "Count", "option": "--count", "kind": "text",
        "help": "How many.", "required": False, "value": "1", "number": "int"}
    assert fields["Style"]["options"] == ["plain", "fancy"]  # typer types an enum by value
    assert fields["Shout"]["option"] == "--shout / --no-shout"
    assert fields["Ratio"]["number"] == "float"
    assert fields["Numbers"]["kind"] == "list"
    assert fields["Numbers"]["number"] == "float"
    assert fields["Tag"]["kind"] == "list"
    argv, errors, _ = answer(form, {"Name": "Ada", "Style": "fancy", "Shout": True}, ["hello"])
    assert errors == {}
    assert argv == ["hello", "--style", "fancy", "--shout", "Ada"]
    _, errors, _ = answer(form, {"Count": "two"}, ["hello"])
    messages = errors_by_label(form, errors)
    assert messages["Name"] == "Missing argument 'name'."
    assert messages["Count"].startswith("Invalid value for '--count': ")
    argv, errors, _ = answer(form, {"Numbers": ["1", "-2.5"], "Tag": ["a", "b"]}, ["total"])
    assert errors == {}
    assert argv == ["total", "--tag", "a", "--tag", "b", "--", "1", "-2.5"]


def test_rows_are_lists_on_the_wire_and_in_memory() -> None:
    @click.command()
    @click.argument("paths", nargs=-1, required=True)
    @click.option("--tag", multiple=True)
    def tool(paths: tuple[str, ...], tag: tuple[str, ...]) -> None:
        pass

    form = ClickForm(tool, "tool.py")
    fields = fields_by_label(form)
    assert fields["Paths"]["value"] == []
    assert fields["Paths"]["min"] == 1  # at least one row, as argparse's nargs="+"
    assert "min" not in fields["Tag"]
    argv, errors, memory = answer(form, {"Paths": ["a b", " ", "c"], "Tag": ["x"]})
    assert errors == {}
    assert argv == ["--tag", "x", "a b", "c"]
    again = fields_by_label_in(form.wire(memory))
    assert again["Tag"]["value"] == ["x"]
    # What an older desklaunch remembered (one value a line) still fills the rows.
    old = {"values": {"|--tag": "y\nz"}, "path": []}
    assert fields_by_label_in(form.wire(old))["Tag"]["value"] == ["y", "z"]


def fields_by_label_in(wire: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {spec["label"]: spec for spec in wire["root"]["items"]}


def _keep_app(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    ctx.meta["app"] = value


@click.group()
@click.option("--app", metavar="IMPORT", is_eager=True, expose_value=False, callback=_keep_app,
              help="The application to load.")
@click.version_option("1.0")
def serve() -> None:
    """Serves an app (flask's command line keeps --app this way)."""


@serve.command()
def routes() -> None:
    """Show the routes."""


def test_an_eager_option_that_takes_a_value_is_a_field_an_eager_flag_is_not() -> None:
    form = ClickForm(serve, "flask")
    assert [spec["option"] for spec in form.wire()["root"]["items"]] == ["--app"]
    assert fields_by_label(form)["App"]["help"] == "The application to load."


def test_a_fixed_number_of_values_is_one_box_each_as_argparse_gives_them() -> None:
    @click.command()
    @click.option("--size", type=(int, int), help="Width and height.")
    @click.option("--origin", nargs=2, type=float, default=(0.0, 0.0))
    def draw(size: tuple[int, int] | None, origin: tuple[float, float]) -> None:
        pass

    form = ClickForm(draw, "draw.py")
    fields = fields_by_label(form)
    assert fields["Size"]["kind"] == "tuple" and fields["Size"]["parts"] == ["Size 1", "Size 2"]
    assert fields["Size"]["value"] == ["", ""]
    assert fields["Origin"]["value"] == ["0.0", "0.0"]
    argv, errors, _ = answer(form, {"Size": ["640", "480"]})
    assert (argv, errors) == (["--size", "640", "480"], {})  # the origin left as it was
    _, errors, _ = answer(form, {"Size": ["640", ""]})
    assert errors_by_label(form, errors) == {"Size": "Please give all 2 values"}
    _, errors, _ = answer(form, {"Size": ["640", "tall"]})
    assert "'tall' is not a valid integer" in errors_by_label(form, errors)["Size"]


def test_a_short_option_is_labelled_by_its_name_or_as_written() -> None:
    """`-v` alone is "-v", not a lone "V"; `-q` named `quiet` is "Quiet", as for argparse."""
    @click.command()
    @click.option("-v", is_flag=True)
    @click.option("-q", "quiet", is_flag=True)
    @click.option("-o", "--output")
    def tool(**params: Any) -> None:
        click.echo(repr(params))

    assert list(fields_by_label(ClickForm(tool, "tool.py"))) == ["-v", "Quiet", "Output"]


users = typer.Typer(help="Manage [bold]users[/bold] in the :sparkles: awesome CLI app.")


@users.command(help="Create a new user with [bold red]NAME[/bold red].")
def create(name: Annotated[str, typer.Argument(help="The [green]name[/green] of the user")],
           home: Annotated[str, typer.Option(help="Kept in [/home], or elsewhere")] = "") -> None:
    """Unused: the help above is the command's."""


@users.command()
def delete(login: str) -> None:
    """Delete a user."""


def test_typer_help_in_rich_markup_reads_as_its_terminal_shows_it() -> None:
    form = ClickForm(typer.main.get_command(users), "users.py")
    assert form.description == "Manage users in the \N{SPARKLES} awesome CLI app."
    create_level = form.wire()["root"]["commands"][0]["level"]
    assert create_level["description"] == "Create a new user with NAME."
    fields = fields_by_label(form)
    assert fields["Name"]["help"] == "The name of the user"
    assert fields["Home"]["help"] == "Kept in [/home], or elsewhere"  # not markup: as written


@click.command()
@click.option("-t", "--target-version", multiple=True, help="Python versions to support.",
              type=click.Choice(["py38", "py39", "py310"]))
@click.option("--keep", multiple=True, type=click.Choice(["a", "b"]), default=["b"])
@click.argument("parts", nargs=-1, type=click.Choice(["x", "y"]))
def formatter(target_version: tuple[str, ...], keep: tuple[str, ...],
              parts: tuple[str, ...]) -> None:
    """Formats."""


def test_several_of_a_choice_are_boxes_to_tick_as_in_an_argparse_form() -> None:
    form = ClickForm(formatter, "black")
    fields = fields_by_label(form)
    assert (fields["Target version"]["kind"], fields["Target version"]["options"]) == (
        "choices", ["py38", "py39", "py310"])
    assert (fields["Keep"]["kind"], fields["Keep"]["value"]) == ("choices", ["b"])
    assert fields["Parts"]["kind"] == "choices"
    argv, errors, _ = answer(form, {"Target version": ["py39", "py310"], "Keep": ["b"],
                                    "Parts": ["y"]})
    assert errors == {}
    assert argv == ["--target-version", "py39", "--target-version", "py310", "y"]


@click.command()
@click.option("-D", "--database", "dbname", help="Database to use.")
@click.option("--warn/--no-warn", default=None, help="Warn before a destructive query.")
@click.option("--shout/--no-shout")
@click.argument("database", required=False)
def lite(dbname: str | None, warn: bool | None, shout: bool, database: str | None) -> None:
    click.echo(f"{dbname} {warn} {shout} {database}")


def test_an_on_off_flag_that_may_be_left_unsaid_is_a_choice_of_both_or_neither() -> None:
    """litecli's `--warn/--no-warn` (default None: as configured) could only be turned on
    from a box; the terminal can say either, or nothing."""
    form = ClickForm(lite, "lite.py")
    fields = fields_by_label(form)
    assert (fields["Warn"]["kind"], fields["Warn"]["options"], fields["Warn"]["value"]) == (
        "choice", ["--warn", "--no-warn"], "")
    assert fields["Shout"]["kind"] == "flag"  # click's default is off: a box says it
    for chosen, typed in (("", []), ("--warn", ["--warn"]), ("--no-warn", ["--no-warn"])):
        argv, errors, _ = answer(form, {"Warn": chosen})
        assert (argv, errors) == (typed, {})
        assert lite.main(argv, standalone_mode=False) is None


def test_an_option_labelled_as_an_argument_says_its_option() -> None:
    assert [label for label in fields_by_label(ClickForm(lite, "lite.py"))
            if label.startswith("Database")] == ["Database (--database)", "Database"]


def test_a_required_on_off_flag_left_unsaid_is_refused_in_the_form() -> None:
    @click.command()
    @click.option("--warn/--no-warn", default=None, required=True)
    def strict(warn: bool) -> None:
        click.echo(warn)

    form = ClickForm(strict, "strict.py")
    _, errors, _ = answer(form, {"Warn": ""})
    assert errors_by_label(form, errors) == {"Warn": "Missing option '--warn'."}  # click's
    assert answer(form, {"Warn": "--no-warn"})[:2] == (["--no-warn"], {})
