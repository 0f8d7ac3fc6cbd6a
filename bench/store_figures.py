"""The store's own figures at 120 and 600 months, in one process: the open, memory held
after it, and the first reads of a year (docs/benchmarks.md, "Fourth pass").

    .venv/bin/python bench/store_figures.py [--runs 7] [--src CHECKOUT] [--work DIR]

``--src``: measure the ``chibo_tui`` of another checkout (an older commit) on the same
databases; run this once per checkout, alternately, to interleave them. Each line is
``name: median (min–max) unit``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

SIZES = (120, 600)


def use_checkout(src: str) -> None:
    """Import ``chibo_tui`` from ``src``: ahead of the editable install's finder."""
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__module__]
    sys.path.insert(0, src)


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return (time.perf_counter() - start) * 1000, result


def report(name: str, samples: list[float], unit: str) -> None:
    print(
        f"{name}: {statistics.median(samples):.2f} ({min(samples):.2f}–{max(samples):.2f}) {unit}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--src")
    parser.add_argument("--work", default="/tmp/chibo-store-figures")
    args = parser.parse_args()
    if args.src:
        use_checkout(args.src)
    sys.path.insert(1, str(Path(__file__).parent))
    from run import make_database  # the benchmark's databases, built once

    import chibo_tui
    from chibo_tui.store import Repository
    from chibo_tui.views.snapshot import HistorySnapshot

    print(f"chibo_tui from {Path(chibo_tui.__file__).parent}")
    work = Path(args.work)
    databases = {n: make_database(work, n) for n in SIZES}
    figures: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        figures.setdefault(name, []).append(value)

    for _ in range(args.runs):
        for n, db in databases.items():  # interleaved
            gc.collect()
            ms, repo = timed(lambda db=db: Repository.open(db, defer_backup=True))
            assert isinstance(repo, Repository)
            add(f"open_for_writing_{n}_months_ms", ms)
            repo.opening_backup  # noqa: B018  (takes the backup, as the app does after its first frame)
            newest = repo.years()[-1]
            month = f"{newest - 1:04d}-06"
            ms, _ = timed(lambda repo=repo, year=newest - 1: repo.load_year(year))
            add(f"first_load_year_{n}_months_ms", ms)
            ms, _ = timed(lambda repo=repo, year=newest - 1: repo.load_year(year))
            add(f"again_load_year_{n}_months_ms", ms)
            ms, _ = timed(lambda repo=repo, month=month: repo.load_meeting(month))
            add(f"load_meeting_{n}_months_ms", ms)
            ms, _ = timed(lambda repo=repo: HistorySnapshot.load(repo))
            add(f"history_every_year_{n}_months_ms", ms)
            repo.close()
            ms, view = timed(lambda db=db: Repository.open(db, read_only=True))
            add(f"open_read_only_{n}_months_ms", ms)
            assert isinstance(view, Repository)
            view.close()
    for n, db in databases.items():
        gc.collect()
        tracemalloc.start()
        repo = Repository.open(db, defer_backup=True)
        repo.opening_backup  # noqa: B018
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
        add(f"held_after_open_{n}_months_mb", held / 2**20)
        add(f"peak_during_open_{n}_months_mb", peak / 2**20)
        tracemalloc.reset_peak()
        HistorySnapshot.load(repo)
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
        add(f"held_after_every_year_read_{n}_months_mb", held / 2**20)
        add(f"peak_while_every_year_read_{n}_months_mb", peak / 2**20)
        tracemalloc.stop()
        repo.close()
    for name, samples in figures.items():
        unit = name.rsplit("_", 1)[1]
        report(name.rsplit("_", 1)[0], samples, unit)


if __name__ == "__main__":
    main()
