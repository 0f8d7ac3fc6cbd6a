"""Where chibo's start-up time goes: the steps of ``chibo --db DB``, timestamped.

    python bench/startup_phases.py DB PHASES_FILE

Does what ``chibo_tui.__main__.run_app`` does (collections held until the first
screen, the opening backup deferred until it is painted), step by step, and appends
``name monotonic_seconds`` lines to ``PHASES_FILE`` as each step ends (the
benchmark kills the process once the first screen is painted, so each line is
written at once). ``bench/run.py`` runs it on a pseudo-terminal and subtracts
the moment it forked: the clock is the system's monotonic clock, shared by both
processes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(db: Path, phases: Path) -> None:
    out = phases.open("a", buffering=1)

    def mark(name: str) -> None:
        out.write(f"{name} {time.monotonic():.6f}\n")

    mark("interpreter_ready")
    import textual.app  # noqa: F401  (what the floor app imports too)

    mark("textual_imported")
    from chibo_tui import heap
    from chibo_tui.__main__ import main as _cli  # noqa: F401  (the command line's imports)
    from chibo_tui.store import Repository

    mark("cli_and_store_imported")
    heap.hold_collections()
    repo = Repository.open(db, defer_backup=True)
    mark("database_opened")
    from chibo_tui.app import make_app
    from chibo_tui.screens.home import HomeScreen

    mark("app_and_home_imported")
    app = make_app(repo, db.parent / "exports", took_over_from=repo.took_over_from)
    mark("app_made")

    refresh = HomeScreen.refresh_months

    def refresh_months(screen: HomeScreen) -> None:
        mark("home_mounted")
        refresh(screen)
        mark("months_listed")

    HomeScreen.refresh_months = refresh_months  # type: ignore[method-assign,assignment]
    try:
        app.run()
    finally:
        repo.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
