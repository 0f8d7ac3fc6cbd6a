"""Month keys (``YYYY-MM``) and the arithmetic on them."""

from __future__ import annotations

import re
from datetime import date

_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")


def parse_month(text: str) -> str:
    """Validate ``YYYY-MM``; raise ``ValueError`` with a Vietnamese message."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise ValueError(f"Tháng không hợp lệ: “{text}” (cần dạng YYYY-MM, ví dụ 2026-03)")
    return text.strip()


def parse_month_label(text: str) -> str:
    """``"12/2026"`` (as the chair types it) or ``"2026-12"`` → ``"2026-12"``."""
    value = text.strip()
    if "/" in value:
        mm, _, yyyy = value.partition("/")
        value = f"{yyyy.strip()}-{mm.strip().zfill(2)}"
    return parse_month(value)


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift(month: str, by: int) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    index = year * 12 + (mon - 1) + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def quarter(month: str) -> int:
    return (int(month[5:7]) - 1) // 3 + 1
