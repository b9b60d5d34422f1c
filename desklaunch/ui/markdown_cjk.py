"""Emphasis beside Chinese, Japanese and Korean text, as PyWebIO's page reads it.

CommonMark opens or closes `**…**` only where the stars are not squeezed between
punctuation and a letter: `请**先保存。**然后退出` keeps its stars, because `。` is punctuation
and `然` a letter, and a Chinese sentence has no spaces to free them. PyWebIO's Markdown
(marked.js) draws it bold, and Chinese and Japanese apps are full of it. Here a CJK
character beside the stars, outside or inside, counts as a space would (after the
"CJK-friendly" amendment to CommonMark: `**注意。**Python`, `使用Python**「3.8+」**版本`);
text without CJK characters beside the stars reads exactly as CommonMark says.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.state_inline import Scanned, StateInline

_CJK = re.compile(
    "[\u1100-\u11ff\u2018-\u201f\u2e80-\u2fdf\u2ff0-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003ffff]")
"""Hangul, CJK punctuation, kana, ideographs and full-width forms, and the curly quotes
Chinese text quotes with (“确定”)."""


class _CJKFriendlyState(StateInline):
    """markdown-it's inline state, with delimiter runs judged as the module says."""

    def scanDelims(self, start: int, canSplitWord: bool) -> Scanned:  # noqa: N802, N803
        scanned = super().scanDelims(start, canSplitWord)
        before = self.src[start - 1] if start > 0 else " "
        after = self.src[start + scanned.length] if start + scanned.length < self.posMax else " "
        cjk_before, cjk_after = bool(_CJK.match(before)), bool(_CJK.match(after))
        if not (cjk_before or cjk_after):
            return scanned
        punct_before = isMdAsciiPunct(ord(before)) or isPunctChar(before)
        punct_after = isMdAsciiPunct(ord(after)) or isPunctChar(after)
        space_before, space_after = isWhiteSpace(ord(before)), isWhiteSpace(ord(after))
        # CJK punctuation inside the stars frees them whatever is outside (`**注意。**Python`)
        left = not space_after and (
            not punct_after or space_before or punct_before or cjk_before or cjk_after)
        right = not space_before and (
            not punct_before or space_after or punct_after or cjk_after or cjk_before)
        can_open = left and (canSplitWord or not right or punct_before)
        can_close = right and (canSplitWord or not left or punct_after)
        return Scanned(can_open, can_close, scanned.length)


def _parse(inline: Any, src: str, md: MarkdownIt, env: Any, tokens: list[Any]) -> list[Any]:
    """markdown-it's inline parse, on the CJK-friendly state."""
    state = _CJKFriendlyState(src, md, env, tokens)
    inline.tokenize(state)
    for rule in inline.ruler2.getRules(""):
        rule(state)
    return state.tokens


def cjk_friendly(md: MarkdownIt) -> None:
    """Make `md` read emphasis beside CJK text as the module says (a markdown-it plugin)."""
    md.inline.parse = partial(_parse, md.inline)  # type: ignore[method-assign]
