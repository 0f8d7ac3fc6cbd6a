"""Saving off the UI thread: the latest copy of each record, written by one thread.

The UI hands over snapshots (deep copies taken on the UI thread, so the writer
never sees a half-edited object); a burst of edits to the same record collapses
into one write. Nothing here imports Textual: the benchmark and tests use it bare.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from datetime import datetime

from .domain.model import Cell, Meeting
from .store import Repository

RETRY_DELAY = 1.0
"""Seconds between attempts while a save keeps failing (a full disk, say)."""

Saved = Callable[[datetime], None]
Failed = Callable[[Exception], None]


class AutoSaver:
    """One writer thread over a :class:`Repository`."""

    def __init__(
        self,
        repo: Repository,
        on_saved: Saved | None = None,
        on_error: Failed | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.repo = repo
        self._on_saved = on_saved or (lambda _at: None)
        self._on_error = on_error or (lambda _exc: None)
        self._clock = clock
        self._pending: dict[str, Cell | Meeting] = {}
        self._cond = threading.Condition()
        self._busy = False
        self._closed = False
        self.last_saved: datetime | None = None
        self.last_error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="chibo-autosave", daemon=True)
        self._thread.start()

    def save_meeting(self, meeting: Meeting) -> None:
        self._submit(f"meeting:{meeting.month}", copy.deepcopy(meeting))

    def save_cell(self, cell: Cell) -> None:
        self._submit("cell", copy.deepcopy(cell))

    def _submit(self, key: str, snapshot: Cell | Meeting) -> None:
        with self._cond:
            if self._closed:
                raise RuntimeError("autosave is closed")
            self._pending[key] = snapshot
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if not self._pending and self._closed:
                    return
                key = next(iter(self._pending))
                record = self._pending.pop(key)
                self._busy = True
            failed = False
            try:
                if isinstance(record, Cell):
                    self.repo.save_cell(record)
                else:
                    self.repo.save_meeting(record)
            except Exception as exc:  # reported to the UI, which keeps the edit in memory
                failed = True
                self.last_error = exc
                self._on_error(exc)
            else:
                self.last_error = None
                self.last_saved = self._clock()
                self._on_saved(self.last_saved)
            finally:
                with self._cond:
                    if failed and not self._closed:
                        # Kept for another try unless a newer copy arrived meanwhile.
                        self._pending.setdefault(key, record)
                    self._busy = False
                    self._cond.notify_all()
            if failed:
                with self._cond:
                    if not self._closed:
                        self._cond.wait(RETRY_DELAY)  # a full disk: try again shortly

    def flush(self, timeout: float | None = 10.0) -> bool:
        """Wait until everything submitted is on disk; ``False`` on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)

    def pending(self) -> list[Cell | Meeting]:
        """The records handed over and not on disk yet (what a rescue must keep)."""
        with self._cond:
            return list(self._pending.values())

    @property
    def idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._busy

    def close(self, timeout: float | None = 10.0) -> bool:
        done = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return done
