"""The real ``chibo`` in a terminal, killed mid-meeting: the battery dies, the terminal closes.

The app runs as the chair runs it (``python -m chibo_tui --db …`` in a pseudo-terminal),
opens this month's meeting from the home screen and takes typed text into the chair's
conclusion. Then:

- SIGKILL (the battery): what was typed reaches the disk by autosave alone, and the
  next start takes the dead process's lock over and says so, on the terminal and in
  the app;
- SIGHUP (the terminal window closed): chibo leaves through its normal exit, saving
  what was typed a moment before, and releases the lock cleanly.

Nothing here asserts on a time: the test waits (with a generous limit) for what
must happen.
"""

from __future__ import annotations

import asyncio
import os
import signal
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pty_terminal import Terminal, wait_on_disk

from chibo_tui.__main__ import main
from chibo_tui.app import ChiboApp
from chibo_tui.domain import lifecycle
from chibo_tui.domain.months import month_of
from chibo_tui.sample import build_demo
from chibo_tui.store import Repository
from chibo_tui.text import common

MONTH = month_of(date.today())  # the real app's clock is the real clock
TYPED = unicodedata.normalize("NFD", "Chi bộ thống nhất: mất điện cũng không mất chữ ✓")
"""Typed in NFD on purpose (some Vietnamese keyboards send it); stored in NFC."""
STORED = unicodedata.normalize("NFC", TYPED)


@pytest.fixture
def meeting_db(tmp_path: Path) -> Path:
    """A demo cell and this month's draft, left with the cursor in the chair's conclusion."""
    db = tmp_path / "db" / "chibo.json"
    cell, history = build_demo(14, date.today(), seed=11)
    with Repository.open(db) as repo:
        repo.import_history(cell, history)
        meeting = lifecycle.new_meeting(cell, MONTH, date.today(), history)
        meeting.resume = {"step": "conclusion", "field": "conclusion-text"}
        repo.save_meeting(meeting)
    return db


@pytest.fixture
def terminal(meeting_db: Path) -> Iterator[Terminal]:
    term = Terminal(meeting_db)
    yield term
    term.close()


def _on_disk(db: Path) -> str:
    with Repository.open(db, read_only=True) as repo:
        meeting = repo.load_meeting(MONTH)
    assert meeting is not None
    return meeting.conclusion


def _open_meeting_and_type(term: Terminal, db: Path) -> None:
    term.wait_for("nhấn M")  # the home screen is up
    term.type("m")
    term.wait_for("Kết luận của chủ trì")  # the meeting screen, at the conclusion step
    term.knock_until_focused(db, MONTH)
    term.type(TYPED)


def _start_headless(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db: Path
) -> tuple[str, list[str]]:
    """Start chibo again through its command line; the app runs headless and stops.

    Returns what it printed on stderr and the notices the app showed.
    """
    notices: list[str] = []
    real_notify = ChiboApp.notify

    def notify(self: ChiboApp, message: str, **kwargs: object) -> None:
        notices.append(str(message))
        real_notify(self, message, **kwargs)  # type: ignore[arg-type]

    def run(self: ChiboApp, **kwargs: object) -> None:
        async def first_screen() -> None:
            async with self.run_test(size=(120, 40)) as pilot:
                await pilot.pause()

        asyncio.run(first_screen())

    monkeypatch.setattr(ChiboApp, "notify", notify)
    monkeypatch.setattr(ChiboApp, "run", run)
    monkeypatch.delenv("CHIBO_DB", raising=False)
    assert main(["--db", str(db)]) == 0
    return capsys.readouterr().err, notices


def test_battery_dies_mid_sentence_nothing_typed_is_lost_and_the_lock_is_taken_over(
    terminal: Terminal,
    meeting_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _open_meeting_and_type(terminal, meeting_db)
    wait_on_disk(meeting_db, MONTH, STORED)  # autosave, with no key pressed to save
    status = terminal.signal(signal.SIGKILL)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert _on_disk(meeting_db) == STORED

    err, notices = _start_headless(monkeypatch, capsys, meeting_db)
    holder = f"tiến trình {terminal.pid}"
    assert holder in err and "đã tiếp quản khóa" in err
    took_over = common.TOOK_OVER.split("{holder}")[1]
    assert any(holder in n and took_over in n for n in notices), notices
    assert _on_disk(meeting_db) == STORED


def test_terminal_closed_saves_what_was_just_typed_and_releases_the_lock(
    terminal: Terminal,
    meeting_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _open_meeting_and_type(terminal, meeting_db)
    terminal.wait_for("mất chữ")  # painted: the app has the text, perhaps not the disk yet
    status = terminal.signal(signal.SIGHUP)
    assert os.WIFEXITED(status), f"chibo died of signal {os.WTERMSIG(status)}"
    assert _on_disk(meeting_db) == STORED
    assert meeting_db.with_name("chibo.json.lock").read_bytes() == b""  # closed cleanly

    err, notices = _start_headless(monkeypatch, capsys, meeting_db)
    assert "tiếp quản" not in err
    assert not any("tiếp quản" in n for n in notices)


@pytest.mark.parametrize("attempt", range(5))
def test_closing_the_terminal_window_ends_chibo_with_the_text_saved(
    meeting_db: Path, attempt: int
) -> None:
    terminal = Terminal(meeting_db)
    try:
        _open_meeting_and_type(terminal, meeting_db)
        terminal.wait_for("mất chữ")
        status = terminal.hang_up()
    finally:
        terminal.close()
    assert os.WIFEXITED(status) or os.WTERMSIG(status) == signal.SIGHUP
    assert _on_disk(meeting_db) == STORED
    assert meeting_db.with_name("chibo.json.lock").read_bytes() == b""  # released
