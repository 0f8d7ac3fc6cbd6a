"""``chibo demo --force`` for the kill test, forked from one server so each starts fast.

    python demo_writer.py

A :func:`reliability_helpers.fork_serve` server: for each ``DB SEED KILL_AT HOW``
line it forks a child that runs ``chibo demo --months 120 --force --seed SEED``
on ``DB``, printing ``S n what`` before each step that touches the database's
files (a file written, renamed into place, removed). At step ``KILL_AT`` it
SIGKILLs itself: before the step (``HOW`` = ``before``) or with half of the
file written (``half``). ``KILL_AT`` 0 runs to the end and prints ``done``.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

from reliability_helpers import fork_serve, say

from chibo_tui import __main__ as cli
from chibo_tui.store import atomic, commit

MONTHS = 120


def run_demo(args: list[str]) -> None:
    db, seed, kill_at, how = Path(args[0]), args[1], int(args[2]), args[3]
    done = 0

    def step(what: str, half: Callable[[], None] | None = None) -> None:
        nonlocal done
        done += 1
        say(f"S {done} {what}")
        if done == kill_at:
            if how == "half" and half is not None:
                half()
            os.kill(os.getpid(), signal.SIGKILL)

    def traced_write(real: Callable[..., None]) -> Callable[..., None]:
        def write(path: Path, data: bytes, mode: int = 0o600) -> None:
            step(f"write {path.name}", lambda: path.write_bytes(data[: len(data) // 2]))
            real(path, data, mode)

        return write

    real_replace, real_remove = os.replace, commit.remove

    def replace(src: str | Path, dst: str | Path) -> None:
        step(f"replace {Path(dst).name}")
        real_replace(src, dst)

    def remove(paths: list[Path]) -> None:
        for path in paths:
            step(f"remove {path.name}")
            real_remove([path])

    atomic.write_new = traced_write(atomic.write_new)  # temp files: main file, backups
    commit.write_new = traced_write(commit.write_new)  # year files under new names
    os.replace = replace  # type: ignore[assignment]
    commit.remove = remove
    argv = ["demo", "--db", str(db), "--months", str(MONTHS), "--force", "--seed", seed]
    code = cli.main(argv)
    say(f"done {code}")


if __name__ == "__main__":
    fork_serve(run_demo)
