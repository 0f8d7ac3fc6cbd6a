"""What differs on Windows, simulated here: signals that do not exist."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from chibo_tui.app import make_app
from chibo_tui.store import Repository


async def test_the_app_starts_where_sighup_and_sigterm_do_not_exist(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(signal, "SIGHUP", raising=False)
    monkeypatch.delattr(signal, "SIGTERM", raising=False)
    app = make_app(repo, tmp_path / "exports")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen is not None  # started: no AttributeError from a missing signal
