"""An empty database, a cell with a draft and a finalised meeting, and the app on them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from chibo_tui.app import ChiboApp, make_app
from chibo_tui.domain import lifecycle
from chibo_tui.domain.model import Cell, Meeting
from chibo_tui.store import Repository

NOW = datetime(2026, 11, 27, 19, 30)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "chibo.json"


@pytest.fixture
def app(repo: Repository, tmp_path: Path) -> ChiboApp:
    return make_app(repo, tmp_path / "exports", clock=lambda: NOW)


@pytest.fixture
def saved_cell(db_path: Path) -> Callable[[], Cell | None]:
    """The cell as it is on disk, read by a separate read-only repository."""

    def read() -> Cell | None:
        with Repository.open(db_path, read_only=True) as reader:
            return reader.load_cell()

    return read


@pytest.fixture
def saved_meeting(db_path: Path) -> Callable[[str], Meeting | None]:
    def read(month: str) -> Meeting | None:
        with Repository.open(db_path, read_only=True) as reader:
            return reader.load_meeting(month)

    return read


@pytest.fixture
def cell_with_meetings(factory, db_path: Path) -> Cell:  # type: ignore[no-untyped-def]
    """13 members; March 2026 finalised, April 2026 a draft with everyone present."""
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        march = factory.meeting(cell, "2026-03")
        lifecycle.finalise(march, datetime(2026, 3, 5, 21, 5))
        repo.save_meeting(march)
        april = factory.meeting(cell, "2026-04")
        repo.save_meeting(april)
        repo.save_cell(cell)
    return cell
