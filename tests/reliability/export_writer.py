"""Exports for the kill test, forked from one server (python-docx imported once).

    python export_writer.py

A :func:`reliability_helpers.fork_serve` server: for each ``OUT`` line it forks a
child that exports the minutes of a demo month into ``OUT`` again and again,
printing ``W name`` after each file is in place, until it is killed.
"""

from __future__ import annotations

from pathlib import Path

import docx  # noqa: F401  (imported before the fork, as the app would have it)
from reliability_helpers import fork_serve, initial, say

from chibo_tui.export import export_minutes

CELL, HISTORY = initial()


def export_forever(args: list[str]) -> None:
    out = Path(args[0])
    say("ready")
    while True:
        say(f"W {export_minutes(CELL, HISTORY[-1], out).name}")


if __name__ == "__main__":
    fork_serve(export_forever)
