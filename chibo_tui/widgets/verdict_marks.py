"""Coloured marks for verdicts, states and tones, as Textual ``Content``.

The styles name design tokens only (``$text-success`` …), so they follow the theme.
Every history view builds its marks here, so đạt / không đạt look the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from ..domain.model import MeetingState, Verdict
from ..text import history as T
from ..views.tone import Tone

STYLE_PASS = "bold $text-success"
STYLE_FAIL = "bold $text-error"
STYLE_UNDECIDED = "$text-warning"
STYLE_MUTED = "$text-muted"
STYLE_FOUR_GOOD = "bold $text-accent"
STYLE_DRAFT = "bold $text-warning"
STYLE_FINAL = "$text-muted"
STYLE_LABEL = "bold"
STYLE_FOUND = "bold reverse"
STYLE_OVERDUE = "bold $text-error"

TONE_STYLE = {
    Tone.PLAIN: "",
    Tone.PASS: STYLE_PASS,
    Tone.FAIL: STYLE_FAIL,
    Tone.UNDECIDED: STYLE_UNDECIDED,
    Tone.WARN: STYLE_DRAFT,
    Tone.MUTED: STYLE_MUTED,
}


Part = tuple[str, str]
"""A piece of text and its style, for ``Content.assemble`` (one build per row: fast)."""


def verdict_part(verdict: Verdict | None) -> Part:
    """The mark of a verdict and its style."""
    if verdict is Verdict.PASS:
        return T.MARK_PASS, STYLE_PASS
    if verdict is Verdict.FAIL:
        return T.MARK_FAIL, STYLE_FAIL
    return T.MARK_UNDECIDED, STYLE_UNDECIDED


def verdict_mark(verdict: Verdict | None) -> Content:
    """✓ (đạt), ✗ (không đạt) or – (no adopted verdict yet), coloured."""
    return Content.styled(*verdict_part(verdict))


def verdict_parts(verdicts: Sequence[Verdict | None], width: int = 4) -> list[Part]:
    """The four marks, each centred in ``width`` columns."""
    left = " " * ((width - 1) // 2)
    right = " " * (width - 1 - len(left))
    parts: list[Part] = []
    for verdict in list(verdicts[:4]) + [None] * (4 - len(verdicts[:4])):
        parts += [(left, ""), verdict_part(verdict), (right, "")]
    return parts


def verdict_marks(verdicts: Sequence[Verdict | None], width: int = 4) -> Content:
    """The four marks, each centred in ``width`` columns."""
    return Content.assemble(*verdict_parts(verdicts, width))


def state_part(state: MeetingState) -> Part:
    if state is MeetingState.FINALISED:
        return T.STATE_FINAL, STYLE_FINAL
    return T.STATE_DRAFT, STYLE_DRAFT


def state_mark(state: MeetingState) -> Content:
    return Content.styled(*state_part(state))


def four_good_mark(four_good: bool) -> Content:
    return Content.styled(T.FOUR_GOOD_BADGE, STYLE_FOUR_GOOD) if four_good else Content("")


def legend() -> Content:
    """What the marks mean, in one line."""
    items = [
        (T.MARK_PASS, STYLE_PASS, T.LEGEND_PASS),
        (T.MARK_FAIL, STYLE_FAIL, T.LEGEND_FAIL),
        (T.MARK_UNDECIDED, STYLE_UNDECIDED, T.LEGEND_UNDECIDED),
        (T.MARK_FOUR_GOOD, STYLE_FOUR_GOOD, T.LEGEND_FOUR_GOOD),
    ]
    parts = [Content.styled(mark, style) + f" {text}" for mark, style, text in items]
    return Content("   ").join(parts)


def cell(text: str, width: int, style: str = "") -> Part:
    """Plain ``text`` cut or padded to ``width`` columns (one column per character:
    Vietnamese in NFC and the marks used here are all single-width)."""
    if len(text) > width:
        text = text[: max(width - 1, 0)] + "…" if width else ""
    return text.ljust(width), style


def pad(content: Content | str, width: int, align: str = "left") -> Content:
    """``content`` cut or padded to exactly ``width`` cells (for column layouts)."""
    text = content if isinstance(content, Content) else Content(content)
    if text.cell_length > width:
        return text.truncate(width, ellipsis=True)
    if align == "right":
        return text.right(width)
    if align == "center":
        return text.center(width)
    return text.truncate(width, pad=True)


def highlighted(text: str, spans: Sequence[tuple[int, int]], style: str = STYLE_FOUND) -> Content:
    """``text`` with the ``spans`` (search matches) emphasised."""
    content = Content(text)
    for start, end in spans:
        content = content.stylize(style, start, end)
    return content
