"""matplotlib's `plt.show()` draws its figures into the page, where the script's output is,
in process and in Chromium: a script that plots runs unchanged."""

from __future__ import annotations

import base64
import io
import os
import struct
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desklaunch.compat import FIGURES_BACKEND
from desklaunch.testing import AppTest, ScriptError

pytest.importorskip("matplotlib", reason="matplotlib is in the `test` extra")


@pytest.fixture(params=["in process", "browser"])
def browser(request: pytest.FixtureRequest) -> object:
    """False for the simulated page, the suite's Chromium for the real one."""
    return request.getfixturevalue("desklaunch_browser") if request.param == "browser" else False


@pytest.fixture(autouse=True)
def not_interactive() -> Iterator[None]:
    """pyplot's interactive mode is the process's: a script's `plt.ion()` ends with its test."""
    yield
    import matplotlib

    matplotlib.interactive(False)


def size_of(picture: object) -> tuple[int, int]:
    """A PNG picture's pixels, from its `data:` URL (an image's `.value`)."""
    png = base64.b64decode(str(picture).split(",", 1)[1])
    width, height = struct.unpack(">II", png[16:24])
    return width, height


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


def test_in_interactive_mode_a_figure_shows_while_the_program_asks(tmp_path, browser) -> None:
    path = script(tmp_path, "look.py", """\
        import matplotlib.pyplot as plt

        plt.ion()
        plt.plot([1, 4, 9, 16])
        plt.title("Look at me", loc="left")
        plt.title("and me", loc="right")
        answer = input("Does the curve look right? ")
        print("You said", answer)
        """)
    with AppTest.from_file(path, browser=browser) as app:
        app.wait_for("Does the curve look right?")
        # drawn as the program starts to wait: it may come a moment after the prompt
        picture = app.find("img", "Figure 1: Look at me; and me")
        assert len(app.find("log", "Output").find_all("img")) == 1
        assert size_of(picture.value) == (640, 480)  # the window's, not a tight crop


def test_a_live_plot_drawn_and_flushed_in_a_loop_shows_its_last_frame(tmp_path, browser) -> None:
    path = script(tmp_path, "live.py", """\
        import matplotlib.pyplot as plt

        plt.ion()
        figure, axes = plt.subplots(figsize=(4, 3), dpi=50)
        (line,) = axes.plot([0, 1, 2])
        for step in range(5):
            line.set_ydata([step, step + 1, step])
            axes.set_title(f"Step {step}")
            figure.canvas.draw()
            figure.canvas.flush_events()
        print("Done")
        input("Again? ")
        """)
    with AppTest.from_file(path, browser=browser) as app:
        app.wait_for("Again?")
        (picture,) = app.find_all("img")
        assert picture.name == "Figure 1: Step 4"
        assert size_of(picture.value) == (200, 150)


def another_frame(app: AppTest, name: str) -> str:
    """The picture's name once it is no longer `name`: the animation has drawn a frame."""
    for _ in range(200):
        if (now := app.find("img").name) != name:
            return now
        time.sleep(0.05)  # the next look, once the script has had time to draw
    raise AssertionError(f"the picture stayed {name!r}")


def test_an_animation_plays_until_the_person_stops_it_and_the_script_goes_on(tmp_path,
                                                                             browser) -> None:
    path = script(tmp_path, "spin.py", """\
        import itertools
        import matplotlib.pyplot as plt
        from matplotlib.animation import FuncAnimation
        from desklaunch.ui import put_text

        figure, axes = plt.subplots(figsize=(2, 2), dpi=50)
        (line,) = axes.plot([0, 1], [0, 0])

        def turn(frame):
            line.set_ydata([0, frame % 3])
            axes.set_title(f"Turn {frame}")
            return (line,)

        spin = FuncAnimation(figure, turn, frames=itertools.count(), interval=20,
                             cache_frame_data=False)
        plt.show()
        put_text(f"Stopped at {axes.get_title()}")
        """)
    with AppTest.from_file(path, browser=browser, settle=0.2) as app:
        first = app.find("img").name
        assert first.startswith("Figure 1: Turn ")
        second = another_frame(app, first)
        another_frame(app, second)
        app.click("Stop animation")
        app.wait_for("Stopped at Turn")
        assert app.find_all("button", "Stop animation") == []
        # the page keeps the frame the animation stopped at
        (picture,) = app.find_all("img")
        stopped_at = app.text.partition("Stopped at ")[2].splitlines()[0]
        assert picture.name == f"Figure 1: {stopped_at}"


def test_a_console_programs_animation_stops_beside_its_stop(tmp_path, browser) -> None:
    path = script(tmp_path, "orbit.py", """\
        import itertools
        import matplotlib.pyplot as plt
        from matplotlib.animation import FuncAnimation

        figure, axes = plt.subplots(figsize=(2, 2), dpi=50)

        def turn(frame):
            axes.set_title(f"Turn {frame}")
            return ()

        orbit = FuncAnimation(figure, turn, frames=itertools.count(), interval=20,
                              cache_frame_data=False)
        print("Watch it turn")
        plt.show()
        print("The figures were closed")
        """)
    with AppTest.from_file(path, browser=browser, settle=0.2) as app:
        another_frame(app, app.find("img").name)
        app.click("Stop animation")  # as closing the windows in a terminal, not Ctrl+C
        app.wait_for("The figures were closed")
        assert app.exit_code == 0
        assert app.find_all("button", "Stop animation") == []


def test_stop_during_a_frame_is_ctrl_c_whatever_library_code_it_landed_in(tmp_path) -> None:
    path = script(tmp_path, "caught.py", """\
        import matplotlib.pyplot as plt
        from matplotlib.animation import FuncAnimation

        figure = plt.figure()

        def frame(number):
            try:
                raise AttributeError("a library's own fallback")
            except AttributeError:
                raise KeyboardInterrupt  # where a Stop lands mid-frame

        animation = FuncAnimation(figure, frame, frames=3, interval=10)
        plt.show()
        """)
    with AppTest.from_file(path) as app:
        app.wait_for("Exited with code 130")
        log = app.find("log", "Output").text
        assert "KeyboardInterrupt" in log
        assert "fallback" not in log


def test_a_close_handler_that_fails_as_the_window_closes_logs_nothing(tmp_path, caplog) -> None:
    path = script(tmp_path, "halfmade.py", """\
        import matplotlib.pyplot as plt
        from desklaunch.ui import input

        figure = plt.figure()
        figure.canvas.mpl_connect("close_event", lambda event: event.missing)
        input("Close the window")
        """)
    app = AppTest.from_file(path)
    app.wait_for("Close the window")
    app.close()
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []


def test_an_animation_that_ends_lets_the_script_go_on_with_its_last_frame(tmp_path) -> None:
    image = pytest.importorskip("PIL.Image")
    path = script(tmp_path, "rise.py", """\
        import matplotlib.pyplot as plt
        from matplotlib.animation import FuncAnimation
        from desklaunch.ui import put_text

        figure, axes = plt.subplots(figsize=(2, 2), dpi=50)
        axes.set_xlim(0, 1)
        axes.set_ylim(0, 5)
        (bar,) = axes.plot([], [], color="#ff0000", linewidth=8)
        drawn = []

        def rise(frame):
            drawn.append(frame)
            bar.set_data([0.5, 0.5], [0, frame])
            return (bar,)

        # blitted: only the red line is drawn again, onto the figure drawn before
        rising = FuncAnimation(figure, rise, frames=range(1, 6), interval=10, blit=True,
                               repeat=False)
        plt.show()
        put_text(f"Frames up to {drawn[-1]}")
        """)
    with AppTest.from_file(path) as app:
        app.wait_for("Frames up to 5")
        assert app.find_all("button", "Stop animation") == []
        png = base64.b64decode(str(app.find("img").value).split(",", 1)[1])
        colours = image.open(io.BytesIO(png)).convert("RGB").getcolors(1 << 16)
        red = sum(count for count, (r, g, b) in colours if r > 200 and g < 60 and b < 60)
        assert red > 100  # the last frame's line, 5 high


def test_a_frame_that_fails_fails_the_script_at_its_show(tmp_path) -> None:
    path = script(tmp_path, "fails.py", """\
        import matplotlib.pyplot as plt
        from matplotlib.animation import FuncAnimation
        from desklaunch.ui import put_text

        figure, axes = plt.subplots()

        def frame(number):
            return (1 / (2 - number),)

        animation = FuncAnimation(figure, frame, frames=5, interval=10)
        plt.show()
        put_text("Not reached")
        """)
    app = AppTest.from_file(path)
    with pytest.raises(ScriptError, match="ZeroDivisionError"):
        app.wait_for("Not reached")
    assert app.find_all("button", "Stop animation") == []
    app.close(check=False)


def test_a_timer_runs_while_the_program_pauses(tmp_path, browser) -> None:
    path = script(tmp_path, "ticks.py", """\
        import matplotlib.pyplot as plt

        figure = plt.figure()
        ticks = []

        def tick():
            ticks.append(len(ticks) + 1)
            print("tick", len(ticks))
            if len(ticks) == 3:
                figure.canvas.stop_event_loop()
                return False  # a callback that returns False is not called again

        timer = figure.canvas.new_timer(interval=10)
        timer.add_callback(tick)
        timer.start()
        plt.pause(60)
        plt.pause(0.05)
        print("paused through", ticks)
        """)
    with AppTest.from_file(path, browser=browser) as app:
        app.wait_for("paused through")
        assert app.find("log", "Output").text == (
            "$ ticks.py\ntick 1\ntick 2\ntick 3\npaused through [1, 2, 3]")


def test_a_timer_left_running_ends_with_its_run(tmp_path) -> None:
    path = script(tmp_path, "left.py", """\
        from pathlib import Path
        import matplotlib.pyplot as plt

        runs = Path(__file__).with_name("runs.txt")
        run = len(runs.read_text()) + 1 if runs.exists() else 1
        runs.write_text("x" * run)
        figure = plt.figure(f"Run {run}")
        if run == 1:
            timer = figure.canvas.new_timer(interval=10)
            timer.add_callback(print, "tick")
            timer.start()  # never stopped
        else:
            plt.show()  # waits for no timer of the first run
        print("Run", run, "done")
        """)
    with AppTest.from_file(path) as app:
        app.wait_for("Run 1 done")
        app.click("Run again")
        app.wait_for("Run 2 done")
        assert "tick" not in app.find("log", "Output").text


def test_an_animation_shown_from_a_buttons_callback_says_it_cannot_play(tmp_path) -> None:
    path = script(tmp_path, "later.py", """\
        import matplotlib.pyplot as plt
        from matplotlib.animation import FuncAnimation
        from desklaunch.ui import put_buttons, put_text

        def plot(_):
            figure, axes = plt.subplots()
            (line,) = axes.plot([0, 1])
            animation = FuncAnimation(figure, lambda frame: (line,), interval=10,
                                      cache_frame_data=False)
            plt.show()
            put_text("Plotted")

        put_buttons(["Plot"], onclick=plot)
        """)
    with pytest.warns(UserWarning, match="not in a callback") as warned, \
            AppTest.from_file(path) as app:
        app.click("Plot")
        app.wait_for("Plotted")
        assert app.find_all("button", "Stop animation") == []
    assert Path(warned[0].filename).name == "later.py"


def test_what_needs_a_person_at_the_figure_says_so_once_and_never_hangs(tmp_path) -> None:
    path = script(tmp_path, "clicks.py", """\
        import matplotlib.pyplot as plt

        figure, axes = plt.subplots()
        figure.canvas.mpl_connect("close_event", lambda event: print("Closed"))
        for _ in range(3):
            figure.canvas.mpl_connect("button_press_event", print)
        print("Pressed:", plt.waitforbuttonpress())
        plt.show()
        print("After show")
        """)
    with pytest.warns(UserWarning) as warned, AppTest.from_file(path) as app:
        app.wait_for("After show")
        log = app.find("log", "Output").text
    said = {(Path(w.filename).name, w.lineno, str(w.message).rpartition(": ")[2])
            for w in warned}  # the suite records warnings, as Python shows each place's once
    assert said == {("clicks.py", 6, "mpl_connect handlers, widgets (Slider, Button) and "
                     "ginput get no events"),
                    ("clicks.py", 7, "mpl_connect handlers, widgets (Slider, Button) and "
                     "ginput get no events"),
                    ("clicks.py", 7, "not waiting for one")}
    assert log == "$ clicks.py\nPressed: None\nClosed\nAfter show"


def test_a_figure_that_cannot_be_drawn_leaves_the_others_shown(tmp_path) -> None:
    path = script(tmp_path, "broken.py", """\
        import matplotlib.pyplot as plt

        plt.figure("Broken")
        plt.title(r"$\\frac{1}$")
        plt.figure("Fine")
        plt.plot([1, 2])
        plt.show()
        """)
    with AppTest.from_file(path) as app:
        app.wait_for("Exited with code 1")
        assert pictures(app) == ["Fine"]
        assert "ParseSyntaxException" in app.find("log", "Output").text


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
