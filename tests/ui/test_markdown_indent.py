"""Markdown reads as PyWebIO shows it: written in indented triple-quoted strings, and with
emphasis beside Chinese, Japanese and Korean text (ui/markdown_cjk.py)."""

from __future__ import annotations

import pytest

from desklaunch.ui.outputs import _markdown, strip_indentation


@pytest.mark.parametrize(("given", "expected"), [
    ("# Title\n    text\n\n    more", "# Title\ntext\n\nmore"),          # first line unindented
    ("\n    # Title\n    text\n    ", "\n# Title\ntext\n"),               # all indented
    ("# Title\n    a\n      b", "# Title\na\n  b"),                      # nested indent kept
    ("# Title\n\ttab\n\tmore", "# Title\ntab\nmore"),
    ("one line", "one line"),
    ("# Title\ntext", "# Title\ntext"),
])
def test_strip_indentation(given: str, expected: str) -> None:
    assert strip_indentation(given) == expected


def test_the_common_style_renders_a_heading_and_a_paragraph_not_code() -> None:
    html = _markdown(html=False).render(strip_indentation("""# Report
        Done in **3** steps.
        Next line.
        """))
    assert html.startswith("<h1>Report</h1>")
    assert "<pre>" not in html
    assert "<strong>3</strong> steps.<br />\nNext line." in html  # a line break, as PyWebIO


# Full-width punctuation is what these are about (ruff asks whether it is a slip).
@pytest.mark.parametrize(("given", "expected"), [
    ("这是**多臂老虎机问题（MAB）**的策略", "这是<strong>多臂老虎机问题（MAB）</strong>的策略"),  # noqa: RUF001
    ("注意：**必须填写！**否则失败", "注意：<strong>必须填写！</strong>否则失败"),  # noqa: RUF001
    ("「**重要**」です", "「<strong>重要</strong>」です"),
    ("的**（MAB）很**好", "的<strong>（MAB）很</strong>好"),  # noqa: RUF001
    ("중요: **강조!**합니다", "중요: <strong>강조!</strong>합니다"),
    ("中文*斜体*中文", "中文<em>斜体</em>中文"),
    ("**注意：**Python 3.8以上", "<strong>注意：</strong>Python 3.8以上"),  # noqa: RUF001
    ("使用Python**（3.8+）**版本", "使用Python<strong>（3.8+）</strong>版本"),  # noqa: RUF001
    ("点击OK**“确定”**按钮", "点击OK<strong>“确定”</strong>按钮"),
    ("Run**「設定」**を開く", "Run<strong>「設定」</strong>を開く"),
    ("文字~~（删）~~abc", "文字<s>（删）</s>abc"),  # noqa: RUF001
])
def test_emphasis_beside_cjk_text_is_drawn_as_pywebio_draws_it(given: str, expected: str
                                                               ) -> None:
    assert _markdown(html=False).renderInline(given) == expected


@pytest.mark.parametrize("given", ["**Note:**this", "a**.**b", "snake_case_name", "中_文_字",
                                   "2 * 3 * 4"])
def test_text_without_cjk_beside_the_stars_reads_as_commonmark_says(given: str) -> None:
    assert "<strong>" not in _markdown(html=False).renderInline(given)
    assert "<em>" not in _markdown(html=False).renderInline(given)
