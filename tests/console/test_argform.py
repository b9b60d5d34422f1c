"""An argparse parser as a form and back (desklaunch/console/argform.py)."""

from __future__ import annotations

import argparse

from desklaunch.console.argform import ArgForm


def fields_by_label(level):
    return {field["label"]: field for field in level["fields"]}


def build(parser, values, path=()):
    form = ArgForm(parser)
    keys = {arg.wire["label"]: key for key, arg in form.fields.items()}
    answer = {"values": {keys[label]: value for label, value in values.items()},
              "path": list(path)}
    return form.build_argv(answer)


def sample():
    parser = argparse.ArgumentParser(prog="tool")
    parser.add_argument("src", help="the file to read (default %(default)s)", default="a.txt",
                        nargs="?")
    parser.add_argument("--level", type=int, default=3)
    parser.add_argument("--mode", choices=["a", "b"])
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--color", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--name", action="append")
    parser.add_argument("--pair", nargs=2, type=float)
    parser.add_argument("--secret", help=argparse.SUPPRESS)
    return parser


def test_each_argument_becomes_a_field_of_its_kind():
    form = ArgForm(sample(), choosers=True)
    fields = fields_by_label(form.wire()["root"])
    assert set(fields) == {"Src", "Level", "Mode", "Force", "Color", "Name", "Pair"}
    assert fields["Src"]["help"] == "the file to read (default a.txt)"
    assert fields["Src"]["chooser"] == "open"
    assert fields["Level"] == {**fields["Level"], "kind": "text", "number": "int", "value": "3"}
    assert fields["Mode"]["options"] == ["a", "b"]
    assert fields["Force"]["kind"] == fields["Color"]["kind"] == "flag"
    assert fields["Color"]["value"] is True
    assert fields["Name"]["kind"] == fields["Pair"]["kind"] == "list"


def test_answers_become_the_command_line_the_parser_accepts():
    parser = sample()
    argv, errors, _ = build(parser, {"Src": "in.txt", "Level": "5", "Mode": "b", "Force": True,
                                     "Color": False, "Name": "x\ny", "Pair": "1\n2.5"})
    assert errors == {}
    assert argv == ["in.txt", "--level", "5", "--mode", "b", "--force", "--no-color",
                    "--name", "x", "--name", "y", "--pair", "1", "2.5"]
    parsed = parser.parse_args(argv)
    assert (parsed.level, parsed.color, parsed.name, parsed.pair) == (5, False, ["x", "y"],
                                                                      [1.0, 2.5])


def test_wrong_answers_are_explained_per_field():
    _, errors, _ = build(sample(), {"Level": "five", "Mode": "c", "Pair": "1"})
    assert sorted(errors.values()) == ["Please choose from the list",
                                       "Please enter a whole number",
                                       "Please give exactly 2 values, one per line"]


def test_subcommands_follow_the_chosen_path_and_are_remembered():
    parser = argparse.ArgumentParser()
    parser.add_argument("-q", action="store_true")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("one").add_argument("x")
    sub.add_parser("two").add_argument("--y", default="7")
    form = ArgForm(parser)
    wire = form.wire()["root"]
    assert [c["name"] for c in wire["commands"]] == ["one", "two"]
    argv, errors, memory = build(parser, {"Q": True, "Y": "8"}, path=["two"])
    assert (argv, errors) == (["-q", "two", "--y", "8"], {})
    again = form.wire(memory)["root"]
    assert again["selected"] == "two"
    assert fields_by_label(again["commands"][1]["level"])["Y"]["value"] == "8"
    assert build(parser, {}, path=[])[1] == {"": "Please choose a command"}
