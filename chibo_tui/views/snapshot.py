"""Every meeting of a database, loaded once and shared by the history screens.

Loading 120 meetings takes a noticeable fraction of a second, so the remedies
list, the year's remedy counts and the search index share one snapshot. It is
reused until the session saves something (the caller passes its count of
saves as the ``stamp``) or another database is opened. Call from worker threads.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..domain.model import Meeting
from ..domain.remedies import TrackedRemedy, track
from ..domain.tasks import TrackedTask
from ..domain.tasks import track as track_tasks
from ..store import Repository

if TYPE_CHECKING:  # imported when the first search is made, not at start-up
    from .search import SearchIndex


@dataclass
class HistorySnapshot:
    """All meetings (oldest first), their remedies and tasks, and the search index on demand."""

    meetings: list[Meeting]
    remedies: list[TrackedRemedy]
    tasks: list[TrackedTask] = field(default_factory=list)
    _index: SearchIndex | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(cls, repo: Repository) -> HistorySnapshot:
        meetings = repo.load_all()
        return cls(meetings, track(meetings), track_tasks(meetings))

    def index(self) -> SearchIndex:
        """The search index, built the first time it is asked for."""
        from .search import SearchIndex

        with self._lock:
            if self._index is None:
                self._index = SearchIndex.build(self.meetings)
            return self._index

    @property
    def has_index(self) -> bool:
        return self._index is not None


class HistoryCache:
    """The last snapshot, keyed by the repository and a stamp of its last save."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._repo: weakref.ref[Repository] | None = None
        self._stamp: Hashable = None
        self._snapshot: HistorySnapshot | None = None

    def peek(self, repo: Repository, stamp: Hashable) -> HistorySnapshot | None:
        """The snapshot if it is still current, without loading anything."""
        with self._lock:
            return self._current(repo, stamp)

    def get(self, repo: Repository, stamp: Hashable) -> HistorySnapshot:
        """The current snapshot, loading it when the database changed since."""
        with self._lock:
            current = self._current(repo, stamp)
            if current is None:
                current = HistorySnapshot.load(repo)
                self._repo, self._stamp, self._snapshot = weakref.ref(repo), stamp, current
            return current

    def clear(self) -> None:
        with self._lock:
            self._repo, self._stamp, self._snapshot = None, None, None

    def _current(self, repo: Repository, stamp: Hashable) -> HistorySnapshot | None:
        if self._repo is None or self._repo() is not repo or self._stamp != stamp:
            return None
        return self._snapshot
