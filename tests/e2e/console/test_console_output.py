"""Console mode: what a script prints shows in the console."""

from __future__ import annotations

import itertools
import os
import re
import textwrap
from pathlib import Path

import pytest
from playwright.sync_api import expect

SCRIPTS = Path(__file__).parent / "scripts"


def test_a_print_loop_shows_every_line_and_the_exit_code(console):
    app = console("print_loop.py")
    expect(app.line("all done")).to_be_visible()
    expect(app.screen.locator(".dl-line.dl-out")).to_have_count(5_002)
    expect(app.line("line 4999")).to_have_count(1)
    expect(app.screen.locator(".dl-bold.dl-fg-2")).to_have_text("green bold")
    app.expect_exit(0)


def test_the_consoles_text_is_nine_tenths_of_the_pages_size(console, tmp_path):
    """A lone `monospace` made Chromium shrink it to 13/16 of that (10.6 px beside 14.5)."""
    script = tmp_path / "hello.py"
    script.write_text('print("hello")\n')
    app = console(script)
    app.expect_exit(0)
    sizes = app.page.evaluate("""() => [
        parseFloat(getComputedStyle(document.body).fontSize),
        parseFloat(getComputedStyle(document.querySelector(".dl-console-screen .dl-line"))
          .fontSize)]""")
    assert sizes[1] == pytest.approx(sizes[0] * 0.9, abs=0.1), sizes


def test_copied_output_keeps_its_blank_lines(console, tmp_path):
    script = tmp_path / "blank.py"
    script.write_text('print("a"); print(); print("b"); print("\\n\\nc")\n')
    app = console(script)
    app.expect_exit(0)
    app.page.evaluate("""() => {
        window.copied = null;
        document.addEventListener("copy", (event) => {
            window.copied = event.clipboardData.getData("text/plain"); });
        const lines = [...document.querySelectorAll(".dl-console-screen .dl-line")];
        const first = lines.find((line) => line.textContent === "a");
        const last = lines.find((line) => line.textContent === "c");
        const range = document.createRange();
        range.setStart(first.firstChild, 0);
        range.setEnd(last.firstChild, 1);
        document.getSelection().removeAllRanges();
        document.getSelection().addRange(range);
    }""")
    app.screen.focus()
    app.page.keyboard.press("Control+C")
    assert app.page.evaluate("window.copied") == "a\n\nb\n\n\nc"


def test_more_colours_backspaces_and_control_codes_show_as_in_a_terminal(console):
    app = console("terminal_codes.py")
    app.expect_exit(0)
    colour = "(el) => getComputedStyle(el).color"
    assert app.screen.get_by_text("orange", exact=True).evaluate(colour) == "rgb(255, 135, 0)"
    assert app.screen.get_by_text("true green", exact=True).evaluate(colour) == "rgb(10, 200, 30)"
    reversed_ = app.screen.get_by_text("reversed", exact=True)
    background = reversed_.evaluate("(el) => getComputedStyle(el).backgroundColor")
    assert background == app.screen.evaluate(colour)  # the screen's text colour, behind
    for shown in ["aXc", "ding!", "no key mode", "working done"]:
        expect(app.line(shown)).to_be_visible()


def test_a_programs_own_colours_are_kept_readable_on_their_background(console, tmp_path):
    """Of the 256 colours or any RGB, one unreadable where it is drawn (dark blue on the
    dark screen, the screen's text on bright yellow) is moved towards white or black until
    it reads at 4.5:1, as terminals with a minimum contrast do; a readable one is kept."""
    from desklaunch.testing.audit import audit

    script = tmp_path / "colours.py"
    script.write_text(
        'print("\\x1b[38;5;17mdark blue\\x1b[0m")\n'
        'print("\\x1b[48;5;226mon yellow\\x1b[0m")\n'
        'print("\\x1b[38;2;20;20;20mnear black\\x1b[0m")\n'
        'print("\\x1b[38;2;255;135;0mstill orange\\x1b[0m")\n')
    app = console(script)
    app.expect_exit(0)
    colour = "(el) => getComputedStyle(el).color"
    assert app.screen.get_by_text("dark blue", exact=True).evaluate(colour) != \
        "rgb(0, 0, 95)"
    assert app.screen.get_by_text("still orange", exact=True).evaluate(colour) == \
        "rgb(255, 135, 0)"
    assert [problem for problem in audit(app.page) if "contrast" in problem] == []


def test_redraws_replace_the_lines_they_move_back_to_as_in_a_terminal(console):
    app = console("live_redraws.py")
    app.expect_exit(0)
    for shown in ["Downloads:", "file1: 100%", "file2: 50%"]:
        expect(app.line(shown)).to_have_count(1)
    expect(app.line(re.compile(r"^file\d: 0%"))).to_have_count(0)
    expect(app.line(re.compile(r"^Epochs: 100%"))).to_have_count(1)
    expect(app.line(re.compile(r"^Epoch \d"))).to_have_count(0)  # tqdm's leave=False bars
    assert [line for line in app.lines() if not line.strip()] == []  # nor their blank rows
    expect(app.line(re.compile(r"^Copying .* 100%"))).to_have_count(1)
    expect(app.screen.locator(".dl-fg-1")).to_have_text("disk almost full")
    assert "   cleared" in app.lines()  # an erased line keeps the cursor's column


def test_text_written_over_text_changes_only_the_cells_written(console):
    app = console("cursor_overwrites.py")
    app.expect_exit(0)
    for shown in ["[x] download", "Hello world", "A2", "B", "  C", "12345X7890", "X2345",
                  "6Y890", "line1", "     below"]:
        expect(app.line(shown)).to_have_count(1)
    struck = app.screen.get_by_text("struck", exact=True)
    assert "line-through" in struck.evaluate("(el) => getComputedStyle(el).textDecorationLine")


def test_logging_records_show_in_their_level_colours(console):
    app = console("log_levels.py")
    expect(app.line("plain output")).to_be_visible()
    expect(app.line("DEBUG demo: looking closely")).to_have_class(re.compile("dl-log-debug"))
    expect(app.line("INFO demo: all is well")).to_have_class(re.compile("dl-log-info"))
    expect(app.line("WARNING demo: careful now")).to_have_class(re.compile("dl-log-warning"))
    expect(app.line("ERROR demo: that failed")).to_have_class(re.compile("dl-log-error"))
    help_line = app.line(re.compile(r"^\s+--debug-file PATH"))
    expect(help_line).not_to_have_class(re.compile("dl-log-"))  # an option, not a record
    app.expect_exit(0)


def test_a_tqdm_bar_is_one_progress_bar_that_ends_full(console):
    app = console("progress_tqdm.py")
    expect(app.line("total 19900")).to_be_visible()
    bar = app.page.get_by_role("progressbar", name="Crunching")
    expect(bar).to_have_count(1)
    expect(bar).to_have_attribute("value", "100")
    expect(app.line(re.compile(r"^Crunching: 100%"))).to_have_count(1)


def test_tqdm_write_puts_its_lines_above_the_bars_as_in_a_terminal(console):
    app = console("tqdm_write.py")
    app.expect_exit(0)
    *lines, bar, last = app.last_run()[1]
    assert lines == ["done outer 0", "done outer 1", "done outer 2"]
    assert bar.startswith("Outer: 100%")
    assert last == "finished"


def test_an_uncaught_exception_shows_its_traceback_in_red_and_exits_1(console):
    app = console("crash.py")
    expect(app.line("ZeroDivisionError: division by zero")).to_have_class(re.compile("dl-err"))
    # the script's own two frames, none of desklaunch's
    expect(app.line(re.compile(r"^\s*File \""))).to_have_count(2)
    expect(app.line("Traceback (most recent call last):")).to_be_visible()
    app.expect_exit(1)


def test_an_uncaught_exception_goes_to_the_programs_own_excepthook(console):
    app = console("own_excepthook.py")
    expect(app.line("Oops: config missing. Please report this.")).to_be_visible()
    app.expect_exit(1)
    expect(app.line("Traceback (most recent call last):")).to_have_count(0)


def test_an_excepthook_that_exits_ends_the_run_with_its_code(console):
    app = console("excepthook_exits.py")
    expect(app.line("No files added to staging!")).to_be_visible()
    app.expect_exit(11)
    expect(app.page.get_by_role("button", name="Run again")).to_be_visible()


def test_sys_exit_3_is_the_exit_code_shown(console):
    app = console("exit_three.py")
    expect(app.line("leaving with 3")).to_be_visible()
    app.expect_exit(3)


def test_bytes_written_to_a_detached_stdout_are_shown(console):
    app = console("writes_bytes.py")
    expect(app.line("bytes through a detached stdout: ✓")).to_be_visible()
    app.expect_exit(0)
    app.click("Run again")  # the next run has a stdout of its own again
    expect(app.line("bytes through a detached stdout: ✓")).to_have_count(2)
    app.expect_exit(0)


def test_a_program_that_sets_signal_handlers_runs(console):
    app = console("sets_signals.py")
    expect(app.line("handlers set")).to_be_visible()
    app.expect_exit(0)


def test_sys_exit_true_is_exit_code_1(console):
    app = console("exit_not_ok.py")
    expect(app.line("2 checks failed")).to_be_visible()
    app.expect_exit(1)


def test_the_output_of_child_processes_is_captured(console):
    app = console("children.py")
    expect(app.line("parent last")).to_be_visible()
    lines = app.screen.locator(".dl-line")
    expect(lines).to_have_text(["$ children.py", "parent first", "from os.system",
                                "child says hi", "child complains", "parent last"])
    expect(app.line("child complains")).to_have_class(re.compile("dl-err"))
    app.expect_exit(0)


def test_a_run_ends_when_its_threads_do_as_a_process_does(console):
    app = console("thread_outlives_main.py")
    expect(app.line("main done")).to_be_visible()
    app.expect_exit(0)
    assert app.lines()[-3:] == ["worker step 0", "worker step 1", "worker step 2"]


def test_stop_ends_a_run_that_waits_for_its_threads(console):
    app = console("thread_outlives_main.py", ["--steps", "10"])
    expect(app.line("worker step 1")).to_be_visible()
    app.click("Stop")
    app.expect_exit(130)
    # The thread goes on, as after a second Ctrl+C in a terminal, and what it prints shows.
    expect(app.line("worker step 9")).to_be_visible()


def test_atexit_functions_run_as_the_run_ends_once_a_run(console):
    app = console("at_exit.py")
    app.expect_exit(0)
    assert app.last_run()[1] == ["main done", "state saved", "goodbye"]
    app.click("Run again")
    expect(app.line("$ at_exit.py")).to_have_count(2)
    app.expect_exit(0)
    assert app.last_run()[1] == ["main done", "state saved", "goodbye"]


def test_what_forked_children_print_is_shown(console):
    app = console("forked_workers.py")
    expect(app.line("hello from the child")).to_be_visible()
    expect(app.line(f"the child reads {os.devnull}")).to_be_visible()  # as a child process
    expect(app.line("the child exited with 3")).to_be_visible()
    for number in range(4):
        expect(app.line(f"worker squares {number}")).to_be_visible()
        expect(app.line(re.compile(rf"^ForkPoolWorker-\d+ logs: squared {number}$"))
               ).to_be_visible()
        expect(app.line(f"saved stderr {number}")).to_be_visible()
    expect(app.line("results: [0, 1, 4, 9]")).to_be_visible()
    app.expect_exit(0)


def test_a_program_that_asks_the_descriptor_is_told_it_is_a_terminal(console):
    app = console("colours_if_terminal.py")
    app.expect_exit(0)
    expect(app.screen.locator(".dl-fg-1")).to_have_text("red for a terminal")
    expect(app.line("80 columns, 24 lines")).to_be_visible()


BARS_AT = """(line) => {
    const xs = [];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = node.data.indexOf("|"); i >= 0; i = node.data.indexOf("|", i + 1)) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            xs.push(Math.round(range.getBoundingClientRect().x));
        }
    }
    return xs;
}"""


def test_wide_characters_take_two_cells_so_a_table_lines_up(console):
    app = console("wide_table.py")
    app.expect_exit(0)
    rows = app.screen.locator(".dl-line.dl-out")
    expect(rows).to_have_count(9)
    bars = [row.evaluate(BARS_AT) for row in rows.all()]
    assert len(bars[0]) == 3, bars
    for shown in bars[1:]:  # every column's "|" where the header's is, to the pixel
        assert all(abs(x - first) <= 1 for x, first in zip(shown, bars[0], strict=True)), bars
    expect(app.line("| 张三     | 北京   |")).to_be_visible()  # the text itself is unchanged


def test_a_curses_script_is_told_the_console_is_not_a_terminal(console):
    app = console("uses_curses.py")
    expect(app.line(re.compile(r"^desklaunch: this script uses curses, which needs a real "
                               r"terminal"))).to_be_visible()
    # What curses itself then does depends on the machine's terminfo: it may fail or not.
    expect(app.page.locator(".dl-console-status")).to_contain_text("Exited with code")


def test_a_reloaded_page_shows_the_console_as_it_was(console):
    app = console("input_echo.py")
    app.answer("Your name:", "Ada")
    expect(app.line("Hello, Ada!")).to_be_visible()
    app.reload()
    expect(app.line("Hello, Ada!")).to_be_visible()
    expect(app.line("Your name: Ada")).to_be_visible()
    app.answer("Input", "after reload")
    expect(app.line("got after reload")).to_be_visible()
    app.click("End input")
    app.expect_exit(0)


def test_long_lines_scroll_sideways_unless_wrapped(console):
    app = console("wide_output.py")
    app.expect_exit(0)
    screen = app.screen
    wide = "(el) => el.scrollWidth > el.clientWidth + 100"
    assert screen.evaluate(wide), "a 402-character line should scroll sideways"
    app.field("Wrap long lines").check()
    expect(screen).to_have_class(re.compile("dl-wrap"))
    assert not screen.evaluate(wide), "wrapped, nothing should stick out"


def test_stderr_is_calm_and_tracebacks_and_errors_are_red(console):
    app = console("wide_output.py")
    app.expect_exit(0)
    calm = app.line("a calm note on stderr")
    expect(calm).to_have_class(re.compile("dl-err"))
    expect(calm).not_to_have_class(re.compile("dl-tb-line|dl-log-error"))
    expect(app.line("ERROR a logged error")).to_have_class(re.compile("dl-log-error"))
    for line in ["Traceback (most recent call last):", "KeyError: 'missing'"]:
        expect(app.line(line)).to_have_class(re.compile("dl-tb-line"))
    expect(app.line(re.compile(r'^  File ".*wide_output.py", line 12'))).to_have_class(
        re.compile("dl-tb-line"))
    expect(app.line("after the traceback")).not_to_have_class(re.compile("dl-tb-line"))
    colours = [app.line(text).evaluate("(el) => getComputedStyle(el).color")
               for text in ("a calm note on stderr", "KeyError: 'missing'", "row 1")]
    assert len(set(colours)) == 3, colours  # stderr, a traceback, stdout: three colours
    app.expect_same_as_terminal(SCRIPTS / "wide_output.py")


def _following(app):
    """ticker.py's screen, once it has lines and follows the newest: it follows in the frame
    after new lines are drawn, so this waits for that, not for a moment."""
    expect(app.line("tick 40")).to_be_attached()
    screen = app.screen
    app.page.wait_for_function("(el) => el.scrollHeight - el.scrollTop - el.clientHeight < 30",
                               arg=screen.element_handle(), timeout=5000)
    return screen


TICKING_MS = 40_000
"""How long ticker.py may take to print its last line: 12 s on an idle machine, and more on a
busy one; an expectation's usual wait is shorter than the whole run."""


def test_the_newest_output_stays_in_view_unless_the_person_scrolls_up(console):
    app = console("ticker.py")
    screen = _following(app)
    screen.hover()
    app.page.mouse.wheel(0, -400)  # the person scrolls up to read
    more = app.button("New output ↓")
    expect(more).to_be_visible()
    top = screen.evaluate("(el) => el.scrollTop")
    expect(app.line("tick 200")).to_be_attached()
    assert screen.evaluate("(el) => el.scrollTop") == top  # left where the person is
    more.click()
    expect(more).to_be_hidden()
    expect(app.line("tick 600")).to_be_in_viewport(timeout=TICKING_MS)
    app.expect_exit(0)


def test_tab_out_of_the_output_keeps_it_following(console):
    """Tab that leaves the output is no scroll of the person's: a scroll by the layout just
    after it (WebKitGTK lays out late) must not stop the output following its newest line."""
    app = console("ticker.py")
    screen = _following(app)
    screen.focus()
    screen.press("Tab")
    screen.evaluate("(el) => { el.scrollTop -= 300; }")  # as a late layout moves it
    expect(app.line("tick 300")).to_be_in_viewport(timeout=TICKING_MS)
    expect(app.button("New output ↓")).to_be_hidden()
    expect(app.line("tick 600")).to_be_attached(timeout=TICKING_MS)
    app.expect_exit(0)


def test_a_burst_of_output_ends_scrolled_to_its_last_line(console):
    app = console("print_loop.py")
    app.expect_exit(0)
    expect(app.line("all done")).to_be_in_viewport()


def test_a_flood_keeps_the_newest_lines_and_their_colour_and_takes_the_answer(console):
    """Output beyond the scrollback that arrives at once is never drawn at all; the rest is
    drawn, its colour kept, and the page takes the person's answer meanwhile.

    Whether the drawing needed more than one slice (the output aria-busy in between)
    depends on how the lines arrive, so it is not asserted here: on a fast run the whole
    flood came in one command, drawn at once, and the mark never showed."""
    app = console("flood_in_one_write.py")
    app.answer("Seen the end?", "yes")
    expect(app.line("bye")).to_be_visible()
    expect(app.page.locator("#pywebio-scope-ROOT")).not_to_have_attribute("aria-busy", "true")
    expect(app.line("line 200000")).to_have_count(1)
    # The console keeps the last 10,000 lines; the colour set before them still applies.
    expect(app.line("line 190010").locator(".dl-fg-1")).to_have_text("line 190010")
    expect(app.line("line 190000")).to_have_count(0)
    expect(app.line("")).to_have_count(0)  # nothing left out leaves a blank line
    app.expect_exit(0)


def test_a_figure_redrawn_in_place_is_no_new_output(console):
    from desklaunch.compat import use_figures_backend

    use_figures_backend()  # as `desklaunch script.py` does
    app = console("redrawn_figure.py")
    picture = app.page.get_by_role("img", name=re.compile("Figure 1: Frame"))
    expect(picture).to_be_visible()
    app.screen.hover()
    app.page.mouse.wheel(0, -400)  # the person scrolls up to read the log
    first = picture.get_attribute("alt")
    expect(picture).not_to_have_attribute("alt", first)  # redrawn since
    expect(app.button("New output ↓")).to_be_hidden()
    app.click("Stop")  # Ctrl+C: its traceback is new output
    expect(app.button("New output ↓")).to_be_visible()


@pytest.mark.screen(device_scale_factor=2)
def test_a_figure_on_a_hidpi_screen_is_drawn_with_its_pixels(console, tmp_path):
    from desklaunch.compat import use_figures_backend

    use_figures_backend()
    path = tmp_path / "squares.py"
    path.write_text(textwrap.dedent("""\
        import matplotlib.pyplot as plt

        plt.figure("Squares", figsize=(3, 2), dpi=100)
        plt.plot([x * x for x in range(5)])
        plt.show()
        print("done")
        """), encoding="utf-8")
    app = console(path)
    app.expect_exit(0)
    picture = app.page.get_by_role("img", name="Squares")
    assert picture.evaluate("el => el.decode().then(() => [el.naturalWidth, el.naturalHeight,"
                            " el.clientWidth, el.clientHeight])") == [600, 400, 300, 200]


def test_an_animation_drawn_at_rows_and_columns_stays_one_screen(console):
    app = console("screen_animation.py")
    expect(app.line(re.compile(r"^Frame [1-9]\d*$"))).to_have_count(1)  # redrawn, not added
    app.click("Stop")  # Ctrl+C: the program's own handler says goodbye
    expect(app.line(re.compile(r"^stopped after \d+ frames$"))).to_be_visible()
    app.expect_exit(0)
    shown = app.last_run()[1]
    assert len(shown) == 8  # its 7 rows and its goodbye: one screen, however many frames
    assert [line[1:] for line in shown[:5]] == ["." * 40] * 5
    expect(app.screen.locator(".dl-fg-1")).to_have_count(1)  # each row in its own colour
    expect(app.screen.locator(".dl-fg-5")).to_have_count(1)


def test_coloured_rows_join_and_an_endless_line_wraps_while_a_wide_row_scrolls(console):
    app = console("blocks_and_long_lines.py")
    expect(app.page.get_by_role("textbox", name="Done?")).to_be_visible()
    rows = app.screen.locator(".dl-bg-4").evaluate_all(
        "spans => spans.map((span) => span.getBoundingClientRect())"
        ".map((box) => [box.top, box.bottom])")
    assert len(rows) == 3
    for (_, bottom), (top, _) in itertools.pairwise(rows):
        assert top <= bottom  # no gap between them: one solid rectangle, as a terminal's
    full = app.screen.locator(".dl-block-full").evaluate_all(
        "boxes => boxes.map((box) => [getComputedStyle(box).backgroundColor,"
        " getComputedStyle(box).color, box.getBoundingClientRect().top,"
        " box.closest('.dl-line').getBoundingClientRect().top])")
    assert len(full) == 10
    for background, colour, top, line_top in full:
        assert background == colour == "rgb(238, 238, 238)"  # the whole cell, white
        assert top >= line_top  # nothing of it over the row above (a QR code's stripes)
    expect(app.screen.locator(".dl-block-top").first).to_have_text("▀")
    numbers = app.line(re.compile(r"^0, 1, 2, "))
    screen_width = app.screen.evaluate("el => el.clientWidth")
    assert numbers.evaluate("el => el.getBoundingClientRect().width") <= screen_width
    assert numbers.evaluate("el => el.getBoundingClientRect().height") > 10 * 12  # wrapped
    table_row = app.line(re.compile(r"^wide \| -+$"))
    assert table_row.evaluate("el => el.scrollWidth") > screen_width  # scrolls sideways


def test_concealed_text_is_hidden_as_a_terminal_hides_it(console):
    app = console("concealed.py")
    app.expect_exit(0)
    colour = "(el) => getComputedStyle(el).color"
    hidden = app.screen.get_by_text("forty-two", exact=True)
    assert hidden.evaluate(colour) == "rgba(0, 0, 0, 0)"  # nothing to see, still copied
    assert app.screen.get_by_text("red secret", exact=True).evaluate(colour) == \
        "rgba(0, 0, 0, 0)"
    shown = app.screen.get_by_text("(select to see)")
    assert shown.evaluate(colour) != "rgba(0, 0, 0, 0)"
    expect(app.line("answer: forty-two (select to see)")).to_be_visible()


def test_web_addresses_printed_are_links_to_the_system_browser(console, tmp_path):
    """As a terminal lets a person open what `http.server` or a web framework prints; the
    punctuation around an address is the sentence's, and the line reads as it did."""
    script = tmp_path / "serve.py"
    script.write_text(textwrap.dedent(r"""
        import sys, time
        print("Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...")
        print("See https://en.wikipedia.org/wiki/Fish_(food), or http://example.org/a.")
        print("\x1b[34mhttps://example.org/blue\x1b[0m and plain http:// text")
        sys.stdout.write("Downloading http://exa"); sys.stdout.flush(); time.sleep(0.3)
        print("mple.org/big.zip\r\x1b[2KDone: http://example.org/big.zip")
    """))
    app = console(script)
    app.expect_exit(0)
    links = app.screen.get_by_role("link")
    expect(links).to_have_text(["http://0.0.0.0:8000/", "https://en.wikipedia.org/wiki/Fish_(food)",
                                "http://example.org/a", "https://example.org/blue",
                                "http://example.org/big.zip"])
    assert [links.nth(i).get_attribute("target") for i in range(5)] == ["_blank"] * 5
    expect(app.line("Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...")
           ).to_have_count(1)
    expect(app.line("Done: http://example.org/big.zip")).to_have_count(1)
    blue = app.screen.get_by_role("link", name="https://example.org/blue")
    assert blue.evaluate("(el) => el.parentElement.classList.contains('dl-fg-4')")
