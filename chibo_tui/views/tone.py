"""What a line of a history view means, for colour: its own module, so that home's
marks (``widgets.verdict_marks``) do not load the month's text builder at start-up."""

from __future__ import annotations

from enum import StrEnum


class Tone(StrEnum):
    """What a line means, for colour (the UI maps tones to design tokens)."""

    PLAIN = "plain"
    PASS = "pass"
    FAIL = "fail"
    UNDECIDED = "undecided"
    WARN = "warn"
    MUTED = "muted"
