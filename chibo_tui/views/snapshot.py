"""Every meeting of a database, loaded once and shared by the history screens.

Loading 120 meetings takes a noticeable fraction of a second, so the remedies
list, the year's remedy counts and the search screen share one snapshot. It is
reused until the session saves something (the caller passes its count of
saves as the ``stamp``) or another database is opened. Call from worker threads.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field

from ..domain.carried import Carried
from ..domain.model import Meeting
from ..domain.remedies import RemedyTracker, TrackedRemedy
from ..domain.tasks import TaskTracker, TrackedTask
from ..store import Repository


@dataclass
class HistorySnapshot:
    """Every remedy and task with where it stands; the meetings on demand.

    The meetings are not kept from the start: home needs only the open-remedy count,
    and holding 600 decoded meetings for it cost ~55 MB. They are read one year at a
    time to track remedies and tasks, and read whole only for what needs them all.
    The search index is not kept here but by the search screen: the snapshot stays
    for the whole session, and the index (10 MB at 600 months) is wanted only while
    the screen is open.
    """

    remedies: list[TrackedRemedy]
    _repo: Repository = field(repr=False)
    _meetings: list[Meeting] | None = field(default=None, repr=False)
    _tasks: list[TrackedTask] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(cls, repo: Repository) -> HistorySnapshot:
        # What each meeting hands on (remedies, follow-ups, tasks and their reviews),
        # decoded without the rest of it: 600 months in ~15 ms where the meetings in
        # full took ~200 ms of the worker's time, and their memory with it. The tasks
        # wait until a screen asks (home counts remedies only; 2,000 tasks at 600
        # months held ~2.4 MB).
        remedies = RemedyTracker()
        for carried in _carried(repo):
            remedies.add(carried)
        return cls(remedies.tracked(), repo)

    @property
    def tasks(self) -> list[TrackedTask]:
        """Every task set, with its latest review, tracked the first time it is asked for."""
        with self._lock:
            if self._tasks is None:
                tracker = TaskTracker()
                for carried in _carried(self._repo):
                    tracker.add(carried)
                self._tasks = tracker.tracked()
            return self._tasks

    @property
    def meetings(self) -> list[Meeting]:
        """Every meeting, oldest first, read the first time it is asked for."""
        with self._lock:
            if self._meetings is None:
                self._meetings = self._repo.load_all()
            return self._meetings

    def year(self, year: int) -> list[Meeting]:
        """The meetings of one year, oldest first (without reading the others)."""
        if self._meetings is not None:
            return [m for m in self._meetings if m.year == year]
        return self._repo.load_year(year)

    def newest_first(self) -> Iterator[Meeting]:
        """Every meeting, newest first, read a year at a time when they have not been
        read whole: the search screen indexes the newest year before the others are
        read, and keeps none of them (600 meetings held ~55 MB)."""
        if self._meetings is not None:
            yield from reversed(self._meetings)
            return
        for year in reversed(self._repo.years()):
            yield from reversed(self._repo.load_year(year))


def _carried(repo: Repository) -> Iterator[Carried]:
    """What every meeting carries, oldest first, a year's file at a time."""
    for year in repo.years():
        yield from repo.carried(year)


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
