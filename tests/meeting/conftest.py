"""A demo cell with 14 finalised months and the app driving November 2026."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from chibo_tui.app import ChiboApp, make_app
from chibo_tui.domain.model import Meeting, TaskStatus
from chibo_tui.sample import build_demo
from chibo_tui.store import Repository

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 19, 30)
MONTH = "2026-11"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "db" / "chibo.json"
    with Repository.open(path) as repo:
        cell, meetings = build_demo(14, TODAY)
        # November starts with nothing of October's resolution to review: these tests
        # are about the other steps; a test of the task steps sets the tasks it reviews.
        october = meetings[-1]
        october.tasks = []
        october.task_reviews = [r for r in october.task_reviews if r.status is TaskStatus.DONE]
        repo.import_history(cell, meetings)
    return path


@pytest.fixture
def app(repo: Repository, tmp_path: Path) -> ChiboApp:
    chibo = make_app(repo, tmp_path / "exports", clock=lambda: NOW)
    chibo.animation_level = "none"  # scrolling lands at once, whatever the machine's load
    return chibo


@pytest.fixture
def saved(db_path: Path) -> Callable[..., Meeting | None]:
    """The meeting as it is on disk, read by a separate read-only repository."""

    def read(month: str = MONTH) -> Meeting | None:
        with Repository.open(db_path, read_only=True) as reader:
            return reader.load_meeting(month)

    return read


@pytest.fixture
def fresh_app(repo: Repository, tmp_path: Path) -> Callable[[], ChiboApp]:
    """Another app on the same repository: chibo started again."""
    return lambda: make_app(repo, tmp_path / "exports", clock=lambda: NOW)
