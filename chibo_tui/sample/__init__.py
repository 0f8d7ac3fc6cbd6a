"""The sample cell of ``chibo demo`` and its history: code here, words in a data file.

:func:`build_demo` is pure (no I/O beyond reading the package's data file, no
Textual, no printing) and deterministic for a given ``(months, today, seed)``.
"""

from __future__ import annotations

import random
from datetime import date

from ..domain.model import Cell, Meeting
from .cell import demo_cell
from .history import demo_history

__all__ = ["build_demo", "demo_cell", "demo_history"]


def build_demo(months: int, today: date, seed: int = 2026) -> tuple[Cell, list[Meeting]]:
    """The sample cell and ``months`` of its history, the same for the same arguments."""
    rng = random.Random(seed)
    cell = demo_cell(rng)
    return cell, demo_history(cell, months, today, rng)
