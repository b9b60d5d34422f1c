"""Images from every kind of source, and files the person saves (browser mode)."""

from __future__ import annotations

import base64
import importlib.util
from pathlib import Path

import pytest
from playwright.sync_api import expect

from desklaunch.ui import download, put_buttons, put_file, put_html, put_image, put_text

# A 3x2 red PNG, written out so the test needs no image library.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEklEQVR4nGP4z8AARAwMDP8ZAEPuBv5WBA3cAAAAAElFTkSuQmCC"
)
SIZE = "el => el.complete ? [el.naturalWidth, el.naturalHeight] : null"


def shown_size(app, name: str) -> list[int]:
    """The natural size of the image named `name`, once the browser has decoded it."""
    image = app.page.get_by_role("img", name=name, exact=True)
    expect(image).to_be_visible()
    image.evaluate("el => el.decode()")
    return image.evaluate(SIZE)


def test_put_image_from_bytes_and_from_a_path(pilot, tmp_path: Path) -> None:
    path = tmp_path / "dot.png"
    path.write_bytes(PNG)

    def script() -> None:
        put_image(PNG, title="From bytes", width="90px")
        put_image(str(path), title="From a path")
        put_image(path, title="From a Path object")

    app = pilot(script)
    assert shown_size(app, "From bytes") == [3, 2]
    assert app.page.get_by_role("img", name="From bytes", exact=True).bounding_box()["width"] == 90
    assert shown_size(app, "From a path") == [3, 2]
    assert shown_size(app, "From a Path object") == [3, 2]


def test_images_put_one_after_another_sit_side_by_side(pilot) -> None:
    """As PyWebIO's `<img>`s do: a hand of cards is one row."""

    def script() -> None:
        for card in ("Ace", "King", "Queen"):
            put_image(PNG, title=card, width="60px")
        put_text("Your hand")

    app = pilot(script)
    boxes = [app.page.get_by_role("img", name=card).bounding_box() for card in
             ("Ace", "King", "Queen")]
    assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"], boxes
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"], boxes
    below = app.text("Your hand").bounding_box()
    assert below["y"] >= boxes[0]["y"] + boxes[0]["height"], (below, boxes)


def test_put_image_refuses_script_urls_with_a_clear_message(pilot) -> None:
    problems: list[str] = []

    def script() -> None:
        try:
            put_image("javascript:alert(1)")
        except ValueError as exc:
            problems.append(str(exc))
        put_text("done")

    app = pilot(script)
    app.expect_text("done")
    expect(app.page.get_by_role("img")).to_have_count(0)
    assert problems == ["put_image() takes bytes or a file path, not a javascript: URL"]
    # An http(s) address is fetched by the app: see test_pywebio_programs.py.


def test_put_image_shows_a_pil_image(pilot) -> None:
    if importlib.util.find_spec("PIL") is None:
        pytest.skip("Pillow is not installed (the `test` extra has it)")
    from PIL import Image

    def script() -> None:
        put_image(Image.new("RGB", (40, 30), "teal"), title="Teal block")

    app = pilot(script)
    assert shown_size(app, "Teal block") == [40, 30]


def test_put_image_shows_a_matplotlib_figure(pilot) -> None:
    if importlib.util.find_spec("matplotlib") is None:
        pytest.skip("matplotlib is not installed (the `test` extra has it)")
    import matplotlib.figure as figure_module

    def script() -> None:
        figure = figure_module.Figure(figsize=(4, 3), dpi=50)
        axes = figure.subplots()
        axes.plot([1, 2, 3], [2, 4, 3])
        put_image(figure, title="A line chart")

    app = pilot(script)
    width, height = shown_size(app, "A line chart")
    assert 100 < width <= 200 and 80 < height <= 150  # about 4x3 inches at 50 dpi, trimmed


def test_put_file_saves_through_the_browser(pilot) -> None:
    def script() -> None:
        put_file("report.csv", "name,score\nAda,10\n", label="Save the report")

    app = pilot(script)
    with app.page.expect_download() as info:
        app.click("Save the report")
    saved = info.value
    assert saved.suggested_filename == "report.csv"
    assert Path(saved.path()).read_text() == "name,score\nAda,10\n"


def test_download_saves_at_once_and_strips_folders_from_the_name(pilot) -> None:
    def script() -> None:
        put_buttons(["Export"], onclick=lambda _: download("../../etc/notes.txt", b"\x00\x01 hi"))

    app = pilot(script)
    with app.page.expect_download() as info:
        app.click("Export")
    saved = info.value
    assert saved.suggested_filename == "notes.txt"
    assert Path(saved.path()).read_bytes() == b"\x00\x01 hi"


def test_a_downloaded_file_survives_a_reload(pilot) -> None:
    data = bytes(range(256)) * 40

    def script() -> None:
        put_file("blob.bin", data)

    app = pilot(script)
    app.reload()
    with app.page.expect_download() as info:
        app.click("blob.bin")
    assert Path(info.value.path()).read_bytes() == data


def test_download_is_awaited_in_an_async_script(pilot) -> None:
    async def script() -> None:
        async def save(_: object) -> None:
            await download("async.txt", "from a coroutine")
            put_text("download offered")

        put_buttons(["Save async"], onclick=save)

    app = pilot(script)
    with app.page.expect_download() as info:
        app.click("Save async")
    assert Path(info.value.path()).read_text() == "from a coroutine"
    app.expect_text("download offered")


def _wav(seconds: float = 0.5, rate: int = 8000) -> bytes:
    """A silent mono 8-bit WAV, made here so the test needs no sound file."""
    frames = bytes([128]) * int(seconds * rate)
    header = (b"RIFF" + (36 + len(frames)).to_bytes(4, "little") + b"WAVEfmt "
              + (16).to_bytes(4, "little") + (1).to_bytes(2, "little")
              + (1).to_bytes(2, "little") + rate.to_bytes(4, "little")
              + rate.to_bytes(4, "little") + (1).to_bytes(2, "little")
              + (8).to_bytes(2, "little") + b"data" + len(frames).to_bytes(4, "little"))
    return header + frames


def test_a_sound_given_as_data_plays(pilot) -> None:
    """pywebio_battery's `put_audio(bytes)` is an `<audio>` with a `data:` address: the
    page's policy lets it load (it was blocked, and the player stayed dead)."""
    source = "data:audio/wav;base64," + base64.b64encode(_wav()).decode()

    def script() -> None:
        put_html(f'<audio controls src="{source}"></audio>')
        put_text("ready")

    app = pilot(script)
    app.expect_text("ready")
    app.page.wait_for_function(
        "() => { const a = document.querySelector('audio'); return a.readyState >= 1 || a.error; }")
    assert app.page.evaluate("() => [document.querySelector('audio').error?.code ?? 0, "
                             "document.querySelector('audio').duration]") == [0, 0.5]
