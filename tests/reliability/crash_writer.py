"""Writer processes for the crash test, forked from one server so that each starts fast.

    python crash_writer.py

Reads ``DB START STOP`` lines on stdin. For each, forks a writer that opens the
database for writing (taking over the lock of the writer killed before it),
prints ``ready``, then prints ``B k`` before and ``D k`` after each save ``k`` of
the plan. The server prints ``pid N`` once the writer is forked and ``exit N S``
(the wait status) once it is gone, so every line of a writer comes before the
server's ``exit`` line. Lines are written with one ``os.write`` each on an
unbuffered pipe: what the parent reads after a SIGKILL is exactly what happened.

Imports and the demo history are done once, in the server, before any fork; the
server has no threads, so forking it is safe.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from reliability_helpers import apply, initial, step

from chibo_tui.domain.model import Cell
from chibo_tui.store import Repository


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def write(base: Cell, db: Path, start: int, stop: int) -> None:
    """Saves ``start`` … ``stop - 1`` of the plan, as a fresh chibo would make them."""
    repo = Repository.open(db)
    say(f"ready {repo.took_over_from or '-'}")
    for k in range(start, stop):
        say(f"B {k}")
        apply(repo, base, step(k))
        say(f"D {k}")
    repo.close()
    say("end")


def serve() -> None:
    base, _ = initial()
    while line := sys.stdin.readline():
        db, start, stop = line.split()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                write(base, Path(db), int(start), int(stop))
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")


if __name__ == "__main__":
    serve()
