"""Meeting click at run time: the import hook, the wait for the form, and putting things back.

Each case runs in a fresh interpreter, so click is imported there for the first time, as a
script imports it, after console mode has started.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_click_command_run_after_the_hook_waits_for_the_chosen_words() -> None:
    result = run("""
        import json, sys
        from desklaunch.console import clickhook, loadhook
        loadhook.watch(clickhook.WATCHED, clickhook.adjust)
        loadhook.install()
        import click  # imported after console mode started, as a script imports it

        @click.command()
        @click.option("--name")
        def hello(name):
            print("ran", name)

        sys.argv = ["hello.py"]
        asked = []

        def ask(command, prog):
            asked.append([command is hello, prog])
            return ["--name", "Ada"]

        with clickhook.armed(ask):
            try:
                hello()
            except SystemExit as ended:
                code = ended.code
            # A second call in the same run goes straight through: the ask was used up.
            try:
                hello(["--name", "Bo"])
            except SystemExit as ended:
                again = ended.code
        with clickhook.armed(ask):
            try:
                hello(["--name", "Bo"])  # arguments of the program's own: not asked
            except SystemExit as ended:
                other = ended.code
        found = asked[0] if len(asked) == 1 else asked
        code = [code, again, sys.argv[1:]]
        wrapped = hasattr(click.core.Command.make_context, "__wrapped__")
        loadhook.uninstall()
        print(json.dumps({"found": found, "code": code, "other": other, "wrapped": wrapped,
                          "restored": not hasattr(click.core.Command.make_context,
                                                  "__wrapped__"),
                          "finder_gone": all(type(f).__name__ != "_Finder"
                                             for f in sys.meta_path)}))
    """)
    assert result == {"found": [True, "hello.py"], "code": [0, 0, ["--name", "Ada"]],
                      "other": 0, "wrapped": True,
                      "restored": True, "finder_gone": True}


def test_typer_and_its_own_copy_of_click_are_met_too() -> None:
    result = run("""
        import json, sys
        from desklaunch.console import clickhook, loadhook
        loadhook.watch(clickhook.WATCHED, clickhook.adjust)
        loadhook.install()
        import typer

        app = typer.Typer(add_completion=False)

        @app.command()
        def main(name: str):
            print(name)

        sys.argv = ["greet.py"]
        found = []

        def ask(command, prog):
            found.extend([type(command).__name__, prog])
            return ["Ada"]

        with clickhook.armed(ask):
            try:
                app()
            except SystemExit:
                pass
        loadhook.uninstall()
        print(json.dumps({"found": found}))
    """)
    assert result == {"found": ["TyperCommand", "greet.py"]}


def test_a_click_loaded_before_console_mode_started_is_adjusted_at_once() -> None:
    result = run("""
        import json
        import click
        from desklaunch.console import clickhook, loadhook
        loadhook.watch(clickhook.WATCHED, clickhook.adjust)
        before = click.utils.should_strip_ansi
        confirm = click.confirm
        loadhook.install()
        loadhook.install()  # a second, overlapping console session
        adjusted = click.utils.should_strip_ansi is not before and \
            click.confirm is not confirm and click.termui.confirm is not confirm
        loadhook.uninstall()
        still = click.utils.should_strip_ansi is not before
        loadhook.uninstall()
        # Outside console mode nothing changes: a pipe still gets no colour codes.
        print(json.dumps({"adjusted": adjusted, "still": still,
                          "back": click.utils.should_strip_ansi is before
                          and click.confirm is confirm,
                          "strips": click.utils.should_strip_ansi(open(__import__("os").devnull,
                                                                       "w"))}))
    """)
    assert result == {"adjusted": True, "still": True, "back": True, "strips": True}
