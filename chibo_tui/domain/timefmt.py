"""Dates and times as the chair types and reads them: ``05/11/2026``, ``19:30``."""

from __future__ import annotations

import re
from datetime import date, time

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hg.]\s*(\d{1,2})?\s*$", re.IGNORECASE)
_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")


def parse_time(text: str) -> time:
    """``"19:30"``, ``"19h30"``, ``"7g"`` → a time; ``ValueError`` in Vietnamese otherwise."""
    match = _TIME.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueError(f"Giờ không hợp lệ: “{text}” (ví dụ 19:30)")


def parse_date(text: str) -> date:
    """``"05/11/2026"`` → a date; ``ValueError`` in Vietnamese otherwise."""
    match = _DATE.match(text)
    if match:
        try:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            pass
    raise ValueError(f"Ngày không hợp lệ: “{text}” (ví dụ 05/11/2026)")


def show_time(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def show_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def clock(seconds: float) -> str:
    """Elapsed seconds as ``H:MM:SS``."""
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
