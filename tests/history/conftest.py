"""A demo cell with 30 finalised months (open and overdue remedies among them),
and the app driving 27 November 2026."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from history_fixtures import MONTHS, NOW, fill

from chibo_tui.app import ChiboApp, make_app
from chibo_tui.store import Repository


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return fill(tmp_path / "db" / "chibo.json", MONTHS)


@pytest.fixture
def app(repo: Repository, tmp_path: Path) -> ChiboApp:
    return make_app(repo, tmp_path / "exports", clock=lambda: NOW)


@pytest.fixture
def make_history_app(tmp_path: Path) -> Iterator[Callable[[int], ChiboApp]]:
    """An app on a fresh database with ``months`` of history (0: the cell only)."""
    opened: list[Repository] = []

    def make(months: int) -> ChiboApp:
        path = fill(tmp_path / f"db{months}" / "chibo.json", months)
        repository = Repository.open(path)
        opened.append(repository)
        return make_app(repository, tmp_path / "exports", clock=lambda: NOW)

    yield make
    for repository in opened:
        repository.close()
