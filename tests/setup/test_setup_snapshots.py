"""Snapshots of the welcome and roster screens, at the chair's usual size and at 80×24."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from chibo_tui.app import make_app
from chibo_tui.domain.model import Cell
from chibo_tui.store import Repository

NOW = datetime(2026, 11, 27, 19, 30)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in the test's folder, so paths on screen read "db/chibo.json" every run."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_welcome(snap_compare, here: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    with Repository.open(here / "db" / "chibo.json") as repo:
        app = make_app(repo, here / "exports", clock=lambda: NOW)
        assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_roster(snap_compare, here: Path, factory, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    cell: Cell = factory.cell()
    cell.members[4].full_name = "Đinh Văn Đức"
    with Repository.open(here / "db" / "chibo.json") as repo:
        repo.save_cell(cell)
        app = make_app(repo, here / "exports", clock=lambda: NOW)

        async def run_before(pilot: Pilot) -> None:
            await pilot.press("f7")
            await pilot.pause()
            await pilot.press("down", "down")

        assert snap_compare(app, terminal_size=size, run_before=run_before)
