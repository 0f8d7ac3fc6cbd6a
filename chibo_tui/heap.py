"""When Python's garbage collector may walk the heap: never while the chair types.

With 600 meetings a full collection walked ~200,000 objects and froze the UI for
100–500 ms while typing (docs/benchmarks.md). Frozen, it walks ~3,000. Frozen objects
are never collected, though, so a meeting closed is let go at home, a little later.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

RELEASE_DELAY = 2.0
"""Seconds after a meeting closes before its screen is collected: asyncio keeps each
cancelled timer of the screen (the clock's, the cursors') until it was due, and with
it the context that refers to the screen."""


def hold_collections() -> None:
    """No collection until the first screen is up (:func:`freeze` resumes them).

    A start-up makes ~200,000 objects (Textual's styles, the database's records,
    home's rows) and each one walked by the collections that these allocations set
    off: 17 middle and one or two full collections, ~60 ms at 120 months and
    ~150–250 ms at 600, before the first frame (docs/benchmarks.md). Without them
    the process's CPU time to home's first frame fell 346 → 318 ms at 120 months and
    489 → 458 ms at 600 (medians of 7, interleaved, headless).
    """
    gc.disable()


@contextlib.contextmanager
def collections_held() -> Iterator[None]:
    """No collection while a one-shot command runs.

    An export's objects (the records, python-docx's) live until it ends, so the
    collections its allocations set off find next to nothing: ~25 ms of a report at
    120 months, ~100–150 ms of a summary at 600, with the same peak memory.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def resume_collections() -> None:
    """Collections as usual again, if :func:`freeze` did not resume them (the app
    never got as far as its first screen)."""
    gc.enable()


def freeze() -> None:
    """Keep what is loaded so far out of the full collections.

    After a start-up held collections, one runs first: what the start-up left as
    garbage goes, instead of being frozen with the rest for the whole session.
    """
    if not gc.isenabled():
        gc.collect()
        gc.enable()
    gc.freeze()


def settle() -> None:
    """Collect what was made since the last freeze, then freeze what stays.

    A collection walks only objects not frozen: right after a step's form is built
    (~20,000 new objects) it takes a few milliseconds, where the full collection
    those objects would set off later, while the chair types, walked all ~140,000
    objects built since the meeting opened (87–121 ms, every step visited at 600
    months). Nothing is frozen that was garbage.
    """
    gc.collect()
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
