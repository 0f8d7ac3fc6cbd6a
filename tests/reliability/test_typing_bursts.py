"""Vietnamese typed through an input method reaches the minutes as typed.

Telex and VNI input methods that work by backspace (Unikey, EVKey, OpenKey,
ibus-bamboo in its backspace mode) turn ``e`` + ``e`` into ``ê`` by sending a
backspace and the composed letter together: both arrive in one read of the
terminal. The keys below go through Textual's own parser and are posted the way
its driver posts them, one burst at a time.

Found by the power-cut test: Textual 8.2.8 runs a bound key (backspace, arrows)
as an action *after* the printable keys that arrived with it are inserted, so the
backspace rubs out the composed letter instead of the one before it — "việt" is
stored as "viet" (Textual issue #6605, fix proposed in PR #6631).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from textual._xterm_parser import XTermParser
from textual.widgets import TextArea

from chibo_tui.app import ChiboApp, make_app
from chibo_tui.domain import lifecycle
from chibo_tui.domain.demo import build_demo
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.store import Repository

MONTH = "2026-11"
NOW = datetime(2026, 11, 27, 19, 30)
BS = "\x7f"
# "việt nam đạt" in Telex, as a backspace-method input method sends it: each
# string is one read of the terminal.
TELEX_BURSTS = ["v", "i", "e", BS + "ê", BS + "ệ", "t", " ", "n", "a", "m", " ", "d", BS + "đ",
                "a", BS + "ạ", "t"]  # fmt: skip
TYPED = "việt nam đạt"

BUG = pytest.mark.xfail(
    reason="BUG (Textual 8.2.8, issue #6605): a backspace that arrives in one read with "
    "the letter after it is applied after that letter, so input methods lose diacritics",
    strict=True,
)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[ChiboApp]:
    db = tmp_path / "db" / "chibo.json"
    cell, history = build_demo(3, date(2026, 11, 27), seed=3)
    with Repository.open(db) as repo:
        repo.import_history(cell, history)
        meeting = lifecycle.new_meeting(cell, MONTH, date(2026, 11, 27), history)
        repo.save_meeting(meeting)
    repo = Repository.open(db)
    yield make_app(repo, tmp_path / "exports", clock=lambda: NOW)
    repo.close()


async def _type(app: ChiboApp, pilot, bursts: list[str], split: bool) -> None:  # type: ignore[no-untyped-def]
    """Post the keys of each burst together, as the driver does; ``split`` waits between keys."""
    parser = XTermParser()
    for burst in bursts:
        for part in burst if split else [burst]:
            for event in parser.feed(part):
                app.post_message(event)
            if split:  # a bound key's action runs a moment after its key: let it
                await pilot.pause()
        await pilot.pause()


async def _into(app: ChiboApp, pilot, selector: str, split: bool) -> str:  # type: ignore[no-untyped-def]
    """Type the Telex keys into the field ``selector`` of the meeting; what it holds after."""
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    screen.go_to("conclusion" if selector == "#conclusion-text" else "criterion-1")
    await pilot.pause()
    widget = screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    await _type(app, pilot, TELEX_BURSTS, split)
    assert app.save_now()
    return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]


async def _open(app: ChiboApp, pilot) -> None:  # type: ignore[no-untyped-def]
    app.open_meeting(MONTH)
    await pilot.pause()


async def test_input_method_keys_one_at_a_time_are_typed_as_meant(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        assert await _into(app, pilot, "#conclusion-text", split=True) == TYPED
        assert app.repo.load_meeting(MONTH).conclusion == TYPED  # type: ignore[union-attr]


@BUG
async def test_input_method_bursts_are_typed_as_meant(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        typed = [
            await _into(app, pilot, s, split=False)
            for s in ("#conclusion-text", "#criterion-1 .speech")
        ]
        assert typed == [TYPED, TYPED]  # a TextArea (notes) and an Input (speeches)
