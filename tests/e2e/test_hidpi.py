"""On a HiDPI screen (two device pixels to a CSS pixel, as most laptops' screens) figures are
drawn with twice the pixels and shown at their usual size: sharp, as a window's canvas is."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from playwright.sync_api import expect

from desklaunch.compat import use_figures_backend

pytest.importorskip("matplotlib", reason="matplotlib is in the `test` extra")
pytestmark = pytest.mark.screen(device_scale_factor=2)

SIZES = """el => el.decode().then(() => ({
  natural: [el.naturalWidth, el.naturalHeight],
  shown: [Math.round(el.getBoundingClientRect().width),
          Math.round(el.getBoundingClientRect().height)],
}))"""


@pytest.fixture(autouse=True)
def figures_in_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """`plt.show()` draws into the page, as `desklaunch script.py` sets it up."""
    monkeypatch.delenv("MPLBACKEND", raising=False)
    use_figures_backend()


def sizes(app, name: str) -> dict[str, list[int]]:
    """The picture's pixels, and the CSS pixels it is shown at."""
    image = app.page.get_by_role("img", name=name, exact=True)
    expect(image).to_be_visible()
    return image.evaluate(SIZES)


def script(folder: Path, source: str) -> Path:
    path = folder / "plot.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def test_a_figure_from_plt_show_is_sharp_and_its_saved_file_unchanged(pilot, tmp_path) -> None:
    path = script(tmp_path, """\
        import matplotlib.pyplot as plt
        from desklaunch.ui import input

        fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
        ax.plot([1, 3, 2])
        ax.set_title("Sharp")
        fig.savefig("saved.png")
        plt.show()
        input("Seen?")
        """)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        app = pilot(path)
        app.field("Seen?").wait_for()
    assert sizes(app, "Figure 1: Sharp") == {"natural": [800, 600], "shown": [400, 300]}
    # the script's own file is the figure at its own resolution, as in a terminal
    assert (tmp_path / "saved.png").read_bytes()[16:24] == (400).to_bytes(4, "big") + (
        300).to_bytes(4, "big")


def test_put_image_of_a_figure_is_sharp(pilot) -> None:
    import matplotlib.figure as figure_module

    from desklaunch.ui import put_image

    def script() -> None:
        figure = figure_module.Figure(figsize=(4, 3), dpi=50)
        figure.subplots().plot([1, 2, 3], [2, 4, 3])
        put_image(figure, title="A line chart")

    app = pilot(script)
    drawn = sizes(app, "A line chart")
    width, height = drawn["shown"]
    assert 100 < width <= 200 and 80 < height <= 150  # about 4x3 inches at 50 dpi, trimmed
    # twice the pixels (a trimmed figure's odd width shows at a half CSS pixel, rounded here)
    (natural_width, natural_height), (shown_width, shown_height) = drawn["natural"], drawn["shown"]
    assert abs(natural_width - 2 * shown_width) <= 1
    assert abs(natural_height - 2 * shown_height) <= 1
