"""When Python's garbage collector may walk the heap: never while the chair types.

With 600 meetings a full collection walked ~200,000 objects and froze the UI for
100–500 ms while typing (docs/benchmarks.md). Frozen, it walks ~3,000. Frozen objects
are never collected, though, so a meeting closed is let go at home, a little later.
"""

from __future__ import annotations

import gc
from typing import Any

from textual.app import App

RELEASE_DELAY = 2.0
"""Seconds after a meeting closes before its screen is collected: asyncio keeps each
cancelled timer of the screen (the clock's, the cursors') until it was due, and with
it the context that refers to the screen."""


def freeze() -> None:
    """Keep what is loaded so far out of the full collections."""
    gc.freeze()


def collect(app: App[Any]) -> None:
    """Collect what closed screens left, then freeze what is still alive.

    One full collection, ~60–120 ms at 120–600 months: only at home, never with a
    meeting open.
    """
    forget_closed_watchers(app)
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def forget_closed_watchers(app: App[Any]) -> None:
    """Drop the app's watchers that belong to widgets no longer on any screen.

    Textual drops them only when the watched reactive next changes: every
    ``TextArea`` watches ``app.theme``, which never changes during a meeting, so each
    note box of every meeting closed would stay. This does what Textual's
    ``Reactive._check_watchers`` does. The watcher table has no public name in
    Textual 8; if it moves, this does nothing, and
    ``tests/meeting/test_closed_meeting.py`` fails rather than memory growing unseen.
    """
    watchers = getattr(app, "__watchers", None)
    if not isinstance(watchers, dict):
        return
    for entries in watchers.values():
        entries[:] = [
            (node, callback) for node, callback in entries if node is app or node.is_attached
        ]
