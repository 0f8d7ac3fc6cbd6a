"""Fixtures for the document tests; the builders live in ``export_fixtures``."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import make_cell, make_meeting

from chibo_tui.domain.model import Cell, Meeting


@pytest.fixture
def cell() -> Cell:
    return make_cell(14)  # the 13th member is exempt


@pytest.fixture
def meeting(cell: Cell) -> Meeting:
    return make_meeting(cell)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "exports"
