"""Figures for the history screens (printed, never asserted): run it directly.

    .venv/bin/python tests/history/bench_history.py

- home: time until the home screen is first painted with its months (0, 30, 120 meetings);
- search: the index build, then the latency of each keystroke over 120 meetings
  (filtering the index and filling the result list, as ``search_now`` does).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
from pathlib import Path
from time import perf_counter

sys.path.insert(0, str(Path(__file__).parent))

from history_fixtures import NOW, fill  # noqa: E402
from textual.widgets import Input  # noqa: E402

from chibo_tui.app import make_app  # noqa: E402
from chibo_tui.screens.home import HomeScreen  # noqa: E402
from chibo_tui.screens.search import SearchScreen  # noqa: E402
from chibo_tui.store import Repository  # noqa: E402
from chibo_tui.views.search import SearchIndex  # noqa: E402
from chibo_tui.views.snapshot import HistorySnapshot  # noqa: E402

RUNS = 9
QUERY = "nguyen nhan chu quan"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def home_times(path: Path) -> tuple[float, float]:
    """(app start → first paint of the home screen with its months, refresh_months alone).

    The paint is the first screen refresh after ``refresh_months`` (a callback after
    refresh); the remedy count starts then, in a worker, and is not included.
    """
    repo = Repository.open(path)
    painted: list[float] = []
    refresh: list[float] = []
    original = HomeScreen.refresh_months

    def timed(screen: HomeScreen) -> None:
        t = perf_counter()
        original(screen)
        refresh.append(perf_counter() - t)
        screen.call_after_refresh(lambda: painted.append(perf_counter()))

    HomeScreen.refresh_months = timed  # type: ignore[method-assign]
    try:
        app = make_app(repo, path.parent / "exports", clock=lambda: NOW)
        started = perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            while not painted:
                await pilot.pause()
            await app.workers.wait_for_complete()
        return painted[0] - started, refresh[0]
    finally:
        HomeScreen.refresh_months = original  # type: ignore[method-assign]
        repo.close()


async def search_times(path: Path) -> tuple[float, list[float], list[float]]:
    """(index build, filter-only per keystroke, filter + list fill per keystroke)."""
    repo = Repository.open(path)
    try:
        t = perf_counter()
        index = SearchIndex.build(HistorySnapshot.load(repo).meetings)
        build = perf_counter() - t
        filter_only = []
        for i in range(1, len(QUERY) + 1):
            t = perf_counter()
            index.search(QUERY[:i])
            filter_only.append(perf_counter() - t)
        app = make_app(repo, path.parent / "exports", clock=lambda: NOW)
        with_ui = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.push_screen(SearchScreen())
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            field = screen.query_one("#search-input", Input)
            for i in range(1, len(QUERY) + 1):
                field.value = QUERY[:i]
                screen.search_now()
                assert screen.last_latency is not None
                with_ui.append(screen.last_latency)
                await pilot.pause()
        return build, filter_only, with_ui
    finally:
        repo.close()


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = {n: fill(Path(tmp) / f"h{n}" / "chibo.json", n) for n in (0, 30, 120)}
        for n, path in paths.items():
            shown, refresh = [], []
            for _ in range(RUNS):
                a, b = await home_times(path)
                shown.append(a)
                refresh.append(b)
            print(
                f"home, {n:3d} meetings: painted {ms(statistics.median(shown))} after start "
                f"(median of {RUNS}); refresh_months {ms(statistics.median(refresh))}"
            )

        build, filter_only, with_ui = await search_times(paths[120])
        print(f"search, 120 meetings: index built in {ms(build)} (worker, once)")
        print(
            f"  per keystroke, filter only: median {ms(statistics.median(filter_only))}, "
            f"max {ms(max(filter_only))}"
        )
        print(
            f"  per keystroke, filter + result list: median {ms(statistics.median(with_ui))}, "
            f"max {ms(max(with_ui))}"
        )


if __name__ == "__main__":
    asyncio.run(main())
