"""Telex through a backspace-method input method, into the real chibo in a terminal.

Unikey, EVKey, OpenKey and ibus-bamboo send "backspace + composed letter" in one
write to the terminal. Here each burst is one write to the pseudo-terminal, as
``tmux send-keys -l`` sends it, and the record on disk must read as typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pty_terminal import Terminal, wait_on_disk

from chibo_tui.domain import lifecycle
from chibo_tui.domain.months import month_of
from chibo_tui.sample import build_demo
from chibo_tui.store import Repository

MONTH = month_of(date.today())  # the real app's clock is the real clock
BS = "\x7f"
TELEX_BURSTS = ["v", "i", "e", BS + "ê", BS + "ệ", "t", " ", "n", "a", "m", " ", "d", BS + "đ",
                "a", BS + "ạ", "t"]  # fmt: skip
TYPED = "việt nam đạt"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    """This month's draft, left with the cursor in "Các nội dung khác"."""
    db = tmp_path / "db" / "chibo.json"
    cell, history = build_demo(3, date.today(), seed=5)
    with Repository.open(db) as repo:
        repo.import_history(cell, history)
        meeting = lifecycle.new_meeting(cell, MONTH, date.today(), history)
        meeting.resume = {"step": "conclusion", "field": "other-business"}
        repo.save_meeting(meeting)
    term = Terminal(db)
    yield term, db
    term.close()


def _other_business(db: Path) -> str:
    with Repository.open(db, read_only=True) as repo:
        meeting = repo.load_meeting(MONTH)
    assert meeting is not None
    return meeting.other_business


def test_telex_bursts_in_a_real_terminal_are_stored_as_typed(
    terminal: tuple[Terminal, Path],
) -> None:
    term, db = terminal
    term.wait_for("nhấn M")
    term.type("m")
    term.wait_for("Các nội dung khác")
    term.knock_until_focused(db, MONTH)
    for burst in TELEX_BURSTS:
        term.type(burst)
    wait_on_disk(db, MONTH, TYPED)
    assert _other_business(db) == TYPED
