"""An argparse parser as a form and back (desklaunch/console/argform.py, argcheck.py)."""

from __future__ import annotations

import argparse
import enum
import sys
import textwrap

import pytest

from desklaunch.console.argform import ArgForm


def walk(items):
    """Every field and choice of a level's items, sections included, in order."""
    for item in items:
        if item["type"] == "section":
            yield from walk(item["items"])
        else:
            yield item


def by_label(level):
    return {item["label"]: item for item in walk(level["items"]) if item["type"] == "field"}


def answer(form, values, path=(), choices=None):
    """A submitted answer, with fields named by label (and choices by a member's label)."""
    keys = {arg.wire["label"]: key for key, arg in form.fields.items()}
    raw = {keys[label]: value for label, value in values.items()}
    for choice_member in choices or []:
        choice = next(c for c in form.choices.values()
                      if any(m.wire["label"] == choice_member for m in c.members))
        raw[choice.key] = keys[choice_member]
    return form.build_argv({"values": raw, "path": list(path)})


def sample():
    parser = argparse.ArgumentParser(prog="tool", description="Does   things.",
                                     epilog="See the manual.")
    parser.add_argument("src", help="the file to read (default %(default)s)", default="a.txt",
                        nargs="?")
    parser.add_argument("--level", type=int, default=3)
    parser.add_argument("--mode", choices=["a", "b"])
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--color", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--name", action="append")
    parser.add_argument("--pair", nargs=2, type=float, metavar=("LOW", "HIGH"))
    parser.add_argument("-v", "--verbose", action="count", default=0)
    parser.add_argument("--secret", help=argparse.SUPPRESS)
    parser.add_argument("--out", required=True, type=argparse.FileType("w"))
    return parser


def test_each_argument_becomes_a_field_of_its_kind():
    form = ArgForm(sample(), choosers=True)
    wire = form.wire()
    assert (wire["description"], wire["epilog"]) == ("Does things.", "See the manual.")
    assert "description" not in wire["root"]  # shown once, at the top
    fields = by_label(wire["root"])
    assert list(fields) == ["Out", "Src", "Level", "Mode", "Force", "Color", "Name", "Pair",
                            "Verbose"]  # the required one first
    assert fields["Src"]["help"] == "the file to read (default a.txt)"
    assert (fields["Src"]["chooser"], fields["Out"]["chooser"]) == ("open", "save")
    assert fields["Out"]["stdio"] == "out"
    assert fields["Level"] == {**fields["Level"], "kind": "text", "number": "int", "value": "3"}
    assert fields["Mode"]["options"] == ["a", "b"]
    assert fields["Force"]["kind"] == fields["Color"]["kind"] == "flag"
    assert fields["Color"]["value"] is True
    assert fields["Name"]["kind"] == "list"
    assert (fields["Pair"]["kind"], fields["Pair"]["parts"]) == ("tuple", ["Low", "High"])
    assert (fields["Verbose"]["kind"], fields["Verbose"]["value"]) == ("count", "0")


def test_the_command_line_has_only_what_differs_from_the_defaults(tmp_path):
    parser = sample()
    out = str(tmp_path / "out.txt")
    form = ArgForm(parser)
    argv, errors, _ = answer(form, {"Src": "a.txt", "Level": "3", "Out": out, "Color": True})
    assert (argv, errors) == (["--out", out], {})
    argv, errors, _ = answer(form, {"Src": "in.txt", "Level": "5", "Mode": "b", "Force": True,
                                    "Color": False, "Name": ["x", "", "-y"],
                                    "Pair": ["1", "2.5"], "Verbose": "2", "Out": out})
    assert errors == {}
    assert argv == ["in.txt", "--level", "5", "--mode", "b", "--force", "--no-color",
                    "--name", "x", "--name=-y", "--pair", "1", "2.5", "-vv", "--out", out]
    assert not (tmp_path / "out.txt").exists()  # checking opened nothing for writing
    parsed = parser.parse_args(argv)
    assert (parsed.level, parsed.color, parsed.name, parsed.pair, parsed.verbose) == \
        (5, False, ["x", "-y"], [1.0, 2.5], 2)
    parsed.out.close()


def test_what_argparse_refuses_is_refused_with_its_own_message(tmp_path):
    form = ArgForm(sample())
    _, errors, _ = answer(form, {"Level": "five", "Mode": "c", "Pair": ["1", ""],
                                 "Out": str(tmp_path / "no" / "such" / "x")})
    assert sorted(errors.values()) == [
        "argument --level: invalid int value: 'five'",
        "argument --mode: invalid choice: 'c' (choose from 'a', 'b')",
        f"argument --out: can't open '{tmp_path}/no/such/x': [Errno 2] No such file or "
        f"directory: '{tmp_path}/no/such/x'",
        "argument --pair: expected 2 arguments",
    ]
    _, errors, _ = answer(form, {})  # said under the field left empty, not the whole form
    keys = {arg.wire["label"]: key for key, arg in form.fields.items()}
    assert errors == {keys["Out"]: "the following arguments are required: --out"}


def test_a_mutually_exclusive_group_is_one_choice():
    parser = argparse.ArgumentParser(prog="zip")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("-l", "--list", metavar="<zipfile>")
    group.add_argument("-e", "--extract", nargs=2, metavar=("<zipfile>", "<output_dir>"))
    group.add_argument("-q", "--quiet", action="store_true")
    group.add_argument("-c", "--create", nargs="+", metavar=("<name>", "<file>"))
    form = ArgForm(parser, choosers=True)
    (choice,) = form.wire()["root"]["items"]
    assert (choice["type"], choice["required"], choice["value"]) == ("choice", True, "")
    assert [o["label"] for o in choice["options"]] == ["List", "Extract", "Quiet", "Create"]
    # as argparse's usage says it: -c <name> [<file> ...]
    assert choice["options"][3]["field"]["label"] == "Name, then files"
    assert choice["options"][0]["field"]["label"] == "Zipfile"
    assert choice["options"][1]["field"]["parts"] == ["Zipfile", "Output dir"]
    assert choice["options"][1]["field"]["part_choosers"] == ["open", "folder"]
    assert choice["options"][2]["field"] is None
    assert answer(form, {})[1] == {
        "": "one of the arguments -l/--list -e/--extract -q/--quiet -c/--create is required"}
    argv, errors, memory = answer(form, {"List": "a.zip", "Extract": ["b.zip", "out"]},
                                  choices=["Extract"])
    assert (argv, errors) == (["--extract", "b.zip", "out"], {})  # only the chosen one
    assert answer(form, {}, choices=["Quiet"])[0] == ["-q"]
    assert form.wire(memory)["root"]["items"][0]["value"] == form.choices[
        next(iter(form.choices))].members[1].key


def test_nargs_star_positionals_are_not_required_and_count_is_a_number():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*")
    parser.add_argument("more", nargs="+")
    parser.add_argument("-v", action="count")
    form = ArgForm(parser)
    fields = by_label(form.wire()["root"])
    assert (fields["Files"]["required"], fields["More"]["required"]) == (False, True)
    assert fields["More"]["min"] == 1
    assert answer(form, {"More": ["m"], "-v": "3"})[:2] == (["m", "-vvv"], {})
    assert answer(form, {"Files": ["a b", "c"], "More": ["m"]})[0] == ["a b", "c", "m"]
    assert answer(form, {"-v": "x", "More": ["m"]})[1] != {}


def test_argument_groups_are_titled_sections():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plain")
    net = parser.add_argument_group("Network", "How to connect.")
    net.add_argument("--ipv4", action="store_true")
    net.add_argument("--http2-port", type=int, required=True)
    items = ArgForm(parser).wire()["root"]["items"]
    assert [item["type"] for item in items] == ["field", "section"]
    assert (items[1]["title"], items[1]["description"]) == ("Network", "How to connect.")
    assert [field["label"] for field in items[1]["items"]] == ["HTTP2 port", "IPv4"]


def test_a_dash_is_kept_for_standard_input():
    parser = argparse.ArgumentParser()
    parser.add_argument("infile", nargs="?", type=argparse.FileType("rb"), default=sys.stdin)
    form = ArgForm(parser)
    field = by_label(form.wire()["root"])["Infile"]
    assert (field["value"], field["stdio"]) == ("-", "in")
    assert answer(form, {"Infile": "-"})[:2] == ([], {})
    assert answer(form, {"Infile": "/no/such/file"})[1] != {}


def test_subcommands_follow_the_chosen_path_and_are_remembered():
    parser = argparse.ArgumentParser()
    parser.add_argument("-q", action="store_true")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("one", aliases=["uno"], help="the first").add_argument("x")
    sub.add_parser("two").add_argument("--y", default="7")
    form = ArgForm(parser)
    wire = form.wire()["root"]
    assert [c["name"] for c in wire["commands"]] == ["one", "two"]
    assert wire["commands"][0]["level"]["description"] == "the first"
    argv, errors, memory = answer(form, {"-q": True, "Y": "8"}, path=["two"])
    assert (argv, errors) == (["-q", "two", "--y", "8"], {})
    again = form.wire(memory)["root"]
    assert again["selected"] == "two"
    assert by_label(again["commands"][1]["level"])["Y"]["value"] == "8"
    assert answer(form, {}, path=[])[1] == {"": "Please choose a command"}
    keys = {arg.wire["label"]: key for key, arg in form.fields.items()}
    assert answer(form, {}, path=["one"])[1] == {
        keys["X"]: "the following arguments are required: x"}


@pytest.mark.parametrize("bad", [None, "text", {"values": []}, {"values": {"a1": {"x": 1}}},
                                 {"values": {"a1": ["x"] * 5000}}, {"path": "one"}])
def test_a_malformed_answer_is_refused_quietly(bad):
    _, errors, _ = ArgForm(sample()).build_argv(bad)
    assert errors  # --out is required: nothing usable came


def test_an_optional_subcommand_can_be_left_out():
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true")
    sub = parser.add_subparsers(dest="cmd")  # not required: argparse accepts no command
    sub.add_parser("show")
    form = ArgForm(parser)
    commands = form.wire()["root"]["commands"]
    assert [(c["name"], c.get("label")) for c in commands] == [("show", None),
                                                                ("", "No command")]
    argv, errors, memory = answer(form, {"All": True}, path=[""])
    assert (argv, errors) == (["--all"], {})
    assert form.wire(memory)["root"]["selected"] == ""
    assert answer(form, {}, path=["show"])[0] == ["show"]


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


def levels(text):
    items = [item.strip() for item in text.split(",")]
    if any(item not in ("HIGH", "LOW") for item in items):
        raise argparse.ArgumentTypeError(f"{text!r} should be HIGH or LOW")
    return items


def test_choices_and_defaults_that_are_not_text_are_shown_as_typed_and_run_untouched():
    parser = argparse.ArgumentParser(prog="tool")
    parser.add_argument("--color", type=Color, choices=list(Color), default=Color.RED)
    parser.add_argument("--levels", type=levels, default=["HIGH", "LOW"])
    form = ArgForm(parser)
    fields = by_label(form.wire()["root"])
    assert fields["Color"]["options"] == ["red", "blue"]
    assert fields["Color"]["value"] == "red"
    assert fields["Levels"]["value"] == "HIGH,LOW"
    assert answer(form, {})[:2] == ([], {})
    argv, errors, _ = answer(form, {"Color": "blue", "Levels": "LOW"})
    assert (argv, errors) == (["--color", "blue", "--levels", "LOW"], {})
    assert parser.parse_args(argv).color is Color.BLUE


def test_a_parse_that_keeps_unknown_words_gets_a_field_for_them():
    parser = argparse.ArgumentParser(prog="lint")
    parser.add_argument("--jobs", type=int, default=1)
    form = ArgForm(parser, leftovers=True)
    assert "Other arguments" in by_label(form.wire()["root"])
    assert answer(form, {})[:2] == ([], {})
    argv, errors, _ = answer(form, {"Other arguments": ["a.py", "b.py"], "Jobs": "2"})
    assert errors == {}
    known, rest = parser.parse_known_args(argv)
    assert (known.jobs, rest) == (2, ["a.py", "b.py"])
    assert "Other arguments" not in by_label(ArgForm(parser).wire()["root"])


def test_other_arguments_that_look_like_options_reach_a_known_args_parse_as_typed():
    parser = argparse.ArgumentParser(prog="cliffapp")  # cliff's apps: the command after
    parser.add_argument("-v", action="store_true")
    argv, errors, _ = answer(ArgForm(parser, leftovers=True),
                             {"Other arguments": ["hello", "Bob", "--shout"], "-v": True})
    assert (argv, errors) == (["-v", "hello", "Bob", "--shout"], {})
    assert parser.parse_known_args(argv)[1] == ["hello", "Bob", "--shout"]


def test_help_written_in_rich_markup_reads_as_the_programs_terminal_shows_it():
    """pip writes its help in rich's markup, and its terminal renders it."""
    parser = argparse.ArgumentParser(
        description="Commands: [optparse.longargs]install[/] Install packages.")
    parser.add_argument("--progress-bar", help=r"Progress bar \[on, off] [dim](on)[/dim]")
    parser.add_argument("--root", help="Install under [/] of another system")
    wire = ArgForm(parser).wire()
    assert wire["description"] == "Commands: install Install packages."
    helps = {label: field["help"] for label, field in by_label(wire["root"]).items()}
    assert helps["Progress bar"] == "Progress bar [on, off] (on)"
    assert helps["Root"] == "Install under [/] of another system"  # not markup: as written


def test_help_keeps_the_line_breaks_the_programs_own_formatter_keeps():
    """httpie's formatter keeps the lines of its examples; the form shows them as its help
    does, unwrapped, where a plain formatter's help runs together."""

    class KeepLines(argparse.RawDescriptionHelpFormatter):
        def _split_lines(self, text, width):
            return textwrap.dedent(text).strip().splitlines()

    parser = argparse.ArgumentParser(formatter_class=KeepLines,
                                     description="First line.\n  Indented second.")
    parser.add_argument("url", help="""
        The URL to request.

            $ http :3000     # => http://localhost:3000
        """)
    plain = argparse.ArgumentParser(description="Runs\n  together.")
    plain.add_argument("--n", help="one\n   line  (default: %(default)s)", default=3)
    kept, joined = ArgForm(parser).wire(), ArgForm(plain).wire()
    assert kept["description"] == "First line.\n  Indented second."
    assert by_label(kept["root"])["URL"]["help"] == (
        "The URL to request.\n\n    $ http :3000     # => http://localhost:3000")
    assert joined["description"] == "Runs together."
    assert by_label(joined["root"])["N"]["help"] == "one line (default: 3)"


@pytest.mark.parametrize("default", [None, argparse.SUPPRESS])
def test_a_yes_no_option_that_may_be_left_unsaid_is_a_choice_of_both_or_neither(default):
    """`BooleanOptionalAction` with no default (None, "as configured"), or SUPPRESS; a box
    could only say yes or nothing."""
    parser = argparse.ArgumentParser(prog="tool")
    parser.add_argument("--warn", action=argparse.BooleanOptionalAction, help="Warn first.",
                        default=default)
    form = ArgForm(parser)
    warn = by_label(form.wire()["root"])["Warn"]
    assert (warn["kind"], warn["options"], warn["value"]) == ("choice", ["--warn", "--no-warn"],
                                                               "")
    for chosen, typed, parsed in (("", [], None), ("--warn", ["--warn"], True),
                                  ("--no-warn", ["--no-warn"], False)):
        argv, errors, _ = answer(form, {"Warn": chosen})
        assert (argv, errors) == (typed, {})
        assert getattr(parser.parse_args(argv), "warn", None) is parsed
