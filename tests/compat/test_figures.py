"""matplotlib's `plt.show()` draws its figures into the page, where the script's output is,
in process and in Chromium: a script that plots runs unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from desklaunch.compat import FIGURES_BACKEND
from desklaunch.testing import AppTest

pytest.importorskip("matplotlib", reason="matplotlib is in the `test` extra")


@pytest.fixture(params=["in process", "browser"])
def browser(request: pytest.FixtureRequest) -> object:
    """False for the simulated page, the suite's Chromium for the real one."""
    return request.getfixturevalue("desklaunch_browser") if request.param == "browser" else False


def script(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def pictures(app: AppTest) -> list[str]:
    return [picture.name for picture in app.find_all("img")]


def test_a_script_shows_its_figure_between_its_outputs_and_goes_on(tmp_path, browser) -> None:
    path = script(tmp_path, "sales.py", """\
        import matplotlib.pyplot as plt
        from desklaunch.ui import input, put_text

        put_text("Before the chart")
        fig, ax = plt.subplots()
        ax.bar(["Mon", "Tue"], [3, 5])
        ax.set_title("Sales")
        plt.show()
        put_text("After the chart")
        plt.plot([1, 2, 3])
        plt.show()
        input("More?")
        """)
    with AppTest.from_file(path, browser=browser) as app:
        app.wait_for("More?")
        # the first figure was closed by its show, as closing its window would: the second
        # plot is a new "Figure 1", without the first one's title
        assert pictures(app) == ["Figure 1: Sales", "Figure 1"]
        assert app.text.index("Before the chart") < app.text.index("After the chart")


def test_a_figure_shown_again_replaces_its_picture(tmp_path, browser) -> None:
    path = script(tmp_path, "wave.py", """\
        import matplotlib.pyplot as plt
        from desklaunch.ui import input

        for step in range(3):
            plt.clf()
            plt.plot([step, step + 1])
            plt.title(f"Step {step}")
            plt.pause(0.01)
        input("Seen?")
        """)
    with AppTest.from_file(path, browser=browser) as app:
        app.wait_for("Seen?")
        assert pictures(app) == ["Figure 1: Step 2"]


def test_a_console_program_shows_its_figure_in_the_console(tmp_path, browser) -> None:
    path = script(tmp_path, "squares.py", """\
        import matplotlib.pyplot as plt

        print("Plotting")
        plt.figure("Squares")
        plt.plot([x * x for x in range(5)])
        plt.show(block=False)
        name = input("Name: ")
        print(f"Bye, {name}")
        """)
    with AppTest.from_file(path, browser=browser) as app:
        app.wait_for("Name:")
        log = app.find("log", "Output")
        assert [picture.name for picture in log.find_all("img")] == ["Squares"]
        app.fill("Name:", "Ada")
        app.submit()
        app.wait_for("Bye, Ada")
        assert log.text == "$ squares.py\nPlotting\nName: Ada\nBye, Ada"
        # the figure left open ended with its run, as with its process: Run again shows a
        # new one under the new run, instead of redrawing the first run's
        app.click("Run again")
        app.wait_for("Name:")
        assert [picture.name for picture in log.find_all("img")] == ["Squares", "Squares"]


def test_figures_shown_and_closed_are_not_kept_while_the_app_runs(tmp_path) -> None:
    path = script(tmp_path, "replot.py", """\
        import gc, weakref
        import matplotlib.pyplot as plt
        from desklaunch.ui import input, put_text

        drawn = []
        for step in range(5):  # as a button that redraws would, on every click
            figure = plt.figure()
            plt.plot([step, step + 1])
            drawn.append(weakref.ref(figure))
            plt.show()
        del figure
        gc.collect()
        put_text(f"{sum(ref() is not None for ref in drawn)} figures kept")
        input("Again?")
        """)
    with AppTest.from_file(path) as app:
        app.wait_for("Again?")
        assert "0 figures kept" in app.text


def test_show_outside_any_session_warns_instead_of_failing() -> None:
    import matplotlib

    matplotlib.use(FIGURES_BACKEND)
    import matplotlib.pyplot as plt

    caught: list[str] = []

    def plot() -> None:
        from desklaunch.core.session import step_outside

        step_outside()
        plt.plot([1, 2])
        with pytest.warns(UserWarning, match="cannot show the figure") as warned:
            plt.show()
        caught.extend(str(warning.message) for warning in warned)

    thread = threading.Thread(target=plot)
    thread.start()
    thread.join()
    assert caught and "stands outside the sessions" in caught[0]
    assert plt.get_fignums() == []  # closed, as after a shown figure


def test_a_backend_the_person_chose_is_kept_and_matplotlib_imported_before_is_switched(
        ) -> None:
    def backend(env: dict[str, str]) -> str:
        code = ("import matplotlib; from desklaunch.compat import use_figures_backend; "
                "use_figures_backend(); print(matplotlib.get_backend())")
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True, check=True).stdout.strip()

    env = {name: value for name, value in os.environ.items() if name != "MPLBACKEND"}
    assert backend({**env, "MPLBACKEND": "agg"}) == "agg"
    assert backend(env) == FIGURES_BACKEND
