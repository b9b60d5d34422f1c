"""What a screen reader gets: read from Chromium's own accessibility tree (over the DevTools
protocol), the tree screen readers are given, not from the DOM.

Live regions are where announcements come from: a region's text is what was last said.
"""

from __future__ import annotations

import re

from access import said
from playwright.sync_api import expect

from desklaunch.ui import input, put_progressbar, put_text, set_progressbar


def test_a_burst_of_ten_thousand_lines_is_told_in_a_few_words(pilot) -> None:
    def script() -> None:
        for number in range(1, 10_001):
            put_text(f"line {number}")
        input("Next")

    app = pilot(script)
    expect(app.field("Next")).to_be_visible()
    app.expect_text("line 10000")
    app.page.wait_for_timeout(1000)  # the announcer tells a batch 0.4 s after it starts
    polite = said(app.page, "polite")
    told = [text for text in polite if "line 10000" in text]
    assert len(told) == 1, polite
    found = re.fullmatch(r"([\d,]+) new lines\. The last: line 10000", told[0])
    # The count form itself is the point (lines are told as "N new lines", not one by one);
    # how many fall in the last batch depends on how fast the page drew the others.
    assert found, told
    assert int(found[1].replace(",", "")) > 3, "a count of many lines, not each read out"


def test_a_few_new_lines_are_read_out_in_full(pilot) -> None:
    def script() -> None:
        name = input("Your name")
        put_text(f"Hello, {name}!")
        put_text("Nice to meet you.")
        input("Anything else?")

    app = pilot(script)
    app.answer("Your name", "Ada")
    expect(app.field("Anything else?")).to_be_visible()
    app.page.wait_for_timeout(600)
    assert "Hello, Ada! Nice to meet you." in said(app.page, "polite")


def test_the_scripts_crash_is_told_assertively(pilot) -> None:
    def script() -> None:
        put_text("Working")
        raise ValueError("the sky fell")

    app = pilot(script, expect_error=True)
    app.expect_crash()
    assert ("The script stopped with an error: ValueError: the sky fell"
            in said(app.page, "assertive"))


def test_a_field_error_is_an_alert(pilot) -> None:
    def script() -> None:
        input("Code", validate=lambda v: None if v.isdigit() else "Digits only")

    app = pilot(script)
    app.answer("Code", "x")
    expect(app.alert()).to_have_text("Digits only")
    assert "Digits only" in said(app.page, "assertive")


def test_progress_bars_expose_their_value(pilot) -> None:
    def script() -> None:
        put_progressbar("copy", label="Copying")
        set_progressbar("copy", 0.42, label="42 of 100 files")
        input("Wait")

    app = pilot(script)
    bar = app.page.get_by_role("progressbar", name="copy")
    expect(bar).to_have_attribute("aria-valuenow", "42")
    expect(bar).to_have_attribute("aria-valuetext", "42%, 42 of 100 files")


def test_a_new_table_is_told_word_by_word_and_a_nested_output_once(pilot) -> None:
    from desklaunch.ui import put_buttons, put_row, put_scope, put_table, use_scope

    def script() -> None:
        def show(_: str) -> None:
            put_table([["Name", "Age"], ["Ada", "36"]])
            with use_scope("list"):
                put_scope("t1")
            with use_scope("t1", clear=True):
                put_row([put_text("Milk"), put_text("2 litres")])

        put_scope("list")
        put_buttons(["Show"], onclick=show)
        input("Next")

    app = pilot(script)
    app.click("Show")
    app.expect_text("2 litres")
    app.page.wait_for_timeout(600)
    polite = said(app.page, "polite")
    told = [text for text in polite if "Ada" in text]
    assert told and re.search(r"Name\s+Age\s+Ada\s+36", told[-1]), polite
    assert told[-1].count("Milk") == 1, polite


def test_a_round_button_choice_that_is_required_says_so(pilot) -> None:
    from desklaunch.ui import radio

    def script() -> None:
        radio("Size", ["Small", "Large"], required=True)

    app = pilot(script)
    expect(app.page.get_by_role("radio", name="Small")).to_have_attribute("required", "")


def test_the_end_of_a_script_is_told(pilot) -> None:
    def script() -> None:
        name = input("Your name")
        put_text(f"Hello, {name}!")

    app = pilot(script)
    app.answer("Your name", "Ada")
    app.expect_finished()
    app.page.wait_for_timeout(600)
    assert any(text.endswith("Finished") for text in said(app.page, "polite")), \
        said(app.page, "polite")


def test_a_part_of_the_page_redrawn_every_moment_is_not_read_out_each_time(pilot) -> None:
    """A clock (PyWebIO's set_env demo) redraws its scope every second: told at first,
    then quiet while it ticks; the script's other new output is still told."""
    import time

    from desklaunch.ui import put_scope, use_scope

    def script() -> None:
        put_scope("clock")
        for tick in range(6):
            with use_scope("clock", clear=True):
                put_text(f"tick {tick}")
            time.sleep(0.5)
        put_text("Done ticking")
        input("Next")

    app = pilot(script)
    heard: set[str] = set()
    while not app.field("Next").is_visible():  # what the region said, as it changes
        heard.update(said(app.page, "polite"))
        app.page.wait_for_timeout(100)
    app.page.wait_for_timeout(600)
    heard.update(said(app.page, "polite"))
    text = " | ".join(sorted(heard))
    # the first ticks are told (each heard for 0.5 s: a busy test may miss one of them)
    assert re.search(r"tick [01]\b", text) and "Done ticking" in text, text
    assert "tick 4" not in text and "tick 5" not in text, text


def heard_over(app, seconds: float) -> list[str]:
    """Each text the polite region said, in order, sampled as it changes for `seconds`."""
    heard: list[str] = []
    for _ in range(int(seconds * 20)):
        now = " | ".join(said(app.page, "polite"))
        if now and (not heard or heard[-1] != now):
            heard.append(now)
        app.page.wait_for_timeout(50)
    return heard


def test_what_a_part_redrawn_in_quick_succession_settles_on_is_told(pilot) -> None:
    """An answer redrawn at each key typed (a unit converter): the last one is told once
    the redraws stop, though the ones between were not."""
    import time

    from desklaunch.ui import put_scope, use_scope

    def script() -> None:
        put_scope("answer")
        for digits in ("1", "12", "123", "1234", "12345"):
            with use_scope("answer", clear=True):
                put_text(f"{digits} mm = {int(digits) / 10} cm")
            time.sleep(0.25)
        input("Next")

    app = pilot(script)
    expect(app.field("Next")).to_be_visible()
    heard = " | ".join(heard_over(app, 3.5))
    assert "12345 mm = 1234.5 cm" in heard, heard
    assert "1234 mm" not in heard, heard


def test_output_that_keeps_coming_is_told_ever_more_seldom(pilot) -> None:
    """A line every 0.2 s, for 5 s: not read without end, each batch gathers longer."""
    import time

    def script() -> None:
        for number in range(25):
            put_text(f"reading {number}")
            time.sleep(0.2)
        input("Next")

    app = pilot(script)
    app.expect_text("reading 0")
    heard = heard_over(app, 5.5)
    assert 2 <= len(heard) <= 5, heard  # at 0.4 s batches it would be about twelve
    assert re.search(r"new lines\. The last: reading \d+", heard[-1]), heard


def test_the_end_of_a_script_is_told_once(pilot) -> None:
    def script() -> None:
        put_text("All done here")

    app = pilot(script)
    app.expect_finished()
    app.page.wait_for_timeout(800)
    regions = [text for text in said(app.page, "polite") + said(app.page, "assertive")
               if "Finished" in text]
    assert len(regions) == 1, regions


def test_buttons_told_with_new_output_are_words_apart(pilot) -> None:
    from desklaunch.ui import put_buttons, put_row

    def script() -> None:
        put_buttons(["Add"], onclick=lambda _: put_row(
            [put_text("Milk"), put_buttons(["Done", "Remove"], onclick=lambda _: None)]))
        input("Next")

    app = pilot(script)
    app.click("Add")
    app.expect_text("Milk")
    app.page.wait_for_timeout(600)
    told = " | ".join(said(app.page, "polite"))
    assert re.search(r"Milk\s+Done\s+Remove", told), told
