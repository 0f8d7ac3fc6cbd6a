"""The state of one running chibo, owned in one place, with no UI in it.

A :class:`Session` holds the repository and the cell, one live :class:`Meeting`
per month opened, the autosave writer, the history cache and the export path
(documents are written by :mod:`chibo_tui.documents`, whose names it re-exports).
Screens edit the live objects in place; the session finds what changed by
comparing each one with the form it last handed to the writer, so no edit can
be lost by a screen forgetting to report it. Nothing here imports Textual: the
command line, the benchmark and the tests use it bare.

What only a meeting, a backup or a new cell needs (``lifecycle``, the sample
criteria and their TOML, the backup zip) is imported when first used: ~10 ms
that home's first frame does not wait for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import msgspec

from .autosave import AutoSaver
from .documents import (
    MONTHLY,
    DocumentKind,
    Exported,
    ExportRefused,
    NumberNeedsWrite,
    Pack,
    Refused,
    export_document,
    export_pack,
)
from .domain.model import Cell, Meeting, MeetingState
from .domain.months import month_of
from .domain.vietnamese import month_label
from .rescue import save_error_text, write_rescue
from .store import Repository
from .text import common as T
from .views.snapshot import HistoryCache, HistorySnapshot

__all__ = [
    "MONTHLY",
    "DocumentKind",
    "ExportRefused",
    "Exported",
    "NumberNeedsWrite",
    "Pack",
    "Refused",
    "Session",
    "export_document",
    "export_pack",
    "fill_sample",
    "open_sample",
    "sample_path",
]

SAMPLE_FILE_NAME = "chibo-mau.json"
"""The sample cell's database, next to the real one (never mixed with it)."""

SAMPLE_MONTHS = 14
"""Months of history in the sample cell."""


def sample_path(real: Path) -> Path:
    """Where the sample cell lives: next to the real database, in its own file."""
    return real.with_name(SAMPLE_FILE_NAME)


def fill_sample(repo: Repository, today: date) -> None:
    """Write the demo cell (``chibo demo``'s data) into ``repo`` if it is empty."""
    from .sample import build_demo

    if not repo.has_data():
        cell, meetings = build_demo(SAMPLE_MONTHS, today)
        repo.import_history(cell, meetings)


def open_sample(path: Path, today: date) -> Repository:
    """Open the sample database, filling it with the demo cell on first use.

    Slow (it writes and fsyncs): call from a worker thread. Raises the store's errors.
    """
    repo = Repository.open(path)
    try:
        fill_sample(repo, today)
    except BaseException:
        repo.close()
        raise
    return repo


class Session:
    """One chair's working session over one database."""

    def __init__(
        self,
        repo: Repository,
        exports_dir: Path,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.repo = repo
        self.exports_dir = exports_dir
        self.clock = clock
        self.on_saved: Callable[[datetime], None] = lambda _at: None
        """Called from the writer thread after each save (the UI posts a message)."""
        self.on_save_failed: Callable[[Exception], None] = lambda _exc: None
        """Called from the writer thread when a save failed (it is retried)."""
        self.last_saved: datetime | None = None
        self.revision = 0
        """Saves completed so far: what the history cache is keyed on."""
        self.last_export: Path | None = None
        self._history = HistoryCache()
        self._open(repo)

    def _open(self, repo: Repository) -> None:
        self.repo = repo
        self.cell: Cell | None = repo.load_cell()
        self._cell_form: bytes | None = _form(self.cell) if self.cell else None
        self._live: dict[str, Meeting] = {}
        self._forms: dict[str, _MeetingForm] = {}
        """Each live meeting as last handed to the writer (or read from disk)."""
        self._saver = AutoSaver(repo, on_saved=self._saved, on_error=self._failed, clock=self.clock)

    def _saved(self, at: datetime) -> None:
        self.last_saved = at
        self.revision += 1
        self.on_saved(at)

    def _failed(self, exc: Exception) -> None:
        self.on_save_failed(exc)

    # -- the cell ------------------------------------------------------------

    @property
    def is_sample(self) -> bool:
        """Whether the database in use is the sample cell's."""
        return self.repo.path.name == SAMPLE_FILE_NAME

    @property
    def cell_name(self) -> str:
        return self.cell.name if self.cell and self.cell.name else T.NO_CELL_NAME

    @property
    def has_members(self) -> bool:
        return self.cell is not None and bool(self.cell.active_members())

    def ensure_cell(self) -> Cell:
        """The cell, created with the sample criteria on a new database."""
        if self.cell is None:
            from .domain.criteria import sample_criteria

            self.cell = Cell(criteria=sample_criteria(), criteria_is_sample=True)
        return self.cell

    def today(self) -> date:
        """The session's clock (fixed in tests), never ``date.today()``."""
        return self.clock().date()

    # -- meetings --------------------------------------------------------------

    def meeting(self, month: str) -> Meeting:
        """The live meeting of ``month``: resumed, or started if the month is new.

        A draft is brought in line with the cell's roster and criteria each time
        it is asked for; the same object is returned until the session ends.
        """
        meeting = self._live.get(month)
        if meeting is None:
            meeting = self.repo.load_meeting(month)
            if meeting is None:
                meeting = self._start(month)
            else:
                self._forms[month] = _meeting_form(meeting)
            self._live[month] = meeting
        if not meeting.is_final:
            from .domain import lifecycle

            previous = self._previous(month)
            lifecycle.sync_follow_ups(meeting, previous)
            lifecycle.sync_task_reviews(meeting, previous)
            if self.cell is not None:
                lifecycle.sync_roster(meeting, self.cell)
                lifecycle.sync_criteria(meeting, self.cell)
        return meeting

    def _start(self, month: str) -> Meeting:
        cell = self.ensure_cell()
        previous = self._previous(month)
        now = self.clock()
        if month_of(now.date()) == month:
            day, start = now.date(), now.time().replace(second=0, microsecond=0)
        else:  # a month recorded after the fact: the chair fills in date and time
            day, start = date(int(month[:4]), int(month[5:]), 1), None
        from .domain import lifecycle

        return lifecycle.new_meeting(cell, month, day, [previous] if previous else [], start=start)

    def _previous(self, month: str) -> Meeting | None:
        """The latest meeting before ``month``: it carries every remedy still open."""
        earlier = {s.month for s in self.repo.summaries() if s.month < month}
        earlier |= {m for m in self._live if m < month}
        if not earlier:
            return None
        latest = max(earlier)
        return self._live.get(latest) or self.repo.load_meeting(latest)

    def earlier_this_year(self, month: str) -> list[Meeting]:
        """The meetings of ``month``'s year before it, oldest first (live objects where
        they are open): what the score sheet counts over the year."""
        year = month[:4]
        months = {s.month for s in self.repo.summaries() if s.month[:4] == year}
        months |= {m for m in self._live if m[:4] == year}
        return [self.meeting(m) for m in sorted(months) if m < month]

    def drafts(self) -> list[Meeting]:
        """Every meeting not yet finalised, oldest first, as live objects."""
        months = {s.month for s in self.repo.summaries() if s.state is MeetingState.DRAFT}
        months |= {m for m, meeting in self._live.items() if not meeting.is_final}
        found = [self.meeting(m) for m in sorted(months)]
        return [m for m in found if not m.is_final]

    def discard(self, month: str) -> Path | None:
        """Throw a draft away (a month opened by mistake); the backup taken first.

        Slow (it waits for the writer, then writes): call from a worker thread.
        The removal and its audit entry are one commit.
        """
        meeting = self._live.get(month) or self.repo.load_meeting(month)
        if meeting is None:
            return None
        if meeting.is_final:
            raise Refused(T.DISCARD_FINAL)
        # Out of the live set first, so that no autosave tick hands it over again.
        self._live.pop(month, None)
        self._forms.pop(month, None)
        self.wait_saved()
        files = {p.name: p.read_bytes() for p in self.repo.files()}
        from .store.backups import take_backup

        backup = take_backup(self.repo.path, files, "discard", self.clock())
        with self.repo.transaction():
            self.repo.discard_draft(month)
            self.repo.record("discard", month, T.DISCARD_AUDIT.format(month=month_label(month)))
        return backup

    def finalise(self, meeting: Meeting, override_reason: str = "") -> None:
        from .domain import lifecycle

        lifecycle.finalise(meeting, self.clock(), override_reason)
        self.flush_edits()

    def reopen(self, meeting: Meeting, reason: str) -> None:
        from .domain import lifecycle

        lifecycle.reopen(meeting, self.clock(), reason)
        self.flush_edits()

    # -- saving ------------------------------------------------------------------

    def flush_edits(self) -> None:
        """Hand whatever changed since the last call to the writer (UI thread only).

        Cheap when nothing changed: each live record encoded (msgspec, ~0.1 ms for a
        meeting where ``to_dict`` took ~3 ms, twice a second), and compared.
        """
        if self.cell is not None:
            form = _form(self.cell)
            if form != self._cell_form:
                self._cell_form = form
                self._saver.save_cell(self.cell)
        for month, meeting in self._live.items():
            now = _meeting_form(meeting)
            before = self._forms.get(month)
            if now == before:
                continue
            if before is not None and _frozen(before, now):
                continue  # a finalised record only changes through reopen or amend
            self._forms[month] = now
            self._saver.save_meeting(meeting)

    def wait_saved(self, timeout: float | None = 10.0) -> bool:
        """Wait until what was handed over is on disk (any thread); ``False`` on timeout."""
        return self._saver.flush(timeout)

    def save_now(self, timeout: float | None = 10.0) -> bool:
        """Hand over and wait (quitting, or a caller with no UI to keep alive)."""
        self.flush_edits()
        return self.wait_saved(timeout)

    @property
    def saving(self) -> bool:
        """Whether something handed over is not on disk yet."""
        return not self._saver.idle

    @property
    def save_error(self) -> Exception | None:
        """Why the last save failed, while it keeps failing."""
        return self._saver.last_error

    def unsaved(self) -> list[Cell | Meeting]:
        """What was handed to the writer and has not reached the disk."""
        return self._saver.pending()

    def save_error_text(self) -> str:
        """Why saving fails, in Vietnamese (empty while it does not)."""
        error = self._saver.last_error
        return save_error_text(error, self.repo.path.parent) if error else ""

    def rescue(self) -> Path:
        """Write what could not be saved to a rescue file (see :mod:`chibo_tui.rescue`)."""
        self.flush_edits()
        pending = self.unsaved()
        cells = [r for r in pending if isinstance(r, Cell)]
        meetings = [r for r in pending if isinstance(r, Meeting)]
        cell = cells[-1] if cells else None
        return write_rescue(self.repo, cell, meetings, self.clock(), also=[self.exports_dir])

    def close(self, timeout: float | None = 10.0) -> bool:
        """Save what is pending and stop the writer; the repository stays open."""
        self.flush_edits()
        return self._saver.close(timeout)

    # -- another database ---------------------------------------------------------

    def switch_to(self, repo: Repository) -> None:
        """Work on ``repo`` (the sample cell) from now on; the old one is saved and closed."""
        if repo is self.repo:
            self.cell = repo.load_cell()
            self._cell_form = _form(self.cell) if self.cell else None
            return
        self.close()
        self.repo.close()
        self.last_saved = None
        self._history.clear()
        self._open(repo)

    # -- history and documents ------------------------------------------------------

    def history(self) -> HistorySnapshot:
        """Every meeting and its remedies, loaded once per save (call from a worker)."""
        return self._history.get(self.repo, self.revision)

    def export(
        self,
        kind: DocumentKind,
        *,
        month: str | None = None,
        year: int | None = None,
        number: int | None = None,
    ) -> Path:
        """Write a document from what is on disk (call :meth:`wait_saved` first)."""
        return self.export_numbered(kind, month=month, year=year, number=number).path

    def export_numbered(
        self,
        kind: DocumentKind,
        *,
        month: str | None = None,
        year: int | None = None,
        number: int | None = None,
    ) -> Exported:
        """:meth:`export`, with the number the document carries (any thread).

        A number given now is recorded through the repository in one transaction,
        then put in the live cell too, so that the next save of the cell (an edit
        of the profile) carries it instead of writing the register back without it.
        """
        exported = export_document(
            self.repo,
            kind,
            self.exports_dir,
            month=month,
            year=year,
            number=number,
            at=self.clock(),
        )
        self._take_register()
        self.last_export = exported.path
        return exported

    def export_pack(
        self, month: str, *, pdf: bool, progress: Callable[[str], None] | None = None
    ) -> Pack:
        """The month's pack (any thread; call :meth:`wait_saved` first)."""
        pack = export_pack(
            self.repo, month, self.exports_dir, pdf=pdf, at=self.clock(), progress=progress
        )
        self._take_register()
        if pack.documents:
            self.last_export = pack.documents[-1].path
        return pack

    def _take_register(self) -> None:
        """Numbers issued through the repository go into the live cell too."""
        if self.cell is not None:
            on_disk = self.repo.load_cell()
            if on_disk is not None:
                self.cell.register = on_disk.register  # one assignment: safe from a worker


def _form(record: Cell | Meeting) -> bytes:
    """What the autosave compares to tell a change: the record as JSON. Any change to
    a field changes it; held as one ``bytes``, not a tree of dicts (the cell of 600
    months: ~180 KB as ``to_dict``)."""
    return msgspec.json.encode(record)


class _MeetingForm(msgspec.Struct, frozen=True):
    encoded: bytes
    state: MeetingState
    amendments: int


def _meeting_form(meeting: Meeting) -> _MeetingForm:
    return _MeetingForm(_form(meeting), meeting.state, len(meeting.amendments))


def _frozen(before: _MeetingForm, after: _MeetingForm) -> bool:
    """A finalised record changed without being reopened or amended."""
    finalised = MeetingState.FINALISED
    return (
        before.state is finalised
        and after.state is finalised
        and after.amendments == before.amendments
    )
