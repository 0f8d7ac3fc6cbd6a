"""Writers for the crash test, forked from one server so that each starts fast.

    python crash_writer.py

A :func:`reliability_helpers.fork_serve` server: for each ``DB START STOP`` line
it forks a writer that opens the database for writing (taking over the lock of
the writer killed before it), prints ``ready``, then prints ``B k`` before and
``D k`` after each save ``k`` of the plan.
"""

from __future__ import annotations

from pathlib import Path

from reliability_helpers import apply, fork_serve, initial, say, step

from chibo_tui.store import Repository

BASE, _ = initial()


def write(args: list[str]) -> None:
    """Saves ``START`` … ``STOP - 1`` of the plan, as a fresh chibo would make them."""
    db, start, stop = Path(args[0]), int(args[1]), int(args[2])
    repo = Repository.open(db)
    say(f"ready {repo.took_over_from or '-'}")
    for k in range(start, stop):
        say(f"B {k}")
        apply(repo, BASE, step(k))
        say(f"D {k}")
    repo.close()
    say("end")


if __name__ == "__main__":
    fork_serve(write)
